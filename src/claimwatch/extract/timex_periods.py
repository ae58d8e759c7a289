"""Relative periods of the time grammar: "that year", "this week", "last month", weekends,
"N days ago", "the past three months", "225 days of 2023", "so far this year", durations ("five
years", "a 16-hour shift"), sets ("daily", "each Thursday") and references to the present, past and
future ("now", "recently", "the future"). Each rule is registered with its normaliser
(:func:`.timex_registry.rule`), after the day rules of :mod:`.timex_relative`.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from . import timex_calendar as cal
from .timex_calendar import TV
from .timex_dates import point
from .timex_registry import Ctx, low, ref_anchor, rule
from .timex_relative import PART_OF_DAY, part_code, ref_day
from .timex_words import (
    APPROX,
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
    ref = ref_day(ctx)
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
    ref = ref_day(ctx)
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
             r"(?P<dir>ago|earlier|later|from\s+now|hence|back)(?P<today>\s+(?:today|tonight|this\s+(?:morning|afternoon|evening)))?(?![\w-])"
             r"(?P<than>\s+than\s+(?:originally\s+|first\s+|initially\s+)?(?:planned|expected|scheduled|forecast|announced))?")
def _ago(g: dict, ctx: Ctx) -> TV | None:
    d_word = low(g, "dir")
    if g.get("than") and ctx.last_day is not None:
        # "arrives on November 11, three days later than originally planned": that same day
        return cal.day_value(ctx.last_day, ref_anchor(ctx))
    forward = d_word in ("later", "from now", "hence")
    base = ctx.last_day if d_word in ("earlier", "later") and ctx.last_day else ref_day(ctx)
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
        if unit == "year" and n == 1:
            # "a year ago" is this time last year: the claim takes that month; TIMEX3 keeps the year
            then = cal.shift(base, sign, unit)
            tv = replace(cal.month_period(then.year, then.month, ref_anchor(ctx)), value=tv.value)
        if unit == "week" and d_word == "ago":  # "two weeks ago": TIMEX3 names the day (the claim keeps the week)
            tv = replace(tv, value=cal.shift(base, -n, unit).isoformat())
    if g.get("today") and d_word == "ago":  # "a year ago today", "five years ago tonight": that very day
        tv = cal.day_value(cal.shift(base, -n, unit), ref_anchor(ctx))
    tv = _bounded_by(low(g, "ap"), d_word, tv, base)
    if g.get("orso"):
        tv = replace(tv, mod="APPROX")
    if d_word == "later" or d_word == "earlier" and unit in ("day", "hour", "minute", "week"):
        # TimeML: in "three days later" the expression is the duration ("three days", P3D)
        tv = replace(tv, value=cal.duration_value(n, unit, half=bool(g.get("half")) or "1/2" in g["n"] or "½" in g["n"]), type="DURATION")
    return replace(tv, mod="APPROX") if g.get("ap") else tv


_BEFORE_THEN = re.compile(r"more\s+than|over|at\s+least")
_SINCE_THEN = re.compile(r"less\s+than|under|up\s+to")


def _bounded_by(ap: str, d_word: str, tv: TV, base: date) -> TV:
    """A bound on how long ago: "more than a year ago" is some time up to the end of that month, "less
    than a year ago" some time from its start to the report's day."""
    if d_word != "ago" or not ap:
        return tv
    if _BEFORE_THEN.fullmatch(ap):
        return replace(tv, start=None, precision="range")
    if _SINCE_THEN.fullmatch(ap):
        return replace(tv, end=base, precision="range")
    return tv


_REL_PAST = ("past", "last", "previous", "recent", "preceding", "final", "latest")


@rule("past_n", rf"(?:(?P<det>the|these|those|its|their)\s+)?(?P<rel>past|last|previous|first|next|coming|final|latest|recent|"
                rf"remaining|following|preceding)\s+(?:(?P<n>{NUM})\s+{_UNIT_ADJ}(?P<u>{UNIT})|(?P<up>{_UNIT_PL}))"
                rf"(?:\s+(?:of|in)\s+(?P<oy>(?P<y>{YEAR})|(?P<yr>this|last|next)\s+year|the\s+year))?(?![\w-])", "DURATION")
def _past_n(g: dict, ctx: Ctx) -> TV | None:
    rel = low(g, "rel")
    unit = unit_of(g.get("u") or g["up"])
    n = number(g["n"]) if g.get("n") else None
    value = cal.duration_value(n, unit)
    ref = ref_day(ctx)
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


@rule("past_day", r"the\s+past\s+day(?![\w-])|(?<=\bover\s)the\s+last\s+day(?![\w-])(?!\s+of\b)", "DURATION")
def _past_day(g: dict, ctx: Ctx) -> TV | None:
    """"over the past day" (a daily tally of losses or arrests): the day up to the reference, TIMEX3 P1D;
    not "the last day of the trial", the final one."""
    ref = ref_day(ctx)
    if ref is None:
        return TV(None, None, "unknown", "unresolved", "P1D", "DURATION")
    return TV(ref - timedelta(days=1), ref, "range", ref_anchor(ctx), "P1D", "DURATION")


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
    ref = ref_day(ctx)
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
    ref = ref_day(ctx)
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
             rf"|(?:every|each)\s+(?P<w>{WD})(?:\s+(?P<p>{PART_OF_DAY}))?|(?P<wp>{WD})s(?:\s+(?P<pp>mornings|afternoons|evenings|nights))?"
             rf"|(?P<wq>{WD})\s+(?P<pq>mornings|afternoons|evenings|nights)|(?:every|each)\s+(?P<m>{MON})"
             rf"|(?P<wc>{WD})(?=,?\s+(?:and|or)\s+{WD}\s+(?P<pc>mornings|afternoons|evenings|nights)(?![\w-]))", "SET")
def _set(g: dict, ctx: Ctx) -> TV | None:
    """"daily", "every two weeks", "each Thursday", "Sundays", "Tuesday nights"; a weekday joined to
    one with a plural part of the day shares it ("on Monday and Tuesday nights": every Monday night)."""
    if g.get("adv"):
        value = SETS.get(low(g, "adv"), {"biweekly": "P2W", "bimonthly": "P2M"}.get(low(g, "adv")))
    elif g.get("u"):
        value = cal.duration_value(number(g["n"]) if g.get("n") else 1, unit_of(g["u"]))
    elif g.get("m"):
        value = f"XXXX-{month_of(g['m']):02d}"
    else:
        w = g.get("w") or g.get("wp") or g.get("wq") or g["wc"]
        part = g.get("p") or g.get("pp") or g.get("pq") or g.get("pc")
        value = f"XXXX-WXX-{weekday_of(w) + 1}" + (f"T{part_code(part.rstrip('s'))}" if part else "")
    return TV(None, None, "unknown", "absolute", value, "SET")


_RUNNING = ("so far", "to date", "thus far")


_MODAL_BEFORE = "".join(rf"(?<=\b{m}\s)|" for m in ("will", "would", "could", "might", "may", "can", "shall", "should", "must"))


@rule("some_day", rf"(?:{_MODAL_BEFORE[:-1]})(?:one|some)\s+day(?![\w-])")
def _some_day(g: dict, ctx: Ctx) -> TV | None:
    """"Islam will one day be ...", "he might one day lead": an unnamed day ahead, TIMEX3 FUTURE_REF
    (not the duration of "in one day")."""
    ref = ref_day(ctx)
    return TV(ref, None, "range", ref_anchor(ctx), "FUTURE_REF") if ref is not None else \
        TV(None, None, "unknown", "unresolved", "FUTURE_REF")


@rule("reference", r"(?P<w>right\s+now|now|currently|current|nowadays|at\s+present|at\s+the\s+moment|these\s+days|"
                   r"recently|recent|the\s+(?:near\s+|distant\s+)?future|the\s+past(?!\s+(?:" + NUM + r")(?![\w-]))|the\s+other\s+day"
                   r"|the\s+(?:near|short|long|medium)\s+term|a\s+later\s+(?:date|time|stage)|this\s+(?:[a-z]+\s+)?moment)(?![\w-])")
def _reference(g: dict, ctx: Ctx) -> TV | None:
    """"now"/"currently" mean the reference date; "so far"/"until now" run up to it; "recently",
    "the past" end at it; "the future", "the near term", "a later date" start at it (TIMEX3
    PRESENT_REF / PAST_REF / FUTURE_REF)."""
    w = low(g, "w")
    value = "PAST_REF" if w == "the other day" else "PRESENT_REF" if w.endswith("moment") else \
        REFERENCES.get(w) or REFERENCES.get(w.replace("the near ", "the "), "FUTURE_REF")
    ref = ref_day(ctx)
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


@rule("days_to", rf"the\s+(?:(?:past|last|latest|previous)\s+)?(?:(?P<wk>week|fortnight)|(?P<n>{NUM})\s+days)\s+"
                 rf"(?:to|through|thru|ending|ended|up\s+to|until|till)\s+"
                 rf"(?P<when>{WD}(?![\w-])|{MON}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{YEAR})?(?!\d)|\d{{1,2}}\s+{MON}(?:,?\s+{YEAR})?)")
def _days_to(g: dict, ctx: Ctx) -> TV | None:
    """"the week through Sunday", "the seven days to March 3", "the fortnight ending Friday": the days
    up to and including that day (a week through a Sunday starts on the Monday before it)."""
    n = {"week": 7, "fortnight": 14}.get(low(g, "wk")) or number(g.get("n") or "")
    when = g["when"]
    if re.fullmatch(WD, when):
        ref = ref_day(ctx)
        end = cal.anchor_weekday(weekday_of(when), ref, ctx.future, "") if ref is not None else None
    else:
        tv = point(when, ctx)
        end = tv.end if tv is not None and tv.precision == "day" else None
    if end is None or not n or n != int(n) or not 1 < n <= 366:
        return None
    return TV(end - timedelta(days=int(n) - 1), end, "range", ref_anchor(ctx), None)
