"""Move the old lead image fields of every article into the media library.

Each distinct stored file becomes one ``media.Image`` (the file stays where
it is: no copy), with the alt text and caption under the article's
language and the credit of the first article that used it; the article
points at it through ``lead_image``. Translations that shared a file share
the image, and each adds its alt text and caption in its own language.

Backwards, the image's file, alt text, caption and credit are written back
into the article's old fields; the library rows stay (they may be used by
other articles by then).
"""

from django.db import migrations


def into_library(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    Image = apps.get_model("media", "Image")
    by_name = {}
    articles = Article.objects.exclude(image="").exclude(image__isnull=True).order_by("pk")
    for article in articles.iterator():
        name = article.image.name
        image = by_name.get(name)
        if image is None:
            image = Image.objects.filter(file=name).order_by("pk").first()
        if image is None:
            try:
                size = article.image.size
            except OSError:  # the file is gone: keep the row, the size is unknown
                size = 0
            image = Image(
                file=name,
                width=article.image_width,
                height=article.image_height,
                file_size=size,
                original_name=name.rsplit("/", 1)[-1][:255],
                alt={},
                caption={},
                credit=article.image_credit,
                uploaded_by_id=article.created_by_id,
            )
            # Historical models have no custom save(): the width and height
            # are the article's (the size the picture is shown at).
            image.uploaded_at = article.created_at
        by_name[name] = image
        if article.image_alt and not image.alt.get(article.language):
            image.alt[article.language] = article.image_alt
        if article.image_caption and not image.caption.get(article.language):
            image.caption[article.language] = article.image_caption
        if not image.credit and article.image_credit:
            image.credit = article.image_credit
        image.save()
        Article.objects.filter(pk=article.pk).update(lead_image=image)


def out_of_library(apps, schema_editor):
    Article = apps.get_model("articles", "Article")
    articles = Article.objects.filter(lead_image__isnull=False).select_related("lead_image")
    for article in articles.iterator():
        image = article.lead_image
        Article.objects.filter(pk=article.pk).update(
            image=image.file.name,
            image_width=image.width,
            image_height=image.height,
            image_alt=(image.alt or {}).get(article.language, "")[:300],
            image_caption=(image.caption or {}).get(article.language, "")[:300],
            image_credit=image.credit,
            lead_image=None,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_article_lead_image"),
        ("media", "0001_initial"),
    ]

    operations = [migrations.RunPython(into_library, out_of_library)]
