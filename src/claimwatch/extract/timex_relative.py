"""Relative rules of the time grammar: today/yesterday, weekdays, parts of the day, clock times,
"this week", "N days ago", "the past three months", "the night before", durations ("five
years", "a 16-hour shift"), sets ("daily", "each Thursday") and references to the present, past
and future ("now", "recently", "the future"). Each rule is registered with its normaliser
(:func:`.timex_registry.rule`); :mod:`.timex_plausible` drops matches that are not times in context.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from . import timex_calendar as cal
from .timex_calendar import TV
from .timex_registry import Ctx, low, ref_anchor, rule
from .timex_words import (
    APPROX,
    DAY,
    DAY_PARTS,
    MON,
    NUM,
    REFERENCES,
    SETS,
    UNIT,
    WD,
    YEAR,
    month_of,
    number,
    unit_of,
    weekday_of,
)

__all__: list[str] = []  # rules register themselves (timex_registry.rule)

_UNIT_PL = r"(?:seconds|minutes|hours|days|nights|weeks|months|quarters|years|decades|centuries)"
#: words between a number and its unit that TimeML keeps in a duration ("two more weeks", "eight trading days")
_UNIT_ADJ = r"(?:(?:more|additional|further|extra|straight|consecutive|trading|business|working)[\s-]+){0,2}"
_PART = r"(?:morning|afternoon|evening|night|mid-?afternoon)"
_PLACE_TIME = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}


def _ref(ctx: Ctx) -> date | None:
    return ctx.ref.day


def _part_code(word: str) -> str:
    return DAY_PARTS.get(word.lower().replace("-", ""), DAY_PARTS.get(word.lower(), "NI"))


def _time_value(d: date, code: str) -> str:
    return f"{d.isoformat()}{code}" if code.startswith("T") else f"{d.isoformat()}T{code}"


def _day_word(word: str, ctx: Ctx) -> date | None:
    """The day a deictic word or a weekday names, against the reference."""
    ref = _ref(ctx)
    if ref is None:
        return None
    w = word.lower()
    off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1}.get(w)
    if off is not None:
        return ref + timedelta(days=off)
    return cal.anchor_weekday(weekday_of(word.capitalize()), ref, ctx.future)


@rule("deictic", r"(?:(?:early|late|earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow)(?![\w-])")
def _deictic(g: dict, ctx: Ctx) -> TV | None:
    ref = _ref(ctx)
    if ref is None:
        return None
    w = low(g, "w")
    off = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}.get(w, 0)
    return cal.day_value(ref + timedelta(days=off), ref_anchor(ctx))


@rule("day_part", rf"(?:(?P<q>early|late)[\s-]+)?(?P<a>this|last|yesterday|tomorrow|today|{WD})\s+(?P<p>{_PART})(?![\w-])"
                  rf"|(?P<p2>{_PART})\s+(?P<a2>yesterday|today|tomorrow|{WD})|(?P<solo>tonight|overnight)(?![\w-])", "TIME")
def _day_part(g: dict, ctx: Ctx) -> TV | None:
    if g.get("solo"):
        ref = _ref(ctx)
        if ref is None:
            return None
        if low(g, "solo") == "overnight" and ctx.future is not True:
            # the night before the day the story is about ("shares fell on Friday ... overnight losses")
            d = (ctx.story_day if ctx.future is False and ctx.story_day is not None else ref) - timedelta(days=1)
        else:
            d = ref
        return TV(d, d, "day", ref_anchor(ctx), _time_value(d, "NI"), "TIME")
    day = _day_word(g.get("a") or g["a2"], ctx)
    if day is None:
        return None
    return TV(day, day, "day", ref_anchor(ctx), _time_value(day, _part_code(g.get("p") or g["p2"])), "TIME")


_HOUR_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_CLOCK = (r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)"
          rf"|(?P<hp>1[0-2]|0?[1-9]|{'|'.join(_HOUR_WORDS)})(?:\s+o'clock)?\s+in\s+the\s+(?P<dpart>morning|afternoon|evening)\b"
          r"|(?P<h24>[01]?\d|2[0-3])[:h](?P<mi24>[0-5]\d)(?=\s*(?:hrs|hours|GMT|UTC|local\s+time))|(?P<nm>noon|midnight|midday)"
          r"|(?<![(\d])(?P<h4>[01]\d|2[0-3])(?P<mi4>[0-5]\d)(?=\s*(?:GMT|UTC)\b))")  # "at 0800 UTC", not "(0735 GMT)"
_TZ = r"(?:\s+(?P<tz>EST|EDT|CST|CDT|MST|PST|PDT|GMT|UTC|BST|CET|CEST|EEST|ET|local\s+time))?"
_WHEN = rf"(?:today|yesterday|tomorrow|tonight|(?:{WD},?\s+)?{MON}\s+{DAY}(?:,?\s+{YEAR})?|{WD})"


def _hour(g: dict) -> int:
    """The hour a clock time states: in figures, or in words before "in the morning" ("four in the morning")."""
    if g.get("hp"):
        word = low(g, "hp")
        return _HOUR_WORDS.index(word) + 1 if word in _HOUR_WORDS else int(word)
    return int(g.get("h") or g.get("h24") or g["h4"])


@rule("clock", rf"(?:(?P<ap>about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
               rf"{_CLOCK}{_TZ}(?:\s*,?\s*(?:on\s+)?(?P<when>{_WHEN})"
               rf"|(?=\s*\([^()\n]{{1,24}}\)\s*,?\s*(?:on\s+)?(?P<after>{_WHEN}))"
               rf"|(?=\s*\([^()\n]{{0,24}}?\s(?P<inside>{_WHEN})\)))?", "TIME")
def _clock(g: dict, ctx: Ctx) -> TV | None:
    from .timex_dates import point

    if g.get("nm"):
        hm = "T24:00" if low(g, "nm") == "midnight" else "T12:00"
    else:
        h = _hour(g)
        mi = int(g.get("mi") or g.get("mi24") or g.get("mi4") or 0)
        if g.get("ampm") or g.get("dpart"):
            pm = (g.get("ampm") or "").lower().startswith("p") or low(g, "dpart") in ("afternoon", "evening")
            h = (h % 12) + (12 if pm else 0)
        hm = f"T{h:02d}:{mi:02d}"
    # "10:35 a.m. (0735 GMT) Friday": the day after the bracket; "4 in the morning (4 a.m. EDT Thursday)": in it
    when = g.get("when") or g.get("after") or g.get("inside")
    d = None
    if when:
        w = when.strip()
        d = _day_word(w, ctx) if re.fullmatch(r"\w+", w) else None
        if d is None and not re.fullmatch(r"\w+", w):
            p = point(w, ctx)
            d = p.start if p is not None and p.precision == "day" else None
    elif ctx.future is False and ctx.story_day is not None:
        d = ctx.story_day  # "left on Sept. 12. It sank at 11 p.m.": the day the story just named
    else:
        d = _ref(ctx)
        if d is not None and hm == "T24:00" and ctx.future is False:
            d -= timedelta(days=1)  # "the strike began at midnight": the midnight that ended the day before
    if d is None:
        return None
    anchor = "absolute" if when and re.search(YEAR, when) else ref_anchor(ctx)
    zone = "Z" if low(g, "tz") in ("utc", "gmt") else ""  # ISO 8601 / TIMEX3: a time stated in UTC
    return TV(d, d, "day", anchor, f"{d.isoformat()}{hm}{zone}", "TIME")


@rule("weekday", rf"(?:(?P<rel>last|this|next|coming|past|the\s+previous|the\s+following|this\s+past|this\s+coming|"
                 rf"early|late)\s+)?(?P<w>{WD})(?!s\b)")
def _weekday(g: dict, ctx: Ctx) -> TV | None:
    rel = low(g, "rel")
    wd = weekday_of(g["w"])
    base = ctx.last_day if rel in ("the previous", "the following") and ctx.last_day else _ref(ctx)
    if base is None:
        return None
    r = {"the previous": "previous", "the following": "next", "this past": "last", "this coming": "next"}.get(rel, rel)
    d = cal.anchor_weekday(wd, base, ctx.future, r if r not in ("early", "late") else "")
    return cal.day_value(d, ref_anchor(ctx), mod={"early": "START", "late": "END"}.get(rel))


#: "the night before" / "the day after" end their clause; before a noun phrase or a clause they are
#: "the day" of something else ("the day before the election", "the day after he died")
_ALONE = r"(?=\s*(?:[.,;:!?)\"'”’]|$)|\s+(?:and|but|when|as|at|in|on|to|with)\b)"


@rule("anaphoric", rf"the\s+(?P<u>night|evening|day|morning|afternoon)\s+before{_ALONE}"
                   r"|the\s+previous\s+(?P<u2>night|evening|day|morning|afternoon)"
                   rf"|the\s+(?:next|following)\s+(?P<u3>day|morning|evening|night|afternoon)|the\s+day\s+after{_ALONE}"
                   r"|that\s+(?P<u4>day|night|morning|evening|afternoon)|th(?:e|at)\s+same\s+day")
def _anaphoric(g: dict, ctx: Ctx) -> TV | None:
    """"the night before", "the previous evening", "the next day", "that day": relative to the last
    day the report stated before it, else to the reference date."""
    text = g["_text"].lower()
    off = -1 if ("before" in text or "previous" in text) else 1 if ("next" in text or "following" in text or "after" in text) else 0
    period = ctx.last_period
    if off == 0 and period is not None and period.start is not None and period.precision != "day":
        return replace(period, value=_day_of(period))  # "two months ago ... on the same day": within that period
    base = ctx.last_day or _ref(ctx)
    if base is None:
        return None
    d = base + timedelta(days=off)
    unit = g.get("u") or g.get("u2") or g.get("u3") or g.get("u4") or "day"
    if unit.lower() == "day":
        return cal.day_value(d, ref_anchor(ctx))
    return TV(d, d, "day", ref_anchor(ctx), _time_value(d, _part_code(unit)), "TIME")


def _day_of(period: TV) -> str | None:
    """The TIMEX3 value of an unnamed day within a month or a year ("in October ... that same day"):
    the day left unspecified, "1998-10-XX", "1998-XX-XX"."""
    if period.start is None or period.precision not in ("month", "year"):
        return None
    return period.start.strftime("%Y-%m-XX" if period.precision == "month" else "%Y-XX-XX")


@rule("day_beside", rf"the\s+(?P<u>day|night|morning|evening|afternoon)\s+(?P<dir>before|after)\s+"
                   rf"(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?P<w>{WD})(?!s\b)"
                   rf"|the\s+(?P<u2>day|night|morning|evening|afternoon)\s+(?P<dir2>before|after)\s+(?P<md>{MON}\s+{DAY})(?![\w-])")
def _day_beside(g: dict, ctx: Ctx) -> TV | None:
    """"the day before last Tuesday's hearing", "the morning after Oct. 3": the day next to the one named."""
    from .timex_dates import point

    named = point(g["md"], ctx) if g.get("md") else _weekday({"rel": g.get("rel"), "w": g["w"]}, ctx)
    if named is None or named.start is None or named.precision != "day":
        return None
    unit = low(g, "u") or low(g, "u2")
    before = "before" in (low(g, "dir"), low(g, "dir2"))
    # the night (evening) after a day falls on that day's date; a day or a morning after it on the next
    d = named.start + timedelta(days=-1 if before else 0 if unit in ("night", "evening") else 1)
    if unit == "day":
        return cal.day_value(d, named.anchor)
    return TV(d, d, "day", named.anchor, _time_value(d, _part_code(unit)), "TIME")


#: what makes "the day" a day of the story ("ended the day at 8,017", "later in the day", "for the day")
_DAY_LEAD = (r"(?:late|later|early|earlier)\s+in|(?:the\s+)?(?:start|end|close|rest|course)\s+of"
             r"|(?:end|finish|close|start|begin|open)(?:s|ed|ing)?|began")


#: a day of the month or a weekday and its comma: what "the day" after it stands beside ("Oct. 12, the day before ...")
_DAY_NAMED_BEFORE = r"(?<=\d,\s)(?<!\d{4},\s)|(?<=(?-i:day),\s)"


@rule("the_day", rf"(?:(?P<lead>{_DAY_LEAD})\s+|(?<=\bfor\s))the\s+day(?![\w-])"
                 r"(?<!\bat\sthe\send\sof\sthe\sday)"    # "at the end of the day": "in the end", no day
                 r"(?!\s+(?:that|when|of|in\s+which|he|she|they|it|we)\b)"
                 r"(?!\s+(?:before|after)\s+(?:(?:the|a|an|his|her|its|their|this|that|he|she|they|it|we|i|you)\b|(?-i:[A-Z])|\d))"  # "the day after the vote"
                 rf"|(?:{_DAY_NAMED_BEFORE})(?P<appos>the\s+day)(?=\s+(?:before|after|that|when|on\s+which)\s)")
def _the_day(g: dict, ctx: Ctx) -> TV | None:
    """"The Dow ended the day at 8,017", "later in the day", "For the day, the Nikkei fell": the day
    the report last named, else the reference day ("the day" alone, or "the day before the vote", is
    no time of the story). "The day" set beside a day just named ("on Oct. 12, the day before the
    crash") is that day, as TimeML dates an appositive."""
    if g.get("appos"):
        return cal.day_value(ctx.last_day, ref_anchor(ctx)) if ctx.last_day is not None else None
    d = ctx.last_day or _ref(ctx)
    return cal.day_value(d, ref_anchor(ctx)) if d is not None else None


@rule("story_part", r"(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\blate\sin\s)|(?<=\bearly\sin\s))the\s+(?P<p>morning|afternoon|evening)"
                    r"(?![\w-])(?!\s+(?:of|before|after|when|that|yesterday|today|tomorrow)\b)"
                    r"|(?<![\w-])mid-?\s?(?P<mp>morning|afternoon)(?![\w-])(?!\s+(?:yesterday|today|tomorrow)\b)", "TIME")
def _story_part(g: dict, ctx: Ctx) -> TV | None:
    """A part of the day in a past clause ("dealers placed buy orders in the morning", "by mid
    afternoon the shelling had stopped"): that part of the day the report last named, else of the
    reference day (timex.find_times keeps it only in a past clause: "opens in the morning" is a habit)."""
    d = ctx.last_day or _ref(ctx)
    if d is None:
        return None
    return TV(d, d, "day", ref_anchor(ctx), _time_value(d, _part_code(g.get("p") or g["mp"])), "TIME")


@rule("nth_day", r"(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))"
                r"\s+(?:straight\s+|consecutive\s+)?day(?=\s+of\s)")
def _nth_day(g: dict, ctx: Ctx) -> TV | None:
    """"Today is the eighth day of the blockade", "it's the second day of an offensive": the day the
    report is about (timex.find_times keeps it only as the complement of a present "is")."""
    ref = _ref(ctx)
    return cal.day_value(ref, ref_anchor(ctx)) if ref is not None else None


@rule("that_period", r"(?:(?:later|earlier)\s+)?that\s+(?:same\s+)?(?P<u>year|month|quarter)(?![\w-])")
def _that_period(g: dict, ctx: Ctx) -> TV | None:
    """"that year", "later that month", "that quarter": the year (month, quarter) of the last date or
    period the report named ("moved to Florida in June 1998 and returned later that year" = 1998)."""
    named = ctx.last_named
    if named is None or named.start is None or named.type not in ("DATE", "TIME"):
        return None
    d, anchor, unit = named.start, named.anchor, low(g, "u")
    if unit == "quarter":
        return cal.quarter_period(d.year, (d.month - 1) // 3 + 1, anchor)
    return cal.year_period(d.year, anchor) if unit == "year" else cal.month_period(d.year, d.month, anchor)


@rule("rel_unit", r"(?:(?P<ea>earlier|later)\s+|(?P<q>early|late)\s+)?(?P<rel>this|last|next|the\s+past|the\s+previous|the\s+coming|the\s+next|"
                  r"the\s+current|the\s+following|past|previous|coming|current|the\s+latest(?=\s+(?:fiscal|financial)\s+year))\s+"
                  r"(?:(?:fiscal|financial)\s+(?=year|quarter))?(?P<u>week|month|year|quarter|decade|century)(?![\w-])"
                  r"|the\s+(?P<up>year|month)\s+(?:previous|prior|before(?=\s*[.,;]))(?![\w-])(?!\s+to\b)")
def _rel_unit(g: dict, ctx: Ctx) -> TV | None:
    """"this week", "last month", "the past year", "next fiscal year" (the year its fiscal year is named
    by, as TimeBank gives "fiscal 1989" the value 1989); "early"/"late" mark the part of the period
    (TIMEX3 mod); "earlier"/"later" belong to the span and leave the value ("earlier this month":
    TimeBank's majority) but mark no part of it. "The year previous" / "the year before" ending its
    clause ("$19.8 billion less than the year previous") is "the previous year"; "the year before the
    war", "the year prior to the merger" are no year of the report."""
    if g.get("up"):
        g = {"rel": "the previous", "u": g["up"]}
    tv = _rel_unit_value(g, ctx)
    return replace(tv, mod={"early": "START", "late": "END"}[low(g, "q")]) if tv is not None and g.get("q") else tv


def _anaphora_base(g: dict, ctx: Ctx) -> date | None:
    """What "the following year" / "the previous month" count from: the last date or period the
    report named ("On May 22, 1995, he was promoted, and the following year ..."), if any."""
    if low(g, "rel") not in ("the following", "the previous"):
        return None
    period = ctx.last_named
    return period.start if period is not None and period.start is not None and period.type in ("DATE", "TIME") else None


def _rel_unit_value(g: dict, ctx: Ctx) -> TV | None:
    ref = _ref(ctx)
    if ref is None:
        return None
    rel, unit = low(g, "rel").replace("the ", ""), low(g, "u")
    anchor = ref_anchor(ctx)
    if rel in ("past", "next", "coming") and "the" in low(g, "rel") or rel == "past":
        start, end = (cal.shift(ref, -1, unit), ref) if rel == "past" else (ref, cal.shift(ref, 1, unit))
        if rel == "past" and unit == "year":  # "over the past year": TimeBank and MEANTIME date it as last year
            return TV(start, end, "range", anchor, str(ref.year - 1), "DATE")
        return TV(start, end, "range", anchor, cal.duration_value(1, unit), "DURATION")
    # "the latest fiscal year": the last one closed
    step = {"this": 0, "current": 0, "last": -1, "previous": -1, "latest": -1, "next": 1, "coming": 1, "following": 1}[rel]
    d = cal.shift(_anaphora_base(g, ctx) or ref, step, unit)
    if unit == "week":
        return cal.week_period(d, anchor)
    if unit == "month":
        return cal.month_period(d.year, d.month, anchor)
    if unit == "quarter":
        return cal.quarter_period(d.year, (d.month - 1) // 3 + 1, anchor)
    if unit in ("decade", "century"):
        k = 10 if unit == "decade" else 100
        y = d.year - d.year % k
        return TV(date(y, 1, 1), date(y + k - 1, 12, 31), "range", anchor, str(y)[:3 if k == 10 else 2])
    return cal.year_period(d.year, anchor)


@rule("weekend", r"(?:(?P<rel>this|last|next|the|past|the\s+past|coming|this\s+past|this\s+coming)\s+)weekend(?![\w-])")
def _weekend(g: dict, ctx: Ctx) -> TV | None:
    ref = _ref(ctx)
    if ref is None:
        return None
    rel = low(g, "rel")
    sat = ref + timedelta(days=(5 - ref.weekday()) % 7)  # this (coming or current) Saturday
    if ref.weekday() == 6:
        sat = ref - timedelta(days=1)
    if rel in ("last", "past", "the past", "this past") or (rel == "the" and ctx.future is False and sat > ref):
        sat -= timedelta(days=7)
    elif rel in ("next",):
        sat += timedelta(days=7)
    y, w, _ = sat.isocalendar()
    return TV(sat, sat + timedelta(days=1), "range", ref_anchor(ctx), f"{y:04d}-W{w:02d}-WE")


def _unit_value(d: date, unit: str, anchor: str) -> TV:
    if unit in ("day", "night", "hour", "minute", "second"):
        return cal.day_value(d, anchor)
    if unit in ("week", "fortnight"):
        return cal.week_period(d, anchor)
    if unit == "month":
        return cal.month_period(d.year, d.month, anchor)
    if unit == "quarter":
        return cal.quarter_period(d.year, (d.month - 1) // 3 + 1, anchor)
    if unit == "decade":
        y = d.year - d.year % 10
        return TV(date(y, 1, 1), date(y + 9, 12, 31), "range", anchor, str(y)[:3])
    return cal.year_period(d.year, anchor)


@rule("ago", rf"(?:(?P<ap>{APPROX})\s+)?(?P<n>{NUM})(?:\s*(?:-|–|to|or)\s*(?P<n2>{NUM}))?\s+(?P<u>{UNIT})(?P<half>\s+and\s+a\s+half)?"
             r"(?P<orso>\s+or\s+so)?\s+"
             r"(?P<dir>ago|earlier|later|from\s+now|hence|back)(?![\w-])"
             r"(?P<than>\s+than\s+(?:originally\s+|first\s+|initially\s+)?(?:planned|expected|scheduled|forecast|announced))?")
def _ago(g: dict, ctx: Ctx) -> TV | None:
    d_word = low(g, "dir")
    if g.get("than") and ctx.last_day is not None:
        # "arrives on November 11, three days later than originally planned": that same day
        return cal.day_value(ctx.last_day, ref_anchor(ctx))
    forward = d_word in ("later", "from now", "hence")
    base = ctx.last_day if d_word in ("earlier", "later") and ctx.last_day else _ref(ctx)
    n, unit = number(g["n"]), unit_of(g["u"])
    if n is None and (d_word == "later" or d_word == "earlier" and unit in ("day", "hour", "minute", "week")):
        # "a few days later" is the duration, as "three days later" is (TimeML): PXD
        return TV(None, None, "unknown", "absolute", cal.duration_value(None, unit), "DURATION")
    if n is None:
        value = "FUTURE_REF" if forward else "PAST_REF"
        if base is None:
            return TV(None, None, "unknown", "unresolved", value)
        return TV(base, None, "range", ref_anchor(ctx), value) if forward else TV(None, base, "range", ref_anchor(ctx), value)
    if base is None:
        return None
    sign = 1 if forward else -1
    n2 = number(g["n2"]) if g.get("n2") else None
    if n2 is not None:
        a, b = cal.shift(base, sign * n, unit), cal.shift(base, sign * n2, unit)
        return TV(min(a, b), max(a, b), "range", ref_anchor(ctx), None)
    period = ctx.last_period
    if unit == "year" and n == 1 and period is not None and period.start is not None and period.value \
            and re.fullmatch(r"\d{4}-(?:Q\d|\d\d)", period.value):
        y = period.start.year + sign  # the period just named, a year before (or after)
        tv = cal.quarter_period(y, int(period.value[-1]), ref_anchor(ctx)) if "Q" in period.value else \
            cal.month_period(y, period.start.month, ref_anchor(ctx))
    else:
        tv = _unit_value(cal.shift(base, sign * n, unit), unit, ref_anchor(ctx))
        if unit == "week" and d_word == "ago":  # "two weeks ago": TIMEX3 names the day (the claim keeps the week)
            tv = replace(tv, value=cal.shift(base, -n, unit).isoformat())
    if g.get("orso"):
        tv = replace(tv, mod="APPROX")
    if d_word == "later" or d_word == "earlier" and unit in ("day", "hour", "minute", "week"):
        # TimeML: in "three days later" the expression is the duration ("three days", P3D)
        tv = replace(tv, value=cal.duration_value(n, unit, half=bool(g.get("half")) or "1/2" in g["n"] or "½" in g["n"]), type="DURATION")
    return replace(tv, mod="APPROX") if g.get("ap") else tv


_REL_PAST = ("past", "last", "previous", "recent", "preceding", "final", "latest")


@rule("past_n", rf"(?:(?P<det>the|these|those|its|their)\s+)?(?P<rel>past|last|previous|first|next|coming|final|latest|recent|"
                rf"remaining|following|preceding)\s+(?:(?P<n>{NUM})\s+{_UNIT_ADJ}(?P<u>{UNIT})|(?P<up>{_UNIT_PL}))"
                rf"(?:\s+(?:of|in)\s+(?P<oy>(?P<y>{YEAR})|(?P<yr>this|last|next)\s+year|the\s+year))?(?![\w-])", "DURATION")
def _past_n(g: dict, ctx: Ctx) -> TV | None:
    rel = low(g, "rel")
    unit = unit_of(g.get("u") or g["up"])
    n = number(g["n"]) if g.get("n") else None
    value = cal.duration_value(n, unit)
    ref = _ref(ctx)
    if rel == "first":
        y = int(g["y"]) if g.get("y") else (ref.year if ref else ctx.ref.year)
        if y is None or n is None:
            return TV(None, None, "unknown", "unresolved", value, "DURATION")
        if g.get("yr"):
            y += {"last": -1, "next": 1}.get(low(g, "yr"), 0)
        start = date(y, 1, 1)
        end = cal.shift(start, n, unit) - timedelta(days=1)
        return TV(start, end, "range", "absolute" if g.get("y") else ref_anchor(ctx), value, "DURATION")
    if ref is None:
        return TV(None, None, "unknown", "unresolved", value, "DURATION")
    anchor = ref_anchor(ctx)
    if rel in _REL_PAST:
        return TV(_past_start(ref, n, unit), ref, "range", anchor, value, "DURATION")
    until = cal.shift(ref, n, unit) if n is not None else None
    return TV(ref, until, "range", anchor, value, "DURATION")


def _past_start(ref: date, n: int | None, unit: str) -> date | None:
    """The start of "the past ``n`` ``unit``s" before ``ref``: open (``None``) for "the past few days",
    "recent months", a day back for "the past few hours"; a past decade or century starts on 1 January."""
    if n is None:
        return ref - timedelta(days=1) if unit in ("hour", "minute", "second") else None
    start = cal.shift(ref, -n, unit)
    return date(start.year, 1, 1) if unit in ("decade", "century") else start


@rule("n_of_year", rf"(?P<n>{NUM})\s+(?P<u>days|weeks|months)\s+(?:of|into)\s+(?P<y>{YEAR})", "DURATION")
def _n_of_year(g: dict, ctx: Ctx) -> TV | None:
    """"225 days of 2023": from the year's start to its 225th day."""
    n, unit = number(g["n"]), unit_of(g["u"])
    if n is None:
        return None
    start = date(int(g["y"]), 1, 1)
    return TV(start, cal.shift(start, n, unit) - timedelta(days=1), "range", "absolute", cal.duration_value(n, unit), "DURATION")


@rule("so_far", rf"so\s+far\s+(?:this\s+(?P<u>year|month|week)|in\s+(?P<m>{MON})(?:\s+(?P<y>{YEAR}))?|in\s+(?P<yy>{YEAR}))"
                r"|(?:this|the)\s+(?P<u2>year|month|week)\s+(?:so\s+far|to\s+date|thus\s+far)|(?P<ytd>year[\s-]to[\s-]date)")
def _so_far(g: dict, ctx: Ctx) -> TV | None:
    """"so far this year", "so far in August": from the period's start up to the reference date."""
    ref = _ref(ctx)
    unit = low(g, "u") or low(g, "u2") or ("year" if g.get("ytd") or g.get("yy") else "month")
    if g.get("m"):
        y = int(g["y"]) if g.get("y") else (ref.year if ref else ctx.ref.year)
        if y is None:
            return None
        period = cal.month_period(y, month_of(g["m"]), "absolute" if g.get("y") else ref_anchor(ctx))
    elif g.get("yy"):
        period = cal.year_period(int(g["yy"]), "absolute")
    elif ref is None:
        return None
    else:
        period = {"year": cal.year_period(ref.year, ref_anchor(ctx)), "month": cal.month_period(ref.year, ref.month, ref_anchor(ctx)),
                  "week": cal.week_period(ref, ref_anchor(ctx))}[unit]
    end = period.end
    if ref is not None and period.start is not None and period.end is not None and period.start <= ref <= period.end:
        end = ref
    return replace(period, end=end, precision="range")


@rule("duration", rf"(?:(?P<ap>{APPROX})\s+)?(?:the\s+(?=(?:{NUM})\s+{_UNIT_PL}(?![\w-])))?(?P<n>{NUM})(?:\s*(?:-|–|to|or)\s*(?P<n2>{NUM})|(?<=\d)\s+and\s+(?P<n3>\d[\d,]*))?(?P<h1>\s+and\s+a\s+half)?[\s-]+"
                  rf"{_UNIT_ADJ}(?P<u>{UNIT})(?!\w)(?P<half>\s+and\s+a\s+half)?(?:[\s-]+long)?(?![\w-]*\s*-?\s*old)(?!\s+(?:ago|earlier|later))",
      "DURATION")
def _duration(g: dict, ctx: Ctx) -> TV | None:
    n = number(g["n"])
    half = bool(g.get("half") or g.get("h1") or "1/2" in g["n"] or "½" in g["n"])
    value = cal.duration_value(n, unit_of(g["u"]), half)
    return TV(None, None, "unknown", "absolute", value, "DURATION", "APPROX" if g.get("ap") else None)


@rule("one_unit", r"(?:single|one)-(?P<u>day|week|month|year|hour|minute)(?![\w-])|(?P<u2>day|week|month|year|hour)-long(?![\w-])",
      "DURATION")
def _one_unit(g: dict, ctx: Ctx) -> TV | None:
    """"the worst single-day decline", "a day-long meeting": one unit (P1D)."""
    return TV(None, None, "unknown", "absolute", cal.duration_value(1, unit_of(g.get("u") or g["u2"])), "DURATION")


@rule("plural_unit", rf"(?P<up>{_UNIT_PL})(?:[\s-]+long)?(?![\w-])", "DURATION")
def _plural_unit(g: dict, ctx: Ctx) -> TV | None:
    return TV(None, None, "unknown", "absolute", cal.duration_value(None, unit_of(g["up"])), "DURATION")


@rule("ahead", rf"the\s+(?:(?:next|coming)\s+)?(?:few\s+)?(?P<up>{_UNIT_PL})\s+(?:ahead|to\s+come)(?![\w-])", "DURATION")
def _ahead(g: dict, ctx: Ctx) -> TV | None:
    """"in the weeks ahead", "the years to come": a stretch of unstated length from the reference on (PXW, PXY)."""
    ref = _ref(ctx)
    return TV(ref, None, "range" if ref else "unknown", ref_anchor(ctx) if ref else "absolute",
              cal.duration_value(None, unit_of(g["up"])), "DURATION")


@rule("the_years", r"(?:(?<=\bover\s)|(?<=\bin\s)|(?<=\bduring\s)|(?<=\bthrough\s))the\s+(?:early\s+|later\s+)?(?P<up>years|decades)"
                   r"(?![\w-])(?!\s+(?:of|before|after|ahead|to\s+come|since|between|from|when)\b)"
                   r"|(?<=\bfor\s)a\s+(?P<w>while)(?![\w-])", "DURATION")
def _the_years(g: dict, ctx: Ctx) -> TV | None:
    """"over the years", "in the early years", "in the years that followed", "for a while": a stretch of
    unstated length (PXY, PXE; "a while" PXX)."""
    unit = "X" if g.get("w") else cal.duration_value(None, unit_of(g["up"]))[2:]
    return TV(None, None, "unknown", "absolute", f"PX{unit}", "DURATION")


@rule("set", rf"(?P<adv>daily|weekly|monthly|yearly|hourly|nightly|biweekly|bimonthly)(?![\w-])"
             rf"|(?:every|each|per)\s+(?:other\s+)?(?:(?P<n>{NUM})\s+)?(?P<u>{UNIT})(?![\w-])"
             rf"|(?:every|each)\s+(?P<w>{WD})(?:\s+(?P<p>{_PART}))?|(?P<wp>{WD})s(?:\s+(?P<pp>mornings|afternoons|evenings|nights))?"
             rf"|(?P<wq>{WD})\s+(?P<pq>mornings|afternoons|evenings|nights)|(?:every|each)\s+(?P<m>{MON})", "SET")
def _set(g: dict, ctx: Ctx) -> TV | None:
    if g.get("adv"):
        value = SETS.get(low(g, "adv"), {"biweekly": "P2W", "bimonthly": "P2M"}.get(low(g, "adv")))
    elif g.get("u"):
        value = cal.duration_value(number(g["n"]) if g.get("n") else 1, unit_of(g["u"]))
    elif g.get("m"):
        value = f"XXXX-{month_of(g['m']):02d}"
    else:
        w = g.get("w") or g.get("wp") or g["wq"]
        part = g.get("p") or g.get("pp") or g.get("pq")
        value = f"XXXX-WXX-{weekday_of(w) + 1}" + (f"T{_part_code(part.rstrip('s'))}" if part else "")
    return TV(None, None, "unknown", "absolute", value, "SET")


_RUNNING = ("so far", "to date", "thus far")


_MODAL_BEFORE = "".join(rf"(?<=\b{m}\s)|" for m in ("will", "would", "could", "might", "may", "can", "shall", "should", "must"))


@rule("some_day", rf"(?:{_MODAL_BEFORE[:-1]})(?:one|some)\s+day(?![\w-])")
def _some_day(g: dict, ctx: Ctx) -> TV | None:
    """"Islam will one day be ...", "he might one day lead": an unnamed day ahead, TIMEX3 FUTURE_REF
    (not the duration of "in one day")."""
    ref = _ref(ctx)
    return TV(ref, None, "range", ref_anchor(ctx), "FUTURE_REF") if ref is not None else \
        TV(None, None, "unknown", "unresolved", "FUTURE_REF")


@rule("reference", r"(?P<w>right\s+now|now|currently|current|nowadays|at\s+present|at\s+the\s+moment|these\s+days|"
                   r"recently|recent|the\s+(?:near\s+|distant\s+)?future|the\s+past|the\s+other\s+day"
                   r"|the\s+(?:near|short|long|medium)\s+term|a\s+later\s+(?:date|time|stage)|this\s+(?:[a-z]+\s+)?moment)(?![\w-])")
def _reference(g: dict, ctx: Ctx) -> TV | None:
    """"now"/"currently" mean the reference date; "so far"/"until now" run up to it; "recently",
    "the past" end at it; "the future", "the near term", "a later date" start at it (TIMEX3
    PRESENT_REF / PAST_REF / FUTURE_REF)."""
    w = low(g, "w")
    value = "PAST_REF" if w == "the other day" else "PRESENT_REF" if w.endswith("moment") else \
        REFERENCES.get(w) or REFERENCES.get(w.replace("the near ", "the "), "FUTURE_REF")
    ref = _ref(ctx)
    if ref is None:
        return TV(None, None, "unknown", "unresolved", value)
    anchor = ref_anchor(ctx)
    if w == "the other day":
        return TV(ref - timedelta(days=7), ref - timedelta(days=1), "range", anchor, value)
    if w in _RUNNING or low(g, "prep") in ("until", "up to", "up until", "till"):
        return TV(None, ref, "range", anchor, value)
    if value == "PRESENT_REF":
        return TV(ref, ref, "day", anchor, value)
    if value == "PAST_REF":
        return TV(None, ref, "range", anchor, value)
    return TV(ref, None, "range", anchor, value)
