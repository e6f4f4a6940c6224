"""The translation desk's write path: start a translation, fill it by
machine, save a translator's segments, follow the source when it changes.

Rules (the issue's and the newsroom's):

- Every segment starts "not translated" (the version shows the source's
  text there, as a translation by hand did before), or "machine" when a
  provider filled it. A person turns it "reviewed" (the machine's text,
  read and kept) or "edited" (their own text).
- A version with a segment no person has acted on (not translated,
  machine, source changed, no longer in the source) cannot go to review or
  out to readers (:func:`unreviewed_error`); while it is public, the
  article keeps what readers have and the work stays in the segments until
  nothing is left.
- When the source changes, the segments whose source text changed are
  marked with what the source said before; the translator's text is never
  replaced. A machine suggestion for them is offered on request, never
  applied unasked.
"""

import difflib
import logging
import re
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, F
from django.utils import timezone
from django.utils.translation import get_language, gettext, ngettext, override

from masthead.articles import services as articles
from masthead.articles.body import Gallery, body_nodes
from masthead.articles.models import Article, Correction
from masthead.lib.html import sanitize
from masthead.lib.jobs import job
from masthead.lib.text import plain_text
from masthead.media.models import Image
from masthead.people.models import Author

from . import providers, segments
from .models import PENDING, GlossaryTerm, MachineUsage, Segment, Translation, image_id_of

logger = logging.getLogger(__name__)

State = Segment.State

# The article's fields a translator translates, in the desk's order.
FIELDS = (
    "kicker", "headline", "standfirst", "excerpt", "seo_title", "seo_description",
    "social_headline",
)  # fmt: skip


@dataclass(frozen=True)
class Piece:
    """A piece of the source's text: what a segment translates."""

    key: str
    block: str
    text: str


def source_pieces(source: Article, corrections_after=None) -> list[Piece]:
    """The source's text, cut into segments: its fields, the runs of its
    body, the alt text and captions of its pictures (the media library's,
    in the source's language), then its corrections made after
    ``corrections_after`` (none without it)."""
    pieces = [
        Piece(name, "", segments.clean_plain(getattr(source, name)))
        for name in FIELDS
        if segments.clean_plain(getattr(source, name))
    ]
    pieces += [Piece("body", block, text) for block, text in segments.body_texts(source.body)]
    pieces += _picture_pieces(source)
    # Its corrections made since the translation began (the text it
    # started from was already corrected): each is flagged on every
    # translation, to translate.
    if corrections_after is not None:
        corrections = source.corrections.filter(created_at__gt=corrections_after)
        pieces += [
            Piece(f"correction:{pk}", "", segments.clean_plain(text))
            for pk, text in corrections.order_by("created_at", "id").values_list("pk", "text")
        ]
    return pieces


def _picture_pieces(source: Article) -> list[Piece]:
    """Alt text of every picture, and the caption of those that show the
    library's (the lead image, and pictures of the text without a caption
    of their own), in the source's language."""
    own_caption, order = set(), []
    for _start, _end, node in body_nodes(source.body or ""):
        for picture in node.pictures if isinstance(node, Gallery) else (node,):
            order.append(picture.image_id)
            if picture.caption:
                own_caption.add(picture.image_id)
    ids = [pk for pk in (source.lead_image_id, source.social_image_id) if pk] + order
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    images = Image.objects.in_bulk(ids)
    pieces = []
    for pk in ids:
        image = images.get(pk)
        if image is None:
            continue
        if alt := segments.clean_plain(image.alt_for(source.language)):
            pieces.append(Piece(f"alt:{pk}", "", alt))
        shows_caption = pk == source.lead_image_id or (pk in order and pk not in own_caption)
        if shows_caption and (caption := segments.clean_plain(image.caption_for(source.language))):
            pieces.append(Piece(f"caption:{pk}", "", caption))
    return pieces


# Starting


@transaction.atomic
def start(source: Article, language: str, user=None) -> Article:
    """The ``language`` version of ``source``'s story, with its segments:
    created as a draft when there is none (services.translate), and given
    segments when it has none (a version translated by hand before keeps
    its text: its segments take it, when its body has the source's
    structure)."""
    article = articles.translate(source, language, user)
    if not Translation.objects.filter(article=article).exists():
        adopt(article, source, user)
    return article


def adopt(article: Article, source: Article, user=None) -> Translation | None:
    """Segments for ``article``, a version of ``source``, from its own text:
    a segment whose text differs from the source's counts as a person's
    work ("edited"); one that is the same as the source is "not
    translated". None when its body is not cut like the source's (the
    desk then leaves it to the article editor)."""
    pieces = source_pieces(source)
    own_body = segments.body_texts(article.body)
    if len(own_body) != sum(1 for piece in pieces if piece.key == "body"):
        return None
    translation = Translation.objects.create(
        article=article,
        source=source,
        source_body=source.body,
        source_version=source.version,
        created_by=user,
    )
    body_texts = iter(text for _block, text in own_body)
    images = _images_of(pieces)
    rows = []
    for position, piece in enumerate(pieces):
        if piece.key == "body":
            own = next(body_texts)
        elif image_id := image_id_of(piece.key):
            image = images.get(image_id)
            own = _image_text(image, piece.key, article.language) if image else ""
        else:
            own = segments.clean_plain(getattr(article, piece.key))
        written = bool(own) and own != piece.text
        rows.append(
            Segment(
                translation=translation,
                position=position,
                key=piece.key,
                block=piece.block,
                source=piece.text,
                text=own if written else "",
                state=State.EDITED if written else State.NEW,
            )
        )
    Segment.objects.bulk_create(rows)
    return translation


def _images_of(pieces) -> dict[int, Image]:
    ids = {image_id_of(piece.key) for piece in pieces} - {None}
    return Image.objects.in_bulk(ids) if ids else {}


def _image_text(image: Image, key: str, language: str) -> str:
    if key.startswith("alt:"):
        return segments.clean_plain(image.alt_for(language))
    return segments.clean_plain(image.caption_for(language))


# What is left


def pending(article: Article) -> int:
    """Segments of ``article`` a person still has to act on (0 for an
    article that is not translated segment by segment)."""
    return Segment.objects.filter(PENDING, translation__article=article).count()


def unreviewed_error(article: Article) -> ValidationError | None:
    """Why ``article`` may not go to review or to readers yet, or None."""
    count = pending(article)
    if not count:
        return None
    return ValidationError(
        ngettext(
            "%(count)s segment of the translation is not reviewed yet: a person has "
            "to read, edit or confirm it first.",
            "%(count)s segments of the translation are not reviewed yet: a person has "
            "to read, edit or confirm them first.",
            count,
        ),
        code="translation_unreviewed",
        params={"count": count},
    )


def changed_versions(source: Article) -> dict[int, int]:
    """{article id: segments marked "the original changed"} of the versions
    translated from ``source`` that have any."""
    rows = (
        Segment.objects.filter(translation__source=source, source_changed_at__isnull=False)
        .values("translation__article_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    return {row["translation__article_id"]: row["count"] for row in rows}


# A translator's work


@dataclass
class Change:
    """What the desk sends for one segment: its text, and whether the
    translator confirms it ("reviewed", or "still right" after the source
    changed), or drops a segment the source no longer has."""

    text: str
    confirm: bool = False
    drop: bool = False
    use_suggestion: bool = False


@transaction.atomic
def save_segments(translation: Translation, changes: dict[int, Change], user=None) -> int:
    """Apply a translator's ``changes`` ({segment id: Change}); then put
    the article together when that is allowed. Returns how many segments
    changed. A text a person changed is theirs ("edited"); the machine's
    text kept and confirmed is "reviewed"."""
    translation = Translation.objects.select_for_update().get(pk=translation.pk)
    now = timezone.now()
    changed = 0
    for segment in translation.segments.filter(pk__in=list(changes)):
        change = changes[segment.pk]
        if change.drop:
            if segment.removed:
                segment.delete()
                changed += 1
            continue
        text = change.text
        if change.use_suggestion and segment.suggestion:
            text = segment.suggestion
        text = _clean(segment, text)
        before = (segment.text, segment.state, segment.source_changed_at)
        if text != segment.text:
            segment.text = text
            # Emptied: back to the source's text, not translated.
            segment.state = State.EDITED if text else State.NEW
            if change.use_suggestion:
                segment.state = State.MACHINE if not change.confirm else State.REVIEWED
        elif change.confirm and segment.state == State.MACHINE:
            segment.state = State.REVIEWED
        if segment.source_changed and (text != before[0] or change.confirm) and segment.text:
            segment.previous_source = ""
            segment.source_changed_at = None
            segment.suggestion = ""
        if (segment.text, segment.state, segment.source_changed_at) != before:
            segment.updated_at, segment.updated_by = now, user
            segment.save()
            changed += 1
    if changed:
        assemble(translation, user)
    return changed


def _clean(segment: Segment, text: str) -> str:
    return segments.clean_inline(text) if segment.is_body else segments.clean_plain(text)


def assemble(translation: Translation, user=None, note: str = "") -> Article | None:
    """Put the article together from the segments, and save it (with a
    revision that keeps each segment's state and who acted on it). A
    segment not yet translated shows the source's text. Nothing happens
    while the article is public and a segment is left: readers keep what
    they have. Returns the article, or None when it was left as it is."""
    article = Article.objects.select_for_update().get(pk=translation.article_id)
    rows = list(translation.segments.filter(removed=False))
    if article.is_public and any(segment.pending for segment in rows):
        return None
    by_key: dict[str, list[Segment]] = {}
    for segment in rows:
        by_key.setdefault(segment.key, []).append(segment)
    for name in FIELDS:
        found = by_key.get(name)
        if found:
            setattr(article, name, found[0].text or found[0].source)
    body = [segment.text or segment.source for segment in by_key.get("body", [])]
    try:
        article.body = sanitize(segments.assemble_body(translation.source_body, body))
    except ValueError:
        logger.error("Translation %s: the segments do not fit the frame", translation.pk)
        raise
    _save_picture_texts(rows, article.language)
    _save_corrections(rows, article, user)
    # What readers are told (articles/article_detail.html, the JSON-LD).
    article.translated_from = translation.source.language
    article.machine_assisted = bool(translation.provider)
    if article.translator_id is None and user is not None and user.is_authenticated:
        article.translator = Author.objects.filter(user=user).first()
    states = [
        {
            "key": segment.key,
            "state": segment.state,
            "by": segment.updated_by_id,
            "at": segment.updated_at.isoformat() if segment.updated_at else None,
        }
        for segment in rows
    ]
    return articles.save_article(
        article,
        authors=list(_byline(article)),
        tags=article.tags.all(),
        user=user,
        note=note or gettext("Translation desk"),
        revision_fields={"segments": states},
    )


def _byline(article: Article):
    return Author.objects.filter(bylines__article=article).order_by("bylines__position")


def _save_corrections(rows: list[Segment], article: Article, user) -> None:
    """Each correction of the source, translated, as a correction of the
    translation (added once; its text follows the segment)."""
    done = {s.correction_id: s.text for s in rows if s.correction_id and s.text and not s.pending}
    if not done:
        return
    existing = {
        c.translation_of_id: c
        for c in Correction.objects.filter(article=article, translation_of_id__in=list(done))
    }
    for source_id, text in done.items():
        correction = existing.get(source_id)
        if correction is None:
            correction = articles.add_correction(article, text, user)
            Correction.objects.filter(pk=correction.pk).update(translation_of_id=source_id)
        elif correction.text != text:
            correction.text = text
            correction.save(update_fields=["text"])


def _save_picture_texts(rows: list[Segment], language: str) -> None:
    """The alt texts and captions translated, into the media library."""
    done = [s for s in rows if s.image_id and s.text and s.state != State.NEW]
    if not done:
        return
    images = Image.objects.select_for_update().in_bulk({s.image_id for s in done})
    for segment in done:
        image = images.get(segment.image_id)
        if image is None:
            continue
        field = "alt" if segment.key.startswith("alt:") else "caption"
        texts = dict(getattr(image, field) or {})
        if texts.get(language) != segment.text:
            texts[language] = segment.text
            setattr(image, field, texts)
            image.save(update_fields=[field])


# The source changes


def sync_source(source: Article) -> list[Translation]:
    """Bring the segments of every translation of ``source`` in step with
    it; returns the translations whose segments changed."""
    touched = []
    for translation in Translation.objects.filter(source=source).select_related("source"):
        if sync(translation):
            touched.append(translation)
    return touched


@transaction.atomic
def sync(translation: Translation) -> bool:
    """Compare the source's text now with the segments' and mark what
    changed. A segment nobody translated just follows the source. A
    translated one keeps its text and is marked "source changed", with
    what the source said before. A piece the source no longer has is
    marked so (a person's text is kept until they drop it). New pieces
    come as "not translated". True when anything changed."""
    translation = Translation.objects.select_for_update().get(pk=translation.pk)
    source = translation.source
    pieces = source_pieces(source, corrections_after=translation.created_at)
    old = list(translation.segments.all())
    now = timezone.now()
    result: list[Segment] = []  # the segments in their new order
    dirty: set[int] = set()

    def follow(segment: Segment, piece: Piece) -> None:
        if segment.source == piece.text and segment.block == piece.block and not segment.removed:
            result.append(segment)
            return
        if segment.state == State.NEW and not segment.text:
            segment.source, segment.block = piece.text, piece.block
        elif segment.source != piece.text:
            if not segment.source_changed:
                segment.previous_source = segment.source
                segment.source_changed_at = now
            elif segment.previous_source == piece.text:  # changed back
                segment.previous_source, segment.source_changed_at = "", None
            segment.source, segment.block, segment.suggestion = piece.text, piece.block, ""
        segment.removed = False
        result.append(segment)
        dirty.add(id(segment))

    def gone(segment: Segment) -> None:
        if segment.state == State.NEW and not segment.text:
            if segment.pk:
                segment.delete()
            return
        if not segment.removed:
            segment.removed = True
            dirty.add(id(segment))
        result.append(segment)

    def new(piece: Piece) -> None:
        segment = Segment(
            translation=translation, key=piece.key, block=piece.block, source=piece.text
        )
        result.append(segment)
        dirty.add(id(segment))

    # Fields, then the body's runs, then the pictures' texts (the order of
    # source_pieces); fields and pictures are matched by their key.
    keyed = {s.key: s for s in old if s.key != "body"}

    def by_key(piece: Piece) -> None:
        if piece.key in keyed:
            follow(keyed.pop(piece.key), piece)
        else:
            new(piece)

    for piece in pieces:
        if piece.key in FIELDS:
            by_key(piece)
    _sync_body(
        [s for s in old if s.key == "body"],
        [p for p in pieces if p.key == "body"],
        follow,
        gone,
        new,
    )
    for piece in pieces:
        if piece.key not in FIELDS and piece.key != "body":
            by_key(piece)
    for segment in keyed.values():
        gone(segment)

    for position, segment in enumerate(result):
        if segment.position != position:
            segment.position = position
            dirty.add(id(segment))
    changed = bool(dirty)
    for segment in result:
        if id(segment) in dirty:
            segment.save()
    if translation.source_body != source.body or translation.source_version != source.version:
        translation.source_body, translation.source_version = source.body, source.version
        translation.save(update_fields=["source_body", "source_version"])
    return changed


def _sync_body(old: list[Segment], new_pieces: list[Piece], follow, gone, new) -> None:
    """Align the body's segments with its new runs (difflib, as ``diff``
    does): equal runs stay, replaced runs are changed one to one, the rest
    are new or gone."""
    live = [s for s in old if not s.removed]
    matcher = difflib.SequenceMatcher(
        a=[s.source for s in live], b=[p.text for p in new_pieces], autojunk=False
    )
    for kind, a1, a2, b1, b2 in matcher.get_opcodes():
        if kind == "equal" or kind == "replace":
            pairs = min(a2 - a1, b2 - b1)
            for i in range(pairs):
                follow(live[a1 + i], new_pieces[b1 + i])
            for segment in live[a1 + pairs : a2]:
                gone(segment)
            for piece in new_pieces[b1 + pairs : b2]:
                new(piece)
        elif kind == "delete":
            for segment in live[a1:a2]:
                gone(segment)
        else:  # insert
            for piece in new_pieces[b1:b2]:
                new(piece)
    # Segments the source had dropped before stay, after the body.
    for segment in old:
        if segment.removed:
            gone(segment)


# Machine translation


def machine_for(translation: Translation) -> providers.Provider | None:
    return providers.provider_for(translation.source.language, translation.article.language)


@transaction.atomic
def request_machine(translation: Translation, user=None, *, suggestions: bool = False) -> bool:
    """Queue the machine for the segments not yet translated (or, with
    ``suggestions``, for a suggestion on each segment whose source
    changed). False when no provider serves the language pair."""
    if machine_for(translation) is None:
        return False
    Translation.objects.filter(pk=translation.pk).update(
        machine_state=Translation.Machine.QUEUED, machine_done=0, machine_total=0, machine_error=""
    )
    pk, language = translation.pk, get_language()
    transaction.on_commit(lambda: translate_with_machine.enqueue(pk, suggestions, language))
    return True


@job(attempts=1)
def translate_with_machine(
    translation_id: int, suggestions: bool = False, language: str | None = None
) -> None:
    """Fill the segments by machine, a batch at a time; each batch is saved
    when it is done, so a failure keeps the batches before it. A failure
    worth retrying is tried again twice in this run (after 2 and 4
    seconds); then, or for any other failure, the translation's
    ``machine_error`` says why, in ``language`` (the desk's of whoever
    asked)."""
    with override(language or settings.LANGUAGE_CODE):
        _translate_with_machine(translation_id, suggestions)


def _translate_with_machine(translation_id: int, suggestions: bool) -> None:
    translation = Translation.objects.select_related("source", "article").get(pk=translation_id)
    provider = machine_for(translation)
    source_language, target = translation.source.language, translation.article.language
    if suggestions:
        todo = list(translation.segments.filter(source_changed_at__isnull=False, removed=False))
    else:
        todo = list(translation.segments.filter(state=State.NEW, text="", removed=False))
    _progress(translation, Translation.Machine.RUNNING, done=0, total=len(todo))
    if provider is None:
        _progress(
            translation,
            Translation.Machine.FAILED,
            error=gettext("No machine translation is set up for this language pair."),
        )
        return
    # Longest first, so that "Rotes Kreuz" goes before "Kreuz".
    glossary = sorted(
        GlossaryTerm.objects.filter(source_language=source_language, target_language=target),
        key=lambda term: -len(term.term),
    )
    done = 0
    for start_at in range(0, len(todo), provider.batch):
        batch = todo[start_at : start_at + provider.batch]
        texts = [
            _protect(s.source if s.is_body else providers.plain_to_html(s.source), glossary)
            for s in batch
        ]
        try:
            translated = _with_retries(provider, texts, source_language, target)
        except providers.ProviderError as error:
            _count(provider, sum(map(len, texts)), failed=True)
            _progress(translation, Translation.Machine.FAILED, error=error.message)
            return
        _count(provider, sum(map(len, texts)))
        with transaction.atomic():
            for segment, text in zip(batch, translated, strict=True):
                text = _restore(text, glossary)
                if not segment.is_body:
                    text = plain_text(text)
                text = _clean(segment, text)
                if suggestions:
                    Segment.objects.filter(pk=segment.pk).update(suggestion=text)
                else:
                    # Only where no person has written since the job began.
                    Segment.objects.filter(pk=segment.pk, state=State.NEW, text="").update(
                        text=text, state=State.MACHINE
                    )
            done += len(batch)
            _progress(translation, Translation.Machine.RUNNING, done=done)
    if not suggestions and done:
        with transaction.atomic():
            Translation.objects.filter(pk=translation.pk).update(provider=provider.name)
            translation.refresh_from_db()
            assemble(
                translation,
                note=gettext("Machine translation (%(provider)s)") % {"provider": provider.label},
            )
    _progress(translation, Translation.Machine.DONE)


def _with_retries(provider, texts, source, target, tries: int = 3) -> list[str]:
    for attempt in range(1, tries + 1):
        try:
            return provider.translate(texts, source, target)
        except providers.ProviderError as error:
            if not error.retry or attempt == tries:
                raise
            time.sleep(2**attempt * settings.MACHINE_TRANSLATION_RETRY_SECONDS)
    raise AssertionError("unreachable")


def _progress(translation: Translation, state: str, *, done=None, total=None, error="") -> None:
    fields = {"machine_state": state, "machine_error": error}
    if done is not None:
        fields["machine_done"] = done
    if total is not None:
        fields["machine_total"] = total
    Translation.objects.filter(pk=translation.pk).update(**fields)


def _count(provider, characters: int, *, failed: bool = False) -> None:
    month = timezone.localdate().replace(day=1)
    usage, _created = MachineUsage.objects.get_or_create(provider=provider.name, month=month)
    MachineUsage.objects.filter(pk=usage.pk).update(
        characters=F("characters") + characters,
        requests=F("requests") + 1,
        failures=F("failures") + int(failed),
    )


# The glossary: terms a machine must leave alone, swapped for placeholders.

_PLACEHOLDER = '<span data-term="{}"></span>'


def _protect(text: str, glossary: list[GlossaryTerm]) -> str:
    """``glossary``, longest term first: each term becomes placeholder n."""
    for index, term in enumerate(glossary):
        pattern = re.compile(r"(?<!\w)" + re.escape(term.term) + r"(?!\w)")
        text = pattern.sub(_PLACEHOLDER.format(index), text)
    return text


def _restore(text: str, glossary: list[GlossaryTerm]) -> str:
    return re.sub(
        r'<span data-term="(\d+)">\s*</span>',
        lambda m: glossary[int(m[1])].replacement if int(m[1]) < len(glossary) else "",
        text,
    )
