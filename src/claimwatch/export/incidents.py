"""What the incident-level exports start from: incidents with their estimates.

``collect_incidents(rows_or_store)`` reads a store's incidents and estimates (what
``claimwatch reconcile`` saved, curations applied; a store that was never reconciled is
reconciled in memory, nothing saved), takes a
:class:`claimwatch.reconcile.Reconciliation` as it is, or reconciles a list of
``(Claim, article meta)`` pairs on the spot. ``collect_estimates`` does the same for the
estimates export (every estimate: incident figures and events, running and period totals).
Filters: ``event_type`` (any of the incident's / the estimate's type), ``since``/``until``
(ISO dates against the incident's or estimate's time), ``source_type`` (an origin of that type).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..model import TIME_PRECISIONS, Estimate, Incident, Place, TimeInfo, TimePrecision

__all__ = ["IncidentRow", "collect_incidents", "collect_estimates", "death_estimate", "primary_estimate",
           "incident_place", "incident_time", "outlets", "DEATH_TYPES"]

#: event types whose figures are fatalities (ACLED ``fatalities``, UCDP ``best``)
DEATH_TYPES = ("death", "combat_casualties")


@dataclass
class IncidentRow:
    incident: Incident
    estimates: list[Estimate] = field(default_factory=list)


def _reconciled(rows_or_store: Any) -> tuple[list[Incident], list[Estimate]]:
    if hasattr(rows_or_store, "list_incidents") and hasattr(rows_or_store, "list_estimates"):
        estimates = rows_or_store.list_estimates()
        if estimates or not hasattr(rows_or_store, "claims_for_reconcile"):
            return rows_or_store.list_incidents(), estimates
        # a store never reconciled (ingested with --no-reconcile): reconcile it here, saving nothing
        from ..reconcile import Curation, reconcile

        curations = [Curation.from_dict(c) for c in rows_or_store.curations()] if hasattr(rows_or_store, "curations") else []
        res = reconcile(rows_or_store.claims_for_reconcile(), curations)
        return res.incidents, res.estimates
    if hasattr(rows_or_store, "incidents") and hasattr(rows_or_store, "estimates"):
        return list(rows_or_store.incidents), list(rows_or_store.estimates)
    from ..reconcile import reconcile
    from .rows import collect

    items = [(r.claim, r.article) for r in collect(rows_or_store)]
    res = reconcile(items)
    return res.incidents, res.estimates


def _day(d: dict[str, Any] | None, key: str) -> str | None:
    value = (d or {}).get(key)
    return str(value)[:10] if value else None


def _in_range(start: str | None, end: str | None, since: str | None, until: str | None) -> bool:
    last = end or start
    if since and (not last or last < since[:10]):
        return False
    if until and (not start or start > until[:10]):
        return False
    return True


def collect_incidents(rows_or_store: Any, *, event_type: str | None = None, source_type: str | None = None,
                      since: str | None = None, until: str | None = None, **_ignored: Any) -> list[IncidentRow]:
    """Incidents (that tell of an event: not only statements) with their estimates, earliest first."""
    incidents, estimates = _reconciled(rows_or_store)
    by_incident: dict[str, list[Estimate]] = {}
    for e in estimates:
        if e.incident:
            by_incident.setdefault(e.incident, []).append(e)
    out = []
    for inc in incidents:
        ests = sorted(by_incident.get(inc.id, []), key=lambda e: e.id)
        if not any(e.kind != "statement" and e.event_type not in (None, "statement") for e in ests):
            continue
        if event_type and event_type not in {e.event_type for e in ests}:
            continue
        if source_type and source_type not in {e.origin.type for e in ests if e.origin}:
            continue
        if not _in_range(_day(inc.time, "start"), _day(inc.time, "end"), since, until):
            continue
        out.append(IncidentRow(inc, ests))
    out.sort(key=lambda r: (_day(r.incident.time, "start") or "9999", r.incident.id))
    return out


def collect_estimates(rows_or_store: Any, *, event_type: str | None = None, source_type: str | None = None,
                      since: str | None = None, until: str | None = None, **_ignored: Any) -> list[Estimate]:
    """Every estimate (figures, events, statements; incidents and totals), filtered, by id."""
    _incidents, estimates = _reconciled(rows_or_store)
    out = []
    for e in estimates:
        if event_type and e.event_type != event_type:
            continue
        if source_type and not (e.origin and e.origin.type == source_type):
            continue
        start = _day(e.time, "start") or min((c.published for c in e.claims if c.published), default=None)
        if not _in_range(start, _day(e.time, "end"), since, until):
            continue
        out.append(e)
    return sorted(out, key=lambda e: e.id)


def _main(ests: list[Estimate]) -> list[Estimate]:
    """Totals before their parts, the most reported first."""
    return sorted(ests, key=lambda e: (e.part_of is not None, -len({c.article_id for c in e.claims}), e.id))


def death_estimate(row: IncidentRow) -> Estimate | None:
    """The incident's fatality estimate: its death (or combat casualty) figure that is not a part
    of another, the most reported first; ``None`` when no figure of the dead is given."""
    deaths = [e for e in row.estimates if e.kind == "count" and e.event_type in DEATH_TYPES and e.unit != "children"]
    return next(iter(_main(deaths)), None)


def primary_estimate(row: IncidentRow) -> Estimate:
    """The estimate that says what the incident is: fatalities first, then any figure, then an event."""
    order = {"combat_casualties": 0, "death": 1, "injury": 2, "detention": 3}
    figures = [e for e in row.estimates if e.kind == "count" and e.event_type]
    events = [e for e in row.estimates if e.kind == "event" and e.event_type]
    pool = figures or events or row.estimates
    return min(_main(pool), key=lambda e: order.get(e.event_type or "", 9))


def incident_place(row: IncidentRow) -> Place | None:
    """The incident's most precise place with coordinates (else its first place)."""
    places = row.incident.places
    located = [p for p in places if p.get("lat") is not None and p.get("lon") is not None and p.get("role") != "origin"]
    if not (located or places):
        return None
    chosen = (located or places)[0]
    return Place.from_dict({k: v for k, v in chosen.items() if k in Place.__dataclass_fields__})


def incident_time(row: IncidentRow) -> TimeInfo | None:
    """The incident's time as a :class:`TimeInfo` (``None`` without a start); a precision that is
    unknown or missing reads as a range between the incident's start and end."""
    t = row.incident.time or {}
    if not t.get("start"):
        return None
    given = t.get("precision")
    precision: TimePrecision = given if given in TIME_PRECISIONS and given != "unknown" else "range"
    return TimeInfo(text="", start=t.get("start"), end=t.get("end"), precision=precision)


def outlets(estimates: Iterable[Estimate]) -> list[str]:
    """The outlets that published the estimates' claims, sorted."""
    return sorted({str(o) for e in estimates for c in e.claims if (o := c.source.get("outlet"))})
