"""Every WordPress export of ../shared imports, or is refused with nothing
saved; every published story of it can be read; a second run adds nothing."""

import pytest

from masthead.articles.models import Article
from masthead.importers.models import WordPressItem
from masthead.importers.wordpress.services import STATUSES, import_exports
from masthead.importers.wordpress.wxr import WXRError, parse_file
from masthead.media.models import Image
from masthead.people.models import Author
from masthead.sections.models import Section, Tag

from .conftest import WXR, needs_wxr
from .test_wxr_parser import FILES, REFUSED

pytestmark = [needs_wxr, pytest.mark.django_db, pytest.mark.usefixtures("english_terminal")]

MODELS = (Article, Section, Tag, Author, Image, WordPressItem)


@pytest.mark.parametrize("name", [name for name in FILES if name not in REFUSED])
def test_it_imports_every_export_and_every_published_story_can_be_read(name, client):
    export = parse_file(WXR / name)
    report = import_exports([export])
    # Ids are unique in an export of one site; of test files that repeat
    # one, the first item is imported.
    first = {}
    for item in export.items:
        if item.post_type in ("post", "page") and item.id:
            first.setdefault(item.id, item)
    imported = [item for item in first.values() if item.status in STATUSES]
    assert Article.objects.count() == len(imported) > 0 or not first
    created = sum(c.created for k, c in report.counts.items() if k in ("articles", "pages"))
    assert created == len(imported)
    for story in Article.objects.public():
        assert client.get(story.get_absolute_url()).status_code == 200, story.headline
    for body in Article.objects.values_list("body", flat=True):
        assert "<script" not in body.lower()
    counts = [model.objects.count() for model in MODELS]
    again = import_exports([parse_file(WXR / name)])
    assert [model.objects.count() for model in MODELS] == counts
    assert not any(c.created for c in again.counts.values())


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_a_refused_export_saves_nothing(name):
    with pytest.raises(WXRError):
        import_exports([parse_file(WXR / name)])
    for model in MODELS:
        assert not model.objects.exists()
