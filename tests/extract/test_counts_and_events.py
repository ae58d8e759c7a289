"""Counts and their event types, clause by clause: a clause's event types only its own figure, people
landing or disembarking in a migration report cross, a fee paid for the journey is the smuggling fee,
ratings and tables of other figures count no one. Each sentence written for the test, with sentences
of other domains where the rule must not fire."""

from __future__ import annotations

from claim_checks import counts_by_type, extracted
from claimwatch.model import Article


def _article(text: str) -> Article:
    return extracted(text, "2026-03-10")


def _counts(text: str) -> dict[str, str | None]:
    return counts_by_type(text, "2026-03-10")


def test_a_clause_set_before_another_behind_a_semicolon_is_not_its_object():
    # the parser hangs the first clause from the second verb as its complement; the second
    # clause's subject still undergoes its own event
    text = "A boat carrying 52 people landed at Lampedusa; 4 fell overboard during the crossing."
    assert _counts(text) == {"52": None, "4": "missing"}
    assert _counts("The shop sold 300 tickets on Monday; 20 fell overboard from the ferry.")["20"] == "missing"
    assert _counts("The concert sold out within hours; 3 fans fell overboard from the pier.") == {"3": "missing"}
    # a complement after its verb still makes the verb transitive
    assert _counts("The coach said 4 players fell ill.") == {"4": None}


def test_people_landing_or_disembarking_in_a_migration_report_cross():
    lead = "More than 1,000 migrants reached Italy over the weekend as calm seas encouraged departures from Libya. "
    assert _counts(lead + "312 people disembarked in Lampedusa on Tuesday, the coast guard said.")["312"] == "border_crossing"
    assert _counts(lead + "Another 60 people landed at the port of Pozzallo.")["60"] == "border_crossing"
    # outside a migration report, passengers leaving a ship or a plane cross nothing
    assert _counts("The cruise ship docked in Piraeus and 2,300 passengers disembarked for a day in Athens.") == {
        "2,300": None}


def test_migrants_landing_at_a_named_place_cross_whatever_the_report():
    assert _counts("A boat with 48 migrants landed on Gran Canaria on Monday, the rescue service said.") == {
        "48": "border_crossing"}
    assert _counts("A plane with 180 passengers landed in Denver after a bird strike.") == {"180": None}
    assert _counts("40 refugees arrived at the concert hall to perform with the orchestra.") == {"40": None}
    assert _counts("The camp now holds 3,000 refugees, the mayor said.") == {"3,000": None}


def test_ratings_count_no_one():
    assert _counts("The restaurant was rated 4 out of 5 by the inspectors.") == {}
    assert _counts("Reviewers rated the phone 9 out of 10.") == {}
    assert _counts("Critics gave the film 3 stars, and 200 people attended the premiere.") == {"200": None}
    assert _counts("The hotel has 3 stars and 120 rooms.") == {"120": None}
    assert _counts("She scored 8/10 in the final exam, and 25 students passed.") == {"25": None}
    assert _counts("The film got a score of 92 from critics.") == {}
    assert _counts("The ceasefire was monitored 24/7, and 9 soldiers were killed on 3/10.") == {"9": "death"}
    # a total after "out of" with its noun, and "a score of" people, still count
    assert _counts("Out of 40 passengers, 12 died in the crash.") == {"40": None, "12": "death"}
    assert _counts("The agency said 12 out of 40 passengers died.") == {"12": "death", "40": None}
    assert _counts("A score of people gathered outside the court.") == {"A score": None}


def test_a_fee_paid_for_the_crossing_is_the_smuggling_fee():
    lead = "A boat carrying 40 migrants capsized off the coast of Libya on Tuesday during the crossing, the IOM said. "
    assert _counts(lead + "Survivors told the agency that each paid 3,000 euros to make the crossing to Italy.")[
        "3,000"] == "smuggling"
    # a sum for each person is money, not people who board the boat
    assert _counts(lead + "Survivors said they paid between 5,000 and 6,000 euros per person to board the boat.")[
        "between 5,000 and 6,000"] == "smuggling"
    # outside a migration report: paid to smugglers, or by migrants for the crossing
    assert _counts("The migrants said each paid smugglers 3,000 euros.") == {"3,000": "smuggling"}
    # fares, transfers, ransoms and appeals are no count
    assert _counts("Passengers paid 40 euros for the ferry crossing to Dover.") == {}
    assert _counts("The fans paid 200 euros to travel to Madrid for the final.") == {}
    assert _counts("The family paid a ransom of 50,000 dollars to the kidnappers.") == {}
    assert _counts(lead + "The IOM appealed for 2 million dollars to support the survivors.") == {"40": "border_crossing"}


def test_people_rounded_up_and_abandoned_at_a_border_are_expelled():
    text = ("Since January, at least 5,200 people have been rounded up in Sfax and Tunis and abandoned in "
            "desert areas near the borders, the groups said.")
    assert _counts(text) == {"at least 5,200": "deportation"}
    assert _counts("Security forces dumped 40 migrants at the Libyan border on Sunday.") == {"40": "deportation"}
    # a passive's participles share its auxiliary: "taken to the border" after "were detained"
    types = {c.event_type for c in _article("The men were detained in Izmir and taken to the Syrian border.").claims}
    assert types == {"detention", "deportation"}
    # a baby abandoned in a park, hikers stranded near a border, cars left behind: no expulsion
    assert "deportation" not in {c.event_type for c in _article("A newborn baby was abandoned in a park in Lyon.").claims}
    assert "deportation" not in {
        c.event_type for c in _article("The hikers were stranded near the border for two days after a storm.").claims}
    assert _counts("The gang abandoned 3 cars near the border.") != {"3": "deportation"}
    # smugglers who abandon migrants do not expel them; things abandoned are no people (found by review)
    assert _counts("Smugglers abandoned 60 migrants in the desert near the border with Niger, survivors said.") == {
        "60": "smuggling"}
    assert "deportation" not in {c.event_type for c in _article(
        "Hundreds of cars were abandoned near the Canadian border during the blizzard.").claims}
    assert _counts("Some 300 migrants were abandoned at the border by Algerian soldiers, the group said.") == {
        "Some 300": "deportation"}


def test_a_pair_the_parser_split_at_an_age_is_counted_whole():
    assert _counts("The driver, 38, and his assistant survived and were arrested on Thursday, police said.") == {
        "The driver, 38, and his assistant": "detention"}
    assert _counts("The driver, 38, and his assistant, 24, were arrested at the checkpoint on Tuesday.") == {
        "The driver, 38, and his assistant": "detention"}
    assert _counts("The singer, 45, and her manager were injured when their car crashed.") == {
        "The singer, 45, and her manager": "injury"}
    # no event of ours, no count
    assert _counts("The coach, 52, and his assistant were sacked on Monday after the defeat.") == {}


def test_the_person_an_event_noun_befell_is_a_count_of_one():
    text = ("The press-freedom group condemns the murder of Ramiro Ocaña, a 47-year-old reporter, who was shot "
            "dead on 8 March outside his home.")
    assert _counts(text) == {"a 47-year-old reporter": "death"}
    # the relative clause on the name dates the person it describes
    assert [c.time.start for c in _article(text).claims if c.kind == "count" and c.time] == ["2026-03-08"]
    assert _counts("The union condemned the arrest of the journalist in Minsk on Friday.") == {
        "the journalist": "detention"}
    # no person befell it: no count
    assert _counts("The death of democracy was lamented by the opposition.") == {}
    assert _counts("The arrest of the cargo ship in Rotterdam delayed deliveries.") == {}
    # a story's or a history's event is no news of a person it befell (found by the session's misfire review)
    assert _counts("The novel centres on the murder of Roger Ackroyd.") == {}
    assert _counts("The history society met on Tuesday to discuss the murder of Thomas Becket in 1170.") == {}
    assert _counts("The Easter play depicts the arrest of Jesus.") == {}
    assert _counts("Police arrested two men over the killing of Maria Ortiz on Friday.") == {
        "two": "detention", "Maria Ortiz": "death"}


def test_a_state_the_subject_goes_into_types_its_count():
    # "went missing": the parser hangs the state as a clause of its own; it is what the subject undergoes
    assert _counts("Three climbers went missing on the mountain on Sunday.") == {"Three": "missing"}
    assert _counts("More than 9,000 people went missing during the war.") == {"More than 9,000": "missing"}
    # a clause with its own conjunction is another act, and a mood is no event
    assert _counts("The 3 strikers went home happy after the match.") == {"3": None}
    assert _counts("Sales went flat at 40 stores.") == {"40": None}


def test_held_incommunicado_is_a_detention():
    assert _counts("Three journalists have been held incommunicado since Monday.") == {"Three": "detention"}
    assert _counts("The club held 3 meetings with fans.") == {"3": None}
