"""axe-core finds no accessibility violations on any public page type
(German and English between them), as rendered by Chromium."""

import re

import pytest
from browser_helpers import axe_script, demo_pages, format_violations, run_axe, sign_in
from django.template import loader
from django.utils import translation

pytestmark = pytest.mark.browser

# Every page type at least once, spread over both languages.
PAGES = [
    ("de", "home"),
    ("en", "home"),
    ("de", "home-page-2"),
    ("de", "article-image"),
    ("en", "article-image"),
    ("en", "article-no-image"),
    ("de", "article-correction"),
    ("de", "section"),
    ("en", "child-section"),
    ("de", "tag"),
    ("en", "author"),
    ("de", "search"),
    ("en", "search"),
    ("de", "404"),
    ("en", "404"),
    ("de", "desk-login"),
]


@pytest.mark.parametrize("language, kind", PAGES, ids=[f"{lang}-{kind}" for lang, kind in PAGES])
def test_page_has_no_axe_violations(demo_site, new_page, settings, language, kind):
    axe_script()  # fail early (and clearly) when axe-core is not installed
    settings.PAGE_SIZE = 3  # so that there is a home page 2 and paginated lists
    page = new_page(locale="de-DE" if language == "de" else "en-GB")
    path = "/desk/login/" if kind == "desk-login" else demo_pages(language)[kind]
    response = page.goto(demo_site + path)
    assert response.status == (404 if kind == "404" else 200), path
    violations = run_axe(page)
    assert not violations, f"axe-core violations on {path}:\n{format_violations(violations)}"


@pytest.mark.parametrize("language", ["de", "en"])
def test_server_error_page_has_no_axe_violations(new_page, language):
    with translation.override(language):
        html = loader.get_template("500.html").render({})
    page = new_page()
    page.set_content(html)
    violations = run_axe(page)
    assert not violations, f"axe-core violations on the 500 page:\n{format_violations(violations)}"


def test_axe_harness_reports_violations(new_page):
    """The harness itself: a broken page must produce violations."""
    page = new_page()
    page.set_content(
        "<!DOCTYPE html><html><head></head><body>"
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
        '<p style="color:#bbb;background:#fff">Pale text</p>'
        '<input type="text"></body></html>'
    )
    ids = {v["id"] for v in run_axe(page)}
    expected = {"html-has-lang", "document-title", "image-alt", "color-contrast", "label"}
    assert expected <= ids, f"missing: {expected - ids}"


FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body || el.dataset.tabbed) return null;  // back at the start
    el.dataset.tabbed = "yes";
    const style = getComputedStyle(el);
    let background = "rgb(255, 255, 255)";
    for (let node = el.parentElement; node; node = node.parentElement) {
        const color = getComputedStyle(node).backgroundColor;
        if (!/^(transparent|rgba\\(.*, 0\\))$/.test(color)) { background = color; break; }
    }
    const text = el.textContent.trim().slice(0, 30);
    return {
        element: `${el.tagName.toLowerCase()} ${JSON.stringify(text)}`,
        style: style.outlineStyle, width: parseFloat(style.outlineWidth),
        color: style.outlineColor, background,
    };
}"""


def luminance(css_color):
    channels = [int(c) / 255 for c in re.findall(r"\d+", css_color)[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_keyboard_focus_is_clearly_visible(demo_site, page):
    """What axe cannot see: every link reached with Tab shows an outline of at
    least 2px with 3:1 contrast against what surrounds it (WCAG 1.4.11, 2.4.7)."""
    page.goto(demo_site + demo_pages("de")["article-correction"])
    seen, poor = [], []
    for _ in range(150):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            break
        seen.append(focused["element"])
        ratio = contrast(focused["color"], focused["background"])
        if focused["style"] == "none" or focused["width"] < 2 or ratio < 3:
            poor.append(f"{focused} (contrast {ratio:.2f}:1)")
    assert len(seen) > 20, f"Tab reached only {seen}"
    assert not poor, "focus hard to see on:\n" + "\n".join(poor)


MEDIA_PAGES = [
    "media",
    "media-edit",
    "media-upload",
    "article-with-image",
    "front-page",
    "translations",
]


@pytest.mark.parametrize("kind", MEDIA_PAGES)
def test_the_media_library_has_no_axe_violations(demo_site, new_page, editor, kind):
    from masthead.articles.models import Article
    from masthead.media.models import Image

    axe_script()
    image = Image.objects.order_by("pk").first()
    path = {
        "media": "/desk/media/",
        "media-edit": f"/desk/media/{image.pk}/",
        "media-upload": "/desk/media/upload/",
        "front-page": "/desk/front-page/",
        "translations": "/desk/translations/",
        "article-with-image": (
            f"/desk/articles/{Article.objects.filter(lead_image=image).first().pk}/"
        ),
    }[kind]
    page = new_page(locale="de-DE")
    sign_in(page, demo_site, "eda")
    response = page.goto(demo_site + path)
    assert response.status == 200, path
    if kind == "article-with-image":
        page.locator(".lead-image__chooser summary").click()  # the grid open too
    violations = run_axe(page)
    assert not violations, f"axe-core violations on {path}:\n{format_violations(violations)}"
