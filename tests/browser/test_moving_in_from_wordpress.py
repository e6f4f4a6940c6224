"""A newsroom's afternoon as people see it: WordPress's Theme Unit Test
data is imported with `masthead import_wxr`, ada the administrator makes
an integration token and a webhook in the desk (copying the secrets the
pages show once), ten old WordPress addresses opened in the browser land
on the right Masthead pages, the token publishes a story through
/api/v1/, a worker's run delivers the signed event to a real HTTP
receiver, and the webhook's log in the desk shows it delivered.

The command-line twin, with `masthead serve` and its worker and the
WordPress client, is tests/test_newsroom_afternoon.py."""

import json
import urllib.error
import urllib.request
from io import StringIO

import pytest
from browser_helpers import sign_in
from django.core.management import call_command

from masthead.articles.models import Article
from masthead.importers.models import WordPressItem
from masthead.importers.tests.conftest import THEME_UNIT_TEST, needs_wxr
from masthead.people.models import Author
from masthead.sections.models import Section, Tag
from masthead.testing import run_jobs
from masthead.webhooks.tests.receivers import Receiver

pytestmark = [pytest.mark.browser, needs_wxr]

HEADLINE = "Council passes the budget"


def _story(wp_id: int) -> Article:
    row = WordPressItem.objects.get(kind__in=("post", "page"), wp_id=str(wp_id))
    return Article.objects.get(pk=row.object_id)


def _object(model, kind: str, slug: str):
    return model.objects.get(pk=WordPressItem.objects.get(kind=kind, slug=slug).object_id)


@pytest.fixture
def imported(transactional_db, live_server, settings, administrator):
    """The Theme Unit Test data imported into the live server's database."""
    settings.SITE_URL = live_server.url
    # The receiver is a plain HTTP server on this machine.
    settings.WEBHOOKS_ALLOW_HTTP = True
    settings.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = True
    out = StringIO()
    call_command("import_wxr", str(THEME_UNIT_TEST), "--no-progress", stdout=out)
    return out.getvalue()


def _api(base, method, path, token, body=None):
    headers = {"Authorization": f"Bearer {token}"}
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(base + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:  # noqa: S310 (the live server)
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_a_newsroom_moves_in_from_wordpress_in_an_afternoon(imported, live_server, new_page):
    base = live_server.url
    page = new_page(locale="en-GB")
    sign_in(page, base, "ada", language="en")

    # An integration token for the wire desk, made on its page.
    page.get_by_role("link", name="Integration tokens").click()
    page.locator("#id_name").fill("Wire desk")
    page.locator("#id_user").select_option(label="ada")
    page.get_by_label("Create and edit drafts, submit them for review").check()
    page.get_by_label("Publish and schedule articles").check()
    page.get_by_role("button", name="Make the token").click()
    token = page.locator("code.token-secret").inner_text().strip()
    assert token.startswith("mh_")

    with Receiver() as receiver:
        # A webhook to the newsletter's receiver; its secret copied there.
        page.get_by_role("link", name="Webhooks").click()
        page.get_by_role("link", name="Add a webhook").click()
        page.get_by_label("Address").fill(receiver.url)
        page.get_by_label("Published", exact=True).check()
        page.get_by_role("button", name="Add the webhook").click()
        receiver.secret = page.locator("code.webhook-secret").inner_text().strip()
        assert receiver.secret.startswith("whsec_")
        webhook_page = page.url

        # Ten old addresses, each to the right page.
        markup = _object(Section, "category", "markup")
        codex = _object(Tag, "tag", "codex")
        author = _object(Author, "author", "themedemos")
        old_addresses = {
            "/?p=358": (_story(358).get_absolute_url(), _story(358).headline),
            "/?page_id=2": (_story(2).get_absolute_url(), _story(2).headline),
            "/2013/01/10/markup-image-alignment/": (
                _story(1177).get_absolute_url(),
                "Markup: Image Alignment",
            ),
            "/lorem-ipsum/": (_story(146).get_absolute_url(), "Lorem Ipsum"),
            "/level-1/level-2/level-3/": (_story(172).get_absolute_url(), "Level 3"),
            # Attachment pages: the story each belonged to.
            "/?attachment_id=1022": (_story(1011).get_absolute_url(), _story(1011).headline),
            "/2010/09/10/post-format-gallery/canola2/": (
                _story(555).get_absolute_url(),
                "Post Format: Gallery",
            ),
            "/category/markup/": (markup.url_in("en"), markup.names["en"]),
            "/tag/codex/": (codex.get_absolute_url(), codex.name),
            "/author/themedemos/": (author.url_in("en"), author.name),
        }
        reader = new_page(locale="en-GB")
        for old, (new, heading) in old_addresses.items():
            response = reader.goto(base + old)
            assert response.status == 200, old
            assert response.request.redirected_from is not None, old
            assert response.request.redirected_from.response().status == 301, old
            assert reader.url == base + new, old
            assert heading in reader.locator("h1").first.inner_text(), (old, heading)

        # On a phone, WordPress's widest markup (a poem's long lines in
        # <pre>, tables) scrolls in its own box, not the page.
        phone = new_page(viewport={"width": 390, "height": 844})
        for path in ("/2013/01/11/markup-html-tags-and-formatting/", "/en/", "/de/"):
            phone.goto(base + path)
            width = phone.evaluate("() => document.documentElement.scrollWidth")
            assert width <= 390, (path, width)

        # The token publishes a story through the API.
        draft = {
            "language": "en",
            "headline": HEADLINE,
            "section": _story(358).section_id,
            "authors": [author.pk],
            "standfirst": "The vote was close.",
            "body": "<p>The council passed the budget on Tuesday.</p>",
        }
        status, article = _api(base, "POST", "/api/v1/articles", token, draft)
        assert status == 201, article
        status, published = _api(base, "POST", f"/api/v1/articles/{article['id']}/publish", token)
        assert status == 200, published

        run_jobs()  # as `masthead worker` does

    assert len(receiver.received) == 1
    delivered = receiver.received[0]
    assert delivered.verified
    event = json.loads(delivered.body)
    assert (event["type"], event["article"]["id"]) == ("article.published", article["id"])

    # The webhook's log shows the delivery, delivered.
    page.goto(webhook_page)
    row = page.locator("table.webhook-deliveries tbody tr")
    assert row.count() == 1
    assert "article.published" in row.inner_text()
    assert HEADLINE in row.inner_text()
    assert "Delivered" in row.locator("td").first.inner_text()
    assert "200" in row.locator("summary").first.inner_text()

    # Readers find the story.
    reader.goto(base + "/en/")
    reader.get_by_role("link", name=HEADLINE).first.click()
    assert reader.locator("h1").inner_text() == HEADLINE
