"""The registry of the temporal-expression grammar: each rule's pattern next to its normaliser.

A rule is registered with :func:`rule`: its pattern (the TimeML expression, without a leading
preposition; "since", "as of", "in" ... are matched in front of it by the registry) and the
function that normalises a match against a :class:`Ctx` to a :class:`~.timex_calendar.TV`
(TIMEX3 value/type/mod and the claim's start/end/precision/anchor). :func:`scan` finds every
expression in a text (named periods first, then the longest match); :func:`normalise` runs the
rule's normaliser and applies the preposition ("since X" opens the end, "as of X" / "until X"
make X the end bound, "before X" ends before X). Words come from :mod:`.timex_words`, calendar
arithmetic from :mod:`.timex_calendar`; named periods from ``resources/named_periods.json``.
Relative expressions with nothing to resolve them against stay unresolved — never today.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Callable

from .timex_calendar import TV, Ref
from .timex_words import PREP

__all__ = ["Found", "Ctx", "Rule", "RULES", "rule", "parse_iso", "RELATIVE_KINDS", "TENSED_KINDS", "QUAL",
           "part_of_period", "mod_of", "ref_anchor", "ref_year", "low", "ungroup"]


@dataclass
class Found:
    """One expression found in a text: ``start``/``end`` is the phrase (with its preposition),
    ``core`` where the TimeML expression proper begins."""

    start: int
    end: int
    kind: str
    groups: dict = field(default_factory=dict)
    text: str = ""
    period: dict | None = None   # named period record
    core: int = -1
    prep: str = ""               # the preposition in front, lower case ("since", "as of"), or ""

    def __post_init__(self) -> None:
        if self.core < 0:
            self.core = self.start


@dataclass(frozen=True)
class Ctx:
    """What a normaliser may use: the reference date, the tense of the clause (``future`` True /
    False (past) / None (unknown)), the last day stated before the expression (for "the night
    before", "two days later") and the quarter or month just named ("... in the third quarter,
    up from $3 million a year earlier": the same quarter a year before); ``quarter`` the quarter the
    report is about, the last it named ("net rose in the third quarter ... during the quarter").
    """

    ref: Ref = Ref()
    future: bool | None = None
    last_day: date | None = None
    last_period: TV | None = None    # a quarter or month named in this or the previous sentence
    quarter: TV | None = None        # the latest quarter the report named: what a quarterly report is about
    last_named: TV | None = None     # the last date or period named, however far back ("the following month")
    story_day: date | None = None    # a day the story states (not a named period) in this or the previous sentence
    last_year: TV | None = None      # a year named as a whole ("in 2025") in the last few sentences


@dataclass(frozen=True)
class Rule:
    kind: str
    pattern: re.Pattern
    normalise: Callable[[dict, Ctx], TV | None]
    type: str = "DATE"
    #: ``pattern`` without the preposition in front: every match of ``pattern`` holds a match of it
    body: re.Pattern | None = None


RULES: list[Rule] = []
#: expressions whose value depends on the reference date
RELATIVE_KINDS = frozenset({"holiday", "month", "month_day", "weekday", "deictic", "rel_unit", "ago", "past_n", "season",
                            "quarter", "day_part", "clock", "reference", "anaphoric", "night_range", "so_far",
                            "other_day", "range_md", "range_any", "qual_month", "weekend", "week_of", "the_day",
                            "that_period", "story_part", "ahead", "nth_day", "some_day", "day_beside", "holiday_week", "days_to",
                            "past_day"})
#: expressions resolved forward or backward by the tense of their clause
TENSED_KINDS = frozenset({"holiday", "month", "month_day", "weekday", "season", "quarter", "day_part", "clock", "qual_month",
                          "story_part", "day_beside",
                          "night_range", "range_md", "range_any", "weekend", "week_of"})


def rule(kind: str, pattern: str, type: str = "DATE") -> Callable:
    """Register ``pattern`` (case-insensitive; month/weekday names stay case-sensitive) with the
    decorated normaliser. A preposition in front is matched as the group ``prep``."""
    body = rf"(?<![\w-])(?:{pattern})"
    rx, body_rx = re.compile(rf"(?:\b(?P<prep>{PREP})\s+)?{body}", re.I), re.compile(body, re.I)

    def register(fn: Callable[[dict, Ctx], TV | None]) -> Callable[[dict, Ctx], TV | None]:
        RULES.append(Rule(kind, rx, fn, type, body_rx))
        return fn

    return register


def parse_iso(s: str | None) -> date | None:
    if not s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def ref_anchor(ctx: Ctx) -> str:
    return ctx.ref.anchor


def ref_year(ctx: Ctx) -> int | None:
    return ctx.ref.day.year if ctx.ref.day else ctx.ref.year


def low(g: dict, key: str) -> str:
    return " ".join((g.get(key) or "").lower().split())


QUAL = (r"(?:early|mid|late|the\s+(?:very\s+)?(?:beginning|start|middle|end)\s+of|the\s+(?:first|second|last)\s+half\s+of"
         r"|the\s+(?:first|last)\s+days\s+of)")
_MODS = {"early": "START", "beginning": "START", "start": "START", "first half": "START", "first days": "START",
         "mid": "MID", "middle": "MID", "late": "END", "end": "END", "second half": "END", "last half": "END",
         "last days": "END"}


def mod_of(q: str) -> str | None:
    q = q.lower().strip("- ")
    return next((v for k, v in _MODS.items() if k in q), None)


def part_of_period(tv: TV, q: str, prep: str) -> TV:
    """"early"/"mid"/"late", "the beginning/end of", "the first/second half of" a month or year:
    TIMEX3 keeps the period's value with a ``mod`` (a half year has a value of its own, ``1990-H2``);
    the claim gets that part of the period.
    "by the end of <period>" is the whole period (reached by its end); "before/until the end of"
    ends with it."""
    mod = mod_of(q)
    if mod is None or tv.start is None or tv.end is None:
        return tv
    if mod == "END" and prep == "by":
        return replace(tv, mod=mod)
    if mod == "END" and prep in ("before", "until", "till", "up to", "up until"):
        return replace(tv, start=None, mod=mod, precision=tv.precision)
    s, e = tv.start, tv.end
    n = (e - s).days + 1
    if "half" in q and tv.precision == "year":  # TIMEX3 names a half year: 1990-H1, 1990-H2
        s, e = (s, date(s.year, 6, 30)) if mod == "START" else (date(s.year, 7, 1), e)
        return replace(tv, start=s, end=e, precision="range", value=f"{s.year:04d}-H{1 if mod == 'START' else 2}")
    if "half" in q:
        cut = s + timedelta(days=n // 2)
        s, e = (s, cut - timedelta(days=1)) if mod == "START" else (cut, e)
    elif tv.precision == "month":
        s, e = {"START": (s, s.replace(day=10)), "MID": (s.replace(day=11), s.replace(day=20)),
                "END": (s.replace(day=21), e)}[mod]
    else:  # a year (or longer) in thirds
        y = s.year
        s, e = {"START": (s, date(y, 4, 30)), "MID": (date(y, 5, 1), date(y, 8, 31)), "END": (date(y, 9, 1), e)}[mod]
    return replace(tv, start=s, end=e, precision="range", mod=mod)




def ungroup(pattern: str) -> str:
    """A pattern with its named groups made anonymous (to embed it twice in one rule)."""
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)
