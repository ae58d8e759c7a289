"""The offline gazetteer: countries, admin-1 regions, populated places, physical features, borders.

Data (built by ``scripts/build_gazetteer.py``, documented in ``resources/gazetteer/README.md``):

* ``resources/countries.tsv`` — countries with GeoNames-style points, demonyms, neighbours;
* ``resources/gazetteer/places.tsv.gz`` — admin-1 regions, populated places (GeoNames, pop >= 5000),
  rivers, lakes, seas, straits, mountain ranges and other physical features (Natural Earth);
* ``resources/gazetteer/borders.tsv`` — a point on each land border between two neighbours.

Everything is loaded lazily, once per process (:func:`get_gazetteer`), and indexed by a normalised
lower-case name (:func:`norm`), so a look-up is one dict access.
"""

from __future__ import annotations

import gzip
import re
import threading
import unicodedata
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

__all__ = ["Entry", "Gazetteer", "get_gazetteer", "norm", "FEATURE_WORDS", "haversine_km"]

_APOS = re.compile(r"['’ʼ`ʹ]")
_DASH = re.compile(r"[\-–—]")
_WS = re.compile(r"\s+")


def norm(name: str) -> str:
    """Look-up key: lower case, no diacritics, no apostrophes, hyphens as spaces, single spaces."""
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
    "voivodeship": ("admin1",), "county": ("admin1",), "state": ("admin1",), "krai": ("admin1",),
    "kray": ("admin1",), "governorate": ("admin1",), "district": ("admin1", "region"),
    "republic": ("admin1", "country"), "city": ("city",), "town": ("city",), "village": ("city",),
}


#: importance given up by an entry matched through an alternative (not its main) name
ALT_PENALTY = 1.5


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
    from math import asin, cos, radians, sin, sqrt

    la1, lo1, la2, lo2 = map(radians, (lat1, lon1, lat2, lon2))
    h = sin((la2 - la1) / 2) ** 2 + cos(la1) * cos(la2) * sin((lo2 - lo1) / 2) ** 2
    return 6371.0 * 2 * asin(min(1.0, sqrt(h)))


def _plural(word: str) -> list[str]:
    if word.endswith(("sh", "ch", "ese", "ss", "y", ".")) or word.isupper():
        return []
    return [word + "s"]


@dataclass
class Gazetteer:
    entries: list[Entry]
    index: dict[str, list[int]]          # norm(name) -> entry ids (best first)
    countries: dict[str, Entry]          # ISO2 -> country entry
    demonyms: dict[str, str]             # norm(demonym or adjective, incl. plurals) -> ISO2
    borders: dict[tuple[str, str], tuple[float, float]]
    neighbours: dict[str, tuple[str, ...]]
    max_words: int = 6

    def lookup(self, name: str, features: tuple[str, ...] | None = None) -> list[Entry]:
        """Entries named ``name`` (any variant), most important first; optionally of given features."""
        return [e for e, _ in self.lookup_key(norm(name), features)]

    def lookup_key(self, key: str, features: tuple[str, ...] | None = None) -> list[tuple[Entry, bool]]:
        """(entry, matched-an-alternative-name) for a normalised key, most important first."""
        out = [(self.entries[j >> 1], bool(j & 1)) for j in self.index.get(key, ())]
        if features:
            out = [x for x in out if x[0].feature in features]
        return out

    def has(self, key: str) -> bool:
        return key in self.index

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


def _read_text(*parts: str) -> str:
    ref = resources.files("claimwatch.resources").joinpath(*parts)
    return ref.read_text(encoding="utf-8")


def load() -> Gazetteer:
    """Read the tables (about 0.5 s); use :func:`get_gazetteer` for the shared instance."""
    entries: list[Entry] = []
    index: dict[str, list[int]] = {}

    def put(key: str, i: int) -> None:
        # ids are stored as 2*id (+1 when the key is an alternative name, not the main one)
        lst = index.get(key)
        if lst is None:
            index[key] = [i]
        elif i not in lst and i ^ 1 not in lst:
            lst.append(i)

    countries: dict[str, Entry] = {}
    demonyms: dict[str, str] = {}
    neighbours: dict[str, tuple[str, ...]] = {}
    lines = _read_text("countries.tsv").splitlines()[1:]
    for line in lines:
        iso, name, lat, lon, gid, pop, nb, dem, alts = line.split("\t")
        from math import log10

        e = Entry("country", name, iso, float(lat), float(lon), 8.0 + log10(max(int(pop or 0), 10)) / 10,
                  int(gid) if gid else None)
        i = len(entries)
        entries.append(e)
        countries[iso] = e
        neighbours[iso] = tuple(x for x in nb.split(",") if x)
        put(norm(name), 2 * i)
        for n in alts.split("|") if alts else []:
            put(norm(n), 2 * i)
            if n.lower().startswith("the "):
                put(norm(n[4:]), 2 * i)
        for d in dem.split("|") if dem else []:
            for form in [d] + _plural(d):
                demonyms.setdefault(norm(form), iso)
    raw = resources.files("claimwatch.resources").joinpath("gazetteer", "places.tsv.gz").read_bytes()
    get = index.get
    append = entries.append
    for line in gzip.decompress(raw).decode("utf-8").split("\n")[1:]:
        if not line:
            continue
        feature, name, cc, lat, lon, imp, gid, key, alts = line.split("\t")
        i2 = 2 * len(entries)
        append(Entry(feature, name, cc or None, float(lat), float(lon), float(imp), int(gid) if gid else None))
        lst = get(key)
        if lst is None:
            index[key] = [i2]
        else:
            lst.append(i2)
        if alts:
            for a in alts.split("|"):
                lst = get(a)
                if lst is None:
                    index[a] = [i2 + 1]
                elif lst[-1] >> 1 != i2 >> 1:
                    lst.append(i2 + 1)
    borders: dict[tuple[str, str], tuple[float, float]] = {}
    for line in _read_text("gazetteer", "borders.tsv").splitlines()[1:]:
        a, b, lat, lon = line.split("\t")
        borders[(a, b)] = (float(lat), float(lon))
    for key, ids in index.items():
        if len(ids) > 1:
            ids.sort(key=lambda j: -(entries[j >> 1].importance - ALT_PENALTY * (j & 1)))
    return Gazetteer(entries, index, countries, demonyms, borders, neighbours, 6)


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
