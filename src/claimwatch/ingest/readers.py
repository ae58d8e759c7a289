"""Single-input readers: bytes or a file of plain text or HTML → :class:`Document`.

HTML goes through trafilatura (main text, boilerplate removed) with title, date
(htmldate underneath), site name and canonical URL from the page. Plain text is kept whole,
exactly as given: no line is ever dropped, so every span points into what was given. A first
line that reads as a headline (at most 20 words and 200 characters, no final sentence
punctuation, not a byline, followed by a blank line) is also recorded as the title; a longer
unpunctuated first line (a standfirst) or a byline is not a title.
All checks (size, binary, encoding, emptiness, language) go through ``validate.py``.
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import MalformedInput, TooLarge
from ..settings import Settings, load_settings
from .document import Document
from .validate import check_text, decode_bytes, read_limited

__all__ = ["read_bytes", "read_path", "read_html", "read_text", "looks_like_html", "split_title"]

_HTML_SNIFF = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|div|p|meta|title)[\s>/]", re.I)
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.I)
_SENTENCE_END = (".", "!", "?", ":", ";", "…", '"', "\u201d")
_HEADLINE_MAX_WORDS = 20
_BYLINE = re.compile(r"^(?:by|from|posted by|written by|updated|published)\b", re.I)


def looks_like_html(data: bytes, content_type: str | None = None, name: str = "") -> bool:
    if content_type:
        ct = content_type.lower()
        if "html" in ct or "xml" in ct and "xhtml" in ct:
            return True
        if ct.startswith("text/plain"):
            return False
    if name.lower().endswith((".html", ".htm", ".xhtml")):
        return True
    if name.lower().endswith(".txt"):
        return False
    return bool(_HTML_SNIFF.search(data[:4096]))


def split_title(text: str) -> tuple[str | None, str]:
    """``(title, body)``: the first line is a title when it reads as a headline — short (at most
    20 words, 200 characters), unpunctuated, not a byline, followed by a blank line — else None.
    The body is always the whole text: the headline line stays in it (never dropped)."""
    head, sep, rest = text.partition("\n\n")
    first = head.strip()
    if (sep and first and "\n" not in first and len(first) <= 200 and not first.endswith(_SENTENCE_END)
            and len(first.split()) <= _HEADLINE_MAX_WORDS and not _BYLINE.match(first) and rest.strip()):
        return first, text
    return None, text


def read_text(data: bytes, name: str, *, encoding: str | None = None, settings: Settings | None = None) -> Document:
    text = decode_bytes(data, name, encoding)
    title, body = split_title(text)
    check_text(body, name, settings=settings)
    return Document(text=body, title=title, name=name)


def read_html(data: bytes, name: str, *, url: str | None = None, encoding: str | None = None,
              settings: Settings | None = None) -> Document:
    import trafilatura

    if encoding is None:
        m = _CHARSET.search(data[:4096])
        if m:
            encoding = m.group(1).decode("ascii", "replace")
    html = decode_bytes(data, name, encoding)
    try:
        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_recall=True)
    except Exception as exc:  # trafilatura/lxml raise assorted errors on broken markup
        raise MalformedInput(name, kind="HTML", detail=" ".join(str(exc).split())[:200] or type(exc).__name__) from None
    raw = (getattr(doc, "text", None) or "") if doc is not None else ""
    title = getattr(doc, "title", None) if doc is not None else None
    lines = [ln.strip() for ln in raw.splitlines() if ln.strip()]
    if title and lines and lines[0] == title.strip():
        lines = lines[1:]
    body = "\n\n".join(lines)
    check_text(body, name, settings=settings)
    published = getattr(doc, "date", None) or None
    return Document(
        text=body,
        title=title or None,
        url=url or getattr(doc, "url", None) or None,
        published=published[:10] if published else None,
        outlet=getattr(doc, "sitename", None) or None,
        name=name,
    )


def read_bytes(data: bytes, name: str, *, content_type: str | None = None, url: str | None = None,
               settings: Settings | None = None) -> Document:
    """One article from raw bytes (text or HTML, sniffed); raises an :class:`~claimwatch.errors.InputError`.
    The limits are ``settings``' (the environment's when None)."""
    settings = settings or load_settings()
    limit = settings.max_input_bytes
    if len(data) > limit:
        raise TooLarge(name, size=len(data), limit=limit)
    encoding = None
    if content_type and "charset=" in content_type.lower():
        encoding = content_type.lower().split("charset=", 1)[1].split(";")[0].strip().strip("\"'") or None
    if looks_like_html(data, content_type, name):
        return read_html(data, name, url=url, encoding=encoding, settings=settings)
    doc = read_text(data, name, encoding=encoding, settings=settings)
    doc.url = url
    return doc


def read_path(path: str | Path, *, settings: Settings | None = None) -> Document:
    """One article from a .txt or .html file (a regular file: FIFOs and devices are refused)."""
    settings = settings or load_settings()
    p = Path(path)
    data = read_limited(p, settings=settings)
    return read_bytes(data, str(p), settings=settings)
