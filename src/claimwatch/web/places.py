"""The place picker: names of the offline gazetteer that start with what a reviewer typed.

The gazetteer (``claimwatch.extract.gazetteer``) is indexed by normalised name; here its keys are
sorted once per process so a prefix look-up is a binary search, and each match comes back as the
place fields of a claim (name, country, lat, lon, feature, geonameid).
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from typing import Any

from ..extract.gazetteer import Gazetteer, get_gazetteer, norm

__all__ = ["search_places"]

_LOCK = threading.Lock()
_SORTED: tuple[Gazetteer, list[str]] | None = None


def _sorted_keys() -> tuple[Gazetteer, list[str]]:
    global _SORTED
    with _LOCK:
        if _SORTED is None:
            gaz = get_gazetteer()
            _SORTED = (gaz, sorted(gaz.index))
        return _SORTED


def search_places(query: str, limit: int = 10) -> list[dict[str, Any]]:
    """Gazetteer entries whose name (or a variant) starts with ``query``: exact names first,
    then by importance (population, feature rank); one entry per place."""
    key = norm(query or "")
    if not key:
        return []
    gaz, keys = _sorted_keys()
    found: dict[tuple, tuple[float, dict[str, Any]]] = {}
    i = bisect_left(keys, key)
    scanned = 0
    while i < len(keys) and keys[i].startswith(key) and scanned < 2000:
        for entry, alt in gaz.lookup_key(keys[i]):
            ident = (entry.feature, entry.name, entry.cc, round(entry.lat, 3), round(entry.lon, 3))
            score = entry.importance + (3.0 if keys[i] == key else 0.0) - (1.5 if alt else 0.0)
            if ident not in found or found[ident][0] < score:
                found[ident] = (score, {"name": entry.name, "country": entry.cc, "lat": entry.lat, "lon": entry.lon,
                                        "feature": entry.feature, "geonameid": entry.geonameid})
        i += 1
        scanned += 1
    ranked = sorted(found.values(), key=lambda x: (-x[0], x[1]["name"]))
    return [p for _, p in ranked[:max(1, min(limit, 50))]]
