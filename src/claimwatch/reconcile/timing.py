"""Time compatibility: what kind of measure a count is, and when it holds.

Three kinds of measure are never merged with each other (SPEC §7):

* ``running`` – a running total up to a date: open at the start ("since the start
  of the war", "so far", "to date"), stated "as of" / "until" / "through" a date
  ("as of Nov. 21, 4,121 cases"), year-to-date ("this year have crossed"), an
  ordinal that numbers the cases ("the 25th death": 25 people to date), or a
  toll "brought to" / "risen to" a figure;
* ``period`` – a total over a closed period ("in 2024", "last month"); "in total"
  or "altogether" do not change the kind of a total;
* ``incident`` – one event on a day or within a week ("on Monday"), or a count with
  no time at all (the report's own incident).

A running total's date (:func:`as_of`) is the date it is stated for: the end of its time,
a stated day, else the publication day.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Claim, TimeInfo

__all__ = [
    "MEASURES",
    "measure_of",
    "reference_date",
    "stated_day",
    "as_of",
    "parse_date",
    "period_key",
    "is_ordinal_total",
    "month_day",
    "perfect_without_time",
    "INCIDENT_WINDOW_DAYS",
    "EVENT_DAY_TOLERANCE",
    "opens_total",
]

MEASURES = ("running", "period", "incident")

#: two incident reports can describe the same event when their dates are this close
INCIDENT_WINDOW_DAYS = 7
#: when both reports give the event's own day, the days may differ by this much
#: (time zones, "overnight", the day of the find vs the day of the death)
EVENT_DAY_TOLERANCE = 2

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|november|december|"
           "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec")
#: a time phrase that itself opens a running total or states its date
_RUNNING_TIME = re.compile(
    r"^\s*(?:since|from|ever\s+since|so\s+far|to\s+date|until\s+now|up\s+to\s+now|as\s+of|as\s+at|until|"
    r"till|through|up\s+to|by)\b", re.I)
#: the words before a time phrase that make it the date of a running total ("as of Sunday")
_ASOF_BEFORE = re.compile(r"\b(?:as\s+of|as\s+at|until|till|through|up\s+to|by)\s*$", re.I)
_RUNNING_TEXT = re.compile(
    r"\b(?:since\s+(?:the\s+)?(?:start|beginning|outbreak|onset|launch|creation)|since\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?:(?:19|20)\d\d|" + _MONTHS + r"|spring|summer|autumn|fall|winter)|since\s+(?:its|it\s+was|they\s+were)\s+"
    r"(?:launch|creat|start|set\s+up|open)\w*|since\s+the\s+(?:full-scale\s+)?(?:war|invasion|crisis|conflict)|"
    r"so\s+far|to\s+date|as\s+of\s+(?:\w+\s+){0,3}\w+|running\s+total|cumulative|"
    r"(?:have|has)\s+already\s+\w+|"
    r"(?:death\s+)?toll\s+(?:has\s+|had\s+)?(?:now\s+)?(?:risen|rose|climbed|reached|stands|stood)|"
    r"bringing\s+(?:the\s+)?(?:total|toll|number)|brings\s+(?:the\s+)?(?:total|toll|number)|"
    r"(?:a|the)\s+total\s+of\s+[\d,.]+\s+(?:\w+\s+)?(?:since|so\s+far)|"
    r"\d+(?:st|nd|rd|th)\s+(?:such\s+|known\s+|confirmed\s+|recorded\s+)?(?:death|case|victim|body|fatality|drowning))\b",
    re.I,
)
#: present perfect, which makes a figure for the current period a running total ("have crossed this year")
_PERFECT = re.compile(r"\b(?:have|has)\s+(?:now\s+|so\s+far\s+|already\s+|reportedly\s+)?(?:been\s+)?\w+(?:ed|en|wn|ne|ght|lt)\b", re.I)
_ORDINAL = re.compile(r"^\s*(?:the\s+)?\d+(?:st|nd|rd|th)\b|^\s*(?:the\s+)?(?:first|second|third|fourth|fifth|"
                      r"sixth|seventh|eighth|ninth|tenth|\w+teenth|\w+tieth|hundredth)\b", re.I)


def parse_date(value: str | None) -> date | None:
    """An ISO date (or the date part of an ISO datetime); ``None`` when absent or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def is_ordinal_total(claim: Claim) -> bool:
    """"The 25th death" / "the 24th such case": an ordinal that counts people to date."""
    q = claim.quantity
    return q is not None and bool(_ORDINAL.match(q.text or ""))


def _time_prefix(claim: Claim) -> str:
    """The words of the claim sentence just before its time phrase (when the phrase is in it)."""
    t = claim.time
    if t is None or t.span is None or claim.span is None:
        return ""
    start = t.span[0] - claim.span[0]
    if not 0 <= start <= len(claim.text or ""):
        return ""
    return (claim.text or "")[max(0, start - 20):start]


def _running_phrase(t: TimeInfo, claim: Claim | None = None) -> bool:
    """The claim's own time phrase opens a running total or states its date ("since May", "as of
    Sunday"). A time inherited from the report (``scope`` paragraph or article) dates the claim
    but does not make it a running total: "One person remains missing" after "Thursday's floods"."""
    if (t.scope or "sentence") != "sentence":
        return False
    return bool(_RUNNING_TIME.search(t.text or "")) or (claim is not None and bool(_ASOF_BEFORE.search(_time_prefix(claim))))


_OPENER = re.compile(r"^\s*(?:since|from|ever\s+since)\b", re.I)


def opens_total(t: TimeInfo) -> bool:
    """The time phrase is where a running total starts ("since the start of the invasion",
    "since 24 February"): its day is the total's start, not the date it is stated for."""
    return bool(_OPENER.search(t.text or ""))


def _in_period(d: date | None, t_start: str | None, t_end: str | None) -> bool:
    s, e = parse_date(t_start), parse_date(t_end)
    return d is not None and s is not None and s <= d and (e is None or d <= e)


def _short_range(start: str | None, end: str | None) -> bool:
    """A range of at most a week ("between 1 and 3 February") dates one incident, not a period."""
    s, e = parse_date(start), parse_date(end)
    return s is not None and e is not None and 0 <= (e - s).days <= INCIDENT_WINDOW_DAYS


def measure_of(claim: Claim, published: str | None = None) -> str:
    """``running`` | ``period`` | ``incident`` for a count claim (see the module doc)."""
    t = claim.time
    text = claim.text or ""
    if is_ordinal_total(claim) or _RUNNING_TEXT.search(text):
        return "running"
    if t is not None:
        if _running_phrase(t, claim):
            return "running"
        if t.precision in ("day", "week") or _short_range(t.start, t.end):
            return "incident"
        if t.precision in ("month", "year", "range") and (t.start or t.end):
            # a figure for the period we are in, in the present perfect: the total to date
            if _in_period(parse_date(published), t.start, t.end) and _PERFECT.search(text):
                return "running"
            return "period"
    return "incident"


_PERFECT_AFTER = re.compile(r"^\W*(?:[\w'-]+\s+){0,4}?(?:have|has)\s+(?:now\s+|so\s+far\s+|already\s+|reportedly\s+)?"
                            r"(?:been\s+)?\w+(?:ed|en|wn|ne|ght|lt|st)\b", re.I)


def perfect_without_time(claim: Claim) -> bool:
    """A figure that is the subject of a present perfect and has no time of its own ("at least 25
    men have died while trying to ..."): a running total unless its report tells of an incident
    (see ``features.settle_measures``). "Police have named the three people who died" is not."""
    q = claim.quantity
    if claim.time is not None or q is None or q.span is None or claim.span is None:
        return False
    end = q.span[1] - claim.span[0]
    if not 0 <= end <= len(claim.text or ""):
        return False
    return bool(_PERFECT_AFTER.match((claim.text or "")[end:end + 80]))


def stated_day(claim: Claim) -> date | None:
    """The day (or week) the claim's own time states, if it resolves to one."""
    t = claim.time
    if t is not None and not _running_phrase(t) and (
            t.precision in ("day", "week") or _short_range(t.start, t.end)):
        return parse_date(t.start)
    return None


_MONTH_NUM = {m: i + 1 for i, m in enumerate(("january", "february", "march", "april", "may", "june", "july",
                                                "august", "september", "october", "november", "december"))}
_MONTH_DAY = re.compile(r"\b(" + "|".join(_MONTH_NUM) + r")\s+(\d{1,2})\b|\b(\d{1,2})\s+(" + "|".join(_MONTH_NUM) + r")\b",
                        re.I)


def month_day(claim: Claim) -> tuple[int, int] | None:
    """(month, day) a claim's time states even when it could not be resolved to a date
    ("on September 25" in a report without a publication date)."""
    t = claim.time
    if t is None:
        return None
    d = parse_date(t.start) if t.precision == "day" else None
    if d is not None:
        return (d.month, d.day)
    m = _MONTH_DAY.search(t.text or "")
    if not m:
        return None
    month = _MONTH_NUM[(m.group(1) or m.group(4)).lower()]
    day = int(m.group(2) or m.group(3))
    return (month, day) if 1 <= day <= 31 else None


def reference_date(claim: Claim, published: str | None) -> date | None:
    """When an incident happened: its own day if the text gives one, else the publication day."""
    return stated_day(claim) or parse_date(published)


def as_of(claim: Claim, published: str | None) -> date | None:
    """The date a running total is stated for: the end of its time, a stated day, else publication."""
    t = claim.time
    if t is not None:
        end = parse_date(t.end)
        if end is not None:
            return end
        if t.precision in ("day", "week") and not opens_total(t):
            d = parse_date(t.start)
            if d is not None:
                return d
    return parse_date(published)


def period_key(claim: Claim, measure: str, ref: date | None) -> str:
    """The time part of a total's blocking key: the period, or ``running``."""
    if measure == "running":
        return "running"
    if measure == "period":
        t = claim.time
        if t is None:
            return "P?"
        if t.precision == "year":
            return f"Py:{(t.start or t.end or '')[:4]}"
        if t.precision == "month":
            return f"Pm:{(t.start or t.end or '')[:7]}"
        return f"Pr:{t.start or ''}/{t.end or ''}"
    return "incident"
