"""Addresses that keep working when their words change.

The words of readers' addresses ("artikel" in /de/artikel/…) come from
each language's catalog or from MASTHEAD_URL_WORDS (lib/urlwords.py).
``record_address_words`` notes the words in use, after every ``migrate``
and whenever ``masthead serve`` starts, so that a word replaced by a new
catalog or setting is remembered; ``former_address`` gives, for an address
that begins with such a former word, the same address with the word of
now, which the 404 page answers with a permanent redirect. Normal
requests never ask: only an address the resolver found no page for.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.http import HttpRequest
from django.urls import get_script_prefix
from django.utils import timezone, translation
from django.utils.encoding import escape_uri_path

from masthead.lib import urlwords
from masthead.lib.i18n import content_language_codes
from masthead.pagecache import generation

from .models import AddressWord


def record_address_words() -> bool:
    """Note the words every content language's addresses use now: a new
    word is added, the word it replaces is retired (and redirects from
    then on), a former word in use again is current again. Idempotent, in
    one transaction, deletes nothing; True when something changed (then
    the cached pages, whose links name the old words, make way).

    Raises ImproperlyConfigured when two kinds of page of a language share
    a word (the system check ``masthead.E001`` says so too)."""
    problems = [
        problem for language in content_language_codes() for problem in urlwords.clashes(language)
    ]
    if problems:
        raise ImproperlyConfigured("The words of the addresses clash: " + "; ".join(problems))
    now = timezone.now()
    changed = False
    with transaction.atomic():
        for language in content_language_codes():
            rows = list(AddressWord.objects.select_for_update().filter(language=language))
            for key, word in urlwords.words(language).items():
                known = [row for row in rows if row.key == key]
                # The word it replaces first (one current word per key),
                for row in known:
                    if row.word != word and row.retired_at is None:
                        row.retired_at = now
                        row.save(update_fields=["retired_at"])
                        changed = True
                # then the word itself: new, or current again.
                existing = next((row for row in known if row.word == word), None)
                if existing is None:
                    # (get_or_create: another server starting at the same
                    # moment may have added it since.)
                    _row, created = AddressWord.objects.get_or_create(
                        language=language, key=key, word=word, defaults={"first_used_at": now}
                    )
                    changed = changed or created
                elif existing.retired_at is not None:
                    existing.retired_at = None
                    existing.save(update_fields=["retired_at"])
                    changed = True
        if changed:
            transaction.on_commit(generation.bump)
    return changed


def former_address(request: HttpRequest) -> str | None:
    """The address of now for ``request``'s, when its first segment after
    the language prefix is a former word of that language and no current
    one ("/fr/article/x/?page=2" → "/fr/billet/x/?page=2"); else None.
    One query, asked only for addresses that found no page."""
    language = translation.get_language()
    _root, prefix, *rest = request.path_info.split("/", 2)
    if prefix != language or not rest:
        return None
    word, slash, tail = rest[0].partition("/")
    current = urlwords.words(language)
    if not word or word in current.values():
        return None
    key = (
        AddressWord.objects.filter(language=language, word=word, retired_at__isnull=False)
        .order_by("-retired_at")
        .values_list("key", flat=True)
        .first()
    )
    if key not in current:
        return None
    location = escape_uri_path(f"{get_script_prefix()}{language}/{current[key]}{slash}{tail}")
    query = request.META.get("QUERY_STRING", "")
    return f"{location}?{query}" if query else location
