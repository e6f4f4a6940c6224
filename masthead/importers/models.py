from django.db import models
from django.utils.translation import gettext_lazy as _


class WordPressItem(models.Model):
    """What an imported WordPress object became in Masthead, and the address
    it had on the old site.

    One row per object of the export (a post, page, attachment, category,
    tag or author), unique per site, kind and WordPress id: importing the
    same export again finds its rows and updates what they point at instead
    of adding a second copy. The old addresses (``/?p=12``,
    ``/2019/05/a-story/``, ``/category/world/``) answer with a permanent
    redirect to the object's address of now, read at each request, so that
    a slug changed in Masthead later still works (importers/redirects.py).
    """

    class Kind(models.TextChoices):
        POST = "post", _("Post")
        PAGE = "page", _("Page")
        ATTACHMENT = "attachment", _("Attachment")
        CATEGORY = "category", _("Category")
        TAG = "tag", _("Tag")
        AUTHOR = "author", _("Author")

    # The old site's address as the export names it (wp:base_site_url),
    # without a trailing slash: "https://example.org".
    site = models.CharField(_("site"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    # WordPress's id (a post's or term's number; an author's login where
    # the export gives no number).
    wp_id = models.CharField(_("WordPress id"), max_length=200)
    # The slug on the old site: the key of /?tag=…, /tag/…/, /author/…/.
    slug = models.CharField(_("slug"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=10)
    # The path of the old address (posts, pages and attachments), when it
    # was not a query (/?p=12): "/2019/05/a-story/".
    old_path = models.CharField(_("old path"), max_length=500, blank=True)
    # What it became: an article (post, page), an image (attachment), a
    # section (category), a tag, an author. None: recorded, not imported.
    object_id = models.PositiveBigIntegerField(_("object"), null=True, blank=True)
    # A post's or attachment's parent (wp:post_parent): an attachment's old
    # page redirects to the story it belonged to.
    parent_id = models.CharField(_("parent"), max_length=200, blank=True)
    imported_at = models.DateTimeField(_("imported"), auto_now=True)

    class Meta:
        verbose_name = _("imported WordPress object")
        verbose_name_plural = _("imported WordPress objects")
        constraints = [
            models.UniqueConstraint(fields=["site", "kind", "wp_id"], name="wordpress_item_unique"),
        ]
        indexes = [
            models.Index(fields=["old_path"], name="wordpress_item_path"),
            models.Index(fields=["kind", "slug"], name="wordpress_item_slug"),
            models.Index(fields=["kind", "wp_id"], name="wordpress_item_id"),
        ]

    def __str__(self) -> str:
        return f"{self.site} {self.kind} {self.wp_id}"
