"""The personas of the desk tests (cora, ron, eda, theo, ada, outsider)
and fast password hashing, for the tests of roles and rules."""

from masthead.desk.tests.conftest import (  # noqa: F401
    _fast_passwords,
    administrator,
    contributor,
    editor,
    outsider,
    persona,
    reporter,
    translator,
)
