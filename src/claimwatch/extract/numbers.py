"""The number grammar: numbers and quantity phrases as written in news, without spaCy.

``parse_number(text)`` reads one number expression ("12,000", "12 000", "1.5 million", "twelve
thousand", "twenty-five", "$15,000", "€2m", "a dozen", "25th") and returns its value.

``find_number_phrases(text)`` finds every number phrase in a text with its SPEC §3 bounds:
qualifiers ("around 2,500", "more than 18,000", "up to 60", "30 or so"), ranges ("between 20 and
30", "1,500 to 2,000", "20-30", "two or three"), words of magnitude ("dozens", "tens of thousands",
"several hundred"), bare vague quantifiers ("many", "some", "numerous": null bounds), ordinals (the
caller decides whether one states a running total) and percentages (``kind == "percent"``).

Ranges: the SPEC table gives ``best = (A+B)/2``; the SPEC's closing sentence ("best follows ACLED's
conservative habit: the lower stated figure, never an inflated one") is read as a rule on how to
round that midpoint, not as an override of the table: a midpoint of two whole numbers that is not
whole is rounded *down* (``5-8`` -> best 6), never up. Set :data:`RANGE_BEST` to ``"low"`` to record
the lower figure instead.

Times of day ("10:30", "5 p.m."), numeric dates ("12/05/2022", "2022-05-12") and phone numbers are
recognised and skipped here; every other decision about what a number names (years, ages, "Article
336") needs context and is taken by :mod:`claimwatch.extract.quantities`.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TypeGuard

from .number_starts import StartIndex
from .units import glued_unit_pattern

__all__ = ["NumberPhrase", "parse_number", "find_number_phrases", "bounds_for", "qualifier_before", "RANGE_BEST",
           "CURRENCY_UNITS"]

#: "midpoint" (SPEC table, midpoint rounded down) or "low" (the lower stated figure).
RANGE_BEST = "midpoint"

_MAX_VALUE = 1e15  # larger "numbers" are identifiers, not quantities


@dataclass(frozen=True)
class NumberPhrase:
    span: tuple[int, int]
    text: str
    value: float | None             # the stated figure (lower figure of a range); None when vague
    low: float | int | None
    best: float | int | None
    high: float | int | None
    qualifier: str                  # SPEC §3 qualifier
    kind: str = "number"            # number | ordinal | magnitude | vague | percent
    currency: str | None = None     # symbol or code as written ("$", "€", "US$", "USD")
    core: tuple[int, int] = (0, 0)  # span of the numeral(s) without qualifier words


def _load_json(name: str) -> dict:
    return json.loads(resources.files("claimwatch.resources").joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _currency_units() -> dict[str, str]:
    out: dict[str, str] = {}
    text = resources.files("claimwatch.resources").joinpath("quantity_currency.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            sym, unit = line.split("\t")[:2]
            out[sym.strip()] = unit.strip()
    return out


CURRENCY_UNITS = _currency_units()
_VAGUE = _load_json("quantity_vague.json")
_MAGNITUDE: dict[str, list[int]] = _VAGUE["magnitude"]
_BARE = set(_VAGUE["bare"])
_QUALS = _load_json("quantity_qualifiers.json")
_PREFIX: dict[str, str] = _QUALS["prefix"]
_SUFFIX: dict[str, str] = _QUALS["suffix"]

# --- number words -------------------------------------------------------------------------------
_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_ORD_UNITS = {w: i + 1 for i, w in enumerate(
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
    "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth".split())}
_ORD_TENS = {w: 10 * (i + 2) for i, w in enumerate(
    "twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth".split())}
_ORD_SCALES = {"hundredth": 100, "thousandth": 1000, "millionth": 10**6}
_SCALE_SUFFIX = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "b": 1e9, "bn": 1e9, "tn": 1e12,
                 "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def _alt(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_W = _alt(list(_UNITS) + list(_TENS) + list(_SCALES))
_WORDNUM = (
    rf"(?:half\s+a\s+(?:dozen|hundred|thousand|million|billion)"
    rf"|(?:a\s+)?(?:{_W}|dozen)(?:(?:\s*-\s*|\s+|\s+and\s+)(?:{_W}|dozen))*)"
)
_CUR = r"(?:USD\s?\$?\s?|EUR\s?|GBP\s?|UAH\s?|RUB\s?|JPY\s?|INR\s?|PLN\s?|CHF\s?|(?:US|AU|A|C|NZ|HK|S)\$\s?|[$€£¥₴₽₹]\s?)"
_SPACES = "\u00a0\u202f\u2009 "
_DIG = (
    rf"(?:\d{{1,3}}(?:,\d{{3}}(?!\d))+(?:\.\d+)?"
    rf"|\d{{1,3}}(?:[{_SPACES}]\d{{3}}(?!\d))+(?![.,]\d)"
    rf"|\d+(?:\.\d+)?)"
)
_SCALE_RE = r"(?:\s*(?:thousand|million|billion|trillion)(?![\w])|\s?(?:bn|mn|mln)(?![\w])|(?:k|m|b|tn)(?![\w]))"
_NUMERIC = rf"(?P<cur>{_CUR})?(?P<dig>{_DIG})(?P<scale>{_SCALE_RE})?(?!\.\d|[\w])"
# the same, letting a unit of measurement follow the digits ("500km", "2GB"): for the numbers layer
_NUMERIC_GLUED = rf"(?P<cur>{_CUR})?(?P<dig>{_DIG})(?P<scale>{_SCALE_RE})?(?!\.\d|(?!{glued_unit_pattern()})[\w])"
_ORDW = _alt(list(_ORD_UNITS) + list(_ORD_TENS) + list(_ORD_SCALES))
_TENSW = _alt(_TENS)
_ORDINAL = rf"(?:\d+(?:st|nd|rd|th)|(?:(?:{_TENSW})\s*-\s*)?(?:{_ORDW}))(?![\w])"
_MAG_COMPOUND = (r"(?:(?:tens|hundreds|dozens)\s+of\s+(?:thousands|millions|billions)"
                 r"|(?:several|a\s+few|a\s+couple(?:\s+of)?)\s+(?:dozen|hundred|thousand|million|billion)(?!s))")
_MAG = r"(?:a\s+score(?=\s+of\b)|dozens|scores(?=\s+of\b)|hundreds|thousands|millions|billions|several|a\s+few|a\s+couple(?=\s+of\b)|a\s+handful(?=\s+of\b))"
_BARE_RE = (
    r"(?:an?\s+(?:(?:large|great|small|growing|significant|huge|high|substantial|considerable|record|unknown|"
    r"unspecified|increasing|limited|certain|undisclosed)\s+)?number(?=\s+of\b)|a\s+lot(?=\s+of\b)|lots(?=\s+of\b)"
    rf"|many|numerous|multiple|countless|few|some(?!\s+(?:\d|(?:{_W}|dozen|a\s+(?:dozen|hundred|thousand))\b)))"
)
# masked (never quantities): times, numeric dates, phone numbers, version numbers
_MASK = (
    r"(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?"
    r"|\d{1,2}\s*[ap]\.\s?m\.?|\d{1,2}\s*[ap]m\b"
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?![\d])"
    r"|\+?\(?\d{2,4}\)?(?:[ .-]\d{2,4}){2,}(?=\D|$)"
    r"|\d+(?:\.\d+){2,})"
)
_ATOM_BODY = (
    rf"(?:(?P<mask>{_MASK})|(?P<num>@NUMERIC@)|(?P<ord>{_ORDINAL})"
    rf"|(?P<magc>{_MAG_COMPOUND})(?![\w])|(?P<word>{_WORDNUM})(?![\w])|(?P<mag>{_MAG})(?![\w])|(?P<bare>{_BARE_RE})(?![\w]))"
)
_ATOM = re.compile(r"(?<![\w\-–.,/$€£¥₴₽₹#+])" + _ATOM_BODY.replace("@NUMERIC@", _NUMERIC), re.IGNORECASE)
# extended: also a figure after a minus sign ("-36", but not "A330-200") and with a glued unit
_ATOM_EXTENDED = re.compile(r"(?<![\w–.,/$€£¥₴₽₹#+])(?<![^\s(\[]-)" + _ATOM_BODY.replace("@NUMERIC@", _NUMERIC_GLUED),
                            re.IGNORECASE)
#: the first run of letters of every alternative of the atom grammar that starts with a letter
_FIRST_WORDS = frozenset(["usd", "eur", "gbp", "uah", "rub", "jpy", "inr", "pln", "chf", "us", "au", "a", "an", "c", "nz",
                          "hk", "s", "half", "dozen", "tens", "hundreds", "dozens", "several", "scores", "thousands",
                          "millions", "billions", "lots", "many", "numerous", "multiple", "countless", "few", "some",
                          *_UNITS, *_TENS, *_SCALES, *_ORD_UNITS, *_ORD_TENS, *_ORD_SCALES])
_NUM_AT = re.compile(rf"(?:{_NUMERIC})|(?P<word2>{_WORDNUM})(?![\w])", re.IGNORECASE)
_RANGE_SEP = re.compile(r"\s*(?:-to-|[-–—]|\s(?:to|and|or)\s)\s*", re.IGNORECASE)
_WORD_TOKEN = re.compile(r"[a-z]+", re.IGNORECASE)
_PREFIX_RE = re.compile(rf"(?:^|(?<=[^\w]))(?P<q>{_alt(_PREFIX)})\s+$", re.IGNORECASE)
_SUFFIX_RE = re.compile(r"(?:\s+(?:or\s+so|or\s+more|or\s+fewer|or\s+less|plus(?!\s*\d))(?![\w])|-(?:odd|plus)(?![\w])|\+)", re.IGNORECASE)
_PERCENT_RE = re.compile(r"\s?(?:%|per\s?cent(?![\w])|pct(?![\w])|percentage\s+points?(?![\w]))", re.IGNORECASE)
_BETWEEN_RE = re.compile(r"(?:^|(?<=[^\w]))(?P<w>between|from)\s+$", re.IGNORECASE)
_CHANGE_RE = re.compile(r"\b(?:rose|rise[sn]?|rising|increas\w*|climb\w*|jump\w*|grew|grow\w*|fell|fall\w*|"
                        r"drop\w*|declin\w*|decreas\w*|went|go(?:es|ne)?|revised|raised|lowered|cut|up|down)\b[^.]{0,25}$",
                        re.IGNORECASE)
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half(?:\s+(?P<scale>thousand|million|billion)(?![\w]))?(?![\w])",
                         re.IGNORECASE)
_MOVED_BY = re.compile(
    r"\b(?:rose|risen|rises|rising|fell|fallen|falls|falling|increased|decreased|climbed|jumped|dropped|declined|"
    r"grew|grown|gained|lost|slipped|plunged|surged|soared|tumbled|slid|dipped|sank|shrank)\s+(?:by\s+)?"
    r"(?:(?:about|around|some|nearly|almost|roughly|more\s+than|over|just|another|a\s+further)\s+)?$", re.IGNORECASE)
_MONTHS = re.compile(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s*$", re.IGNORECASE)


def _clean(x: float) -> float | int:
    r = round(x)
    return int(r) if abs(x - r) < 1e-9 else x


def _rint(x: float) -> int:
    """Round half up (0.9 * 25 = 22.5 -> 23), robust to float noise."""
    return int(math.floor(round(x, 6) + 0.5))


def bounds_for(value: float, qualifier: str) -> tuple:
    """(low, best, high) of a single stated figure under a SPEC §3 qualifier."""
    v = _clean(value)
    if qualifier == "approximately":
        return _rint(0.9 * value), v, _rint(1.1 * value)
    if qualifier in ("more_than", "at_least"):
        return v, v, None
    if qualifier == "almost":
        return _rint(0.9 * value), v, v
    if qualifier in ("at_most", "less_than"):
        return None, v, v
    return v, v, v


def _range_bounds(a: float, b: float) -> tuple:
    if RANGE_BEST == "low":
        best = _clean(a)
    else:
        mid = (a + b) / 2
        best = math.floor(mid) if float(a).is_integer() and float(b).is_integer() else _clean(mid)
    return _clean(a), best, _clean(b)


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
        if w in _UNITS:
            v = _UNITS[w]
            if prev == "tens" and 1 <= v <= 9:
                current += v
            elif prev in (None, "scale"):
                current += v
            else:
                break
            prev = "unit" if v < 10 else "teen"
        elif w in _TENS:
            if prev not in (None, "scale"):
                break
            current += _TENS[w]
            prev = "tens"
        elif w == "dozen":
            if prev == "scale":
                break
            current = (current or 1) * 12
            i += 1
            best_used, best_val = i, total + current
            break
        elif w in _SCALES:
            s = _SCALES[w]
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


def _word_value(text: str) -> tuple[float | None, int]:
    """Value of the leading number words of ``text`` and the char length consumed."""
    toks = list(_WORD_TOKEN.finditer(text))
    value, used = _parse_words([m.group(0) for m in toks])
    if value is None or used == 0:
        return None, 0
    return value, toks[used - 1].end()


def _digits_value(dig: str) -> float:
    return float(re.sub(rf"[,{_SPACES}]", "", dig))


def _numeric_value(m: re.Match) -> float | None:
    value = _digits_value(m.group("dig"))
    scale = (m.group("scale") or "").strip().lower()
    if scale:
        if scale in ("m", "b", "k") and not m.group("cur"):
            return None  # "2m" without a currency is a measurement
        value *= _SCALE_SUFFIX[scale]
    return value


def _ordinal_value(text: str) -> float | None:
    t = text.lower().replace(" ", "")
    digits = re.match(r"\d+", t)
    if digits is not None:
        return float(digits.group(0))
    parts = t.split("-")
    if len(parts) == 2:
        return float(_TENS.get(parts[0], 0) + _ORD_UNITS.get(parts[1], 0)) or None
    return float(_ORD_UNITS.get(t) or _ORD_TENS.get(t) or _ORD_SCALES.get(t) or 0) or None


def _ok(v: float | None) -> TypeGuard[float]:
    return v is not None and math.isfinite(v) and 0 <= v < _MAX_VALUE


def parse_number(text: str) -> float | None:
    """Value of ``text`` when it is exactly one number expression (no qualifier), else None."""
    if not isinstance(text, str):
        return None
    s = text.strip()
    if not s or len(s) > 200:
        return None
    m = re.fullmatch(_NUMERIC, s, re.IGNORECASE)
    if m:
        v = _numeric_value(m)
        return v if _ok(v) else None
    if re.fullmatch(_ORDINAL, s, re.IGNORECASE):
        v = _ordinal_value(s)
        return v if _ok(v) else None
    if re.fullmatch(_WORDNUM, s, re.IGNORECASE):
        v, used = _word_value(s)
        if v is not None and used == len(s) and _ok(v):
            return v
    return None


def _num_at(text: str, pos: int) -> tuple[float, int, str | None, bool] | None:
    """A number (digits or words) starting exactly at ``pos``: (value, end, currency, has_scale)."""
    m = _NUM_AT.match(text, pos)
    if not m:
        return None
    if m.group("word2") is not None:
        v, used = _word_value(m.group("word2"))
        if v is None:
            return None
        return v, pos + used, None, False
    v = _numeric_value(m)
    if v is None:
        return None
    return v, m.end(), (m.group("cur") or "").strip() or None, bool(m.group("scale"))


def qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    """The SPEC §3 qualifier written right before ``start`` ("around", "more than") and where it starts."""
    m = _PREFIX_RE.search(text, max(0, start - 24), start)
    if not m:
        return None, start
    return _PREFIX[re.sub(r"\s+", " ", m.group("q").lower())], m.start("q")


def _suffix(text: str, end: int) -> tuple[str | None, int]:
    m = _SUFFIX_RE.match(text, end)
    if not m:
        return None, end
    key = m.group(0).strip().lower()
    key = re.sub(r"\s+", " ", key)
    return _SUFFIX.get(key) or _SUFFIX.get(key.lstrip("-")), m.end()


def _phrase(text, s, e, value, low, best, high, qualifier, kind, currency, core) -> NumberPhrase:
    return NumberPhrase((s, e), text[s:e], value, low, best, high, qualifier, kind, currency, core)


def _try_range(text: str, a_start: int, a_end: int, a_val: float, a_cur, a_scaled: bool):
    """``A-B`` / ``A to B`` / ``between A and B`` / ``two or three`` starting at A, or None."""
    sep = _RANGE_SEP.match(text, a_end)
    if not sep:
        return None
    word = sep.group(0).strip().lower()
    b = _num_at(text, sep.end())
    if not b:
        return None
    b_val, b_end, b_cur, b_scaled = b
    if b_end < len(text) and (text[b_end].isalnum() or text[b_end] in "-–"):
        return None
    if a_val <= 31 < b_val and _MONTHS.search(text, max(0, a_start - 12), a_start):
        return None  # "since May 1 to 110": a date, then the figure it runs to (not "from May 1 to 5")
    between = _BETWEEN_RE.search(text, max(0, a_start - 10), a_start)
    if word == "and" and not (between and between.group("w").lower() == "between"):
        return None
    if word == "to" and between and between.group("w").lower() == "from" and _CHANGE_RE.search(
            text, max(0, between.start() - 40), between.start()):
        return None
    if word == "to" and not between and b_val >= 3 * max(a_val, 1) and _MOVED_BY.search(
            text, max(0, a_start - 40), a_start):
        return None  # "rose 15,000 to 444,000": a change and the level reached, not a range
    if word == "or" and (b_val > 10 * max(a_val, 1)):
        return None
    raw_a = a_val
    if b_scaled and not a_scaled:
        m = _NUM_AT.match(text, sep.end())
        scale = (m.group("scale") or "").strip().lower() if m and m.group("word2") is None else ""
        mult = _SCALE_SUFFIX.get(scale, 1)
        if raw_a * mult <= b_val:
            a_val = raw_a * mult
    if not b_val > a_val:
        return None
    if _year_like(text[a_start:a_end]) and (word in ("-", "–", "—") or _year_like(text[sep.end():b_end])):
        return None  # "2010-11", "from 2009 to 2011": years, not a range of counts
    start = between.start("w") if between else a_start
    return start, b_end, a_val, b_val, a_cur or b_cur


def _year_like(raw: str) -> bool:
    return len(raw) == 4 and raw.isdigit() and 1800 <= int(raw) <= 2100


def _vague_key(t: str) -> str:
    return re.sub(r"\s+", " ", t.lower())


def _magnitude_bounds(key: str) -> tuple[int, int, int] | None:
    if key in _MAGNITUDE:
        low, best, high = _MAGNITUDE[key]
        return low, best, high
    parts = key.rsplit(" ", 1)
    if len(parts) == 2 and parts[1] in ("dozen", "hundred", "thousand", "million", "billion"):
        base = _MAGNITUDE.get(parts[0].replace(" of", "")) or _MAGNITUDE.get(parts[0])
        mult = 12 if parts[1] == "dozen" else _SCALES[parts[1]]
        if base:
            return base[0] * mult, base[1] * mult, base[2] * mult
    return None


def find_number_phrases(text: str, *, extended: bool = False) -> list[NumberPhrase]:
    """Every number phrase of ``text``, in order, non-overlapping; spans slice ``text`` exactly.

    ``extended`` also reads figures with a unit glued to them ("500km", "2GB") and after a minus
    sign ("-36"); the count stage leaves it off (a glued unit is never a count), the numbers layer
    turns it on. Several stages read the phrases of the same article: the last few texts' phrases
    are kept (the phrases are immutable; each call gets its own list)."""
    if not isinstance(text, str) or not text:
        return []
    return list(_number_phrases(text, extended))


@lru_cache(maxsize=16)
def _number_phrases(text: str, extended: bool) -> tuple[NumberPhrase, ...]:
    atom = _ATOM_EXTENDED if extended else _ATOM
    starts = StartIndex(text, _FIRST_WORDS)  # the grammar runs only where a phrase can start
    out: list[NumberPhrase] = []
    pos = 0
    n = len(text)
    while pos < n:
        m = starts.search(atom, text, pos)
        if not m:
            break
        s, e = m.start(), m.end()
        pos = max(e, s + 1)
        kind = m.lastgroup
        try:
            ph = _assemble(text, m, kind, s, e)
        except (ValueError, OverflowError, KeyError, IndexError):  # defensive: never crash on odd input
            ph = None
        if ph is None:
            if kind == "word":  # a run of words that is not one number: go on after its first word
                w = _WORD_TOKEN.search(text, s)
                pos = w.end() if w else s + 1
            continue
        if out and ph.span[0] < out[-1].span[1]:
            continue
        out.append(ph)
        pos = max(pos, ph.span[1])
    return tuple(out)


def _assemble(text: str, m: re.Match, kind: str | None, s: int, e: int) -> NumberPhrase | None:
    """The number phrase of one grammar match, by the kind of match."""
    if kind == "mask":
        return None
    if kind in ("magc", "mag"):
        return _magnitude_phrase(text, m, s, e)
    if kind == "bare":
        return _bare_phrase(text, m, s, e)
    if kind == "ord":
        v = _ordinal_value(m.group(0))
        if not _ok(v):
            return None
        v = _clean(v)
        return _phrase(text, s, e, float(v), v, v, v, "exact", "ordinal", None, (s, e))
    return _cardinal_phrase(text, m, kind, s, e)


def _magnitude_phrase(text: str, m: re.Match, s: int, e: int) -> NumberPhrase | None:
    """Words of magnitude: "dozens", "hundreds of", "a score of" (SPEC §3 table)."""
    key = _vague_key(m.group(0))
    if key == "a score":  # "a score of": twenty, stated as a number
        qual, qs = qualifier_before(text, s)
        qual = qual or "exact"
        low, best, high = bounds_for(20, qual)
        return _phrase(text, qs, e, 20.0, low, best, high, qual, "number", None, (s, e))
    b = _magnitude_bounds(key)
    if b is None:
        return None
    qual, qs = qualifier_before(text, s)
    if qual:
        low, best, high = bounds_for(b[1], qual)
        if qual in ("more_than", "at_least"):
            low = b[0]
        return _phrase(text, qs, e, None, low, best, high, qual, "magnitude", None, (s, e))
    return _phrase(text, s, e, None, b[0], b[1], b[2], "vague", "magnitude", None, (s, e))


def _bare_phrase(text: str, m: re.Match, s: int, e: int) -> NumberPhrase | None:
    """Quantities with no number ("many", "some", "a number of"): vague, unbounded."""
    key = _vague_key(m.group(0))
    key = re.sub(r"^an ", "a ", key) if key.startswith("an ") and key not in _BARE else key
    if key not in _BARE and not key.endswith("number"):
        return None
    before = text[max(0, s - 4):s].lower()
    if key == "many" and (before.endswith("how ") or before.endswith("as ")):
        return None
    return _phrase(text, s, e, None, None, None, None, "vague", "vague", None, (s, e))


def _cardinal_value(text: str, m: re.Match, kind: str | None, s: int, e: int
                    ) -> tuple[float | int, int, str | None, bool] | None:
    """``(value, end, currency, scaled)`` of a cardinal in digits or words; None when it is not one."""
    if kind == "word":
        value, used = _word_value(m.group("word"))
        if value is None:
            return None
        return value, s + used, None, False
    value = _numeric_value(m)
    if value is None:
        return None
    dig = m.group("dig")
    if len(dig) > 1 and dig[0] == "0" and dig[1] != ".":
        return None  # "001": an identifier
    if " " in dig and _MONTHS.search(text, max(0, s - 12), s):
        return None  # "May 5 300": a date followed by a number, not "5 300"
    return value, e, (m.group("cur") or "").strip() or None, bool(m.group("scale"))


def _cardinal_phrase(text: str, m: re.Match, kind: str | None, s: int, e: int) -> NumberPhrase | None:
    """A cardinal number with its qualifier ("about 40", "more than 1,200"), or a range ("20 to 30")."""
    found = _cardinal_value(text, m, kind, s, e)
    if found is None:
        return None
    value, e, cur, scaled = found
    if not _ok(value):
        return None
    half = _AND_A_HALF.match(text, e)
    if half and not scaled and float(value).is_integer():  # "two and a half (million)"
        value += 0.5
        e = half.end()
        if half.group("scale"):
            value *= _SCALES[half.group("scale").lower()]
    rng = _try_range(text, s, e, value, cur, scaled)
    if rng:
        return _range_phrase(text, s, rng)
    end = e
    pct = _PERCENT_RE.match(text, e)
    kind_out = "number"
    if pct:
        end, kind_out = pct.end(), "percent"
    qual, qs = qualifier_before(text, s)
    if not qual:
        sq, se = _suffix(text, end)
        if sq:
            qual, end = sq, se
        qs = s
    qual = qual or "exact"
    low, best, high = bounds_for(value, qual)
    return _phrase(text, qs, end, value, low, best, high, qual, kind_out, cur, (s, e))


def _range_phrase(text: str, s: int, rng: tuple) -> NumberPhrase | None:
    """ "between A and B", "A to B", "A-B" (and percentage ranges): SPEC §3 range bounds."""
    rs, re_, a, b, cur = rng
    if not (_ok(a) and _ok(b)):
        return None
    core = (s, re_)
    pct = _PERCENT_RE.match(text, re_)
    if pct:
        low, best, high = _range_bounds(a, b)
        return _phrase(text, rs, pct.end(), a, low, best, high, "range", "percent", cur, core)
    start = rs
    if rs == s:
        qual, _qs = qualifier_before(text, s)
        if qual == "approximately":  # "some 20 to 30": still a range
            start = s
    low, best, high = _range_bounds(a, b)
    return _phrase(text, start, re_, a, low, best, high, "range", "number", cur, core)
