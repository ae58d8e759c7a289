"""UCDP-GED-style CSV: one row per reported death toll, with GED's best/low/high and precision codes.

GED is a dataset of fatal events, so by default only count claims of event types ``death`` and
``combat_casualties`` are written (``deaths_only=False`` writes every count claim). ``best`` is the
claim's best figure; ``low``/``high`` its bounds, where an unbounded side ("at least 40" has no
upper bound) is left empty rather than invented. ``where_prec`` and ``date_prec`` follow the GED
codebook (:mod:`claimwatch.export.geo`); ``event_clarity`` is 1 for a single dated event (date_prec
1-2) and 2 for totals over longer periods. Denied claims (polarity negative) are left out.
"""

from __future__ import annotations

from typing import IO, Any

from .cells import SafeDictWriter
from .geo import country_info, period, ucdp_date_prec, ucdp_where_prec
from .rows import ClaimRow, collect, primary_place

__all__ = ["write", "COLUMNS", "ucdp_row"]

COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_name",
    "dyad_name", "side_a", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "country",
    "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
    "event_type", "unit", "qualifier", "certainty",
)

_REGIONS = {"EU": "Europe", "AS": "Asia", "AF": "Africa", "NA": "Americas", "SA": "Americas", "OC": "Asia"}


def _int(value: Any) -> Any:
    return "" if value is None else int(round(value))


def ucdp_row(row: ClaimRow, n: int) -> dict[str, Any]:
    c, meta = row
    q = c.quantity
    place = primary_place(c)
    info = country_info(place.country if place else None)
    start, end = period(c.time)
    if not start:
        start = end = (meta.get("published") or "")[:10] or None
    date_prec = ucdp_date_prec(c.time)
    agents = [a.text for a in c.actors if a.role == "agent"]
    patients = [a.text for a in c.actors if a.role == "patient"]
    best = _int(q.best) if q else ""
    has_coords = place is not None and place.lat is not None and place.lon is not None
    return {
        "id": n,
        "relid": c.uid,
        "year": (start or "")[:4],
        "active_year": "",
        "code_status": "",
        "type_of_violence": "",
        "conflict_name": "",
        "dyad_name": "",
        "side_a": agents[0] if agents else "",
        "side_b": patients[0] if patients else "",
        "number_of_sources": 1,
        "source_article": meta.get("url") or "",
        "source_office": meta.get("outlet") or "",
        "source_date": (meta.get("published") or "")[:10],
        "source_headline": meta.get("title") or "",
        "source_original": (c.source.canonical or c.source.name or "") if c.source.type != "author" else "",
        "where_prec": ucdp_where_prec(place),
        "where_coordinates": (place.name or place.text) if place else "",
        "where_description": "; ".join(p.text for p in c.places),
        "adm_1": (place.name or place.text) if place and place.feature in ("admin1", "region", "province", "oblast") else "",
        "adm_2": "",
        "latitude": place.lat if has_coords else "",
        "longitude": place.lon if has_coords else "",
        "geom_wkt": f"POINT ({place.lon} {place.lat})" if has_coords else "",
        "country": info["name"] if info else (place.country or "" if place else ""),
        "country_id": "",
        "region": _REGIONS.get(info["continentcode"], "") if info else "",
        "event_clarity": 1 if date_prec <= 2 else 2,
        "date_prec": date_prec,
        "date_start": start or "",
        "date_end": end or "",
        "deaths_a": "",
        "deaths_b": "",
        "deaths_civilians": "",
        "deaths_unknown": best,
        "best": best,
        "high": _int(q.high) if q else "",
        "low": _int(q.low) if q else "",
        "event_type": c.event_type or "",
        "unit": (q.unit or "") if q else "",
        "qualifier": q.qualifier if q else "",
        "certainty": c.certainty,
    }


def write(rows_or_store: Any, fh: IO[str], *, deaths_only: bool = True, **filters: Any) -> int:
    writer = SafeDictWriter(fh, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in collect(rows_or_store, **filters):
        c = row.claim
        if c.quantity is None or c.polarity == "negative":
            continue
        if deaths_only and c.event_type not in ("death", "combat_casualties"):
            continue
        n += 1
        writer.writerow(ucdp_row(row, n))
    return n
