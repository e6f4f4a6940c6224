"""Finding and cleaning text stored before the models cleaned it.

Since every save removes invisible control characters (see
masthead.lib.text), rows written earlier, or written around the models
(``QuerySet.update()``, raw SQL), are the only ones that may still hold
them. :func:`clean_stored_text` finds those rows and, when asked, cleans
them in place, with the rules the models apply on save
(``clean_text_fields()``). It changes text only: no row is created or
deleted, no revision is added, no version or "updated" time moves.
"""

from dataclasses import dataclass

from django.db import IntegrityError, connection, models, transaction
from django.db.models import Q
from django.db.models.functions import Cast

from masthead.articles.models import Article, Correction, Revision
from masthead.media.models import Image
from masthead.pagecache.generation import bump
from masthead.people.models import Author
from masthead.sections.models import Section, Tag

# Every model whose text readers (or the newsroom) get to see.
MODELS = [Article, Correction, Revision, Section, Tag, Author, Image]


@dataclass
class Change:
    model: str  # "articles.article"
    pk: int
    fields: list[str]
    # Set when --apply could not store the cleaned row (a cleaned slug
    # that another row already has): the row is left as it was.
    error: str = ""


def _patterns() -> tuple[str, str]:
    """Regular expressions (in the syntax Python and PostgreSQL share) for
    the characters clean_line and clean_text may change: a cheap first
    sieve in the database, so that only suspects are read. PostgreSQL
    text cannot hold NUL at all."""
    first = r"\x00" if connection.vendor == "sqlite" else r"\x01"
    rest = r"\x7f-\x9f\ufffe\uffff"
    line = f"[{first}-\\x1f{rest}]"
    text = f"[{first}-\\x08\\x0b\\x0c\\x0e-\\x1f{rest}]"
    return line, text


# In JSON written out as text, control characters are escaped ("\u000b",
# "\f", "\n"); the rest may be escaped (SQLite) or not (PostgreSQL).
_JSON_ESCAPES = r"\\u00([01][0-9a-f]|7f|[89][0-9a-f])|\\u(fffe|ffff)|\\[bfnrt]"


def suspects(model) -> models.QuerySet:
    """Rows of ``model`` that may hold a character to clean: a superset of
    those that do (``clean_text_fields()`` decides)."""
    line, text = _patterns()
    condition = Q()
    annotations = {}
    for field in model._meta.concrete_fields:
        if isinstance(field, models.TextField):
            condition |= Q(**{f"{field.name}__regex": text})
        elif isinstance(field, models.CharField):
            condition |= Q(**{f"{field.name}__regex": line})
        elif isinstance(field, models.JSONField):
            alias = f"{field.name}_as_text"
            annotations[alias] = Cast(field.name, models.TextField())
            condition |= Q(**{f"{alias}__iregex": f"{line}|{_JSON_ESCAPES}"})
    return model.objects.alias(**annotations).filter(condition).order_by("pk")


def clean_stored_text(apply: bool = False) -> list[Change]:
    """The rows whose text needs cleaning, with the fields that change.
    With ``apply``, they are cleaned, all in one transaction, and the
    page cache starts one new generation once it is committed."""
    changes = []
    with transaction.atomic():
        for model in MODELS:
            found = []
            for obj in suspects(model).iterator(chunk_size=500):
                changed = obj.clean_text_fields()
                if changed:
                    change = Change(model._meta.label_lower, obj.pk, changed)
                    found.append((change, {name: getattr(obj, name) for name in changed}))
            for change, values in found:
                changes.append(change)
                if not apply:
                    continue
                # update(), not save(): a repair, not an edit (no signals,
                # no new version, no "modified" time).
                try:
                    with transaction.atomic():
                        model.objects.filter(pk=change.pk).update(**values)
                except IntegrityError as e:
                    change.error = str(e).strip().splitlines()[0]
        if apply and any(not change.error for change in changes):
            transaction.on_commit(bump)
    return changes
