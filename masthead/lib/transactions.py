"""Work that follows a transaction's changes once, when it commits."""

from collections.abc import Callable, Hashable
from typing import Any

from django.db import transaction


def once_on_commit(
    attribute: str, item: Hashable, run: Callable[[set], None], using: str | None = None
) -> None:
    """Call ``run(items)`` once when the current transaction commits, with
    every ``item`` passed for ``attribute`` in that transaction (an article
    save with its tags and bylines sends a dozen signals: one call). Outside
    a transaction, at once with ``{item}``.

    The pending call is kept on the connection as ``attribute`` (tests call
    it to stand for a commit). A savepoint rolled back drops it from the
    transaction's callbacks, and with it the items of the rolled-back part;
    the next item starts a new one."""
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        run({item})
        return
    pending = getattr(connection, attribute, None)
    if pending is not None and any(func is pending for _, func, _ in connection.run_on_commit):
        pending.items.add(item)
        return
    pending = _Pending(connection, attribute, run, {item})
    setattr(connection, attribute, pending)
    transaction.on_commit(pending, using=using)


class _Pending:
    def __init__(
        self, connection: Any, attribute: str, run: Callable[[set], None], items: set
    ) -> None:
        self.connection, self.attribute, self.run, self.items = connection, attribute, run, items

    def __call__(self) -> None:
        setattr(self.connection, self.attribute, None)
        self.run(self.items)
