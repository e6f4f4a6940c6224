"""The permission table written out by hand, cell by cell, for the tests.

It is deliberately not computed from masthead.accounts.rules.MATRIX: the
tests compare the two, so a change to either shows up as a failure.

``NEWSROOM``: actions on the newsroom as a whole, per role ("y" = yes).

``ARTICLE``: actions on one article, per role, as ten letters: five for
the user's own article, then five for someone else's, each in the states
draft, review, scheduled, published, unpublished ("y" = allowed, "." = not).
"""

ROLES = ["contributor", "reporter", "editor", "translator", "administrator"]
STATES = ["draft", "review", "scheduled", "published", "unpublished"]

NEWSROOM = """
                 contributor  reporter  editor  translator  administrator
use_desk         y            y         y       y           y
create           y            y         y       .           y
manage_taxonomy  .            .         y       .           y
manage_users     .            .         .       .           y
view_audit       .            .         y       .           y
view_media       y            y         y       y           y
upload_image     y            y         y       .           y
arrange_front_page .          .         y       .           y
"""

#                         own: d r s p u   other: d r s p u
ARTICLE = """
view           contributor    yyyyy .....
view           reporter       yyyyy yyyyy
view           editor         yyyyy yyyyy
view           translator     yyyyy yyyyy
view           administrator  yyyyy yyyyy

edit           contributor    yy... .....
edit           reporter       yyyyy .....
edit           editor         yyyyy yyyyy
edit           translator     yy... .....
edit           administrator  yyyyy yyyyy

submit         contributor    yyyyy .....
submit         reporter       yyyyy .....
submit         editor         yyyyy yyyyy
submit         translator     yyyyy .....
submit         administrator  yyyyy yyyyy

publish        contributor    ..... .....
publish        reporter       yyyyy .....
publish        editor         yyyyy yyyyy
publish        translator     ..... .....
publish        administrator  yyyyy yyyyy

unpublish      contributor    ..... .....
unpublish      reporter       ..... .....
unpublish      editor         yyyyy yyyyy
unpublish      translator     ..... .....
unpublish      administrator  yyyyy yyyyy

correct        contributor    ..... .....
correct        reporter       ..... .....
correct        editor         yyyyy yyyyy
correct        translator     ..... .....
correct        administrator  yyyyy yyyyy

translate      contributor    ..... .....
translate      reporter       ..... .....
translate      editor         yyyyy yyyyy
translate      translator     yyyyy yyyyy
translate      administrator  yyyyy yyyyy

restore        contributor    ..... .....
restore        reporter       ..... .....
restore        editor         yyyyy yyyyy
restore        translator     ..... .....
restore        administrator  yyyyy yyyyy

share_preview  contributor    ..... .....
share_preview  reporter       yyyyy .....
share_preview  editor         yyyyy yyyyy
share_preview  translator     ..... .....
share_preview  administrator  yyyyy yyyyy
"""

# Actions on one image of the media library: the user's own upload, then
# someone else's.
#                             own other
IMAGE = """
edit_image     contributor    y   .
edit_image     reporter       y   .
edit_image     editor         y   y
edit_image     translator     .   .
edit_image     administrator  y   y

delete_image   contributor    .   .
delete_image   reporter       y   .
delete_image   editor         y   y
delete_image   translator     .   .
delete_image   administrator  y   y
"""


def _newsroom() -> dict[tuple[str, str], bool]:
    lines = [line.split() for line in NEWSROOM.strip().splitlines()]
    header, rows = lines[0], lines[1:]
    assert header == ROLES
    return {
        (action, role): cell == "y"
        for action, *cells in rows
        for role, cell in zip(header, cells, strict=True)
    }


def _article() -> dict[tuple[str, str, bool, str], bool]:
    table = {}
    for line in ARTICLE.strip().splitlines():
        if not line.strip():
            continue
        action, role, own, other = line.split()
        for is_own, cells in ((True, own), (False, other)):
            for state, cell in zip(STATES, cells, strict=True):
                table[action, role, is_own, state] = cell == "y"
    return table


def _image() -> dict[tuple[str, str, bool], bool]:
    table = {}
    for line in IMAGE.strip().splitlines():
        if line.strip():
            action, role, own, other = line.split()
            table[action, role, True] = own == "y"
            table[action, role, False] = other == "y"
    return table


NEWSROOM_TABLE = _newsroom()
IMAGE_TABLE = _image()
IMAGE_ACTIONS = list(dict.fromkeys(key[0] for key in IMAGE_TABLE))
ARTICLE_TABLE = _article()
NEWSROOM_ACTIONS = list(dict.fromkeys(action for action, _role in NEWSROOM_TABLE))
ARTICLE_ACTIONS = list(dict.fromkeys(key[0] for key in ARTICLE_TABLE))


def allowed(action: str, role: str, own: bool | None = None, state: str | None = None) -> bool:
    """The expected answer for one cell; ``own`` and ``state`` only for
    actions on one article."""
    if (action, role) in NEWSROOM_TABLE:
        return NEWSROOM_TABLE[action, role]
    if (action, role, own) in IMAGE_TABLE:
        return IMAGE_TABLE[action, role, own]
    return ARTICLE_TABLE[action, role, own, state]
