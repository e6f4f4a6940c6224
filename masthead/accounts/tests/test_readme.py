"""The table "Who may do what" in README.md is rules.MATRIX written out:
same actions (in the wording of rules.LABELS, in the same order), same
roles, same cells."""

import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

from masthead.accounts import rules
from masthead.accounts.roles import Role

README = Path(settings.BASE_DIR).parent / "README.md"
CELLS = {"✓": rules.ANY, "own": rules.OWN, "—": rules.NONE}


def readme_table() -> tuple[list[str], list[list[str]]]:
    """The header and the rows of the first table in "## Who may do what"."""
    text = README.read_text(encoding="utf-8")
    section = re.search(r"^## Who may do what\n(.*?)(?=^## )", text, flags=re.S | re.M)
    assert section, "README.md has no section “## Who may do what”"
    lines = [line.strip() for line in section.group(1).splitlines()]
    table = [line for line in lines if line.startswith("|")]
    assert len(table) >= 3, "the section has no table"
    header, rule, *rows = ([cell.strip() for cell in line.strip("|").split("|")] for line in table)
    assert all(set(cell) <= set("-: ") for cell in rule)
    return header, rows


def test_the_readme_table_is_the_matrix():
    header, rows = readme_table()
    with translation.override("en"):
        roles = [str(label) for label in Role.labels]
        labels = {action: str(label) for action, label in rules.LABELS.items()}
    assert header == ["Action", *roles]
    assert [row[0] for row in rows] == [labels[action] for action in rules.MATRIX]
    labels = {label: action for action, label in labels.items()}
    for label, *cells in rows:
        action = labels[label]
        assert all(cell in CELLS for cell in cells), (label, cells)
        table = {role: CELLS[cell] for role, cell in zip(Role.values, cells, strict=True)}
        assert table == rules.MATRIX[action], label


def test_the_readme_explains_own_and_roles():
    text = README.read_text(encoding="utf-8")
    section = text.split("## Who may do what", 1)[1].split("\n## ", 1)[0]
    assert '"own" means the articles the user created' in section
    assert "Contributors and translators" in section
    assert "give a user a role in the admin (Users → Groups) as an\nadministrator" in section
