"""Who may do what: the one place where the newsroom's permissions live.

Every desk view, the preview and the admin ask :func:`can`. The table in
README.md ("Who may do what") is this module written out; the tests in
masthead/accounts/tests/test_rules.py check every cell of it.

"Own" articles are those the user created (``Article.created_by``); own
images are those the user uploaded to the media library
(``Image.uploaded_by``).
"""

from django.utils.translation import gettext_lazy as _

from .roles import Role, roles_of

C, R, E, T, A = (
    Role.CONTRIBUTOR,
    Role.REPORTER,
    Role.EDITOR,
    Role.TRANSLATOR,
    Role.ADMINISTRATOR,
)

# Actions on the newsroom as a whole.
USE_DESK = "use_desk"  # sign in to the back office, see the article list
CREATE = "create"  # write a new article (it starts as a draft)
MANAGE_TAXONOMY = "manage_taxonomy"  # sections, tags and authors
MANAGE_USERS = "manage_users"  # accounts, roles and settings
VIEW_AUDIT = "view_audit"  # the audit log
VIEW_MEDIA = "view_media"  # browse and search the media library
UPLOAD_IMAGE = "upload_image"  # add an image to the media library
ARRANGE_FRONT_PAGE = "arrange_front_page"  # pin the front page's places, mark breaking news

# Actions on one article.
VIEW = "view"  # open it in the editor, preview it, see its revisions
EDIT = "edit"  # change its text and fields
SUBMIT = "submit"  # send it to review
PUBLISH = "publish"  # publish now or schedule
UNPUBLISH = "unpublish"  # take it off the site
CORRECT = "correct"  # append a correction
TRANSLATE = "translate"  # create a version in another language
RESTORE = "restore"  # restore an older revision
SHARE_PREVIEW = "share_preview"  # create and revoke preview links

# Actions on one image of the media library.
EDIT_IMAGE = "edit_image"  # change its alt text, caption, credit, focal point
DELETE_IMAGE = "delete_image"  # delete it (refused while an article uses it)

LABELS = {
    USE_DESK: _("Use the newsroom"),
    CREATE: _("Write new articles"),
    MANAGE_TAXONOMY: _("Manage sections, tags and authors"),
    MANAGE_USERS: _("Manage users and settings"),
    VIEW_AUDIT: _("Read the audit log"),
    VIEW_MEDIA: _("Browse the media library"),
    UPLOAD_IMAGE: _("Upload images to the media library"),
    ARRANGE_FRONT_PAGE: _("Arrange the front page and breaking news"),
    VIEW: _("Open and preview an article"),
    EDIT: _("Edit an article"),
    SUBMIT: _("Submit an article for review"),
    PUBLISH: _("Publish or schedule an article"),
    UNPUBLISH: _("Unpublish an article"),
    CORRECT: _("Add a correction"),
    TRANSLATE: _("Translate an article"),
    RESTORE: _("Restore an older revision"),
    SHARE_PREVIEW: _("Share a preview link"),
    EDIT_IMAGE: _("Edit an image's description and credit"),
    DELETE_IMAGE: _("Delete an image"),
}

ANY, OWN, NONE = "any", "own", "none"

# MATRIX[action][role]: ANY article, only OWN articles, or NONE.
# Actions on the newsroom as a whole use ANY / NONE.
MATRIX = {
    USE_DESK: {C: ANY, R: ANY, E: ANY, T: ANY, A: ANY},
    CREATE: {C: ANY, R: ANY, E: ANY, T: NONE, A: ANY},
    MANAGE_TAXONOMY: {C: NONE, R: NONE, E: ANY, T: NONE, A: ANY},
    MANAGE_USERS: {C: NONE, R: NONE, E: NONE, T: NONE, A: ANY},
    VIEW_AUDIT: {C: NONE, R: NONE, E: ANY, T: NONE, A: ANY},
    VIEW_MEDIA: {C: ANY, R: ANY, E: ANY, T: ANY, A: ANY},
    UPLOAD_IMAGE: {C: ANY, R: ANY, E: ANY, T: NONE, A: ANY},
    ARRANGE_FRONT_PAGE: {C: NONE, R: NONE, E: ANY, T: NONE, A: ANY},
    VIEW: {C: OWN, R: ANY, E: ANY, T: ANY, A: ANY},
    EDIT: {C: OWN, R: OWN, E: ANY, T: OWN, A: ANY},
    SUBMIT: {C: OWN, R: OWN, E: ANY, T: OWN, A: ANY},
    PUBLISH: {C: NONE, R: OWN, E: ANY, T: NONE, A: ANY},
    UNPUBLISH: {C: NONE, R: NONE, E: ANY, T: NONE, A: ANY},
    CORRECT: {C: NONE, R: NONE, E: ANY, T: NONE, A: ANY},
    TRANSLATE: {C: NONE, R: NONE, E: ANY, T: ANY, A: ANY},
    RESTORE: {C: NONE, R: NONE, E: ANY, T: NONE, A: ANY},
    SHARE_PREVIEW: {C: NONE, R: OWN, E: ANY, T: NONE, A: ANY},
    EDIT_IMAGE: {C: OWN, R: OWN, E: ANY, T: NONE, A: ANY},
    DELETE_IMAGE: {C: NONE, R: OWN, E: ANY, T: NONE, A: ANY},
}

# Contributors and translators hand in their work: once it is published,
# only those who may publish it may change it.
EDIT_UNTIL_PUBLISHED = {C, T}


def can(user, action: str, article=None) -> bool:
    """True when ``user`` may do ``action`` (to ``article``, for the actions
    on one article; to an image of the media library, for the image actions)."""
    roles = roles_of(user)
    if action == EDIT and _handed_in(roles, article):
        return False
    scopes = {MATRIX[action][role] for role in roles}
    if ANY in scopes:
        return True
    owner = _owner_id(article)
    if OWN in scopes and owner is not None:
        return owner == user.pk
    return False


def _owner_id(subject) -> int | None:
    """Whose own ``subject`` is: an article's creator, an image's uploader."""
    if subject is None:
        return None
    if hasattr(subject, "created_by_id"):
        return subject.created_by_id
    return getattr(subject, "uploaded_by_id", None)


def _handed_in(roles, article) -> bool:
    """Contributors and translators cannot change an article once it has been
    published (or unpublished): from then on it is the editors'."""
    if article is None or article.status not in ("published", "unpublished"):
        return False
    return bool(roles) and roles <= EDIT_UNTIL_PUBLISHED
