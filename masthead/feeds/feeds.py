"""RSS 2.0, Atom 1.0 and JSON Feed 1.1, per language, section, tag and author.

Every feed is a Django ``Feed`` subclass; the JSON Feed is one more feed
generator, so all three formats share the same items and the one public
gate (``Article.objects.public()``).
"""

import copy
import json
import uuid

from babel.lists import format_list
from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed, rfc3339_date
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from masthead.articles.body import prefetch_body_images, render_body
from masthead.articles.models import Article
from masthead.lib.dates import locale_for
from masthead.lib.i18n import is_rtl
from masthead.lib.site import absolute_url
from masthead.lib.text import clean_data, clean_text
from masthead.media.models import Rendition
from masthead.media.rendering import feed_image
from masthead.people.models import Author
from masthead.sections.models import Section, Tag
from masthead.sections.tree import section_by_slug, section_tree_ids

FEED_SIZE = 30


class JSONFeed11(SyndicationFeed):
    """JSON Feed version 1.1 (https://jsonfeed.org/version/1.1)."""

    content_type = "application/feed+json; charset=utf-8"

    def write(self, outfile, encoding):
        outfile.write(json.dumps(self.as_dict(), ensure_ascii=False, indent=1).encode(encoding))

    def as_dict(self) -> dict:
        feed = self.feed
        data = {
            "version": "https://jsonfeed.org/version/1.1",
            "title": feed["title"],
            "home_page_url": feed["link"],
            "feed_url": feed["feed_url"],
            "description": feed["description"],
            "language": feed["language"],
            "items": [self._item(item) for item in self.items],
        }
        return {k: v for k, v in data.items() if v not in (None, "")}

    def _item(self, item: dict) -> dict:
        data = {
            "id": item["unique_id"] or item["link"],
            "url": item["link"],
            "title": item["title"],
            "summary": item.get("summary") or item["description"],  # plain text
            "content_html": item.get("content_html") or item["description"],
            "date_published": rfc3339_date(item["pubdate"]) if item["pubdate"] else None,
            "date_modified": rfc3339_date(item["updateddate"]) if item["updateddate"] else None,
            "authors": item.get("authors") or None,
            "tags": item["categories"] or None,
            "image": item.get("image"),
            "language": item.get("language"),
        }
        return {k: v for k, v in data.items() if v not in (None, "")}


class LatestArticlesRss(Feed):
    """The newest public articles in the page's language."""

    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        # One feed object serves every request of a process; the request
        # goes on a copy, so that threads never share it.
        feed = copy.copy(self)
        feed.request = request
        return super(LatestArticlesRss, feed).__call__(request, *args, **kwargs)

    def get_object(self, request, *args, **kwargs):
        return None

    def get_feed(self, obj, request):
        # Every text of the feed, in one place: whatever a row in the
        # database holds, no character that XML 1.0 forbids reaches the
        # writer (which would refuse it with an error), in any format.
        feed = super().get_feed(obj, request)
        feed.feed = clean_data(feed.feed, clean_text)
        feed.items = [clean_data(item, clean_text) for item in feed.items]
        return feed

    def title(self, obj):
        return settings.SITE_NAME

    def description(self, obj):
        return _("The latest news from %(site)s.") % {"site": settings.SITE_NAME}

    # Every address in a feed is on the site's address (lib/site.py);
    # Django's Feed would put the request's host before relative ones.
    def link(self, obj):
        return absolute_url(reverse("articles:home"))

    def feed_url(self, obj):
        return absolute_url(self.request.path)

    def articles(self, obj):
        return Article.objects.public().in_language(get_language())

    def items(self, obj):
        # The lead images with their JPEG renditions (feed_image), and the
        # pictures of all bodies (prefetch_body_images): three queries for
        # all items.
        jpegs = Rendition.objects.filter(crop="", format=Rendition.Format.JPEG)
        items = list(
            self.articles(obj)
            .for_listing()
            .select_related("lead_image")
            .prefetch_related("tags", Prefetch("lead_image__renditions", queryset=jpegs))
            .newest_first()[:FEED_SIZE]
        )
        prefetch_body_images(items)
        return items

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        # RSS descriptions and Atom summaries are read as HTML; the teaser
        # is plain text ("5 < 6" must not become markup).
        return escape(item.teaser)

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_guid(self, item):
        return f"urn:uuid:{item.translation_key}:{item.language}"

    def item_guid_is_permalink(self, item):
        return False

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.last_modified

    def item_author_name(self, item):
        # Joined the language's way ("A, B und C"), as on the pages.
        names = [author.name for author in item.byline_authors]
        return format_list(names, locale=locale_for(item.language)) if names else None

    def item_author_link(self, item):
        authors = item.byline_authors
        return absolute_url(authors[0].get_absolute_url()) if authors else None

    def item_categories(self, item):
        return [item.section.name, *(tag.name for tag in item.tags.all())]

    def item_extra_kwargs(self, item):
        extra = {
            "summary": item.teaser,
            "content_html": _directed(render_body(item, feed=True), item.language),
            "language": item.language,
            "authors": [
                {"name": a.name, "url": absolute_url(a.get_absolute_url())}
                for a in item.byline_authors
            ],
        }
        if item.lead_image and item.lead_image.file:
            extra["image"] = absolute_url(feed_image(item.lead_image).url)
        return extra


def _directed(html: SafeString, language: str) -> SafeString:
    """A right-to-left article's HTML in a block that says so: feed readers
    lay out an entry's HTML by itself, most without reading the feed's
    language."""
    if not is_rtl(language):
        return html
    return format_html('<div dir="rtl" lang="{}">{}</div>', language, html)


class LatestArticlesAtom(LatestArticlesRss):
    feed_type = Atom1Feed
    subtitle = LatestArticlesRss.description

    def item_guid(self, item):
        # An atom:id must be an IRI and must never change: a UUID URN made
        # from the story and the language, so a new slug is no new entry.
        return f"urn:uuid:{uuid.uuid5(item.translation_key, item.language)}"

    def item_guid_is_permalink(self, item):
        return None


class LatestArticlesJson(LatestArticlesRss):
    feed_type = JSONFeed11


class SectionMixin:
    def get_object(self, request, slug):
        language = get_language()
        sections = list(Section.objects.all())
        section = section_by_slug(sections, language, slug)
        if section is None:
            raise Http404
        # Like the section page: the section and every section below it.
        section.tree_ids = section_tree_ids(sections, section)
        return section

    def title(self, obj):
        return f"{settings.SITE_NAME}: {obj.name}"

    def description(self, obj):
        return _("The latest news in %(section)s from %(site)s.") % {
            "section": obj.name,
            "site": settings.SITE_NAME,
        }

    def link(self, obj):
        return absolute_url(obj.get_absolute_url())

    def articles(self, obj):
        return (
            Article.objects.public().in_language(get_language()).filter(section_id__in=obj.tree_ids)
        )


class TagMixin:
    def get_object(self, request, slug):
        return get_object_or_404(Tag, language=get_language(), slug=slug)

    def title(self, obj):
        return f"{settings.SITE_NAME}: {obj.name}"

    def description(self, obj):
        return _("Articles about %(tag)s from %(site)s.") % {
            "tag": obj.name,
            "site": settings.SITE_NAME,
        }

    def link(self, obj):
        return absolute_url(obj.get_absolute_url())

    def articles(self, obj):
        return Article.objects.public().in_language(get_language()).filter(tags=obj)


class AuthorMixin:
    def get_object(self, request, slug):
        return get_object_or_404(Author, slug=slug)

    def title(self, obj):
        return f"{settings.SITE_NAME}: {obj.name}"

    def description(self, obj):
        return _("Articles by %(author)s from %(site)s.") % {
            "author": obj.name,
            "site": settings.SITE_NAME,
        }

    def link(self, obj):
        return absolute_url(obj.get_absolute_url())

    def articles(self, obj):
        return Article.objects.public().in_language(get_language()).filter(bylines__author=obj)


class SectionRss(SectionMixin, LatestArticlesRss):
    pass


class SectionAtom(SectionMixin, LatestArticlesAtom):
    subtitle = SectionMixin.description


class SectionJson(SectionMixin, LatestArticlesJson):
    pass


class TagRss(TagMixin, LatestArticlesRss):
    pass


class TagAtom(TagMixin, LatestArticlesAtom):
    subtitle = TagMixin.description


class TagJson(TagMixin, LatestArticlesJson):
    pass


class AuthorRss(AuthorMixin, LatestArticlesRss):
    pass


class AuthorAtom(AuthorMixin, LatestArticlesAtom):
    subtitle = AuthorMixin.description


class AuthorJson(AuthorMixin, LatestArticlesJson):
    pass
