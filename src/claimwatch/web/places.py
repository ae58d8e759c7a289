"""The place picker: names of the offline gazetteer that start with what a reviewer typed.

The gazetteer (``claimwatch.extract.gazetteer``) keeps its place and alternative-name lines sorted
by normalised name, so a prefix look-up is a binary search; each match comes back as the place
fields of a claim (name, country, lat, lon, feature, geonameid).
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Any

from ..extract.gazetteer import Gazetteer, get_gazetteer, norm

__all__ = ["search_places"]

#: most distinct names looked at for one prefix
MAX_KEYS = 400


def _keys_with_prefix(gaz: Gazetteer, prefix: str) -> list[str]:
    keys: list[str] = sorted(k for k in gaz.country_keys if k.startswith(prefix))
    for lines in (gaz.rows, gaz.alt):
        i = bisect_left(lines, prefix)
        while i < len(lines) and lines[i].startswith(prefix) and len(keys) < MAX_KEYS:
            key = lines[i].split("\t", 1)[0]
            if not keys or keys[-1] != key:
                keys.append(key)
            i += 1
    return list(dict.fromkeys(keys))


def search_places(query: str, limit: int = 10) -> list[dict[str, Any]]:
    """Gazetteer entries whose name (or a variant) starts with ``query``: exact names first,
    then by importance (population, feature rank); one entry per place."""
    prefix = norm(query or "")
    if not prefix:
        return []
    gaz = get_gazetteer()
    found: dict[tuple, tuple[float, dict[str, Any]]] = {}
    for key in _keys_with_prefix(gaz, prefix):
        for entry, alt in gaz.lookup_key(key):
            ident = (entry.feature, entry.name, entry.cc, round(entry.lat, 3), round(entry.lon, 3))
            score = entry.importance + (3.0 if key == prefix else 0.0) - (1.5 if alt else 0.0)
            if ident not in found or found[ident][0] < score:
                found[ident] = (score, {"name": entry.name, "country": entry.cc, "lat": entry.lat, "lon": entry.lon,
                                        "feature": entry.feature, "geonameid": entry.geonameid})
    ranked = sorted(found.values(), key=lambda x: (-x[0], x[1]["name"]))
    return [p for _, p in ranked[:max(1, min(limit, 50))]]
