"""Bulk row writing for ingest: one driver-level statement per table per batch.

``add_articles`` writes thousands of rows per batch (articles, claims, their query-table rows,
evidence spans, the first revision of every claim). Going through SQLAlchemy's per-row parameter
processing and, on PostgreSQL, one protocol message per row made storage a visible part of ingest
time. Here the rows of a table are converted once (column bind processors taken from the dialect,
so stored values are exactly what SQLAlchemy would store) and handed to the driver in bulk:

* SQLite: ``sqlite3`` ``executemany`` over one prepared ``INSERT`` (C loop, no per-row Python).
* PostgreSQL: ``COPY ... FROM STDIN`` through psycopg 3 (one round trip per table).

Both run on the connection of the surrounding SQLAlchemy transaction, so the all-or-nothing
guarantee of the batch is unchanged; a driver error becomes the usual ``DBAPIError`` (the caller
turns it into a ``StoreError``). JSON values are serialised once per object: the same claim dict
is stored as ``claims.machine``, ``claims.data`` and the first ``revisions.after``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Table
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError

__all__ = ["BulkWriter", "RawJSON"]


class RawJSON(str):
    """Text that is already JSON (stored as is in a JSON column, not serialised again)."""

    __slots__ = ()


class BulkWriter:
    """Writes lists of row dicts into tables on one open connection (inside its transaction)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.dialect = conn.dialect
        self._json: dict[int, tuple[Any, str]] = {}
        self._plans: dict[tuple[str, tuple[str, ...]], tuple[str, list]] = {}

    def dumps(self, value: Any) -> str:
        """JSON text of ``value``, serialised once per object for the life of this writer
        (a :class:`RawJSON` is already JSON text)."""
        if type(value) is RawJSON:
            return value
        hit = self._json.get(id(value))
        if hit is not None and hit[0] is value:
            return hit[1]
        out = json.dumps(value)
        self._json[id(value)] = (value, out)  # keep the object alive so its id is not reused
        return out

    def _plan(self, table: Table, keys: Sequence[str]) -> tuple[str, list]:
        key = (table.name, tuple(keys))
        plan = self._plans.get(key)
        if plan is None:
            quote = self.dialect.identifier_preparer.quote
            cols = [table.c[k] for k in keys]
            procs = []
            for col in cols:
                if isinstance(col.type, JSON):
                    # like SQLAlchemy's JSON type: None is stored as JSON null unless none_as_null
                    procs.append((self.dumps, not col.type.none_as_null))
                else:
                    procs.append((_last_value_cache(col.type._cached_bind_processor(self.dialect)), False))
            names = ", ".join(quote(c.name) for c in cols)
            if self.dialect.name == "postgresql":
                sql = f"COPY {quote(table.name)} ({names}) FROM STDIN"
            else:
                sql = f"INSERT INTO {quote(table.name)} ({names}) VALUES ({', '.join('?' for _ in cols)})"
            plan = self._plans[key] = (sql, procs)
        return plan

    def insert(self, table: Table, rows: list[dict]) -> int:
        """Insert ``rows`` (dicts with the same keys) into ``table``; returns the row count."""
        if not rows:
            return 0
        keys = list(rows[0])
        sql, procs = self._plan(table, keys)
        active = [(i, p, on_none) for i, (p, on_none) in enumerate(procs) if p is not None]
        get = itemgetter(*keys)
        if len(keys) == 1:
            tuples: list = [(v,) for v in map(get, rows)]
        else:
            tuples = list(map(get, rows))
        if active:
            for n, vals in enumerate(tuples):
                vals = list(vals)
                for i, p, on_none in active:
                    v = vals[i]
                    if v is not None or on_none:
                        vals[i] = p(v)
                tuples[n] = vals
        raw = self.conn.connection.driver_connection
        assert raw is not None, "a bulk write needs an open DBAPI connection"
        try:
            if self.dialect.name == "postgresql":
                with raw.cursor() as cur, cur.copy(sql) as copy:
                    for vals in tuples:
                        copy.write_row(vals)
            else:
                raw.executemany(sql, tuples)
        except self.dialect.loaded_dbapi.Error as exc:
            raise DBAPIError.instance(sql, None, exc, self.dialect.loaded_dbapi.Error,
                                      dialect=self.dialect) from None
        return len(tuples)


def _last_value_cache(proc):
    """Wrap a bind processor so a value repeated row after row (the batch timestamp) is
    converted once."""
    if proc is None:
        return None
    last: list = [object(), None]

    def cached(value):
        if value is not last[0]:
            last[0], last[1] = value, proc(value)
        return last[1]

    return cached
