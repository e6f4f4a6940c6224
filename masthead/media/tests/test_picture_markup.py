"""``<picture>`` markup (``{% picture %}`` and ``picture_html``): a source
per modern format, srcset and sizes from the layout, width and height for
a box that does not jump, lazy below the fold and first for the lead."""

import lxml.html
import pytest
from django.template import Context, Template

from masthead.media import renditions
from masthead.media.rendering import SLOTS, picture_html
from masthead.media.samples import make_image, photo_jpeg

pytestmark = pytest.mark.django_db


def parse(html):
    # libxml2 knows no <source> (an HTML 4 parser): it nests the <img> in
    # it, so the tests look for elements anywhere below.
    return lxml.html.fragment_fromstring(str(html))


def candidates(srcset):
    return [candidate.rsplit(" ", 1) for candidate in srcset.split(", ")]


@pytest.fixture
def image():
    picture = make_image(
        photo_jpeg(900, 600), alt={"de": "Der Rathausplatz", "en": "The town hall square"}
    )
    renditions.make_renditions(picture)
    return picture


def test_it_offers_avif_then_webp_then_jpeg(image):
    picture = parse(picture_html(image, "lead", "Der Rathausplatz"))

    assert picture.tag == "picture"
    avif, webp = picture.xpath(".//source")
    assert (avif.get("type"), webp.get("type")) == ("image/avif", "image/webp")
    for source, extension in ((avif, ".avif"), (webp, ".webp")):
        listed = candidates(source.get("srcset"))
        assert [width for _, width in listed] == ["320w", "480w", "640w", "800w"]
        assert all(
            url.startswith("/media/renditions/") and url.endswith(extension) for url, _ in listed
        )
        assert source.get("sizes") == SLOTS["lead"].sizes
    [img] = picture.xpath(".//img")
    assert [w for _, w in candidates(img.get("srcset"))] == ["320w", "480w", "640w", "800w"]
    assert img.get("src").endswith("-full-800w.jpg")  # the widest up to 1,080
    assert img.get("sizes") == SLOTS["lead"].sizes
    assert (img.get("width"), img.get("height")) == ("900", "600")
    assert img.get("alt") == "Der Rathausplatz"


def test_the_sizes_follow_the_article_column():
    # site.css: the column is 640 px, beside the 20rem sidebar from 960 px.
    assert SLOTS["lead"].sizes == (
        "(min-width: 1040px) 640px, (min-width: 960px) calc(100vw - 400px), "
        "(min-width: 672px) 640px, calc(100vw - 32px)"
    )


def test_a_picture_below_the_fold_loads_lazily(image):
    img = parse(picture_html(image, "body", "")).xpath(".//img")[0]

    assert img.get("loading") == "lazy"
    assert img.get("decoding") == "async"
    assert img.get("fetchpriority") is None


def test_the_lead_image_loads_first(image):
    img = parse(picture_html(image, "lead", "", priority=True)).xpath(".//img")[0]

    assert img.get("loading") == "eager"
    assert img.get("fetchpriority") == "high"


def test_a_teaser_gets_the_crop_and_its_box(image):
    picture = parse(picture_html(image, "teaser-lead", "", lazy=False, css_class="teaser__image"))

    img = picture.xpath(".//img")[0]
    assert img.get("class") == "teaser__image"
    assert img.get("loading") == "eager"
    assert "-16x9-" in img.get("src")
    # The widest 16:9 rendition's box (900 × 506), not the photo's 3:2.
    assert (img.get("width"), img.get("height")) == ("900", "506")
    assert all(
        "-16x9-" in url for url, _ in candidates(picture.xpath(".//source")[0].get("srcset"))
    )


def test_until_the_renditions_exist_it_shows_the_original():
    image = make_image(photo_jpeg(1200, 800), name="platz.jpg")

    picture = parse(picture_html(image, "lead", "Der Platz", priority=True))

    assert picture.xpath(".//source") == []
    img = picture.xpath(".//img")[0]
    assert img.get("src") == image.file.url
    assert img.get("srcset") is None
    assert (img.get("width"), img.get("height")) == ("1200", "800")
    assert img.get("fetchpriority") == "high"


def test_the_width_and_height_are_the_upright_size():
    # A phone photo stored sideways with EXIF orientation 6.
    from PIL import Image as PILImage

    from masthead.media.samples import photo, picture_bytes

    exif = PILImage.Exif()
    exif[0x0112] = 6
    image = make_image(picture_bytes(photo(900, 600), "JPEG", exif=exif))
    renditions.make_renditions(image)

    img = parse(picture_html(image, "lead", "")).xpath(".//img")[0]

    assert (img.get("width"), img.get("height")) == ("600", "900")


def test_the_tag_takes_the_alt_text_in_the_articles_language(image):
    template = Template(
        '{% load media %}{% picture image "lead" language priority=True %}'
        "|{{ image|alt_in:language }}|{{ image|caption_in:language }}"
    )

    html, alt, caption = template.render(Context({"image": image, "language": "en"})).split("|")

    img = parse(html).xpath(".//img")[0]
    assert img.get("alt") == alt == "The town hall square"
    assert img.get("fetchpriority") == "high"
    assert caption == ""


def test_the_tag_writes_nothing_without_an_image():
    template = Template('{% load media %}[{% picture image "lead" "de" %}]')

    assert template.render(Context({"image": None})) == "[]"


def test_alt_text_is_escaped(image):
    picture = parse(picture_html(image, "body", 'Ein "Zitat" <b>'))

    assert picture.xpath(".//img")[0].get("alt") == 'Ein "Zitat" <b>'
    assert "<b>" not in str(picture_html(image, "body", "<b>"))
