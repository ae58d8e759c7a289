"""Numerals and number words: the words of English numbers ("twelve", "twenty-five", "thousand",
"25th"), the patterns of a written number (digits with separators, a currency, a scale: "12 000",
"$15,000", "€2m", "1.5 million"), and the value of one number as written (:func:`parse_number`).
:mod:`.numbers` builds the number phrases of a text (qualifiers, ranges, magnitudes) on them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import TypeGuard

__all__ = ["UNITS", "TENS", "SCALES", "ORD_UNITS", "ORD_TENS", "ORD_SCALES", "SCALE_SUFFIX", "alternation",
           "NUMBER_WORDS", "WORDNUM", "CURRENCY", "SPACES", "DIGITS", "SCALE", "NUMERIC", "ORDINAL", "WORD_TOKEN",
           "clean_value", "word_value", "numeric_value", "ordinal_value", "in_range", "parse_number"]

_MAX_VALUE = 1e15  # larger "numbers" are identifiers, not quantities

# --- number words -------------------------------------------------------------------------------
UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
ORD_UNITS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split())}
ORD_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split())}
ORD_SCALES = {"hundredth": 100, "thousandth": 1000, "millionth": 10**6}
SCALE_SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12,
                "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
                "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}  # the Indian scales


def alternation(words) -> str:
    """A regex alternation of ``words``, longest first (so "fourteen" is tried before "four")."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


NUMBER_WORDS = alternation(list(UNITS) + list(TENS) + list(SCALES))
WORDNUM = (
    rf"(?:half\s+a\s+(?:dozen|hundred|thousand|million|billion)"
    rf"|(?:a\s+)?(?:{NUMBER_WORDS}|dozen)(?:(?:\s*-\s*|\s+|\s+and\s+)(?:{NUMBER_WORDS}|dozen))*)"
)
CURRENCY = r"(?:USD\s?\$?\s?|EUR\s?|GBP\s?|UAH\s?|RUB\s?|JPY\s?|INR\s?|PLN\s?|CHF\s?|(?:US|AU|A|C|NZ|HK|S)\$\s?|[$€£¥₴₽₹]\s?)"
SPACES = "\u00a0\u202f\u2009 "
DIGITS = (
    rf"(?:\d{{1,3}}(?:,\d{{3}}(?!\d))+(?:\.\d+)?"
    rf"|\d{{1,3}}(?:[{SPACES}]\d{{3}}(?!\d))+(?![.,]\d)"
    rf"|\d+(?:\.\d+)?)"
)
SCALE = r"(?:\s*(?:thousand|million|billion|trillion|lakhs?|crores?)(?![\w])|\s?(?:bn|mn|mln)(?![\w])|(?:k|m|b|tn)(?![\w]))"
NUMERIC = rf"(?P<cur>{CURRENCY})?(?P<dig>{DIGITS})(?P<scale>{SCALE})?(?!\.\d|[\w])"
_ORDW = alternation(list(ORD_UNITS) + list(ORD_TENS) + list(ORD_SCALES))
_TENSW = alternation(TENS)
ORDINAL = rf"(?:\d+(?:st|nd|rd|th)|(?:(?:{_TENSW})\s*-\s*)?(?:{_ORDW}))(?![\w])"
WORD_TOKEN = re.compile(r"[a-z]+", re.IGNORECASE)


def clean_value(x: float) -> float | int:
    """``x`` as an int when it is whole (float noise aside), else as it is."""
    r = round(x)
    return int(r) if abs(x - r) < 1e-9 else x


@dataclass
class _WordRun:
    """The value of a run of number words as it is read: the part closed by a scale word
    (``total``), the group being read (``current``) and the kind of the last word (``prev``)."""

    total: float = 0
    current: float = 0
    prev: str | None = None  # unit | teen | tens | scale

    def value(self) -> float:
        return self.total + self.current

    def add(self, word: str) -> bool:
        """Read one more number word; False when it cannot continue the number."""
        if word in UNITS:
            return self._unit(UNITS[word])
        if word in TENS:
            return self._tens(TENS[word])
        if word in SCALES:
            return self._scale(SCALES[word])
        return False

    def _unit(self, v: int) -> bool:
        if not (self.prev == "tens" and 1 <= v <= 9 or self.prev in (None, "scale")):
            return False
        self.current += v
        self.prev = "unit" if v < 10 else "teen"
        return True

    def _tens(self, v: int) -> bool:
        if self.prev not in (None, "scale"):
            return False
        self.current += v
        self.prev = "tens"
        return True

    def _scale(self, s: int) -> bool:
        if self.prev is None:
            return False
        if s == 100:
            if self.current >= 100 or self.current == 0:
                return False
            self.current *= 100
        else:
            if self.value() == 0 or (self.total and self.total < s and self.current == 0):
                return False
            if self.total >= s:  # "one million one thousand": a smaller scale adds to the total
                self.total += self.current * s
            else:
                self.total = self.value() * s
            self.current = 0
        self.prev = "scale"
        return True


def _article_words(run: _WordRun, words: list[str], i: int) -> int:
    """How many words "a" ("a hundred": one) or "half a" ("half a dozen": 0.5) at ``i`` stand for
    a leading figure; 0 when they do not."""
    n, w = len(words), words[i].lower()
    if run.prev is not None:
        return 0
    if w == "a" and i + 1 < n and words[i + 1].lower() in ("dozen", "hundred", "thousand", "million", "billion"):
        run.current, run.prev = 1, "unit"
        return 1
    if w == "half" and i + 2 < n and words[i + 1].lower() == "a":
        run.current, run.prev = 0.5, "unit"
        return 2
    return 0


def _parse_words(words: list[str]) -> tuple[float | None, int]:
    """Value of a run of number words and how many words were used (longest valid prefix)."""
    run = _WordRun()
    best_used, best_val = 0, None
    i, n = 0, len(words)
    while i < n:
        w = words[i].lower()
        if w == "and":
            if run.prev != "scale" or i + 1 >= n:
                break
            i += 1
            continue
        if w in ("a", "half"):
            step = _article_words(run, words, i)
            if not step:
                break
            i += step
            continue
        if w == "dozen":
            if run.prev == "scale":
                break
            run.current = (run.current or 1) * 12
            i += 1
            best_used, best_val = i, run.value()
            break
        if not run.add(w):
            break
        i += 1
        best_used, best_val = i, run.value()
    if best_val is None or best_val == 0 and best_used == 0:
        return None, 0
    return float(best_val), best_used


def word_value(text: str) -> tuple[float | None, int]:
    """Value of the leading number words of ``text`` and the char length consumed."""
    toks = list(WORD_TOKEN.finditer(text))
    value, used = _parse_words([m.group(0) for m in toks])
    if value is None or used == 0:
        return None, 0
    return value, toks[used - 1].end()


def _digits_value(dig: str) -> float:
    return float(re.sub(rf"[,{SPACES}]", "", dig))


def numeric_value(m: re.Match) -> float | None:
    value = _digits_value(m.group("dig"))
    scale = (m.group("scale") or "").strip().lower()
    if scale:
        if scale in ("m", "b", "k") and not m.group("cur"):
            return None  # "2m" without a currency is a measurement
        value *= SCALE_SUFFIX[scale]
    return value


def ordinal_value(text: str) -> float | None:
    t = text.lower().replace(" ", "")
    digits = re.match(r"\d+", t)
    if digits is not None:
        return float(digits.group(0))
    parts = t.split("-")
    if len(parts) == 2:
        return float(TENS.get(parts[0], 0) + ORD_UNITS.get(parts[1], 0)) or None
    return float(ORD_UNITS.get(t) or ORD_TENS.get(t) or ORD_SCALES.get(t) or 0) or None


def in_range(v: float | None) -> TypeGuard[float]:
    return v is not None and math.isfinite(v) and 0 <= v < _MAX_VALUE


def parse_number(text: str) -> float | None:
    """Value of ``text`` when it is exactly one number expression (no qualifier), else None."""
    if not isinstance(text, str):
        return None
    s = text.strip()
    if not s or len(s) > 200:
        return None
    m = re.fullmatch(NUMERIC, s, re.IGNORECASE)
    if m:
        v = numeric_value(m)
        return v if in_range(v) else None
    if re.fullmatch(ORDINAL, s, re.IGNORECASE):
        v = ordinal_value(s)
        return v if in_range(v) else None
    if re.fullmatch(WORDNUM, s, re.IGNORECASE):
        v, used = word_value(s)
        if v is not None and used == len(s) and in_range(v):
            return v
    return None

