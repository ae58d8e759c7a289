"""UCDP-GED-style CSV: **one row per incident** with a fatality estimate, with GED's best/low/high
and precision codes.

GED is a dataset of fatal events, so by default only incidents whose estimates include a
figure of the dead (event types ``death`` and ``combat_casualties``, not a part of another
figure) are written; ``deaths_only=False`` writes every incident that has a figure, with its
main figure. ``best``/``low``/``high`` are the estimate's (SPEC §3's conservative best over the
independent sources); an unbounded side ("at least 40" has no upper bound) is left empty rather
than invented. ``number_of_sources`` is the estimate's independent sources, ``source_article``
and ``source_office`` the reports and outlets, ``source_original`` the origin.
``where_prec``/``date_prec`` follow the GED codebook (:mod:`claimwatch.export.geo`);
``event_clarity`` is 1 for a single dated event (date_prec 1-2), else 2.
"""

from __future__ import annotations

from typing import IO, Any

from ..model import Estimate
from .cells import SafeDictWriter
from .geo import country_info, ucdp_date_prec, ucdp_where_prec
from .incidents import (
    IncidentRow,
    collect_incidents,
    death_estimate,
    incident_place,
    incident_time,
    outlets,
    primary_estimate,
)

__all__ = ["write", "COLUMNS", "ucdp_row"]

COLUMNS = (
    "id", "relid", "year", "active_year", "code_status", "type_of_violence", "conflict_name",
    "dyad_name", "side_a", "side_b", "number_of_sources", "source_article", "source_office",
    "source_date", "source_headline", "source_original", "where_prec", "where_coordinates",
    "where_description", "adm_1", "adm_2", "latitude", "longitude", "geom_wkt", "country",
    "country_id", "region", "event_clarity", "date_prec", "date_start", "date_end",
    "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
    "event_type", "unit", "status", "estimate",
)

_REGIONS = {"EU": "Europe", "AS": "Asia", "AF": "Africa", "NA": "Americas", "SA": "Americas", "OC": "Asia"}


def _int(value: Any) -> Any:
    return "" if value is None else int(round(float(value)))


def ucdp_row(row: IncidentRow, est: Estimate, n: int) -> dict[str, Any]:
    inc = row.incident
    place = incident_place(row)
    info = country_info(inc.country)
    t = inc.time or {}
    when = incident_time(row)
    date_prec = ucdp_date_prec(when)
    agents = [a["text"] for a in inc.actors if a.get("role") == "agent"]
    patients = [a["text"] for a in inc.actors if a.get("role") != "agent"]
    lat, lon = (place.lat, place.lon) if place is not None else (None, None)
    has_coords = lat is not None and lon is not None
    urls = sorted({c.url for c in est.claims if c.url})
    dates = sorted({c.published for c in est.claims if c.published})
    return {
        "id": n,
        "relid": inc.id,
        "year": (t.get("start") or "")[:4],
        "active_year": "",
        "code_status": "",
        "type_of_violence": "",
        "conflict_name": "",
        "dyad_name": "",
        "side_a": agents[0] if agents else "",
        "side_b": patients[0] if patients else "",
        "number_of_sources": est.independent_sources,
        "source_article": "; ".join(urls),
        "source_office": "; ".join(outlets([est])),
        "source_date": "; ".join(dates),
        "source_headline": "",
        "source_original": (est.origin.name or "") if est.origin else "",
        "where_prec": ucdp_where_prec(place),
        "where_coordinates": (place.name or place.text) if place else "",
        "where_description": "; ".join(p.get("name") or p.get("text") or "" for p in inc.places),
        "adm_1": next((p.get("name") or "" for p in inc.places
                       if (p.get("feature") or "") in ("admin1", "region", "province", "oblast", "state")), ""),
        "adm_2": "",
        "latitude": lat if has_coords else "",
        "longitude": lon if has_coords else "",
        "geom_wkt": f"POINT ({lon} {lat})" if has_coords else "",
        "country": info["name"] if info else (inc.country or ""),
        "country_id": "",
        "region": _REGIONS.get(info["continentcode"], "") if info else "",
        "event_clarity": 1 if date_prec <= 2 else 2,
        "date_prec": date_prec,
        "date_start": (t.get("start") or "")[:10],
        "date_end": (t.get("end") or t.get("start") or "")[:10],
        "deaths_a": "",
        "deaths_b": "",
        "deaths_civilians": "",
        "deaths_unknown": _int(est.best),
        "best": _int(est.best),
        "high": _int(est.high),
        "low": _int(est.low),
        "event_type": est.event_type or "",
        "unit": est.unit or "",
        "status": est.status,
        "estimate": est.id,
    }


def write(rows_or_store: Any, fh: IO[str], *, deaths_only: bool = True, **filters: Any) -> int:
    writer = SafeDictWriter(fh, fieldnames=list(COLUMNS), lineterminator="\n")
    writer.writeheader()
    n = 0
    for row in collect_incidents(rows_or_store, **filters):
        est = death_estimate(row)
        if est is None and not deaths_only:
            main = primary_estimate(row)
            est = main if main.kind == "count" else None
        if est is None:
            continue
        n += 1
        writer.writerow(ucdp_row(row, est, n))
    return n
