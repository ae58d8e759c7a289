#!/usr/bin/env python3
"""Build the offline basemap of the web map from a world-atlas TopoJSON file.

Input: ``countries-50m.json`` of the npm package ``world-atlas`` (TopoJSON of the Natural Earth
Admin-0 country shapes, 1:50m; Natural Earth is public domain). The Natural Earth CSVs under
``shared/data/gazetteer/naturalearth/`` hold no polygons (admin-1 rows are label points only), so
the country shapes come from that npm package, fetched by ``scripts/vendor_assets.sh``.

Output: a GeoJSON FeatureCollection, one feature per country (``properties.name``), coordinates
decoded from the quantized, delta-encoded TopoJSON arcs and rounded to ``--digits`` decimals.
Pure standard library.

    python scripts/build_basemap.py countries-50m.json -o src/claimwatch/web/static/basemap/countries-50m.geojson
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def decode_arcs(topology: dict, digits: int) -> list[list[tuple[float, float]]]:
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        points = []
        x = y = 0
        for pos in arc:
            if transform:
                x += pos[0]
                y += pos[1]
                (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
                lon, lat = x * sx + tx, y * sy + ty
            else:
                lon, lat = pos[0], pos[1]
            points.append((round(lon, digits), round(lat, digits)))
        arcs.append(points)
    return arcs


def ring(arc_indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    out: list[tuple[float, float]] = []
    for i in arc_indexes:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        if out:
            pts = pts[1:]  # consecutive arcs share their joining point
        out.extend(pts)
    # drop consecutive duplicates introduced by rounding
    dedup: list[list[float]] = []
    for p in out:
        if not dedup or dedup[-1] != [p[0], p[1]]:
            dedup.append([p[0], p[1]])
    if dedup and dedup[0] != dedup[-1]:
        dedup.append(dedup[0])
    return dedup


def geometry(obj: dict, arcs) -> dict | None:
    kind = obj.get("type")
    if kind == "Polygon":
        rings = [r for r in (ring(a, arcs) for a in obj["arcs"]) if len(r) >= 4]
        return {"type": "Polygon", "coordinates": rings} if rings else None
    if kind == "MultiPolygon":
        polys = []
        for poly in obj["arcs"]:
            rings = [r for r in (ring(a, arcs) for a in poly) if len(r) >= 4]
            if rings:
                polys.append(rings)
        return {"type": "MultiPolygon", "coordinates": polys} if polys else None
    return None


def build(topology: dict, layer: str = "countries", digits: int = 3) -> dict:
    arcs = decode_arcs(topology, digits)
    features = []
    for obj in topology["objects"][layer]["geometries"]:
        geom = geometry(obj, arcs)
        if geom is None:
            continue
        name = (obj.get("properties") or {}).get("name")
        features.append({"type": "Feature", "properties": {"name": name}, "geometry": geom})
    return {
        "type": "FeatureCollection",
        "attribution": "Natural Earth (public domain), via world-atlas TopoJSON",
        "features": features,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("topojson", type=Path)
    ap.add_argument("-o", "--output", type=Path, required=True)
    ap.add_argument("--layer", default="countries")
    ap.add_argument("--digits", type=int, default=3)
    args = ap.parse_args(argv)
    topology = json.loads(args.topojson.read_text(encoding="utf-8"))
    collection = build(topology, args.layer, args.digits)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    print(f"{args.output}: {len(collection['features'])} features, {args.output.stat().st_size} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
