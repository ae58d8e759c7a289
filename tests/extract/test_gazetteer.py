"""The offline gazetteer: loads from the package, indexes variants, knows borders and demonyms."""

from __future__ import annotations

import gzip
from importlib import resources

import pytest

from claimwatch.extract.gazetteer import get_gazetteer, haversine_km, load, norm


@pytest.fixture(scope="module")
def gaz():
    return get_gazetteer()


def test_loads_from_package_data():
    g = load()
    assert len(g) > 100_000
    assert len(g.countries) > 200
    assert g.max_words >= 3


def test_shared_instance_is_loaded_once(gaz):
    assert get_gazetteer() is gaz


def _lines(name: str) -> list[str]:
    raw = resources.files("claimwatch.resources").joinpath("gazetteer", name).read_bytes()
    return gzip.decompress(raw).decode().split("\n")


def test_tables_are_compact_and_sorted():
    size = sum(len(resources.files("claimwatch.resources").joinpath("gazetteer", n).read_bytes())
               for n in ("places.tsv.gz", "names.tsv.gz"))
    assert size < 7_000_000
    rows, names = _lines("places.tsv.gz"), _lines("names.tsv.gz")
    keys = [r.split("\t", 1)[0] for r in rows]
    alt_keys = [n.split("\t", 1)[0] for n in names]
    assert keys == sorted(keys) and alt_keys == sorted(alt_keys)  # searched by bisection on "<key>\t"
    assert all(len(r.split("\t")) == 8 for r in rows[:5000])
    assert all(0 <= int(n.split("\t")[1]) < len(rows) for n in names[:5000])


def test_every_row_key_is_the_normalised_name():
    for line in _lines("places.tsv.gz")[::80]:
        f = line.split("\t")
        assert f[0] == norm(f[2])


def test_alternative_names_point_at_their_entry(gaz):
    # former names and transliterations: Kiev/Kyiv, Odessa/Odesa, Transcarpathia/Zakarpattia
    for alt, main in (("kiev", "Kyiv"), ("odessa", "Odesa")):
        assert any(e.name == main for e, is_alt in gaz.lookup_key(alt) if is_alt), alt


def test_us_counties_are_points_in_their_state(gaz):
    hits = gaz.lookup("Licking County", ("admin2",))
    assert hits and haversine_km(hits[0].lat, hits[0].lon, 40.09, -82.48) < 40  # Ohio


def test_small_towns_are_known(gaz):
    assert haversine_km(*(lambda e: (e.lat, e.lon))(gaz.lookup("Pylos")[0]), 36.91, 21.70) < 10
    assert gaz.lookup("Salcininkai")[0].cc == "LT"


@pytest.mark.parametrize("raw,key", [
    ("Zakarpats'ka Oblast'", "zakarpatska oblast"),
    ("Przemyśl", "przemysl"),
    ("Rostov-on-Don", "rostov on don"),
    ("  The   Hague ", "the hague"),
    ("Kyiv’s", "kyivs"),
])
def test_norm(raw, key):
    assert norm(raw) == key


@pytest.mark.parametrize("name,feature,cc,lat,lon", [
    ("Poland", "country", "PL", 52.0, 20.0),
    ("Ukraine", "country", "UA", 49.0, 32.0),
    ("Transcarpathia", "admin1", "UA", 48.4, 23.4),
    ("Zakarpattia", "admin1", "UA", 48.4, 23.4),
    ("Zakarpatska oblast", "admin1", "UA", 48.4, 23.4),
    ("Tysa", "river", None, 48.1, 22.8),
    ("Carpathian Mountains", "mountain_range", None, 47.5, 24.5),
    ("Bosporus", "strait", None, 41.05, 29.02),
    ("Mukachevo", "city", "UA", 48.44, 22.72),
])
def test_lookup_variants(gaz, name, feature, cc, lat, lon):
    hits = [e for e in gaz.lookup(name) if e.feature == feature]
    assert hits, name
    e = hits[0]
    assert e.cc == cc
    assert haversine_km(e.lat, e.lon, lat, lon) < 50


def test_demonyms_map_to_countries(gaz):
    assert gaz.demonym("Polish") == "PL"
    assert gaz.demonym("Ukrainians") == "UA"
    assert gaz.demonym("Belarusian") == "BY"
    assert gaz.country_code("Romanian") == "RO"
    assert gaz.lookup("Polish") == []  # a demonym is not a place name


def test_border_lies_on_the_frontier(gaz):
    b = gaz.border("PL", "BY")
    assert b.feature == "border" and {b.cc, b.cc2} == {"PL", "BY"}
    assert haversine_km(b.lat, b.lon, 52.7, 23.6) < 60
    hu_ua = gaz.border("UA", "HU")
    assert haversine_km(hu_ua.lat, hu_ua.lon, 48.2, 22.6) < 50
    assert gaz.border("PL", "PL") is None


def test_ambiguous_name_lists_every_reading(gaz):
    features = {(e.feature, e.cc) for e in gaz.lookup("Georgia")}
    assert ("country", "GE") in features and ("admin1", "US") in features


@pytest.mark.parametrize("name, feature, lat, lon", [
    # the United Kingdom's constituent countries are places of their own, at GeoNames' points
    ("England", "admin1", 52.16, -0.70), ("Scotland", "admin1", 56.5, -4.0), ("Northern Ireland", "admin1", 54.5, -6.5),
    # continents at GeoNames' points, not a town named like them (Asia, Philippines; Mahdia's old name Africa)
    ("Africa", "region", 7.19, 21.09), ("Asia", "region", 29.84, 89.3), ("North America", "region", 46.07, -100.55),
])
def test_constituent_countries_and_continents_have_their_own_points(gaz, name, feature, lat, lon):
    top = gaz.lookup(name)[0]
    assert top.feature == feature and haversine_km(top.lat, top.lon, lat, lon) < 20


def test_namesake_counties_are_ranked_by_population_and_spellings_merged(gaz):
    readings = gaz.lookup("DeKalb County")
    assert haversine_km(readings[0].lat, readings[0].lon, 33.8, -84.3) < 40  # Georgia's (740,000), not Illinois'
    near_atlanta = [e for e in readings if haversine_km(e.lat, e.lon, 33.8, -84.3) < 60]
    assert len(near_atlanta) == 1  # "Dekalb County" in some ZIP records is the same county


@pytest.mark.parametrize("name, feature, cc", [
    # a populous region before a small namesake town abroad (an English county's map rank is flat)
    ("Cornwall", "admin1", "GB"), ("Essex", "admin1", "GB"), ("Suffolk", "admin1", "GB"),
    ("Laguna", "admin1", "PH"), ("Mount Lebanon", "admin1", "LB"),
    # a city of 200,000 or more before a region of its name elsewhere
    ("Sucre", "city", "BO"), ("Norfolk", "city", "US"), ("Surrey", "city", "CA"),
])
def test_regions_rank_by_the_population_of_their_towns(gaz, name, feature, cc):
    top = gaz.lookup(name)[0]
    assert (top.feature, top.cc) == (feature, cc)


def test_a_region_keeps_at_least_its_map_rank(gaz):
    # a sparsely settled region loses nothing by the population prior (Nunavut: 40,000 people)
    nunavut = gaz.lookup("Nunavut", ("admin1",))[0]
    assert nunavut.importance >= 5.0


@pytest.mark.parametrize("name, feature, cc", [
    # England's historic and largest counties before US towns of their names
    ("Yorkshire", "admin1", "GB"), ("North Yorkshire", "admin1", "GB"),
    # London's airport and rail terminus, places of news the town list lacks
    ("Heathrow", "city", "GB"), ("Paddington", "city", "GB"),
])
def test_places_of_news_the_sources_miss_or_rank_low_come_from_the_supplement(gaz, name, feature, cc):
    top = gaz.lookup(name)[0]
    assert (top.feature, top.cc) == (feature, cc)


def test_a_supplement_region_of_natural_earths_name_keeps_its_id(gaz):
    top = gaz.lookup("North Yorkshire")[0]
    assert top.geonameid and len([e for e in gaz.lookup("North Yorkshire") if e.feature == "admin1"]) == 1


def test_an_abbreviated_word_finds_the_name_written_in_full_and_back(gaz):
    assert ("JM", "admin1") in {(e.cc, e.feature) for e in gaz.lookup("St. Andrew")}
    assert ("JM", "admin1") in {(e.cc, e.feature) for e in gaz.lookup("St James")}
    assert "RU" in {e.cc for e in gaz.lookup("St Petersburg")}
    assert gaz.has("st. james") and gaz.has("saint helens")
    # a last word is no abbreviation ("Mount St", "Fort Mt" name nothing), nor is a bare "St"
    assert not gaz.has("st")
