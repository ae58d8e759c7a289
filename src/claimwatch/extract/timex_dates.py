"""Date rules of the time grammar: calendar dates, months, years, quarters, seasons, decades
and ranges ("March 1-5, 2023", "between 2020 and 2022", "the night from Saturday to Sunday").
Each rule is registered with its normaliser (:func:`.timex_registry.rule`)."""

from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, timedelta

from ..resources import read_json
from . import timex_calendar as cal
from .timex_calendar import TV
from .timex_registry import QUAL, RULES, Ctx, low, mod_of, part_of_period, ref_anchor, ref_year, rule, ungroup
from .timex_words import DAY, DAY_FIRST, DAY_NUM, MON, SEASON, WD, YEAR, day_of, month_of, weekday_of

__all__ = ["point"]



@rule("iso", rf"(?P<y>{YEAR})-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)")
def _iso(g: dict, ctx: Ctx) -> TV | None:
    return cal.day_value(date(int(g["y"]), int(g["mo"]), int(g["d"])), "absolute")


@rule("numeric", rf"(?:(?P<wd>{WD})(?:,\s*|\s*\((?=[^)]{{6,10}}\))))?"
                 rf"(?:(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.](?P<y>{YEAR})(?!\d)"
                 r"|(?<![\d/.])(?P<a2>\d{1,2})/(?P<b2>\d{1,2})/(?P<y2>\d\d)(?![\d/]))(?(wd)\)?)")
def _numeric(g: dict, ctx: Ctx) -> TV | None:
    """"10/3/2023", "3.10.2023"; "7/8/07" (US month/day, a two-digit year of the reference's century).
    A weekday before it settles which of day and month comes first ("Tuesday (3/11/2026)" is 3 November:
    11 March 2026 is a Wednesday)."""
    if g.get("y2"):
        near = ref_year(ctx) or 2000
        y = near // 100 * 100 + int(g["y2"])
        y += -100 if y > near + 50 else 100 if y < near - 50 else 0  # the year nearest the reference
        a, b = int(g["a2"]), int(g["b2"])
    else:
        y, a, b = int(g["y"]), int(g["a"]), int(g["b"])
    us = "/" in g["_text"] and a <= 12  # US m/d with "/", European d.m with "."
    readings = [(a, b), (b, a)] if us else [(b, a), (a, b)]
    dates = [date(y, mo, d) for mo, d in readings if 1 <= mo <= 12 and 1 <= d <= calendar.monthrange(y, mo)[1]]
    if g.get("wd"):
        dates = [d for d in dates if d.weekday() == weekday_of(g["wd"])] or dates
    return cal.day_value(dates[0], "absolute") if dates else None


_FULL = (rf"(?:(?P<wd>{WD}),?\s+)?(?:(?P<m1>{MON})\s+(?P<d1>{DAY}),?\s+(?P<y1>{YEAR})"
         rf"|(?:the\s+)?(?P<d2>{DAY_FIRST})\s+(?:of\s+)?(?P<m2>{MON}),?\s+(?P<y2>{YEAR}))(?!\d)")


@rule("full", _FULL)
def _full(g: dict, ctx: Ctx) -> TV | None:
    m, d, y = (g["m1"], g["d1"], g["y1"]) if g.get("m1") else (g["m2"], g["d2"], g["y2"])
    return cal.day_value(date(int(y), month_of(m), day_of(d)), "absolute")


def _md(g: dict, ctx: Ctx, suffix: str = "") -> date | None:
    """A month-day without a year ("Nov. 16", "Sunday, August 13"): tense-resolved against the
    reference; with only a year known, in that year (the weekday, if given, must agree)."""
    m, d = (g["m1"], g["d1"]) if g.get("m1") else (g["m2"], g["d2"])
    mo, dd = month_of(m), day_of(d)
    if ctx.ref.day is not None:
        return cal.anchor_month_day(mo, dd, ctx.ref.day, ctx.future)
    if ctx.ref.year is not None:
        return date(ctx.ref.year, mo, dd)
    return None


@rule("month_day", rf"(?:(?P<wd>{WD}),?\s+)?(?:(?P<m1>{MON})\s+(?P<d1>{DAY})(?!\d|:\d)(?!,?\s+{YEAR})"
                   rf"|(?:the\s+)?(?P<d2>{DAY_FIRST})\s+(?:of\s+)?(?P<m2>{MON})(?!,?\s+{YEAR}))")
def _month_day(g: dict, ctx: Ctx) -> TV | None:
    x = _md(g, ctx)
    return cal.day_value(x, ref_anchor(ctx)) if x else None


@rule("qual_month", rf"(?P<q>{QUAL})[\s-]*(?P<m>{MON})(?:,?\s+(?:of\s+)?(?P<y>{YEAR}))?")
def _qual_month(g: dict, ctx: Ctx) -> TV | None:
    tv = _month(g, ctx)
    return part_of_period(tv, g["q"], low(g, "prep")) if tv else None


@rule("month_year", rf"(?P<m>{MON}),?\s+(?:of\s+)?(?P<y>{YEAR})(?![\d-])")
def _month_year(g: dict, ctx: Ctx) -> TV | None:
    return cal.month_period(int(g["y"]), month_of(g["m"]), "absolute")


@rule("month_rel", rf"(?P<m>{MON})\s+(?:of\s+)?(?P<rel>last|this|next|past)\s+year")
def _month_rel(g: dict, ctx: Ctx) -> TV | None:
    y = ref_year(ctx)
    if y is None:
        return None
    y += {"last": -1, "past": -1, "this": 0, "next": 1}[low(g, "rel")]
    return cal.month_period(y, month_of(g["m"]), ref_anchor(ctx))


#: after an abbreviated month name: "Oct." + a number is a day ("last Oct. 23"), "May." + a number
#: is a sentence that ends with the month and a next one that opens with a figure
_AFTER_ABBREVIATION = r"(?:(?<=\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec))|(?<=\bSept))"


@rule("month", rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?P<m>{MON})(?![\s-]*\d)"
               rf"(?!{_AFTER_ABBREVIATION}\.[\s-]*\d)")
def _month(g: dict, ctx: Ctx) -> TV | None:
    mo = month_of(g["m"])
    if g.get("y"):
        return cal.month_period(int(g["y"]), mo, "absolute")
    rel = low(g, "rel")
    if ctx.ref.day is None:
        return cal.month_period(ctx.ref.year, mo, ref_anchor(ctx)) if ctx.ref.year and not rel else None
    ref = ctx.ref.day
    if rel in ("last", "this past"):
        y = ref.year - 1 if mo >= ref.month else ref.year
    elif rel in ("next", "this coming"):
        y = ref.year + 1 if mo <= ref.month else ref.year
    elif rel == "this":
        y = ref.year
    else:
        y = cal.anchor_month(mo, ref, ctx.future)
    return cal.month_period(y, mo, ref_anchor(ctx))


@rule("qual_year", rf"(?P<q>{QUAL})[\s-]*(?:the\s+year\s+)?(?P<y>{YEAR})(?![\d-])")
def _qual_year(g: dict, ctx: Ctx) -> TV | None:
    return part_of_period(cal.year_period(int(g["y"]), "absolute"), g["q"], low(g, "prep"))


@rule("qual_rel_year", rf"(?P<q>{QUAL})\s+(?P<rel>the|this|next|last)\s+year|(?P<ys>(?:the\s+)?year['’]s\s+end|year[- ]end(?![\w-]))")
def _qual_rel_year(g: dict, ctx: Ctx) -> TV | None:
    y = ref_year(ctx)
    if y is None:
        return None
    y += {"next": 1, "last": -1}.get(low(g, "rel"), 0)
    return part_of_period(cal.year_period(y, ref_anchor(ctx)), g.get("q") or "the end of", low(g, "prep"))


@rule("short_year", r"(?:(?<=\bsince\s)|(?<=\bin\s)|(?<=\bof\s)|(?<=\buntil\s)|(?<=\bby\s))['’](?P<yy>\d\d)(?![\w'’])")
def _short_year(g: dict, ctx: Ctx) -> TV | None:
    """"since '82", "the class of '99": the year nearest the reference with those last two digits."""
    near = ref_year(ctx) or 1950
    y = near // 100 * 100 + int(g["yy"])
    y += -100 if y > near + 10 else 100 if y < near - 90 else 0
    return cal.year_period(y, "absolute")


@rule("year", rf"(?:(?P<q>early|late|mid)[\s-]+|(?P<the>the\s+year\s+)|(?P<fy>fiscal(?:\s+year)?\s+)|(?P<pp>pre|post)-)?(?P<y>{YEAR})"
              r"(?![\d-]|\s*(?:%|percent|per\s+cent))")
def _year_rule(g: dict, ctx: Ctx) -> TV | None:
    """"1998", "mid-1997", "fiscal 1989"; "post-1959" is the year with TIMEX3 mod AFTER ("pre-1990": BEFORE)."""
    tv = cal.year_period(int(g["y"]), "absolute")
    if g.get("pp"):
        return replace(tv, mod="AFTER" if low(g, "pp") == "post" else "BEFORE")
    return part_of_period(tv, g["q"], low(g, "prep")) if g.get("q") else tv


@rule("decade", r"(?:the\s+)?(?:(?P<q>early|mid|late)[\s-]+)?(?:(?P<y>(?:1[6-9]|20)\d0)|['’](?P<yy>\d0))['’]?s(?!\w)"
                r"|(?:the\s+(?:(?P<q2>early|mid|late)[\s-]+)?|(?<=\d0s\sand\s))(?P<yy2>[2-9]0)s(?![\w'’])")
def _decade(g: dict, ctx: Ctx) -> TV | None:
    """"the 1990s", "the late '80s"; "the 70s and 80s" (a decade of the twentieth century without
    its apostrophe, after "the" or after another such decade)."""
    if g.get("yy2"):
        g = {"yy": g["yy2"], "q": g.get("q2")}
    y = int(g["y"]) if g.get("y") else 1900 + int(g["yy"])
    s, e = date(y, 1, 1), date(y + 9, 12, 31)
    mod = mod_of(g.get("q") or "")
    if mod:
        a = {"START": 0, "MID": 3, "END": 6}[mod]
        s, e = date(y + a, 1, 1), date(y + a + 3, 12, 31)
    return TV(s, e, "range", "absolute", str(y)[:3], mod=mod)


_DECADE_WORDS = ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")


@rule("decade_word", rf"the\s+(?:(?P<q>early|mid|late)[\s-]+)?(?P<w>{'|'.join(_DECADE_WORDS)})(?![\w-])")
def _decade_word(g: dict, ctx: Ctx) -> TV | None:
    """"the nineties", "the early eighties": a decade of the twentieth century (TIMEX3 ``199``)."""
    return _decade({"y": str(1920 + 10 * _DECADE_WORDS.index(low(g, "w"))), "q": g.get("q")}, ctx)


_ORDINAL_CENTURY = {"eighteenth": 18, "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "twenty first": 21}


@rule("century", r"(?:the\s+)?(?:(?P<n>1\d|2[01]|[1-9])(?:st|nd|rd|th)|(?P<w>eighteenth|nineteenth|twentieth|"
                 r"twenty[\s-]first))[\s-]+century(?![\w-])")
def _century(g: dict, ctx: Ctx) -> TV | None:
    """"the 20th century", "an 11th-century temple": TIMEX3 names a century by its first two digits
    (``19``, ``10``)."""
    n = int(g["n"]) if g.get("n") else _ORDINAL_CENTURY[" ".join(low(g, "w").replace("-", " ").split())]
    y = 100 * (n - 1)
    return TV(date(max(y, 1), 1, 1), date(y + 99, 12, 31), "range", "absolute", f"{n - 1:02d}")


_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SPOKEN_YY = (rf"(?:{'|'.join(_TEENS)}|(?:{'|'.join(_TENS)})(?:[\s-]+(?:{'|'.join(_UNITS)}))?"
              rf"|(?:oh|o)[\s-]+(?:{'|'.join(_UNITS)}))")
#: a year read out ("nineteen ninety-six", "the year two thousand", "two thousand and one"): broadcast
#: transcripts write years as words
SPOKEN_YEAR = (rf"(?:nineteen|eighteen|twenty)[\s-]+{_SPOKEN_YY}(?![\w-])"
               rf"|two\s+thousand(?:\s+(?:and\s+)?(?:{'|'.join(_UNITS + _TEENS)}))?(?![\w-])")


def spoken_year(words: str) -> int | None:
    """The year a read-out year names ("nineteen ninety-six" -> 1996), or None."""
    ws = [w for w in re.split(r"[\s-]+", words.lower()) if w and w not in ("the", "year", "and")]
    small = {w: i + 1 for i, w in enumerate(_UNITS)} | {w: i + 10 for i, w in enumerate(_TEENS)}
    tens = {w: 20 + 10 * i for i, w in enumerate(_TENS)}
    if ws[:2] == ["two", "thousand"]:
        return 2000 + sum(small.get(w, 0) for w in ws[2:])
    century = {"eighteen": 1800, "nineteen": 1900, "twenty": 2000}.get(ws[0]) if ws else None
    if century is None or len(ws) < 2:
        return None
    rest = ws[1:]
    if rest[0] in ("oh", "o"):
        return century + small.get(rest[-1], 0) if len(rest) == 2 else None
    return century + sum(tens.get(w, small.get(w, 0)) for w in rest)


@rule("spoken_year", rf"(?:(?P<m>{MON})\s+)?(?:the\s+year\s+)?(?P<w>{SPOKEN_YEAR})")
def _spoken_year(g: dict, ctx: Ctx) -> TV | None:
    y = spoken_year(g["w"])
    if y is None:
        return None
    return cal.month_period(y, month_of(g["m"]), "absolute") if g.get("m") else cal.year_period(y, "absolute")


_HOLIDAYS = read_json("holidays.json")
_HOLIDAY_NAMES = sorted(list(_HOLIDAYS["fixed"]) + list(_HOLIDAYS["nth_weekday"]) + _HOLIDAYS["easter"], key=len, reverse=True)
HOLIDAY = "|".join(re.escape(n).replace(r"\ ", r"\s+").replace("'", "['’]?") for n in _HOLIDAY_NAMES)


def _easter(y: int) -> date:
    """Easter Sunday of year ``y`` (Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = y % 19, y // 100, y % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lw) // 451
    month = (h + lw - 7 * m + 114) // 31
    return date(y, month, (h + lw - 7 * m + 114) % 31 + 1)


def holiday_date(name: str, y: int) -> date | None:
    """The day a holiday falls on in year ``y`` (``resources/holidays.json``)."""
    key = " ".join(name.lower().replace("’", "'").split())
    if key in _HOLIDAYS["fixed"]:
        mo, dd = _HOLIDAYS["fixed"][key]
        return date(y, mo, dd)
    if key in _HOLIDAYS["nth_weekday"]:
        mo, wd, nth = _HOLIDAYS["nth_weekday"][key]
        first = date(y, mo, 1)
        if nth == 0:  # the day after the first Monday (US Election Day)
            return first + timedelta(days=(0 - first.weekday()) % 7 + 1)
        if nth < 0:
            last = cal.month_end(y, mo)
            return last - timedelta(days=(last.weekday() - wd) % 7)
        return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (nth - 1))
    if key in _HOLIDAYS["easter"]:
        return _easter(y) + timedelta(days={"good friday": -2, "easter monday": 1}.get(key, 0))
    return None


@rule("holiday_week", rf"(?P<h>{HOLIDAY})\s+week(?![\w-])")
def _holiday_week(g: dict, ctx: Ctx) -> TV | None:
    """"Easter week", "Christmas week": the week that holds the day."""
    day = _holiday(g, ctx)
    return cal.week_period(day.start, day.anchor) if day is not None and day.start is not None else None


@rule("holiday", rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?P<h>{HOLIDAY})(?![\w-])"
                 rf"(?:,?\s+(?P<y>{YEAR})(?!\d))?")
def _holiday(g: dict, ctx: Ctx) -> TV | None:
    """"Thanksgiving", "Christmas Eve", "last Easter", "Memorial Day 2023": the day, in the year given,
    else the one the tense (or "last" / "next") points to, else the nearest."""
    if g.get("y"):
        d = holiday_date(g["h"], int(g["y"]))
        return cal.day_value(d, "absolute") if d else None
    ref = ctx.ref.day
    if ref is None:
        y = ctx.ref.year
        d = holiday_date(g["h"], y) if y else None
        return cal.day_value(d, ref_anchor(ctx)) if d else None
    options = [x for x in (holiday_date(g["h"], y) for y in (ref.year - 1, ref.year, ref.year + 1)) if x]
    rel = low(g, "rel")
    if rel in ("last", "this past") or not rel and ctx.future is False:
        options = [x for x in options if x <= ref] or options
        d = max(options)
    elif rel in ("next", "this coming") or not rel and ctx.future:
        options = [x for x in options if x >= ref] or options
        d = min(options)
    else:
        d = min(options, key=lambda x: abs((x - ref).days))
    return cal.day_value(d, ref_anchor(ctx))


#: "the final/last quarter of 2009": the fourth (without "of <year>" it may be a game's last quarter)
_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


#: TimeML leaves out a possessive or an article that belongs to the noun a quarter modifies ("a
#: [third-quarter] loss", "its [fourth quarter] ended Sept. 30", "the [third-quarter] results")
_QUARTER_DET = r"(?P<lead>its|their|an?|the(?=\s+(?:fiscal[\s-]+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)-quarter))"


#: "the year-ago third quarter", "the prior-year fourth quarter": that quarter a year before
_YEAR_AGO = r"(?P<ago>year[\s-]+(?:ago|earlier)|(?:previous|prior)[\s-]+year(?:['’]s)?)\s+"


@rule("quarter", r"(?:(?P<rel>this|last|next)\s+year['’]s\s+|(?:" + _QUARTER_DET + r"|the)\s+(?:(?P<yy>" + YEAR + r")\s+)?"
                 r"(?:(?:latest|flat|fiscal|weak|strong|same|current|full|calendar|comparable|corresponding)\s+)?"
                 r"(?:" + _YEAR_AGO + r")?)?"
                 r"(?:fiscal[\s-]+)?(?P<o>first|second|third|fourth|(?:final|last)(?=\s+quarter\s+of\s)|1st|2nd|3rd|4th)"
                 r"[\s-]+(?:fiscal[\s-]+)?quarter"
                 rf"(?:\s+of\s+(?:(?P<y>{YEAR})|(?P<rel2>this|last|next)\s+year))?(?!ly)"
                 rf"|Q(?P<qn>[1-4])\s+(?P<y3>{YEAR})")
def _quarter(g: dict, ctx: Ctx) -> TV | None:
    q = int(g["qn"]) if g.get("qn") else _ORD[g["o"].lower()]
    explicit = g.get("yy") or g.get("y") or g.get("y3")
    if explicit:
        return cal.quarter_period(int(explicit), q, "absolute")
    y = ref_year(ctx)
    if y is None:
        return None
    rel = low(g, "rel") or low(g, "rel2")
    if rel:
        y += {"last": -1, "next": 1}.get(rel, 0)
    elif ctx.ref.day is not None:
        now_q = (ctx.ref.day.month - 1) // 3 + 1
        if q > now_q and (ctx.future is False or g.get("ago")):
            y -= 1
    return cal.quarter_period(y - (1 if g.get("ago") else 0), q, ref_anchor(ctx))


def _last_quarter(ctx: Ctx, years_back: int = 0) -> TV | None:
    if ctx.ref.day is None:
        return None
    y, q = ctx.ref.day.year, (ctx.ref.day.month - 1) // 3
    if q == 0:
        y, q = y - 1, 4
    return cal.quarter_period(y - years_back, q, ref_anchor(ctx))


@rule("the_quarter", r"(?P<ago>(?:the\s+)?(?:(?:comparable|corresponding|same)\s+)?year[\s-]+(?:earlier|ago)"
                     r"(?:\s+(?:quarter|period))?(?![\s-]+(?:six|nine)\s+months)"
                     r"|the\s+(?:(?:comparable|corresponding|same)\s+)?(?:quarter|period)\s+(?:of\s+)?"
                     r"(?:a\s+year\s+(?:earlier|ago)|last\s+year|the\s+(?:previous|prior)\s+year)(?![\w-])"
                     r"|last\s+year['’]s\s+(?:quarter|period)(?![\w-]))"
                     r"|the\s+(?:latest\s+|most\s+recent\s+|just[\s-]+(?:ended|completed)\s+|recent\s+)?quarter(?![\w-])"
                     r"|(?P<period>the\s+(?:latest|most\s+recent)\s+period)(?![\w-])"
                     r"|(?P<months>(?:the\s+)?year[\s-]+(?:earlier|ago)\s+(?P<n>six|nine)\s+months)"
                     rf"|the\s+(?P<qy>{YEAR})\s+(?:period|quarter)(?![\w-])")
def _the_quarter(g: dict, ctx: Ctx) -> TV | None:
    """Financial reporting: "the quarter" / "the latest quarter" / "the latest period" is the quarter
    the report named ("its fourth quarter ended Sept. 30 ... in the latest period"), else the last
    completed one; "the year-earlier quarter" the same quarter a year before; "the 1988 period"
    that quarter in 1988; "the quarter a year ago" / "last year's quarter" the last completed quarter
    a year before; "the same period last year" after a month ("rose in February compared to the same
    period last year") that month a year before; "the year-earlier nine months" the nine months (P9M)."""
    if g.get("months"):
        return TV(None, None, "unknown", "absolute", cal.duration_value(6 if low(g, "n") == "six" else 9, "month"),
                  "DURATION")
    named = next((p for p in (ctx.last_period, ctx.quarter) if p is not None and p.value and p.start is not None
                  and p.end is not None and re.fullmatch(r"\d{4}-Q\d", p.value)
                  and (ctx.ref.day is None or p.end <= ctx.ref.day)), None)  # a quarter reported, not forecast
    if g.get("qy"):  # "the 1988 period": the quarter reported, in that year
        quarter = ctx.last_period if ctx.last_period is not None and ctx.last_period.value and \
            re.fullmatch(r"\d{4}-Q\d", ctx.last_period.value) else ctx.quarter
        if quarter is None or quarter.value is None:
            return cal.year_period(int(g["qy"]), "absolute")
        return cal.quarter_period(int(g["qy"]), int(quarter.value[-1]), "absolute")
    if not g.get("ago") and named is not None and named.value and named.start is not None:
        y = named.start.year
        if ctx.ref.day is not None and named.end is not None and (ctx.ref.day - named.end).days > 300:
            y += 1  # the quarter named was the year-ago comparison ("up from $3 million a year earlier")
        return cal.quarter_period(y, int(named.value[-1]), ref_anchor(ctx))
    if g.get("ago") and "period" in g["_text"].lower():
        month = ctx.last_period  # "rose in February compared to the same period last year": February a year before
        if month is not None and month.start is not None and month.value and re.fullmatch(r"\d{4}-\d\d", month.value):
            return cal.month_period(month.start.year - 1, month.start.month, ref_anchor(ctx))
        if named is None:  # no quarter in the report (road deaths, arrivals ...): a part of last year
            this_year = ref_year(ctx)
            return cal.year_period(this_year - 1, ref_anchor(ctx)) if this_year is not None else None
    return _last_quarter(ctx, 1 if g.get("ago") else 0)


@rule("the_year", r"the\s+(?P<adj>(?:full|entire|whole|fiscal|current\s+fiscal|full\s+fiscal)\s+)?year(?![\w-])"
                  r"(?!\s+(?:before|earlier|after|later|ago|two|of\s+the|in\s+review|prior\s+to))(?=\s+(?P<ended>ended|ending))?")
def _the_year(g: dict, ctx: Ctx) -> TV | None:
    """"the year" / "the full year" / "the fiscal year" of a report: the year of the period named with its year
    in this or the previous sentence, else the year under report the last few sentences named ("154 people were
    killed in 2025 ... injured during the year": 2025), else the reference year; "the year ended March 31" (a fiscal year
    named by its end) is the twelve months, TIMEX3 P1Y."""
    if g.get("ended"):
        return TV(None, None, "unknown", "absolute", "P1Y", "DURATION")
    period = ctx.last_period  # "a loss in the fourth quarter of 2005 and for the entire year": 2005
    if period is None or period.precision == "day" or period.anchor != "absolute":
        period = _year_under_report(ctx)
    y = period.start.year if period is not None and period.start is not None and period.precision != "day" \
        and period.anchor == "absolute" else ref_year(ctx)
    return cal.year_period(y, ref_anchor(ctx)) if y is not None else None


def _year_under_report(ctx: Ctx) -> TV | None:
    """A year the last few sentences named as a whole that a report can be about: the reference year or the
    one before (an annual toll published in January), not a background year ("founded in 1998")."""
    named, this_year = ctx.last_year, ref_year(ctx)
    if named is None or named.start is None or this_year is not None and named.start.year not in (this_year, this_year - 1):
        return None
    return named


@rule("season", rf"(?:(?P<rel>last|this|next|past|this\s+past|this\s+coming|the)\s+)?(?:(?P<q>early|mid|late)[\s-]+)?(?P<s>{SEASON})"
                rf"(?:\s+(?:of\s+)?(?P<y>{YEAR})|\s+of\s+(?P<sy>{SPOKEN_YEAR}))?(?!\w)")
def _season(g: dict, ctx: Ctx) -> TV | None:
    """"last spring", "the early summer" (TIMEX3 mod START), "the winter of 1994"."""
    tv = _season_value(g, ctx)
    return replace(tv, mod=mod_of(low(g, "q"))) if tv is not None and g.get("q") else tv


def _season_value(g: dict, ctx: Ctx) -> TV | None:
    s = g["s"].lower()
    year = int(g["y"]) if g.get("y") else spoken_year(g["sy"]) if g.get("sy") else None  # "the winter of nineteen ninety-four"
    if year is not None:
        return cal.season_period(year, s, "absolute")
    if ctx.ref.day is None:
        return None
    ref, rel = ctx.ref.day, low(g, "rel")
    # the season's year: a winter still running in January or February began the year before
    year_of = ref.year - 1 if cal.season_bounds(ref.year - 1, s)[1] >= ref else ref.year
    start, end = cal.season_bounds(year_of, s)
    if rel in ("last", "past", "this past") or (rel in ("", "the", "this") and ctx.future is False and start > ref):
        y = year_of - 1 if start > ref or rel == "last" and end >= ref else year_of
    elif rel in ("next", "this coming") or (ctx.future and end < ref):
        y = year_of + 1 if start <= ref else year_of
    else:
        y = year_of
    return cal.season_period(y, s, ref_anchor(ctx))


_WEEK_ORD = {"first": 0, "second": 1, "third": 2, "fourth": 3}


@rule("week_of", rf"the\s+(?:(?P<ord>first|second|third|fourth|last|final)\s+)?week\s+of\s+"
                 rf"(?P<when>{MON}\s+{DAY}(?:,?\s+{YEAR})?(?!\d)|{MON}(?:,?\s+{YEAR})?(?![\w-]))")
def _week_of(g: dict, ctx: Ctx) -> TV | None:
    """"the week of March 6": the week holding that day; "the first/last week of March": the week
    holding the month's 4th day / its fourth-last day (the first and last weeks mostly in the month)."""
    p = point(g["when"], ctx)
    if p is None or p.start is None or p.end is None:
        return None
    if p.precision == "day":
        return cal.week_period(p.start, p.anchor)
    o = low(g, "ord")
    if not o:
        return None
    day = p.end - timedelta(days=3) if o in ("last", "final") else p.start + timedelta(days=3 + 7 * _WEEK_ORD[o])
    return cal.week_period(day, p.anchor)


# ------------------------------------------------------------------------------------------ ranges


def _range(a: TV | None, b: TV | None) -> TV | None:
    if a is None or b is None or a.start is None or b.end is None or b.end < a.start:
        return None
    anchor = "absolute" if a.anchor == b.anchor == "absolute" else a.anchor if a.anchor != "absolute" else b.anchor
    return TV(a.start, b.end, "range", anchor, None)


#: a dash spaced on both sides after a month's day is a dateline's ("LONDON, May 18 - 12 people"), no range,
#: unless the second day ends the phrase ("May 18 – 20, 2026", "May 18 – 20 in Paris"); a figure with a
#: thousands separator after the dash is a timeline entry's count ("March 10 – 25,000 tickets sold")
_SPACED_RANGE_END = r"(?=\d{1,2}(?:st|nd|rd|th)?(?:[,.](?!\d)|[;)]|\s*$|\s+(?:in|at|on|of|and|to|for|with|from|\d{4})\b))"


@rule("range_md", rf"(?P<m1>{MON})\s+(?P<d1>{DAY})(?:\s*(?:to|and|through|until)\s*|[-–]\s*|\s+[-–](?!\s)|\s+[-–]\s+{_SPACED_RANGE_END})"
                  rf"(?P<d2>{DAY})"
                  rf"(?:,?\s+(?P<y>{YEAR}))?(?![\d:]|[,.]\d)")   # (not "March 10 – 25,000 tickets": a figure)
def _range_md(g: dict, ctx: Ctx) -> TV | None:
    mo = month_of(g["m1"])
    d1, d2 = day_of(g["d1"]), day_of(g["d2"])
    if g.get("y"):
        y, anchor = int(g["y"]), "absolute"
    else:
        first = _md({"m1": g["m1"], "d1": g["d1"]}, ctx)
        if first is None:
            return None
        y, anchor = first.year, ref_anchor(ctx)
    return TV(date(y, mo, d1), date(y, mo, d2), "range", anchor, None)


@rule("range_dm", rf"(?P<d1>{DAY_NUM})\s*(?:-|–|to|and)\s*(?P<d2>{DAY_NUM})\s+(?P<m>{MON})(?:,?\s+(?P<y>{YEAR}))?")
def _range_dm(g: dict, ctx: Ctx) -> TV | None:
    return _range_md({"m1": g["m"], "d1": g["d1"], "d2": g["d2"], "y": g.get("y")}, ctx)


@rule("range_y", rf"(?!(?<![a-z] )\d{{4}}\s[-–]\s\d\d\s+[a-z])(?P<y1>{YEAR})\s*(?:-|–|to|and|through|until)\s*"
                 rf"(?P<y2>{YEAR}|\d\d)(?!\d)")
def _range_y(g: dict, ctx: Ctx) -> TV | None:
    """"2014-16", "2014 to 2016"; two digits apart from the dash and before a word are a figure when the
    year opens its line or phrase ("2014 - 16 people died", a timeline's line), not the end year; after a
    word of the sentence they stay a range ("the 1914 – 18 war")."""
    y1 = int(g["y1"])
    y2 = int(g["y2"]) if len(g["y2"]) == 4 else (y1 // 100) * 100 + int(g["y2"])
    return TV(date(y1, 1, 1), date(y2, 12, 31), "range", "absolute", None) if y2 > y1 else None


_POINT = rf"(?:{_FULL}|{MON},?\s+(?:of\s+)?{YEAR}|(?:{WD},?\s+)?{MON}\s+{DAY}|{MON})"


@rule("range_any", rf"(?P<a>{_POINT.replace('?P<', '?:<').replace('(?:<', '(?:')})\s+(?:and|to|until|till|through)\s+"
                   rf"(?P<b>{ungroup(_POINT)})")
def _range_any(g: dict, ctx: Ctx) -> TV | None:
    ta, tb = g["a"], g["b"]
    yb = re.search(YEAR, tb)
    if yb and not re.search(YEAR, ta):
        ta = f"{ta} {yb.group(0)}"  # "between March 1 and March 5, 2023"
    a, b = point(ta, ctx), point(tb, ctx)
    if a is not None and b is not None and b.end is not None and a.start is not None and b.end < a.start \
            and a.anchor != "absolute" and a.precision == "month":
        a = cal.month_period(a.start.year - 1, a.start.month, a.anchor)  # "from October through July"
    return _range(a, b)


@rule("night_range", rf"(?:the\s+)?night\s+(?:from|of|between)\s+(?P<w1>{WD})\s+(?:to|and|into)\s+(?P<w2>{WD})"
                     rf"|(?P<w3>{WD})\s+(?:to|and|until|through)\s+(?P<w4>{WD})")
def _night_range(g: dict, ctx: Ctx) -> TV | None:
    if ctx.ref.day is None:
        return None
    w1, w2 = weekday_of(g.get("w1") or g["w3"]), weekday_of(g.get("w2") or g["w4"])
    b = cal.anchor_weekday(w2, ctx.ref.day, ctx.future)
    a = b - timedelta(days=(w2 - w1) % 7)
    value = f"{a.isoformat()}TNI" if g.get("w1") else None
    return TV(a, b, "range", ref_anchor(ctx), value, "TIME" if value else "DATE")


#: ranges whose two ends TimeML marks as two expressions when a word joins them ("between 1982 and
#: 1992", "April 24 and 25", "from Aug. 26 to Oct. 20"); a hyphenated range ("1990-92") is one token
def point(text: str, ctx: Ctx) -> TV | None:
    """The value of a single date expression (a range's end point)."""
    for kind in ("full", "month_year", "month_day", "month"):
        r = next(x for x in RULES if x.kind == kind)
        m = r.pattern.fullmatch(text.strip())
        if m:
            g = {k: v for k, v in m.groupdict().items() if v}
            g["_text"] = m.group(0)
            try:
                return r.normalise(g, ctx)
            except (ValueError, KeyError):
                return None
    return None
