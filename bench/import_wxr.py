"""Time to import WordPress exports: the Theme Unit Test data, and a
10,000-post export generated from the German news corpus.

Usage:
    python bench/import_wxr.py [POSTS=10000] > result.json

Runs in a throwaway test database (SQLite unless DATABASE_URL says
otherwise), through the command's own code path (parse_file, then
import_exports in one transaction), each import twice. The generated export is WXR 1.2 as
WordPress writes it: the corpus's nine labels as categories (two of them
under a parent), tags from the corpus importer's tag words, five
authors, classic HTML with blank lines between paragraphs (wpautop's
input), one post in twenty a draft, one in fifty scheduled, three sticky,
pretty permalinks (/%year%/%monthnum%/%postname%/). Prints a JSON object
with the seconds of each part. Targets (issue 15, on the project's
two-core machine): the Theme Unit Test data in under 10 s, 10,000 posts
in under 2 minutes.
"""

import json
import os
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")

import django  # noqa: E402

django.setup()

from django.test.runner import DiscoverRunner  # noqa: E402

from masthead.importers.corpus import read_corpus  # noqa: E402
from masthead.importers.services import AUTHORS, TAGS, tag_indexes  # noqa: E402
from masthead.importers.wordpress.services import import_exports  # noqa: E402
from masthead.importers.wordpress.wxr import parse_file  # noqa: E402
from masthead.lib.text import make_slug  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpora"
CORPUS = SHARED / "german-news" / "10kGNAD-test.csv"
THEME_UNIT_TEST = SHARED / "wxr" / "themeunittestdata.wordpress.xml"
SITE = "https://zeitung.example.org"
PARENTS = {"Inland": "Oesterreich", "Etat": "Oesterreich"}


def cdata(text: str) -> str:
    return "<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>") + "]]>"


def generate(path: Path, posts: int) -> None:
    corpus = list(read_corpus(CORPUS))
    labels = sorted({a.label for a in corpus})
    start = datetime(2016, 1, 1, tzinfo=UTC)
    with path.open("w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0"\n'
            ' xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"\n'
            ' xmlns:content="http://purl.org/rss/1.0/modules/content/"\n'
            ' xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
            ' xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n'
            f"<title>Zeitung</title><link>{SITE}</link><language>de-DE</language>\n"
            "<wp:wxr_version>1.2</wp:wxr_version>\n"
            f"<wp:base_site_url>{SITE}</wp:base_site_url>"
            f"<wp:base_blog_url>{SITE}</wp:base_blog_url>\n"
        )
        for i, name in enumerate(AUTHORS, 1):
            login = make_slug(name)
            out.write(
                f"<wp:author><wp:author_id>{i}</wp:author_id><wp:author_login>{login}"
                f"</wp:author_login><wp:author_display_name>{cdata(name)}"
                "</wp:author_display_name></wp:author>\n"
            )
        out.write(
            "<wp:category><wp:term_id>1</wp:term_id><wp:category_nicename>oesterreich"
            "</wp:category_nicename><wp:category_parent></wp:category_parent>"
            f"<wp:cat_name>{cdata('Österreich')}</wp:cat_name></wp:category>\n"
        )
        for i, label in enumerate(labels, 2):
            parent = make_slug(PARENTS[label]) if label in PARENTS else ""
            out.write(
                f"<wp:category><wp:term_id>{i}</wp:term_id><wp:category_nicename>"
                f"{make_slug(label)}</wp:category_nicename><wp:category_parent>{parent}"
                f"</wp:category_parent><wp:cat_name>{cdata(label)}</wp:cat_name></wp:category>\n"
            )
        for i, (name, _en, _words) in enumerate(TAGS, 100):
            out.write(
                f"<wp:tag><wp:term_id>{i}</wp:term_id><wp:tag_slug>{make_slug(name)}"
                f"</wp:tag_slug><wp:tag_name>{cdata(name)}</wp:tag_name></wp:tag>\n"
            )
        for n in range(posts):
            article = corpus[n % len(corpus)]
            post_id = 1000 + n
            when = start + timedelta(minutes=47 * n)
            status = "draft" if n % 20 == 7 else "publish"
            if n % 50 == 11:
                status, when = "future", datetime.now(UTC) + timedelta(days=n % 30 + 1)
            slug = f"{make_slug(article.headline, max_length=150)}-{n}"
            link = f"{SITE}/{when:%Y}/{when:%m}/{slug}/"
            body = "\n\n".join(escape(p) for p in article.paragraphs)
            terms = (
                f'<category domain="category" nicename="{make_slug(article.label)}">'
                + cdata(article.label)
                + "</category>"
            )
            for t in tag_indexes(article.text):
                tag = TAGS[t][0]
                terms += f'<category domain="post_tag" nicename="{make_slug(tag)}">'
                terms += cdata(tag) + "</category>"
            out.write(
                f"<item><title>{escape(article.headline)}</title><link>{link}</link>"
                f"<dc:creator>{cdata(make_slug(AUTHORS[n % len(AUTHORS)]))}</dc:creator>"
                f"<content:encoded>{cdata(body)}</content:encoded>"
                f"<excerpt:encoded>{cdata(article.lead)}</excerpt:encoded>"
                f"<wp:post_id>{post_id}</wp:post_id>"
                f"<wp:post_date>{when:%Y-%m-%d %H:%M:%S}</wp:post_date>"
                f"<wp:post_date_gmt>{when:%Y-%m-%d %H:%M:%S}</wp:post_date_gmt>"
                f"<wp:post_name>{slug}</wp:post_name><wp:status>{status}</wp:status>"
                "<wp:post_parent>0</wp:post_parent><wp:post_type>post</wp:post_type>"
                f"<wp:is_sticky>{1 if n in (1, 2, 3) else 0}</wp:is_sticky>{terms}</item>\n"
            )
        out.write("</channel>\n</rss>\n")


def timed(path: Path, **options) -> dict:
    started = time.perf_counter()
    export = parse_file(path)
    parsed = time.perf_counter()
    report = import_exports([export], **options)
    done = time.perf_counter()
    return {
        "parse_seconds": round(parsed - started, 2),
        "import_seconds": round(done - parsed, 2),
        "total_seconds": round(done - started, 2),
        "stories": report.counts["articles"].created if "articles" in report.counts else 0,
        "unchanged": report.counts["articles"].unchanged if "articles" in report.counts else 0,
    }


def main() -> None:
    posts = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    runner = DiscoverRunner(verbosity=0)
    databases = runner.setup_databases()
    result: dict = {}
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "export.xml"
            started = time.perf_counter()
            generate(path, posts)
            result["generated"] = {
                "posts": posts,
                "megabytes": round(path.stat().st_size / 1e6, 1),
                "seconds": round(time.perf_counter() - started, 2),
            }
            result["theme_unit_test"] = timed(THEME_UNIT_TEST, language="en")
            result["theme_unit_test_again"] = timed(THEME_UNIT_TEST, language="en")
            result["news_export"] = timed(path)
            result["news_export_again"] = timed(path)
    finally:
        runner.teardown_databases(databases)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
