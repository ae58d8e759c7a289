"""Calendar arithmetic for the time grammar: the normalised value of one expression
(:class:`TV`), month/week/quarter/season periods, tense-aware anchoring of underspecified dates,
and TIMEX3 value strings.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .timex_words import SEASONS, UNITS

__all__ = ["TV", "Ref", "month_end", "shift_month", "month_period", "year_period", "quarter_period",
           "season_bounds", "season_period", "week_period", "day_value", "anchor_month", "anchor_weekday", "anchor_month_day",
           "duration_value", "shift", "replace"]


@dataclass(frozen=True)
class Ref:
    """What relative expressions resolve against: the publication date, else a date the report
    states (``anchor`` "absolute"), else nothing (relative expressions stay unresolved)."""

    day: date | None = None
    year: int | None = None          # a year the report states, when no day is known
    anchor: str = "published"


@dataclass(frozen=True)
class TV:
    """The normalised value of one time expression.

    ``start``/``end``/``precision``/``anchor`` are the claim's view (SPEC §2 ``time``);
    ``value``/``type``/``mod`` the TIMEX3 view (``2023-12``, ``P3M``, ``PRESENT_REF``, ``XXXX-WXX-4``).
    """

    start: date | None
    end: date | None
    precision: str = "day"           # day | week | month | year | range | unknown
    anchor: str = "absolute"         # absolute | published | unresolved
    value: str | None = None
    type: str = "DATE"               # DATE | TIME | DURATION | SET
    mod: str | None = None           # START | MID | END | APPROX | ...


def month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    t = y * 12 + (m - 1) + k
    return t // 12, t % 12 + 1


def shift(d: date, n: int, unit: str) -> date:
    """``d`` moved by ``n`` units (negative = back); months and longer keep the day where they can."""
    if unit in ("second", "minute", "hour"):
        return d
    if unit in ("day", "night"):
        return d + timedelta(days=n)
    if unit in ("week", "fortnight"):
        return d + timedelta(days=n * UNITS[unit][1])
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}[unit] * n
    y, m = shift_month(d.year, d.month, months)
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def day_value(d: date, anchor: str, **kw) -> TV:
    return TV(d, d, "day", anchor, d.isoformat(), **kw)


def month_period(y: int, m: int, anchor: str) -> TV:
    return TV(date(y, m, 1), month_end(y, m), "month", anchor, f"{y:04d}-{m:02d}")


def year_period(y: int, anchor: str) -> TV:
    return TV(date(y, 1, 1), date(y, 12, 31), "year", anchor, f"{y:04d}")


def quarter_period(y: int, q: int, anchor: str) -> TV:
    return TV(date(y, 3 * q - 2, 1), month_end(y, 3 * q), "range", anchor, f"{y:04d}-Q{q}")


def season_bounds(y: int, name: str) -> tuple[date, date]:
    """First and last day of the season ``name`` that starts in year ``y`` (a winter ends in the next year)."""
    _, a, b = SEASONS[name.lower()]
    return date(y, a, 1), month_end(y + 1 if b < a else y, b)


def season_period(y: int, name: str, anchor: str) -> TV:
    start, end = season_bounds(y, name)
    return TV(start, end, "range", anchor, f"{y:04d}-{SEASONS[name.lower()][0]}")


def week_period(d: date, anchor: str) -> TV:
    monday = d - timedelta(days=d.weekday())
    y, w, _ = monday.isocalendar()
    return TV(monday, monday + timedelta(days=6), "week", anchor, f"{y:04d}-W{w:02d}")


def anchor_month(mo: int, ref: date, future: bool | None) -> int:
    """The year of a month named without one: the next such month when the tense points forward,
    the last one on or before the reference when it points back, else the nearest one (in a report
    of January, "in October" is last October; in one of August, "in September" the coming one)."""
    if future:
        return ref.year if mo >= ref.month else ref.year + 1
    if future is False:
        return ref.year if mo <= ref.month else ref.year - 1
    ahead = (mo - ref.month) % 12
    if ahead == 0:
        return ref.year
    return ref.year + (mo < ref.month) if ahead < 6 else ref.year - (mo > ref.month)


def anchor_weekday(wd: int, ref: date, future: bool | None, rel: str = "") -> date:
    """A weekday named without a date: "next"/"coming" or a forward tense -> the next one after the
    reference; "last"/"past" -> the one before it; else the latest on or before the reference."""
    if rel in ("next", "coming", "following"):
        return ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
    if future and rel not in ("last", "past", "previous", "since"):
        return ref + timedelta(days=(wd - ref.weekday()) % 7)  # "the offer expires Friday", written on a Friday: that day
    if rel in ("last", "past", "previous"):
        return ref - timedelta(days=(ref.weekday() - wd) % 7 or 7)
    return ref - timedelta(days=(ref.weekday() - wd) % 7)


def anchor_month_day(mo: int, d: int, ref: date, future: bool | None) -> date | None:
    """Month and day without a year: the next occurrence for a forward tense, the latest on or
    before the reference for a past one, the nearest one when the tense says nothing."""
    options = []
    for y in (ref.year - 1, ref.year, ref.year + 1):
        try:
            options.append(date(y, mo, d))
        except ValueError:
            continue
    if not options:
        return None
    if future:
        later = [x for x in options if x >= ref]
        return min(later) if later else None
    if future is False:
        earlier = [x for x in options if x <= ref + timedelta(days=1)]
        return max(earlier) if earlier else None
    return min(options, key=lambda x: abs((x - ref).days))


def duration_value(n: int | None, unit: str, half: bool = False) -> str:
    """TIMEX3 duration: ``P3M``, ``PT16H``, ``P2DE`` (decades), ``PXY`` (unspecified number)."""
    letter = UNITS[unit][0]
    timed = unit in ("second", "minute", "hour")
    if unit == "decade":  # TimeBank writes decades in years: "two decades" = P20Y
        return "PXY" if n is None else f"P{10 * n}Y"
    if n is None:
        return f"P{'T' if timed else ''}X{letter}"
    if unit == "fortnight":
        n, letter = 2 * n, "W"
    if half:
        if unit == "year":
            return f"P{n}Y6M" if n else "P6M"  # TimeBank: "2 1/2 years" is P2Y6M
        if unit == "hour":
            return f"PT{n}H30M"
        if unit == "minute":
            return f"PT{n}M30S"
        if unit == "day":
            return f"PT{n * 24 + 12}H"
    return f"P{'T' if timed else ''}{n}{letter}"
