"""``?_embed``: the linked authors, featured image and terms inside the
post, under ``_embedded``, as WordPress embeds them."""

from .conftest import api


def test_it_embeds_authors_featured_media_and_terms(client, newsroom, author, world):
    council, jonas, image = newsroom["council"], newsroom["jonas"], newsroom["image"]
    post = api(client, f"/wp/v2/posts/{council.pk}?_embed").data
    embedded = post["_embedded"]
    assert [user["id"] for user in embedded["author"]] == [author.pk, jonas.pk]
    assert set(embedded["author"][0]) == {
        "id", "name", "url", "description", "link", "slug", "avatar_urls", "_links"
    }  # fmt: skip
    media = embedded["wp:featuredmedia"][0]
    assert media["id"] == image.pk
    assert media["source_url"] == f"http://testserver{image.file.url}"
    assert media["media_details"]["sizes"]["full"]["width"] == 700
    categories, tags = embedded["wp:term"]
    assert categories == [
        {
            "id": world.pk,
            "link": "http://testserver/de/rubrik/welt/",
            "name": "Welt",
            "slug": "welt",
            "taxonomy": "category",
            "_links": categories[0]["_links"],
        }
    ]
    assert [tag["name"] for tag in tags] == ["Haushalt"]


def test_it_embeds_only_what_is_asked_for(client, newsroom):
    post = api(client, f"/wp/v2/posts/{newsroom['council'].pk}?_embed=author").data
    assert set(post["_embedded"]) == {"author"}
    post = api(
        client, f"/wp/v2/posts/{newsroom['council'].pk}?_embed=wp:term,wp:featuredmedia"
    ).data
    assert set(post["_embedded"]) == {"wp:term", "wp:featuredmedia"}


def test_without_embed_there_is_nothing_embedded(client, newsroom):
    assert all("_embedded" not in post for post in api(client, "/wp/v2/posts").data)


def test_a_list_embeds_too(client, newsroom):
    posts = api(client, "/wp/v2/posts?_embed").data
    storm = next(post for post in posts if post["id"] == newsroom["storm"].pk)
    assert "wp:featuredmedia" not in storm["_embedded"]  # it has no lead image
    assert storm["_embedded"]["wp:term"][0][0]["name"] == "Europa"


def test_fields_keeps_only_what_is_asked_for(client, newsroom):
    council = newsroom["council"]
    post = api(client, f"/wp/v2/posts/{council.pk}?_fields=id,title.rendered,link").data
    assert post == {
        "id": council.pk,
        "title": {"rendered": "Der Rat beschließt den Haushalt"},
        "link": f"http://testserver/de/artikel/{council.slug}/",
    }
    posts = api(client, "/wp/v2/posts?_fields=id,_links&_embed=author").data
    assert set(posts[0]) == {"id", "_links", "_embedded"}
