"""Categories (sections, with their parent), tags and users (authors), as
WordPress shows them to anonymous callers: only what public stories reach."""

from .conftest import api


def test_categories_are_the_sections_with_their_parent_and_public_count(
    client, newsroom, world, science, europe
):
    response = api(client, "/wp/v2/categories")
    assert response.status_code == 200
    categories = {category["id"]: category for category in response.data}
    # WordPress orders categories by name.
    assert [c["name"] for c in response.data] == ["Europa", "Welt", "Wissenschaft"]
    assert categories[europe.pk]["parent"] == world.pk
    assert categories[world.pk]["parent"] == 0
    assert categories[world.pk]["count"] == 1  # the draft and the scheduled story do not count
    assert categories[europe.pk] == {
        "id": europe.pk,
        "count": 1,
        "description": "",
        "link": "http://testserver/de/rubrik/europa/",
        "name": "Europa",
        "slug": "europa",
        "taxonomy": "category",
        "parent": world.pk,
        "meta": [],
        "_links": categories[europe.pk]["_links"],
    }
    assert categories[europe.pk]["_links"]["up"] == [
        {"embeddable": True, "href": f"http://testserver/wp-json/wp/v2/categories/{world.pk}"}
    ]
    assert response["X-WP-Total"] == "3"


def test_categories_filters(client, newsroom, world, science, europe):
    def names(query):
        return [c["name"] for c in api(client, "/wp/v2/categories" + query).data]

    assert names(f"?parent={world.pk}") == ["Europa"]
    assert names("?parent=0") == ["Welt", "Wissenschaft"]
    assert names("?slug=welt") == ["Welt"]
    assert names("?search=wiss") == ["Wissenschaft"]
    assert names(f"?post={newsroom['storm'].pk}") == ["Europa"]
    assert names("?orderby=id&order=desc") == ["Europa", "Wissenschaft", "Welt"]
    assert names("?lang=en") == ["Europe", "Science", "World"]
    assert api(client, f"/wp/v2/categories/{europe.pk}").data["name"] == "Europa"
    missing = api(client, "/wp/v2/categories/999999")
    assert missing.status_code == 404
    assert missing.data["code"] == "rest_term_invalid"


def test_tags_only_those_public_stories_carry(client, newsroom):
    response = api(client, "/wp/v2/tags")
    assert [tag["name"] for tag in response.data] == ["Haushalt", "Klima"]
    budget = response.data[0]
    assert budget == {
        "id": newsroom["budget"].pk,
        "count": 1,
        "description": "",
        "link": "http://testserver/de/thema/haushalt/",
        "name": "Haushalt",
        "slug": "haushalt",
        "taxonomy": "post_tag",
        "meta": [],
        "_links": budget["_links"],
    }
    assert api(client, f"/wp/v2/tags/{newsroom['secret_tag'].pk}").status_code == 404
    assert [t["name"] for t in api(client, "/wp/v2/tags?lang=en").data] == ["Budget"]
    assert [t["name"] for t in api(client, f"/wp/v2/tags?post={newsroom['storm'].pk}").data] == [
        "Klima"
    ]
    assert [t["name"] for t in api(client, "/wp/v2/tags?search=kli").data] == ["Klima"]


def test_users_are_the_authors_of_public_stories_with_public_fields_only(client, newsroom, author):
    response = api(client, "/wp/v2/users")
    assert [user["name"] for user in response.data] == ["Jonas Weber", "Lena Hartmann"]
    lena = api(client, f"/wp/v2/users/{author.pk}").data
    assert lena == {
        "id": author.pk,
        "name": "Lena Hartmann",
        "url": "",
        "description": "Lena berichtet aus Brüssel.",
        "link": "http://testserver/de/autor/lena-hartmann/",
        "slug": "lena-hartmann",
        "avatar_urls": {},
        "meta": [],
        "_links": lena["_links"],
    }
    assert api(client, f"/wp/v2/users/{author.pk}?lang=en").data["description"] == (
        "Lena reports from Brussels."
    )
    hidden = api(client, f"/wp/v2/users/{newsroom['hidden_author'].pk}")
    assert hidden.status_code == 404
    assert hidden.data["code"] == "rest_user_invalid_id"
    assert [u["slug"] for u in api(client, "/wp/v2/users?search=jonas").data] == ["jonas-weber"]
