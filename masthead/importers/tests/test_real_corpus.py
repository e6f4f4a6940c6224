"""The real corpus (10kGNAD test split, 1,028 articles), read from
../shared beside the repository when it is there."""

from collections import Counter
from io import StringIO

import pytest
from django.core.management import call_command

from masthead.articles.models import Article
from masthead.importers.corpus import read_corpus
from masthead.sections.models import Section

from .conftest import REAL_CORPUS, ROOT

pytestmark = pytest.mark.skipif(
    not REAL_CORPUS.is_file(), reason=f"the corpus file {REAL_CORPUS} is missing"
)

LABELS = {
    "Web": 168,
    "Panorama": 168,
    "International": 151,
    "Wirtschaft": 141,
    "Sport": 120,
    "Inland": 102,
    "Etat": 67,
    "Wissenschaft": 57,
    "Kultur": 54,
}


def test_the_corpus_reads_as_1028_articles_with_headlines():
    corpus = list(read_corpus(REAL_CORPUS))

    assert Counter(a.label for a in corpus) == LABELS
    assert all(a.headline and len(a.headline) <= 110 for a in corpus)
    assert all(a.lead and a.paragraphs for a in corpus)
    # The dateline belongs to the body, not to the headline.
    assert not any(a.headline.startswith("Wien –") for a in corpus)


@pytest.mark.django_db
def test_it_imports_the_real_corpus_from_the_default_path(monkeypatch):
    monkeypatch.chdir(ROOT)  # the default path is ../shared/… from here
    call_command("import_german_news", "--no-progress", stdout=StringIO())

    assert Article.objects.public().in_language("de").count() == 1028
    assert Section.objects.count() == 9
    per_section = Counter(Article.objects.values_list("section__slugs__de", flat=True))
    assert per_section == {label.lower(): n for label, n in LABELS.items()}
    slugs = list(Article.objects.values_list("slug", flat=True))
    assert len(set(slugs)) == 1028
