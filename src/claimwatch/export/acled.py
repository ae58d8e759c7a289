"""ACLED-style CSV: ACLED's column names, **one row per incident** (not per claim: the same deaths
told by five reports are one event, as ACLED codes them).

* An incident is the claims of several reports about one real-world happening, reconciled into
  one estimate per measure (:mod:`claimwatch.reconcile`); incidents that only hold statements
  are not events and get no row. Running and period totals are not incidents either.
* ``event_type`` / ``sub_event_type`` map the incident's main claimwatch event type (fatalities
  first: ``combat_casualties``, ``death``, then ``injury``, ``detention`` ...) onto ACLED's
  taxonomy (:data:`ACLED_TYPES`); every type of the incident is kept in ``tags``.
* ``fatalities`` is the best of the incident's fatality estimate (its ``death`` or
  ``combat_casualties`` figure that is not a part of another; ACLED's conservative rule is the
  estimate's, SPEC §3). When the estimate only rests on vague words ACLED's codebook numbers are
  used ("dozens" → 12, "several"/"many" → 10, "hundreds" → 100, "thousands" → 1000). An incident
  with deaths but no figure has an empty ``fatalities`` (unknown), one without deaths 0.
* ``time_precision`` 1/2/3 and ``geo_precision`` 1/2/3 (:mod:`claimwatch.export.geo`) from the
  incident's time and most precise place; ``country``/``iso``/``region`` from the incident's
  country, which is known whenever any place is.
* ``actor1``/``assoc_actor_1`` are the incident's agents and ``actor2``/``assoc_actor_2`` the
  people it happened to, from the claims' own actors (never a body, a body part or a time phrase);
  ``source`` the outlets of its reports; ``notes`` one line per estimate with its status.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import IO, Any

from ..model import Estimate
from .cells import SafeDictWriter
from .geo import acled_geo_precision, acled_time_precision, country_info
from .incidents import (
    IncidentRow,
    collect_incidents,
    death_estimate,
    incident_place,
    incident_time,
    outlets,
    primary_estimate,
)

__all__ = ["write", "COLUMNS", "ACLED_TYPES", "fatalities", "acled_row", "VAGUE_FATALITIES"]

COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)

#: claimwatch event type -> (disorder_type, event_type, sub_event_type)
ACLED_TYPES: dict[str, tuple[str, str, str]] = {
    "combat_casualties": ("Political violence", "Battles", "Armed clash"),
    "detention": ("Strategic developments", "Strategic developments", "Arrests"),
}
_DEFAULT_TYPE = ("Strategic developments", "Strategic developments", "Other")
_VIOLENT_DEATH = ("Political violence", "Violence against civilians", "Attack")

#: vague fatality words -> ACLED's recorded number (codebook rules; "thousands" by the same logic)
VAGUE_FATALITIES: tuple[tuple[str, int], ...] = (
    (r"\bhundreds\b", 100),
    (r"\bthousands\b", 1000),
    (r"\bdozens\b", 12),
    (r"\b(several|many|plural|numerous|some|multiple|scores)\b", 10),
)

_CONTINENTS = {"EU": "Europe", "AS": "Asia", "AF": "Africa", "NA": "North America",
               "SA": "South America", "OC": "Oceania", "AN": "Antarctica"}


def _vague_number(text: str) -> int | None:
    text = (text or "").lower()
    if re.search(r"\bdozen\b", text) and "dozens" not in text:
        return 12
    for pattern, value in VAGUE_FATALITIES:
        if re.search(pattern, text):
            return value
    return None


def _vague_only(text: str) -> bool:
    """A figure stated only in words of magnitude ("dozens", "several"), not a number."""
    return _vague_number(text) is not None and not re.search(r"\d", text or "")


def fatalities(est: Estimate | None) -> int | str:
    """ACLED ``fatalities`` of an incident from its fatality estimate (see the module doc)."""
    if est is None:
        return 0
    current = [c for c in est.claims if not c.source.get("superseded_by") and c.source.get("polarity") != "negative"]
    texts = [c.source.get("quantity_text") or "" for c in current]
    if est.override is None and texts and all(_vague_only(t) for t in texts):
        return min(v for v in (_vague_number(t) for t in texts) if v is not None)
    return "" if est.best is None else int(est.best)


def _types(row: IncidentRow, main: Estimate) -> tuple[str, str, str]:
    if main.event_type == "death" and "violence" in row.incident.causes:
        return _VIOLENT_DEATH
    return ACLED_TYPES.get(main.event_type or "", _DEFAULT_TYPE)


def _timestamp(day: str | None) -> str:
    if not day:
        return ""
    try:
        dt = datetime.fromisoformat(day[:10]).replace(tzinfo=timezone.utc)
    except ValueError:
        return ""
    return str(int(dt.timestamp()))


def _note(e: Estimate) -> str:
    what = e.event_type or e.kind
    if e.kind == "count":
        figure = "?" if e.best is None else f"{int(e.best) if float(e.best).is_integer() else e.best}"
        unit = f" {e.unit}" if e.unit and e.unit != "people" else ""
        return f"{what}: {figure}{unit} ({e.status}, {len({c.article_id for c in e.claims})} reports)"
    return f"{what} ({e.status}, {len({c.article_id for c in e.claims})} reports)"


def acled_row(row: IncidentRow, n: int) -> dict[str, Any]:
    inc = row.incident
    main = primary_estimate(row)
    disorder, event_type, sub = _types(row, main)
    place = incident_place(row)
    info = country_info(inc.country)
    agents = [a["text"] for a in inc.actors if a.get("role") == "agent"]
    patients = [a["text"] for a in inc.actors if a.get("role") != "agent"]
    t = inc.time or {}
    when = incident_time(row)
    event_date = (t.get("start") or "")[:10]
    tags = [f"claimwatch:{et}" for et in inc.event_types] + [f"incident={inc.id}"]
    tags += [f"{e.event_type or e.kind}={e.status}" for e in row.estimates if e.kind == "count"]
    if any(p.get("country_inferred") for p in inc.places):
        tags.append("country=nearest")
    admin1 = next((p.get("name") or p.get("text") for p in inc.places
                   if (p.get("feature") or "") in ("admin1", "region", "province", "oblast", "state")), "")
    return {
        "event_id_cnty": f"{info['iso3'] if info else 'XXX'}{n}",
        "event_date": event_date,
        "year": event_date[:4],
        "time_precision": acled_time_precision(when),
        "disorder_type": disorder,
        "event_type": event_type,
        "sub_event_type": sub,
        "actor1": agents[0] if agents else "",
        "assoc_actor_1": "; ".join(agents[1:]),
        "inter1": "",
        "actor2": patients[0] if patients else "",
        "assoc_actor_2": "; ".join(patients[1:]),
        "inter2": "",
        "interaction": "",
        "civilian_targeting": "Civilian targeting" if event_type == "Violence against civilians" else "",
        "iso": info["isonumeric"] if info else "",
        "region": _CONTINENTS.get(info["continentcode"], "") if info else "",
        "country": info["name"] if info else (inc.country or ""),
        "admin1": admin1,
        "admin2": "",
        "admin3": "",
        "location": (place.name or place.text) if place else "",
        "latitude": "" if not place or place.lat is None else place.lat,
        "longitude": "" if not place or place.lon is None else place.lon,
        "geo_precision": acled_geo_precision(place),
        "source": "; ".join(outlets(row.estimates)),
        "source_scale": "",
        "notes": "; ".join(_note(e) for e in sorted(row.estimates, key=lambda e: (e.kind != "count", e.id))),
        "fatalities": fatalities(death_estimate(row)),
        "tags": "; ".join(tags),
        "timestamp": _timestamp(min((c.published for e in row.estimates for c in e.claims if c.published), default=None)),
    }


def write(rows_or_store: Any, fh: IO[str], **filters: Any) -> int:
    """One row per incident (see the module doc)."""
    writer = SafeDictWriter(fh, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in collect_incidents(rows_or_store, **filters):
        n += 1
        writer.writerow(acled_row(row, n))
    return n
