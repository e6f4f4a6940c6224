"""Pictures in the text, in a real browser: ron the reporter drops a photo
into the body editor, describes it, adds a gallery (one picture from the
library, one uploaded on the spot), saves, and sees the figures on the
preview page."""

import re

import pytest
from browser_helpers import EDITOR, drop_file, format_violations, paste_file, run_axe, sign_in

from masthead.articles.models import Article, BodyImage
from masthead.articles.tests.pictures import image_bytes
from masthead.media.models import Image

pytestmark = pytest.mark.browser

HEADLINE = "Der Stadtrat tagt im neuen Saal"


def test_a_reporter_places_a_picture_and_a_gallery(demo_site, new_page, reporter, tmp_path):
    page = new_page(locale="de-DE")
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in(page, demo_site, "ron")

    page.goto(demo_site + "/desk/articles/new/")
    page.select_option("#id_language", "de")
    page.fill("#id_headline", HEADLINE)
    page.locator(EDITOR).click()
    page.keyboard.type("Der Rat hat am Dienstag zum ersten Mal im neuen Saal getagt.")

    # A photo dropped into the text: the editor asks for its description.
    drop_file(page, EDITOR, "saal.jpg", image_bytes(1600, 900))
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Beschreibung für alle, die das Bild nicht sehen können").fill(
        "Der neue Ratssaal mit hellen Holzbänken"
    )
    dialog.get_by_label("Bildnachweis (Fotografin, Fotograf oder Agentur)").fill("Anna Berg")
    dialog.get_by_label("Größe").select_option("full")
    violations = run_axe(page)  # the dialog, as a screen reader meets it
    assert not violations, format_violations(violations)
    dialog.get_by_role("button", name="Einfügen").click()
    picture = page.locator(".masthead-figure img")
    picture.wait_for()
    assert picture.get_attribute("alt") == "Der neue Ratssaal mit hellen Holzbänken"

    # A gallery: the photo from the library and one more uploaded on the spot.
    second = tmp_path / "markt.png"
    second.write_bytes(image_bytes(800, 600, "PNG"))
    page.locator(EDITOR).click()
    page.keyboard.press("Control+End")
    page.get_by_role("button", name="Galerie einfügen").click()
    dialog = page.get_by_role("dialog")
    dialog.locator(".masthead-figure-dialog__result").first.click()
    dialog.get_by_label("Bilddatei").set_input_files(str(second))
    dialog.get_by_label("Beschreibung für alle, die das Bild nicht sehen können").fill(
        "Marktstände vor dem Rathaus"
    )
    dialog.get_by_role("button", name="Einfügen").click()
    page.locator(".masthead-gallery__item img").nth(1).wait_for()
    assert page.locator(".masthead-gallery__item").count() == 2
    # The order can be changed.
    page.locator(".masthead-gallery__item").nth(1).get_by_role("button", name="Nach vorn").click()

    # A picture pasted into the text is uploaded the same way.
    page.locator(EDITOR).click()
    page.keyboard.press("Control+End")
    paste_file(page, EDITOR, "kopiert.png", image_bytes(400, 300, "PNG"))
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Beschreibung für alle, die das Bild nicht sehen können").fill(
        "Ein kopiertes Bild"
    )
    dialog.get_by_role("button", name="Einfügen").click()
    page.locator(".masthead-figure img").nth(1).wait_for()

    page.select_option("#id_section", label="Welt")
    page.get_by_role("button", name="Speichern und Vorschau").click()
    page.wait_for_load_state()

    article = Article.objects.get(headline=HEADLINE)
    hall, market = (
        Image.objects.get(alt__de__startswith="Der neue"),
        Image.objects.get(alt__de__startswith="Markt"),
    )
    assert f'<figure data-image="{hall.pk}" data-size="full"></figure>' in article.body
    assert (
        f'<figure data-gallery=""><figure data-image="{market.pk}"></figure>'
        f'<figure data-image="{hall.pk}"></figure></figure>'
    ) in article.body
    pasted = Image.objects.get(original_name="kopiert.png")
    assert f'<figure data-image="{pasted.pk}" data-size="column"></figure>' in article.body
    assert set(BodyImage.objects.filter(article=article).values_list("image_id", flat=True)) == {
        hall.pk,
        market.pk,
        pasted.pk,
    }

    body = page.locator(".article__body")
    figure = body.locator("figure.figure--full")
    assert figure.locator("img").get_attribute("alt") == "Der neue Ratssaal mit hellen Holzbänken"
    assert "Foto: Anna Berg" in figure.locator("figcaption").inner_text()
    gallery = body.get_by_role("list", name="Bildergalerie")
    assert gallery.locator("li img").count() == 2
    for img in body.locator("img").all():
        img.scroll_into_view_if_needed()
        assert img.evaluate("(i) => i.complete && i.naturalWidth > 0")
    violations = run_axe(page)
    assert not violations, format_violations(violations)

    # Opened again, the editor shows the pictures the body names.
    page.goto(f"{demo_site}/desk/articles/{article.pk}/")
    page.locator(".masthead-gallery__item img").nth(1).wait_for()
    page.locator(".masthead-figure img").nth(1).wait_for()
    assert page.locator(".masthead-figure__warning:visible").count() == 0
    # Typing makes the editor write the body anew: the nodes come out as stored.
    page.locator(EDITOR).locator("p").first.click()
    page.keyboard.press("End")
    page.keyboard.type(" Ende.")
    written = page.locator("#id_body").input_value()
    for start, end in [
        (m.start(), m.end()) for m in re.finditer(r"<figure.*?</figure>", article.body)
    ]:
        assert article.body[start:end] in written
    assert not [e for e in errors if "Content Security Policy" in e or "figure" in e], errors
