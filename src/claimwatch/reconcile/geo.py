"""Place compatibility by containment and distance.

Claims carry resolved places (``name``, ``lat``/``lon``, ``country``, ``feature``).
Two claims can speak of the same thing when one of their places could contain
or coincide with one of the other's: the same name; a country and a place in
it; a region (oblast, county) and a town within its reach; a river, sea or
mountain range and a place near it, even across a border (the Tisza runs along
the Ukrainian-Romanian border, the Channel between France and Britain).
Two towns 600 km apart, or two places in different countries that are not
cross-border features, are different places.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model import Place

__all__ = ["GeoPoint", "geo_points", "places_compatible", "place_score", "area_score", "feature_radius_km", "is_specific"]

#: how far (km) from its representative point a place of this kind reaches
_RADIUS = {
    "country": None,              # contains everything in the same country
    "admin1": 250.0, "region": 250.0, "state": 250.0, "oblast": 250.0, "province": 250.0,
    "county": 120.0, "admin2": 120.0, "district": 80.0, "raion": 80.0,
    "river": 400.0, "sea": 500.0, "channel": 300.0, "strait": 200.0, "gulf": 300.0, "bay": 150.0,
    "lake": 80.0, "mountain_range": 350.0, "mountains": 350.0, "forest": 120.0, "border": 400.0,
    "island": 40.0, "coast": 150.0, "continent": None,
}
#: no country's centroid is this far (km) from a place inside it or on its border
_FAR_KM = 4000.0
_DEFAULT_RADIUS = 35.0           # a city, town, village, crossing point
_CROSS_BORDER = {"river", "sea", "channel", "strait", "gulf", "bay", "lake", "mountain_range", "mountains",
                 "forest", "border", "coast", "continent"}


def feature_radius_km(feature: str | None) -> float | None:
    """Reach of a place of this feature class (``None`` = the whole country)."""
    if feature is None:
        return _DEFAULT_RADIUS
    return _RADIUS.get(feature.lower(), _DEFAULT_RADIUS)


@dataclass(frozen=True)
class GeoPoint:
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    feature: str | None
    role: str = "event"


def geo_points(places: list[Place]) -> tuple[GeoPoint, ...]:
    """The places that locate the counted thing, most specific first: a source's own
    location is left out, and country-level places are dropped when a finer place is named
    ("near Odesa" in "trying to leave Ukraine for Moldova near Odesa")."""
    out = []
    for p in places:
        if p.role == "source_location":
            continue
        name = (p.name or p.text or "").strip().lower()
        if not name:
            continue
        out.append(GeoPoint(name, p.lat, p.lon, (p.country or None), (p.feature or None), p.role))
    finer = [g for g in out if (g.feature or "").lower() not in ("country", "continent")]
    return tuple(dict.fromkeys(finer or out))


def _km(a: GeoPoint, b: GeoPoint) -> float | None:
    if a.lat is None or a.lon is None or b.lat is None or b.lon is None:
        return None
    la1, lo1, la2, lo2 = (math.radians(x) for x in (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _pair(a: GeoPoint, b: GeoPoint) -> float:
    """0 = incompatible, else how strongly the two places agree (0.5 .. 1)."""
    if a.name == b.name:
        return 1.0
    fa, fb = (a.feature or "").lower(), (b.feature or "").lower()
    cross = fa in _CROSS_BORDER or fb in _CROSS_BORDER
    if a.country and b.country and a.country != b.country and not cross and "country" not in (fa, fb):
        return 0.0
    if fa == "country" or fb == "country":
        # a country contains whatever lies in it (same country, or a border feature touching it)
        other = b if fa == "country" else a
        ctry = a if fa == "country" else b
        if (other.feature or "").lower() == "country" and other.role == ctry.role and other.country != ctry.country:
            return 0.0  # heading for Moldova vs heading for Romania
        if other.country and ctry.country and other.country != ctry.country and not cross:
            # the country a crossing leaves or heads for is not where the count was made:
            # "trying to cross into Moldova" vs "near Odesa" says nothing either way
            if ctry.role in ("origin", "destination") or other.role in ("origin", "destination"):
                return 0.5
            return 0.0
        return 0.6
    d = _km(a, b)
    if d is None:
        # unresolved coordinates: same country is weak agreement, otherwise unknown
        return 0.55 if a.country and a.country == b.country else 0.5
    ra, rb = feature_radius_km(fa or None), feature_radius_km(fb or None)
    reach = max(ra or 0.0, rb or 0.0)
    if d <= reach:
        return 0.9 if max(ra or 0, rb or 0) <= _DEFAULT_RADIUS else 0.75
    return 0.0


def place_score(a: tuple[GeoPoint, ...], b: tuple[GeoPoint, ...]) -> float:
    """0 = the claims are about different places; 0.5 = unknown (one side names no place);
    up to 1 = the same place."""
    if not a or not b:
        return 0.5
    return max(_pair(x, y) for x in a for y in b)


def area_score(a: tuple[GeoPoint, ...], b: tuple[GeoPoint, ...]) -> float:
    """:func:`place_score` for the area a total is counted in: where people came from ("migrants
    from Colombia") does not define it, and two different countries are two areas (a total for
    Lithuania is not a total for Panama), unless a cross-border feature names the area."""
    area_a = tuple(g for g in a if g.role != "origin")
    area_b = tuple(g for g in b if g.role != "origin")
    if not area_a or not area_b:
        return 0.5  # one side names no area (perhaps only where people came from)
    cross = any((g.feature or "").lower() in _CROSS_BORDER for g in area_a + area_b)
    ca = {g.country for g in area_a if g.country}
    cb = {g.country for g in area_b if g.country}
    if ca and cb and not ca & cb and not cross:
        return 0.0
    if bool(ca) != bool(cb):
        # a place the gazetteer gives no country (a jungle, a sea) against a country: a continent apart
        dists = [d for x in area_a for y in area_b if (d := _km(x, y)) is not None]
        if dists and min(dists) > _FAR_KM:
            return 0.0
    return place_score(area_a, area_b)


def is_specific(points: tuple[GeoPoint, ...]) -> bool:
    """True when a place finer than a country is named (a river, a region, a town)."""
    return any((g.feature or "").lower() not in ("country", "continent") for g in points)


def places_compatible(a: tuple[GeoPoint, ...], b: tuple[GeoPoint, ...]) -> bool:
    return place_score(a, b) > 0.0
