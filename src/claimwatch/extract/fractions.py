"""Fractions written in words: "half", "a quarter", "two-thirds", "three quarters", "one in five".

``find_fractions(text)`` returns every fraction phrase with its value (0.5, 0.25 ...) and SPEC §3
bounds under a leading qualifier ("about half" -> approximately). A fraction followed by "a
percent" / "a per cent" is a percentage ("half a percent" -> 0.5, ``percent=True``). Fractions that
are part of a number ("two and a half", "half a dozen") belong to the number grammar
(:mod:`claimwatch.extract.numbers`) and are skipped by the caller where the two overlap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import bounds_for, qualifier_before

__all__ = ["Fraction", "find_fractions"]

_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                 "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7,
                 "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9}
_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "twenty": 20, "hundred": 100}
_DEN = "|".join(sorted(_DENOMINATORS, key=len, reverse=True))
_NUM = "|".join(sorted(_NUMERATORS, key=len, reverse=True))
_W = "|".join(sorted(_WORDS, key=len, reverse=True))
_FRACTION = re.compile(
    rf"(?<![\w-])(?:(?P<num>{_NUM})[\s-]+(?P<den>{_DEN})|(?P<half>half)(?!\s+(?:a\s+)?(?:dozen|hundred|thousand|"
    rf"million|billion)\b)|(?P<a>\d+|{_W})\s+(?:in|out\s+of)(?:\s+every)?\s+(?P<b>\d+|{_W}))(?![\w-])", re.I)
_PERCENT_AFTER = re.compile(r"\s+(?:a\s+)?(?:percent|per\s+cent)(?![\w])|\s*(?:a\s+)?percentage\s+points?(?![\w])",
                            re.I)


@dataclass(frozen=True)
class Fraction:
    span: tuple[int, int]
    text: str
    value: float
    low: float | None
    best: float | None
    high: float | None
    qualifier: str
    percent: bool = False


def _value(m: re.Match) -> float | None:
    if m.group("half"):
        return 0.5
    if m.group("den"):
        num = _NUMERATORS[m.group("num").lower()]
        den = _DENOMINATORS[m.group("den").lower()]
        if num >= den or (num > 1 and not m.group("den").lower().endswith("s") and den != 2):
            return None  # "five fourths", "two third": not a proper fraction as written
        return round(num / den, 6)
    a, b = (int(x) if x.isdigit() else _WORDS[x.lower()] for x in (m.group("a"), m.group("b")))
    return round(a / b, 6) if 0 < a < b else None


_FRACTION_OF = re.compile(r"\s+(?:of|the|an?)\b|\s*(?:[,.;:)]|$)", re.I)


def _singular(m: re.Match) -> bool:
    return bool(m.group("half")) or bool(m.group("den") and m.group("num").lower() in ("a", "an", "one"))


def find_fractions(text: str) -> list[Fraction]:
    """Every fraction phrase of ``text``, in order; spans slice ``text`` exactly."""
    out: list[Fraction] = []
    for m in _FRACTION.finditer(text):
        value = _value(m)
        if value is None:
            continue
        start, end = m.start(), m.end()
        pct = _PERCENT_AFTER.match(text, end)
        if pct:
            end = pct.end()  # "half a percent": 0.5 percent
        elif _singular(m) and not _FRACTION_OF.match(text, end):
            continue  # "a third attempt", "half time": an ordinal or an adjective, not a share
        qualifier, qs = qualifier_before(text, start)
        qualifier = qualifier or "exact"
        low, best, high = bounds_for(value, qualifier)
        if qualifier in ("approximately", "almost"):  # keep fractional bounds (0.9 x 0.5 = 0.45)
            low = round(0.9 * value, 6)
            high = round(1.1 * value, 6) if qualifier == "approximately" else best
        out.append(Fraction((qs, end), text[qs:end], value, low, best, high, qualifier, bool(pct)))
    return out
