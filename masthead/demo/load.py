"""Load the demo newsroom (masthead.demo.content) into an empty database."""

import io
import uuid
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, override
from PIL import Image, ImageDraw

from masthead.articles import services
from masthead.articles.models import Article, Correction
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


@transaction.atomic
def load_demo(now=None) -> int:
    """Create the demo sections, authors, tags and stories. Returns the
    number of articles created."""
    now = now or timezone.now()
    sections = {}
    for position, data in enumerate(content.SECTIONS):
        sections[data["key"]] = Section.objects.create(
            parent=sections.get(data["parent"]),
            names=data["name"],
            slugs=data["slug"],
            position=position,
        )
    authors = {
        data["slug"]: Author.objects.create(slug=data["slug"], name=data["name"], bios=data["bio"])
        for data in content.AUTHORS
    }
    tags = {}
    for data in content.TAGS:
        topic = uuid.uuid4()  # the versions of one topic are linked
        for language, name in data["name"].items():
            tags[data["key"], language] = Tag.objects.create(
                language=language, name=name, slug=data["slug"][language], topic=topic
            )

    count = 0
    for n, story in enumerate(content.STORIES):
        key = uuid.uuid4()
        publish_at = now - story["age"]
        image = None
        if n % IMAGE_EVERY == 0 and story["status"] == "published":
            image = _library_image(story, sections[story["section"]], n)
        for language, version in story["versions"].items():
            article = Article(
                translation_key=key,
                language=language,
                slug=version["slug"],
                headline=version["headline"],
                standfirst=version["standfirst"],
                body=version["body"],
                section=sections[story["section"]],
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
            count += 1
            if story["status"] == "draft":
                _show_workflow(article, now)
    count += _load_showcase(sections, authors, tags, now)
    return count


def _load_showcase(sections, authors, tags, now) -> int:
    """The story with pictures in its body, a gallery and a video
    (content.SHOWCASE): its pictures go into the media library first."""
    story = content.SHOWCASE
    with override(next(iter(story["versions"]))):
        credit = gettext("Masthead demo")
    pictures = {
        key: media_services.add_image(
            ContentFile(samples.photo_jpeg(*data["size"], seed=data["seed"]), name=f"{key}.jpg"),
            alt=data["alt"],
            caption=data["caption"],
            credit=credit,
            licence="CC0",
        )
        for key, data in content.SHOWCASE_PICTURES.items()
    }

    def picture(key, size="column"):
        return f'<figure data-image="{pictures[key].pk}" data-size="{size}"></figure>'

    nodes = {
        "harbour": picture("harbour", "full"),
        "market": picture("market"),
        "river": picture("river"),
        "gallery": '<figure data-gallery="">'
        + "".join(picture(f"gallery-{n}") for n in (1, 2, 3))
        + "</figure>",
        "video": f'<figure data-embed="{content.SHOWCASE_VIDEO}"></figure>',
    }
    key = uuid.uuid4()
    for language, version in story["versions"].items():
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
    return len(story["versions"])


def _library_image(story, section: Section, n: int) -> MediaImage:
    """The story's lead image, in the media library once for all its
    language versions, described in each of their languages."""
    alt = {}
    for language in story["versions"]:
        with override(language):
            alt[language] = gettext(
                "Illustration: overlapping circles in the colours of the section “%(section)s”."
            ) % {"section": section.name}
    with override(next(iter(story["versions"]))):
        credit = gettext("Masthead demo")
    return media_services.add_image(
        ContentFile(illustration(story["section"], n), name=f"demo-{n}.jpg"),
        alt=alt,
        credit=credit,
        licence="CC0",
    )


def _show_workflow(article: Article, now) -> None:
    """Give the newsroom dashboard something to show: the demo's unpublished
    story waits for review in German and is scheduled in English."""
    if article.language == "de":
        services.submit_for_review(article)
    else:
        services.publish(article, at=now + SCHEDULED_IN)
