"""One language per answer: the address's prefix, else ``?lang=``, else
the site's default language."""

from .conftest import api


def test_the_default_language_without_prefix_or_lang(client, newsroom):
    posts = api(client, "/wp/v2/posts").data
    assert {post["lang"] for post in posts} == {"de"}


def test_the_language_prefix(client, newsroom):
    english = newsroom["english"]
    response = client.get("/en/wp-json/wp/v2/posts")
    posts = response.json()
    assert [post["id"] for post in posts] == [english.pk]
    post = posts[0]
    assert post["lang"] == "en"
    assert post["link"] == f"http://testserver/en/article/{english.slug}/"
    assert post["title"]["rendered"] == "The council passes the budget"
    assert post["translations"] == {"de": newsroom["council"].pk, "en": english.pk}
    # Links stay under the prefix the client used.
    assert post["_links"]["self"][0]["href"] == (
        f"http://testserver/en/wp-json/wp/v2/posts/{english.pk}"
    )
    names = [c["name"] for c in client.get("/en/wp-json/wp/v2/categories").json()]
    assert names == ["Europe", "Science", "World"]


def test_the_lang_parameter_and_its_links(client, newsroom):
    english = newsroom["english"]
    posts = api(client, "/wp/v2/posts?lang=en").data
    assert [post["id"] for post in posts] == [english.pk]
    assert posts[0]["_links"]["self"][0]["href"] == (
        f"http://testserver/wp-json/wp/v2/posts/{english.pk}?lang=en"
    )
    response = api(client, "/wp/v2/posts?lang=xx")
    assert response.status_code == 400
    assert response.data["data"]["details"]["lang"]["code"] == "rest_not_in_enum"


def test_a_post_asked_for_by_id_is_found_in_its_own_language(client, newsroom):
    post = api(client, f"/wp/v2/posts/{newsroom['english'].pk}").data
    assert post["lang"] == "en"
    assert post["link"].startswith("http://testserver/en/")


def test_the_answer_does_not_follow_accept_language(client, newsroom):
    response = api(client, "/wp/v2/posts", HTTP_ACCEPT_LANGUAGE="en")
    assert {post["lang"] for post in response.data} == {"de"}
    assert response["Content-Language"] == "de"
    assert api(client, "/wp/v2/posts?lang=en")["Content-Language"] == "en"


def test_a_prefix_that_is_no_content_language_is_not_the_api(client, newsroom):
    assert client.get("/fr/wp-json/wp/v2/posts").status_code == 404
    assert client.get("/fr/wp-json/wp/v2/posts")["Content-Type"].startswith("text/html")
