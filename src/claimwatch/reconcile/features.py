"""What reconciliation reads of one claim, computed once: :class:`ClaimFeatures`.

Every reconciled claim — a figure (``count``), an ``event`` or a ``statement`` — gets its
kind of measure (:mod:`.timing`), unit class (:mod:`.units`), dates, places (:mod:`.geo`),
subject words (:mod:`.similarity`) and, for figures, its interval. The words of the clause
that holds a figure (``local``) tell two figures of one sentence apart ("CBP located six
bodies, and the Mexican authorities recovered three").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from ..model import Claim, Place, Quantity
from ..resources import read_json
from .geo import GeoPoint, geo_points
from .similarity import content_tokens, subject_tokens
from .timing import (
    as_of,
    is_ordinal_total,
    measure_of,
    month_day,
    opens_total,
    parse_date,
    perfect_without_time,
    period_key,
    stated_day,
)
from .units import PEOPLE_EVENTS, unit_class

__all__ = ["ClaimFeatures", "features_for", "settle_measures", "reconcilable", "interval", "qty", "rate_of", "event_places", "is_difference", "INF"]

INF = math.inf
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”—–]|\s(?:while|whereas|but|and|as well as|including)\s", re.I)
#: nouns an ordinal running total counts people with ("the 24th case")
#: what separates the clause a figure's frequency belongs to ("..., and 20 die every day")
_RATE_CLAUSE_BREAK = re.compile(r"[;:]|,\s|\s(?:while|whereas|but|up\s+from|down\s+from|compared\s+with)\s", re.I)
_ORDINAL_PEOPLE = {"case", "cases", "death", "deaths", "victim", "victims", "body", "bodies", "fatality",
                   "fatalities", "drowning", "drownings", "person", "people"}


@dataclass
class ClaimFeatures:
    """Everything grouping needs about one claim, computed once."""

    claim: Claim
    meta: dict[str, Any]
    uid: str
    article_id: str
    #: the report this claim is in: a syndicated copy is its original's report
    report: str
    published: str | None
    kind: str
    event_type: str
    unit: str
    measure: str
    #: the incident's own stated day (or week), when the text gives one
    day: date | None
    #: when it happened or holds: the stated day, else the publication day
    ref: date | None
    #: the date a running total is stated for
    asof: date | None
    period: str
    points: tuple[GeoPoint, ...]
    #: the places the claim's own sentence states (a total is defined by its own area, not the report's)
    own_points: tuple[GeoPoint, ...]
    tokens: frozenset[str]
    local: frozenset[str]
    interval: tuple[float, float] | None
    #: the article's sentence: two figures of one sentence are never one measure
    sentence: tuple[str, int, int]
    cum_start: date | None = None
    #: uid of the total this figure is a part of (``quantity.part_of``)
    part_of: str | None = None
    #: (month, day) the time states, even unresolved ("on September 25" with no year)
    monthday: tuple[int, int] | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def explicit_day(self) -> bool:
        return self.day is not None

    @property
    def key(self) -> tuple[str, str]:
        """The block of a total (``(unit class, period)``; event types are compared inside it, an
        unknown one matching any); incident claims have period ``"incident"``."""
        return (self.unit, self.period)


def qty(f: "ClaimFeatures") -> Quantity:
    """The quantity of a figure's claim (figures always have one)."""
    q = f.claim.quantity
    if q is None:
        raise ValueError(f"{f.uid} is not a figure")
    return q


def reconcilable(claim: Claim) -> bool:
    """Figures with a quantity, events and statements; not rejected by a reviewer. Denied
    claims are kept (a denial of a figure or event is a disagreement on a fact)."""
    if claim.review == "rejected":
        return False
    if claim.kind == "count":
        return claim.quantity is not None
    return claim.kind in ("event", "statement")


def interval(claim: Claim) -> tuple[float, float] | None:
    """A figure's ``[low, high]``, an open bound unbounded ("at least 25" = ``[25, inf)``)."""
    q = claim.quantity
    if q is None:
        return None
    lo = q.low if q.low is not None else (q.best if q.qualifier in ("exact", "more_than", "at_least") and q.best is not None else 0.0)
    hi = q.high if q.high is not None else (q.best if q.qualifier in ("exact",) and q.best is not None else INF)
    if q.best is not None:
        lo = min(lo, q.best)
        hi = max(hi, q.best)
    return float(lo), float(hi)


@lru_cache(maxsize=1)
def _sets() -> dict[str, str]:
    """The frequency words of the time lexicon ("every day", "per week", "daily"; its ``sets``)."""
    return {str(k): str(v) for k, v in read_json("timex_lexicon.json")["sets"].items()}


@lru_cache(maxsize=1)
def _set_pattern() -> re.Pattern[str]:
    """Any frequency word; "a day" that places something ("a day after the attack") is not one."""
    sets = _sets()
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(sets, key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b(?!\s+(?:after|before|earlier|later|ago)\b)", re.I)


def rate_of(claim: Claim) -> str | None:
    """The frequency a figure is stated per ("10,000 arrive every day" -> ``"every day"``'s
    period, ``P1D``), read in the figure's own clause; ``None`` for a figure of one time."""
    q = claim.quantity
    text = claim.text or ""
    if q is None or claim.span is None or q.span is None:
        return None
    start = q.span[0] - claim.span[0]
    if not 0 <= start <= len(text):
        return None
    cuts = [0] + [m.end() for m in _RATE_CLAUSE_BREAK.finditer(text)] + [len(text) + 1]
    lo = max(c for c in cuts if c <= start)
    hi = min((c for c in cuts if c > start + len(q.text or "")), default=len(text) + 1)
    m = _set_pattern().search(text[lo:hi])
    if m is None:
        return None
    word = re.sub(r"\s+", " ", m.group(0).lower())
    return _sets().get(word, word)


def _source_apposition(claim: Claim) -> tuple[int, int] | None:
    """The apposition that describes the source between its name and its reporting verb ("Rick
    Pauza, spokesman for the CBP office in Laredo, Texas, said ..."), as an article span."""
    src = claim.source
    if src.span is None or not src.cue or claim.span is None:
        return None
    text = claim.text or ""
    after = src.span[1] - claim.span[0]
    if not 0 <= after < len(text) or not text[after:].lstrip().startswith(","):
        return None
    cue = re.search(rf"\b{re.escape(src.cue)}\b", text[after:], re.I)
    if cue is None:
        return None
    return src.span[1], src.span[1] + cue.start()


def event_places(claim: Claim) -> list[Place]:
    """The claim's places without those that only say where its source is (a place inside the
    apposition describing the source)."""
    appos = _source_apposition(claim)
    if appos is None:
        return list(claim.places)
    return [p for p in claim.places if p.span is None or not (appos[0] <= p.span[0] and p.span[1] <= appos[1])]


@lru_cache(maxsize=1)
def _change_words() -> re.Pattern[str]:
    """Any form of a verb or noun of change or comparison (``resources/number_change.json``)."""
    data = read_json("number_change.json")
    stems = {w[:-1] if w.endswith("e") and len(w) > 3 else w for w in data["up"] + data["down"] + data["compare"]}
    forms = "|".join(sorted((re.escape(x) for x in stems), key=len, reverse=True))
    irregular = "|".join(re.escape(x) for x in data["irregular_forms"])
    return re.compile(rf"\b(?:(?:{forms})\w*|{irregular})\b", re.I)


def is_difference(claim: Claim) -> bool:
    """A figure that is the difference between two others: the "by" phrase of a verb of change or
    comparison in its clause ("exceeding last year's record by 600 people", "surpasses the 2022
    total by over 600") — not "killed by 3 gunmen"."""
    q = claim.quantity
    text = claim.text or ""
    if q is None or claim.span is None or q.span is None:
        return False
    start = q.span[0] - claim.span[0]
    if not 0 < start <= len(text) or not re.search(r"\bby\s+$", text[:start], re.I):
        return False
    cuts = [0] + [m.end() for m in _RATE_CLAUSE_BREAK.finditer(text[:start])]
    return bool(_change_words().search(text[max(cuts):start]))


def _local_tokens(claim: Claim) -> frozenset[str]:
    """Content words of the clause that holds the figure (with its unit and what it counts)."""
    q = claim.quantity
    text = claim.text or ""
    if q is None or claim.span is None or q.span is None:
        return content_tokens(text)
    start = q.span[0] - claim.span[0]
    if not 0 <= start <= len(text):
        return content_tokens(text)
    cuts = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(text)] + [len(text) + 1]
    lo = max(c for c in cuts if c <= start)
    hi = min(c for c in cuts if c > start + len(q.text or ""))
    clause = text[lo:hi]
    extra = " ".join(x for x in (q.unit, q.counted) if x)
    toks = content_tokens(clause + " " + extra, skip=claim_source_words(claim))
    return toks or content_tokens(text)


def _subject(claim: Claim) -> frozenset[str]:
    """Subject words: a figure's or a reported event's without the words of who reported it; an
    event whose source has no reporting cue keeps them (the source is its agent: "prosecutors
    opened an investigation")."""
    if claim.kind == "count" or claim.source.cue:
        return subject_tokens(claim)
    return content_tokens(claim.text)


def claim_source_words(claim: Claim) -> set[str]:
    return {w for name in (claim.source.name, claim.source.canonical, claim.source.affiliation) if name
            for w in content_tokens(name)}


def _unit(claim: Claim, measure: str) -> str:
    q = claim.quantity
    if claim.kind != "count" or q is None:
        return claim.kind
    if measure == "running" and is_ordinal_total(claim):
        if not q.unit or q.unit.lower() in _ORDINAL_PEOPLE or claim.event_type in PEOPLE_EVENTS:
            return "people"
    return unit_class(q.unit, claim.event_type) or "?"


def features_for(claim: Claim, meta: dict[str, Any]) -> ClaimFeatures | None:
    """The grouping features of one claim, or ``None`` when it is not reconciled."""
    if not reconcilable(claim):
        return None
    article_id = str(meta.get("id") or claim.article_id or "")
    published = meta.get("published")
    published = str(published)[:10] if published else None
    kind = claim.kind
    measure = measure_of(claim, published) if kind == "count" else "incident"
    difference = kind == "count" and is_difference(claim)
    if difference:
        measure = "period"  # a difference between two totals is a figure of its own, never a participant count
    day = stated_day(claim)
    ref = day or parse_date(published)
    t = claim.time
    cum_start = None
    if measure == "running" and t is not None and (
            (t.end is None or t.precision in ("month", "year", "range")) and t.precision not in ("day", "week")
            or opens_total(t)):
        cum_start = parse_date(t.start)
    q = claim.quantity
    return ClaimFeatures(
        claim=claim,
        meta=meta,
        uid=f"{article_id}:{claim.id}" if article_id else claim.uid,
        article_id=article_id,
        report=str(meta.get("duplicate_of") or article_id),
        published=published,
        kind=kind,
        event_type=claim.event_type or "?",
        unit=_unit(claim, measure),
        measure=measure,
        day=day,
        ref=ref,
        asof=as_of(claim, published) if measure == "running" else None,
        period=("D:" if difference else "") + period_key(claim, measure, ref),
        points=geo_points(event_places(claim)),
        own_points=geo_points([p for p in event_places(claim) if (p.scope or "sentence") == "sentence"]),
        tokens=_subject(claim),
        local=_local_tokens(claim) if kind == "count" else _subject(claim),
        interval=interval(claim) if kind == "count" else None,
        sentence=(article_id, claim.span[0], claim.span[1]) if claim.span else (article_id, -1, -1),
        cum_start=cum_start,
        part_of=(f"{article_id}:{q.part_of}" if q is not None and q.part_of else None),
        monthday=month_day(claim),
        extra={"perfect": kind == "count" and measure == "incident" and perfect_without_time(claim),
               "rate": rate_of(claim) if kind == "count" else None,
               "asof_stated": t is not None and bool(t.end or t.precision in ("day", "week")),
               # a figure for a date after the report ("could reach 400,000 by the end of the year")
               "projection": kind == "count" and _projection(claim, published)},
    )


#: a time phrase that sets a figure at a date to come ("by the end of the year", "before the end of August")
_BY_DATE = re.compile(r"^\s*(?:by|before|until|till|through|to)\b", re.I)


def _projection(claim: Claim, published: str | None) -> bool:
    """A figure for a date after the report: its time ends after publication and either says so
    ("by the end of the year") or the figure is only possible ("could reach 400,000"); in an
    undated report, a possible figure by a date. A figure for the current period ("half of them
    this year") is not one."""
    t = claim.time
    if t is None or not t.end:
        return False
    if published is None:  # an undated report: only a figure it gives as possible ("may cross by the year's end")
        return claim.certainty == "possible" and bool(_BY_DATE.search(t.text or ""))
    if not _after(t.end, published):
        return False
    return bool(_BY_DATE.search(t.text or "")) or claim.certainty == "possible"


def _after(day: str | None, published: str | None) -> bool:
    d, p = parse_date(day), parse_date(published)
    return d is not None and p is not None and d > p


def settle_measures(features: list[ClaimFeatures]) -> None:
    """A figure in the present perfect with no time ("at least 25 men have died") is a running
    total when its report tells of no incident, and the report's incident figure when it does
    ("nine migrants have drowned", in a report of Thursday's drownings that also says what
    happened): a report tells of an incident when another of its figures or events is dated to
    a day or week of its own (a statement's date is when it was made). Undated figures ("84% of whom", "10 operators") do not make a report
    about a hotline's totals the report of an incident."""
    told = {f.article_id for f in features
            if f.measure == "incident" and not f.extra.get("perfect") and f.day is not None and f.kind != "statement"}
    for f in features:
        if f.extra.get("perfect") and f.article_id not in told:
            f.measure = "running"
            f.period = "running"
            f.asof = f.ref

