"""Events people undergo: a passive subject held by someone ("were caught"), not one caught in a
situation; victims of an offence that is no casualty; people held then sent away; a figure a
measure is "close to". Each sentence written for the test, with sentences of other domains where
the rule must not fire."""

from __future__ import annotations

from claim_checks import counts_by_type


def _counts(text: str) -> dict[str, str | None]:
    return counts_by_type(text, "2026-03-10")


def test_people_caught_by_someone_are_held_even_as_a_passive_subject():
    assert _counts("The border agency said 300 migrants were caught near the fence last week.")["300"] == "detention"
    assert _counts("Last year 4,100 irregular migrants were caught in the province, the gendarmerie said.")[
        "4,100"] == "detention"
    # caught in a situation, on camera, or stopped from doing something: no one holds them
    assert _counts("Two people were caught in the crossfire during the shootout on Monday.")["Two"] is None
    assert _counts("About 40 hikers were caught in the storm on Monday and rescued by helicopter.")["About 40"] is None
    assert _counts("Three men were caught on camera stealing bicycles on Monday.")["Three"] is None
    assert _counts("Several fans were stopped from entering the stadium on Monday.")["Several"] is None


def test_victims_of_an_offence_that_is_no_casualty_take_the_offence():
    assert _counts("Police identified 30 victims of human trafficking at a car wash on Monday.")["30"] == "smuggling"
    # victims of a shooting stay casualties
    assert _counts("Nine victims of the shooting died in hospital on Monday.")["Nine"] == "death"


def test_people_held_and_then_sent_away_are_a_deportation():
    assert _counts("Police said 40 fans were arrested and deported after the match on Monday.")["40"] == "deportation"
    # held and then charged stays a detention
    assert _counts("Police said 40 fans were arrested and charged after the match on Monday.")["40"] == "detention"


def test_a_figure_a_measure_is_close_to_takes_the_measures_event():
    assert _counts("We believe the number of injured could be close to 200.")["close to 200"] == "injury"
    # a measure of things names no event
    assert _counts("The bank said the number of accounts frozen could be close to 900.")["close to 900"] is None


def test_others_treated_for_a_condition_are_injured():
    text = "Three climbers died on the mountain. Rescuers said 4 others had been treated for hypothermia."
    assert _counts(text)["4"] == "injury"
    # others treated for no injury are none
    assert _counts("The vet said 3 dogs were treated for burns and 2 others were treated for routine check-ups.")["2"] is None


def test_people_swept_away_are_missing():
    assert _counts("Two people were swept away by floodwater on Monday night, the committee said.")["Two"] == "missing"
    assert _counts("The river swept away 3 children who were playing on the bank.")["3"] == "missing"
    # things swept away, or rivals swept away in a vote, are no one missing
    assert _counts("The storm washed away 40 homes and 2 bridges.")["40"] is None
    assert _counts("Voters swept away 12 incumbents in the election.")["12"] is None
