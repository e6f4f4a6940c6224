import uuid

from django.conf import settings
from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from masthead.lib import tags as content_tags
from masthead.lib.html import sanitize
from masthead.lib.i18n import content_languages
from masthead.lib.text import clean_model_text, excerpt
from masthead.lib.urls import reverse_in


class ArticleQuerySet(models.QuerySet):
    def public(self, now=None):
        """The one gate for readers: published, and the publish time has come.

        Every public surface (pages, lists, recent posts, feeds, sitemaps)
        starts from this method.
        """
        return self.filter(status=Article.Status.PUBLISHED, publish_at__lte=now or timezone.now())

    def in_language(self, language: str):
        return self.filter(language=language)

    def in_site_languages(self):
        """Articles in any of the site's languages. Queries across languages
        say so: the language leads the public index (article_public), and
        without it PostgreSQL reads all of it (70 ms at 1,000,000 articles)."""
        return self.filter(language__in=[code for code, _ in content_languages()])

    def for_listing(self):
        """What a teaser needs, in a fixed number of queries: the section in
        the same query, bylines (with authors) in one more."""
        return self.select_related("section", "lead_image").prefetch_related(
            Prefetch(
                "bylines",
                queryset=ArticleAuthor.objects.select_related("author").order_by("position"),
            )
        )

    def newest_first(self):
        return self.order_by("-publish_at", "-id")

    def newest_per_section(self, sections, exclude=(), per_section=3):
        """The newest ``per_section`` articles of each of ``sections``,
        leaving out the ids in ``exclude``; all of them newest first, in
        one statement.

        One small LIMIT subquery per section, each an index range scan, so
        the cost does not grow with the archive (a window function over all
        articles did). The ids come from a UNION of those subqueries, so
        that the database looks the rows up by id: with an OR of one IN per
        section, PostgreSQL read the whole archive and tested every row
        against each subquery. (Each LIMIT subquery sits inside an ``IN``
        of its own because a member of a UNION may not have a LIMIT.)
        """
        if not sections:
            return self.none()
        ids = [
            self.filter(
                pk__in=self.filter(section_id=section.pk)
                .exclude(pk__in=exclude)
                .newest_first()
                .values("pk")[:per_section]
            )
            .order_by()
            .values("pk")
            for section in sections
        ]
        return self.filter(pk__in=ids[0].union(*ids[1:], all=True)).newest_first()

    def pinned(self, now=None):
        """The articles an editor has put on the front page (FrontPageSlot)
        whose pin has not lapsed, in slot order."""
        now = now or timezone.now()
        return self.filter(
            Q(front_slot__until__isnull=True) | Q(front_slot__until__gt=now),
            front_slot__isnull=False,
        ).order_by("front_slot__position")

    def breaking(self, now=None):
        """Articles marked as breaking news whose time has not ended, newest first."""
        return self.filter(breaking_until__gt=now or timezone.now()).newest_first()

    def next_change_time(self):
        """When the public pages next change by themselves, in any of the
        site's languages: a scheduled article goes live, a front-page pin
        lapses or breaking news ends. None when nothing is due. (The page
        cache starts a new generation then, so that each happens on time.)"""
        now = timezone.now()
        articles = self.in_site_languages()
        times = [
            articles.filter(status=Article.Status.PUBLISHED, publish_at__gt=now)
            .order_by("publish_at")
            .values_list("publish_at", flat=True)
            .first(),
            articles.filter(front_slot__until__gt=now)
            .order_by("front_slot__until")
            .values_list("front_slot__until", flat=True)
            .first(),
            articles.filter(breaking_until__gt=now)
            .order_by("breaking_until")
            .values_list("breaking_until", flat=True)
            .first(),
        ]
        return min((t for t in times if t is not None), default=None)


class Article(models.Model):
    """One language version of a story. The versions of the same story share
    a ``translation_key``; each has its own slug and its own state."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        REVIEW = "review", _("In review")
        # Published with a publish time to come reads as "scheduled".
        PUBLISHED = "published", _("Published")
        UNPUBLISHED = "unpublished", _("Unpublished")

    translation_key = models.UUIDField(_("story"), default=uuid.uuid4, editable=False)
    language = models.CharField(_("language"), max_length=10, choices=content_languages)
    kicker = models.CharField(
        _("kicker"),
        max_length=80,
        blank=True,
        help_text=_("A few words above the headline that say what the story is about."),
    )
    headline = models.CharField(_("headline"), max_length=200)
    # In any script: an Arabic article's address may keep Arabic letters
    # (settings.UNICODE_SLUGS, lib/text.py make_slug).
    slug = models.SlugField(
        _("slug"),
        max_length=200,
        allow_unicode=True,
        help_text=_("The last part of the article's address. Unique within a language."),
    )
    standfirst = models.TextField(
        _("standfirst"), blank=True, help_text=_("One or two sentences below the headline.")
    )
    body = models.TextField(_("body"), blank=True)
    excerpt = models.TextField(
        _("excerpt"),
        blank=True,
        help_text=_("Shown in lists and feeds. Leave empty to use the standfirst."),
    )
    section = models.ForeignKey(
        "sections.Section",
        verbose_name=_("section"),
        on_delete=models.PROTECT,
        related_name="articles",
    )
    tags = models.ManyToManyField(
        "sections.Tag", verbose_name=_("tags"), blank=True, related_name="articles"
    )
    authors = models.ManyToManyField(
        "people.Author",
        verbose_name=_("authors"),
        through="ArticleAuthor",
        related_name="articles",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(
        _("publish time"),
        null=True,
        blank=True,
        help_text=_("The article is public from this time on. Empty means now."),
    )
    updated_at = models.DateTimeField(
        _("updated"),
        null=True,
        blank=True,
        help_text=_("When the published article was last changed for readers."),
    )
    lead_image = models.ForeignKey(
        "media.Image",
        verbose_name=_("lead image"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="lead_of",
    )
    # What search engines and social networks show, when it should differ
    # from the page itself (each falls back: search_title and the rest below).
    seo_title = models.CharField(
        _("title for search engines"),
        max_length=70,
        blank=True,
        help_text=_("Empty: the headline. Search engines show about 60 characters."),
    )
    seo_description = models.CharField(
        _("description for search engines"),
        max_length=200,
        blank=True,
        help_text=_("Empty: the standfirst. Search engines show about 155 characters."),
    )
    social_headline = models.CharField(
        _("headline for social media"),
        max_length=200,
        blank=True,
        help_text=_("Empty: the headline."),
    )
    social_image = models.ForeignKey(
        "media.Image",
        verbose_name=_("image for social media"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="social_of",
        help_text=_("Empty: the lead image."),
    )
    # Set by an editor on the desk's front page (articles/frontpage.py):
    # every public page shows a banner with the headline until then.
    breaking_until = models.DateTimeField(_("breaking news until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    modified_at = models.DateTimeField(_("modified"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # A version translated in the translation desk (masthead/translations):
    # the language of its original, whether a machine helped (readers are
    # told, SHOW_MACHINE_ASSISTANCE), and who translated it.
    translated_from = models.CharField(_("translated from"), max_length=10, blank=True)
    machine_assisted = models.BooleanField(_("machine assistance"), default=False)
    translator = models.ForeignKey(
        "people.Author",
        verbose_name=_("translator"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translated_articles",
    )
    # Goes up by one with every save; an edit of an older version is refused
    # (see services.save_article), so that no one overwrites a colleague.
    version = models.PositiveIntegerField(_("version"), default=1)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        ordering = ["-publish_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="article_unique_slug"),
            models.UniqueConstraint(
                fields=["translation_key", "language"], name="article_one_version_per_language"
            ),
            models.CheckConstraint(
                condition=~Q(status="published") | Q(publish_at__isnull=False),
                name="article_published_has_time",
                violation_error_message=_("A published article needs a publish time."),
            ),
        ]
        # Lists read the newest first, (-publish_at, -id), and page by that
        # key (articles/pagination.py): with the id in the index, a page is
        # one index range read backwards, however deep. Sitemaps read public
        # articles of a language by id range (feeds/sitemaps.py).
        indexes = [
            models.Index(fields=["language", "status", "publish_at", "id"], name="article_public"),
            models.Index(
                fields=["section", "language", "status", "publish_at", "id"],
                name="article_section",
            ),
            models.Index(fields=["language", "status", "id"], name="article_language_id"),
            # The desk's article list reads the most recently changed first,
            # (-modified_at, -id), filtered by state, language (or both) or
            # writer, and pages by that key (desk/views.py article_list); its
            # scheduled articles are found by publish time. (A search of the
            # list goes through the search index: masthead/search.)
            models.Index(fields=["modified_at", "id"], name="article_desk"),
            models.Index(fields=["status", "modified_at", "id"], name="article_desk_state"),
            models.Index(fields=["language", "modified_at", "id"], name="article_desk_language"),
            models.Index(
                fields=["status", "language", "modified_at", "id"], name="article_desk_both"
            ),
            models.Index(fields=["created_by", "modified_at", "id"], name="article_desk_writer"),
            models.Index(fields=["status", "publish_at"], name="article_desk_scheduled"),
            # The breaking-news banner on every reader page looks here: a
            # handful of rows, however large the archive.
            models.Index(
                fields=["language", "breaking_until"],
                name="article_breaking",
                condition=Q(breaking_until__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs):
        # Every stored text is clean and every stored body sanitised,
        # whichever path saves it.
        self.clean_text_fields()
        self.body = sanitize(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        content_tags.note(content_tags.ARTICLE, self.pk)
        return reverse_in(self.language, "articles:detail", self.slug)

    def clean_text_fields(self) -> list[str]:
        """Remove invisible control characters (masthead.lib.text).
        Returns the names of the fields that changed."""
        return clean_model_text(self)

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )

    @property
    def is_public(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    def is_breaking(self, now=None) -> bool:
        """Shown as breaking news now (ArticleQuerySet.breaking for many)."""
        return self.breaking_until is not None and self.breaking_until > (now or timezone.now())

    @property
    def teaser(self) -> str:
        """The text shown in lists: the hand-written excerpt, else the
        standfirst, else the body, cut at a word boundary."""
        source = self.excerpt or self.standfirst or self.body
        # Remembered while the text it comes from is the same: a page asks
        # up to four times (description, Open Graph, Twitter, structured
        # data), and the recent posts, kept per content generation
        # (lib/generations.py), on every render; a body is sanitised first.
        remembered = self.__dict__.get("_teaser")
        if remembered is None or remembered[0] is not source:
            remembered = self.__dict__["_teaser"] = (source, excerpt(source, 180))
        return remembered[1]

    @property
    def search_title(self) -> str:
        """The page's <title> (before the site name) and what search engines show."""
        return self.seo_title or self.headline

    @property
    def search_description(self) -> str:
        """The meta description, and the description in structured data."""
        return self.seo_description or self.teaser

    @property
    def social_title(self) -> str:
        """The headline of a shared link (Open Graph, Twitter cards)."""
        return self.social_headline or self.headline

    @property
    def social_picture(self):
        """The picture of a shared link: the social image, else the lead
        image; only one that has its file (an imported picture may still
        be waiting for it)."""
        for image in (self.social_image, self.lead_image):
            if image is not None and image.file:
                return image
        return None

    @property
    def byline_authors(self) -> list:
        """Authors in byline order (uses the prefetch of ``for_listing``)."""
        return [byline.author for byline in self.bylines.all()]

    @property
    def last_modified(self):
        """The time readers see as the article's last change (None for a
        draft that was never published)."""
        return max((t for t in (self.publish_at, self.updated_at) if t is not None), default=None)

    def translations(self):
        """The other language versions of this story (all states)."""
        return Article.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)


class FrontPageSlot(models.Model):
    """An article an editor put at a place of its language's front page
    (position 1 is the lead), until an end time after which the pin lapses
    and the newest stories fill the place again. The places no pin holds
    take the newest stories, as the home page always did."""

    article = models.OneToOneField(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="front_slot"
    )
    # The article's language: the front page the slot is on.
    language = models.CharField(_("language"), max_length=10)
    position = models.PositiveSmallIntegerField(_("position"))
    until = models.DateTimeField(_("until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("front page place")
        verbose_name_plural = _("front page places")
        ordering = ["language", "position"]
        # One pin per place: of two editors pinning to one place at the same
        # moment, the second is refused (frontpage.pin) rather than one of
        # the two stories silently missing from the page.
        constraints = [
            models.UniqueConstraint(fields=["language", "position"], name="frontpage_one_per_place")
        ]

    def __str__(self) -> str:
        return f"{self.language} {self.position}: {self.article}"

    def has_lapsed(self, now=None) -> bool:
        return self.until is not None and self.until <= (now or timezone.now())


class ArticleAuthor(models.Model):
    """An author in an article's byline, in order."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey("people.Author", on_delete=models.PROTECT, related_name="bylines")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="byline_unique_author"),
        ]

    def __str__(self) -> str:
        return f"{self.position + 1}. {self.author_id}"


class BodyImage(models.Model):
    """An image of the media library that an article's body shows
    (masthead/articles/body.py). Kept in step with the body on every save
    (services.save_article), so that the library cannot delete an image
    from under an article (PROTECT)."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="body_images"
    )
    image = models.ForeignKey(
        "media.Image", verbose_name=_("image"), on_delete=models.PROTECT, related_name="body_of"
    )

    class Meta:
        verbose_name = _("image in the text")
        verbose_name_plural = _("images in the text")
        constraints = [
            models.UniqueConstraint(fields=["article", "image"], name="bodyimage_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} → {self.image_id}"


class Correction(models.Model):
    """A dated note, shown on the article, saying what was corrected."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="corrections"
    )
    text = models.TextField(_("correction"))
    created_at = models.DateTimeField(_("time"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # On a translation: the correction of the original this one translates
    # (masthead/translations: the translator translates each correction).
    translation_of = models.ForeignKey(
        "self",
        verbose_name=_("translation of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="translated_as",
    )

    class Meta:
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text

    def save(self, *args, **kwargs):
        self.clean_text_fields()
        super().save(*args, **kwargs)

    def clean_text_fields(self) -> list[str]:
        return clean_model_text(self)


class SlugRedirect(models.Model):
    """An article's former slug, so that old links keep working."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="old_slugs")
    language = models.CharField(max_length=10)
    slug = models.SlugField(max_length=200, allow_unicode=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["language", "slug"], name="slugredirect_unique"),
        ]

    def __str__(self) -> str:
        return f"/{self.language}/…/{self.slug}/"


class Revision(models.Model):
    """The text of an article as one save left it. Every save adds one;
    restoring an old revision adds a new one, too."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="revisions"
    )
    number = models.PositiveIntegerField(_("number"))
    created_at = models.DateTimeField(_("time"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("saved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    headline = models.CharField(_("headline"), max_length=200)
    standfirst = models.TextField(_("standfirst"), blank=True)
    body = models.TextField(_("body"), blank=True)
    # The other fields an editor sets, so that restoring brings them back.
    fields = models.JSONField(_("other fields"), default=dict, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-number"]
        constraints = [
            models.UniqueConstraint(fields=["article", "number"], name="revision_unique_number"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} #{self.number}"

    def save(self, *args, **kwargs):
        self.clean_text_fields()
        super().save(*args, **kwargs)

    def clean_text_fields(self) -> list[str]:
        # "fields" holds the excerpt, which keeps its lines.
        return clean_model_text(self, multiline=["fields"])


class PreviewLink(models.Model):
    """A signed, expiring, revocable link to an article that someone without
    an account may open (see services.share_preview)."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="preview_links"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.article_id} until {self.expires_at:%Y-%m-%d %H:%M}"

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class Autosave(models.Model):
    """The form as one editor last had it in the browser, saved every few
    seconds while they type. It is a safety copy, not a revision: readers
    and colleagues never see it, and a real save clears it."""

    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="autosaves"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE, related_name="+"
    )
    data = models.JSONField(_("form data"), default=dict)
    # The article version the editor started from.
    base_version = models.PositiveIntegerField(_("version"))
    saved_at = models.DateTimeField(_("saved"), default=timezone.now)
    # Last sign of life from the editor's page: "who is editing what".
    seen_at = models.DateTimeField(_("seen"), default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("autosave")
        verbose_name_plural = _("autosaves")
        constraints = [
            models.UniqueConstraint(fields=["article", "user"], name="autosave_one_per_editor"),
        ]

    def __str__(self) -> str:
        return f"{self.article_id} / {self.user_id}"
