"""What every public page shows around its content: the section menu and
the language switcher (with its hreflang alternates)."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from masthead.sections.models import Section


def sections_for(request) -> list[Section]:
    """All sections, loaded once per request (one query)."""
    if not hasattr(request, "_masthead_sections"):
        request._masthead_sections = list(Section.objects.all())
    return request._masthead_sections


def section_tree_ids(sections: list[Section], root: Section) -> set[int]:
    """The ids of ``root`` and every section below it."""
    ids, frontier = {root.pk}, [root.pk]
    while frontier:
        children = [s.pk for s in sections if s.parent_id in frontier and s.pk not in ids]
        ids.update(children)
        frontier = children
    return ids


def root_section(request, section: Section) -> Section:
    """The top-level section above ``section`` (the one the menu shows)."""
    by_pk = {s.pk: s for s in sections_for(request)}
    node = by_pk.get(section.pk, section)
    while node.parent_id and node.parent_id in by_pk:
        node = by_pk[node.parent_id]
    return node


def home_url(language: str) -> str:
    with translation.override(language):
        return reverse("articles:home")


@dataclass
class Alternate:
    code: str
    name: str
    url: str
    current: bool
    # True when the link leads to the same content in that language (and so
    # is an hreflang alternate), False when it falls back to the home page.
    same_content: bool


def alternates_for(request, *, translations=(), current=None, urls=None) -> list[Alternate]:
    """One entry per content language for the language switcher.

    ``translations`` are the other language versions of ``current`` (an
    article); ``urls`` maps language codes to the same page in that language
    (sections, authors). Languages without either link to their home page.
    """
    active = translation.get_language()
    known = dict(urls or {})
    for article in translations:
        known[article.language] = article.get_absolute_url()
    if current is not None:
        known[current.language] = current.get_absolute_url()
    if not known:
        known[active] = request.path
    result = []
    for code, name in settings.LANGUAGES:
        url = known.get(code)
        result.append(
            Alternate(
                code=code,
                name=name,
                url=url or home_url(code),
                current=code == active,
                same_content=url is not None,
            )
        )
    return result


def home_alternates() -> list[Alternate]:
    """For a page that exists in no language (an error page): every
    language's home page, none of them an hreflang alternate."""
    active = translation.get_language()
    return [
        Alternate(code, name, home_url(code), code == active, same_content=False)
        for code, name in settings.LANGUAGES
    ]
