"""Stored HTML is sanitised: known XSS payloads come out harmless, good
markup comes out intact.

The output is parsed with lxml.html and checked for what a browser would
act on: dangerous elements, event handler attributes, script-bearing URLs
and frames: an iframe of an allowlisted player becomes an embed node, any
other is dropped.
"""

import re

import lxml.html
import pytest
from django.utils import translation

from masthead.articles import services
from masthead.articles.models import Article
from masthead.lib import embeds
from masthead.lib.html import sanitize

# Classic filter-evasion payloads (OWASP XSS Filter Evasion Cheat Sheet and
# friends), each a body an attacker might paste into the editor.
PAYLOADS = [
    # script elements
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
    "<ScRiPt>alert(String.fromCharCode(88,83,83))</sCrIpT>",
    '<SCRIPT/XSS SRC="https://xss.example/xss.js"></SCRIPT>',
    "<<SCRIPT>alert(1);//<</SCRIPT>",
    "<SCRIPT SRC=https://xss.example/xss.js?< B >",
    "<script>alert(1)",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<p>text</p><script type="text/javascript">document.write("x")</script>',
    # images and event handlers
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",  # noqa: E501
    "<IMG SRC=&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041>",  # noqa: E501
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",  # noqa: E501
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    '<IMG SRC="javascript:alert(1)" onmouseover="alert(2)">',
    "<IMG DYNSRC=\"javascript:alert('XSS')\">",
    "<IMG LOWSRC=\"javascript:alert('XSS')\">",
    '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    '<p onclick="alert(1)" onmouseover=alert(2)>Hallo</p>',
    '<a href="https://example.org" onfocus="alert(1)" autofocus>x</a>',
    '<blockquote cite="javascript:alert(1)" onmouseenter="alert(1)">q</blockquote>',
    '<BODY ONLOAD=alert("XSS")>',
    '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
    '<details open ontoggle="alert(1)">x</details>',
    '<video><source onerror="alert(1)"></video>',
    "<audio src=x onerror=alert(1)>",
    # links with script-bearing URLs
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="  javascript:alert(1)">click</a>',
    '<a href="java\nscript:alert(1)">click</a>',
    '<a href="&#106;avascript:alert(1)">click</a>',
    '<a href="javascript&colon;alert(1)">click</a>',
    '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">click</a>',  # noqa: E501
    '<a href="vbscript:msgbox(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
    '<a href="livescript:alert(1)">click</a>',
    "<a href='javas&#99;ript:alert(1)'>click</a>",
    '<a href="jav&#x09;ascript:alert(1)" title="x">click</a>',
    # iframes, frames, objects
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="https://www.youtube.com/embed/abc" srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="https://evil.example/embed/"></iframe>',
    '<iframe src="https://evil.example/?https://www.youtube.com/embed/x"></iframe>',
    '<iframe src="//evil.example/"></iframe>',
    '<iframe title="x src=y" src="https://evil.example/"></iframe>',
    '<iframe src="https://www.youtube.com/embed/x"><script>alert(1)</script></iframe>',
    '<iframe src="https://player.vimeo.com/video/1" onload="alert(1)"></iframe>',
    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
    '<object data="javascript:alert(1)"></object>',
    '<OBJECT TYPE="text/x-scriptlet" DATA="https://xss.example/scriptlet.html"></OBJECT>',
    '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dHA6Ly93d3cudzMub3JnLzIwMDAvc3ZnIj48L3N2Zz4=" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',  # noqa: E501
    '<applet code="Evil.class"></applet>',
    # SVG and MathML
    "<svg onload=alert(1)>",
    '<svg><script xlink:href="data:,alert(1)"></script></svg>',
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<math><maction actiontype="statusline#http://x" xlink:href="javascript:alert(1)">c</maction></math>',  # noqa: E501
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    # style and CSS expressions
    "<STYLE>@import'https://xss.example/xss.css';</STYLE>",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<DIV STYLE=\"width: expression(alert('XSS'));\">",
    '<p style="behavior: url(xss.htc)">x</p>',
    '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
    '<STYLE>BODY{-moz-binding:url("https://xss.example/xssmoz.xml#xss")}</STYLE>',
    # meta, base, forms
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">',  # noqa: E501
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    '<base href="https://evil.example/">',
    '<form action="javascript:alert(1)"><input type="submit"></form>',
    '<form><button formaction="javascript:alert(1)">x</button></form>',
    "<button formaction=javascript:alert(1)>x</button>",
    "<isindex type=image src=1 onerror=alert(1)>",
    # template, noscript, comments, unclosed and broken markup
    "<template><script>alert(1)</script></template>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<!--<img src=x onerror=alert(1)>-->",
    "<!--[if gte IE 4]><SCRIPT>alert('XSS');</SCRIPT><![endif]-->",
    "<p>a<!-- --!><img src=x onerror=alert(1)> --></p>",
    '<a href="https://example.org"<img src=x onerror=alert(1)>',
    '<img src="x" alt="a"onerror="alert(1)">',
    '<img src="x` `<script>alert(1)</script>"` `>',
    '<p title="&quot;><script>alert(1)</script>">x</p>',
    "<a href='https://ok.example/\"' onclick=alert(1)>x</a>",
    '<xmp><p title="</xmp><img src=x onerror=alert(1)>"></xmp>',
    "<textarea><script>alert(1)</script></textarea>",
    "<title><img src=x onerror=alert(1)></title>",
    "<select><style></select><img src=x onerror=alert(1)></style>",
    "<p>\x00<script>alert(1)</script></p>",
    '<HEAD><META HTTP-EQUIV="CONTENT-TYPE" CONTENT="text/html; charset=UTF-7"></HEAD>+ADw-SCRIPT+AD4-alert(1);+ADw-/SCRIPT+AD4-',  # noqa: E501
    '<img src="https://example.org/a.png" srcset="javascript:alert(1) 1x">',
    '<a href="https://example.org" target="_blank" ping="https://evil.example/">x</a>',
]

FORBIDDEN_ELEMENTS = {
    "script", "style", "object", "embed", "applet", "form", "button", "input", "meta", "base",
    "link", "svg", "math", "frame", "frameset", "template", "noscript", "body", "head", "title",
    "textarea", "select", "details", "video", "audio", "source", "isindex",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "cite", "action", "formaction", "data", "poster", "srcset"}
ALLOWED_SCHEMES = {"http", "https", "mailto"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def scheme(url: str) -> str | None:
    """The scheme a browser would see: controls and spaces around the URL and
    tabs/newlines inside it do not count (WHATWG URL parsing)."""
    url = url.strip("".join(map(chr, range(0x21))))
    url = re.sub(r"[\t\n\r]", "", url).lower()
    match = _SCHEME.match(url)
    return match.group(1) if match else None


def parse(fragment: str):
    """The sanitised fragment as a tree (a wrapper div around it)."""
    return lxml.html.fragment_fromstring(fragment or "", create_parent="div")


def assert_harmless(output: str) -> None:
    assert "<script" not in output.lower()
    root = parse(output)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        tag = element.tag.lower().rpartition("}")[2]
        assert tag not in FORBIDDEN_ELEMENTS, f"<{tag}> survived in {output!r}"
        for name, value in element.attrib.items():
            name = name.lower()
            assert not name.startswith("on"), f"{name}= survived in {output!r}"
            assert name not in {"style", "srcdoc", "formaction", "action", "xlink:href"}, output
            if name in URL_ATTRIBUTES:
                assert scheme(value) in ALLOWED_SCHEMES | {None}, f"{name}={value!r} in {output!r}"
        # Frames are made by the reader page from an embed node, never stored.
        assert tag != "iframe", f"iframe in {output!r}"
        if tag == "figure" and "data-embed" in element.attrib:
            assert embeds.find(element.get("data-embed")), f"embed node in {output!r}"
            assert len(element) == 0 and not (element.text or "").strip(), (
                f"embed node content: {output!r}"
            )


def test_it_has_enough_payloads():
    assert len(set(PAYLOADS)) >= 50


@pytest.mark.parametrize("payload", PAYLOADS)
def test_it_defuses_payload(payload):
    output = sanitize(payload)

    assert_harmless(output)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_it_defuses_payload_inside_good_markup(payload):
    output = sanitize(f"<p>Vorher</p>{payload}<p>Nachher</p>")

    assert_harmless(output)
    assert "Vorher" in output


@pytest.mark.parametrize("payload", PAYLOADS)
def test_it_is_stable_when_sanitised_again(payload):
    once = sanitize(payload)

    assert sanitize(once) == once


def test_it_keeps_good_markup():
    body = (
        "<h2>Was geschah</h2>"
        "<p>Der <strong>Rat</strong> hat <em>am Dienstag</em> beschlossen. "
        '<a href="https://example.org/bericht">Der Bericht</a> und '
        '<a href="mailto:redaktion@example.org">die Redaktion</a>, '
        '<a href="/de/">die Startseite</a>.</p>'
        '<blockquote cite="https://example.org/rede"><p>Ein Zitat.</p></blockquote>'
        "<ul><li>Erstens</li><li>Zweitens</li></ul>"
        '<ol start="3"><li>Drittens</li></ol>'
        '<figure><img src="https://example.org/a.jpg" alt="Ein Bild" width="640" height="360">'
        "<figcaption>Bildunterschrift</figcaption></figure>"
    )

    root = parse(sanitize(body))

    assert root.xpath("string(//h2)") == "Was geschah"
    assert root.xpath("//p/strong/text()") == ["Rat"]
    assert root.xpath("//p/em/text()") == ["am Dienstag"]
    assert root.xpath("//a/@href") == [
        "https://example.org/bericht",
        "mailto:redaktion@example.org",
        "/de/",
    ]
    assert root.xpath("//blockquote/@cite") == ["https://example.org/rede"]
    assert root.xpath("//blockquote/p/text()") == ["Ein Zitat."]
    assert root.xpath("//ul/li/text()") == ["Erstens", "Zweitens"]
    assert root.xpath("//ol/@start") == ["3"]
    assert root.xpath("//figure/img/@src") == ["https://example.org/a.jpg"]
    assert root.xpath("//figure/img/@alt") == ["Ein Bild"]
    assert root.xpath("string(//figcaption)") == "Bildunterschrift"


@pytest.mark.parametrize(
    "src",
    [
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        "https://www.youtube.com/embed/dQw4w9WgXcQ",
        "https://player.vimeo.com/video/76979871",
    ],
)
def test_it_turns_the_iframe_of_an_allowlisted_player_into_an_embed_node(src):
    output = sanitize(
        f'<p>Video:</p><iframe src="{src}" width="560" height="315" title="Clip"></iframe>'
    )

    assert output == f'<p>Video:</p><figure data-embed="{src}"></figure>'


def test_it_drops_the_whole_iframe_of_an_unknown_player():
    output = sanitize('<p>a</p><iframe src="https://evil.example/" title="Clip"></iframe><p>b</p>')

    assert "iframe" not in output
    assert "Clip" not in output
    assert parse(output).xpath("//p/text()") == ["a", "b"]


def test_it_keeps_text_of_removed_elements_escaped():
    output = sanitize("<p>1 < 2 & <b>3</b> > 0</p><marquee>Laufschrift</marquee>")

    assert output == "<p>1 &lt; 2 &amp; <b>3</b> &gt; 0</p>Laufschrift"


# Payloads made only of markup, so that nothing of them may be left, not
# even as text.
PAGE_PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    '<a href="javascript:alert(1)">Link</a>',
    '<a href="&#x6A;avascript&colon;alert(1)">Link</a>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<iframe src="https://www.youtube.com/embed/x"><script>alert(1)</script></iframe>',
    "<DIV STYLE=\"width: expression(alert('XSS'));\">",
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
    '<blockquote cite="javascript:alert(1)" onmouseover="alert(1)">Zitat</blockquote>',
]


def test_it_serves_a_saved_payload_body_without_the_payload(client, world, author):
    body = "<p>Der Rat tagte.</p>" + "".join(PAGE_PAYLOADS)
    article = Article(
        headline="Der Rat tagt",
        language="de",
        section=world,
        status=Article.Status.PUBLISHED,
        body=body,
        standfirst="Eine Sitzung.",
    )
    services.save_article(article, authors=[author])

    with translation.override("de"):
        response = client.get(article.get_absolute_url())

    assert response.status_code == 200
    page = response.content.decode()
    assert "Der Rat tagte." in page
    assert "onerror" not in page.lower()
    assert "onload" not in page.lower()
    assert "onmouseover" not in page.lower()
    assert "javascript" not in page.lower()
    assert "expression(" not in page
    assert "srcdoc" not in page
    assert "alert(" not in page
    root = lxml.html.fromstring(page)
    [body_element] = root.find_class("article__body")
    assert "<script" not in lxml.html.tostring(body_element, encoding="unicode").lower()
    # The page's own scripts only: the relative-time helper and the JSON-LD.
    scripts = root.xpath("//script")
    assert [s.get("type") for s in scripts] == [None, "application/ld+json"]
    assert scripts[0].get("src").endswith("/reltime.js")
    assert_harmless(lxml.html.tostring(body_element, encoding="unicode"))
