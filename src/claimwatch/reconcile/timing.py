"""Time compatibility: what kind of measure a count is, and when it holds.

Three kinds of measure are never merged with each other:

* ``cumulative`` – a running total that is open at the end ("since the start
  of the war", "so far", "25 men have died trying to cross the Tisza");
* ``period`` – a total over a closed period ("in 2024", "last month");
* ``incident`` – one event on a day or within a week ("on Monday").

A count with no time at all is an incident on the day of publication unless
its wording marks a running total.
"""

from __future__ import annotations

import re
from datetime import date

from ..model import Claim

__all__ = [
    "MEASURES",
    "measure_of",
    "reference_date",
    "parse_date",
    "period_key",
    "INCIDENT_WINDOW_DAYS",
    "EVENT_DAY_TOLERANCE",
]

MEASURES = ("cumulative", "period", "incident")

#: two incident reports can describe the same event when their dates are this close
INCIDENT_WINDOW_DAYS = 7
#: when both reports give the event's own day, the days may differ by this much
#: (time zones, "overnight", the day of the find vs the day of the death)
EVENT_DAY_TOLERANCE = 2

_CUMULATIVE_TIME = re.compile(r"^\s*(?:since|from|ever since|so far|to date|until now|up to now)\b", re.I)
_CUMULATIVE_TEXT = re.compile(
    r"\b(?:since\s+(?:the\s+)?(?:start|beginning|outbreak|onset)|since\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?:(?:19|20)\d\d|january|february|march|april|may|june|july|august|september|october|november|"
    r"december|spring|summer|autumn|fall|winter)|since\s+the\s+"
    r"(?:full-scale\s+)?(?:war|invasion|crisis)|so\s+far|to\s+date|in\s+total|altogether|overall|"
    r"running\s+total|death\s+toll\s+(?:has\s+)?(?:risen|rose|climbed|reached)|bringing\s+(?:the\s+)?"
    r"(?:total|toll|number)|brings\s+(?:the\s+)?(?:total|toll|number)|"
    r"(?:have|has)\s+(?:now\s+|so\s+far\s+|already\s+)?(?:died|drowned|perished|lost\s+their\s+lives|"
    r"(?:heard|registered|recorded|counted|documented|opened|filed|exposed|uncovered)|been\s+(?:killed|found|detained|caught|apprehended|recovered|exposed|uncovered|convicted|"
    r"sentenced|charged|opened|heard|deported|returned))|\d+(?:st|nd|rd|th)\s+(?:death|case|victim|body))\b",
    re.I,
)


def parse_date(value: str | None) -> date | None:
    """An ISO date (or the date part of an ISO datetime); ``None`` when absent or malformed."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def measure_of(claim: Claim) -> str:
    """``cumulative`` | ``period`` | ``incident`` for a count claim."""
    t = claim.time
    if t is not None:
        if t.start and not t.end and _CUMULATIVE_TIME.search(t.text or ""):
            return "cumulative"
        if t.precision in ("day", "week"):
            return "incident"
    if _CUMULATIVE_TEXT.search(claim.text or ""):
        return "cumulative"
    if t is not None and t.precision in ("month", "year", "range") and (t.start or t.end):
        return "period"
    return "incident"


def reference_date(claim: Claim, published: str | None) -> date | None:
    """When an incident happened: its own day if the text gives one, else the publication day."""
    t = claim.time
    if t is not None and t.precision in ("day", "week"):
        d = parse_date(t.start)
        if d is not None:
            return d
    return parse_date(published)


def period_key(claim: Claim, measure: str, ref: date | None) -> str:
    """The time part of the blocking key: month of the incident, the period, or ``cumulative``."""
    if measure == "cumulative":
        return "cumulative"
    if measure == "period":
        t = claim.time
        if t is None:
            return "P?"
        if t.precision == "year":
            return f"Py:{(t.start or t.end or '')[:4]}"
        if t.precision == "month":
            return f"Pm:{(t.start or t.end or '')[:7]}"
        return f"Pr:{t.start or ''}/{t.end or ''}"
    return ref.strftime("%Y-%m") if ref else "undated"
