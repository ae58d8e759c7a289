"""ACLED-style CSV: ACLED's column names, one row per event claim.

* ``event_type`` / ``sub_event_type`` map claimwatch event types onto ACLED's taxonomy
  (:data:`ACLED_TYPES`); the claimwatch type and cause are kept in ``tags``. Most migration and
  mobilisation events have no ACLED counterpart and are coded "Strategic developments / Other".
* ``fatalities`` follows the ACLED codebook for deaths (event types ``death`` and
  ``combat_casualties``; 0 for every other type, for denied claims and when no number is given):
  a stated number is recorded as is, a range as its lower figure (ACLED's conservative rule);
  vague words: "several", "many", "plural" (and "numerous", "some", "multiple", "scores") → 10,
  "a dozen"/"dozens" → 12, "hundreds" → 100 (codebook rules); "thousands" → 1000 by the same logic;
  "a few"/"a couple" keep the SPEC lower bound (2).
* ``time_precision`` 1/2/3 and ``geo_precision`` 1/2/3: :mod:`claimwatch.export.geo`.
* ``event_date`` is the claim's time start, else the article's publication date.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from typing import IO, Any

from .cells import SafeDictWriter
from .geo import acled_geo_precision, acled_time_precision, country_info
from .rows import ClaimRow, collect, primary_place

__all__ = ["write", "COLUMNS", "ACLED_TYPES", "fatalities", "acled_row"]

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
_SOURCE_SCALE = {"social_media": "New media"}


def _types(row: ClaimRow) -> tuple[str, str, str]:
    c = row.claim
    if c.event_type == "death" and c.cause == "violence":
        return _VIOLENT_DEATH
    return ACLED_TYPES.get(c.event_type or "", _DEFAULT_TYPE)


def fatalities(row: ClaimRow) -> int:
    """The ACLED fatality count of a claim (see the module doc)."""
    c, q = row.claim, row.claim.quantity
    if c.event_type not in ("death", "combat_casualties") or q is None or c.polarity == "negative":
        return 0
    if q.qualifier == "vague" or q.best is None:
        text = (q.text or "").lower()
        if re.search(r"\bdozen\b", text) and "dozens" not in text:
            return 12
        for pattern, value in VAGUE_FATALITIES:
            if re.search(pattern, text):
                return value
        if q.best is None:
            return 0
    value = q.low if q.qualifier == "range" and q.low is not None else q.best
    return int(value) if value is not None else 0


def _date(row: ClaimRow) -> str:
    c = row.claim
    if c.time and c.time.start:
        return c.time.start[:10]
    return (row.article.get("published") or "")[:10]


def _timestamp(published: str | None) -> str:
    if not published:
        return ""
    try:
        dt = datetime.fromisoformat(published[:10]).replace(tzinfo=timezone.utc)
    except ValueError:
        return ""
    return str(int(dt.timestamp()))


def acled_row(row: ClaimRow, n: int) -> dict[str, Any]:
    c, meta = row
    disorder, event_type, sub = _types(row)
    place = primary_place(c)
    info = country_info(place.country if place else None)
    agents = [a.text for a in c.actors if a.role == "agent"]
    patients = [a.text for a in c.actors if a.role == "patient"]
    event_date = _date(row)
    sources = [meta.get("outlet")]
    if c.source.type != "author":
        sources.append(c.source.canonical or c.source.name)
    tags = [f"claimwatch:{c.event_type or 'none'}"]
    if c.cause:
        tags.append(f"cause={c.cause}")
    if c.quantity is not None:
        tags.append(f"qualifier={c.quantity.qualifier}")
        if c.quantity.unit:
            tags.append(f"unit={c.quantity.unit}")
    if c.polarity == "negative":
        tags.append("denied")
    if c.certainty != "certain":
        tags.append(f"certainty={c.certainty}")
    notes = c.text
    if c.source.type != "author":
        notes = f"{notes} [source: {c.source.canonical or c.source.name} ({c.source.type})]"
    return {
        "event_id_cnty": f"{info['iso3'] if info else 'XXX'}{n}",
        "event_date": event_date,
        "year": event_date[:4],
        "time_precision": acled_time_precision(c.time),
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
        "country": info["name"] if info else (place.country or "" if place else ""),
        "admin1": (place.name or place.text) if place and place.feature in ("admin1", "region", "province", "oblast") else "",
        "admin2": "",
        "admin3": "",
        "location": (place.name or place.text) if place else "",
        "latitude": "" if not place or place.lat is None else place.lat,
        "longitude": "" if not place or place.lon is None else place.lon,
        "geo_precision": acled_geo_precision(place),
        "source": "; ".join(s for s in sources if s),
        "source_scale": _SOURCE_SCALE.get(c.source.type, ""),
        "notes": notes,
        "fatalities": fatalities(row),
        "tags": "; ".join(tags),
        "timestamp": _timestamp(meta.get("published")),
    }


def write(rows_or_store: Any, fh: IO[str], **filters: Any) -> int:
    """One row per claim with an event type (statements without one are not events)."""
    writer = SafeDictWriter(fh, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in collect(rows_or_store, **filters):
        if not row.claim.event_type:
            continue
        n += 1
        writer.writerow(acled_row(row, n))
    return n
