"""Temporal expression grammar and normalisation (pure text -> values; no spaCy).

:func:`scan` finds expressions in a text; :func:`normalise` turns one into ISO ``start``/``end``,
``precision`` (day|week|month|year|range|unknown) and ``anchor`` (absolute|published|unresolved)
against the publication date. Relative expressions with no publication date stay ``unresolved``
with ``start``/``end`` ``None`` -- never anchored to today. Named periods ("since the beginning of
martial law") come from ``resources/named_periods.json``.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

__all__ = ["Found", "scan", "normalise", "named_periods", "parse_iso", "Value"]

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a couple of": 2, "a few": 3,
           "several": 3, "fifteen": 15, "twenty": 20, "thirty": 30}
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 2)}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

_MON = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|"
        r"Sep(?:t(?:ember)?)?\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[6-9]\d\d|20\d\d)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|a couple of|a few|several)"
_UNIT = r"(?:day|week|month|year|decade)s?"
_QUAL = r"(?:early|late|mid|mid-|the (?:end|beginning|start|middle) of|the (?:first|second) half of)"
_PREP = r"(?:(?:[Ss]ince|[Ii]n|[Oo]n|[Ff]rom|[Bb]y|[Dd]uring|[Uu]ntil|[Tt]ill|[Tt]hrough(?:out)?|[Aa]s of|[Ss]tarting|[Bb]efore|[Aa]fter|[Ee]arlier|[Oo]f|[Ff]or)\s+)"

# a single point/period expression, as a sub-pattern for ranges
_FULL = rf"(?:{_WD},?\s+)?(?:{_MON}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR})"
_MD = rf"(?:{_WD},?\s+)?(?:{_MON}\s+{_DAY}\b|{_DAY}\s+(?:of\s+)?{_MON}\b)"
_MY = rf"(?:{_MON},?\s+(?:of\s+)?{_YEAR})"

_RULES: list[tuple[str, re.Pattern]] = [(k, re.compile(p, re.I if ci else 0)) for k, p, ci in [
    ("range_md", rf"\b(?:[Bb]etween|[Ff]rom)?\s*(?P<m>{_MON})\s+(?P<d1>{_DAY})\s*(?:-|–|to|and|through|until)\s*(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?\b", False),
    ("range_dm", rf"\b(?:[Bb]etween|[Ff]rom)?\s*(?P<d1>{_DAY})\s*(?:-|–|to|and)\s*(?P<d2>{_DAY})\s+(?P<m>{_MON})(?:,?\s+(?P<y>{_YEAR}))?\b", False),
    ("range_y", rf"\b(?:[Bb]etween\s+|[Ff]rom\s+)?(?P<y1>{_YEAR})\s*(?:-|–|to|and|through|until)\s*(?P<y2>{_YEAR}|\d\d)\b", False),
    ("range_any", rf"\b(?:[Bb]etween|[Ff]rom)\s+(?P<a>{_FULL}|{_MY}|{_MD}|{_MON})\s+(?:and|to|until|till|through)\s+(?P<b>{_FULL}|{_MY}|{_MD}|{_MON})\b", False),
    ("iso", rf"\b{_PREP}?(?P<y>{_YEAR})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b", False),
    ("numeric", rf"\b{_PREP}?(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.](?P<y>{_YEAR})\b", False),
    ("full", rf"\b{_PREP}?(?P<x>{_FULL})\b", False),
    ("qual_month", rf"\b{_PREP}?(?P<q>{_QUAL})\s*(?P<m>{_MON})(?:,?\s+(?:of\s+)?(?P<y>{_YEAR}))?\b", False),
    ("month_year", rf"\b{_PREP}?(?P<m>{_MON}),?\s+(?:of\s+)?(?P<y>{_YEAR})\b", False),
    ("month_day", rf"\b{_PREP}?(?P<x>{_MD})", False),
    ("qual_year", rf"\b{_PREP}?(?P<q>{_QUAL})\s*(?P<y>{_YEAR})\b", False),
    ("quarter", rf"\b(?:[Ii]n\s+)?(?:the\s+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter(?:\s+of\s+(?P<y>{_YEAR}))?", False),
    ("season", rf"\b{_PREP}?(?:(?P<rel>last|this|next|past)\s+|the\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?\b", True),
    ("decade", rf"\b{_PREP}?(?:the\s+)?(?P<y>(?:1[6-9]|20)\d0)['’]?s\b", False),
    ("year", rf"\b(?P<p>{_PREP}|[Ee]arly\s+|[Ll]ate\s+|[Mm]id-)(?P<y>{_YEAR})\b(?![-–]\d)", False),
    ("month", rf"\b(?P<p>{_PREP}|(?:[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id-?)\s*)(?P<m>January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.)(?![\w-])(?!\s+\d)", False),
    ("weekday", rf"\b(?:(?P<p>on|last|this|next|since|by|until|early|late|coming)\s+)?(?:(?P<p2>this|last|next|past)\s+)?(?P<w>{_WD})(?:\s+(?:morning|afternoon|evening|night))?\b", True),
    ("deictic", r"\b(?P<w>today|yesterday|tomorrow|tonight|this morning|this afternoon|this evening|last night|the day before yesterday)\b", True),
    ("rel_unit", r"\b(?P<q>earlier|later)?\s*(?P<rel>this|last|next|the past|the previous|the coming|past|previous|coming)\s+(?P<u>week(?:end)?|month|year)\b", True),
    ("ago", rf"\b(?P<n>{_NUM})\s+(?P<u>{_UNIT})\s+(?:ago|earlier)\b", True),
    ("past_n", rf"\b(?:in|over|during|within|for)\s+the\s+(?:past|last|previous)\s+(?P<n>{_NUM})\s+(?P<u>{_UNIT})\b", True),
    ("other_day", r"\bthe other day\b", True),
]]

_WD_RE = re.compile(_WD, re.I)
_Q_RE = re.compile(_QUAL, re.I)
_MON_RE = re.compile(_MON, re.I)
_DAY_RE = re.compile(_DAY)
_YEAR_RE = re.compile(_YEAR)

Value = tuple[str | None, str | None, str, str]   # start, end, precision, anchor


@dataclass
class Found:
    start: int
    end: int
    kind: str
    groups: dict = field(default_factory=dict)
    text: str = ""
    period: dict | None = None   # named period record


def parse_iso(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


@lru_cache(maxsize=1)
def named_periods() -> list[dict]:
    """The named-period table, with compiled patterns (``resources/named_periods.json``)."""
    raw = resources.files("claimwatch.resources").joinpath("named_periods.json").read_text(encoding="utf-8")
    out = []
    for rec in json.loads(raw)["periods"]:
        rec = dict(rec)
        rec["_rx"] = re.compile("|".join(f"(?:{p})" for p in rec["patterns"]), re.I)
        rec["_req"] = re.compile(rec["requires"], re.I) if rec.get("requires") else None
        out.append(rec)
    return out


def scan(text: str) -> list[Found]:
    """All temporal expressions in ``text``: longest match wins where they overlap."""
    found: list[Found] = []
    for rec in named_periods():
        if rec["_req"] is not None and not rec["_req"].search(text):
            continue
        for m in rec["_rx"].finditer(text):
            found.append(Found(m.start(), m.end(), "named", {}, m.group(0), rec))
    for kind, rx in _RULES:
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            while s < e and text[s].isspace():
                s += 1
            if e > s:
                found.append(Found(s, e, kind, {k: v for k, v in m.groupdict().items() if v}, text[s:e]))
    # named periods first (they carry a better value than the year inside them), then longest
    found.sort(key=lambda f: (f.kind != "named", -(f.end - f.start), f.start))
    chosen: list[Found] = []
    for f in found:
        if all(f.end <= c.start or f.start >= c.end for c in chosen):
            chosen.append(f)
    chosen.sort(key=lambda f: f.start)
    return [f for f in chosen if _plausible(f, text)]


def _plausible(f: Found, text: str) -> bool:
    low = f.text.lower()
    if f.kind == "month" and low.split()[-1] == "may":
        return f.text.split()[-1] == "May" and not re.match(r"\s+(?:be|have|not|also|well)\b", text[f.end:])
    if f.kind == "weekday" and text[f.end:f.end + 1] == "'":
        return False
    if f.kind == "season" and not (f.groups.get("rel") or f.groups.get("y") or " " in f.text.strip()):
        return False  # a bare "fall" / "spring" is usually the verb or noun
    if f.kind == "season" and f.text[-1:].isalpha() and text[f.start:f.start + 1].isupper() and \
            low.split()[-1] in ("fall", "spring") and f.start > 0 and text[f.start - 2:f.start - 1] not in ".\n":
        return False  # a capitalised "Spring" mid-sentence is usually a name
    return True


# ---------------------------------------------------------------------------------------------------
# normalisation


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _month(tok: str) -> int:
    return MONTHS[tok.lower().rstrip(".")]


def _day(tok: str) -> int:
    return int(re.match(r"\d+", tok).group(0))


def _num(tok: str) -> int:
    tok = tok.lower()
    return int(tok) if tok.isdigit() else NUMBERS.get(tok, 1)


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def _qualify(q: str | None, start: date, end: date, precision: str) -> tuple[date, date, str]:
    """early / mid / late: thirds of the period (days 1-10, 11-20, 21-end of a month; Jan-Apr,
    May-Aug, Sep-Dec of a year); the beginning / middle / end of, the first / second half of."""
    if not q:
        return start, end, precision
    q = q.lower().strip("- ")
    if precision == "year":
        y = start.year
        thirds = [(date(y, 1, 1), date(y, 4, 30)), (date(y, 5, 1), date(y, 8, 31)), (date(y, 9, 1), date(y, 12, 31))]
        halves = [(date(y, 1, 1), date(y, 6, 30)), (date(y, 7, 1), date(y, 12, 31))]
    else:
        thirds = [(start, start.replace(day=10)), (start.replace(day=11), start.replace(day=20)),
                  (start.replace(day=21), end)]
        halves = [(start, start.replace(day=15)), (start.replace(day=16), end)]
    pick = {"early": thirds[0], "the beginning of": thirds[0], "the start of": thirds[0],
            "mid": thirds[1], "the middle of": thirds[1], "late": thirds[2], "the end of": thirds[2],
            "the first half of": halves[0], "the second half of": halves[1]}.get(q)
    if pick is None:
        return start, end, precision
    return pick[0], pick[1], "range"


def _open(prep_text: str) -> bool:
    """'since X', 'from X' (without 'to'), 'starting X', 'as of X': the period runs on from X."""
    return bool(re.match(r"(?:since|from|starting|as of)\b", prep_text.strip().lower()))


def _point(text: str, pub: date | None, future: bool) -> tuple[date, date, str, str] | None:
    """A single date expression inside a range: (start, end, precision, anchor) or None."""
    m = re.search(rf"({_MON})\s+({_DAY}),?\s+({_YEAR})|({_DAY})\s+(?:of\s+)?({_MON}),?\s+({_YEAR})", text)
    if m:
        mon, d, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(5), m.group(4), m.group(6))
        try:
            x = date(int(y), _month(mon), _day(d))
        except ValueError:
            return None
        return x, x, "day", "absolute"
    m = re.search(rf"({_MON}),?\s+(?:of\s+)?({_YEAR})", text)
    if m:
        y, mo = int(m.group(2)), _month(m.group(1))
        return date(y, mo, 1), _month_end(y, mo), "month", "absolute"
    m = re.search(rf"({_MON})\s+({_DAY})\b|({_DAY})\s+(?:of\s+)?({_MON})\b", text)
    if m:
        mon, d = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if pub is None:
            return None
        return _anchor_md(_month(mon), _day(d), pub, future)
    m = _MON_RE.search(text)
    if m and pub is not None:
        y = _month_year(_month(m.group(0)), pub, future)
        mo = _month(m.group(0))
        return date(y, mo, 1), _month_end(y, mo), "month", "published"
    return None


def _anchor_md(mo: int, d: int, pub: date, future: bool | None) -> tuple[date, date, str, str] | None:
    """Month + day without a year: the occurrence after publication when the tense is future, on or
    before it when past, the nearest one when the tense says nothing (``future is None``)."""
    if future is None:
        best = None
        for y in (pub.year - 1, pub.year, pub.year + 1):
            try:
                x = date(y, mo, d)
            except ValueError:
                continue
            if best is None or abs((x - pub).days) < abs((best - pub).days):
                best = x
        return (best, best, "day", "published") if best else None
    for y in ((pub.year, pub.year + 1) if future else (pub.year, pub.year - 1)):
        try:
            x = date(y, mo, d)
        except ValueError:
            continue
        if (future and x >= pub) or (not future and x <= pub + timedelta(days=1)):
            return x, x, "day", "published"
    return None


def _month_year(mo: int, pub: date, future: bool) -> int:
    if future:
        return pub.year if mo >= pub.month else pub.year + 1
    return pub.year if mo <= pub.month else pub.year - 1


_UNRESOLVED: Value = (None, None, "unknown", "unresolved")


def normalise(f: Found, published: str | None, *, future: bool = False) -> Value:
    """(start, end, precision, anchor) of one expression against the publication date."""
    pub = parse_iso(published)
    g = f.groups
    low = f.text.lower()
    open_ = _open(low)
    try:
        val = _normalise(f, g, low, pub, future)
    except (ValueError, KeyError, OverflowError):
        return _UNRESOLVED
    if val is None:
        return _UNRESOLVED
    start, end, precision, anchor = val
    if open_ and f.kind not in ("range_md", "range_dm", "range_y", "range_any", "named"):
        end = None
    return _iso(start), _iso(end), precision, anchor


def _normalise(f: Found, g: dict, low: str, pub: date | None, future: bool):
    k = f.kind
    if k == "named":
        p = f.period
        return parse_iso(p["start"]), parse_iso(p.get("end")), p.get("precision", "day"), "absolute"
    if k == "iso":
        x = date(int(g["y"]), int(g["mo"]), int(g["d"]))
        return x, x, "day", "absolute"
    if k == "numeric":
        a, b = int(g["a"]), int(g["b"])
        # US month/day with "/", European day.month with "."
        mo, d = (a, b) if "/" in f.text and a <= 12 else (b, a)
        x = date(int(g["y"]), mo, d)
        return x, x, "day", "absolute"
    if k == "full":
        p = _point(g["x"], pub, future)
        return p
    if k == "month_day":
        if pub is None:
            return None
        p = _point(g["x"], pub, future)
        return p
    if k == "month_year":
        y, mo = int(g["y"]), _month(g["m"])
        return date(y, mo, 1), _month_end(y, mo), "month", "absolute"
    if k in ("month", "qual_month"):
        mo = _month(g["m"])
        if g.get("y"):
            y, anchor = int(g["y"]), "absolute"
        elif pub is None:
            return None
        else:
            rel = (g.get("p") or "").strip().lower()
            anchor = "published"
            if rel == "last":
                y = pub.year - 1 if mo >= pub.month else pub.year
            elif rel == "next":
                y = pub.year + 1 if mo <= pub.month else pub.year
            elif rel == "this":
                y = pub.year
            else:
                y = _month_year(mo, pub, future)
        s, e = date(y, mo, 1), _month_end(y, mo)
        q = g.get("q") or ((g.get("p") or "").strip() if (g.get("p") or "").strip().lower().rstrip("-") in ("early", "late", "mid") else None)
        s, e, prec = _qualify(q, s, e, "month")
        return s, e, prec, anchor
    if k in ("year", "qual_year"):
        y = int(g["y"])
        q = g.get("q") or ((g.get("p") or "").strip() if (g.get("p") or "").strip().lower().rstrip("-") in ("early", "late", "mid") else None)
        s, e, prec = _qualify(q, date(y, 1, 1), date(y, 12, 31), "year")
        return s, e, prec, "absolute"
    if k == "decade":
        y = int(g["y"])
        return date(y, 1, 1), date(y + 9, 12, 31), "range", "absolute"
    if k == "quarter":
        q = ORDINALS[g["o"].lower()]
        if g.get("y"):
            y, anchor = int(g["y"]), "absolute"
        elif pub is None:
            return None
        else:
            y, anchor = pub.year, "published"
        s = date(y, 3 * q - 2, 1)
        return s, _month_end(y, 3 * q), "range", anchor
    if k == "season":
        a, b = SEASONS[g["s"].lower()]
        rel = (g.get("rel") or "").lower()
        if g.get("y"):
            y, anchor = int(g["y"]), "absolute"
        elif pub is None:
            return None
        else:
            anchor = "published"
            y = pub.year
            if rel in ("last", "past") or (not rel and not future and a > pub.month):
                y -= 1
            elif rel == "next" or (future and b < pub.month):
                y += 1
        s = date(y, a, 1)
        e = _month_end(y + 1 if b < a else y, b)
        return s, e, "range", anchor
    if k in ("range_md", "range_dm"):
        mo = _month(g["m"])
        d1, d2 = _day(g["d1"]), _day(g["d2"])
        if g.get("y"):
            y, anchor = int(g["y"]), "absolute"
        elif pub is None:
            return None
        else:
            y, anchor = pub.year if not (mo > pub.month and not future) else pub.year - 1, "published"
        return date(y, mo, d1), date(y, mo, d2), "range", anchor
    if k == "range_y":
        y1 = int(g["y1"])
        y2 = int(g["y2"]) if len(g["y2"]) == 4 else (y1 // 100) * 100 + int(g["y2"])
        if y2 <= y1:
            return None
        return date(y1, 1, 1), date(y2, 12, 31), "range", "absolute"
    if k == "range_any":
        ta, tb = g["a"], g["b"]
        yb = _YEAR_RE.search(tb)
        if yb and not _YEAR_RE.search(ta):
            ta = f"{ta} {yb.group(0)}"  # "between March 1 and March 5, 2023"
        a, b = _point(ta, pub, future), _point(tb, pub, future)
        if not a or not b:
            return None
        return a[0], b[1], "range", "absolute" if a[3] == b[3] == "absolute" else "published"
    if pub is None:
        return None
    if k == "weekday":
        wd = WEEKDAYS[_WD_RE.search(f.text).group(0).lower()]
        rel = ((g.get("p2") or g.get("p") or "")).lower()
        if rel == "next" or rel == "coming" or (future and rel not in ("last", "past", "since")):
            delta = (wd - pub.weekday()) % 7 or 7
            x = pub + timedelta(days=delta)
        elif rel in ("last", "past"):
            delta = (pub.weekday() - wd) % 7 or 7
            x = pub - timedelta(days=delta)
        else:
            x = pub - timedelta(days=(pub.weekday() - wd) % 7)
        return x, x, "day", "published"
    if k == "deictic":
        w = g["w"].lower()
        off = {"yesterday": -1, "tomorrow": 1, "last night": -1, "the day before yesterday": -2}.get(w, 0)
        x = pub + timedelta(days=off)
        return x, x, "day", "published"
    if k == "rel_unit":
        rel = g["rel"].lower().replace("the ", "")
        unit = g["u"].lower()
        step = {"this": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}[rel]
        if unit.startswith("week"):
            monday = pub - timedelta(days=pub.weekday()) + timedelta(weeks=step)
            if unit == "weekend":
                sat = monday + timedelta(days=5)
                return sat, sat + timedelta(days=1), "range", "published"
            if rel == "past" and g.get("q") is None and "the past" in low:
                return pub - timedelta(days=7), pub, "range", "published"
            return monday, monday + timedelta(days=6), "week", "published"
        if unit == "month":
            y, mo = _shift_month(pub.year, pub.month, step)
            return date(y, mo, 1), _month_end(y, mo), "month", "published"
        y = pub.year + step
        if rel == "past" and "the past" in low:
            return pub - timedelta(days=365), pub, "range", "published"
        return date(y, 1, 1), date(y, 12, 31), "year", "published"
    if k == "ago":
        n, unit = _num(g["n"]), g["u"].lower().rstrip("s")
        if unit == "day":
            x = pub - timedelta(days=n)
            return x, x, "day", "published"
        if unit == "week":
            x = pub - timedelta(weeks=n)
            monday = x - timedelta(days=x.weekday())
            return monday, monday + timedelta(days=6), "week", "published"
        if unit == "month":
            y, mo = _shift_month(pub.year, pub.month, -n)
            return date(y, mo, 1), _month_end(y, mo), "month", "published"
        years = n * (10 if unit == "decade" else 1)
        return date(pub.year - years, 1, 1), date(pub.year - years, 12, 31), "year", "published"
    if k == "past_n":
        n, unit = _num(g["n"]), g["u"].lower().rstrip("s")
        days = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3652}[unit] * n
        return pub - timedelta(days=days), pub, "range", "published"
    if k == "other_day":
        return pub - timedelta(days=7), pub - timedelta(days=1), "range", "published"
    return None
