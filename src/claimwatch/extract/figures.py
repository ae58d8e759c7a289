"""The incident figures of one report: how many were killed, injured and detained.

A coder who reads a local report of a shooting, a crash or a raid records one row per incident
with its killed / injured / detained figures (the Gun Violence Archive's and ACLED's habit). This
module derives those figures from a report's count claims (SPEC §3):

* only asserted figures count: positive polarity, certainty ``certain`` or ``probable``;
* running totals ("the city's 31st homicide this year", an ordinal figure) are not the
  incident's figure;
* each figure is the largest stated count of its type (``death`` → killed, ``injury`` →
  injured, ``detention`` → detained): reports restate the same figure ("Four people were shot …
  The four victims …") and its parts ("two of them seriously"), and a coder keeps the total;
* a death that is a part of an injury total ("four people were shot, one of them fatally":
  injury 4, death 1 with ``part_of`` the injury claim) is taken out of the injured figure — the
  injured are those hurt who survived.

Core: :func:`report_figures` (pure, over model claims).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ..model import Claim

__all__ = ["ReportFigures", "report_figures", "FIGURE_TYPES"]

#: figure name -> the event types whose counts give it
FIGURE_TYPES: dict[str, tuple[str, ...]] = {
    "killed": ("death",),
    "injured": ("injury",),
    "detained": ("detention",),
}

_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b",
                      re.I)


@dataclass(frozen=True)
class ReportFigures:
    killed: int = 0
    injured: int = 0
    detained: int = 0

    def as_dict(self) -> dict[str, int]:
        return {"killed": self.killed, "injured": self.injured, "detained": self.detained}


def _asserted(claim: Claim) -> bool:
    q = claim.quantity
    return (
        claim.kind == "count" and q is not None and q.best is not None
        and claim.polarity == "positive" and claim.certainty in ("certain", "probable")
        and not _ORDINAL.search(q.text or "")
    )


def report_figures(claims: Iterable[Claim]) -> ReportFigures:
    """Killed, injured and detained for the incident a report is about (see the module doc)."""
    counts = [c for c in claims if _asserted(c)]
    dead_parts: dict[str, float] = {}
    for c in counts:
        if c.event_type == "death" and c.quantity is not None and c.quantity.part_of:
            dead_parts[c.quantity.part_of] = dead_parts.get(c.quantity.part_of, 0) + float(c.quantity.best or 0)
    out: dict[str, int] = {}
    for name, types in FIGURE_TYPES.items():
        best = 0.0
        for c in counts:
            if c.event_type not in types or c.quantity is None:
                continue
            value = float(c.quantity.best or 0)
            if name == "injured":
                value -= dead_parts.get(c.id, 0)
            best = max(best, value)
        out[name] = int(best)
    return ReportFigures(**out)
