"""Rules found on reports outside the dev stories (tests/data/heldout/), each tested on sentences
written for the test, not taken from those reports."""

from __future__ import annotations

from functools import lru_cache

from claimwatch.extract import extract


@lru_cache(maxsize=None)
def _counts(text: str, published: str = "2025-03-12") -> dict[str, dict]:
    article = extract(text, published=published, validate=False)
    return {c.quantity.text: c.to_dict() for c in article.claims if c.kind == "count" and c.quantity}


def test_a_participle_after_the_counted_noun_is_its_verb_when_a_later_count_takes_the_clause():
    got = _counts("At least 17 migrants drowned and dozens more are missing after a dinghy sank off the coast "
                  "of Libya, the UN refugee agency said on Friday.")
    assert got["At least 17"]["event_type"] == "death"
    assert got["dozens"]["event_type"] == "missing"


def test_a_speaker_who_asks_not_to_be_named_in_a_participial_clause_is_unnamed():
    anonymous = _counts("Nine guards were wounded in the clashes, a prison official said, asking not to be named.")
    assert anonymous["Nine"]["source"]["type"] == "unnamed"
    anonymous = _counts("Four fishermen were detained, a navy officer said, speaking on condition of anonymity.")
    assert anonymous["Four"]["source"]["type"] == "unnamed"
    named = _counts("Four fishermen were detained, a navy officer said, adding that the boat was seized.")
    assert named["Four"]["source"]["type"] != "unnamed"


def test_medical_groups_are_ngos_and_a_health_division_is_no_army_unit():
    from claimwatch.extract.sources import classify_source

    assert classify_source("a local medical group") == "ngo"
    assert classify_source("the Yemen Doctors Network") == "ngo"
    assert classify_source("the provincial health division") == "official"
    assert classify_source("the 3rd Division") == "military"


def test_numbers_that_measure_or_address_are_not_counts():
    cases = {
        "A gas blast destroyed a building at 17 Rue de Tivoli in Lyon, killing four people.": {"four"},
        "The blast shattered windows three streets away, and 12 people were injured.": {"12"},
        "Winds reached 9 on the Beaufort scale and two sailors drowned.": {"two"},
        "The victims, who ranged in age from 3 to 61, were buried on Friday.": set(),
    }
    for text, counts in cases.items():
        assert set(_counts(text)) == counts, text


def test_a_crowd_kept_away_from_a_place_is_still_counted():
    assert "200" in _counts("Police kept 200 protesters away from the parliament.")
