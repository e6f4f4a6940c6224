from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.i18n import JavaScriptCatalog

from masthead.accounts import desk_views as accounts
from masthead.accounts import passkey_views as passkeys
from masthead.accounts.decorators import desk_view
from masthead.api import desk_views as api_tokens
from masthead.signin import desk_views as signin_views
from masthead.webhooks import desk_views as webhooks

from . import (
    audit,
    autosave,
    dashboard,
    figures,
    frontpage,
    jobs,
    media,
    previews,
    revisions,
    translation_desk,
    views,
)
from .forms import DeskAuthenticationForm

app_name = "desk"

urlpatterns = [
    path(
        "login/",
        accounts.LoginView.as_view(authentication_form=DeskAuthenticationForm),
        name="login",
    ),
    path("login/code/", accounts.login_code, name="login_code"),
    path("login/passkey/begin/", passkeys.SignInBegin.as_view(), name="passkey_sign_in_begin"),
    path(
        "login/passkey/complete/",
        passkeys.SignInComplete.as_view(),
        name="passkey_sign_in_complete",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("account/two-factor/", accounts.two_factor, name="two_factor"),
    path("account/two-factor/setup/", accounts.two_factor_setup, name="two_factor_setup"),
    path("account/two-factor/codes/", accounts.two_factor_codes, name="two_factor_codes"),
    path(
        "account/two-factor/disable/",
        accounts.two_factor_change,
        {"action": "disable"},
        name="two_factor_disable",
    ),
    path(
        "account/two-factor/recovery-codes/",
        accounts.two_factor_change,
        {"action": "regenerate"},
        name="two_factor_regenerate",
    ),
    path(
        "account/two-factor/passkeys/add/begin/",
        passkeys.RegisterBegin.as_view(),
        name="passkey_register_begin",
    ),
    path(
        "account/two-factor/passkeys/add/complete/",
        passkeys.RegisterComplete.as_view(),
        name="passkey_register_complete",
    ),
    path(
        "account/two-factor/passkeys/<int:pk>/remove/",
        passkeys.passkey_remove,
        name="passkey_remove",
    ),
    path("account/password/", accounts.PasswordChangeView.as_view(), name="password_change"),
    path("password-reset/", accounts.PasswordResetView.as_view(), name="password_reset"),
    path(
        "password-reset/sent/", accounts.PasswordResetDoneView.as_view(), name="password_reset_done"
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        accounts.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        accounts.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("", dashboard.dashboard, name="home"),
    path("articles/", views.article_list, name="articles"),
    # The body editor's texts in the newsroom's language: django-prose-editor's
    # own catalog and Masthead's (masthead/locale/*/LC_MESSAGES/djangojs.po,
    # for the menu texts the package leaves in English: desk-editor.js).
    path(
        "editor/texts/",
        desk_view()(JavaScriptCatalog.as_view(packages=["django_prose_editor"])),
        name="editor_texts",
    ),
    # What the body editor asks for while placing pictures (figures.py).
    path("editor/images/", figures.image_search, name="editor_image_search"),
    path("editor/images/upload/", figures.image_upload, name="editor_image_upload"),
    path("audit/", audit.audit_log, name="audit"),
    path("front-page/", frontpage.front_page, name="front_page"),
    path("media/", media.media_list, name="media"),
    path("media/upload/", media.media_upload, name="media_upload"),
    path("media/choose/", media.media_choose, name="media_choose"),
    path("media/<int:pk>/", media.media_edit, name="media_edit"),
    path("media/<int:pk>/delete/", media.media_delete, name="media_delete"),
    path("jobs/", jobs.job_list, name="jobs"),
    # The content API's integration tokens (masthead/api).
    path("integrations/", api_tokens.token_list, name="api_tokens"),
    path("integrations/<int:pk>/revoke/", api_tokens.token_revoke, name="api_token_revoke"),
    path("translations/", views.translations, name="translations"),
    path("jobs/<uuid:pk>/retry/", jobs.job_retry, name="job_retry"),
    path("webhooks/", webhooks.webhook_list, name="webhooks"),
    path("webhooks/new/", webhooks.webhook_create, name="webhook_create"),
    path("webhooks/<int:pk>/", webhooks.webhook_detail, name="webhook_detail"),
    path("webhooks/<int:pk>/edit/", webhooks.webhook_edit, name="webhook_edit"),
    path("webhooks/<int:pk>/disable/", webhooks.webhook_disable, name="webhook_disable"),
    path("webhooks/<int:pk>/enable/", webhooks.webhook_enable, name="webhook_enable"),
    path("webhooks/<int:pk>/delete/", webhooks.webhook_delete, name="webhook_delete"),
    path(
        "webhooks/<int:pk>/deliveries/<uuid:delivery>/send-again/",
        webhooks.webhook_resend,
        name="webhook_resend",
    ),
    path("sessions/", signin_views.session_list, name="sessions"),
    path(
        "sessions/<int:pk>/end/",
        signin_views.session_revoke,
        name="session_revoke",
    ),
    path(
        "sessions/end-others/",
        signin_views.session_revoke_others,
        name="session_revoke_others",
    ),
    path("articles/new/", views.article_create, name="article_create"),
    path("articles/<int:pk>/", views.article_edit, name="article_edit"),
    path("articles/<int:pk>/preview/", views.article_preview, name="article_preview"),
    path("articles/<int:pk>/publish/", views.article_publish, name="article_publish"),
    path("articles/<int:pk>/unpublish/", views.article_unpublish, name="article_unpublish"),
    path("articles/<int:pk>/submit/", views.article_submit, name="article_submit"),
    path("articles/<int:pk>/return/", views.article_return, name="article_return"),
    path("articles/<int:pk>/front-page/", frontpage.front_page_pin, name="front_page_pin"),
    path(
        "articles/<int:pk>/front-page/remove/",
        frontpage.front_page_unpin,
        name="front_page_unpin",
    ),
    path("articles/<int:pk>/breaking/", frontpage.breaking_mark, name="breaking_mark"),
    path("articles/<int:pk>/breaking/end/", frontpage.breaking_end, name="breaking_end"),
    path("articles/<int:pk>/corrections/", views.correction_add, name="correction_add"),
    path(
        "articles/<int:pk>/preview-links/",
        previews.preview_link_create,
        name="preview_link_create",
    ),
    path(
        "articles/<int:pk>/preview-links/<int:link_pk>/revoke/",
        previews.preview_link_revoke,
        name="preview_link_revoke",
    ),
    path("articles/<int:pk>/autosave/", autosave.article_autosave, name="article_autosave"),
    path("articles/<int:pk>/revisions/", revisions.revision_list, name="article_revisions"),
    path(
        "articles/<int:pk>/revisions/compare/",
        revisions.revision_compare,
        name="article_revision_compare",
    ),
    path(
        "articles/<int:pk>/revisions/<int:number>/restore/",
        revisions.revision_restore,
        name="article_revision_restore",
    ),
    path(
        "articles/<int:pk>/translate/<str:language>/",
        views.article_translate,
        name="article_translate",
    ),
    path("articles/<int:pk>/translation/", translation_desk.translation_desk, name="translation"),
    path(
        "articles/<int:pk>/translation/machine/",
        translation_desk.translation_machine,
        name="translation_machine",
    ),
    path("machine-translation/", translation_desk.machine_translation, name="machine_translation"),
]
