"""The text the NLP pipeline reads: NFC-normalised, invisible format characters removed —
with a map back to the original, so every span still points into ``Article.text`` as ingested.

A zero-width space inside a figure ("4\\u200b0") or a decomposed accent ("e\\u0301") would
otherwise split a number or a word in two. :func:`normalise_text` returns a :class:`TextMap`:
``clean`` is what spaCy sees; :meth:`TextMap.to_original` turns a ``[start, end)`` span of
``clean`` into the span of ``original`` that produced it. Removed characters at the edges of a
span stay outside it; those inside stay inside ("4\\u200b0" is the span of the figure 40).

Removed: every character of Unicode general category ``Cf`` (format: zero-width space, joiners,
word joiner, byte-order mark, soft hyphen, directional marks and isolates...). Normalised: NFC,
applied per cluster of a character and the characters that compose with it (combining marks,
Hangul jamo, the few other second-starters of the composition table), so each character of
``clean`` comes from one contiguous run of ``original``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["TextMap", "normalise_text", "is_invisible"]

Span = tuple[int, int]


def is_invisible(ch: str) -> bool:
    """A format character (category Cf) — removed before number parsing."""
    return unicodedata.category(ch) == "Cf"


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _has_invisible(text: str) -> bool:
    """Whether ``text`` holds a format character. No ASCII character is one, so only the distinct
    other characters are looked up (a look-up per character cost more than the rest of ingestion)."""
    return any(is_invisible(ch) for ch in set(_NON_ASCII.findall(text)))


#: no code point above U+2FA1D (the last CJK compatibility ideograph) has a canonical decomposition;
#: stopping there reads a sixth of the code space (a second, not six, on first use)
_LAST_DECOMPOSABLE = 0x2FA1D


@lru_cache(maxsize=1)
def _second_starters() -> frozenset[str]:
    """Characters with combining class 0 that NFC composes with the character before them
    (read from the Unicode database on first use: only non-NFC texts need it)."""
    out = {chr(c) for c in range(0x1161, 0x1176)} | {chr(c) for c in range(0x11A8, 0x11C3)}  # Hangul V, T jamo
    for code in range(_LAST_DECOMPOSABLE + 1):
        decomposition = unicodedata.decomposition(chr(code))
        if not decomposition or decomposition.startswith("<"):
            continue
        parts = decomposition.split()
        if len(parts) == 2:
            second = chr(int(parts[1], 16))
            if unicodedata.combining(second) == 0:
                out.add(second)
    return frozenset(out)


@dataclass(frozen=True)
class TextMap:
    """``clean`` (what the pipeline reads) and, per character of it, the ``[start, end)`` run of
    ``original`` it came from. ``starts``/``ends`` are empty when nothing changed."""

    original: str
    clean: str
    starts: tuple[int, ...] = ()
    ends: tuple[int, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.starts) or self.clean != self.original

    def to_original(self, span: Span) -> Span:
        """The span of ``original`` that ``span`` (of ``clean``) covers."""
        start, end = span
        if not self.starts:
            return (start, end)
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return (pos, pos)
        return (self.starts[start], self.ends[end - 1])


def _clusters(text: str) -> list[tuple[int, int]]:
    """``[start, end)`` runs of ``text``: a starter and what may compose with it. Format
    characters are skipped — they neither start nor break a cluster ("\u1100\u200b\u1161" is one
    syllable) — and stay outside a run unless they fall inside it."""
    seconds: frozenset[str] | None = None
    out: list[tuple[int, int]] = []
    for i, ch in enumerate(text):
        if is_invisible(ch):
            continue
        joins = False
        if out:
            if unicodedata.combining(ch):
                joins = True
            elif ord(ch) >= 0x300:  # every second-starter is above U+0300
                seconds = seconds if seconds is not None else _second_starters()
                joins = ch in seconds
        if joins:
            out[-1] = (out[-1][0], i + 1)
        else:
            out.append((i, i + 1))
    return out


def normalise_text(text: str) -> TextMap:
    """The NFC text without format characters, with its map back to ``text``."""
    if unicodedata.is_normalized("NFC", text) and not _has_invisible(text):
        return TextMap(original=text, clean=text)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for a, b in _clusters(text):
        kept = "".join(ch for ch in text[a:b] if not is_invisible(ch))
        piece = unicodedata.normalize("NFC", kept)
        pieces.append(piece)
        starts.extend([a] * len(piece))
        ends.extend([b] * len(piece))
    return TextMap(original=text, clean="".join(pieces), starts=tuple(starts), ends=tuple(ends))
