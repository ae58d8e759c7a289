"""Anonymous reads answered from memory while what they show is unchanged.

Most requests under load are the same pages read by people who are not logged in. This ASGI
middleware keeps the last answers to anonymous ``GET`` requests (pages and the read API) in an
LRU bounded by bytes, keyed by path and query string, and serves them again for as long as the
tables the answer is made of are unchanged. "Unchanged" is exact, not a time-to-live: on SQLite,
``PRAGMA data_version`` on a connection of the cache's own changes whenever any other connection
— another request, another server process, the ingest workers, a ``claimwatch`` command —
commits; the cache then reads ``table_versions`` (a counter per table, raised by triggers on
every write) and keeps each answer whose tables' counters did not move. So an ingest job's status
update, a new token or a reconciliation queue entry keeps every page; a new article invalidates
the article list but the estimate list only when the estimates change too. On other databases
there is no such cheap signal, so nothing is cached there.

Requests for the same answer that arrive while it is being computed wait for it instead of
computing it again (one computation per answer and table state, however many readers ask).

Never cached: requests carrying a token or the login cookie (reviewers always see fresh pages
with their forms), non-200 answers, ``/api/health``, ``/api/jobs``, exports and list-view
downloads, static files (already cheap), anything over ``MAX_BODY`` bytes. Every answer says
``X-Cache: hit`` or ``miss``.
"""

from __future__ import annotations

import asyncio
import itertools
import sqlite3
import threading
from collections import OrderedDict
from functools import partial
from typing import Any, Callable, Generic, Hashable, NamedTuple, TypeVar

from starlette.concurrency import run_in_threadpool

from ..store.tables import VERSIONED_TABLES

__all__ = ["ResponseCache", "Answer", "DataVersion", "GenerationMemo", "memo_key", "PageCache", "StateTexts", "MAX_BODY", "MAX_ENTRIES",
           "MAX_BYTES", "UNSHOWN_TABLES", "SHOWN_TABLES", "ARTICLE_LIST_TABLES", "shown_tables"]

MAX_BODY = 512 * 1024
V = TypeVar("V", bytes, str)
MAX_ENTRIES = 4096
#: most bytes of answers the response cache keeps per server process (least recently used go first)
MAX_BYTES = 64 * 1024 * 1024
_SKIP_PREFIXES = ("/api/health", "/api/jobs", "/api/export", "/static", "/login", "/logout", "/openapi.json")
_SKIP_SUFFIXES = (".csv", ".json")

#: bookkeeping that no cached page or read answer shows: a commit touching only these keeps them all
UNSHOWN_TABLES = frozenset({"ingest_jobs", "api_tokens", "ingest_runs", "rejects", "reconcile_queue",
                            "article_minhash"})
#: every table a page or read answer may show
SHOWN_TABLES: tuple[str, ...] = tuple(t for t in VERSIONED_TABLES if t not in UNSHOWN_TABLES)
#: the article list (page and API): the articles, filtered by their claims' event and source types
ARTICLE_LIST_TABLES: tuple[str, ...] = ("articles", "claims", "claim_sources")
_ARTICLE_LISTS = ("/articles", "/api/articles")


def shown_tables(path: str) -> tuple[str, ...]:
    """The tables the anonymous answer at ``path`` is made of."""
    return ARTICLE_LIST_TABLES if path in _ARTICLE_LISTS else SHOWN_TABLES


class DataVersion:
    """Change signals of the SQLite database at ``path``: ``version()`` changes whenever anyone
    commits; ``signature(tables)`` changes only when one of ``tables`` was written (a trigger
    counts every write per table, migration 0006). Without the counters (a database the
    migration has not reached) a signature is the database's version: any commit changes it.

    Each thread that asks reads through a connection of its own (``PRAGMA data_version`` is
    per connection and these connections never write): the event loop never waits for a lock
    held by a worker thread that is itself waiting for the interpreter lock. Every connection
    opened is also listed here, so :meth:`close` (the app's shutdown) closes them all, not only
    those whose thread has ended; a thread that asks again afterwards opens a new one."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        self._readers: list[_VersionReader] = []
        self._readers_lock = threading.Lock()

    def _reader(self) -> "_VersionReader":
        reader = getattr(self._local, "reader", None)
        if reader is None or reader.closed:
            reader = self._local.reader = _VersionReader(self.path)
            with self._readers_lock:
                self._readers.append(reader)
        return reader

    def open_connections(self) -> int:
        """How many of this signal's connections are open."""
        with self._readers_lock:
            return sum(not reader.closed for reader in self._readers)

    def close(self) -> None:
        """Close every thread's connection (the threads may still be alive)."""
        with self._readers_lock:
            readers, self._readers = self._readers, []
        for reader in readers:
            reader.close()

    def __call__(self) -> int:
        return self._reader().data_version()

    def counters(self) -> tuple[int, dict[str, int]]:
        """The database's version and each table's change counter (read again only after a commit)."""
        return self._reader().counters()

    def signature(self, tables: tuple[str, ...]) -> tuple[int, ...]:
        """A value that stays equal while none of ``tables`` is written."""
        reader = self._reader()
        version, counters = reader.counters()
        if not counters or any(name not in counters for name in tables):
            # a table without a counter: any commit may have changed it (a version counts per connection)
            return (-reader.serial, version)
        return tuple(counters[name] for name in tables)

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


_READER_SERIALS = itertools.count(1)


class _VersionReader:
    """One thread's connection for :class:`DataVersion`: its data version and the counters read
    at that version."""

    def __init__(self, path: str) -> None:
        # used only by the thread that opened it; closed by another at shutdown (DataVersion.close)
        self.conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.serial = next(_READER_SERIALS)
        self.seen: int | None = None
        self.counts: dict[str, int] = {}
        self.closed = False

    def close(self) -> None:
        self.closed = True
        self.conn.close()

    def data_version(self) -> int:
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def counters(self) -> tuple[int, dict[str, int]]:
        version = self.data_version()
        if version != self.seen:
            try:
                rows = self.conn.execute("SELECT name, version FROM table_versions").fetchall()
            except sqlite3.Error:
                rows = []
            self.counts = {str(name): int(count) for name, count in rows}
            self.seen = version
        return version, self.counts


def memo_key(kind: str, filters: dict[str, Any]) -> tuple:
    """What a list's total and facets depend on: the list and its filters (not page or sort)."""
    return (kind, tuple(sorted((k, str(v)) for k, v in filters.items())))


class GenerationMemo:
    """Values worked out once per store generation: list totals and facet counts, which depend on
    the filters but not on the page or the sort, so every page and sort order of a list shares
    them until the next write to a table pages show (:data:`SHOWN_TABLES`; bookkeeping such as
    an ingest job's status keeps them). Without a generation signal (not SQLite, or the cache
    setting off) every call computes. A value is kept under the generation read *before*
    computing it, so a commit during the computation only makes the next call compute again.
    Threads asking for a value another thread is computing wait for it rather than compute it
    again."""

    def __init__(self, version: DataVersion | None, max_entries: int = 256) -> None:
        self.version = version
        self.max_entries = max_entries
        self.generation: tuple[int, ...] | None = None
        self.entries: OrderedDict[Hashable, Any] = OrderedDict()
        self.computing: dict[tuple, threading.Lock] = {}
        self.lock = threading.Lock()

    def _kept(self, generation: tuple[int, ...], key: Hashable) -> tuple[bool, Any]:
        with self.lock:
            if generation != self.generation:
                return False, None
            if key in self.entries:
                self.entries.move_to_end(key)
                return True, self.entries[key]
            return False, None

    def peek(self, key: Hashable) -> tuple[bool, Any]:
        """(True, the value) when one is kept for ``key`` in the current generation, else (False,
        None): nothing is computed (so it never touches the store but for the generation)."""
        values = self.peek_all((key,))
        return (True, values[0]) if values is not None else (False, None)

    def peek_all(self, keys: tuple[Hashable, ...]) -> list[Any] | None:
        """The values kept for every one of ``keys`` in the current generation (read once), or
        None when any one is not kept: nothing is computed."""
        if self.version is None:
            return None
        generation = self.version.signature(SHOWN_TABLES)
        values = []
        for key in keys:
            found, value = self._kept(generation, key)
            if not found:
                return None
            values.append(value)
        return values

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        if self.version is None:
            return compute()
        generation = self.version.signature(SHOWN_TABLES)
        with self.lock:
            if generation != self.generation:
                self.entries.clear()
                self.generation = generation
            gate = self.computing.setdefault((generation, key), threading.Lock())
        try:
            with gate:
                found, value = self._kept(generation, key)
                if not found:
                    value = compute()
                    self._keep(generation, key, value)
        finally:   # a failed compute (the store busy, say) leaves no gate behind
            with self.lock:
                self.computing.pop((generation, key), None)
        return value

    def _keep(self, generation: tuple[int, ...], key: Hashable, value: Any) -> None:
        with self.lock:
            if generation == self.generation:
                self.entries[key] = value
                while len(self.entries) > self.max_entries:
                    self.entries.popitem(last=False)


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


class StateTexts:
    """Texts (a claim's JSON, by uid) kept under one state of the tables they are made of: all
    of them are valid while that state holds and none after, so a new state starts afresh.
    Reading a page's worth is one dictionary lookup per text, without a lock (a state and its
    texts are replaced together, never edited in place but for additions)."""

    def __init__(self, enabled: bool = True, max_entries: int = 50_000) -> None:
        self.enabled = enabled
        self.max_entries = max_entries
        self.kept: tuple[Hashable, dict[str, bytes]] = (None, {})

    def get_all(self, keys: list[str], state: Hashable) -> list[bytes] | None:
        """The texts of ``keys`` under ``state``, or None when any one is not kept."""
        kept_state, texts = self.kept
        if state is None or kept_state != state:
            return None
        try:
            return [texts[key] for key in keys]
        except KeyError:
            return None

    def put(self, key: str, state: Hashable, text: bytes) -> None:
        if not self.enabled or state is None:
            return
        kept_state, texts = self.kept
        if kept_state != state or len(texts) >= self.max_entries:
            texts = {}
            self.kept = (state, texts)
        texts[key] = text


class Answer(NamedTuple):
    """A kept answer: the signature of its tables when it was computed, what it is made of by a
    finer measure when its path has one (:attr:`ResponseCache.content_versions`), and the answer."""

    signature: tuple[int, ...]
    content: Hashable
    status: int
    headers: list
    body: bytes


class ResponseCache:
    """ASGI middleware: see the module doc.

    ``content_versions`` maps a path prefix to a function of the rest of the path (one segment)
    giving a comparable value of everything the page there shows (an article page:
    ``Store.article_version``). When a commit moves its tables' signature, a kept answer whose
    content value is still the same is served again (and kept under the new signature) instead of
    being computed again: a new article's commits leave the pages of the other articles."""

    def __init__(self, app, store: Any = None, enabled: bool = True, max_bytes: int = MAX_BYTES,
                 content_versions: dict[str, Callable[[str], Hashable]] | None = None,
                 version: DataVersion | None = None) -> None:
        self.app = app
        # ``version``: the app's change signal, shared (and closed at shutdown) by the app
        if version is None and enabled and store is not None:
            version = DataVersion.for_store(store)
        self.version = version if enabled else None
        self.max_bytes = max_bytes
        self.content_versions = content_versions or {}
        self.entries: OrderedDict[tuple, Answer] = OrderedDict()
        self.bytes = 0
        self.lock = threading.Lock()
        #: answers being computed: key -> (signature, the future the waiting requests share)
        self.computing: dict[tuple, tuple[tuple[int, ...], asyncio.Future]] = {}

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

    def _content_measure(self, path: str) -> Callable[[], Hashable] | None:
        """What reads the content value of the page at ``path`` now (None: its path has no such
        measure); an unreadable value is None, which only means: compute the page."""
        for prefix, version_of in self.content_versions.items():
            rest = path[len(prefix):]
            if path.startswith(prefix) and rest and "/" not in rest:
                return partial(_value_or_none, version_of, rest)
        return None

    def _lookup(self, key: tuple, signature: tuple[int, ...]) -> Answer | None:
        """The answer kept for ``key`` under the tables' current ``signature``, if any."""
        with self.lock:
            hit = self.entries.get(key)
            if hit is not None and hit.signature == signature:
                self.entries.move_to_end(key)
                return hit
        return None

    def _same_content(self, key: tuple, signature: tuple[int, ...], content: Hashable) -> Answer | None:
        """The answer kept for ``key`` under an older signature when what it shows (``content``,
        read now) is unchanged: kept again under the tables' new ``signature``."""
        with self.lock:
            hit = self.entries.get(key)
        if hit is None or hit.content is None or hit.content != content:
            return None
        hit = hit._replace(signature=signature)  # the same content under the tables' new state
        with self.lock:
            if key in self.entries:
                self.entries[key] = hit
                self.entries.move_to_end(key)
        return hit

    async def __call__(self, scope, receive, send):
        if self.version is None or not self._cacheable(scope):
            return await self.app(scope, receive, send)
        key = (scope.get("path", ""), scope.get("query_string", b""))
        signature = self.version.signature(shown_tables(key[0]))
        hit = self._lookup(key, signature)
        if hit is None:
            hit = await self._computed_by_another(key, signature)
        if hit is not None:
            await _send_answer(send, hit)
            return
        future: asyncio.Future = asyncio.get_running_loop().create_future()
        self.computing[key] = (signature, future)
        answer: Answer | None = None
        try:
            # the content value is read before the page is made (as the signature), in a worker
            # thread: a query, which the event loop must not wait for
            measure = self._content_measure(key[0])
            content = await run_in_threadpool(measure) if measure is not None else None
            answer = self._same_content(key, signature, content) if content is not None else None
            if answer is not None:
                await _send_answer(send, answer)
            else:
                answer = await self._compute(key, signature, content, scope, receive, send)
        finally:
            if self.computing.get(key, (None, None))[1] is future:
                del self.computing[key]
            future.set_result(answer)

    async def _computed_by_another(self, key: tuple, signature: tuple[int, ...]) -> Answer | None:
        """The answer of a request computing ``key`` under the same ``signature`` right now, when
        it gets one (None: nobody is, or its answer is not one to keep)."""
        running = self.computing.get(key)
        if running is None or running[0] != signature or running[1].get_loop() is not asyncio.get_running_loop():
            return None
        return await asyncio.shield(running[1])

    async def _compute(self, key: tuple, signature: tuple[int, ...], content: Hashable, scope, receive,
                       send) -> Answer | None:
        started: dict[str, Any] = {}
        chunks: list[bytes] = []
        kept: list[Answer] = []

        async def capture(message):
            if message["type"] == "http.response.start":
                started.update(status=message["status"], headers=list(message.get("headers", [])))
                message = dict(message, headers=started["headers"] + [(b"x-cache", b"miss")])
            elif message["type"] == "http.response.body" and started.get("status") == 200:
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and sum(map(len, chunks)) <= MAX_BODY:
                    headers = [(k, v) for k, v in started["headers"] if k.lower() not in (b"set-cookie", b"x-cache")]
                    kept.append(self._keep(key, Answer(signature, content, started["status"], headers,
                                                       b"".join(chunks))))
            await send(message)

        await self.app(scope, receive, capture)
        return kept[0] if kept else None

    def _keep(self, key: tuple, answer: Answer) -> Answer:
        with self.lock:
            old = self.entries.pop(key, None)
            if old is not None:
                self.bytes -= len(old.body)
            self.entries[key] = answer
            self.bytes += len(answer.body)
            while self.entries and (self.bytes > self.max_bytes or len(self.entries) > MAX_ENTRIES):
                _, dropped = self.entries.popitem(last=False)
                self.bytes -= len(dropped.body)
        return answer


def _value_or_none(version_of: Callable[[str], Hashable], rest: str) -> Hashable:
    try:
        return version_of(rest)
    except Exception:  # an unreadable version only means: compute the page
        return None


async def _send_answer(send, answer: Answer) -> None:
    """Send a kept answer, marked as a cache hit."""
    await send({"type": "http.response.start", "status": answer.status, "headers": answer.headers + [(b"x-cache", b"hit")]})
    await send({"type": "http.response.body", "body": answer.body})
