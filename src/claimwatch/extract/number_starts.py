"""Where a number phrase can start, found in one cheap pass over a text.

Python's ``re`` tries the whole number grammar (:mod:`claimwatch.extract.numbers`) at the start of
every word of a text, and most words start none of its alternatives. A match of the grammar starts
after no word character, on a digit, a sign or currency symbol, or on a run of letters that is one
of the grammar's first words ("three", "dozens", "USD", "a" ...). :class:`StartIndex` lists those
places once per text; :meth:`StartIndex.search` runs the grammar only there and returns what
``pattern.search(text, pos)`` returns (``tests/extract/test_number_starts.py`` compares the two).
Runs of letters outside ASCII are always kept (case-insensitive matching folds some of them onto
ASCII letters).
"""

from __future__ import annotations

import re
from bisect import bisect_left

__all__ = ["StartIndex"]

#: a place no word character (nor any of the grammar's glue characters) precedes: a run of letters,
#: or a digit, sign or currency symbol
_CANDIDATE = re.compile(r"(?<![\w–.,/$€£¥₴₽₹#+])(?:(?P<word>[^\W\d_]+)|[\d+($€£¥₴₽₹])")


class StartIndex:
    """The places of one text where a match of a grammar whose first words are ``first_words``
    (lower case) can start."""

    def __init__(self, text: str, first_words: frozenset[str]) -> None:
        self.starts = [m.start() for m in _CANDIDATE.finditer(text)
                       if (word := m.group("word")) is None or not word.isascii() or word.lower() in first_words]

    def search(self, pattern: re.Pattern, text: str, pos: int) -> re.Match | None:
        """``pattern.search(text, pos)``, trying ``pattern`` only at the listed places."""
        starts = self.starts
        for k in range(bisect_left(starts, pos), len(starts)):
            m = pattern.match(text, starts[k])
            if m:
                return m
        return None
