"""The French and Arabic demo stories are set as their newspapers set them:
French quotation marks, colons and semicolons with their no-break spaces
(U+00A0, and the narrow U+202F before ";", "?" and "!"), Arabic
quotation marks and no Latin ones."""

import re

from masthead.demo import content


def _texts(language):
    for story in [*content.STORIES, content.SHOWCASE]:
        version = story["versions"].get(language)
        if version:
            yield from (version["headline"], version["standfirst"], version["body"])
        if story.get("correction") and language in story["correction"]:
            yield story["correction"][language]
    for author in content.AUTHORS:
        yield author["bio"].get(language, "")
    for picture in content.SHOWCASE_PICTURES.values():
        yield picture["alt"].get(language, "")
        yield picture["caption"].get(language, "")


def test_french_punctuation_has_its_no_break_spaces():
    texts = list(_texts("fr"))
    assert sum("«" in text for text in texts) >= 5
    for text in texts:
        text = re.sub(r"<[^>]+>", "", text)  # not the colons of the links' addresses
        assert not re.search(r"« | »| :| ;| \?| !|[^\u00a0]»|«[^\u00a0]", text), text
        assert not re.search(r"[^\u202f][;?!]", text), text
        assert "'" not in text and '"' not in text


def test_arabic_quotes_are_arabic():
    texts = list(_texts("ar"))
    assert sum("«" in text for text in texts) >= 5
    for text in texts:
        assert not re.search("[“”„]", text), text
        assert not re.search(r"[\u0600-\u06ff],", text), text  # the Arabic comma: ،
