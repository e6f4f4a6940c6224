"""/wp-json/wp/v2/media: the library's images that public stories show,
with their renditions as WordPress's sizes."""

from masthead.articles.models import Article

from .conftest import api


def test_it_lists_only_images_public_stories_show(client, newsroom, make_image, make_article):
    unused = make_image(width=40, height=30, name="unbenutzt.png")
    in_draft = make_image(width=40, height=30, name="entwurf.png")
    make_article("Entwurf mit Bild", status=Article.Status.DRAFT, age=None, lead_image=in_draft)
    response = api(client, "/wp/v2/media")
    assert [item["id"] for item in response.data] == [newsroom["image"].pk]
    for hidden in (unused, in_draft):
        missing = api(client, f"/wp/v2/media/{hidden.pk}")
        assert missing.status_code == 404
        assert missing.data["code"] == "rest_post_invalid_id"


def test_an_image_in_wordpress_shape(client, newsroom):
    image = newsroom["image"]
    item = api(client, f"/wp/v2/media/{image.pk}").data
    assert item["type"] == "attachment"
    assert item["status"] == "inherit"
    assert item["media_type"] == "image"
    assert item["mime_type"] == "image/png"
    assert item["alt_text"] == "Das Rathaus"
    assert item["caption"] == {"rendered": "<p>Am Markt</p>\n"}
    assert item["source_url"] == f"http://testserver{image.file.url}"
    details = item["media_details"]
    assert (details["width"], details["height"]) == (700, 400)
    assert details["image_meta"]["credit"] == "Jana Berger"
    sizes = details["sizes"]
    assert sizes["full"]["source_url"] == item["source_url"]
    assert {"thumbnail", "medium", "medium_large", "large", "full"} <= set(sizes)
    jpegs = image.renditions.filter(format="jpeg", crop="")
    for rendition in jpegs:
        size = sizes[f"original-{rendition.width}"]
        assert size["source_url"] == f"http://testserver{rendition.file.url}"
        assert (size["width"], size["height"]) == (rendition.width, rendition.height)
        assert size["mime_type"] == "image/jpeg"
    assert sizes["medium"]["width"] == 320
    assert sizes["thumbnail"]["width"] == sizes["thumbnail"]["height"]
    assert api(client, f"/wp/v2/media/{image.pk}?lang=en").data["alt_text"] == "The town hall"


def test_media_filters(client, newsroom):
    image = newsroom["image"].pk
    assert [m["id"] for m in api(client, f"/wp/v2/media?parent={newsroom['council'].pk}").data] == [
        image
    ]
    assert api(client, f"/wp/v2/media?parent={newsroom['storm'].pk}").data == []
    assert [m["id"] for m in api(client, "/wp/v2/media?search=Rathaus").data] == [image]
    assert api(client, "/wp/v2/media?media_type=video").data == []
    assert [m["id"] for m in api(client, "/wp/v2/media?mime_type=image/png").data] == [image]


def test_a_picture_still_to_be_fetched_is_no_attachment(client, newsroom, make_article):
    """An imported picture whose file is not there yet is shown nowhere,
    so the API neither lists it nor names it as a post's featured media."""
    from masthead.media.models import Image

    pending = Image.objects.create(source_address="https://old.example/wp-content/uploads/a.jpg")
    story = make_article("Mit Bild von der alten Seite", lead_image=pending)
    assert pending.pk not in [item["id"] for item in api(client, "/wp/v2/media").data]
    assert api(client, f"/wp/v2/media/{pending.pk}").status_code == 404
    post = api(client, f"/wp/v2/posts/{story.pk}?_embed").data
    assert post["featured_media"] == 0
    assert "wp:featuredmedia" not in post["_links"]
    assert "wp:featuredmedia" not in post.get("_embedded", {})
