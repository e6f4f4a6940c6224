"""The two search engines behind one small interface.

- ``PostgresEngine``: PostgreSQL full-text search. One row per article in
  ``search_index`` with a ``tsvector`` of weighted terms (headline A,
  standfirst, names and the headline's compound parts B, body C, the other
  compound parts D) under a GIN index, ranked with ``ts_rank``.
- ``SqliteEngine``: SQLite's FTS5. One row per article (rowid = article
  id) of the FTS5 table ``search_index``, a column per field, ranked with
  ``bm25`` weighted per column to the same effect.

Both store the terms analysis.py makes, through the ``simple`` parser and
dictionary (PostgreSQL) or the ``unicode61`` tokenizer (SQLite), which
take them as they are. So both engines find the same articles; only their
scores differ a little. Both multiply relevance by the same recency
boost, fitted to news: up to half again for an article of today, a
quarter for one of two weeks ago, next to nothing after a year.

Another engine (a search server) would implement ``Engine`` and be named in
``MASTHEAD_SEARCH_ENGINE``; the views only use ``engine()``'s methods.
"""

import html
import json
import re
from dataclasses import dataclass, replace
from datetime import UTC

from django.conf import settings
from django.db import connection, transaction
from django.db.models.expressions import RawSQL
from django.utils import timezone
from django.utils.module_loading import import_string

from masthead.articles.models import Article
from masthead.lib.i18n import pick

from .analysis import WORD, analyzer, compound_key, fold
from .query import Query

# Recency: relevance × (1 + BOOST / (1 + age in days / HALF_DAYS)).
RECENCY_BOOST = 0.5
RECENCY_DAYS = 14.0

# The newest (by id) matches that are ranked, at most: a word in half the
# archive ("Wien", "die") is ranked among the latest CANDIDATES articles
# that have it, which keeps such a search within milliseconds at any size
# (docs/search.md, "Speed"). When the filters leave fewer results than a
# page, every match is ranked.
CANDIDATES = 2000

COLUMNS = ("headline", "standfirst", "body", "meta", "hparts", "parts", "words")
# The columns a phrase may match: the text's own words, in order.
PHRASE_COLUMNS = ("headline", "standfirst", "body", "meta")


# A tag of a stored (sanitised) body.
TAG = re.compile(r"<[^>]*>")


def body_text(body: str) -> str:
    """The text of a stored body, its tags word breaks. Not lib.text's
    plain_text, which runs the HTML sanitiser over any HTML (146 µs for a
    body of 2,600 characters): stored bodies are sanitised when saved
    (well-formed, no comments or scripts), so a pattern does the same
    here in 23 µs, for every article an import indexes."""
    return html.unescape(TAG.sub(" ", body))


@dataclass
class Document:
    """An article as the engines index it: space-separated terms per column."""

    article_id: int
    columns: dict[str, str]


def document(article) -> Document:
    """The index row of ``article`` (with its bylines, tags and section
    loaded or loadable)."""
    analyse = analyzer(article.language)
    title = " ".join(filter(None, [article.kicker, article.headline]))
    meta = " ".join(
        [
            *(author.name for author in article.authors.all()),
            *(tag.name for tag in article.tags.all()),
            pick(article.section.names, article.language) if article.section_id else "",
            article.slug.replace("-", " "),
        ]
    )
    columns, parts = {}, []
    for name, text in (
        ("headline", title),
        ("standfirst", article.standfirst),
        ("body", body_text(article.body)),
        ("meta", meta),
    ):
        terms, text_parts = analyse.terms_and_parts(text)
        columns[name] = " ".join(terms)
        if name == "headline":
            columns["hparts"] = " ".join(text_parts)
        else:
            parts += text_parts
    columns["parts"] = " ".join(parts)
    columns["words"] = " ".join(fold(word) for word in WORD.findall(title))
    return Document(article.pk, columns)


class Engine:
    """What the site asks of a search engine."""

    def index(self, documents: list[Document]) -> None:
        """Add or replace these articles' rows."""
        raise NotImplementedError

    def remove(self, article_ids: list[int]) -> None:
        raise NotImplementedError

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("DELETE FROM search_index")

    def count(self) -> int:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_index")
            return cursor.fetchone()[0]

    def optimize(self) -> None:
        """After a rebuild: what the engine needs to search the new rows
        well (statistics, merged segments)."""

    def matching(self, query: Query) -> tuple[str, list]:
        """SQL selecting the ids of the articles that match ``query`` (for
        ``pk__in=RawSQL(…)``: lists in another order filter with it)."""
        raise NotImplementedError

    def ranked(self, query: Query, among, limit: int, offset: int = 0, now=None):
        """(article id, score) of the best matches of ``query`` among the
        articles of queryset ``among``, best first. The ``CANDIDATES``
        newest matches are ranked; every match when that leaves fewer than
        ``limit``."""
        rows = self._ranked(query, among, limit, offset, now, CANDIDATES)
        if len(rows) < limit and (not rows or rows[0][2] >= CANDIDATES):
            # Fewer than asked for, of candidates cut at CANDIDATES (or none,
            # which may be a filter that left out all the newest): rank
            # every match.
            rows = self._ranked(query, among, limit, offset, now, None)
        return [(pk, score) for pk, score, _ in rows]

    def _ranked(self, query, among, limit, offset, now, candidates):
        """Rows (id, score, number of matches ranked) of ``ranked``, of at
        most ``candidates`` matches (all when None)."""
        raise NotImplementedError


class SqliteEngine(Engine):
    # bm25 weights of the columns: article_id (not indexed), headline,
    # standfirst, body, meta, hparts, parts, words.
    WEIGHTS = (0.0, 10.0, 5.0, 1.0, 4.0, 2.0, 0.5, 2.0)

    def optimize(self):
        with connection.cursor() as cursor:
            cursor.execute("INSERT INTO search_index (search_index) VALUES ('optimize')")

    def index(self, documents):
        if not documents:
            return
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM search_index WHERE rowid = %s", [(d.article_id,) for d in documents]
            )
            cursor.executemany(
                f"INSERT INTO search_index (rowid, article_id, {', '.join(COLUMNS)}) "  # noqa: S608 (names)
                f"VALUES (%s, %s, {', '.join(['%s'] * len(COLUMNS))})",
                [(d.article_id, d.article_id, *(d.columns[c] for c in COLUMNS)) for d in documents],
            )

    def remove(self, article_ids):
        with connection.cursor() as cursor:
            cursor.executemany(
                "DELETE FROM search_index WHERE rowid = %s", [(pk,) for pk in article_ids]
            )

    def expression(self, query: Query) -> str:
        def term(t):
            return '"' + t.replace('"', '""') + '"'

        def form(f):
            # A compound's parts: next to each other in a word (their key).
            return term(f[0] if len(f) == 1 else compound_key(f))

        clauses = ["(" + " OR ".join(form(f) for f in word.forms) + ")" for word in query.words]
        phrase_columns = "{" + " ".join(PHRASE_COLUMNS) + "}"
        clauses += [
            "("
            + " OR ".join(f"{phrase_columns} : (" + " + ".join(map(term, f)) + ")" for f in p.forms)
            + ")"
            for p in query.phrases
        ]
        expression = (" OR " if query.any_word else " AND ").join(clauses)
        if query.prefix:
            prefix = "{words} : " + term(query.prefix) + " *"
            expression = f"({expression}) AND {prefix}" if expression else prefix
        for excluded in query.excluded:
            expression = f"({expression}) NOT {term(excluded)}"
        return expression

    def matching(self, query):
        return "SELECT rowid FROM search_index WHERE search_index MATCH %s", [
            self.expression(query)
        ]

    def _ranked(self, query, among, limit, offset, now, candidates):
        weights = ", ".join(str(w) for w in self.WEIGHTS)
        newest = f"ORDER BY rowid DESC LIMIT {int(candidates)}" if candidates else ""
        hits = (
            f"SELECT rowid AS id, bm25(search_index, {weights}) AS relevance "  # noqa: S608 (constants)
            f"FROM search_index WHERE search_index MATCH %s {newest}"
        )
        # bm25 is negative: the lower, the better.
        age = "max(0, julianday(%s) - julianday(coalesce(a.publish_at, a.modified_at)))"
        moment = (now or timezone.now()).astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
        return _rank(
            hits, [self.expression(query)], "-hits.relevance", age, moment, among, limit, offset
        )


def _rank(hits, hits_params, relevance, age, moment, among, limit, offset):
    """Run a ranking: ``hits`` (SQL selecting id and relevance of the
    matches) in a materialised CTE first (joined to the articles, SQLite
    would run its full-text query once per article row), then the
    articles of ``among`` among them, by relevance × recency. A hit whose
    relevance is NULL is a candidate that turned out not to match. Rows:
    (id, score, number of hits, candidates included)."""
    allowed, allowed_params = (
        among.filter(pk__in=RawSQL("SELECT id FROM hits", ()))  # noqa: S611 (a constant)
        .order_by()  # an order is no use to IN (and costs a sort)
        .values("pk")
        .query.sql_with_params()
    )
    table = Article._meta.db_table
    sql = (
        f"WITH hits AS MATERIALIZED ({hits}) "  # noqa: S608 (constants and the ORM's SQL; values are parameters)
        f"SELECT hits.id, {relevance} * (1 + {RECENCY_BOOST} / (1 + {age} / {RECENCY_DAYS})) "
        "AS score, (SELECT count(*) FROM hits) "
        f"FROM hits JOIN {table} a ON a.id = hits.id "
        f"WHERE hits.relevance IS NOT NULL AND hits.id IN ({allowed}) "
        "ORDER BY score DESC, hits.id DESC LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*hits_params, moment, *allowed_params, limit, offset])
        return cursor.fetchall()


class PostgresEngine(Engine):
    # ts_rank's weights of D, C, B and A.
    WEIGHTS = "{0.05, 0.2, 0.5, 1.0}"
    WEIGHTED = (("headline", "A"), ("standfirst", "B"), ("body", "C"), ("meta", "B"),
                ("hparts", "C"), ("parts", "D"))  # fmt: skip

    def optimize(self):
        # Without statistics on the new rows the planner reads every
        # matching row for a common word (seconds instead of milliseconds
        # at 100,000 articles).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE search_index")

    def index(self, documents):
        if not documents:
            return
        vector = " || ".join(
            f"setweight(to_tsvector('simple', %s), '{weight}')" for _, weight in self.WEIGHTED
        )
        with connection.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO search_index (article_id, document, words) "  # noqa: S608 (constants)
                f"VALUES (%s, {vector}, to_tsvector('simple', %s)) "
                "ON CONFLICT (article_id) DO UPDATE "
                "SET document = EXCLUDED.document, words = EXCLUDED.words",
                [
                    (d.article_id, *(d.columns[c] for c, _ in self.WEIGHTED), d.columns["words"])
                    for d in documents
                ],
            )

    def remove(self, article_ids):
        with connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM search_index WHERE article_id = ANY(%s)", [list(article_ids)]
            )

    @staticmethod
    def _term(t: str) -> str:
        return "'" + t.replace("\\", "\\\\").replace("'", "''") + "'"

    def tsquery(self, query: Query, phrases_as_words: bool = False) -> str:
        """``query`` as a tsquery; with ``phrases_as_words``, a phrase's words
        anywhere (which the GIN index answers alone, without reading each
        article's word positions)."""
        term = self._term
        joiner = " & " if phrases_as_words else " <-> "

        def form(f):
            # A compound's parts: next to each other in a word (their key).
            return term(f[0] if len(f) == 1 else compound_key(f))

        clauses = ["(" + " | ".join(form(f) for f in word.forms) + ")" for word in query.words]
        clauses += [
            "(" + " | ".join("(" + joiner.join(map(term, f)) + ")" for f in p.forms) + ")"
            for p in query.phrases
        ]
        expression = "(" + (" | " if query.any_word else " & ").join(clauses) + ")"
        return " & ".join([expression, *("!" + term(t) for t in query.excluded)])

    def _where(
        self, query: Query, alias: str = "search_index", phrases_as_words: bool = False
    ) -> tuple[str, list]:
        conditions, params = [], []
        if query.words or query.phrases:
            conditions.append(f"{alias}.document @@ to_tsquery('simple', %s)")
            params.append(self.tsquery(query, phrases_as_words))
        if query.prefix:
            conditions.append(f"{alias}.words @@ to_tsquery('simple', %s)")
            params.append(self._term(query.prefix) + ":*")
        return " AND ".join(conditions), params

    def matching(self, query):
        where, params = self._where(query)
        return f"SELECT article_id FROM search_index WHERE {where}", params  # noqa: S608 (values are parameters)

    # How the newest matches are found. A word in many articles: the
    # newest articles one by one, until enough match (each one's stored
    # vector is read: that costs about four times what a row of the other
    # way does). Any other: all matches from the GIN index, then the newest
    # of them. PostgreSQL's planner chooses the first too often (it does
    # not count reading the vectors): for a word in 7 % of 100,000
    # articles it read 29,000 vectors (370 ms) where the index's 7,000
    # matches took 20 ms. So the engine chooses, by the planner's estimate
    # of the matches: walking costs about WALK_COST × CANDIDATES × rows /
    # matches, the index matches.
    WALK_COST = 4

    def _newest_first(self, where: str, params: list) -> str:
        with connection.cursor() as cursor:
            sql = f"EXPLAIN (FORMAT JSON) SELECT 1 FROM search_index WHERE {where}"  # noqa: S608 (constants; values are parameters)
            cursor.execute(sql, params)
            plan = cursor.fetchone()[0]
            matches = (json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]["Plan Rows"]
            cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'search_index'::regclass")
            rows = cursor.fetchone()[0]
        if rows > 0 and matches * matches > self.WALK_COST * CANDIDATES * rows:
            return "article_id DESC"
        return "article_id + 0 DESC"  # an expression: no index gives this order

    def _ranked(self, query, among, limit, offset, now, candidates):
        where, where_params = self._where(query)
        if query.words or query.phrases:
            rank = f"ts_rank('{self.WEIGHTS}', document, to_tsquery('simple', %s))"
            rank_params = [self.tsquery(query)]
        else:
            rank, rank_params = "1.0", []
        if candidates:
            # The candidates first, then their ranks: PostgreSQL would rank
            # every match before it cuts (reading each one's stored vector).
            # The candidates carry their vectors (as pointers to them: a
            # sort does not read them), so that ranking them needs no join
            # (a join back to the table merged the candidates with its
            # whole primary key: 16 ms at 100,000 articles).
            #
            # A phrase: the candidates are the newest articles with its
            # words anywhere, and only they are checked for the phrase
            # (reading their word positions); the others rank as NULL, which
            # _rank leaves out. Checked on every article with the words, a
            # phrase of two common words read 28,000 vectors at 1,000,000
            # articles (380 ms).
            loose_where, loose_params = where, where_params
            if query.phrases:
                loose_where, loose_params = self._where(query, phrases_as_words=True)
                rank = f"CASE WHEN document @@ to_tsquery('simple', %s) THEN {rank} END"
                rank_params = [self.tsquery(query), *rank_params]
            hits = (
                "WITH c AS MATERIALIZED (SELECT article_id, document FROM search_index "  # noqa: S608 (constants; values are parameters)
                f"WHERE {loose_where} ORDER BY {self._newest_first(loose_where, loose_params)} "
                f"LIMIT {int(candidates)}) "
                f"SELECT article_id AS id, {rank} AS relevance FROM c"
            )
            params = [*loose_params, *rank_params]
        else:
            hits = f"SELECT article_id AS id, {rank} AS relevance FROM search_index WHERE {where}"  # noqa: S608 (constants; values are parameters)
            params = [*rank_params, *where_params]
        age = "greatest(0, extract(epoch from %s - coalesce(a.publish_at, a.modified_at)) / 86400)"
        outer = connection.in_atomic_block
        with transaction.atomic():
            # Nor does the planner count the vectors a scan of the whole
            # table reads: it scans it for a word in 9 % of the articles
            # (850 ms at 100,000), where the index takes 20 ms.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL enable_seqscan = off")
            rows = _rank(
                hits, params, "hits.relevance", age, now or timezone.now(), among, limit, offset
            )
            if outer:  # else the setting ends with this transaction
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL enable_seqscan TO DEFAULT")
        return [(pk, float(score), hits) for pk, score, hits in rows]


def search(query: Query, among, limit: int, offset: int = 0, now=None):
    """``engine().ranked(…)``, and when no article of ``among`` has all the
    words, the articles with any of them (the query with ``any_word``).
    Returns the rows and the query that found them."""
    rows = engine().ranked(query, among, limit, offset, now)
    if rows or len(query.words) + len(query.phrases) < 2:
        return rows, query
    if offset and engine().ranked(query, among, 1, 0, now):
        return rows, query  # a page past the end of the results with all words
    loose = replace(query, any_word=True)
    return engine().ranked(loose, among, limit, offset, now), loose


def engine() -> Engine:
    """The engine for the database in use, unless MASTHEAD_SEARCH_ENGINE
    names another (a dotted path to an Engine class)."""
    name = getattr(settings, "SEARCH_ENGINE", "")
    if name:
        return import_string(name)()
    if connection.vendor == "postgresql":
        return PostgresEngine()
    return SqliteEngine()
