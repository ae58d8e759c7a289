"""GeoJSON: a FeatureCollection with one Point feature per (claim, place with coordinates).

Properties are the flat claim columns (:data:`claimwatch.export.rows.FLAT_COLUMNS`) with the
place's own ``place``/``country``/``place_feature`` and its ``place_role``. Claims without a
located place have no feature. Coordinates are ``[lon, lat]`` (RFC 7946).
"""

from __future__ import annotations

import json as _json
from typing import IO, Any

from .rows import collect, flat_row

__all__ = ["write", "feature_collection"]


def feature_collection(rows_or_store: Any, **filters: Any) -> dict[str, Any]:
    features: list[dict[str, Any]] = []
    for row in collect(rows_or_store, **filters):
        base = flat_row(row)
        for place in row.claim.places:
            if place.lat is None or place.lon is None:
                continue
            props = dict(base)
            props.update(
                place=place.name or place.text, country=place.country, place_feature=place.feature,
                place_role=place.role, latitude=place.lat, longitude=place.lon,
            )
            features.append({
                "type": "Feature",
                "id": f"{row.claim.uid}#{len(features)}",
                "geometry": {"type": "Point", "coordinates": [place.lon, place.lat]},
                "properties": props,
            })
    return {"type": "FeatureCollection", "features": features}


def write(rows_or_store: Any, fh: IO[str], **filters: Any) -> int:
    fc = feature_collection(rows_or_store, **filters)
    _json.dump(fc, fh, ensure_ascii=False)
    fh.write("\n")
    return len(fc["features"])
