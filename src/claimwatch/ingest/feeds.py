"""RSS/Atom feeds (feedparser): one :class:`Document` per item.

An item whose feed carries the full text (``content:encoded`` / Atom ``content``) is read from
the feed; an item with only a summary is read from its page (fetched with httpx). Title, link,
date and the feed's title (as outlet) come from the feed when the page does not say better.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

from ..errors import ClaimwatchError, MalformedInput
from ..settings import Settings
from .document import Document, Reject
from .fetch import fetch
from .readers import read_bytes

__all__ = ["looks_like_feed", "iter_feed", "FULL_TEXT_CHARS"]

#: Item content at least this long (characters of HTML), or much longer than the item's summary, is
#: the full text; otherwise the item's page is fetched.
FULL_TEXT_CHARS = 600


def looks_like_feed(data: bytes, name: str = "") -> bool:
    if name.lower().endswith((".rss", ".atom")):
        return True
    head = data[:2048].lstrip().lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def _date(entry) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return time.strftime("%Y-%m-%d", value)
    return None


def iter_feed(data: bytes, name: str, *, fetch_pages: bool = True, skip: Callable[[str], bool] | None = None,
              client=None, settings: Settings | None = None) -> Iterator[Document | Reject]:
    """Items of a feed; a feed that cannot be parsed at all is one Reject."""
    import feedparser

    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo"):
            exc = parsed.get("bozo_exception")
            detail = " ".join(str(exc).split())[:200] if exc else "unparseable"
            yield Reject.from_error(MalformedInput(name, kind="feed", detail=detail), name)
        else:
            yield Reject.from_error(MalformedInput(name, kind="feed", detail="no items"), name)
        return
    outlet = (parsed.get("feed") or {}).get("title") or None
    exc = parsed.get("bozo_exception") if parsed.get("bozo") else None
    broken = exc is not None and type(exc).__name__ in ("SAXParseException", "SAXException")
    if broken:  # malformed XML: the feed is refused; items that still carry a link are read
        yield Reject.from_error(MalformedInput(name, kind="feed", detail=" ".join(str(exc).split())[:200]), name)
        entries = [e for e in entries if e.get("link")]
    for i, entry in enumerate(entries, 1):
        link = entry.get("link")
        item_name = link or f"{name}#{i}"
        if skip is not None and link and skip(link):
            continue
        try:
            yield _read_entry(entry, item_name, link, outlet, fetch_pages=fetch_pages, client=client,
                              settings=settings)
        except ClaimwatchError as exc:
            yield Reject.from_error(exc, item_name)


def _read_entry(entry, name: str, link: str | None, outlet: str | None, *, fetch_pages: bool, client,
                settings: Settings | None = None) -> Document:
    content = ""
    for c in entry.get("content") or []:
        if len(c.get("value") or "") > len(content):
            content = c.get("value") or ""
    summary = entry.get("summary") or ""
    doc: Document | None = None
    full = len(content) >= FULL_TEXT_CHARS or (content and len(content) > 2 * len(summary) + 100)
    if full or not (fetch_pages and link):
        body = content or summary
        if not body.strip():
            raise MalformedInput(name, kind="feed item", detail="no content and no link to fetch")
        doc = read_bytes(f"<html><body><article>{body}</article></body></html>".encode("utf-8"), name,
                         content_type="text/html; charset=utf-8", url=link, settings=settings)
        doc.outlet = outlet or doc.outlet  # read from the feed itself: the feed names the outlet
    else:
        data, ctype, final = fetch(link, client=client, settings=settings)
        doc = read_bytes(data, name, content_type=ctype, url=final, settings=settings)
    doc.url = link or doc.url
    doc.title = entry.get("title") or doc.title
    doc.published = _date(entry) or doc.published
    doc.outlet = doc.outlet or outlet
    return doc
