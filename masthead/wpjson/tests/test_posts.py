"""/wp-json/wp/v2/posts: public stories in WordPress's post shape."""

from datetime import UTC

from django.utils import timezone

from .conftest import api


def test_it_lists_the_public_stories_of_the_default_language_newest_first(client, newsroom):
    response = api(client, "/wp/v2/posts")
    assert response.status_code == 200
    assert [post["id"] for post in response.data] == [
        newsroom["council"].pk,
        newsroom["storm"].pk,
        newsroom["moon"].pk,
    ]
    assert response["X-WP-Total"] == "3"
    assert response["X-WP-TotalPages"] == "1"
    assert response["Content-Type"] == "application/json; charset=UTF-8"


def test_it_never_shows_a_draft_or_a_scheduled_story(client, newsroom):
    ids = {post["id"] for post in api(client, "/wp/v2/posts?per_page=100").data}
    assert newsroom["draft"].pk not in ids
    assert newsroom["scheduled"].pk not in ids
    for story in ("draft", "scheduled"):
        response = api(client, f"/wp/v2/posts/{newsroom[story].pk}")
        assert response.status_code == 404
        assert response.data == {
            "code": "rest_post_invalid_id",
            "message": "Ungültige Beitrags-ID.",  # the site's language, German
            "data": {"status": 404},
        }
    searched = api(client, "/wp/v2/posts?search=Entwurf&slug=geheimer-entwurf")
    assert searched.data == []


def test_a_post_has_wordpress_fields(client, newsroom):
    council, image = newsroom["council"], newsroom["image"]
    post = api(client, f"/wp/v2/posts/{council.pk}").data
    local = timezone.localtime(council.publish_at).replace(microsecond=0, tzinfo=None)
    gmt = council.publish_at.astimezone(UTC).replace(microsecond=0, tzinfo=None)
    link = f"http://testserver/de/artikel/{council.slug}/"
    assert post["id"] == council.pk
    assert post["date"] == local.isoformat()
    assert post["date_gmt"] == gmt.isoformat()
    assert post["modified"] == local.isoformat()
    assert post["modified_gmt"] == gmt.isoformat()
    assert post["slug"] == council.slug
    assert post["status"] == "publish"
    assert post["type"] == "post"
    assert post["link"] == link
    assert post["guid"] == {"rendered": link}
    assert post["title"] == {"rendered": "Der Rat beschließt den Haushalt"}
    assert post["content"] == {
        "rendered": "<p>Der Rat hat am Dienstag den Haushalt beschlossen.</p>",
        "protected": False,
    }
    assert post["excerpt"] == {
        "rendered": "<p>Eine Zusammenfassung in einem Satz.</p>\n",
        "protected": False,
    }
    assert post["author"] == newsroom["council"].bylines.first().author_id
    assert post["featured_media"] == image.pk
    assert post["categories"] == [council.section_id]
    assert post["tags"] == [newsroom["budget"].pk]
    assert post["sticky"] is False
    assert post["comment_status"] == "closed"
    assert post["format"] == "standard"
    assert post["lang"] == "de"
    assert post["translations"] == {"de": council.pk, "en": newsroom["english"].pk}


def test_its_links_name_the_related_resources_as_wordpress_does(client, newsroom):
    council, jonas = newsroom["council"], newsroom["jonas"]
    links = api(client, f"/wp/v2/posts/{council.pk}").data["_links"]
    base = "http://testserver/wp-json/wp/v2"
    assert links["self"] == [
        {"href": f"{base}/posts/{council.pk}", "targetHints": {"allow": ["GET"]}}
    ]
    assert links["collection"] == [{"href": f"{base}/posts"}]
    assert [link["href"] for link in links["author"]] == [
        f"{base}/users/{council.bylines.first().author_id}",
        f"{base}/users/{jonas.pk}",
    ]
    assert all(link["embeddable"] for link in links["author"])
    assert links["wp:featuredmedia"] == [
        {"embeddable": True, "href": f"{base}/media/{newsroom['image'].pk}"}
    ]
    assert links["wp:term"] == [
        {
            "taxonomy": "category",
            "embeddable": True,
            "href": f"{base}/categories?post={council.pk}",
        },
        {"taxonomy": "post_tag", "embeddable": True, "href": f"{base}/tags?post={council.pk}"},
    ]
    assert links["curies"][0]["name"] == "wp"


def test_every_link_answers(client, newsroom):
    post = api(client, f"/wp/v2/posts/{newsroom['council'].pk}").data
    for relation, links in post["_links"].items():
        if relation == "curies":
            continue
        for link in links:
            path = link["href"].removeprefix("http://testserver")
            assert client.get(path).status_code == 200, (relation, path)


def test_a_pinned_story_is_sticky(client, newsroom):
    posts = {post["id"]: post for post in api(client, "/wp/v2/posts").data}
    assert posts[newsroom["storm"].pk]["sticky"] is True
    assert [p["id"] for p in api(client, "/wp/v2/posts?sticky=true").data] == [newsroom["storm"].pk]
    assert newsroom["storm"].pk not in [p["id"] for p in api(client, "/wp/v2/posts?sticky=0").data]


def test_the_body_is_rendered_with_absolute_image_addresses(client, newsroom, make_article):
    image = newsroom["image"]
    article = make_article(
        "Mit Bild", body=f'<p>Vorher</p><figure data-image="{image.pk}"></figure><p>Nachher</p>'
    )
    content = api(client, f"/wp/v2/posts/{article.pk}").data["content"]["rendered"]
    assert '<img src="http://testserver/media/' in content
    assert 'alt="Das Rathaus"' in content
    assert "Foto: <bdi>Jana Berger</bdi>" in content or "Photo:" in content


def test_pages_are_an_empty_collection(client, newsroom):
    response = api(client, "/wp/v2/pages")
    assert response.status_code == 200
    assert response.data == []
    assert response["X-WP-Total"] == "0"
    assert api(client, f"/wp/v2/pages/{newsroom['council'].pk}").status_code == 404
