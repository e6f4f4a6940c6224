"""Bulk loading writes no invisible control characters: the importer cleans
what it inserts as the models do on save (bulk inserts skip save())."""

from io import StringIO

import pytest
from django.core.management import call_command

from masthead.articles.models import Article, Revision
from masthead.core.textcleanup import MODELS, suspects
from masthead.sections.models import Section

from .conftest import write_corpus

pytestmark = pytest.mark.django_db

ROWS = [
    (
        "Inl\x0band",
        "Die Regierung\x0blegt einen\x01 neuen Plan für die Pflege vor.\x7f Wien – Die "
        "Bundesregierung hat am Dienstag\x02 ein Paket für die Pflege beschlossen. Es soll "
        "2027 in Kraft treten.\x1f Die Länder sollen mitzahlen, sagte der Minister.",
    ),
]


@pytest.mark.parametrize("command", ["import_german_news", "generate_archive"])
def test_it_imports_text_without_control_characters(tmp_path, command):
    corpus = write_corpus(tmp_path / "news.csv", ROWS)
    extra = ["--count", "3"] if command == "generate_archive" else []
    call_command(command, "--path", str(corpus), "--no-progress", *extra, stdout=StringIO())

    article = Article.objects.first()
    assert article.headline.startswith("Die Regierung legt einen neuen Plan")
    assert "\x01" not in article.body and "\x0b" not in article.body
    assert Section.objects.get(slugs__de="inl-and").names["de"] == "Inl and"
    assert Revision.objects.filter(article=article).get().headline == article.headline
    for model in MODELS:
        assert not [obj for obj in suspects(model) if obj.clean_text_fields()], model
