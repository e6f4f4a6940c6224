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
        for language, name in data["name"].items():
            tags[data["key"], language] = Tag.objects.create(
                language=language, name=name, slug=data["slug"][language]
            )

    count = 0
    for n, story in enumerate(content.STORIES):
        key = uuid.uuid4()
        publish_at = now - story["age"]
        image = None
        if n % IMAGE_EVERY == 0 and story["status"] == "published":
            image = illustration(story["section"], n)
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
            )
            if image:
                article.image.save(f"demo-{n}.jpg", ContentFile(image), save=False)
                with override(language):
                    article.image_alt = gettext(
                        "Illustration: overlapping circles in the colours of the section "
                        "“%(section)s”."
                    ) % {"section": article.section.name}
                    article.image_credit = gettext("Masthead demo")
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
    return count


def _show_workflow(article: Article, now) -> None:
    """Give the newsroom dashboard something to show: the demo's unpublished
    story waits for review in German and is scheduled in English."""
    if article.language == "de":
        services.submit_for_review(article)
    else:
        services.publish(article, at=now + SCHEDULED_IN)
