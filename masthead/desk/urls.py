from django.contrib.auth import views as auth_views
from django.urls import path

from masthead.signin import desk_views as signin_views

from . import audit, autosave, dashboard, previews, revisions, views
from .forms import DeskAuthenticationForm

app_name = "desk"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name="desk/login.html", authentication_form=DeskAuthenticationForm
        ),
        name="login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", dashboard.dashboard, name="home"),
    path("articles/", views.article_list, name="articles"),
    path("audit/", audit.audit_log, name="audit"),
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
]
