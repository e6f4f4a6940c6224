"""The content API's interactive documentation (/api/v1/docs) in Chromium,
under the site's Content-Security-Policy: Swagger UI loads from the site's
own static files, shows every operation of the schema, and the browser
reports no violation; "Try it out" answers from the API itself."""

import pytest
from browser_helpers import Watch

pytestmark = pytest.mark.browser


def test_the_documentation_works_under_the_policy(transactional_db, new_page, live_server,
                                                  make_article):  # fmt: skip
    make_article("Der Rat beschließt den Haushalt")
    watch = Watch()
    page = new_page(locale="en-GB")
    watch.attach(page.context)
    watch.listen(page)
    outside = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((live_server.url, "data:"))
            else outside.append(request.url)
        ),
    )
    response = page.goto(live_server.url + "/api/v1/docs")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.locator(".swagger-ui .info .title").wait_for()
    assert "Masthead content API" in page.locator(".swagger-ui .info .title").inner_text()
    operations = page.locator(".opblock-summary-path")
    operations.first.wait_for()
    paths = set(operations.all_inner_texts())
    assert {"/api/v1/articles", "/api/v1/articles/{pk}", "/api/v1/media"} <= {
        p.replace("\u200b", "") for p in paths
    }
    # Try the article list out: the answer comes from the API.
    block = page.locator("#operations-articles-masthead_api_views_articles_article_list")
    block.locator(".opblock-summary").click()
    block.get_by_role("button", name="Try it out").click()
    block.get_by_role("button", name="Execute").click()
    body = block.locator(".responses-wrapper .live-responses-table .microlight").first
    body.wait_for()
    assert "Der Rat beschließt den Haushalt" in body.inner_text()
    page.evaluate("() => new Promise((r) => setTimeout(r, 0))")
    watch.assert_none()
    assert outside == []
