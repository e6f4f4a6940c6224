"""Cutting a body into segments and putting it together again."""

import pytest

from masthead.translations.segments import (
    assemble_body,
    body_texts,
    clean_inline,
    cut_body,
    same_markup,
)

BODY = (
    "<h2>Ein <b>Titel</b></h2><p>Erster Satz.</p>\n"
    '<ul><li>eins</li><li>zwei <a href="https://example.org/">Link</a></li></ul>'
    '<figure data-image="3"><figcaption>Bildtext</figcaption></figure>'
    '<figure data-image="4"></figure>'
    "<blockquote><p>„Zitat“</p></blockquote><p>&nbsp;</p><p>a<br>b</p>"
    '<figure data-embed="https://www.youtube.com/watch?v=x"></figure>'
)


def test_every_run_of_text_is_a_segment_with_its_inline_markup():
    assert body_texts(BODY) == [
        ("h2", "Ein <b>Titel</b>"),
        ("p", "Erster Satz."),
        ("li", "eins"),
        ("li", 'zwei <a href="https://example.org/">Link</a>'),
        ("figcaption", "Bildtext"),
        ("blockquote", "„Zitat“"),
        ("p", "a<br>b"),
    ]


def test_the_frame_keeps_pictures_embeds_and_empty_paragraphs():
    texts = [f"T{i}" for i in range(len(cut_body(BODY)))]
    assembled = assemble_body(BODY, texts)
    assert assembled == (
        "<h2>T0</h2><p>T1</p>\n<ul><li>T2</li><li>T3</li></ul>"
        '<figure data-image="3"><figcaption>T4</figcaption></figure>'
        '<figure data-image="4"></figure>'
        "<blockquote><p>T5</p></blockquote><p>&nbsp;</p><p>T6</p>"
        '<figure data-embed="https://www.youtube.com/watch?v=x"></figure>'
    )
    # The source's own texts give the source back.
    assert assemble_body(BODY, [text for _block, text in body_texts(BODY)]) == BODY


def test_a_wrong_number_of_texts_is_refused():
    with pytest.raises(ValueError, match="7 runs"):
        assemble_body(BODY, ["one"])


def test_a_segment_keeps_inline_markup_only():
    assert clean_inline('<p>Der <b>Rat</b></p><script>x</script> <a href="javascript:x">l</a>') == (
        "Der <b>Rat</b> <a>l</a>"
    )
    assert clean_inline("zwei\n  Zeilen") == "zwei Zeilen"


def test_markup_lost_by_a_machine_is_noticed():
    assert same_markup("The <b>mayor</b>", "El <b>alcalde</b>")
    assert not same_markup("The <b>mayor</b>", "El alcalde")
