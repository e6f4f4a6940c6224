"""Articles in Django's admin: a list to search and filter, and a form for
small fixes, for administrators only (editors work in the newsroom,
/desk/). Articles are written and published in the newsroom; the admin
saves and deletes through the same service, so the byline, the old slug's
redirect, the "updated" time, the sanitised body and the audit log are all
kept right.
"""

from django import forms
from django.contrib import admin, messages
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_prose_editor.fields import ProseEditorFormField
from django_prose_editor.widgets import AdminProseEditorWidget
from js_asset import Media

from masthead.accounts import rules
from masthead.lib.admin import DateFilterChangeList
from masthead.lib.forms import RefuseControlCharacters
from masthead.lib.html import BODY_EXTENSIONS, clean_editor_body, iframes_to_embeds

from . import services
from .models import Article, Correction


class ArticleAdminForm(RefuseControlCharacters, forms.ModelForm):
    body = ProseEditorFormField(
        label=_("body"),
        required=False,
        extensions=BODY_EXTENSIONS,
        sanitize=clean_editor_body,
        widget=AdminProseEditorWidget,
    )

    class Meta:
        model = Article
        fields = [
            "headline",
            "slug",
            "standfirst",
            "body",
            "excerpt",
            "section",
            "tags",
            "lead_image",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # As in the desk: the editor has no node for an older body's player
        # iframe and would drop it; give it the embed node instead.
        if not self.is_bound and "<iframe" in (self.initial.get("body") or ""):
            self.initial["body"] = iframes_to_embeds(self.initial["body"])

    def clean_slug(self):
        slug = self.cleaned_data["slug"]
        if not services.slug_is_free(self.instance.language, slug, self.instance):
            raise forms.ValidationError(
                gettext("Another article in this language uses this address, or used it before."),
                code="slug_taken",
            )
        return slug


class AdministratorsOnly:
    """Permissions from the newsroom's table (masthead.accounts.rules) instead
    of Django's model permissions: only those who manage users and settings
    see and change articles here."""

    def has_module_permission(self, request):
        return rules.can(request.user, rules.MANAGE_USERS)

    def has_view_permission(self, request, obj=None):
        return rules.can(request.user, rules.MANAGE_USERS)

    def has_change_permission(self, request, obj=None):
        return rules.can(request.user, rules.MANAGE_USERS)

    def has_delete_permission(self, request, obj=None):
        return rules.can(request.user, rules.MANAGE_USERS)


class CorrectionInline(AdministratorsOnly, admin.TabularInline):
    model = Correction
    fields = ["created_at", "text"]
    readonly_fields = ["created_at", "text"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        # Corrections are added in the newsroom, which dates them and marks
        # the article as updated.
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Article)
class ArticleAdmin(AdministratorsOnly, admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ["headline", "language", "section", "status", "publish_at", "modified_at"]
    list_filter = ["language", "status", "section"]
    list_select_related = ["section"]
    search_fields = ["headline", "slug", "standfirst"]
    date_hierarchy = "publish_at"
    ordering = ["-modified_at", "-id"]
    inlines = [CorrectionInline]
    actions = ["publish_selected", "unpublish_selected"]
    readonly_fields = [
        "language",
        "status",
        "publish_at",
        "updated_at",
        "byline",
        "desk_link",
        "created_at",
        "modified_at",
        "created_by",
    ]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "desk_link",
                    "language",
                    "headline",
                    "slug",
                    "standfirst",
                    "body",
                    "excerpt",
                ]
            },
        ),
        (_("Section and tags"), {"fields": ["section", "tags", "byline"]}),
        # The picture, its alt text and caption are kept in the media library
        # (the newsroom's "Media" page).
        (_("Lead image"), {"fields": ["lead_image"]}),
        (
            _("Publishing"),
            {
                "fields": [
                    "status",
                    "publish_at",
                    "updated_at",
                    "created_at",
                    "modified_at",
                    "created_by",
                ]
            },
        ),
    ]
    filter_horizontal = ["tags"]
    raw_id_fields = ["lead_image"]

    def get_changelist(self, request, **kwargs):
        return DateFilterChangeList

    def has_add_permission(self, request):
        # New articles are written in the newsroom.
        return False

    def render_change_form(self, request, context, *args, **kwargs):
        # The rich text editor's import map is an inline script: it needs
        # this request's Content-Security-Policy nonce, like every tag of the media.
        context["media"] = Media.from_media(context["media"], nonce=str(request.csp_nonce))
        return super().render_change_form(request, context, *args, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "tags" and (pk := request.resolver_match.kwargs.get("object_id")):
            language = Article.objects.filter(pk=pk).values_list("language", flat=True).first()
            kwargs["queryset"] = db_field.related_model.objects.filter(language=language)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    @admin.display(description=_("byline"))
    def byline(self, article):
        return ", ".join(author.name for author in article.byline_authors)

    @admin.display(description=_("newsroom"))
    def desk_link(self, article):
        return format_html(
            '<a href="{}">{}</a>',
            reverse("desk:article_edit", args=[article.pk]),
            gettext("Edit in the newsroom"),
        )

    def save_model(self, request, obj, form, change):
        services.save_article(
            obj,
            authors=obj.byline_authors,
            tags=form.cleaned_data.get("tags", obj.tags.all()),
            user=request.user,
        )

    def delete_model(self, request, obj):
        services.delete_article(obj, request.user)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            services.delete_article(article, request.user)

    def save_related(self, request, form, formsets, change):
        # The service has saved the tags; only the inlines are left.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)

    @admin.action(description=_("Publish the selected articles"), permissions=["change"])
    def publish_selected(self, request, queryset):
        articles = list(queryset)
        for article in articles:
            services.publish(article, request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d article was published or scheduled.",
                "%(count)d articles were published or scheduled.",
                len(articles),
            )
            % {"count": len(articles)},
            messages.SUCCESS,
        )

    @admin.action(description=_("Unpublish the selected articles"), permissions=["change"])
    def unpublish_selected(self, request, queryset):
        articles = list(queryset)
        for article in articles:
            services.unpublish(article, request.user)
        self.message_user(
            request,
            ngettext(
                "%(count)d article is a draft again.",
                "%(count)d articles are drafts again.",
                len(articles),
            )
            % {"count": len(articles)},
            messages.SUCCESS,
        )
