"""The estimates export: one record per estimate (SPEC §7), in CSV, JSON, GeoJSON or Parquet.

Formats ``estimates-csv``, ``estimates-json``, ``estimates-geojson``, ``estimates-parquet``
(``claimwatch export --format estimates-csv``, ``GET /api/export/estimates-csv``). Every
estimate is written: incident figures, events and statements, running and period totals; a
reviewer's override is the estimate's figure (the computed one is in ``computed_best``).

Flat columns (:data:`COLUMNS`): ``id, kind, event_type, unit, measure, incident, part_of, low,
best, high, status, independent_sources, reports, claims, origin, origin_type, first_published,
time_start, time_end, time_precision, place, country, latitude, longitude, overridden_by,
computed_best, explanation``. JSON is the list of SPEC §7 objects; GeoJSON one Point per located
place of an estimate (properties: the flat columns).
"""

from __future__ import annotations

import csv as _csv
import json as _json
from typing import IO, Any

from ..model import Estimate
from .cells import SafeDictWriter
from .incidents import collect_estimates

__all__ = ["COLUMNS", "flat_estimate", "write_csv", "write_json", "write_geojson", "write_parquet"]

COLUMNS = (
    "id", "kind", "event_type", "unit", "measure", "incident", "part_of", "low", "best", "high", "status",
    "independent_sources", "reports", "claims", "origin", "origin_type", "first_published", "time_start",
    "time_end", "time_precision", "place", "country", "latitude", "longitude", "overridden_by",
    "computed_best", "explanation",
)
_FLOAT = {"low", "best", "high", "latitude", "longitude", "computed_best"}
_INT = {"independent_sources", "reports", "claims"}


def _place(e: Estimate) -> dict[str, Any]:
    located = [p for p in e.places if p.get("lat") is not None and p.get("lon") is not None]
    return (located or e.places or [{}])[0]


def flat_estimate(e: Estimate) -> dict[str, Any]:
    t = e.time or {}
    p = _place(e)
    return {
        "id": e.id, "kind": e.kind, "event_type": e.event_type, "unit": e.unit, "measure": e.measure,
        "incident": e.incident, "part_of": e.part_of, "low": e.low, "best": e.best, "high": e.high,
        "status": e.status, "independent_sources": e.independent_sources,
        "reports": len({c.article_id for c in e.claims}), "claims": len(e.claims),
        "origin": e.origin.name if e.origin else None, "origin_type": e.origin.type if e.origin else None,
        "first_published": e.origin.first_published if e.origin else None,
        "time_start": t.get("start"), "time_end": t.get("end"), "time_precision": t.get("precision"),
        "place": p.get("name") or p.get("text"), "country": p.get("country"),
        "latitude": p.get("lat"), "longitude": p.get("lon"),
        "overridden_by": (e.override or {}).get("who"),
        "computed_best": ((e.override or {}).get("computed") or {}).get("best"),
        "explanation": e.explanation,
    }


def write_csv(rows_or_store: Any, fh: IO[str], **filters: Any) -> int:
    writer = SafeDictWriter(fh, fieldnames=list(COLUMNS), lineterminator="\n", quoting=_csv.QUOTE_MINIMAL)
    writer.writeheader()
    ests = collect_estimates(rows_or_store, **filters)
    for e in ests:
        writer.writerow({k: ("" if v is None else v) for k, v in flat_estimate(e).items()})
    return len(ests)


def write_json(rows_or_store: Any, fh: IO[str], **filters: Any) -> int:
    ests = collect_estimates(rows_or_store, **filters)
    _json.dump([e.to_dict() for e in ests], fh, ensure_ascii=False, indent=1)
    fh.write("\n")
    return len(ests)


def write_geojson(rows_or_store: Any, fh: IO[str], **filters: Any) -> int:
    features: list[dict[str, Any]] = []
    for e in collect_estimates(rows_or_store, **filters):
        base = flat_estimate(e)
        for p in e.places:
            if p.get("lat") is None or p.get("lon") is None:
                continue
            props = dict(base, place=p.get("name") or p.get("text"), country=p.get("country"),
                         latitude=p["lat"], longitude=p["lon"], place_role=p.get("role"))
            features.append({"type": "Feature", "id": f"{e.id}#{len(features)}",
                             "geometry": {"type": "Point", "coordinates": [p["lon"], p["lat"]]},
                             "properties": props})
    _json.dump({"type": "FeatureCollection", "features": features}, fh, ensure_ascii=False)
    fh.write("\n")
    return len(features)


def write_parquet(rows_or_store: Any, fh: IO[bytes], **filters: Any) -> int:
    from .parquet import arrow_schema, write_rows

    rows = [flat_estimate(e) for e in collect_estimates(rows_or_store, **filters)]
    return write_rows(rows, arrow_schema(COLUMNS, _FLOAT, _INT), _FLOAT, fh)
