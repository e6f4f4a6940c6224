"""A news site as a Wagtail developer builds one: a home page, sections
below it, articles below those, authors as snippets."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.snippets.models import register_snippet

RECENT_COUNT = 5


@register_snippet
class Author(models.Model):
    name = models.CharField(max_length=200)

    def __str__(self) -> str:
        return self.name


class HomePage(Page):
    subpage_types = ["news.SectionPage"]


class SectionPage(Page):
    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.ArticlePage"]


class ArticlePage(Page):
    standfirst = models.TextField(blank=True)
    body = RichTextField()
    author = models.ForeignKey(Author, null=True, on_delete=models.SET_NULL, related_name="+")
    date = models.DateTimeField(db_index=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        FieldPanel("body"),
        FieldPanel("author"),
        FieldPanel("date"),
    ]
    parent_page_types = ["news.SectionPage"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["section"] = self.get_parent()
        context["recent"] = (
            ArticlePage.objects.live().exclude(pk=self.pk).order_by("-date")[:RECENT_COUNT]
        )
        return context
