"""Counts whose predicate or counted noun the text leaves out, figures a measure noun sets,
coordinated counts, implicit counts of one person, prices and page counts (SPEC §3, §6). Sentences
are written for these tests, with sentences of other domains where the rules must not fire."""

from __future__ import annotations

import pytest

from claimwatch.extract import extract
from claimwatch.model import check_spans


def counts(text: str) -> list[tuple]:
    """(quantity text, best, event_type) of every count claim."""
    art = extract(text, validate=False)
    assert check_spans(art) == []
    return [(c.quantity.text, c.quantity.best, c.event_type) for c in art.claims if c.kind == "count"]


def type_of(text: str, qtext: str) -> str | None:
    (etype,) = [t for q, _b, t in counts(text) if q == qtext]
    return etype


@pytest.mark.parametrize("sentence,qtext,etype", [
    # gapping: the predicate and the noun of the list's first figure stand for the others
    ("Officials said 40 people died in Lagos, 12 in Kano and 9 in Abuja.", "12", "death"),
    ("Officials said 40 people died in Lagos, 12 in Kano and 9 in Abuja.", "9", "death"),
    ("The storm killed 30 people across the region, followed by Texas with nine and Ohio with seven.", "seven", "death"),
    ("Police said 300 people were detained, with Egypt holding 120, ahead of Iran (48) and Turkey (44).", "120",
     "detention"),
    ("Police said 300 people were detained, with Egypt holding 120, ahead of Iran (48) and Turkey (44).", "44",
     "detention"),
    ("Officials counted 1,301 deaths, among them Egypt's 658, Pakistan's 63 and India's 58.", "63", "death"),
    # other domains: the first figure counts no event, so neither do the others
    ("Smith scored 31 points, followed by Jones with nine and Brown with seven.", "nine", None),
    ("The company cut 300 jobs, 120 in Ohio and 80 in Texas.", "120", None),
    # a clause with its own verb is no gap
    ("The court heard that 14 people were arrested, with Smith scoring 12 in the match.", "12", None),
])
def test_a_gapped_figure_counts_what_the_figure_before_it_counts(sentence, qtext, etype):
    assert type_of(sentence, qtext) == etype


def test_a_figure_of_a_day_earlier_is_no_rate_and_a_figure_this_year_no_date():
    assert type_of("The toll rose to 80 on Friday, up from 61 a day earlier.", "61") == "death"
    assert type_of("Police have arrested 214 people since 2019, including 27 this year.", "27") == "detention"
    assert counts("The bakery sells 15 a day to shops in Leeds.") == []     # a rate
    assert counts("She was born on May 27 last year in Leeds.") == []       # a day of a month


def test_coordinated_numbered_counts_are_not_summed():
    assert counts("The army said it killed nine civilians and two soldiers.") == [
        ("nine", 9, "death"), ("two", 2, "death")]
    # a member without a number makes the set a count of its own
    assert ("the merchant and two organisers", 3, "detention") in counts(
        "Police arrested the merchant and two organisers.")


@pytest.mark.parametrize("sentence,qtext,etype", [
    ("The ministry puts the number of nurses killed at 120.", "120", "death"),
    ("The agency raised the number of people killed to 25.", "25", "death"),
    ("The number of people listed as disappeared has passed 133,000.", "133,000", "missing"),
    ("The league puts the number of teams at 20.", "20", None),
    ("The report brings the number of stores in the region to 45.", "45", None),
])
def test_a_figure_a_measure_noun_sets_counts_the_event_named_inside_it(sentence, qtext, etype):
    assert type_of(sentence, qtext) == etype


@pytest.mark.parametrize("sentence,qtext,etype", [
    ("One of its patrols had evacuated 7 wounded people to the hospital.", "7", "injury"),
    ("Rescuers pulled 12 injured miners from the shaft.", "12", "injury"),
    ("The coast guard rescued 40 stranded migrants off the island.", "40", None),
    ("The firm hired 20 skilled workers last month.", "20", None),
    ("Police arrested two suspected brokers in the town.", "two", "detention"),
])
def test_what_befell_the_counted_people_and_who_can_be_arrested(sentence, qtext, etype):
    assert type_of(sentence, qtext) == etype


@pytest.mark.parametrize("sentence,text,etype", [
    # one person named in an apposition, a relative clause, a light verb's subject, a state
    ("Police said a vice principal, John Okafor, 48, was shot dead at the gate.", "a vice principal", "death"),
    ("The statement said that a security guard sustained gunshot injuries.", "a security guard", "injury"),
    ("Among the victims was Kenyan reporter James Mwangi, 29, who was shot while covering a rally.",
     "Kenyan reporter James Mwangi", "injury"),
    ("Their relative, a retired teacher, had been missing since Thursday.", "Their relative", "missing"),
    ("A fisherman has been missing since the storm.", "A fisherman", "missing"),
])
def test_one_person_is_an_implicit_count_of_one(sentence, text, etype):
    assert (text, 1, etype) in counts(sentence)


@pytest.mark.parametrize("sentence", [
    "The striker has been missing training sessions all week.",    # missing something: no one is missing
    "The coach, who was praised by the board, said the team had played well.",
])
def test_no_implicit_count_where_no_one_is_missing_or_hurt(sentence):
    assert [c for c in counts(sentence) if c[1] == 1] == []


def test_a_figure_of_soldiers_by_their_arm_takes_part_in_their_death():
    assert type_of("The army said that 12 of its sappers had been killed.", "12") == "death"


def test_a_vessel_that_left_a_country_with_people_on_board_carries_a_crossing():
    assert type_of("Survivors said the boat had left Senegal with about 230 people on board.",
                   "about 230") == "border_crossing"


@pytest.mark.parametrize("sentence", [
    "Fuel prices rose overnight to 6,200 shillings a liter.",   # a price for a unit of goods
    "The report, published on Monday, runs to 236 pages.",      # the length of a document
    "Rescue 1122 teams searched the rubble on Monday.",         # a service's number
])
def test_prices_and_page_counts_are_no_counts(sentence):
    assert counts(sentence) == []


def test_a_long_figure_written_without_separators_still_counts_after_a_verb():
    assert [c[:2] for c in counts("Officials said 1500 people were evacuated.")] == [("1500", 1500)]


def test_one_person_among_the_dead_is_not_also_counted_injured():
    got = counts("Among the dead was Peter Kamau, 19, who was shot in the thigh and bled to death.")
    assert [c for c in got if c[0] == "Peter Kamau"] == [("Peter Kamau", 1, "death")]


@pytest.mark.parametrize("sentence,qtext,etype", [
    ("The officer said the bodies, including those of 4 children and 5 women, were sent to the morgue.", "5", "death"),
    ("The bodies were those of 5 women and 3 children.", "3", "death"),
    ("The company said the cars, including those of 4 managers, were sold.", "4", None),
])
def test_those_of_a_figure_stands_for_the_noun_before_it(sentence, qtext, etype):
    assert type_of(sentence, qtext) == etype


def test_the_migration_agency_makes_a_briefing_on_a_shipwreck_a_migration_report():
    text = ("The International Organization for Migration and the UN Refugee Agency briefed reporters. "
            "A wooden boat carrying around 70 people capsized off the coast on Wednesday.")
    assert type_of(text, "around 70") == "border_crossing"


def test_a_subject_hung_from_the_auxiliary_is_the_verbs_argument():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from claimwatch.extract.arguments import governor

    # "312 remain admitted in hospitals" as the parser sometimes reads it: "remain" an auxiliary of
    # "admitted", and the figure the auxiliary's subject
    doc = Doc(Vocab(), words=["312", "remain", "admitted", "in", "hospitals"], heads=[1, 2, 2, 2, 3],
              deps=["nsubj", "auxpass", "ROOT", "prep", "pobj"], pos=["NUM", "AUX", "VERB", "ADP", "NOUN"])
    assert governor(doc[0]).text == "admitted"
    plain = Doc(Vocab(), words=["12", "remain", "closed"], heads=[1, 1, 1], deps=["nsubj", "ROOT", "acomp"],
                pos=["NUM", "VERB", "ADJ"])
    assert governor(plain[0]).text == "remain"


def test_a_comparison_figure_after_than_the_counts_the_noun_before_it():
    # "fewer than the 355 recorded": the comparison's own count of the noun the sentence counted
    assert ("355", 355) in [(q, b) for q, b, _t in counts(
        "The county logged 310 burglaries this spring, fewer than the 355 recorded a year earlier.")]
    assert ("2", 2) in [(q, b) for q, b, _t in counts(
        "The visitors scored 3 goals, compared with the 2 scored in the first leg.")]
    # a model's number stays a name when nothing was counted before it
    assert counts("The A350 is lighter than the 787 built in Seattle, analysts said.") == []


def test_a_definite_comparison_figure_after_than_takes_the_event_of_the_count_it_is_measured_against():
    assert ("55", 55, "death") in counts("The city recorded 41 murders this summer, fewer than the 55 recorded "
                                         "a year earlier.")
    # a "more than" figure of its own clause keeps its own event
    assert ("more than 300", 300, "death") in counts(
        "Police arrested 12 people on Friday and more than 300 people died in the floods.")


def test_a_comparison_figure_told_by_a_participle_takes_the_year_of_its_participle():
    def times(text: str) -> dict[str, str | None]:
        art = extract(text, published="2025-03-14", validate=False)
        return {c.quantity.text: c.time and c.time.start for c in art.claims if c.quantity is not None}
    # the year the participle counts the standard in, not the year of the count it is measured against
    assert times("Police recorded 290 road deaths this year, fewer than the 355 recorded in 2024.") == {
        "290": "2025-01-01", "355": "2024-01-01"}
    assert times("The survey counted 300 nests this year, higher than the 250 counted in 2020.")["250"] == "2020-01-01"


def test_one_after_and_with_its_verb_and_noun_left_out_counts_what_the_figure_before_counts():
    assert ("one", 1, "injury") in counts("Of the injuries this season, three happened in training and one in a match.")
    assert ("one", 1, "injury") in counts("Three people were injured at the plant and one at the depot.")
    # a "one" with a verb of its own, or a partitive, is no gapped count
    assert [q for q, _b, _t in counts("Nine workers were hurt and one in particular needed surgery.")] == ["Nine"]
    assert [q for q, _b, _t in counts("Five players were injured and one of them broke a leg.")] == ["Five"]
