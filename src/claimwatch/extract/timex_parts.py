"""The parts TimeML marks inside one expression of the time grammar: the two ends of a range ("June
and August of 2019", "between 2020 and 2022"), the duration and the year of "the first nine months of
1997", the two bounds of "between 60 and 90 days". :func:`range_parts` gives each part its span and value;
the claim keeps the whole expression."""

from __future__ import annotations

import re
from datetime import date

from . import timex_calendar as cal
from .timex_calendar import TV
from .timex_dates import point
from .timex_registry import RULES, Ctx, ref_anchor, ref_year
from .timex_words import number, unit_of

__all__ = ["range_parts"]

_PART_GROUPS = {"range_y": (("y1", "y1"), ("y2", "y2")), "range_md": (("m1", "d1"), ("d2", "y")),
                "range_dm": (("d1", "d1"), ("d2", "y")), "range_any": (("a", "a"), ("b", "b")),
                "night_range": (("w3", "w3"), ("w4", "w4"))}
_JOIN_WORD = re.compile(r"\s+(?:and|to|until|till|through)\s+", re.I)


def _group_span(m: re.Match, first: str, last: str) -> tuple[int, int] | None:
    s, e = m.span(first)
    if s < 0:
        return None
    end = m.end(last) if m.group(last) else e
    return s, max(e, end)


def _part_value(tv: TV, day: date, precision: str) -> TV:
    if precision == "year":
        return cal.year_period(day.year, tv.anchor)
    if precision == "month":
        return cal.month_period(day.year, day.month, tv.anchor)
    return cal.day_value(day, tv.anchor)


def _span_of_year_parts(m: re.Match, tv: TV, ctx: Ctx) -> list[tuple[int, int, TV]]:
    """"the first nine months of 1997", "the last two weeks of the year": TimeML marks the span
    of days, weeks or months (a duration) and the year it lies in (a date) apart; a span of
    quarters or halves ("the first two quarters of 1990") is one period and stays whole."""
    unit = (m.group("u") or m.group("up") or "").lower()
    if not m.group("oy") or not unit.startswith(("day", "week", "month")):
        return []
    if m.group("y"):
        y: int | None = int(m.group("y"))
    else:
        y = ref_year(ctx)
        if y is not None and m.group("yr"):
            y += {"last": -1, "next": 1}.get(m.group("yr").lower(), 0)
    if y is None:
        return []
    unit_end = m.end("u") if m.group("u") else m.end("up")
    start = m.start("det") if m.group("det") else m.start("rel")
    year = cal.year_period(y, "absolute" if m.group("y") else ref_anchor(ctx))
    return [(start, unit_end, tv), (m.start("oy"), m.end("oy"), year)]


def _between_durations(m: re.Match) -> list[tuple[int, int, TV]]:
    """"between two to six days", "between 60 and 90 days": TimeML marks each bound ("two" P2D,
    "six days" P6D); without "between" the range is one duration ("two to three weeks")."""
    second = "n2" if m.group("n2") else "n3"
    if (m.group("prep") or "").lower() != "between" or not m.group(second):
        return []
    unit = unit_of(m.group("u"))
    values = [number(m.group(k)) for k in ("n", second)]
    if None in values:
        return []
    return [(m.start("n"), m.end("n"), TV(None, None, "unknown", "absolute", cal.duration_value(values[0], unit), "DURATION")),
            (m.start(second), m.end("u"), TV(None, None, "unknown", "absolute", cal.duration_value(values[1], unit),
                                             "DURATION"))]


def range_parts(kind: str, text: str, start: int, tv: TV, ctx: Ctx) -> list[tuple[int, int, TV]]:
    """The two ends of a range as TimeML marks them, each with its value: the range's first day
    (or month, or year) and its last. Nothing for a hyphenated range or one that did not resolve.
    A span of a year ("the first nine months of 1997") gives its duration and its year."""
    if kind in ("past_n", "duration"):
        found = next(r for r in RULES if r.kind == kind).pattern.match(text, start)
        if found is None:
            return []
        return _span_of_year_parts(found, tv, ctx) if kind == "past_n" else _between_durations(found)
    groups = _PART_GROUPS.get(kind)
    rule_ = next((r for r in RULES if r.kind == kind), None)
    m = rule_.pattern.match(text, start) if rule_ is not None and groups else None
    if m is None or groups is None or tv.start is None or tv.end is None:
        return []
    a, b = _group_span(m, *groups[0]), _group_span(m, *groups[1])
    if a is None or b is None or not _JOIN_WORD.fullmatch(text[a[1]:b[0]]):
        return []
    if kind == "range_y":
        if b[1] - b[0] != 4:
            return []
        precisions = ("year", "year")
    elif kind == "range_any":
        pa, pb = point(m.group("a"), ctx), point(m.group("b"), ctx)
        precisions = (pa.precision if pa else "day", pb.precision if pb else "day")
    else:
        precisions = ("day", "day")
    return [(a[0], a[1], _part_value(tv, tv.start, precisions[0])), (b[0], b[1], _part_value(tv, tv.end, precisions[1]))]
