"""The desk's personas (eda the editor, ron the reporter, ada the
administrator; password ``pw-<name>-123``) for the sign-in tests."""

from masthead.desk.tests.conftest import (  # noqa: F401
    _fast_passwords,
    administrator,
    editor,
    persona,
    reporter,
)
