"""Template tags for reader pages: times and structured data.

Times are rendered in one place (masthead.lib.dates) and always in the
page's language. Relative times carry the machine time, so that a small
script can keep them fresh on cached pages; with JavaScript off they read
as rendered.
"""

import json
from functools import lru_cache

from babel import Locale
from babel.core import get_global
from django import template
from django.conf import settings
from django.db import DatabaseError
from django.template.loader import get_template
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from masthead.articles.body import has_embeds, render_body
from masthead.articles.models import Article
from masthead.lib import dates, fallbacks, site
from masthead.lib.generations import per_generation
from masthead.lib.i18n import is_rtl, lang_attributes, language_name, pick_with_language
from masthead.lib.text import clean_data, clean_text

register = template.Library()


@register.simple_tag
def reltime(value):
    """<time datetime="…" title="25. November 2026, 13:14">vor 20 Stunden</time>
    (or "13:14" for the last 51 minutes: lib/dates.py, reader_time)"""
    if value is None:
        return ""
    language = get_language()
    return format_html(
        '<time datetime="{}" title="{}"{} data-reltime>{}</time>',
        value.isoformat(timespec="seconds"),
        dates.absolute_datetime(value, language),
        _page_lang(),
        dates.reader_time(value, language),
    )


@register.simple_tag
def datetime(value, fmt="long"):
    """<time datetime="…">25. November 2026, 13:14</time>"""
    if value is None:
        return ""
    return format_html(
        '<time datetime="{}"{}>{}</time>',
        value.isoformat(timespec="seconds"),
        _page_lang(),
        dates.absolute_datetime(value, get_language(), fmt),
    )


@register.filter
def w3c_datetime(value):
    """A time as sitemaps want it (W3C Datetime), in the site's time zone:
    "2026-11-25T13:14:05.123456+01:00". Plain isoformat, several times faster than
    the ``date`` filter, which counts in a sitemap of thousands of rows."""
    return timezone.localtime(value).isoformat() if value else ""


@register.filter
def xml_text(value):
    """Text for an XML document, without the characters XML 1.0 forbids
    (see masthead.lib.text), whatever the database holds."""
    return clean_text(str(value)) if value is not None else ""


@register.filter
def date_only(value):
    return dates.absolute_date(value, get_language()) if value else ""


_JSON_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def jsonld(value):
    """A dict as a JSON-LD script element, safe inside HTML."""
    # Invisible control characters are dropped (JSON would escape them;
    # a lone surrogate could not even be written as UTF-8).
    text = json.dumps(
        clean_data(value, clean_text), ensure_ascii=False, separators=(",", ":")
    ).translate(_JSON_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 (<, >, & escaped above)


@register.simple_tag
def article_body(article):
    """The article's body as readers get it (articles/body.py)."""
    return render_body(article)


@register.filter
def needs_embeds_script(article):
    """True when the article's body shows embeds (embeds.js loads them)."""
    return has_embeds(article)


@register.simple_tag
def absolute_url(path):
    """``path`` as a full address on the site's address (SITE_URL), never
    on the host the request named (masthead/lib/site.py)."""
    return site.absolute_url(path)


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's address without tracking parameters; keeps ?page=N, and
    a list page's cursor (?before=… / ?after=…, articles/pagination.py)."""
    request = context["request"]
    page = context.get("page")
    if getattr(page, "url", None):  # a list page by cursor: path and cursor
        return site.absolute_url(page.url)
    url = site.absolute_url(request.path)
    if page is not None and getattr(page, "number", 1) > 1:
        url += f"?page={page.number}"
    return url


@register.simple_tag
def byline(authors, link=True):
    """Author names joined as the language joins a list: "A, B und C" /
    "A, B, and C"; each a link to the author's page, or with ``link=False``
    plain names (a teaser, whose headline is the one link)."""
    from babel.lists import format_list

    names = [
        # Each name isolated (a Latin name in an Arabic byline: bdi).
        format_html(
            '<bdi><a href="{}" rel="author">{}</a></bdi>', author.get_absolute_url(), author.name
        )
        if link
        else format_html("<bdi>{}</bdi>", author.name)
        for author in authors
    ]
    if not names:
        return ""
    # format_list only places the (already escaped) items in a pattern.
    joined = mark_safe(format_list(names, locale=dates.locale_for(get_language())))  # noqa: S308
    # Joined the page's way ("A na B"), inside a "By …" that may be the fallback's.
    lang = _page_lang()
    return format_html("<span{}>{}</span>", lang, joined) if lang else joined


@register.simple_tag
def og_locale():
    """The page language as Open Graph wants it: "de_DE", "en_US"."""
    return _og_locale(get_language())


@lru_cache(maxsize=64)
def _og_locale(language):
    language = dates.babel_locale(language)
    if "_" in language:
        return language
    likely = get_global("likely_subtags").get(language, language)
    territory = Locale.parse(likely).territory
    return f"{language}_{territory}" if territory else language


@register.simple_tag
def theme_stylesheet():
    """The theme's site-theme.css, linked after site.css so that its rules
    win, on an installation whose theme has one (settings.THEME_STYLESHEET);
    nothing otherwise, so that a site without a theme loads no empty file."""
    if not settings.THEME_STYLESHEET:
        return ""
    return format_html('<link rel="stylesheet" href="{}">', static("masthead/site-theme.css"))


@register.inclusion_tag("articles/fragment_breaking.html", takes_context=True)
def breaking_news(context):
    """The banner of breaking news on every reader page of the language
    (articles/frontpage.py): the newest article an editor marked, while its
    time lasts. One query per content generation (its end starts a new
    one); none shown when the database is away (a page of the page cache's
    outage answer must not fail on it)."""
    language = get_language()

    def newest():
        return (
            Article.objects.public()
            .in_language(language)
            .breaking()
            .only("headline", "slug", "language", "kicker")
            .first()
        )

    request = context.get("request")
    try:
        article = per_generation(request, ("breaking", language), newest) if request else newest()
    except DatabaseError:
        article = None
    return {"breaking": article}


@register.simple_tag(takes_context=True)
def site_footer(context):
    """fragment_footer.html, rendered once per content generation and
    language (``shared_fragment``)."""
    return shared_fragment(context, "fragment_footer.html")


@register.simple_tag(takes_context=True)
def section_bar(context, current_section=None):
    """fragment_sections.html with ``current_section`` marked, rendered
    once per content generation, language and current section."""
    return shared_fragment(
        context,
        "fragment_sections.html",
        key=(getattr(current_section, "pk", None),),
        extra={"current_section": current_section},
    )


def shared_fragment(context, name: str, key: tuple = (), extra: dict | None = None):
    """A fragment that every reader page of a language shows alike (the
    footer, the section bar), rendered once per content generation and kept
    in the process's memory (lib/generations.py): Django's template engine
    spends about 0.2 ms on a footer of four links, and a render is what
    every cache miss pays. The fragment sees what the context processors
    give and ``extra``, nothing else of the page."""
    request = getattr(context, "request", None)
    if request is None:  # a template rendered outside a request
        return get_template(name).render({**context.flatten(), **(extra or {})})

    def render():  # safe HTML, as a template renders it
        return get_template(name).render(extra or {}, request)

    return per_generation(request, ("fragment", name, get_language(), *key), render)


@register.filter
def language_in_page(code):
    """A language named in the page's language, from CLDR ("Englisch" on a
    German page)."""
    return language_name(code) if code else ""


@register.simple_tag
def ui_lang():
    """` lang="en"` (with ` dir="ltr"` on a right-to-left page) on an
    element of the site's own texts when they are not in the page's
    language (a language without a catalog of its own takes them from its
    fallback: lib/fallbacks.py); nothing otherwise."""
    page = get_language() or settings.LANGUAGE_CODE
    return lang_attributes(fallbacks.ui_language(page), page)


def _page_lang() -> str:
    """` lang="sw"` (and ``dir``) on a page value (a date, a list of names) that may
    stand inside an element marked with ``ui_lang``: Babel formats it in
    the page's language, not in the fallback's; nothing on a page whose
    texts are in its own language."""
    page = get_language() or settings.LANGUAGE_CODE
    texts = fallbacks.ui_language(page)
    return lang_attributes(page, texts)


@register.simple_tag
def dir_of(code):
    """` dir="rtl"` on an element in language ``code`` (a language's own
    name in the language menu) when it is written in the other direction
    than the page; nothing otherwise."""
    page = get_language() or settings.LANGUAGE_CODE
    if is_rtl(code) == is_rtl(page):
        return ""
    return format_html(' dir="{}"', "rtl" if is_rtl(code) else "ltr")


@register.filter
def bdi(value):
    """A value from elsewhere (a name, a reader's search) placed in a
    sentence, isolated from the sentence's direction: a Latin name in an
    Arabic sentence keeps its punctuation where it belongs."""
    return format_html("<bdi>{}</bdi>", value) if value else ""


@register.simple_tag
def lang_of(mapping):
    """` lang="de"` on a per-language label (a section's name,
    {"de": "Welt", …}) shown in another language than the page's because
    the page's is missing (lib/i18n.py, pick_with_language); nothing
    otherwise."""
    page = get_language() or settings.LANGUAGE_CODE
    _label, language = pick_with_language(mapping, page)
    return lang_attributes(language, page)
