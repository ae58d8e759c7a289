"""The offline gazetteer: countries, admin-1 regions, US counties, populated places, physical
features, borders.

Data (built by ``scripts/build_gazetteer.py``, documented in ``resources/gazetteer/README.md``):

* ``resources/countries.tsv`` — countries with GeoNames-style points, demonyms, neighbours;
* ``resources/gazetteer/places.tsv.gz`` — admin-1 regions, US counties, populated places (GeoNames,
  population >= 1000), rivers, lakes, seas, straits, mountain ranges and other physical features
  (Natural Earth), one line per entry sorted by its normalised name (:func:`norm`);
* ``resources/gazetteer/names.tsv.gz`` — alternative names (current and former names,
  transliterations), one line per name with the entry it names, sorted;
* ``resources/gazetteer/borders.tsv`` — a point on each land border between two neighbours.

Everything is loaded lazily, once per process (:func:`get_gazetteer`): the sorted tables stay
lines of text searched by bisection, and only the entries a look-up touches are parsed, so the
load is a decompression and a split.
"""

from __future__ import annotations

import gzip
import re
import threading
import unicodedata
from bisect import bisect_left
from functools import lru_cache
from math import asin, cos, log10, radians, sin, sqrt
from typing import NamedTuple, Sequence

from ..resources import read_bytes, read_text

__all__ = ["Entry", "Gazetteer", "get_gazetteer", "norm", "FEATURE_WORDS", "haversine_km"]

_APOS = re.compile(r"['’ʼ`ʹ]")
_DASH = re.compile(r"[\-–—]")
_WS = re.compile(r"\s+")


@lru_cache(maxsize=1 << 16)
def norm(name: str) -> str:
    """Look-up key: lower case, no diacritics, no apostrophes, hyphens as spaces, single spaces
    (memoised: the stages ask for the same names many times over)."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in name if not unicodedata.combining(c))
    s = _APOS.sub("", name.lower())
    s = _DASH.sub(" ", s)
    return _WS.sub(" ", s).strip(" .")


#: generic words that name a feature type, as written after (or before) a name -> features they cue
FEATURE_WORDS: dict[str, tuple[str, ...]] = {
    "river": ("river",), "rivers": ("river",), "creek": ("river",),
    "lake": ("lake",), "lakes": ("lake",), "reservoir": ("lake",),
    "mountains": ("mountain_range",), "mountain": ("mountain_range",), "mts": ("mountain_range",),
    "range": ("mountain_range",), "highlands": ("mountain_range", "region"), "alps": ("mountain_range",),
    "sea": ("sea",), "ocean": ("ocean",), "gulf": ("gulf", "bay"), "bay": ("bay", "gulf"),
    "strait": ("strait", "channel"), "straits": ("strait", "channel"), "channel": ("channel", "strait"),
    "island": ("island",), "islands": ("island",), "peninsula": ("peninsula",), "desert": ("desert",),
    "valley": ("valley",), "delta": ("delta",), "lagoon": ("lagoon",),
    "oblast": ("admin1",), "region": ("admin1", "region"), "province": ("admin1",),
    "voivodeship": ("admin1",), "county": ("admin2", "admin1"), "state": ("admin1",), "krai": ("admin1",),
    "kray": ("admin1",), "governorate": ("admin1",), "district": ("admin2", "admin1", "region"),
    "republic": ("admin1", "country"), "city": ("city",), "town": ("city",), "village": ("city",),
    "parish": ("admin2",), "borough": ("admin2", "city"), "township": ("city", "admin2"),
}


#: importance given up by an entry matched through an alternative (not its main) name
ALT_PENALTY = 1.5

#: abbreviated words of place names and the words they stand for: the tables write "Saint Lucia"
#: (the island) where a report writes "St Lucia" or "St. Lucia", and "St Ives" where another
#: writes "Saint Ives"; a key is looked up under each way of writing them
_ABBREVIATED = {"st": "saint", "ste": "sainte", "mt": "mount", "ft": "fort"}
_EXPANDED = {v: k for k, v in _ABBREVIATED.items()}


def _spellings(key: str) -> list[str]:
    """The other ways of writing a key's abbreviated words: "st. james" -> "st james", "saint james"
    (the cheap test first: most keys have no such word)."""
    words = key.split(" ")
    if not any(w.rstrip(".") in _ABBREVIATED or w in _EXPANDED for w in words[:-1]):
        return []
    forms = [[w, w.rstrip("."), _ABBREVIATED[w.rstrip(".")]] if w.rstrip(".") in _ABBREVIATED and i < len(words) - 1
             else [w, _EXPANDED[w]] if w in _EXPANDED and i < len(words) - 1 else [w] for i, w in enumerate(words)]
    out = [""]
    for options in forms:
        out = [f"{o} {w}".lstrip() for o in out for w in dict.fromkeys(options)]
    return [k for k in out if k != key]


class Entry(NamedTuple):
    feature: str          # country | admin1 | city | river | lake | mountain_range | sea | ... | border | region
    name: str
    cc: str | None        # ISO 3166-1 alpha-2, None for features not inside one country
    lat: float
    lon: float
    importance: float     # log10(population) for places; a rank-derived score for the rest
    geonameid: int | None
    cc2: str | None = None  # the second country of a border


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    la1, lo1, la2, lo2 = radians(lat1), radians(lon1), radians(lat2), radians(lon2)
    h = sin((la2 - la1) / 2) ** 2 + cos(la1) * cos(la2) * sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * asin(min(1.0, sqrt(h)))


def _plural(word: str) -> list[str]:
    if word.endswith(("sh", "ch", "ese", "ss", "y", ".")) or word.isupper():
        return []
    return [word + "s"]


class Gazetteer:
    """The tables, searched by bisection over sorted lines (nothing is parsed at load time).

    ``rows``: the lines of ``places.tsv.gz`` (``key, feature, name, cc, lat, lon, importance,
    geonameid``) sorted by key; ``alt``: the lines of ``names.tsv.gz`` (``alt_key, row``) sorted.
    Countries (``countries.tsv``, 239 rows) are held as entries and in a small key index.
    Look-ups parse the entries they touch and are cached.
    """

    max_words = 6

    def __init__(self, rows: Sequence[str], alt: Sequence[str], countries: dict[str, Entry],
                 country_keys: dict[str, list[tuple[Entry, bool]]], demonyms: dict[str, str],
                 borders: dict[tuple[str, str], tuple[float, float]], neighbours: dict[str, tuple[str, ...]]) -> None:
        self.rows = rows
        self.alt = alt
        self.countries = countries
        self.country_keys = country_keys
        self.demonyms = demonyms
        self.borders = borders
        self.neighbours = neighbours
        self._entries: dict[int, Entry] = {}
        self._cache: dict[str, list[tuple[Entry, bool]]] = {}

    def __len__(self) -> int:
        return len(self.rows) + len(self.countries)

    def _entry(self, i: int) -> Entry:
        e = self._entries.get(i)
        if e is None:
            _key, feature, name, cc, lat, lon, imp, gid = self.rows[i].split("\t")
            e = Entry(feature, name, cc or None, float(lat), float(lon), float(imp), int(gid) if gid else None)
            self._entries[i] = e
        return e

    @staticmethod
    def _range(lines: Sequence[str], key: str) -> range:
        probe = key + "\t"
        lo = bisect_left(lines, probe)
        hi = lo
        while hi < len(lines) and lines[hi].startswith(probe):
            hi += 1
        return range(lo, hi)

    def lookup(self, name: str, features: tuple[str, ...] | None = None) -> list[Entry]:
        """Entries named ``name`` (any variant), most important first; optionally of given features."""
        return [e for e, _ in self.lookup_key(norm(name), features)]

    def lookup_key(self, key: str, features: tuple[str, ...] | None = None) -> list[tuple[Entry, bool]]:
        """(entry, matched-an-alternative-name) for a normalised key, most important first."""
        out = self._cache.get(key)
        if out is None:
            found: dict[int, bool] = {}
            for k in [key, *_spellings(key)]:
                for i in self._range(self.rows, k):
                    found.setdefault(i, False)
                for j in self._range(self.alt, k):
                    found.setdefault(int(self.alt[j].rsplit("\t", 1)[1]), True)
            out = list(self.country_keys.get(key, ())) + [(self._entry(i), alt) for i, alt in found.items()]
            out = [(self._island_country(e, out), alt) if e.feature == "island" and e.cc is None else (e, alt)
                   for e, alt in out]
            out.sort(key=lambda x: -(x[0].importance - ALT_PENALTY * x[1]))
            if len(self._cache) < 200_000:
                self._cache[key] = out
        if features:
            return [x for x in out if x[0].feature in features]
        return out

    def _island_country(self, island: Entry, near: list[tuple[Entry, bool]]) -> Entry:
        """An island of the physical-feature table (which gives none) with the country of the region,
        town or country of its name (any of its names) closest to it, within 150 km (400 km for a large
        island): Crete is Greek (Kriti), Sicily Italian (Sicilia), Bali Indonesian; Borneo, shared, none."""
        key = norm(island.name)
        rows = list(self._range(self.rows, key)) + [int(self.alt[j].rsplit("\t", 1)[1]) for j in self._range(self.alt, key)]
        pool = [e for e, _ in near] + [self._entry(i) for i in rows] + [e for e, _ in self.country_keys.get(key, ())]
        reach = 400.0 if island.importance >= 6.5 else 150.0  # a large island's point lies far from its towns'
        dist = [(haversine_km(island.lat, island.lon, e.lat, e.lon), e.cc) for e in pool
                if e.cc and e.feature in ("country", "admin1", "city")]
        dist = [(d, cc) for d, cc in dist if d < reach]
        return island._replace(cc=min(dist)[1]) if dist else island

    def has(self, key: str) -> bool:
        if key in self._cache:
            return bool(self._cache[key])
        if key in self.country_keys:
            return True
        for k in [key, *_spellings(key)]:
            probe = k + "\t"
            for lines in (self.rows, self.alt):
                i = bisect_left(lines, probe)
                if i < len(lines) and lines[i].startswith(probe):
                    return True
        return False

    def country(self, iso2: str) -> Entry | None:
        return self.countries.get(iso2)

    def demonym(self, word: str) -> str | None:
        """ISO2 of the country a demonym / adjective refers to ("Polish" -> "PL")."""
        return self.demonyms.get(norm(word))

    def country_code(self, word: str) -> str | None:
        """ISO2 for a country name or a demonym."""
        for e in self.lookup(word, ("country",)):
            return e.cc
        return self.demonym(word)

    def border(self, cc1: str, cc2: str) -> Entry | None:
        """The border between two countries, placed on their common frontier (or between them)."""
        a, b = sorted((cc1, cc2))
        c1, c2 = self.countries.get(a), self.countries.get(b)
        if not c1 or not c2 or a == b:
            return None
        pt = self.borders.get((a, b))
        if pt is None:  # not land neighbours: midway between the two country points
            pt = ((c1.lat + c2.lat) / 2, (c1.lon + c2.lon) / 2)
        name = f"{c1.name}–{c2.name} border"
        return Entry("border", name, a, pt[0], pt[1], 6.0, None, b)


def _read_lines(*parts: str) -> tuple[str, ...]:
    """The lines of a gzipped table, as a tuple: a tuple of strings drops out of the garbage
    collector's tracking, so its full collections no longer walk the gazetteer's 450,000 lines."""
    raw = read_bytes(*parts)
    return tuple(gzip.decompress(raw).decode("utf-8").split("\n"))


def load() -> Gazetteer:
    """Read the tables (about 0.2 s); use :func:`get_gazetteer` for the shared instance."""
    countries: dict[str, Entry] = {}
    country_keys: dict[str, list[tuple[Entry, bool]]] = {}
    demonyms: dict[str, str] = {}
    neighbours: dict[str, tuple[str, ...]] = {}
    for line in read_text("countries.tsv").splitlines()[1:]:
        iso, name, lat, lon, gid, pop, nb, dem, alts = line.split("\t")
        e = Entry("country", name, iso, float(lat), float(lon), 8.0 + log10(max(int(pop or 0), 10)) / 10,
                  int(gid) if gid else None)
        countries[iso] = e
        neighbours[iso] = tuple(x for x in nb.split(",") if x)
        keys = [norm(name)] + [norm(n) for n in (alts.split("|") if alts else [])]
        keys += [norm(n[4:]) for n in (alts.split("|") if alts else []) if n.lower().startswith("the ")]
        for k in keys:
            lst = country_keys.setdefault(k, [])
            if all(x[0] is not e for x in lst):
                lst.append((e, False))
        for d in dem.split("|") if dem else []:
            for form in [d] + _plural(d):
                other = demonyms.get(norm(form))
                if other is None or countries[other].importance < e.importance:
                    demonyms[norm(form)] = iso  # "American": the United States, not American Samoa
    borders: dict[tuple[str, str], tuple[float, float]] = {}
    for line in read_text("gazetteer", "borders.tsv").splitlines()[1:]:
        a, b, lat, lon = line.split("\t")
        borders[(a, b)] = (float(lat), float(lon))
    rows = _read_lines("gazetteer", "places.tsv.gz")
    alt = _read_lines("gazetteer", "names.tsv.gz")
    return Gazetteer(rows, alt, countries, country_keys, demonyms, borders, neighbours)


_LOCK = threading.Lock()
_INSTANCE: Gazetteer | None = None


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use."""
    global _INSTANCE
    if _INSTANCE is None:
        with _LOCK:
            if _INSTANCE is None:
                _INSTANCE = load()
    return _INSTANCE
