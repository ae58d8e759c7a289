"""Anonymous reads answered from memory while the database has not changed.

Most requests under load are the same pages read by people who are not logged in. This ASGI
middleware keeps the last answers to anonymous ``GET`` requests (pages and the read API) in a
small LRU, keyed by path and query string, and serves them again for as long as the database is
unchanged. "Unchanged" is exact, not a time-to-live: on SQLite, ``PRAGMA data_version`` on a
connection of the cache's own changes whenever any other connection — another request, another
server process, the ingest workers, a ``claimwatch`` command — commits. On other databases there
is no such cheap signal, so nothing is cached there.

Never cached: requests carrying a token or the login cookie (reviewers always see fresh pages
with their forms), non-200 answers, ``/api/health``, ``/api/jobs``, exports and list-view
downloads, static files (already cheap), anything over ``MAX_BODY`` bytes. Every answer says
``X-Cache: hit`` or ``miss``.
"""

from __future__ import annotations

import sqlite3
import threading
from collections import OrderedDict
from typing import Any, Callable, Generic, Hashable, TypeVar

__all__ = ["ResponseCache", "DataVersion", "GenerationMemo", "memo_key", "PageCache", "MAX_BODY", "MAX_ENTRIES"]

MAX_BODY = 512 * 1024
V = TypeVar("V", bytes, str)
MAX_ENTRIES = 512
_SKIP_PREFIXES = ("/api/health", "/api/jobs", "/api/export", "/static", "/login", "/logout", "/openapi.json")
_SKIP_SUFFIXES = (".csv", ".json")


class DataVersion:
    """A number that changes whenever anyone commits to the SQLite database at ``path``."""

    def __init__(self, path: str) -> None:
        self._conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._lock = threading.Lock()

    def __call__(self) -> int:
        with self._lock:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    @classmethod
    def for_store(cls, store: Any) -> "DataVersion | None":
        from sqlalchemy.engine import make_url

        try:
            url = make_url(str(getattr(store, "url", "")))
        except Exception:
            return None
        db = url.database if url.get_backend_name() == "sqlite" else None
        if not db or db == ":memory:" or db.startswith("file:"):
            return None
        return cls(db)


def memo_key(kind: str, filters: dict[str, Any]) -> tuple:
    """What a list's total and facets depend on: the list and its filters (not page or sort)."""
    return (kind, tuple(sorted((k, str(v)) for k, v in filters.items())))


class GenerationMemo:
    """Values worked out once per store generation: list totals and facet counts, which depend on
    the filters but not on the page or the sort, so every page and sort order of a list shares
    them until the next commit. Without a generation signal (not SQLite, or the cache setting
    off) every call computes. A value is kept under the generation read *before* computing it,
    so a commit during the computation only makes the next call compute again."""

    def __init__(self, version: DataVersion | None, max_entries: int = 256) -> None:
        self.version = version
        self.max_entries = max_entries
        self.generation: int | None = None
        self.entries: OrderedDict[Hashable, Any] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        if self.version is None:
            return compute()
        generation = self.version()
        with self.lock:
            if generation != self.generation:
                self.entries.clear()
                self.generation = generation
            elif key in self.entries:
                self.entries.move_to_end(key)
                return self.entries[key]
        value = compute()
        with self.lock:
            if generation == self.generation:
                self.entries[key] = value
                while len(self.entries) > self.max_entries:
                    self.entries.popitem(last=False)
        return value


class PageCache(Generic[V]):
    """Rendered pages (or parts: a claim's JSON, a list row) kept under a version of what they
    show (an article page under ``Store.article_version``): a store change elsewhere leaves them
    valid, a change of what they show gives a new key. A small LRU; off (never keeps anything)
    when ``enabled`` is false."""

    def __init__(self, enabled: bool = True, max_entries: int = 256) -> None:
        self.enabled = enabled
        self.max_entries = max_entries
        self.entries: OrderedDict[Hashable, V] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, key: Hashable) -> V | None:
        with self.lock:
            body = self.entries.get(key)
            if body is not None:
                self.entries.move_to_end(key)
            return body

    def put(self, key: Hashable, body: V) -> None:
        if not self.enabled or len(body) > MAX_BODY:
            return
        with self.lock:
            self.entries[key] = body
            self.entries.move_to_end(key)
            while len(self.entries) > self.max_entries:
                self.entries.popitem(last=False)


class ResponseCache:
    """ASGI middleware: see the module doc."""

    def __init__(self, app, store: Any = None, enabled: bool = True) -> None:
        self.app = app
        self.version = DataVersion.for_store(store) if enabled and store is not None else None
        self.entries: OrderedDict[tuple, tuple[int, int, list, bytes]] = OrderedDict()
        self.lock = threading.Lock()

    def _cacheable(self, scope) -> bool:
        if self.version is None or scope["type"] != "http" or scope.get("method") != "GET":
            return False
        path = scope.get("path", "")
        if path.startswith(_SKIP_PREFIXES) or path.endswith(_SKIP_SUFFIXES):
            return False
        for name, value in scope.get("headers", []):
            if name in (b"authorization", b"x-claimwatch-token") or (name == b"cookie" and b"cw_token=" in value):
                return False
        return True

    async def __call__(self, scope, receive, send):
        if self.version is None or not self._cacheable(scope):
            return await self.app(scope, receive, send)
        key = (scope.get("path", ""), scope.get("query_string", b""))
        version = self.version()
        with self.lock:
            hit = self.entries.get(key)
            if hit is not None and hit[0] == version:
                self.entries.move_to_end(key)
        if hit is not None and hit[0] == version:
            _, status, headers, body = hit
            await send({"type": "http.response.start", "status": status, "headers": headers + [(b"x-cache", b"hit")]})
            await send({"type": "http.response.body", "body": body})
            return
        started: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def capture(message):
            if message["type"] == "http.response.start":
                started.update(status=message["status"], headers=list(message.get("headers", [])))
                message = dict(message, headers=started["headers"] + [(b"x-cache", b"miss")])
            elif message["type"] == "http.response.body" and started.get("status") == 200:
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and sum(map(len, chunks)) <= MAX_BODY:
                    self._keep(key, version, started["status"], started["headers"], b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)

    def _keep(self, key: tuple, version: int, status: int, headers: list, body: bytes) -> None:
        headers = [(k, v) for k, v in headers if k.lower() not in (b"set-cookie", b"x-cache")]
        with self.lock:
            self.entries[key] = (version, status, headers, body)
            self.entries.move_to_end(key)
            while len(self.entries) > MAX_ENTRIES:
                self.entries.popitem(last=False)
