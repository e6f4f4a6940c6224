"""Time of converting WordPress post content into bodies
(masthead/importers/wordpress/body.py), on every post of the WordPress
exports in ../shared/corpora/wxr (or the folder given), repeated ROUNDS
times:

    python bench/wxr_body.py [FOLDER] [ROUNDS=5]

The issue's target is a 10,000-post export imported in under two minutes;
this prints the conversion's share of it (CPU seconds per 10,000 posts of
the corpus's mix of block and classic content), with the picture lookup
answering at once, as a Markdown table.
"""

import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.settings")

import django  # noqa: E402

django.setup()

from lxml import etree  # noqa: E402

from masthead.importers.wordpress.body import convert  # noqa: E402

CONTENT = "{http://purl.org/rss/1.0/modules/content/}encoded"


def bodies(folder: Path) -> list[str]:
    found = []
    for path in sorted(folder.rglob("*.xml")):
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
        try:
            tree = etree.parse(str(path), parser)
        except etree.XMLSyntaxError:
            continue
        found += [c.text for c in tree.iter(CONTENT) if (c.text or "").strip()]
    return found


def main() -> None:
    root = Path(__file__).resolve().parents[1]
    folder = (
        Path(sys.argv[1])
        if len(sys.argv) > 1 and sys.argv[1]
        else root.parent / "shared/corpora/wxr"
    )
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    texts = bodies(folder)
    size = sum(len(text) for text in texts)
    times = []
    for _ in range(rounds):
        start = time.process_time()
        for text in texts:
            convert(text, image=lambda url, pk: pk or 1, attached=[1, 2])
        times.append(time.process_time() - start)
    per_post = statistics.median(times) / len(texts)
    print("| posts | characters | median CPU s | ms per post | s per 10,000 posts |")
    print("|---:|---:|---:|---:|---:|")
    print(
        f"| {len(texts)} | {size:,} | {statistics.median(times):.2f} | {per_post * 1000:.2f} "
        f"| {per_post * 10_000:.1f} |"
    )


if __name__ == "__main__":
    main()
