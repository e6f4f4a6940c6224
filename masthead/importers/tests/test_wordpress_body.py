"""WordPress post content becomes a clean Masthead body
(masthead/importers/wordpress/body.py): blocks, classic HTML, shortcodes
and embeds, tried on every post of the WordPress exports in
../shared/corpora/wxr, and case by case."""

import html
import re

import lxml.html
import pytest
from lxml import etree

from masthead.articles.body import Gallery, Picture, body_nodes
from masthead.importers.wordpress.body import convert, parse_blocks, shortcode_attributes
from masthead.lib.html import sanitize

from .conftest import ROOT

WXR = ROOT.parent / "shared" / "corpora" / "wxr"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def library(url, attachment_id):
    """Every picture is in the library: an attachment under its own id, an
    address under an id made from it."""
    return attachment_id or 100_000 + sum(url.encode()) % 100_000


def nothing(url, attachment_id):
    return None


def wxr_bodies() -> list[tuple[str, str, str]]:
    """(file, title, content) of every item with content in every
    well-formed export of the corpus (those that are not well-formed are
    the importer's to refuse)."""
    found = []
    for path in sorted(WXR.rglob("*.xml")):
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        )
        try:
            tree = etree.parse(str(path), parser)
        except etree.XMLSyntaxError:
            continue
        for item in tree.iter("item"):
            content = item.find(CONTENT)
            if content is not None and (content.text or "").strip():
                found.append((path.name, item.findtext("title") or "", content.text))
    return found


BODIES = wxr_bodies() if WXR.is_dir() else []
corpus = pytest.mark.skipif(not BODIES, reason=f"the WordPress exports in {WXR} are missing")


def words(text: str) -> str:
    return " ".join(html.unescape(text).replace("\u00a0", " ").split())


def text_of(body: str) -> str:
    if not body.strip():
        return ""
    return words(lxml.html.fragment_fromstring(body, create_parent="div").text_content())


# The source's paragraphs whose text must arrive: not those in blocks
# WordPress fills itself, in forms, in captions or embeds, nor a bare address.
SKIPPED_CONTAINERS = {"figcaption", "form", "script", "noscript", "style", "template", "object"}


def source_paragraphs(content: str) -> list[str]:
    content = re.sub(r"<!--\s*wp:(?:latest|rss|query|post-|comment)[\s\S]*?-->", "", content)
    root = lxml.html.fragment_fromstring(content, create_parent="div")
    found = []
    for paragraph in root.iter("p"):
        if any(a.tag in SKIPPED_CONTAINERS for a in paragraph.iterancestors()):
            continue
        if any("wp-block-embed" in (a.get("class") or "") for a in paragraph.iterancestors()):
            continue
        text = words(paragraph.text_content())
        if not text or "[" in text or re.fullmatch(r"https?://\S+", text):
            continue
        found.append(text)
    if "<!-- wp:" not in content:
        # Classic content: the blank-line paragraphs of plain text.
        for chunk in re.split(r"\n\s*\n", content):
            if "<" not in chunk and "[" not in chunk and "://" not in chunk and chunk.strip():
                found.append(words(chunk))
    return found


def source_headings(content: str) -> list[str]:
    root = lxml.html.fragment_fromstring(content, create_parent="div")
    headings = root.xpath("//h1|//h2|//h3|//h4|//h5|//h6")
    return [text for h in headings if (text := words(h.text_content()))]


@corpus
def test_the_corpus_has_what_these_tests_are_about():
    assert len(BODIES) > 400
    assert sum("<!-- wp:" in content for _, _, content in BODIES) > 60
    assert sum("[caption" in content for _, _, content in BODIES) > 10
    assert sum("[gallery" in content for _, _, content in BODIES) > 5


@corpus
@pytest.mark.parametrize(
    ("name", "title", "content"),
    BODIES,
    ids=[f"{name}:{number}" for number, (name, _, _) in enumerate(BODIES)],
)
def test_every_post_of_the_corpus_converts_cleanly(name, title, content):
    converted = convert(content, image=library, attached=[1, 2, 3])
    body = converted.html

    assert sanitize(body) == body
    assert "<!-- wp:" not in body and "<!--" not in body
    assert "[caption" not in body and "[gallery" not in body
    root = lxml.html.fragment_fromstring(body or "<p></p>", create_parent="div")
    for element in root.iter():
        assert element.tag not in ("script", "iframe", "style", "img", "object", "embed")
        assert not any(name.lower().startswith("on") for name in element.attrib)
        assert not element.get("href", "").lower().startswith("javascript")

    text = text_of(body)
    for paragraph in source_paragraphs(content):
        assert paragraph in text
    heads = [words(h.text_content()) for h in root.xpath("//h2|//h3|//h4")]
    for heading in source_headings(content):
        assert heading in heads

    galleries = [node for _, _, node in body_nodes(body) if isinstance(node, Gallery)]
    assert all(gallery.pictures for gallery in galleries)
    expected = content.count("<!-- wp:gallery") + len(re.findall(r"(?<!\[)\[gallery\b", content))
    assert len(galleries) == expected
    assert len(converted.notes) == len(set(converted.notes))


@corpus
def test_without_the_pictures_in_the_library_none_is_shown():
    for _name, _title, content in BODIES:
        converted = convert(content, image=nothing)
        assert "data-image" not in converted.html
        assert "<img" not in converted.html
        if "wp-image-" in content:
            assert any("picture" in note for note in converted.notes)


# Case by case


def test_a_caption_shortcode_becomes_a_picture_with_its_caption():
    calls = []

    def image(url, attachment_id):
        calls.append((url, attachment_id))
        return 7

    converted = convert(
        '[caption id="attachment_6" align="alignright" width="300"]<a href="http://old.example'
        '/a.jpg"><img class="size-medium wp-image-6" src="http://old.example/a-300x200.jpg" '
        'alt="A boat" width="300" height="200" /></a> The <em>harbour</em> at dawn[/caption]'
        "\n\nThe text goes on.",
        image=image,
    )
    assert converted.html == (
        '<figure data-image="7"><figcaption>The <em>harbour</em> at dawn</figcaption></figure>\n'
        "<p>The text goes on.</p>"
    )
    assert calls == [("http://old.example/a-300x200.jpg", 6)]
    assert converted.notes == []


def test_a_picture_not_in_the_library_is_left_out_with_a_note():
    converted = convert(
        '<p>Before <img src="http://old.example/x.jpg"> after.</p>\n\n'
        '[caption id="attachment_9"]<img src="http://old.example/y.jpg"> Caption[/caption]',
        image=nothing,
    )
    assert converted.html == "<p>Before  after.</p>"
    assert converted.notes == ["picture not in the media library left out"]


def test_a_gallery_takes_its_ids_or_the_posts_attachments():
    converted = convert(
        '[gallery ids="12, 11"]\n\n[gallery]\n\n[gallery exclude="2"]\n\n[[gallery]]\n\n'
        '[gallery order="DESC"]\n\n[gallery id="77"]',
        image=library,
        attached=[1, 2, 3],
    )
    nodes = [node for _, _, node in body_nodes(converted.html)]
    assert nodes == [
        Gallery((Picture(12), Picture(11))),
        Gallery((Picture(1), Picture(2), Picture(3))),
        Gallery((Picture(1), Picture(3))),
        Gallery((Picture(3), Picture(2), Picture(1))),
    ]
    assert "<p>[gallery]</p>" in converted.html  # escaped: the text itself
    assert converted.notes == ["gallery of another post's pictures left out"]


def test_block_images_and_galleries_become_nodes():
    content = (
        '<!-- wp:image {"id":5,"align":"full"} -->\n'
        '<figure class="wp-block-image alignfull">'
        '<img src="http://old.example/a.jpg" alt="" class="wp-image-5"/><figcaption>Wide'
        "</figcaption></figure>\n"
        "<!-- /wp:image -->\n"
        "\n"
        '<!-- wp:gallery {"linkTo":"none"} -->\n'
        '<figure class="wp-block-gallery has-nested-images"><!-- wp:image {"id":6} -->\n'
        '<figure class="wp-block-image">'
        '<img src="http://old.example/b.jpg" alt="" class="wp-image-6"/><figcaption>B'
        "</figcaption></figure>\n"
        "<!-- /wp:image -->\n"
        "\n"
        '<!-- wp:image {"id":8} -->\n'
        '<figure class="wp-block-image">'
        '<img src="http://old.example/c.jpg" alt="" class="wp-image-8"/></figure>\n'
        '<!-- /wp:image --><figcaption class="blocks-gallery-caption">Two boats</figcaption>'
        "</figure>\n"
        "<!-- /wp:gallery -->\n"
        "\n"
        '<!-- wp:gallery {"ids":[21,22]} -->\n'
        '<figure class="wp-block-gallery columns-2"><ul class="blocks-gallery-grid">'
        '<li class="blocks-gallery-item"><figure>'
        '<img src="http://old.example/d.jpg" data-id="21" class="wp-image-21"/></figure></li>'
        '<li class="blocks-gallery-item"><figure>'
        '<img src="http://old.example/e.jpg" data-id="22" class="wp-image-22"/>'
        '<figcaption class="blocks-gallery-item__caption">E</figcaption></figure></li></ul>'
        "</figure>\n"
        "<!-- /wp:gallery -->"
    )
    converted = convert(content, image=library)
    nodes = [node for _, _, node in body_nodes(converted.html)]
    assert nodes == [
        Picture(5, "full", "Wide"),
        Gallery((Picture(6, "column", "B"), Picture(8))),
        Gallery((Picture(21), Picture(22, "column", "E"))),
    ]
    assert "<p>Two boats</p>" in converted.html


def test_layout_blocks_are_unwrapped_and_dynamic_ones_left_out():
    content = (
        "<!-- wp:columns -->\n"
        '<div class="wp-block-columns"><!-- wp:column -->\n'
        '<div class="wp-block-column"><!-- wp:heading {"level":1} -->\n'
        '<h1 class="wp-block-heading">Big news</h1>\n'
        "<!-- /wp:heading --></div>\n"
        "<!-- /wp:column -->\n"
        "\n"
        "<!-- wp:column -->\n"
        '<div class="wp-block-column"><!-- wp:paragraph {"style":{"color":{"text":"red"}}} -->\n'
        '<p style="color:red" class="has-text-color">In a column.</p>\n'
        "<!-- /wp:paragraph --></div>\n"
        "<!-- /wp:column --></div>\n"
        "<!-- /wp:columns -->\n"
        "\n"
        "<!-- wp:latest-posts /-->\n"
        "\n"
        "<!-- wp:archives /-->\n"
        "\n"
        "<!-- wp:buttons -->\n"
        '<div class="wp-block-buttons"><!-- wp:button -->\n'
        '<div class="wp-block-button">'
        '<a class="wp-block-button__link" href="https://example.org/">Subscribe</a></div>\n'
        "<!-- /wp:button --></div>\n"
        "<!-- /wp:buttons -->\n"
        "\n"
        "<!-- wp:separator -->\n"
        '<hr class="wp-block-separator"/>\n'
        "<!-- /wp:separator -->\n"
        "\n"
        "<!-- wp:more -->\n"
        "<!--more-->\n"
        "<!-- /wp:more -->"
    )
    converted = convert(content, image=library)
    assert converted.html == (
        "<h2>Big news</h2>\n<p>In a column.</p>\n"
        '<p><a href="https://example.org/" rel="noopener noreferrer">Subscribe</a></p>\n<hr>'
    )
    assert converted.notes == [
        "block latest-posts removed: WordPress fills it when it shows a page",
        "block archives removed: WordPress fills it when it shows a page",
    ]


def test_embeds_become_nodes_for_known_providers_and_links_for_others():
    content = (
        "Watch this:\n\nhttp://www.youtube.com/watch?v=dQw4w9WgXcQ\n\n"
        "[embed]https://vimeo.com/76979871[/embed]\n\n"
        "https://old.example/some-page/\n\n"
        '<!-- wp:embed {"url":"https://www.facebook.com/example/posts/1"} -->\n'
        '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\n'
        "https://www.facebook.com/example/posts/1\n</div></figure>\n<!-- /wp:embed -->"
    )
    converted = convert(content, image=library)
    assert converted.html == (
        "<p>Watch this:</p>\n"
        '<figure data-embed="https://www.youtube.com/watch?v=dQw4w9WgXcQ"></figure>\n'
        '<figure data-embed="https://vimeo.com/76979871"></figure>\n'
        '<p><a href="https://old.example/some-page/" rel="noopener noreferrer">'
        "https://old.example/some-page/</a></p>\n"
        '<p><a href="https://www.facebook.com/example/posts/1" rel="noopener noreferrer">'
        "https://www.facebook.com/example/posts/1</a></p>"
    )
    assert converted.notes == ["embed from www.facebook.com kept as a link"]


def test_what_the_sanitiser_would_remove_is_removed_here_and_said():
    content = (
        '<p onclick="steal()">Read <a href="javascript:alert(1)">this</a>.</p>\n'
        "<script>alert(1)</script>\n"
        '<iframe src="https://tracker.example/frame"></iframe>\n'
        '<iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed"></iframe>\n'
        '<form action="/x"><input name="q"><button>Go</button></form>\n'
        '<figure data-image="1"></figure>\n'
        '<div style="color:red"><span class="x">Loose <b>text</b></span></div>'
    )
    converted = convert(content, image=nothing)
    assert converted.html == (
        "<p>Read this.</p>\n"
        '<figure data-embed="https://www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed"></figure>\n'
        "<p>Loose <b>text</b></p>"
    )
    assert sanitize(converted.html) == converted.html
    assert sorted(converted.notes) == [
        "event handler attributes removed",
        "form fields removed",
        "frame from tracker.example removed",
        "link to a script or another scheme removed, its text kept",
        "script removed",
    ]


def test_unknown_shortcodes_go_and_their_text_stays():
    converted = convert(
        'Our [highlight color="red"]main point[/highlight] stands.\n\n[contact-form-7 id="3"]'
        "\n\nFootnote [1] and [sic] stay.",
        image=library,
    )
    assert converted.html == "<p>Our main point stands.</p>\n<p>Footnote [1] and [sic] stay.</p>"
    assert converted.notes == [
        "unknown shortcode [highlight] removed",
        "unknown shortcode [contact-form-7] removed",
    ]


def test_video_and_audio_of_the_old_site_become_links():
    converted = convert(
        '[video width="640" mp4="http://old.example/clip.mp4"][/video]\n\n'
        "[audio https://old.example/song.mp3]\n\n"
        '<!-- wp:video -->\n<figure class="wp-block-video"><video controls '
        'src="https://old.example/b.mp4"></video><figcaption>The launch</figcaption></figure>\n'
        "<!-- /wp:video -->",
        image=library,
    )
    assert converted.html == (
        '<p><a href="http://old.example/clip.mp4" rel="noopener noreferrer">clip.mp4</a></p>\n'
        '<p><a href="https://old.example/song.mp3" rel="noopener noreferrer">song.mp3</a></p>\n'
        '<p><a href="https://old.example/b.mp4" rel="noopener noreferrer">The launch</a></p>'
    )
    assert sorted(converted.notes) == ["audio kept as a link", "video kept as a link"]


def test_headings_keep_their_levels_within_what_bodies_have():
    converted = convert("<h1>One</h1><h3>Three</h3><h6>Six</h6>", image=library)
    assert converted.html == "<h2>One</h2>\n<h3>Three</h3>\n<h4>Six</h4>"


def test_a_picture_in_a_sentence_moves_after_its_paragraph_in_order():
    converted = convert(
        '<p>A <img src="http://old.example/a.jpg" class="wp-image-1"> and '
        '<a href="http://old.example/b.jpg"><img src="http://old.example/b.jpg" '
        'class="wp-image-2"></a> end.</p>',
        image=library,
    )
    assert converted.html == (
        '<p>A  and  end.</p>\n<figure data-image="1"></figure>\n<figure data-image="2"></figure>'
    )


def test_a_source_figure_cannot_claim_a_library_picture():
    converted = convert(
        '<figure data-image="1" data-mh="x"><figcaption>Mine</figcaption></figure>'
        '<figure data-embed="https://vimeo.com/1"></figure>',
        image=nothing,
    )
    assert "data-image" not in converted.html and "data-embed" not in converted.html


def test_the_block_parser_reads_nesting_void_blocks_and_attributes():
    parts = parse_blocks(
        'a<!-- wp:group {"layout":{"type":"flex"}} --><div><!-- wp:spacer {"height":"20px"} /-->'
        "<!-- wp:paragraph --><p>x</p><!-- /wp:paragraph --></div><!-- /wp:group -->b"
    )
    assert parts[0] == "a" and parts[-1] == "b"
    group = parts[1]
    assert group.name == "group" and group.attrs == {"layout": {"type": "flex"}}
    assert [child.name for child in group.children] == ["spacer", "paragraph"]
    assert group.children[0].void


def test_shortcode_attributes_are_read_as_wordpress_reads_them():
    assert shortcode_attributes(" ids=\"1,2\" Columns='3' link=file https://x.example/a.mp3") == {
        "ids": "1,2",
        "columns": "3",
        "link": "file",
        "0": "https://x.example/a.mp3",
    }


def test_nothing_in_nothing_out():
    assert convert("", image=library).html == ""
    assert convert("   \n\n ", image=library).html == ""


def test_pages_run_on_with_a_note():
    converted = convert("Page one.\n<!--nextpage-->\nPage two.", image=library)
    assert "Page one." in converted.html and "Page two." in converted.html
    assert converted.notes == ["page breaks (<!--nextpage-->) removed: the pages run on as one"]


def test_the_theme_unit_test_data_has_its_pictures_and_galleries():
    path = WXR / "themeunittestdata.wordpress.xml"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    bodies = [content for name, _, content in BODIES if name == path.name]
    converted = [convert(content, image=library, attached=[1]) for content in bodies]
    assert sum(c.html.count("data-gallery") for c in converted) >= 5
    assert sum(c.html.count("data-image") for c in converted) >= 40
    assert sum(c.html.count("data-embed") for c in converted) >= 3


# Hostile or broken content: a clear result, never an error.


def test_broken_block_markup_is_read_as_far_as_it_goes():
    converted = convert(
        '<!-- /wp:paragraph --><!-- wp:image {"id":"x", -->\n<figure><img src="http://old.example'
        '/b.jpg"></figure><!-- /wp:image --><!-- wp:paragraph --><p>Left open',
        image=library,
    )
    assert converted.html == (
        f'<figure data-image="{library("http://old.example/b.jpg", None)}"></figure>\n'
        "<p>Left open</p>"
    )


def test_many_brackets_and_unclosed_delimiters_are_only_text():
    assert convert("[a]" * 5000, image=library).html == f"<p>{'[a]' * 5000}</p>"
    assert convert("<!-- wp:a {" * 2000, image=library).html == ""
    assert convert("[" * 5000, image=library).html == f"<p>{'[' * 5000}</p>"


def test_control_characters_are_removed():
    assert convert("a\x00b\x01c", image=library).html == "<p>abc</p>"


def test_a_nested_caption_leaves_no_stray_closing_tag():
    converted = convert(
        '[caption][caption]<img src="http://old.example/x.jpg"> inner[/caption] outer[/caption]',
        image=library,
    )
    assert "[/caption]" not in converted.html
    assert "inner" in converted.html and "outer" in converted.html


def test_escaped_text_stays_text():
    converted = convert(
        "&lt;script&gt;alert(1)&lt;/script&gt; and <code>&lt;iframe&gt;</code>", image=library
    )
    assert converted.html == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; and <code>&lt;iframe&gt;</code></p>"
    )


def test_deeply_nested_markup_keeps_its_text():
    converted = convert("<div>" * 300 + "Deep text" + "</div>" * 300, image=library)
    assert converted.html == "<p>Deep text</p>"
    # Deeper than Python's recursion limit (libxml2 reads 2,048 levels).
    converted = convert("<b>" * 1500 + "Very deep", image=library)
    assert converted.html == "<p>Very deep</p>"
    assert converted.notes == ["markup nested too deeply: kept as plain text"]
    assert sanitize(converted.html) == converted.html
