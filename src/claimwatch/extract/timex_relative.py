"""Relative day rules of the time grammar: today/yesterday, weekdays, parts of the day, clock
times, "the night before", "the day after Oct. 3", "later in the day", "the eighth day of".
Each rule is registered with its normaliser (:func:`.timex_registry.rule`); the relative periods,
durations, sets and references follow in :mod:`.timex_periods`; :mod:`.timex_plausible` drops
matches that are not times in context.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from . import timex_calendar as cal
from .timex_calendar import TV
from .timex_registry import Ctx, Found, low, ref_anchor, rule
from .timex_words import (
    DAY,
    DAY_NUM,
    DAY_PARTS,
    MON,
    WD,
    YEAR,
    weekday_of,
)

# the rules register themselves (timex_registry.rule); the helpers are shared with timex_periods
__all__ = ["PART_OF_DAY", "part_code", "ref_day", "without_a_stray_bracket"]

PART_OF_DAY = r"(?:morning|afternoon|evening|night|mid-?afternoon)"
_PLACE_TIME = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}


def ref_day(ctx: Ctx) -> date | None:
    """The reference day relative expressions count from (None when the report gives none)."""
    return ctx.ref.day


def part_code(word: str) -> str:
    """The TIMEX3 code of a part of the day ("morning" -> MO); night when none fits."""
    return DAY_PARTS.get(word.lower().replace("-", ""), DAY_PARTS.get(word.lower(), "NI"))


def _time_value(d: date, code: str) -> str:
    return f"{d.isoformat()}{code}" if code.startswith("T") else f"{d.isoformat()}T{code}"


def _day_word(word: str, ctx: Ctx) -> date | None:
    """The day a deictic word or a weekday names, against the reference."""
    ref = ref_day(ctx)
    if ref is None:
        return None
    w = word.lower()
    off = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1}.get(w)
    if off is not None:
        return ref + timedelta(days=off)
    return cal.anchor_weekday(weekday_of(word.capitalize()), ref, ctx.future)


@rule("deictic", r"(?:(?:early|late|earlier|later)\s+)?(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow)(?![\w-])")
def _deictic(g: dict, ctx: Ctx) -> TV | None:
    ref = ref_day(ctx)
    if ref is None:
        return None
    w = low(g, "w")
    off = {"yesterday": -1, "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2}.get(w, 0)
    return cal.day_value(ref + timedelta(days=off), ref_anchor(ctx))


@rule("day_part", rf"(?:(?P<q>early|late)[\s-]+)?(?P<a>this|last|yesterday|tomorrow|today|{WD})\s+(?P<p>{PART_OF_DAY})(?![\w-])"
                  rf"|(?P<p2>{PART_OF_DAY})\s+(?P<a2>yesterday|today|tomorrow|{WD})|(?P<solo>tonight|overnight)(?![\w-])", "TIME")
def _day_part(g: dict, ctx: Ctx) -> TV | None:
    if g.get("solo"):
        ref = ref_day(ctx)
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
    return TV(day, day, "day", ref_anchor(ctx), _time_value(day, part_code(g.get("p") or g["p2"])), "TIME")


_HOUR_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
_CLOCK = (r"(?:(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>[ap]\.?\s?m\b\.?)"
          rf"|(?P<hp>1[0-2]|0?[1-9]|{'|'.join(_HOUR_WORDS)})(?:\s+o'clock)?\s+in\s+the\s+(?P<dpart>morning|afternoon|evening)\b"
          r"|(?P<h24>[01]?\d|2[0-3])[:h](?P<mi24>[0-5]\d)(?:\s*(?:hrs|hours)\b|(?=\s*(?:GMT|UTC|local\s+time)))|(?P<nm>noon|midnight|midday)"
          # the stamp of a live page's entry, opening its line: "14:05 — Rescuers say ...", "09.30 GMT - ..."
          r"|(?<![^\n])(?P<hs>[01]?\d|2[0-3])[:.](?P<mis>[0-5]\d)(?=(?:\s*(?:GMT|UTC|BST|CET|EAT|WAT|CAT|ET|local))?\s*[-–—:]\s)"
          r"|(?<![(\d])(?P<h4>[01]\d|2[0-3])(?P<mi4>[0-5]\d)(?=\s*(?:GMT|UTC)\b)"  # "at 0800 UTC", not "(0735 GMT)"
          # a log's four-figure stamp, opening its line before a spaced dash: "2015 - 14 passengers evacuated"
          # (a clock only in a block of clock stamps: :func:`.timex_plausible.clock_stamp_of_a_log`)
          r"|(?<![^\n])(?P<hl>[01]\d|2[0-3])(?P<mil>[0-5]\d)(?=[ \t]+[-–—][ \t]+\S))")
_TZ = r"(?:\s+(?P<tz>EST|EDT|CST|CDT|MST|PST|PDT|GMT|UTC|BST|CET|CEST|EEST|ET|local\s+time))?"
_WHEN = rf"(?:today|yesterday|tomorrow|tonight|(?:{WD},?\s+)?(?:{MON}\s+{DAY}|{DAY_NUM}\s+{MON})(?:,?\s+{YEAR})?|{WD})"


def _hour(g: dict) -> int:
    """The hour a clock time states: in figures, or in words before "in the morning" ("four in the morning")."""
    if g.get("hp"):
        word = low(g, "hp")
        return _HOUR_WORDS.index(word) + 1 if word in _HOUR_WORDS else int(word)
    return int(g.get("h") or g.get("h24") or g.get("hs") or g.get("h4") or g["hl"])


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
        mi = int(g.get("mi") or g.get("mi24") or g.get("mis") or g.get("mi4") or g.get("mil") or 0)
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
    elif (ctx.future is False or g.get("hl")) and ctx.story_day is not None:
        d = ctx.story_day  # "left on Sept. 12. It sank at 11 p.m.": the day the story just named (a log's day)
    else:
        d = ref_day(ctx)
        if d is not None and hm == "T24:00" and ctx.future is False:
            d -= timedelta(days=1)  # "the strike began at midnight": the midnight that ended the day before
    if d is None:
        return None
    anchor = "absolute" if when and re.search(YEAR, when) else ref_anchor(ctx)
    zone = "Z" if low(g, "tz") in ("utc", "gmt") else ""  # ISO 8601 / TIMEX3: a time stated in UTC
    return TV(d, d, "day", anchor, f"{d.isoformat()}{hm}{zone}", "TIME")


#: a weekday joined to one with a plural part of the day, which it shares ("Monday and Tuesday nights"): a set
SHARED_PLURAL_PART = rf",?\s+(?:and|or)\s+{WD}\s+(?:mornings|afternoons|evenings|nights)(?![\w-])"


@rule("weekday", rf"(?:(?P<rel>last|this|next|coming|past|the\s+previous|the\s+following|this\s+past|this\s+coming|"
                 rf"early|late)\s+)?(?P<w>{WD})(?!s\b)(?!{SHARED_PLURAL_PART})(?:\s*\((?P<dom>{DAY_NUM})\))?")
def _weekday(g: dict, ctx: Ctx) -> TV | None:
    rel = low(g, "rel")
    wd = weekday_of(g["w"])
    base = ctx.last_day if rel in ("the previous", "the following") and ctx.last_day else ref_day(ctx)
    if base is None:
        return None
    on_day = _weekday_of_month_day(wd, int(re.sub(r"\D", "", g["dom"])), base, ctx) if g.get("dom") else None
    if on_day is not None:
        return on_day
    r = {"the previous": "previous", "the following": "next", "this past": "last", "this coming": "next"}.get(rel, rel)
    d = cal.anchor_weekday(wd, base, ctx.future, r if r not in ("early", "late") else "")
    return cal.day_value(d, ref_anchor(ctx), mod={"early": "START", "late": "END"}.get(rel))


def _weekday_of_month_day(wd: int, dom: int, base: date, ctx: Ctx) -> TV | None:
    """"on Monday (23)", the Portuguese and Spanish news style: the day of that month's number nearest
    the reference that falls on that weekday (the tense breaks a tie; None when none does within five
    weeks)."""
    days = [base + timedelta(days=k) for k in range(-35, 36)]
    fits = [d for d in days if d.day == dom and d.weekday() == wd]
    if not fits:
        return None
    return cal.day_value(min(fits, key=lambda d: (abs((d - base).days), (d > base) != bool(ctx.future))), ref_anchor(ctx))


_BRACKET_DAY = re.compile(r"\s*\([^)]*\)$")


def without_a_stray_bracket(f: Found, tv: TV) -> Found:
    """A weekday's bracket is its day of the month only when the day it reads is that date ("on
    Sunday (1)" of 1 March); otherwise the bracket is something else ("lost on Sunday (2)", a
    footnote or a count) and the expression ends with the weekday."""
    dom = f.groups.get("dom") if f.kind == "weekday" else None
    if not dom or tv.start is not None and tv.start.day == int(re.sub(r"\D", "", dom)):
        return f
    cut = _BRACKET_DAY.search(f.text)
    if cut is None:
        return f
    return replace(f, end=f.start + cut.start(), text=f.text[:cut.start()], groups={k: v for k, v in f.groups.items() if k != "dom"})


#: "the night before" / "the day after" end their clause; before a noun phrase or a clause they are
#: "the day" of something else ("the day before the election", "the day after he died")
_ALONE = r"(?=\s*(?:[.,;:!?)\"'”’]|$)|\s+(?:and|but|when|as|at|in|on|to|with)\b)"


@rule("anaphoric", rf"the\s+(?P<u>night|evening|day|morning|afternoon)\s+before{_ALONE}"
                   r"|the\s+previous\s+(?P<u2>night|evening|day|morning|afternoon)"
                   rf"|the\s+(?:next|following)\s+(?P<u3>day|morning|evening|night|afternoon)|the\s+day\s+after{_ALONE}"
                   r"|that\s+(?P<u4>day|night|morning|evening|afternoon)|th(?:e|at)\s+same\s+day")
def _anaphoric(g: dict, ctx: Ctx) -> TV | None:
    """"the night before", "the previous evening", "the next day", "that day": relative to the last
    day the report stated before it, else to the reference date. "That day" / "the same day" point
    back to a day already named: with none named before them they are the day of an event the
    report does not date ("you get strong redemptions that day"), so no value."""
    text = g["_text"].lower()
    off = -1 if ("before" in text or "previous" in text) else 1 if ("next" in text or "following" in text or "after" in text) else 0
    period = ctx.last_period
    if off == 0 and period is not None and period.start is not None and period.precision != "day":
        return replace(period, value=_day_of(period))  # "two months ago ... on the same day": within that period
    if off == 0 and ctx.last_day is None:
        return None
    base = ctx.last_day or ref_day(ctx)
    if base is None:
        return None
    d = base + timedelta(days=off)
    unit = g.get("u") or g.get("u2") or g.get("u3") or g.get("u4") or "day"
    if unit.lower() == "day":
        return cal.day_value(d, ref_anchor(ctx))
    return TV(d, d, "day", ref_anchor(ctx), _time_value(d, part_code(unit)), "TIME")


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
    return TV(d, d, "day", named.anchor, _time_value(d, part_code(unit)), "TIME")


#: what makes "the day" a day of the story ("ended the day at 8,017", "later in the day", "for the day")
_DAY_LEAD = (r"(?:late|later|early|earlier)\s+in|(?:the\s+)?(?:start|end|close|rest|course)\s+of"
             r"|(?:end|finish|close|start|begin|open)(?:s|ed|ing)?|began")


@rule("the_day", rf"(?:(?P<lead>{_DAY_LEAD})\s+|(?<=\bfor\s))the\s+day(?![\w-])"
                 r"(?<!\bat\sthe\send\sof\sthe\sday)"    # "at the end of the day": "in the end", no day
                 r"(?!\s+(?:that|when|of|in\s+which|he|she|they|it|we)\b)"
                 r"(?!\s+(?:before|after)\s+(?:(?:the|a|an|his|her|its|their|this|that|he|she|they|it|we|i|you)\b|(?-i:[A-Z])|\d))"  # "the day after the vote"
                 r"|(?P<appos>the\s+day)(?=\s+(?:before|after|that|when|on\s+which)\s)")  # beside a day: timex_plausible
def _the_day(g: dict, ctx: Ctx) -> TV | None:
    """"The Dow ended the day at 8,017", "later in the day", "For the day, the Nikkei fell": the day
    the report last named, else the reference day ("the day" alone, or "the day before the vote", is
    no time of the story). "The day" set beside a day just named ("on Oct. 12, the day before the
    crash") is that day, as TimeML dates an appositive (:func:`.timex_plausible.plausible` keeps it
    only right after a month day or a weekday and its comma)."""
    if g.get("appos"):
        return cal.day_value(ctx.last_day, ref_anchor(ctx)) if ctx.last_day is not None else None
    d = ctx.last_day or ref_day(ctx)
    return cal.day_value(d, ref_anchor(ctx)) if d is not None else None


@rule("story_part", r"(?:(?<=\bin\s)|(?<=\bduring\s)|(?<=\blate\sin\s)|(?<=\bearly\sin\s))the\s+(?P<p>morning|afternoon|evening)"
                    r"(?![\w-])(?!\s+(?:of|before|after|when|that|yesterday|today|tomorrow)\b)"
                    r"|(?<![\w-])mid-?\s?(?P<mp>morning|afternoon)(?![\w-])(?!\s+(?:yesterday|today|tomorrow)\b)", "TIME")
def _story_part(g: dict, ctx: Ctx) -> TV | None:
    """A part of the day in a past clause ("dealers placed buy orders in the morning", "by mid
    afternoon the shelling had stopped"): that part of the day the report last named, else of the
    reference day (timex.find_times keeps it only in a past clause: "opens in the morning" is a habit)."""
    d = ctx.last_day or ref_day(ctx)
    if d is None:
        return None
    return TV(d, d, "day", ref_anchor(ctx), _time_value(d, part_code(g.get("p") or g["mp"])), "TIME")


@rule("nth_day", r"(?:the\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,3}(?:st|nd|rd|th))"
                r"\s+(?:straight\s+|consecutive\s+)?day(?=\s+of\s)")
def _nth_day(g: dict, ctx: Ctx) -> TV | None:
    """"Today is the eighth day of the blockade", "it's the second day of an offensive": the day the
    report is about (timex.find_times keeps it only as the complement of a present "is")."""
    ref = ref_day(ctx)
    return cal.day_value(ref, ref_anchor(ctx)) if ref is not None else None
