"""``rules.can`` answers every cell of the permission table as written out
in expected.py: every action, every role, the user's own article and
someone else's, in every state."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

from masthead.accounts import rules
from masthead.accounts.roles import Role, roles_of
from masthead.articles.models import Article
from masthead.testing import make_user

from . import expected

ALL_ACTIONS = expected.NEWSROOM_ACTIONS + expected.ARTICLE_ACTIONS + expected.IMAGE_ACTIONS


def article(state: str, created_by) -> Article:
    """An (unsaved) article in ``state``, created by ``created_by``."""
    now = timezone.now()
    status, publish_at = {
        "draft": ("draft", None),
        "review": ("review", None),
        "scheduled": ("published", now + timedelta(days=1)),
        "published": ("published", now - timedelta(hours=1)),
        "unpublished": ("unpublished", now - timedelta(days=1)),
    }[state]
    return Article(
        headline="Der Haushalt", status=status, publish_at=publish_at, created_by=created_by
    )


@pytest.fixture
def someone_else(db):
    return make_user("sam", Role.REPORTER)


def test_the_table_has_every_action_and_role():
    assert set(ALL_ACTIONS) == set(rules.MATRIX)
    assert len(ALL_ACTIONS) == len(rules.MATRIX)
    assert expected.ROLES == list(Role.values)
    for action in rules.MATRIX:
        assert set(rules.MATRIX[action]) == set(Role.values), action
    assert set(rules.LABELS) == set(rules.MATRIX)


@pytest.mark.parametrize(
    "action, role", list(expected.NEWSROOM_TABLE), ids=lambda value: str(value)
)
def test_newsroom_actions(persona, action, role):
    assert rules.can(persona(role), action) is expected.allowed(action, role)


@pytest.mark.parametrize(
    "action, role, own, state",
    list(expected.ARTICLE_TABLE),
    ids=lambda value: {True: "own", False: "other"}.get(value, str(value)),
)
def test_article_actions(persona, someone_else, action, role, own, state):
    user = persona(role)
    subject = article(state, created_by=user if own else someone_else)
    assert rules.can(user, action, subject) is expected.allowed(action, role, own, state)


@pytest.mark.parametrize(
    "action, role, own",
    list(expected.IMAGE_TABLE),
    ids=lambda value: {True: "own", False: "other"}.get(value, str(value)),
)
def test_image_actions(persona, someone_else, action, role, own):
    from masthead.media.models import Image

    user = persona(role)
    image = Image(uploaded_by=user if own else someone_else)
    assert rules.can(user, action, image) is expected.allowed(action, role, own)


def test_an_image_nobody_uploaded_is_nobodys_own(persona):
    from masthead.media.models import Image

    for role in Role.values:
        for action in expected.IMAGE_ACTIONS:
            assert rules.can(persona(role), action, Image()) is expected.allowed(
                action, role, False
            )


def test_the_scheduled_and_published_states_are_the_models_published(persona):
    user = persona(Role.CONTRIBUTOR)
    assert article("scheduled", user).status == article("published", user).status == "published"


@pytest.mark.parametrize("action", expected.ARTICLE_ACTIONS)
def test_own_means_created_by_the_user(persona, action):
    """An article nobody created (an import, a deleted account) is nobody's own."""
    for role in Role.values:
        user = persona(role)
        nobody = article("draft", created_by=None)
        assert rules.can(user, action, nobody) is expected.allowed(action, role, False, "draft")


@pytest.mark.parametrize("action", expected.ARTICLE_ACTIONS)
def test_own_actions_need_an_article(persona, action):
    """Asked without an article, only "any" answers yes."""
    for role in Role.values:
        everyone = all(expected.allowed(action, role, False, s) for s in expected.STATES)
        assert rules.can(persona(role), action) is everyone, role


@pytest.mark.parametrize("action", ALL_ACTIONS)
def test_a_superuser_holds_every_role(django_user_model, someone_else, action):
    root = django_user_model.objects.create_superuser("root", "root@example.org", "pw")
    assert roles_of(root) == set(Role.values)
    for state in expected.STATES:
        assert rules.can(root, action, article(state, created_by=someone_else))
    assert rules.can(root, action)


@pytest.mark.parametrize("action", ALL_ACTIONS)
def test_users_without_a_role_may_do_nothing(db, someone_else, action):
    no_role = make_user("nora")
    not_staff = make_user("olaf", Role.EDITOR, is_staff=False)
    inactive = make_user("ines", Role.EDITOR)
    inactive.is_active = False
    inactive.save()
    for user in (AnonymousUser(), no_role, not_staff, inactive):
        assert roles_of(user) == frozenset()
        assert not rules.can(user, action)
        assert not rules.can(user, action, article("draft", created_by=user if user.pk else None))


def test_a_group_with_another_name_is_no_role(db):
    user = make_user("gus", "editors")
    assert roles_of(user) == frozenset()
    assert not rules.can(user, rules.USE_DESK)


def test_roles_add_up(db, someone_else):
    """Several roles give what any of them gives; the rule that
    contributors and translators cannot edit a published article holds only
    when they have no other role that may."""
    writer = make_user("wanda", Role.CONTRIBUTOR, Role.TRANSLATOR)
    published = article("published", created_by=writer)
    assert rules.can(writer, rules.TRANSLATE, article("draft", created_by=someone_else))
    assert rules.can(writer, rules.CREATE)
    assert not rules.can(writer, rules.EDIT, published)
    assert not rules.can(writer, rules.EDIT, article("unpublished", created_by=writer))
    assert rules.can(writer, rules.EDIT, article("review", created_by=writer))

    reporter = make_user("rita", Role.CONTRIBUTOR, Role.REPORTER)
    assert rules.can(reporter, rules.EDIT, article("published", created_by=reporter))
    assert not rules.can(reporter, rules.EDIT, article("published", created_by=someone_else))

    editor = make_user("ed", Role.TRANSLATOR, Role.EDITOR)
    assert rules.can(editor, rules.EDIT, article("published", created_by=someone_else))
    assert rules.can(editor, rules.UNPUBLISH, article("published", created_by=someone_else))
