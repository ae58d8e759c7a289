"""The base of the :class:`~claimwatch.store.Store` mixins (runs, estimates, review, lists, jobs):
it declares, for the type checker, the connections the ``Store`` gives them; and the key an
INSERT gave its row."""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from sqlalchemy.engine import Connection, CursorResult

__all__ = ["StoreMixin", "inserted_id"]


def inserted_id(result: CursorResult[Any]) -> int:
    """The integer primary key the single-row INSERT of ``result`` gave its row."""
    key = result.inserted_primary_key
    assert key is not None, "an INSERT of one row has a primary key"
    return int(key[0])


class StoreMixin:
    """Mixed into :class:`~claimwatch.store.Store`, which provides ``_read`` / ``_write``."""

    if TYPE_CHECKING:
        def _read(self) -> AbstractContextManager[Connection]: ...
        def _write(self) -> AbstractContextManager[Connection]: ...
