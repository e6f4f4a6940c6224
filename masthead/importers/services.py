"""Bulk loading of published articles: the German news corpus as it is
(:func:`import_corpus`) and synthetic archives of any size built from it
(:func:`generate_archive`).

``articles.services.save_article`` costs about ten queries per article; at a
million articles that is far too slow. These functions write the same data
shape in batches instead, a fixed number of queries per batch, each batch in
its own transaction: a sanitised body, a slug unique in its language (also
against old slugs that redirect), the byline with positions, tags, status
"published" with a publish time, and revision 1 with the fields that
``save_article`` keeps, so that the first edit becomes revision 2. No audit
entry is written per article: nobody decided anything about them. Each
committed batch starts a new page-cache generation (bulk inserts send no
signals).
"""

import random
import time
import uuid
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import islice

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone

from masthead.articles.body import image_ids
from masthead.articles.models import Article, ArticleAuthor, BodyImage, Revision, SlugRedirect
from masthead.articles.services import REVISION_FIELDS
from masthead.lib.html import sanitize
from masthead.lib.text import make_slug
from masthead.media.models import Image
from masthead.pagecache.generation import bump
from masthead.people.models import Author
from masthead.search.indexing import reindex_articles
from masthead.sections.models import Section, Tag

from .corpus import HEADLINE_LENGTH, LABELS, CorpusArticle, paragraph_html
from .progress import Progress

# Stories of the corpus keep their identity (translation key) from run to
# run, so that a second import finds them.
STORY_NAMESPACE = uuid.UUID("6f1d7c52-1d3e-4f0e-9a57-4c1e0b6a2f10")

# Invented newsroom staff for the bylines (the corpus has no authors).
AUTHORS = ["Hanna Feldmann", "Jakob Lindner", "Mira Sommerauer", "Paul Brandstetter", "Lea Hofer"]
AUTHOR_BIOS = {
    "de": "Ein erfundener Name für die Artikel des Testkorpus.",
    "en": "An invented name for the articles of the test corpus.",
}
# Every SECOND_AUTHOR_EVERY-th article has a second author in its byline.
SECOND_AUTHOR_EVERY = 5

# A small tag set per language: (German name, English name, words that,
# found in the German text, give the tag). At most MAX_TAGS per article.
TAGS = [
    ("Österreich", "Austria", ("Österreich", "Wien")),
    ("Deutschland", "Germany", ("Deutschland", "Berlin")),
    ("EU", "EU", ("EU-", " EU ", "Brüssel", "Europäische Union")),
    ("USA", "USA", ("USA", "Washington", "US-")),
    ("Flüchtlinge", "Refugees", ("Flüchtling", "Asyl")),
    ("Fußball", "Football", ("Fußball", "Bundesliga", "Champions League")),
    ("Klima", "Climate", ("Klima",)),
    ("Internet", "Internet", ("Internet", "online", "Online")),
    ("Justiz", "Justice", ("Gericht", "Urteil", "Staatsanwalt")),
    ("Wahlen", "Elections", ("Wahl ", "Wahlen", "Wahlkampf")),
    ("Forschung", "Research", ("Forscher", "Studie", "Wissenschafter")),
    ("Unternehmen", "Companies", ("Konzern", "Unternehmen")),
]
MAX_TAGS = 3

# Headline variants of the synthetic archive, so that a corpus headline
# comes back in different forms ("Analyse: …", "… – die Hintergründe").
HEADLINE_PREFIXES = ["Analyse: ", "Kommentar: ", "Hintergrund: ", "Update: ", "Bericht: "]
HEADLINE_SUFFIXES = [
    " – die Hintergründe",
    " – was bekannt ist",
    " – erste Reaktionen",
    " (Teil 2)",
]
# Room for the "-<n>" that makes an archive slug unique.
SLUG_BASE_LENGTH = 180


@dataclass
class NewArticle:
    """What one bulk-loaded article needs; the loader does the rest."""

    headline: str
    slug_base: str
    standfirst: str
    body: str
    section_id: int
    publish_at: datetime
    author_ids: list[int]
    tag_ids: list[int] = field(default_factory=list)
    translation_key: uuid.UUID | None = None
    # The corpus loads published articles; the WordPress import any state
    # (a draft has no publish time), with a lead image and body pictures.
    status: str = Article.Status.PUBLISHED
    lead_image_id: int | None = None


@dataclass
class Newsroom:
    """The sections (by corpus label), authors and tags that loaded articles use."""

    sections: dict[str, Section]
    authors: list[Author]
    tags: list[Tag]


@dataclass
class Result:
    created: int
    skipped: int
    seconds: float

    @property
    def rate(self) -> float:
        return self.created / self.seconds if self.seconds else 0.0


# -- The newsroom ------------------------------------------------------------


@transaction.atomic
def ensure_newsroom(labels: Iterable[str], language: str) -> Newsroom:
    """Sections for ``labels``, the invented authors and the tags of
    ``language``: existing ones are used again, missing ones created."""
    return Newsroom(
        sections=ensure_sections(labels),
        authors=ensure_authors(),
        tags=ensure_tags(language),
    )


def ensure_sections(labels: Iterable[str]) -> dict[str, Section]:
    """A section per corpus label, found by its German slug or created with
    a German and an English name (LABELS; an unknown label is used as is)."""
    seen = set(labels)
    labels = [label for label in LABELS if label in seen] + sorted(seen - set(LABELS))
    existing = list(Section.objects.all())
    by_slug = {s.slugs.get("de"): s for s in existing}
    used = {(code, slug) for s in existing for code, slug in s.slugs.items()}
    position = max((s.position for s in existing), default=0)
    result, missing = {}, []
    for label in labels:
        de_name, de_slug, en_name, en_slug = LABELS.get(
            label, (label, make_slug(label), label, make_slug(label))
        )
        if de_slug in by_slug:
            result[label] = by_slug[de_slug]
            continue
        if ("en", en_slug) in used:  # another section has the English address
            en_slug = f"{en_slug}-{de_slug}"
        position += 1
        names, slugs = {"de": de_name, "en": en_name}, {"de": de_slug, "en": en_slug}
        for code, _name in settings.LANGUAGES:  # further languages: the English name
            names.setdefault(code, en_name)
            slugs.setdefault(code, en_slug)
        section = Section(names=names, slugs=slugs, position=position)
        section.clean_text_fields()  # what Section.save() would do
        result[label] = section
        missing.append(section)
    if missing:
        Section.objects.bulk_create(missing)
        if missing[0].pk is None:  # a database that does not return new keys
            stored = {s.slugs.get("de"): s for s in Section.objects.all()}
            result = {label: stored[s.slugs["de"]] for label, s in result.items()}
    return result


def ensure_authors() -> list[Author]:
    slugs = [make_slug(name) for name in AUTHORS]
    existing = {a.slug: a for a in Author.objects.filter(slug__in=slugs)}
    missing = [
        Author(name=name, slug=slug, bios=AUTHOR_BIOS)
        for name, slug in zip(AUTHORS, slugs, strict=True)
        if slug not in existing
    ]
    _create(Author, missing, existing, Author.objects.filter(slug__in=slugs))
    return [existing[slug] for slug in slugs]


def ensure_tags(language: str) -> list[Tag]:
    names = [de if language == "de" else en for de, en, _words in TAGS]
    slugs = [make_slug(name) for name in names]
    existing = {t.slug: t for t in Tag.objects.filter(language=language, slug__in=slugs)}
    missing = [
        Tag(language=language, name=name, slug=slug)
        for name, slug in zip(names, slugs, strict=True)
        if slug not in existing
    ]
    _create(Tag, missing, existing, Tag.objects.filter(language=language, slug__in=slugs))
    return [existing[slug] for slug in slugs]


def _create(model, missing: list, existing: dict, stored) -> None:
    """Insert ``missing`` and add them to ``existing`` (by slug), with their keys."""
    if not missing:
        return
    for obj in missing:
        obj.clean_text_fields()  # what save() would do
    model.objects.bulk_create(missing)
    if missing[0].pk is None:  # a database that does not return new keys
        missing = list(stored)
    existing.update((obj.slug, obj) for obj in missing)


def tag_indexes(text: str) -> list[int]:
    """The positions in TAGS of the tags whose words occur in ``text``."""
    return [i for i, (_de, _en, words) in enumerate(TAGS) if any(w in text for w in words)][
        :MAX_TAGS
    ]


def byline(newsroom: Newsroom, i: int) -> list[int]:
    """The authors of the ``i``-th article: round-robin, every fifth with a second."""
    ids = [a.pk for a in newsroom.authors]
    first = ids[i % len(ids)]
    if i % SECOND_AUTHOR_EVERY == SECOND_AUTHOR_EVERY - 1 and len(ids) > 1:
        return [first, ids[(i + 1) % len(ids)]]
    return [first]


def publish_times(count: int, spread_days: float, now: datetime, rng: random.Random):
    """``count`` publish times, newest first, evenly spread back over
    ``spread_days`` from ``now`` (each at a random point of its slot)."""
    step = timedelta(days=spread_days) / max(count, 1)
    minimum = timedelta(seconds=1)
    for i in range(count):
        yield now - max((i + rng.random()) * step, minimum)


# -- Loading -----------------------------------------------------------------


def allocate_slugs(language: str, bases: Sequence[str]) -> list[str]:
    """A free slug for each of ``bases``: the base itself, else "base-2",
    "base-3", … Free means unused by the articles of ``language``, by their
    old slugs and by the other bases. One query per round; a second round
    is needed only when some slug is taken."""
    result: list[str | None] = [None] * len(bases)
    suffix = [1] * len(bases)
    pending = list(range(len(bases)))
    chosen: set[str] = set()
    while pending:
        candidates = {i: _with_suffix(bases[i], suffix[i]) for i in pending}
        wanted = set(candidates.values())
        taken = set(
            Article.objects.filter(language=language, slug__in=wanted)
            .order_by()
            .values_list("slug", flat=True)
            .union(
                SlugRedirect.objects.filter(language=language, slug__in=wanted)
                .order_by()
                .values_list("slug", flat=True)
            )
        )
        retry = []
        for i in pending:
            slug = candidates[i]
            if slug in taken or slug in chosen:
                suffix[i] += 1
                retry.append(i)
            else:
                result[i] = slug
                chosen.add(slug)
        pending = retry
    return result  # type: ignore[return-value]


def _with_suffix(base: str, n: int) -> str:
    return base if n == 1 else f"{base}-{n}"


@transaction.atomic
def insert_batch(language: str, batch: Sequence[NewArticle], note: str = "") -> list[Article]:
    """Insert ``batch`` as articles of ``language`` (published unless they
    say otherwise) with bylines, tags, body pictures and a first revision:
    a fixed number of queries, whatever its size."""
    slugs = allocate_slugs(language, [new.slug_base for new in batch])
    articles = []
    for new, slug in zip(batch, slugs, strict=True):
        article = Article(
            language=language,
            headline=new.headline,
            slug=slug,
            standfirst=new.standfirst,
            body=sanitize(new.body),  # what Article.save() would do
            section_id=new.section_id,
            status=new.status,
            publish_at=new.publish_at,
            lead_image_id=new.lead_image_id,
        )
        if new.translation_key is not None:
            article.translation_key = new.translation_key
        article.clean_text_fields()  # what Article.save() would do
        articles.append(article)
    Article.objects.bulk_create(articles)
    if articles and articles[0].pk is None:  # a database that does not return new keys
        pks = dict(
            Article.objects.filter(language=language, slug__in=slugs).values_list("slug", "pk")
        )
        for article in articles:
            article.pk = pks[article.slug]

    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article_id=article.pk, author_id=author_id, position=position)
        for article, new in zip(articles, batch, strict=True)
        for position, author_id in enumerate(new.author_ids)
    )
    Through = Article.tags.through
    Through.objects.bulk_create(
        Through(article_id=article.pk, tag_id=tag_id)
        for article, new in zip(articles, batch, strict=True)
        for tag_id in new.tag_ids
    )
    # The pictures the bodies show (what save_article's sync_body_images
    # lists), those that exist.
    shown = {article.pk: image_ids(article.body) for article in articles}
    existing = (
        set(
            Image.objects.filter(pk__in={pk for ids in shown.values() for pk in ids}).values_list(
                "pk", flat=True
            )
        )
        if any(shown.values())
        else set()
    )
    BodyImage.objects.bulk_create(
        BodyImage(article_id=pk, image_id=image_id)
        for pk, ids in shown.items()
        for image_id in ids
        if image_id in existing
    )
    Revision.objects.bulk_create(
        Revision(
            article_id=article.pk,
            number=1,
            headline=article.headline,
            standfirst=article.standfirst,
            body=article.body,
            # The shape that articles.services keeps in every revision.
            fields={
                **{name: getattr(article, name) for name in REVISION_FIELDS},
                "tags": sorted(new.tag_ids),
                "authors": list(new.author_ids),
            },
            note=note,
        )
        for article, new in zip(articles, batch, strict=True)
    )
    # Bulk inserts send no signals: start a new page-cache generation here,
    # so that readers see each batch once it is committed, and queue the
    # batch's search indexing (a worker does it, at its own pace, so that
    # the import goes on at full speed).
    transaction.on_commit(bump)
    ids = [article.pk for article in articles]
    transaction.on_commit(lambda: reindex_articles.enqueue(ids))
    return articles


def load(
    language: str,
    rows: Iterable[NewArticle],
    *,
    batch_size: int,
    note: str = "",
    progress: Progress | None = None,
) -> int:
    """Insert ``rows`` in batches of ``batch_size``, one transaction each;
    only one batch is in memory at a time. Returns the number inserted."""
    rows = iter(rows)
    total = 0
    while chunk := list(islice(rows, batch_size)):
        insert_batch(language, chunk, note)
        total += len(chunk)
        if progress:
            progress.advance(len(chunk))
    if total:
        refresh_statistics()
    return total


def refresh_statistics() -> None:
    """Let the query planner see the new rows at once. Right after a bulk
    load PostgreSQL has no statistics for them until autovacuum runs, and
    an article page took 31 ms instead of 10 ms (see docs/performance.md)."""
    tables = [
        model._meta.db_table for model in (Article, ArticleAuthor, Article.tags.through, Revision)
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("ANALYZE " + ", ".join(connection.ops.quote_name(t) for t in tables))
        elif connection.vendor == "sqlite":
            for table in tables:
                cursor.execute("ANALYZE " + connection.ops.quote_name(table))


# -- The corpus as it is -----------------------------------------------------


def story_key(article: CorpusArticle, language: str) -> uuid.UUID:
    """The same corpus row imported in the same language is the same story."""
    return uuid.uuid5(STORY_NAMESPACE, f"{language}:{article.digest}")


def import_corpus(
    corpus: Sequence[CorpusArticle],
    *,
    language: str = "de",
    spread_days: float = 365,
    seed: int = 1,
    batch_size: int = 500,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> Result:
    """Import ``corpus`` as published articles of ``language``, the first
    the newest, the others spread back over ``spread_days``.

    Idempotent: an article imported before (same text, same language) is
    skipped, whatever its slug has become since.
    """
    started = time.monotonic()
    now = now or timezone.now()
    rng = random.Random(seed)
    newsroom = ensure_newsroom((a.label for a in corpus), language)
    keys = [story_key(a, language) for a in corpus]
    done = set(
        Article.objects.filter(language=language, translation_key__in=keys).values_list(
            "translation_key", flat=True
        )
    )
    times = list(publish_times(len(corpus), spread_days, now, rng))
    todo = [i for i, key in enumerate(keys) if key not in done]
    if progress:
        progress.start(len(todo))
    tags = newsroom.tags

    def rows() -> Iterator[NewArticle]:
        for i in todo:
            article = corpus[i]
            yield NewArticle(
                headline=article.headline,
                slug_base=make_slug(article.headline, max_length=SLUG_BASE_LENGTH),
                standfirst=article.lead,
                body=article.body_html,
                section_id=newsroom.sections[article.label].pk,
                publish_at=times[i],
                author_ids=byline(newsroom, i),
                tag_ids=[tags[t].pk for t in tag_indexes(article.text)],
                translation_key=keys[i],
            )

    created = load(
        language, rows(), batch_size=batch_size, note="Import: 10kGNAD", progress=progress
    )
    return Result(
        created=created, skipped=len(corpus) - len(todo), seconds=time.monotonic() - started
    )


# -- Synthetic archives ------------------------------------------------------


@dataclass
class _Source:
    """A corpus article prepared once for recombination."""

    label: str
    headline: str
    lead: str
    paragraphs: list[str]  # as HTML
    tags: list[int]


def generate_archive(
    corpus: Sequence[CorpusArticle],
    count: int,
    *,
    language: str = "de",
    spread_days: float = 3650,
    seed: int = 1,
    batch_size: int = 5000,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> Result:
    """Insert ``count`` synthetic published articles made from ``corpus``.

    Each takes the lead, section and first paragraphs of a corpus article
    drawn at random (so sections follow the corpus's label distribution),
    often continued with paragraphs of another article of the same section;
    its headline is the lead's, now and then with a prefix or suffix. Slugs
    are "<headline>-<n>", n counting on from the highest article id, so
    that a second run does not collide with the first. Publish times are
    spread evenly back over ``spread_days``. The same seed gives the same
    archive (except the slug numbers and story keys).
    """
    started = time.monotonic()
    now = now or timezone.now()
    rng = random.Random(seed)
    newsroom = ensure_newsroom((a.label for a in corpus), language)
    sources = [
        _Source(
            label=a.label,
            headline=a.headline,
            lead=a.lead,
            paragraphs=[paragraph_html(p) for p in a.paragraphs],
            tags=tag_indexes(a.text),
        )
        for a in corpus
        if a.lead
    ]
    by_label: dict[str, list[_Source]] = {}
    for source in sources:
        by_label.setdefault(source.label, []).append(source)
    first_number = (Article.objects.aggregate(n=Max("pk"))["n"] or 0) + 1
    tag_pks = [t.pk for t in newsroom.tags]
    if progress:
        progress.start(count)
    section_pks = {label: s.pk for label, s in newsroom.sections.items()}

    def rows() -> Iterator[NewArticle]:
        times = publish_times(count, spread_days, now, rng)
        for i, publish_at in enumerate(times):
            source = rng.choice(sources)
            headline = _headline_variant(source.headline, rng)
            paragraphs = source.paragraphs
            if len(paragraphs) > 1 and rng.random() < 0.6:
                other = rng.choice(by_label[source.label])
                keep = rng.randint(1, len(paragraphs))
                paragraphs = paragraphs[:keep] + other.paragraphs[keep : keep + 4]
            slug = make_slug(headline, max_length=SLUG_BASE_LENGTH)
            yield NewArticle(
                headline=headline,
                slug_base=f"{slug}-{first_number + i}",
                standfirst=source.lead,
                body="".join(paragraphs),
                section_id=section_pks[source.label],
                publish_at=publish_at,
                author_ids=byline(newsroom, i),
                tag_ids=[tag_pks[t] for t in source.tags],
            )

    created = load(
        language, rows(), batch_size=batch_size, note="Synthetic archive", progress=progress
    )
    return Result(created=created, skipped=0, seconds=time.monotonic() - started)


def _headline_variant(headline: str, rng: random.Random) -> str:
    """Now and then a prefix or a suffix, when the result still fits."""
    roll = rng.random()
    if roll < 0.15:
        variant = rng.choice(HEADLINE_PREFIXES) + headline
    elif roll < 0.3 and not headline.endswith("…"):
        variant = headline + rng.choice(HEADLINE_SUFFIXES)
    else:
        return headline
    return variant if len(variant) <= HEADLINE_LENGTH else headline
