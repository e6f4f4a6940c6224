"""Load the demo newsroom (masthead.demo.content) into an empty database."""

import io
import uuid
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext, override
from PIL import Image, ImageDraw

from masthead.articles import services
from masthead.articles.models import Article, Correction
from masthead.lib.i18n import content_language_codes
from masthead.media import samples
from masthead.media import services as media_services
from masthead.media.models import Image as MediaImage
from masthead.people.models import Author
from masthead.sections.models import Section, Tag

from . import content

# Demo illustrations: flat colour fields drawn here, one palette per section.
PALETTES = {
    "world": ((31, 78, 121), (232, 174, 60)),
    "europe": ((44, 95, 45), (240, 220, 130)),
    "business": ((90, 40, 70), (230, 120, 90)),
    "science": ((20, 90, 100), (160, 220, 200)),
    "culture": ((120, 30, 30), (250, 200, 160)),
}
IMAGE_EVERY = 3  # every third story gets a lead image
SCHEDULED_IN = timedelta(hours=3)


def illustration(section_key: str, seed: int) -> bytes:
    """A 1200×675 JPEG of overlapping circles in the section's colours."""
    dark, light = PALETTES.get(section_key, ((40, 40, 40), (200, 200, 200)))
    image = Image.new("RGB", (1200, 675), dark)
    draw = ImageDraw.Draw(image)
    for i in range(6):
        r = 120 + ((seed * 37 + i * 53) % 220)
        x = (seed * 131 + i * 211) % 1200
        y = (seed * 71 + i * 97) % 675
        shade = tuple(int(d + (lt - d) * (i + 1) / 7) for d, lt in zip(dark, light, strict=True))
        draw.ellipse((x - r, y - r, x + r, y + r), fill=shade)
    out = io.BytesIO()
    image.save(out, "JPEG", quality=82)
    return out.getvalue()


def demo_languages() -> list[str]:
    """The languages the demo has articles in, in the order of the content."""
    found = {language: None for story in content.STORIES for language in story["versions"]}
    return list(found)


@transaction.atomic
def load_demo(now=None, languages=None) -> int:
    """Create the demo sections, authors, tags and stories in ``languages``
    (default: the site's content languages). Returns the number of
    articles created.

    A language that has articles already is left alone, so that the demo
    can add languages to a database it made before with fewer (`masthead
    demo --languages de,en,fr,ar` on a site made with de,en). There it only
    adds: sections and authors keep what they have and get their names,
    addresses and biographies in the new languages where they have none; a
    story's new versions join the versions found at their addresses
    (translation key, publish time, lead image); the pictures get their
    texts in the new languages. Nothing is changed or deleted.
    """
    now = now or timezone.now()
    languages = [
        code
        for code in (content_language_codes() if languages is None else languages)
        if not Article.objects.filter(language=code).exists()
    ]
    if not languages:
        return 0
    sections = _sections(languages)
    authors = _authors(languages)
    tags = _tags(languages)
    count = 0
    for n, story in enumerate(content.STORIES):
        count += _load_story(n, story, languages, sections, authors, tags, now)
    count += _load_showcase(languages, sections, authors, tags, now)
    return count


def _sections(languages) -> dict[str, Section]:
    sections: dict[str, Section] = {}
    for position, data in enumerate(content.SECTIONS):
        names = {code: data["name"][code] for code in languages if code in data["name"]}
        slugs = {code: data["slug"][code] for code in languages if code in data["slug"]}
        found = Q()
        for code, slug in data["slug"].items():
            found |= Q(**{f"slugs__{code}": slug})
        section = Section.objects.filter(found).order_by("pk").first()
        if section is None:
            section = Section.objects.create(
                parent=sections.get(data["parent"]), names=names, slugs=slugs, position=position
            )
        elif names or slugs:
            section.names = _added(section.names, names)
            section.slugs = _added(section.slugs, slugs)
            section.save(update_fields=["names", "slugs"])
        sections[data["key"]] = section
    return sections


def _authors(languages) -> dict[str, Author]:
    authors = {}
    for data in content.AUTHORS:
        bios = {code: data["bio"][code] for code in languages if code in data["bio"]}
        author = Author.objects.filter(slug=data["slug"]).first()
        if author is None:
            author = Author.objects.create(slug=data["slug"], name=data["name"], bios=bios)
        elif bios:
            author.bios = _added(author.bios, bios)
            author.save(update_fields=["bios"])
        authors[data["slug"]] = author
    return authors


def _tags(languages) -> dict[tuple[str, str], Tag]:
    tags = {}
    for data in content.TAGS:
        # The versions of one topic are linked, the new ones to those there.
        found = Q()
        for code, slug in data["slug"].items():
            found |= Q(language=code, slug=slug)
        earlier = Tag.objects.filter(found, topic__isnull=False).first()
        topic = earlier.topic if earlier else uuid.uuid4()
        for language in languages:
            if language in data["name"]:
                tags[data["key"], language] = Tag.objects.get_or_create(
                    language=language,
                    slug=data["slug"][language],
                    defaults={"name": data["name"][language], "topic": topic},
                )[0]
    return tags


def _added(texts: dict | None, new: dict) -> dict:
    """``texts`` ({"de": "Welt"}) with the languages of ``new`` it lacks."""
    texts = dict(texts or {})
    return texts | {code: text for code, text in new.items() if not texts.get(code)}


def _earlier_version(story, languages) -> Article | None:
    """A version of ``story`` in a language not loaded now: one the demo
    loaded before, found at its address."""
    for language, version in story["versions"].items():
        if language not in languages:
            found = Article.objects.filter(language=language, slug=version["slug"]).first()
            if found is not None:
                return found
    return None


def _load_story(n, story, languages, sections, authors, tags, now) -> int:
    versions = {code: v for code, v in story["versions"].items() if code in languages}
    if not versions:
        return 0
    section = sections[story["section"]]
    key, image = uuid.uuid4(), None
    if earlier := _earlier_version(story, languages):
        # Translations published together: the time of the versions there.
        key, image = earlier.translation_key, earlier.lead_image
        if earlier.publish_at and story["status"] == "published":
            now = earlier.publish_at + story["age"]
        if image is not None:
            _describe(image, _alt_texts(versions, section))
    elif n % IMAGE_EVERY == 0 and story["status"] == "published":
        image = _library_image(story, versions, section, n)
    publish_at = now - story["age"]
    for language, version in versions.items():
        article = Article(
            translation_key=key,
            language=language,
            slug=version["slug"],
            headline=version["headline"],
            standfirst=version["standfirst"],
            body=version["body"],
            section=section,
            status=story["status"],
            publish_at=publish_at if story["status"] == "published" else None,
            lead_image=image,
        )
        services.save_article(
            article,
            authors=[authors[slug] for slug in story["authors"]],
            tags=[tags[t, language] for t in story["tags"] if (t, language) in tags],
        )
        if story.get("updated_after"):
            article.updated_at = publish_at + story["updated_after"]
            article.save(update_fields=["updated_at"])
        if correction := story.get("correction"):
            created = now - correction["age"]
            Correction.objects.create(
                article=article, text=correction[language], created_at=created
            )
            article.updated_at = max(article.updated_at or created, created)
            article.save(update_fields=["updated_at"])
        if story["status"] == "draft":
            _show_workflow(article, now)
    return len(versions)


def _load_showcase(languages, sections, authors, tags, now) -> int:
    """The story with pictures in its body, a gallery and a video
    (content.SHOWCASE): its pictures go into the media library first, or
    are those of its versions there."""
    story = content.SHOWCASE
    versions = {code: v for code, v in story["versions"].items() if code in languages}
    if not versions:
        return 0
    key, earlier_pictures = uuid.uuid4(), {}
    if earlier := _earlier_version(story, languages):
        key = earlier.translation_key
        now = earlier.publish_at + story["age"] if earlier.publish_at else now
        body = earlier.body_images.select_related("image")
        shown = [earlier.lead_image, *(row.image for row in body)]
        earlier_pictures = {
            image.original_name.rpartition(".")[0]: image for image in shown if image is not None
        }
    with override(next(iter(versions))):
        credit = gettext("Masthead demo")
    pictures = {}
    for name, data in content.SHOWCASE_PICTURES.items():
        alt = {code: data["alt"][code] for code in versions if code in data["alt"]}
        caption = {code: data["caption"][code] for code in versions if code in data["caption"]}
        if name in earlier_pictures:
            pictures[name] = _describe(earlier_pictures[name], alt, caption)
        else:
            width, height = (side // settings.DEMO_PICTURE_SCALE for side in data["size"])
            pictures[name] = media_services.add_image(
                ContentFile(
                    samples.photo_jpeg(width, height, seed=data["seed"]), name=f"{name}.jpg"
                ),
                alt=alt,
                caption=caption,
                credit=credit,
                licence="CC0",
            )

    def picture(name, size="column"):
        return f'<figure data-image="{pictures[name].pk}" data-size="{size}"></figure>'

    nodes = {
        "harbour": picture("harbour", "full"),
        "market": picture("market"),
        "river": picture("river"),
        "gallery": '<figure data-gallery="">'
        + "".join(picture(f"gallery-{n}") for n in (1, 2, 3))
        + "</figure>",
        "video": f'<figure data-embed="{content.SHOWCASE_VIDEO}"></figure>',
    }
    for language, version in versions.items():
        article = Article(
            translation_key=key,
            language=language,
            slug=version["slug"],
            headline=version["headline"],
            standfirst=version["standfirst"],
            body=version["body"].format(**nodes),
            section=sections[story["section"]],
            status=story["status"],
            publish_at=now - story["age"],
            lead_image=pictures["lead"],
        )
        services.save_article(
            article,
            authors=[authors[slug] for slug in story["authors"]],
            tags=[tags[t, language] for t in story["tags"] if (t, language) in tags],
        )
    return len(versions)


def _alt_texts(versions, section: Section) -> dict[str, str]:
    alt = {}
    for language in versions:
        with override(language):
            alt[language] = gettext(
                "Illustration: overlapping circles in the colours of the section “%(section)s”."
            ) % {"section": section.name}
    return alt


def _library_image(story, versions, section: Section, n: int) -> MediaImage:
    """The story's lead image, in the media library once for all its
    language versions, described in each of their languages."""
    with override(next(iter(versions))):
        credit = gettext("Masthead demo")
    return media_services.add_image(
        ContentFile(illustration(story["section"], n), name=f"demo-{n}.jpg"),
        alt=_alt_texts(versions, section),
        credit=credit,
        licence="CC0",
    )


def _describe(image: MediaImage, alt: dict, caption: dict | None = None) -> MediaImage:
    """Give a picture of the library its alt text and caption in the
    languages where it has none; what it has stays."""
    for language in alt:
        media_services.describe_image(
            image,
            language,
            alt=image.alt_for(language) or alt[language],
            caption=image.caption_for(language) or (caption or {}).get(language, ""),
        )
    return image


def _show_workflow(article: Article, now) -> None:
    """Give the newsroom dashboard something to show: the demo's unpublished
    story waits for review in German and is scheduled in English."""
    if article.language == "de":
        services.submit_for_review(article)
    else:
        services.publish(article, at=now + SCHEDULED_IN)
