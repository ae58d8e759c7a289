"""Finding a pattern's matches from the places its matches can start, not at every character.

Python's ``re`` tries a pattern at every position of a text unless the pattern opens with a plain
literal (then it jumps between the literal's occurrences, several times faster). Many patterns
open with one of a few words behind a ``\\b`` or with a digit ("\\b(?:past|last|next)\\b",
"\\d{4}"), which ``re`` cannot jump to. :func:`literal_starts` reads those opening words off the
pattern; :class:`StartScan` finds them in a text with ``str.find`` (and the digits with one
pass), shared by every pattern run over the same text, and :meth:`StartScan.finditer_spans`
tries the pattern only there, keeping ``finditer``'s rule that a match starts after the previous
one ends — so it returns exactly the spans ``pattern.finditer(text)`` does.

Only a small, plain grammar is read (alternatives, non-capturing groups, ``\\b``, literal
letters, ``\\d``); for anything else :func:`literal_starts` answers None and the caller runs the
pattern over the whole text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["DIGIT", "alternatives", "literal_starts", "jumps_itself", "StartScan", "spans_at"]

#: the start of a match that opens with ``\d`` (any decimal digit)
DIGIT = "\\d"
_PLAIN = re.compile(r"[\w ’'-]")   # characters that stand for themselves (outside a character class)
_QUANTIFIERS = "?*+{"
_DIGITS = re.compile(r"\d+")


class _Unclosed(ValueError):
    """A character class opened and never closed."""


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth after it) of each character of ``pattern`` from ``start``
    that is neither escaped nor inside a character class; :class:`_Unclosed` on an open class."""
    depth, i = 0, start
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":
            i = _class_end(pattern, i)
            continue
        depth += (ch == "(") - (ch == ")")
        yield i, ch, depth
        i += 1


def _class_end(pattern: str, open_at: int) -> int:
    """The index just after the ``]`` closing the character class opened at ``open_at``: a ``]``
    first in the class (after an optional ``^``) or escaped is one of its characters."""
    i = open_at + 1
    i += pattern.startswith("^", i)
    i += pattern.startswith("]", i)
    while i < len(pattern):
        if pattern[i] == "\\":
            i += 2
        elif pattern[i] == "]":
            return i + 1
        else:
            i += 1
    raise _Unclosed(pattern)


def alternatives(pattern: str) -> list[str] | None:
    """``pattern``'s alternatives outside any group; None if its brackets do not balance."""
    out, start, depth = [], 0, 0
    try:
        for i, ch, depth in _structure(pattern):
            if depth < 0:
                return None
            if ch == "|" and depth == 0:
                out.append(pattern[start:i])
                start = i + 1
    except _Unclosed:
        return None
    return out + [pattern[start:]] if depth == 0 else None


def _group_end(pattern: str, open_at: int) -> int | None:
    """The index just after the ``)`` closing the group opened at ``open_at``."""
    try:
        return next((i + 1 for i, _, depth in _structure(pattern, open_at) if depth == 0), None)
    except _Unclosed:
        return None


def _alternative_starts(alt: str) -> frozenset[str] | None:
    """What every match of one alternative opens with: a literal word, a digit (:data:`DIGIT`),
    or one of a group's openings; None when that cannot be read off plainly."""
    while alt.startswith("\\b"):
        alt = alt[2:]      # a word boundary consumes nothing
    if alt.startswith("\\d"):
        optional = alt[2:3] in ("?", "*") or alt.startswith("{0", 2) or alt.startswith("{,", 2)
        return None if optional else frozenset({DIGIT})
    if alt.startswith("(?:"):
        end = _group_end(alt, 0)
        if end is None or alt[end:end + 1] in tuple(_QUANTIFIERS):
            return None     # an optional or repeated group: what follows it may open the match
        return literal_starts(alt[3:end - 1])
    n = 0
    while n < len(alt) and _PLAIN.fullmatch(alt[n]):
        n += 1
    if n < len(alt) and alt[n] in _QUANTIFIERS:
        n -= 1      # the last letter is optional or repeated: not part of every match
    return frozenset({alt[:n]}) if n > 0 else None


def literal_starts(pattern: str) -> frozenset[str] | None:
    """The literal words (and :data:`DIGIT`) one of which opens every match of ``pattern``, or
    None when the pattern is outside the plain grammar read here. Read case-sensitively."""
    alts = alternatives(pattern)
    if alts is None:
        return None
    out: set[str] = set()
    for alt in alts:
        starts = _alternative_starts(alt)
        if starts is None:
            return None
        out |= starts
    return frozenset(out)


def jumps_itself(pattern: str) -> bool:
    """Whether ``re`` jumps between the pattern's matches on its own: one alternative opening with
    a plain literal (no word boundary or group in front)."""
    alts = alternatives(pattern)
    return alts is not None and len(alts) == 1 and bool(_PLAIN.fullmatch(pattern[:1]))


class StartScan:
    """One text, with where each literal word and each digit occurs found once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: dict[str, list[int]] = {}

    def occurrences(self, word: str) -> list[int]:
        """Every position where ``word`` occurs (overlapping ones too); :data:`DIGIT`: every digit."""
        got = self._found.get(word)
        if got is None:
            got = self._digits() if word == DIGIT else self._find_all(word)
            self._found[word] = got
        return got

    def _find_all(self, word: str) -> list[int]:
        text, out = self.text, []
        i = text.find(word)
        while i >= 0:
            out.append(i)
            i = text.find(word, i + 1)
        return out

    def _digits(self) -> list[int]:
        return [i for m in _DIGITS.finditer(self.text) for i in range(m.start(), m.end())]

    def finditer_spans(self, pattern: re.Pattern, starts: frozenset[str]) -> list[tuple[int, int]]:
        """The spans of ``pattern.finditer(text)``, for a pattern whose every match opens with one
        of ``starts`` (:func:`literal_starts` of its source)."""
        return spans_at(pattern, self.text, sorted({i for word in starts for i in self.occurrences(word)}))


def spans_at(pattern: re.Pattern, text: str, places: Iterable[int]) -> list[tuple[int, int]]:
    """The spans ``pattern.finditer(text)`` finds, for a pattern whose every non-empty match starts
    at one of ``places`` (ascending; repeats allowed): tried only there, a match starting after
    the previous one ends, as ``finditer`` does."""
    out: list[tuple[int, int]] = []
    end = 0
    for i in places:
        if i < end:
            continue
        m = pattern.match(text, i)
        if m is not None and m.end() > i:
            out.append(m.span())
            end = m.end()
    return out
