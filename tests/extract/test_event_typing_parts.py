"""Event types of counts (SPEC §6) in shapes of general news: a fatal injury, lives claimed, a part
of the casualties set off after its clause, people found hidden in a vehicle, a hand-over to a
foreign authority, asylum applicants. Sentences are written for these tests."""

from __future__ import annotations

import pytest

from claimwatch.extract import extract
from claimwatch.model import check_spans


def counts(text: str) -> list[tuple]:
    """(quantity text, best, event_type) of every count claim."""
    art = extract(text, published="2026-03-10", validate=False)
    assert check_spans(art) == []
    return [(c.quantity.text, c.quantity.best, c.event_type) for c in art.claims if c.kind == "count"]


@pytest.mark.parametrize("sentence,expected", [
    ("Three men were fatally wounded in the attack, police said.", [("Three", 3, "death")]),
    ("Two workers were mortally injured in the blast at the chemical plant.", [("Two", 2, "death")]),
    # a conjoined killing does not make the injured dead
    ("A bus plunged into a ravine on Tuesday, killing 25 passengers and injuring 19, police said.",
     [("25", 25, "death"), ("19", 19, "injury")]),
])
def test_a_fatal_injury_is_a_death(sentence, expected):
    assert counts(sentence) == expected


def test_a_fatal_fall_keeps_its_accident_cause():
    art = extract("A hiker was fatally injured when he fell from the ridge on Sunday, rescuers said.",
                  published="2026-03-10", validate=False)
    death = next(c for c in art.claims if c.kind == "count")
    assert (death.event_type, death.cause) == ("death", "accident")


@pytest.mark.parametrize("sentence,expected", [
    ("The cholera outbreak has claimed more than 300 lives since January, the ministry said.",
     [("more than 300", 300, "death")]),
    ("Road crashes cost 1,200 lives on the country's motorways last year.", [("1,200", 1200, "death")]),
    ("The fire took the lives of six firefighters, the chief said.", [("six", 6, "death")]),
    # lives saved are no deaths
    ("The new screening programme saved 4,000 lives in its first decade, researchers said.", [("4,000", 4000, None)]),
])
def test_lives_claimed_are_deaths(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Two refugees died in the blaze and at least 38 people were injured, nine of them seriously.",
     [("Two", 2, "death"), ("at least 38", 38, "injury"), ("nine", 9, "injury")]),
    ("According to the parish, 14 faithful were killed on the spot, among them our catechist, "
     "Mr Paul Sawadogo, aged 62, and two children.", [("14", 14, "death"), ("two", 2, "death")]),
    ("Seven alleged drug personalities were killed and 112 others arrested in police operations, officials said.",
     [("Seven", 7, "death"), ("112", 112, "detention")]),
    ("The storm injured 12 holidaymakers and destroyed 40 chalets.", [("12", 12, "injury"), ("40", 40, None)]),
    ("The power cut killed 300 servers.", [("300", 300, None)]),    # an -er noun of a thing is no person
    # a noun that names no people is no casualty, whatever the verb
    ("An early frost killed 40 vineyards in the valley.", [("40", 40, None)]),
])
def test_parts_and_people_of_a_casualty(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Customs officers found 12 migrants hidden in a container at the port of Rotterdam on Monday.",
     [("12", 12, "border_crossing")]),
    ("The lorry was stopped near the border. In the cargo area, the officers found 24 men, 3 women and 4 children, "
     "all of whom said they were Syrian nationals who had paid smugglers to cross from Serbia.",
     [("24", 24, "border_crossing"), ("3", 3, "border_crossing"), ("4", 4, "border_crossing")]),
    # people found in a car wreck are not travelling concealed
    ("Firefighters found two people in the wreckage of the car after the crash on the motorway.", [("two", 2, None)]),
])
def test_people_found_hidden_in_a_vehicle_cross(sentence, expected):
    got = counts(sentence)
    assert [g for g in got if g[0] != "The lorry"] == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Two were handed over to the Polish Border Guard under the readmission agreement.", [("Two", 2, "deportation")]),
    ("Five of the migrants were transferred to the Greek authorities on Monday.", [("Five", 5, "deportation")]),
    # a hand-over to the police of the country is no deportation
    ("Twelve fans were handed over to the local police after the match.", [("Twelve", 12, None)]),
    # people named as others than migrants handed to a foreign authority are extradited, not returned
    ("Police handed 3 suspects over to the German authorities.", [("3", 3, None)]),
    ("Police handed 30 migrants over to the Polish Border Guard.", [("30", 30, "deportation")]),
])
def test_a_hand_over_to_a_foreign_authority_is_a_deportation(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Some 3,000 asylum applicants were waiting for a decision in March.", [("Some 3,000", 3000, "asylum")]),
    ("According to the department, 2,914 international protection applicants were awaiting an offer of "
     "accommodation.", [("2,914", 2914, "asylum")]),
    ("Germany received 12,000 asylum applications in January, the interior ministry said.",
     [("12,000", 12000, "asylum")]),
    ("The job centre registered 500 benefit claimants and 30 housing applicants last month.",
     [("500", 500, None), ("30", 30, None)]),
])
def test_asylum_applicants(sentence, expected):
    assert counts(sentence) == expected


def test_people_found_with_the_place_phrase_on_the_noun_cross():
    # the parser hangs "in the cargo area of a lorry" from the people, not from the verb
    got = counts("Officers discovered 31 people in the cargo area of a lorry on the motorway. The migrants had paid "
                 "smugglers to cross the border from Serbia and 29 applied for asylum.")
    assert ("31", 31, "border_crossing") in got


@pytest.mark.parametrize("sentence,expected", [
    ("The ministry said the raids led to the martyrdom of 22 citizens, including 5 children and 3 women.",
     [("22", 22, "death"), ("5", 5, "death"), ("3", 3, "death")]),
    ("Hospitals received 35 martyrs and 120 wounded on Tuesday, the ministry said.",
     [("35", 35, "death"), ("120", 120, "injury")]),
])
def test_martyrs_of_official_tolls_are_deaths(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Of these, 52 were injured. 4 of the injured later expired during treatment.",
     [("52", 52, "injury"), ("4", 4, "death")]),
    ("Of the 30 patients admitted, 3 passed away overnight.", [("30", 30, None), ("3", 3, "death")]),
    ("The veteran coach passed away on Sunday; 2 players were injured in training.", [("2", 2, "injury")]),
    # a permit, a contract or a deadline that expires is no death
    ("The visas of 40 workers expired in May, the ministry said.", [("40", 40, None)]),
    # "passed away" with an object spends time: no one died
    ("The team passed away the hours playing cards while 12 fans waited outside.", [("12", 12, None)]),
    ("Five patients passed away a day after the blast, the hospital said.", [("Five", 5, "death")]),
])
def test_the_injured_who_expire_and_people_who_pass_away_die(sentence, expected):
    assert counts(sentence) == expected


def test_passing_away_the_time_is_no_death():
    art = extract("The team passed away the hours playing cards while 12 fans waited outside.",
                  published="2026-03-10", validate=False)
    assert not any(c.event_type == "death" for c in art.claims)
    art = extract("The crew passed away the time on deck, and the ship docked in Lisbon.", published="2026-03-10",
                  validate=False)
    assert not any(c.event_type == "death" for c in art.claims)


def test_a_span_of_time_of_a_life_taken_is_no_death():
    art = extract("The degree took 3 years of their lives, the graduates said.", published="2026-03-10", validate=False)
    assert not any(c.event_type == "death" for c in art.claims)
    assert counts("He lost two years of his life to the illness, and 3 patients lost their lives.") == [
        ("3", 3, "death")]
    assert counts("The fighting took the lives of 40 civilians in three days.") == [("40", 40, "death")]


def test_the_people_a_keepsake_remembers_are_no_toll():
    assert counts("The cathedral holds the relics of 40 martyrs, the bishop said.") == [("40", 40, None)]
    assert counts("The tomb of 3 soldiers was vandalised, and 2 guards were injured.") == [
        ("3", 3, None), ("2", 2, "injury")]
    # the bodies of the dead are a toll
    assert counts("The bodies of 40 martyrs were brought to the hospital, the ministry said.") == [("40", 40, "death")]


@pytest.mark.parametrize("sentence,expected", [
    ("The brigade suffered 120 casualties, the army said.", "combat_casualties"),
    ("The army reported 45 casualties among its troops after the ambush.", "combat_casualties"),
    ("This number includes 1,140 casualties enemy forces suffered over the past day.", "combat_casualties"),
    # casualties of no armed force stay the deaths they were read as
    ("The hospital received 61 casualties after the blast.", "death"),
    ("Police forces suffered 12 casualties in the riot.", "death"),
])
def test_the_casualties_of_armed_forces_are_combat_casualties(sentence, expected):
    assert [e for _t, _v, e in counts(sentence)] == [expected]


def test_the_dead_a_parse_makes_the_subject_of_wounded_stay_dead():
    text = "The ministry detailed the toll:\n- The raid on the town of Sohmor: 7 martyrs and 21 wounded."
    assert [(t, e) for t, _v, e in counts(text)] == [("7", "death"), ("21", "injury")]


def _typed(text: str) -> list[tuple[str, str | None]]:
    from claimwatch.extract import extract
    article = extract(text, published="2024-05-20", validate=False)
    return [(c.quantity.text, c.event_type) for c in article.claims if c.quantity is not None]


def test_people_the_lexicon_lacks_are_told_by_the_death_or_injury_they_undergo_and_their_form():
    assert _typed("Seven devotees were crushed to death in the stampede, police said.") == [("Seven", "death")]
    assert _typed("The roof fell and killed four attendees, the club said.") == [("four", "death")]
    assert _typed("Two observers were detained by soldiers, the mission said.") == [("Two", "detention")]
    assert _typed("Six trainees were detained at the border, the ministry said.") == [("Six", "detention")]
    assert _typed("The blast injured 4 commuters, officials said.") == [("4", "injury")]
    # things held or hit are no people
    assert _typed("Customs officers detained 3 shipments at the port, the agency said.") == [("3", None)]
    assert _typed("The coastguard detained two tankers off the coast, officials said.") == [("two", None)]


def test_a_part_after_of_whom_hung_on_its_own_verb_counts_what_its_total_counts():
    assert _typed("Twelve climbers were injured in the avalanche, of whom 3 were flown to Geneva, police said.") == [
        ("Twelve", "injury"), ("3", "injury")]
    assert _typed("The factory laid off 200 workers, of whom 40 were later rehired, the union said.") == [
        ("200", None), ("40", None)]


def test_a_participle_after_the_object_of_a_verb_of_no_event_says_what_befell_the_people():
    assert _typed("Survivors report 7 people missing after the boat sank.") == [("7", "missing")]
    assert _typed("The league reported 5 players injured before the final.") == [("5", "injury")]
    # a participle that is no event of ours types nothing
    assert _typed("Investors want 3 directors removed from the board, the filing said.") == [("3", None)]


def test_passing_away_a_stretch_of_time_is_no_death():
    assert _typed("The two friends passed away an afternoon at the seaside, the newspaper said.") == [("two", None)]
    # a time phrase that says when they died keeps the death
    assert _typed("Two patients passed away the next morning, the hospital said.") == [("Two", "death")]
    assert _typed("Two patients passed away the day after the fire, the hospital said.") == [("Two", "death")]
    assert _typed("Two patients passed away a week later, the hospital said.") == [("Two", "death")]


def test_treated_for_exposure_exhaustion_or_shock_is_an_injury():
    assert _typed("Their father was treated for mild exposure, the rescue team said.") == [("Their father", "injury")]
    assert _typed("Two passengers were treated for shock, the airline said.") == [("Two", "injury")]
    assert _typed("A spectator was treated for heat exhaustion, organisers said.") == [("A spectator", "injury")]
    # a thing treated is no casualty
    assert _typed("The bank was treated for exposure to bad loans, analysts said.") == []


def test_a_part_before_of_them_set_beside_another_word_still_counts():
    assert _typed("Since 2016, 38 climbers have died on the peak, park records show, 11 of them on the descent.") == [
        ("38", "death"), ("11", "death")]
    # a figure set off beside one thing still names it
    assert _typed("The ministry's free hotline, 151, has taken calls since the flood, officials said.") == []


def test_people_of_an_agent_noun_treated_for_an_injury_are_its_count():
    # the count itself is the injury (no separate countless event beside an untyped figure)
    assert _typed("Organisers said on Monday that 40 runners were treated for exhaustion.") == [("40", "injury")]
    assert _typed("40 runners were admitted to hospital, the club said.") == [("40", "injury")]
    assert _typed("The clinic treated 40 skiers for fractures, the resort said.") == [("40", "injury")]
    # animals and machines treated are no casualties
    assert _typed("The vet treated 25 dogs for exhaustion, the shelter said.") == [("25", None)]


@pytest.mark.parametrize("sentence,expected", [
    ("Doctors said three of the miners lost a leg in the blast.", [("three", 3, "injury")]),
    ("Two fans lost their hearing after the concert, the clinic said.", [("Two", 2, "injury")]),
    # losing sight of something, a company's vision, a card player's hand: no injury
    ("The ship lost sight of the coast after 12 hours and 40 passengers panicked.", [("40", 40, None)]),
    ("The company lost its vision and 300 employees left.", [("300", 300, None)]),
])
def test_people_who_lose_a_limb_or_a_sense_are_injured(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("Police detained four ringleaders of the riot on Sunday.", [("four", 4, "detention")]),
    ("Twelve opponents of the mayor were fined for blocking the road.", [("Twelve", 12, "legal_action")]),
    ("Three leaders of the union have been held incommunicado since 18 April.", [("Three", 3, "detention")]),
    # people named by their role take no event their verb does not name
    ("The party chose two leaders for the campaign, and 3 critics praised the plan.", [("two", 2, None), ("3", 3, None)]),
])
def test_people_named_by_their_role_in_a_movement_are_counted_as_people(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence,expected", [
    ("The agency registered 112 new cases of people who went missing during the floods.", [("112", 112, "missing")]),
    ("Police registered 15 cases of people who were detained without charge.", [("15", 15, "detention")]),
    ("Health officials registered 40 cases of children who fell ill after the meal.", [("40", 40, None)]),
    # proceedings stay proceedings
    ("The court registered 30 criminal cases against protesters.", [("30", 30, "legal_action")]),
    ("Prosecutors opened 12 cases of desertion against soldiers last month.", [("12", 12, "legal_action")]),
    # cases of people that a court hears or tries are proceedings
    ("Military courts have heard over 900 cases of conscripts leaving their posts since March.",
     [("over 900", 900, "legal_action")]),
    ("The tribunal tried 45 cases of officers who refused to serve.", [("45", 45, "legal_action")]),
])
def test_cases_of_people_count_what_befell_them_not_proceedings(sentence, expected):
    assert counts(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "The conglomerate lost an arm of its business when 200 staff left.",
    "The striker lost an eye for goal this season.",
])
def test_a_limb_or_an_eye_a_thing_has_is_no_injury(sentence):
    art = extract(sentence, validate=False)
    assert [c.event_type for c in art.claims if c.event_type == "injury"] == []


def test_a_limb_lost_in_an_incident_is_still_an_injury():
    assert counts("Three soldiers lost limbs when the mine exploded.") == [("Three", 3, "injury")]
