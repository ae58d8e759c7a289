"""The number grammar: numbers and quantity phrases as written in news, without spaCy.

``parse_number(text)`` (from :mod:`.number_words`) reads one number expression ("12,000", "12 000", "1.5 million", "twelve
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

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from ..resources import read_json, read_text
from .number_starts import StartIndex
from .number_words import (
    CURRENCY,
    DIGITS,
    NUMBER_WORDS,
    NUMERIC,
    ORD_SCALES,
    ORD_TENS,
    ORD_UNITS,
    ORDINAL,
    SCALE,
    SCALE_SUFFIX,
    SCALES,
    TENS,
    UNITS,
    WORD_TOKEN,
    WORDNUM,
    alternation,
    clean_value,
    in_range,
    numeric_value,
    ordinal_value,
    parse_number,
    word_value,
)
from .units import glued_unit_pattern

__all__ = ["NumberPhrase", "parse_number", "find_number_phrases", "bounds_for", "qualifier_before", "RANGE_BEST",
           "CURRENCY_UNITS"]

#: "midpoint" (SPEC table, midpoint rounded down) or "low" (the lower stated figure).
RANGE_BEST = "midpoint"


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


@lru_cache(maxsize=1)
def _currency_units() -> dict[str, str]:
    out: dict[str, str] = {}
    text = read_text("quantity_currency.tsv")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            sym, unit = line.split("\t")[:2]
            out[sym.strip()] = unit.strip()
    return out


CURRENCY_UNITS = _currency_units()
_VAGUE = read_json("quantity_vague.json")
_MAGNITUDE: dict[str, list[int]] = _VAGUE["magnitude"]
_BARE = set(_VAGUE["bare"])
_QUALS = read_json("quantity_qualifiers.json")
_PREFIX: dict[str, str] = _QUALS["prefix"]
_SUFFIX: dict[str, str] = _QUALS["suffix"]
_PREDICATIVE = frozenset(_QUALS["predicative"])

# the numeral, letting a unit of measurement follow the digits ("500km", "2GB"): for the numbers layer
_NUMERIC_GLUED = rf"(?P<cur>{CURRENCY})?(?P<dig>{DIGITS})(?P<scale>{SCALE})?(?!\.\d|(?!{glued_unit_pattern()})[\w])"
_MAG_COMPOUND = (r"(?:(?:tens|hundreds|dozens)\s+of\s+(?:thousands|millions|billions)"
                 r"|(?:several|a\s+few|a\s+couple(?:\s+of)?)\s+(?:dozen|hundred|thousand|million|billion)(?!s))")
_MAG = rf"(?:a\s+score(?=\s+of\b(?!\s+(?:\d|(?:{NUMBER_WORDS})\b)))|dozens|scores(?=\s+(?:of|more)\b)|hundreds|thousands|millions|billions|several|a\s+few|a\s+couple(?=\s+of\b)|a\s+handful(?=\s+of\b))"
_BARE_RE = (
    r"(?:an?\s+(?:(?:large|great|small|growing|significant|huge|high|substantial|considerable|record|unknown|"
    r"unspecified|increasing|limited|certain|undisclosed)\s+)?number(?=\s+of\b)|a\s+lot(?=\s+of\b)|lots(?=\s+of\b)"
    rf"|many|numerous|multiple|countless|few|some(?!\s+(?:\d|(?:{NUMBER_WORDS}|dozen|a\s+(?:dozen|hundred|thousand))\b)))"
)
# masked (never quantities): times (also a clock time without a colon, "517 PM", "0945 a.m.", the style of
# weather statements and logs), numeric dates, phone numbers (also in groups after a trunk prefix's leading zero,
# "01226 773555", "01632 418 902", or a four-figure group opening with a zero, "555 0199", which no count is
# written with), version numbers, the numbering of a thread's posts ("1/ Our ship ...": a figure closed by a
# slash before a space)
_MASK = (
    r"(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?\s?m\b\.?)?"
    r"|\d{1,3}/(?=\s)"
    r"|(?:(?:1[0-2]|0?[1-9])[0-5]\d|\d{1,2})\s*(?:[ap]\.\s?m\.?|[ap]m\b)"
    r"|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}(?![\d])"
    r"|\+?\(?\d{2,4}\)?(?:[ .-]\d{2,4}){2,}(?=\D|$)"
    r"|\(?0\d{2,5}\)?[ -]\d{3,8}(?:[ -]\d{2,4})*(?![\d,])|\d{2,4}[ ]0\d{3}(?![\d,])"
    r"|\d+(?:\.\d+){2,})"
)
_ATOM_BODY = (
    rf"(?:(?P<mask>{_MASK})|(?P<num>@NUMERIC@)|(?P<ord>{ORDINAL})"
    rf"|(?P<magc>{_MAG_COMPOUND})(?![\w])|(?P<word>{WORDNUM})(?![\w])|(?P<mag>{_MAG})(?![\w])|(?P<bare>{_BARE_RE})(?![\w]))"
)
_ATOM = re.compile(r"(?<![\w\-–.,/$€£¥₴₽₹#+])" + _ATOM_BODY.replace("@NUMERIC@", NUMERIC), re.IGNORECASE)
# extended: also a figure after a minus sign ("-36", but not "A330-200") and with a glued unit
_ATOM_EXTENDED = re.compile(r"(?<![\w–.,/$€£¥₴₽₹#+])(?<![^\s(\[]-)" + _ATOM_BODY.replace("@NUMERIC@", _NUMERIC_GLUED),
                            re.IGNORECASE)
#: the first run of letters of every alternative of the atom grammar that starts with a letter
_FIRST_WORDS = frozenset(["usd", "eur", "gbp", "uah", "rub", "jpy", "inr", "pln", "chf", "us", "au", "a", "an", "c", "nz",
                          "hk", "s", "half", "dozen", "tens", "hundreds", "dozens", "several", "scores", "thousands",
                          "millions", "billions", "lots", "many", "numerous", "multiple", "countless", "few", "some",
                          *UNITS, *TENS, *SCALES, *ORD_UNITS, *ORD_TENS, *ORD_SCALES])
_NUM_AT = re.compile(rf"(?:{NUMERIC})|(?P<word2>{WORDNUM})(?![\w])", re.IGNORECASE)
_RANGE_SEP = re.compile(r"\s*(?:-to-|[-–—]|\s(?:to|and|or)\s)\s*", re.IGNORECASE)
_PREFIX_RE = re.compile(rf"(?:^|(?<=[^\w]))(?P<q>{alternation(_PREFIX)})\s+$", re.IGNORECASE)
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



def _rint(x: float) -> int:
    """Round half up (0.9 * 25 = 22.5 -> 23), robust to float noise."""
    return int(math.floor(round(x, 6) + 0.5))


def bounds_for(value: float, qualifier: str) -> tuple:
    """(low, best, high) of a single stated figure under a SPEC §3 qualifier."""
    v = clean_value(value)
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
        best = clean_value(a)
    else:
        mid = (a + b) / 2
        best = math.floor(mid) if float(a).is_integer() and float(b).is_integer() else clean_value(mid)
    return clean_value(a), best, clean_value(b)


def _num_at(text: str, pos: int) -> tuple[float, int, str | None, bool] | None:
    """A number (digits or words) starting exactly at ``pos``: (value, end, currency, has_scale)."""
    m = _NUM_AT.match(text, pos)
    return _match_value(m, m.group("word2"), pos) if m else None


def _match_value(m: re.Match, words: str | None, s: int) -> tuple[float, int, str | None, bool] | None:
    """``(value, end, currency, scaled)`` of a number the grammar matched at ``s``: in ``words`` when it is
    written in words, else in digits (with its currency and scale word); None when it has no value."""
    if words is not None:
        value, used = word_value(words)
        return None if value is None else (value, s + used, None, False)
    value = numeric_value(m)
    return None if value is None else (value, m.end(), (m.group("cur") or "").strip() or None, bool(m.group("scale")))


def qualifier_before(text: str, start: int) -> tuple[str | None, int]:
    """The SPEC §3 qualifier written right before ``start`` ("around", "more than") and where it starts."""
    m = _PREFIX_RE.search(text, max(0, start - 24), start)
    if not m:
        return None, start
    words = re.sub(r"\s+", " ", m.group("q").lower())
    return _PREFIX[words], start if words in _PREDICATIVE else m.start("q")


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
    if a_val <= 31 and word in ("-", "–", "—") and sep.group(0) != word and _MONTHS.search(text, max(0, a_start - 12), a_start):
        return None  # "LIMA, Aug 4 - Nine miners": a dateline's day and its dash, then the report's first figure
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
        mult = SCALE_SUFFIX.get(scale, 1)
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
        mult = 12 if parts[1] == "dozen" else SCALES[parts[1]]
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
                w = WORD_TOKEN.search(text, s)
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
        v = ordinal_value(m.group(0))
        if not in_range(v):
            return None
        v = clean_value(v)
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


def _cardinal_value(text: str, m: re.Match, kind: str | None, s: int) -> tuple[float, int, str | None, bool] | None:
    """``(value, end, currency, scaled)`` of a cardinal in digits or words; None when it is not one."""
    found = _match_value(m, m.group("word") if kind == "word" else None, s)
    if found is None or kind == "word":
        return found
    dig = m.group("dig")
    if len(dig) > 1 and dig[0] == "0" and dig[1] != ".":
        return None  # "001": an identifier
    if " " in dig and _MONTHS.search(text, max(0, s - 12), s):
        return None  # "May 5 300": a date followed by a number, not "5 300"
    return found


def _cardinal_phrase(text: str, m: re.Match, kind: str | None, s: int, e: int) -> NumberPhrase | None:
    """A cardinal number with its qualifier ("about 40", "more than 1,200"), or a range ("20 to 30")."""
    found = _cardinal_value(text, m, kind, s)
    if found is None:
        return None
    value, e, cur, scaled = found
    if not in_range(value):
        return None
    half = _AND_A_HALF.match(text, e)
    if half and not scaled and float(value).is_integer():  # "two and a half (million)"
        value += 0.5
        e = half.end()
        if half.group("scale"):
            value *= SCALES[half.group("scale").lower()]
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
    if not (in_range(a) and in_range(b)):
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
