"""What a reader's browser downloads for an article whose lead image is a
3,000 × 2,000 photo (issue 11): on a phone (390 px wide, density 3) at
most 150 KB of image on first view, on a desktop at most 250 KB; the AVIF
rendition is the one chosen; and the picture shifts nothing as it loads.

The bytes are Chromium's own count (the DevTools network log's
``encodedDataLength``: what came over the wire, headers included)."""

import pytest

from masthead.media import renditions
from masthead.media.samples import make_image, photo_jpeg

pytestmark = pytest.mark.browser

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP = {"viewport": {"width": 1280, "height": 900}, "device_scale_factor": 1}
DESKTOP_HIDPI = {"viewport": {"width": 1440, "height": 900}, "device_scale_factor": 2}

# Collects layout shifts from the start, before the page's own scripts,
# each with whether it moved anything of the article itself (a lead image
# without its size reserved moves the text below it). A relative time in
# "Recent posts" that the page's script brings up to date can move what
# follows it by a line; that is no shift of the picture's making.
LAYOUT_SHIFTS = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    const moved = (entry.sources || []).map(source => source.node).filter(Boolean)
      .map(node => (node.nodeType === 1 ? node : node.parentElement)).filter(Boolean);
    window.__shifts.push({
      value: entry.value,
      inArticle: moved.some(node => node.closest && node.closest("article.article")),
      nodes: moved.map(node => node.nodeName + "." + (node.className || "")),
    });
  }
}).observe({type: "layout-shift", buffered: true});
"""


@pytest.fixture
def pictured_article(transactional_db, live_server, settings, monkeypatch, make_article):
    from masthead import urls

    # The media route took MEDIA_ROOT when the URLconf was imported; point
    # it at this test's MEDIA_ROOT (as the demo_site fixture does).
    for pattern in urls.urlpatterns:
        if "document_root" in getattr(pattern, "default_args", {}):
            monkeypatch.setitem(pattern.default_args, "document_root", settings.MEDIA_ROOT)
    image = make_image(
        photo_jpeg(3000, 2000),
        alt={"de": "Der Rathausplatz am Morgen"},
        caption={"de": "Vor der Sitzung."},
        credit="Jana Berger",
    )
    renditions.make_renditions(image)
    article = make_article("Der Rat tagt", lead_image=image)
    return live_server.url + article.get_absolute_url()


def first_view(new_page, url, device):
    """Open ``url`` as ``device``; the images Chromium fetched: [(url, type, bytes)]."""
    page = new_page(**device)
    page.add_init_script(LAYOUT_SHIFTS)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    responses, finished = {}, {}
    cdp.on(
        "Network.responseReceived",
        lambda e: responses.__setitem__(e["requestId"], (e["type"], e["response"]["url"])),
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: finished.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    page.goto(url, wait_until="networkidle")
    page.wait_for_function("document.querySelector('.article__image img').complete")
    images = [
        (responses[rid][1], responses[rid][1].rsplit(".", 1)[-1], size)
        for rid, size in finished.items()
        if rid in responses and responses[rid][0] == "Image"
    ]
    return page, images


@pytest.mark.parametrize(
    ("device", "budget", "width"),
    [(PHONE, 150_000, 1080), (DESKTOP, 250_000, 640), (DESKTOP_HIDPI, 250_000, 1280)],
    ids=["phone", "desktop", "desktop-density-2"],
)
def test_the_reader_downloads_a_small_avif(new_page, pictured_article, device, budget, width):
    page, images = first_view(new_page, pictured_article, device)

    total = sum(size for _, _, size in images)
    assert total <= budget, images
    img = page.locator(".article__image img")
    chosen = img.evaluate("img => img.currentSrc")
    assert chosen.endswith(f"-full-{width}w.avif"), chosen
    assert [url for url, _, _ in images] == [chosen]  # the original is never fetched


def test_the_lead_image_shifts_nothing(new_page, pictured_article):
    page, _ = first_view(new_page, pictured_article, PHONE)

    shifts = page.evaluate("window.__shifts")
    assert sum(shift["value"] for shift in shifts if shift["inArticle"]) == 0, shifts
    box = page.locator(".article__image img").bounding_box()
    assert box["width"] == pytest.approx(358, abs=1)  # 390 − 2 × 16 px
    assert box["height"] == pytest.approx(358 * 2 / 3, abs=1)
