#!/usr/bin/env bash
# Vendors the browser assets of the web app from the npm registry (run once; the results are
# committed, nothing is fetched at run time and no CDN is used):
#   - leaflet@1.9.4 (BSD-2-Clause): dist/leaflet.js, leaflet.css, images/ -> web/static/vendor/leaflet/
#   - world-atlas@2.0.2 (ISC; TopoJSON of Natural Earth 1:50m countries, public domain) -> the offline
#     basemap web/static/basemap/countries-50m.geojson, built by scripts/build_basemap.py.
# Needs `npm` (Debian package `npm`) and the project venv.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PY="${PY:-$ROOT/.venv/bin/python}"
LEAFLET_VERSION=1.9.4
WORLD_ATLAS_VERSION=2.0.2
STATIC="$ROOT/src/claimwatch/web/static"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

cd "$TMP"
npm pack --silent "leaflet@$LEAFLET_VERSION" "world-atlas@$WORLD_ATLAS_VERSION" >/dev/null
mkdir leaflet world-atlas
tar xzf "leaflet-$LEAFLET_VERSION.tgz" -C leaflet
tar xzf "world-atlas-$WORLD_ATLAS_VERSION.tgz" -C world-atlas

DEST="$STATIC/vendor/leaflet"
rm -rf "$DEST"
mkdir -p "$DEST/images"
cp leaflet/package/dist/leaflet.js leaflet/package/dist/leaflet.css "$DEST/"
cp leaflet/package/dist/images/*.png "$DEST/images/"
cp leaflet/package/LICENSE "$DEST/LICENSE"
echo "leaflet@$LEAFLET_VERSION from the npm registry (npm pack), dist/ files unchanged" > "$DEST/VERSION"

mkdir -p "$STATIC/basemap"
"$PY" "$ROOT/scripts/build_basemap.py" world-atlas/package/countries-50m.json \
    -o "$STATIC/basemap/countries-50m.geojson"
cp world-atlas/package/LICENSE "$STATIC/basemap/LICENSE.world-atlas"
echo "vendored: leaflet@$LEAFLET_VERSION, basemap from world-atlas@$WORLD_ATLAS_VERSION"
