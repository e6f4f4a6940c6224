"""The other languages of a reader page: the links of the language
switcher, which are also the page's hreflang alternates.

The reader views (views.py, corrections.py) build them for their pages,
the error pages (core/views.py) for a page in no language, and the
sitemaps (feeds) name the home page in every language.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import translation


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
