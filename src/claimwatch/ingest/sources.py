"""Batch input: any mix of files, folders, JSONL, RSS/Atom feeds (file or URL), WARC(.gz),
URL lists and single URLs → a stream of :class:`Document` or :class:`Reject` (the batch goes on)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import ClaimwatchError, MalformedInput, TooLarge, UnreadableInput
from ..settings import load_settings
from .document import Document, Reject
from .feeds import iter_feed, looks_like_feed
from .fetch import fetch, is_url
from .readers import read_bytes, read_html
from .validate import check_text, read_limited
from .warc import is_warc, iter_warc

__all__ = ["iter_inputs", "iter_path", "iter_jsonl", "iter_url"]

_SKIP_SUFFIXES = (".gold.json", ".ann")


def iter_inputs(inputs: Iterable[str | Path], *, fetch_pages: bool = True,
                skip_url: Callable[[str], bool] | None = None) -> Iterator[Document | Reject]:
    """Every article in ``inputs``; ``skip_url(url)`` → True skips feed items / URLs already seen."""
    import httpx

    from .fetch import TIMEOUT, USER_AGENT

    client = httpx.Client(timeout=TIMEOUT, follow_redirects=True, headers={"User-Agent": USER_AGENT})
    try:
        for item in inputs:
            s = str(item)
            if is_url(s):
                yield from iter_url(s, fetch_pages=fetch_pages, skip_url=skip_url, client=client)
            else:
                yield from iter_path(Path(s), fetch_pages=fetch_pages, skip_url=skip_url, client=client)
    finally:
        client.close()


def iter_url(url: str, *, fetch_pages: bool = True, skip_url=None, client=None) -> Iterator[Document | Reject]:
    """A feed URL (its items) or an article URL."""
    if skip_url is not None and skip_url(url):
        return
    try:
        data, ctype, final = fetch(url, client=client)
    except ClaimwatchError as exc:
        yield Reject.from_error(exc, url)
        return
    if looks_like_feed(data, url) or (ctype and ("rss" in ctype or "atom" in ctype)):
        yield from iter_feed(data, url, fetch_pages=fetch_pages, skip=skip_url, client=client)
        return
    try:
        yield read_bytes(data, url, content_type=ctype, url=final)
    except ClaimwatchError as exc:
        yield Reject.from_error(exc, url)


def iter_path(path: Path, *, fetch_pages: bool = True, skip_url=None, client=None) -> Iterator[Document | Reject]:
    name = str(path)
    if path.is_dir():
        for child in sorted(path.rglob("*")):
            if child.is_file() and not any(part.startswith(".") for part in child.relative_to(path).parts) \
                    and not child.name.endswith(_SKIP_SUFFIXES):
                yield from iter_path(child, fetch_pages=fetch_pages, skip_url=skip_url, client=client)
        return
    if not path.exists():
        yield Reject.from_error(UnreadableInput(name, detail="no such file or directory"), name)
        return
    try:
        if is_warc(path):
            yield from iter_warc(path)
            return
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            yield from iter_jsonl(path)
            return
        data = read_limited(path)
        if path.suffix.lower() in (".rss", ".atom", ".xml") or looks_like_feed(data, name):
            if looks_like_feed(data, name) or path.suffix.lower() != ".xml":
                yield from iter_feed(data, name, fetch_pages=fetch_pages, skip=skip_url, client=client)
                return
        if path.suffix.lower() in (".urls", ".txt") and _is_url_list(data):
            for line in data.decode("utf-8").splitlines():
                line = line.strip()
                if line and not line.startswith("#"):
                    yield from iter_url(line, fetch_pages=fetch_pages, skip_url=skip_url, client=client)
            return
        yield read_bytes(data, name)
    except ClaimwatchError as exc:
        yield Reject.from_error(exc, name)
    except OSError as exc:
        yield Reject.from_error(UnreadableInput(name, detail=exc.strerror or str(exc)), name)


def _is_url_list(data: bytes) -> bool:
    try:
        lines = [ln.strip() for ln in data.decode("utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    except UnicodeDecodeError:
        return False
    return bool(lines) and all(is_url(ln) and " " not in ln for ln in lines)


def iter_jsonl(path: Path) -> Iterator[Document | Reject]:
    """One article per line: ``text`` (or ``html``) plus optional url, title, published, outlet."""
    limit = load_settings().max_input_bytes
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            name = f"{path}:{lineno}"
            if not raw.strip():
                continue
            try:
                yield _jsonl_doc(raw, name, limit)
            except ClaimwatchError as exc:
                yield Reject.from_error(exc, name)


def _jsonl_doc(raw: bytes, name: str, limit: int) -> Document:
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
        doc = read_html(obj["html"].encode("utf-8"), name, url=meta["url"])
        for k, v in meta.items():
            if v:
                setattr(doc, k, v)
        return doc
    text = obj.get("text")
    if not isinstance(text, str):
        raise MalformedInput(name, kind="JSONL line", detail='no "text" string')
    check_text(text, name)
    if meta["published"]:
        meta["published"] = meta["published"][:10]
    return Document(text=text, name=name, **meta)
