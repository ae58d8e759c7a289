"""Batch input: any mix of files, folders, JSONL, RSS/Atom feeds (file or URL), WARC(.gz),
URL lists and single URLs → a stream of :class:`Document` or :class:`Reject` (the batch goes on).

Folders are walked without following symbolic links: a link inside a folder, and any entry that
is not a regular file or a folder (FIFO, socket, device), is a reject with its reason, never read.
A path named on its own is followed if it is a link, but must still be a regular file or a folder.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import ClaimwatchError, MalformedInput, TooLarge, UnreadableInput
from ..settings import Settings, load_settings
from .document import Document, Reject
from .feeds import iter_feed, looks_like_feed
from .fetch import fetch, is_url
from .readers import read_bytes, read_html
from .validate import check_text, file_kind, read_limited
from .warc import is_warc, iter_warc

__all__ = ["iter_inputs", "iter_path", "iter_jsonl", "iter_url"]

_SKIP_SUFFIXES = (".gold.json", ".ann")


def iter_inputs(inputs: Iterable[str | Path], *, fetch_pages: bool = True,
                skip_url: Callable[[str], bool] | None = None,
                settings: Settings | None = None) -> Iterator[Document | Reject]:
    """Every article in ``inputs``; ``skip_url(url)`` → True skips feed items / URLs already seen.
    Size limits come from ``settings`` (the environment's when None)."""
    import httpx

    from .fetch import TIMEOUT, USER_AGENT

    settings = settings or load_settings()
    client = httpx.Client(timeout=TIMEOUT, follow_redirects=True, headers={"User-Agent": USER_AGENT})
    try:
        for item in inputs:
            s = str(item)
            if is_url(s):
                yield from iter_url(s, fetch_pages=fetch_pages, skip_url=skip_url, client=client, settings=settings)
            else:
                yield from iter_path(Path(s), fetch_pages=fetch_pages, skip_url=skip_url, client=client,
                                     settings=settings)
    finally:
        client.close()


def iter_url(url: str, *, fetch_pages: bool = True, skip_url=None, client=None,
             settings: Settings | None = None) -> Iterator[Document | Reject]:
    """A feed URL (its items) or an article URL."""
    if skip_url is not None and skip_url(url):
        return
    try:
        data, ctype, final = fetch(url, client=client, settings=settings)
    except ClaimwatchError as exc:
        yield Reject.from_error(exc, url)
        return
    if looks_like_feed(data, url) or (ctype and ("rss" in ctype or "atom" in ctype)):
        yield from iter_feed(data, url, fetch_pages=fetch_pages, skip=skip_url, client=client, settings=settings)
        return
    try:
        yield read_bytes(data, url, content_type=ctype, url=final, settings=settings)
    except ClaimwatchError as exc:
        yield Reject.from_error(exc, url)


def _walk(folder: Path) -> Iterator[Path | Reject]:
    """Files under ``folder`` in sorted order, depth first, hidden entries skipped; symbolic
    links and special files become rejects (never followed, never opened)."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Reject.from_error(UnreadableInput(str(folder), detail=exc.strerror or str(exc)), str(folder))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        if entry.is_symlink():
            yield Reject.from_error(UnreadableInput(entry.path, detail="a symbolic link, not followed"), entry.path)
        elif entry.is_dir(follow_symlinks=False):
            yield from _walk(path)
        elif not entry.is_file(follow_symlinks=False):
            kind = file_kind(entry.stat(follow_symlinks=False).st_mode)
            yield Reject.from_error(UnreadableInput(entry.path, detail=f"not a regular file (a {kind})"), entry.path)
        elif not entry.name.endswith(_SKIP_SUFFIXES):
            yield path


def iter_path(path: Path, *, fetch_pages: bool = True, skip_url=None, client=None,
              settings: Settings | None = None, follow_symlinks: bool = True) -> Iterator[Document | Reject]:
    settings = settings or load_settings()
    name = str(path)
    try:
        mode = path.stat().st_mode if follow_symlinks else path.lstat().st_mode
    except OSError as exc:
        missing = isinstance(exc, FileNotFoundError)
        detail = "no such file or directory" if missing else (exc.strerror or str(exc))
        yield Reject.from_error(UnreadableInput(name, detail=detail), name)
        return
    if stat.S_ISDIR(mode):
        for item in _walk(path):
            if isinstance(item, Reject):
                yield item
            else:
                yield from iter_path(item, fetch_pages=fetch_pages, skip_url=skip_url, client=client,
                                     settings=settings, follow_symlinks=False)
        return
    if not stat.S_ISREG(mode):
        yield Reject.from_error(UnreadableInput(name, detail=f"not a regular file (a {file_kind(mode)})"), name)
        return
    try:
        yield from _iter_file(path, fetch_pages=fetch_pages, skip_url=skip_url, client=client, settings=settings,
                              follow_symlinks=follow_symlinks)
    except ClaimwatchError as exc:
        yield Reject.from_error(exc, name)
    except OSError as exc:
        yield Reject.from_error(UnreadableInput(name, detail=exc.strerror or str(exc)), name)


def _iter_file(path: Path, *, fetch_pages: bool, skip_url, client, settings: Settings,
               follow_symlinks: bool) -> Iterator[Document | Reject]:
    name = str(path)
    if is_warc(path):
        yield from iter_warc(path, settings=settings)
        return
    if path.suffix.lower() in (".jsonl", ".ndjson"):
        yield from iter_jsonl(path, settings=settings)
        return
    data = read_limited(path, settings=settings, follow_symlinks=follow_symlinks)
    if path.suffix.lower() in (".rss", ".atom", ".xml") or looks_like_feed(data, name):
        if looks_like_feed(data, name) or path.suffix.lower() != ".xml":
            yield from iter_feed(data, name, fetch_pages=fetch_pages, skip=skip_url, client=client,
                                 settings=settings)
            return
    if path.suffix.lower() in (".urls", ".txt") and _is_url_list(data):
        for line in data.decode("utf-8").splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                yield from iter_url(line, fetch_pages=fetch_pages, skip_url=skip_url, client=client,
                                    settings=settings)
        return
    yield read_bytes(data, name, settings=settings)


def _is_url_list(data: bytes) -> bool:
    try:
        lines = [ln.strip() for ln in data.decode("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    except UnicodeDecodeError:
        return False
    return bool(lines) and all(is_url(ln) and " " not in ln for ln in lines)


def iter_jsonl(path: Path, *, settings: Settings | None = None) -> Iterator[Document | Reject]:
    """One article per line: ``text`` (or ``html``) plus optional url, title, published, outlet.
    A line over ``max_input_bytes`` is refused (E105) without being held whole."""
    settings = settings or load_settings()
    limit = settings.max_input_bytes
    with open(path, "rb") as fh:
        lineno = 0
        while True:
            raw = fh.readline(limit + 1)
            if not raw:
                break
            lineno += 1
            name = f"{path}:{lineno}"
            if len(raw) > limit and not raw.endswith(b"\n"):
                size = len(raw) + _skip_line(fh)
                yield Reject.from_error(TooLarge(name, size=size, limit=limit), name)
                continue
            if not raw.strip():
                continue
            try:
                yield _jsonl_doc(raw, name, settings)
            except ClaimwatchError as exc:
                yield Reject.from_error(exc, name)


def _skip_line(fh) -> int:
    """Read past the rest of an over-long line; returns how many bytes it had."""
    skipped = 0
    while True:
        chunk = fh.readline(1 << 20)
        skipped += len(chunk)
        if not chunk or chunk.endswith(b"\n"):
            return skipped


def _jsonl_doc(raw: bytes, name: str, settings: Settings) -> Document:
    limit = settings.max_input_bytes
    if len(raw) > limit:
        raise TooLarge(name, size=len(raw), limit=limit)
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise MalformedInput(name, kind="JSONL line", detail=f"not UTF-8 (byte 0x{raw[exc.start]:02x} at {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise MalformedInput(name, kind="JSONL line", detail=f"{exc.msg} at column {exc.colno}") from None
    if not isinstance(obj, dict):
        raise MalformedInput(name, kind="JSONL line", detail=f"a JSON {type(obj).__name__}, not an object")
    meta = {k: (str(obj[k]) if obj.get(k) is not None else None) for k in ("url", "title", "published", "outlet")}
    if isinstance(obj.get("html"), str) and not isinstance(obj.get("text"), str):
        doc = read_html(obj["html"].encode("utf-8"), name, url=meta["url"], settings=settings)
        for k, v in meta.items():
            if v:
                setattr(doc, k, v)
        return doc
    text = obj.get("text")
    if not isinstance(text, str):
        raise MalformedInput(name, kind="JSONL line", detail='no "text" string')
    check_text(text, name, settings=settings)
    if meta["published"]:
        meta["published"] = meta["published"][:10]
    return Document(text=text, name=name, **meta)
