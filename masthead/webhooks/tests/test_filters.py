"""A webhook hears only of the events, languages and sections it asked for;
a section includes the sections below it, and a deleted section matches
nothing (never everything)."""

import json

from masthead.sections.models import Section
from masthead.webhooks.models import Delivery

from .receivers import Receiver


def headlines(receiver):
    return sorted(json.loads(r.body)["article"]["headline"] for r in receiver.received)


def test_by_language(subscribe, make_article, commit):
    with Receiver() as english, Receiver() as everything:
        subscribe(english.url, languages=["en"])
        subscribe(everything.url)
        with commit():
            make_article("Der Rat beschließt", language="de")
            make_article("The council decides", language="en")
    assert headlines(english) == ["The council decides"]
    assert headlines(everything) == ["Der Rat beschließt", "The council decides"]


def test_by_section_and_the_sections_below_it(subscribe, make_article, commit, world, science):
    europe = Section.objects.create(
        parent=world, names={"de": "Europa"}, slugs={"de": "europa"}, position=3
    )
    with Receiver() as world_desk, Receiver() as science_desk:
        subscribe(world_desk.url, section_ids=[world.pk])
        subscribe(science_desk.url, section_ids=[science.pk])
        with commit():
            make_article("Welt", section=world)
            make_article("Europa", section=europe)
            make_article("Wissenschaft", section=science)
    assert headlines(world_desk) == ["Europa", "Welt"]
    assert headlines(science_desk) == ["Wissenschaft"]


def test_by_event(subscribe, make_article, commit, editor):
    from masthead.articles import services

    with Receiver() as corrections:
        subscribe(corrections.url, events=["article.corrected"])
        with commit():
            article = make_article(user=editor)
        with commit():
            services.add_correction(article, "Der Ort war Bonn, nicht Berlin.", editor)
    assert [json.loads(r.body)["type"] for r in corrections.received] == ["article.corrected"]


def test_a_deleted_section_matches_nothing(subscribe, make_article, commit, science):
    gone = Section.objects.create(names={"de": "Alt"}, slugs={"de": "alt"}, position=9)
    with Receiver() as receiver:
        subscribe(receiver.url, section_ids=[gone.pk])
        gone.delete()
        with commit():
            make_article("Wissenschaft", section=science)
    assert receiver.received == []
    assert Delivery.objects.count() == 0
