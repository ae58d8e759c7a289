"""Quotation marks in a report: where quotations open and close, and how much of a span is quoted.

Used by the attribution stage (direct / indirect / mixed quotes) and the report context (a
quotation continued over several sentences keeps its speaker).
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token

__all__ = ["quote_regions", "quoted_chars", "in_quote", "has_number", "opening_of_closed_quote", "CLOSE_Q", "OPEN_Q"]

OPEN_Q = "“«„"

CLOSE_Q = "”»"

_QUOTE_CHARS = re.compile(r"``|''|[\"“”«»„]")  # also the ASCII ``...'' and ''...'' conventions

_NUMERIC_ENTS = {"CARDINAL", "MONEY", "QUANTITY", "PERCENT"}


def _straight_role(text: str, start: int, end: int) -> str:
    """Whether a straight quote opens or closes, from its neighbours: "open" after a space or
    the start and before a word; "close" after a word or punctuation and before a space,
    punctuation or the end; else "toggle"."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if (before.isspace() or before in "([{—–-") and not after.isspace():
        return "open"
    if not before.isspace() and (after.isspace() or after in ".,;:!?)]}—–-"):
        return "close"
    return "toggle"


def quote_regions(text: str) -> list[tuple[int, int]]:
    """[open, close) offsets of quotations (curly, guillemets, straight double quotes, ``...'' and ''...'').

    A straight quote opens or closes according to its neighbours; a quotation still open when
    another one opens (the closing mark missing, or a quotation running over paragraphs, whose
    paragraphs each open with a mark) ends at the line break before the new one."""
    regions = []
    open_at: int | None = None

    def close(at: int) -> None:
        nonlocal open_at
        if open_at is not None and at > open_at:
            regions.append((open_at, at))
        open_at = None

    for m in _QUOTE_CHARS.finditer(text):
        ch, pos = m.group(0), m.start()
        role = "open" if ch in OPEN_Q or ch == "``" else "close" if ch in CLOSE_Q else _straight_role(text, pos, m.end())
        if role == "toggle":
            role = "open" if open_at is None else "close"
        if role == "open":
            if open_at is not None:
                brk = text.rfind("\n", open_at, pos)
                close(brk if brk > open_at else pos)
            open_at = pos
        elif open_at is not None:
            close(m.end())
    if open_at is not None:
        brk = text.find("\n", open_at)
        close(brk if brk > 0 else len(text))
    return regions


def quoted_chars(regions: list[tuple[int, int]], starts: list[int], s: int, e: int, min_words: int = 2,
                 text: str = "") -> int:
    """Characters of [s, e) inside quotations of at least ``min_words`` words."""
    i = max(0, bisect.bisect_right(starts, s) - 1)
    n = 0
    while i < len(regions) and regions[i][0] < e:
        a, b = regions[i]
        lo, hi = max(a, s), min(b, e)
        if hi > lo and len(text[a:b].split()) >= min_words:
            n += hi - lo
        i += 1
    return n


def in_quote(regions: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    i = bisect.bisect_right(starts, pos) - 1
    return i >= 0 and regions[i][0] < pos < regions[i][1]


def has_number(doc: Doc, lo: int, hi: int) -> bool:
    return any(doc[j].ent_type_ in _NUMERIC_ENTS or (doc[j].like_num and doc[j].ent_type_ not in ("DATE", "TIME", "ORDINAL"))
               for j in range(lo, hi))


_CLOSING_TOKENS = frozenset({'"', "”", "''", "’"})
_OPENING_TOKENS = frozenset({'"', "“", "``", "‘"})
#: how far back (tokens) the opening of a quote that a word closes is looked for
_QUOTE_REACH = 120


def opening_of_closed_quote(tok: Token) -> int:
    """Where to look back from for the speaker a pronoun names: the opening of the quote it
    closes ('"Lithuanian security forces use force ...," it stated.' — the forces are what the
    quote speaks of, not who speaks), else the pronoun's own offset."""
    doc = tok.doc
    j = tok.i - 1
    while j >= 0 and doc[j].text == ",":
        j -= 1
    if j < 0 or doc[j].text not in _CLOSING_TOKENS:
        return tok.idx
    for k in range(j - 1, max(-1, j - _QUOTE_REACH), -1):
        if doc[k].text in _OPENING_TOKENS:
            return doc[k].idx
    return tok.idx
