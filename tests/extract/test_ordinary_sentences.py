"""Ordinary news sentences (sport, business, culture) whose words also serve casualty reports:
each rule is tested on sentences written for the test, with the conflict or disaster wording
where the rule must keep firing."""

from __future__ import annotations

from functools import lru_cache

from claimwatch.extract import extract


@lru_cache(maxsize=None)
def _statement_types(text: str) -> list[str | None]:
    article = extract(text, published="2025-03-12", validate=False)
    return [c.event_type for c in article.claims if c.kind == "statement"]


def test_who_speaks_is_not_what_the_statement_is_about():
    assert _statement_types("He finished 2nd in the race, organisers said.") == [None]
    assert _statement_types("The concert was moved indoors because of rain, the organiser said.") == [None]
    assert _statement_types("The judge said the hearing would resume in May.") == ["legal_action"]


def test_a_toll_or_a_body_that_modifies_another_noun_is_no_death_topic():
    assert _statement_types("The company said the toll booths had handled 2 million cars.") == [None]
    assert _statement_types("The body shop said repairs would take a week.") == [None]
    assert _statement_types("The governor said the toll was expected to climb.") == ["death"]
    assert _statement_types("The bank said its search tool would be faster.") == [None]
    assert _statement_types("Two divers went missing on Sunday. Rescuers said the search area had been widened.") \
        == ["missing"]


def _times(text: str) -> list[str | None]:
    article = extract(text, published="2025-03-12", validate=False)
    return [(c.to_dict().get("time") or {}).get("text") for c in article.claims]


def test_a_general_statement_in_the_simple_present_holds_no_time_but_an_ongoing_event_does():
    assert _times("The 14th Amendment guarantees equal protection, the justices said.") == [None]
    assert _times("The drug lowers blood pressure in most adults, the researchers said.") == [None]
    assert _times("A search for the missing fishermen continues, the coast guard said.") == ["continues"]
    assert _times("Rescuers are still searching the rubble, the mayor said.") == ["are"]


@lru_cache(maxsize=None)
def _count_types(text: str) -> list[tuple[int | float | None, str | None]]:
    article = extract(text, published="2025-03-12", validate=False)
    return [(c.quantity.best if c.quantity else None, c.event_type) for c in article.claims if c.kind == "count"]


def _event_types(text: str) -> list[str | None]:
    article = extract(text, published="2025-03-12", validate=False)
    return [c.event_type for c in article.claims if c.kind == "event"]


def test_a_care_verb_is_an_injury_only_for_people_and_a_condition_that_is_one():
    assert _count_types("60 pupils were treated at the school for routine eye tests.") == [(60, None)]
    assert _count_types("Volunteers treated 40 cats at the shelter clinic.") == [(40, None)]
    assert _event_types("Volunteers treated 40 cats at the shelter clinic.") == []
    assert _count_types("Aid workers have treated more than 900 people for severe trauma.") == [(900, "injury")]
    assert _count_types("Medics treated 14 climbers for frostbite burns.") == [(14, "injury")]


def test_a_toll_charged_for_things_is_no_count_of_the_dead():
    assert _event_types("The port authority raised the toll for 8,000 lorries.") == []
    assert _count_types("The toll for the flood rose to 40, officials said.") == [(40, "death")]


def test_an_event_a_work_is_about_is_no_event_of_the_report():
    assert _count_types("The gallery showed a film on the deaths of 9 divers.") == [(9, None)]
    assert _event_types("The novel is about a killing in a mountain village.") == []


def test_in_front_of_someone_is_no_battle_front():
    art = "Fighting raged near the front line all week, the army said. "
    assert _count_types(art + "Gunmen shot 2 farmers in front of their house.")[-1] == (2, "injury")
    assert _count_types(art + "Shelling wounded 2 soldiers at the front.")[-1] == (2, "combat_casualties")


def test_a_killing_noun_counts_the_dead_unless_made_in_a_market():
    assert _count_types("It was the 14th killing of an activist in the region this year.") == [(14, "death")]
    assert _event_types("Traders made a killing on the bond market.") == []


def test_a_count_in_a_set_named_by_another_noun_takes_its_event():
    assert _count_types("The victims included 6 women, the coroner said.") == [(6, "death")]
    assert _count_types("The squad included 6 players from the youth academy.") == [(6, None)]
    assert _count_types("The number of bodies recovered is expected to pass 300.") == [(300, "death")]
    assert _count_types("The number of visitors is expected to pass 300.") == [(300, None)]


def test_a_people_named_by_an_untyped_proper_noun_can_die():
    assert _count_types("At least 31 Rohingya drowned when the boat sank.") == [(31, "death")]
    assert _count_types("The airline bought 4 Airbuses last year.") == [(4, None)]


def test_a_forced_move_to_a_town_is_no_deportation():
    assert _count_types("Nine of the injured were transferred to Kassala for surgery.") == [(9, "injury")]
    assert _count_types("Police said 70 migrants were transferred to Libya.") == [(70, "deportation")]


def test_a_year_on_one_thing_and_an_age_beside_one_person_are_no_counts():
    assert _count_types("The city repealed its 2011 anti-noise rule.") == []
    assert _count_types("Troops said 1500 fighters were killed.") == [(1500, "death")]
    assert _count_types("The union said its treasurer, 62, would step down.") == []


def test_combatants_neutralised_are_dead_but_a_neutralised_threat_is_no_event():
    assert _count_types("The army said it neutralised 14 militants in the north.") == [(14, "death")]
    assert _count_types("The goalkeeper neutralised 3 penalties.") == [(3, None)]
    assert _event_types("The antacid neutralised the acid in minutes.") == []


def test_what_a_place_or_vessel_holds_at_most_is_no_count():
    assert _count_types("The concert hall was designed for 900 listeners.") == []
    assert _count_types("The ferry has room for 300 passengers.") == []
    assert _count_types("The shelter, built for 200 people, now houses 650.") == [(650, None)]
    assert _count_types("At least 45 migrants drowned when a dinghy built for 12 capsized.") == [(45, "death")]


def test_a_relative_clause_on_an_offence_states_what_happened():
    assert _count_types("A court sentenced three men for their role in the shipwreck, in which 94 people died.") \
        == [(3, "legal_action"), (94, "death")]
    assert _count_types("Police charged five men over a riot in which 40 officers were hurt.") \
        == [(5, "legal_action"), (40, "injury")]
    assert _count_types("He was convicted of killing two people.") == [(2, None)]
    assert _count_types("The firm was fined for a leak which polluted 12 rivers.") == [(12, None)]


def test_a_person_named_by_age_and_a_body_no_one_was_before_are_counts_of_one():
    assert _count_types("A 17-year-old was shot dead by police on Saturday.") == [(1, "death")]
    assert _count_types("A 12-year-old shepherd was killed by the explosion.") == [(1, "death")]
    assert _count_types("Fishermen found a body floating near the harbour.") == [(1, "death")]
    assert _count_types("His brother's body was found on the beach.") == [(1, "death")]
    assert _count_types("A man was stabbed on Friday. His body was found in a canal.") == [(1, "injury")]
    assert _count_types("A 30-year-old bridge collapsed in the storm.") == []
    assert _count_types("A 19-year-old won the tournament on Sunday.") == []
    assert _count_types("The body of water froze overnight.") == []


def test_combatants_eliminated_and_soldiers_lost_are_casualties_but_jobs_and_rivals_are_not():
    assert _count_types("The army said it eliminated 14 militants in the north.") == [(14, "death")]
    assert _count_types("The champion eliminated two rivals on the way to the final.") == [(2, None)]
    assert _count_types("The company eliminated 300 jobs last year.") == [(300, None)]
    assert _count_types("It acknowledged the loss of 11 of its soldiers.") == [(11, "combat_casualties")]
    assert _count_types("The loss of 300 jobs shocked the town.") == [(300, None)]
    assert _count_types("The ministry confirmed the loss of two fighter jets.") == [(2, None)]
    assert _count_types("Fourteen colleagues have lost their lives in seven months.") == [(14, "death")]
    assert _count_types("Fourteen colleagues signed the letter.") == [(14, None)]


def test_bodies_count_deaths_whatever_the_verb_and_are_no_set_with_the_living():
    assert _count_types("He said 29 bodies and 73 injured people had been brought to two hospitals, "
                        "13 of them in serious condition.") == [(29, "death"), (73, "injury"), (2, None), (13, "injury")]
    assert _count_types("Divers recovered 4 bodies and rescued 30 people.") == [(4, "death"), (30, None)]


def test_a_noun_of_no_class_joined_to_people_is_one_more_person():
    assert _count_types("Security forces detained the merchant and two organisers.") == [(3, "detention"), (2, "detention")]
    assert _count_types("Police seized the car and two suspects.") == [(2, "detention")]
    assert _count_types("The storm damaged the roof and two cars.") == []
    assert _count_types("The pilot and the co-pilot were injured.") == []


def test_a_term_a_party_to_a_trial_receives_or_seeks_is_a_penalty_but_years_of_funding_are_none():
    assert _count_types("Two defendants received 12 years and 14 years respectively.") \
        == [(2, "legal_action"), (12, "legal_action"), (14, "legal_action")]
    assert _count_types("Prosecutors had sought 24 years for each of the defendants.") == [(24, "legal_action")]
    assert _count_types("The company received 12 years of funding from the state.") == []
    assert _count_types("He spent 20 years in the army.") == []
    assert _count_types("The court imposed two years to pay the fine.") == []


def test_an_ordinal_on_people_an_event_befell_is_a_running_total():
    assert _count_types("Gunmen killed a nurse on Tuesday, the 14th aid worker killed in the country this year.") \
        == [(1, "death"), (14, "death")]
    assert _count_types("He was the third journalist arrested this month.") == [(3, "detention")]
    assert _count_types("He became the 40th player selected in the draft.") == []
    assert _count_types("He was the 10th worker promoted this year.") == []


def test_a_past_form_conjoined_to_a_passive_shares_it():
    assert _count_types("He said seven soldiers were killed and five others wounded.") == [(7, "death"), (5, "injury")]
    assert _count_types("Two men were arrested and three others escape every year.") == [(2, "detention"), (3, None)]
    assert _count_types("Ten players were selected and two dropped.") == [(10, None), (2, None)]


def test_incidents_someone_tallies_are_a_count_but_incidents_that_occur_are_events():
    assert _count_types("It said it had verified 41 incidents during the week.") == [(41, None)]
    assert _count_types("Two shipwrecks occurred off Libya last week.") == []
    assert _count_types("There were three explosions in the capital.") == []


def test_a_part_that_is_itself_a_part_holds_what_its_including_phrase_lists():
    article = extract("Officials said 49 people died. The ministry said 38 of the dead were Guatemalans, "
                      "including 6 minors.", published="2025-03-12", validate=False)
    counts = {c.quantity.best: c for c in article.claims if c.kind == "count" and c.quantity}
    assert counts[6].event_type == "death" and counts[6].quantity.part_of == counts[38].id
    assert _count_types("At least 27 people were killed, including five children and two women.") \
        == [(27, "death"), (5, "death"), (2, "death")]


def test_an_age_bound_on_people_a_number_beside_one_thing_and_a_rate_base_are_no_counts():
    assert _count_types("Children under five accounted for 31% of cases nationally.") == []
    assert _count_types("Students over 16 can vote in the election.") == []
    assert _count_types("The ministry's free hotline, 151, has received more than 20,000 calls since January.") \
        == [(20000, None)]
    assert _count_types("One in nine is a child.") == []
    assert _count_types("More than 500 people over the border were detained.") == [(500, "detention")]
    assert _count_types("The crowd, 5,000 strong, marched on parliament.") == [(5000, None)]


def test_a_share_of_a_total_in_an_earlier_sentence_is_of_the_people_counted_there():
    assert _count_types("The ship took 112 people on board in two operations. "
                        "The charity said nearly half of those rescued were minors.") == [(112, None), (2, None), (56, None)]
    assert _count_types("The club played 38 matches. It won half of them.") == [(38, None), (19, None)]
