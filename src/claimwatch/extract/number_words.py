"""Numerals and number words: the words of English numbers ("twelve", "twenty-five", "thousand",
"25th"), the patterns of a written number (digits with separators, a currency, a scale: "12 000",
"$15,000", "€2m", "1.5 million"), and the value of one number as written (:func:`parse_number`).
:mod:`.numbers` builds the number phrases of a text (qualifiers, ranges, magnitudes) on them.
"""

from __future__ import annotations

import math
import re
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
                "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


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
SCALE = r"(?:\s*(?:thousand|million|billion|trillion)(?![\w])|\s?(?:bn|mn|mln)(?![\w])|(?:k|m|b|tn)(?![\w]))"
NUMERIC = rf"(?P<cur>{CURRENCY})?(?P<dig>{DIGITS})(?P<scale>{SCALE})?(?!\.\d|[\w])"
_ORDW = alternation(list(ORD_UNITS) + list(ORD_TENS) + list(ORD_SCALES))
_TENSW = alternation(TENS)
ORDINAL = rf"(?:\d+(?:st|nd|rd|th)|(?:(?:{_TENSW})\s*-\s*)?(?:{_ORDW}))(?![\w])"
WORD_TOKEN = re.compile(r"[a-z]+", re.IGNORECASE)


def clean_value(x: float) -> float | int:
    """``x`` as an int when it is whole (float noise aside), else as it is."""
    r = round(x)
    return int(r) if abs(x - r) < 1e-9 else x


def _parse_words(words: list[str]) -> tuple[float | None, int]:
    """Value of a run of number words and how many words were used (longest valid prefix)."""
    total: float
    current: float
    best_val: float | None
    total, current, used, best_used, best_val = 0, 0, 0, 0, None
    prev = None  # kind of previous word: unit | teen | tens | scale
    i = 0
    n = len(words)
    while i < n:
        w = words[i].lower()
        if w == "and":
            if prev not in ("scale",) or i + 1 >= n:
                break
            i += 1
            continue
        if w == "a":
            if i + 1 < n and words[i + 1].lower() in ("dozen", "hundred", "thousand", "million", "billion") and prev is None:
                current, prev = 1, "unit"
                i += 1
                continue
            break
        if w == "half":
            if prev is None and i + 2 < n and words[i + 1].lower() == "a":
                current, prev = 0.5, "unit"
                i += 2
                continue
            break
        if w in UNITS:
            v = UNITS[w]
            if prev == "tens" and 1 <= v <= 9:
                current += v
            elif prev in (None, "scale"):
                current += v
            else:
                break
            prev = "unit" if v < 10 else "teen"
        elif w in TENS:
            if prev not in (None, "scale"):
                break
            current += TENS[w]
            prev = "tens"
        elif w == "dozen":
            if prev == "scale":
                break
            current = (current or 1) * 12
            i += 1
            best_used, best_val = i, total + current
            break
        elif w in SCALES:
            s = SCALES[w]
            if prev is None:
                break
            if s == 100:
                if current >= 100 or current == 0:
                    break
                current *= 100
            else:
                if (total + current) == 0 or (total and total < s and current == 0):
                    break
                if total >= s:  # "one million one thousand": a smaller scale adds to the total
                    total += current * s
                else:
                    total = (total + current) * s
                current = 0
            prev = "scale"
        else:
            break
        i += 1
        used = i
        best_used, best_val = used, total + current
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

