"""Counts by structure: who a count names (occupations, partitives of a vague quantifier), figures that
count nothing (a thread's post numbers, multipliers, an age beside a name, a shift's number), a list
line that gives only its label's figure, and burial as a death. Each sentence written for the test,
with sentences of other domains where the rule must not fire."""

from __future__ import annotations

from claim_checks import counts_by_type, extracted
from claimwatch.model import Article


def _article(text: str) -> Article:
    return extracted(text, "2025-03-10")


def _counts(text: str) -> dict[str, str | None]:
    return counts_by_type(text, "2025-03-10")


def test_occupations_and_raiders_are_people_who_can_be_killed():
    assert _counts("A dozen herders were killed near the border on Saturday.") == {"A dozen": "death"}
    assert _counts('"Eight learners died on the spot," the commander said.') == {"Eight": "death"}
    assert _counts("Four traders were wounded when the market was shelled.") == {"Four": "injury"}
    # a count of people who take part in no event stays untyped
    assert _counts("The bank hired 40 traders last year.") == {"40": None}


def test_a_partitive_of_a_vague_quantifier_takes_the_verb_of_its_clause():
    assert _counts("A few of the raiders were also killed when police returned fire.") == {"A few": "death"}
    assert _counts("Several of the players were injured in training.") == {"Several": "injury"}
    assert _counts("Several of the firms were sold to investors.") == {"Several": None}


def test_a_threads_post_numbers_count_nothing():
    text = '"1/ Our ship has 143 people on board."\n\n"2/ Police arrested 12 men at the port."'
    assert _counts(text) == {"143": None, "12": "detention"}


def test_a_multiplier_counts_nothing():
    assert _counts("That is more than five times the 2,985 deaths recorded last summer.") == {"2,985": "death"}
    assert _counts("Camps are now at three times their planned capacity, she said.") == {}
    assert _counts("Sales were three times higher than in 2020, when the firm hired 40 workers.") == {"40": None}
    assert _counts("The striker has scored four times this season.") == {}


def test_an_age_beside_a_name_the_parser_joined_to_a_person_noun_is_no_count():
    assert _counts("Reached by telephone, the chief, Amadou Keita, 71, said 23 people were buried.") == {"23": "death"}
    assert _counts("The coach, Pedro Alves, 58, said 3 players were injured.") == {"3": "injury"}


def test_a_shift_round_or_lap_number_names_it():
    assert _counts("Twelve miners from the night crew (shift 3) were trapped.") == {"Twelve": None}
    assert _counts("He won in round 4 after 12 punches.") == {"12": None}
    assert "2" not in _counts("Workers on shift 2 said 40 colleagues were injured.")


def test_a_list_line_with_only_its_figure_counts_what_the_line_above_counts():
    deaths = "Deaths by state:\n\n- Kogi: 14 dead\n- Kano: 8\n- Imo: 7"
    assert _counts(deaths) == {"14": "death", "8": "death", "7": "death"}
    medals = "Medal table:\n\n- Kenya: 12 gold medals\n- Ethiopia: 8"
    assert _counts(medals) == {"12": None, "8": None}
    # a line with its own words keeps its own reading; a line past a blank line is another list
    split = "Arrests by region:\n\n- North: 40 arrested\n- South: 12 people rescued\n\nResults: 3"
    assert _counts(split) == {"40": "detention", "12": None, "3": None}


def test_a_list_heading_right_above_its_lines_names_what_they_count():
    injuries = "FLOODS UPDATE\n\nInjuries by county:\n- Kisumu: 41\n- Busia: 12\n- Siaya: 7"
    assert _counts(injuries) == {"41": "injury", "12": "injury", "7": "injury"}
    arrests = "Match report\n\nArrests by stand, as reported by the club:\n- North: 14\n- East: 9"
    assert _counts(arrests) == {"14": "detention", "9": "detention"}
    goals = "Season review\n\nGoals by player:\n- Kane: 14\n- Saka: 9"
    assert _counts(goals) == {"14": None, "9": None}


def test_a_burial_of_people_is_a_death_and_a_combatant_neutralised_is_killed():
    assert _counts("We have buried 23 people ourselves.") == {"23": "death"}
    assert _counts("The 14 victims were laid to rest on Sunday.") == {"14": "death"}
    assert _counts('The army said it had "neutralised" 12 terrorists.') == {"12": "death"}
    # buried under rubble is the missing, not the dead; a project buried is no one's death
    assert _counts("Twelve miners were buried under rubble.") == {"Twelve": "missing"}
    assert _counts("The company buried 3 projects last year.") == {"3": None}
    assert _counts("The club laid to rest 3 rumours.") == {"3": None}


def test_an_execution_done_to_people_is_a_death():
    assert _counts("The court found he ordered the execution of 31 men held at the station.") == {"31": "death"}
    assert _counts("Five prisoners were executed at dawn.") == {"Five": "death"}
    assert _counts("The burial of 23 victims took place on Sunday.") == {"23": "death"}
    # a plan, a trade or a contract executed is no one's death
    assert _counts("The firm executed 3 trades an hour.") == {"3": None}
    assert _counts("The execution of the 12 contracts took two years.") == {"12": None}


def test_a_forcible_transfer_of_people_is_a_deportation():
    assert _counts("About 1,300 residents were forcibly transferred to a camp near the town.") == {
        "About 1,300": "deportation"}
    assert _counts("Troops forcibly relocated 3,000 villagers to camps.") == {"3,000": "deportation"}
    # a transfer without force, or protesters cleared from a square, is none
    assert _counts("The hospital transferred 12 patients to the capital.") == {"12": None}
    assert _counts("Police forcibly removed 40 protesters from the square.") == {"40": None}


def test_people_lost_overboard_are_missing_and_migrants_who_land_cross():
    assert _counts("Survivors said 3 people fell overboard on Thursday night.") == {"3": "missing"}
    assert _counts("Two fishermen were washed overboard in the storm.") == {"Two": "missing"}
    assert _counts("Migrants crossed the border near the river. A total of 300 migrants disembarked in "
                   "Lampedusa on Friday.") == {"300": "border_crossing"}
    # a plane's passengers who land are no crossing outside a migration report
    assert _counts("The plane landed in Paris with 200 passengers on board.") == {"200": None}


def test_a_sum_of_money_counts_only_as_part_of_an_event():
    # aid, grants, ransoms and profits outside any event of the SPEC are no counts
    assert _counts("The appeal seeks US$2.54 billion for 2026.") == {}
    assert _counts("Each returning family received US$150 in cash.") == {}
    assert _counts("The company made a profit of 3 million dollars.") == {}
    # a bribe, a fee paid to cross and money the authorities seized are
    assert _counts("Officers also seized 40,000 euros in cash and two pistols.")["40,000"] is None
    assert _counts("A bribe of 4.9 million hryvnias was paid to border guards.") == {"4.9 million": "smuggling"}
    assert _counts("Rescued migrants said they paid between 4 and 6 thousand dollars for the trip across the "
                   "border.") == {"between 4 and 6 thousand": "smuggling"}


def test_a_fine_is_a_legal_action_whose_sum_is_no_count():
    # the sum of a fine is no count of people or things a coder records: the fine is an event, its people and a
    # prison term are its counts
    assert _counts("He was fined 5,000 euros for the offence.") == {}
    assert [(c.kind, c.event_type) for c in _article("He was fined 5,000 euros for the offence.").claims] == [
        ("event", "legal_action")]
    assert _counts("Six men were later fined 10 shillings each by magistrates for obstructing the highway.") == {
        "Six": "legal_action"}
    assert _counts("The journalist was fined $10,000 and sentenced to 2 years in prison.") == {"2": "legal_action"}


def _bounds(text: str) -> dict[str, tuple]:
    return {c.quantity.text: (c.quantity.low, c.quantity.best, c.quantity.high, c.quantity.qualifier)
            for c in _article(text).claims if c.kind == "count" and c.quantity}


def test_an_estimate_with_its_interval_takes_the_interval_as_its_bounds():
    assert _bounds("Heat caused 16,480 excess deaths in England (95% confidence interval 13,900 to 19,200), "
                   "researchers said.") == {"16,480": (13900, 16480, 19200, "approximately")}
    assert _bounds("The study estimated 2,300 deaths (95% CI 1,800-2,900) from the outbreak.") == {
        "estimated 2,300": (1800, 2300, 2900, "approximately")}
    # an interval that does not hold the figure, or a bracket of another year, is no bound of it
    assert _bounds("Trials enrolled 300 patients (95% CI 12 to 40).")["300"] == (300, 300, 300, "exact")
    assert _bounds("Police arrested 450 people (2019: 400 to 500).")["450"] == (450, 450, 450, "exact")


def test_one_person_an_including_phrase_names_among_the_casualties_is_a_count_of_one():
    assert _counts("Twelve people were killed, including a police officer.") == {
        "Twelve": "death", "a police officer": "death"}
    assert _counts("Kogi: 14 dead, including a presiding officer shot at a polling unit.") == {
        "14": "death", "a presiding officer": "death"}
    # the listed members are each their own part; no sum of the list is made
    assert _counts("The network said 23 people were killed, including 6 patients, 2 nurses and a doctor.") == {
        "23": "death", "6": "death", "2": "death", "a doctor": "death"}
    # no event, no count of the one included
    assert _counts("The company hired 30 staff, including a chief engineer.") == {"30": None}


def test_a_body_brought_out_and_a_named_person_who_died_are_counts_of_one():
    assert _counts("The ministry says the body of a 42-year-old winch operator has been brought to the "
                   "surface.") == {"a 42-year-old winch operator": "death"}
    assert _counts("Relatives of Jesus Ruiz Ortiz, 26, who died on Sunday in a police cell, demanded "
                   "justice.") == {"Jesus Ruiz Ortiz": "death"}
    # a body of water carried, a firm that died out
    assert _counts("The river carries a body of water 40 km long.") == {}
    assert "which" not in _counts("The firm, which died out in 1990, was sold.")


def test_higher_and_lower_than_bound_a_figure_on_one_side():
    got = _bounds('A second official said the real number of dead was "probably higher than 60".')
    assert got == {"higher than 60": (60, 60, None, "more_than")}
    assert _bounds("Arrests were lower than 300 people this year.")["lower than 300"] == (None, 300, 300, "less_than")
    assert _bounds("Temperatures were higher than 40 degrees.") == {}


def test_a_term_in_the_possessive_is_a_penalty_and_scores_more_are_a_magnitude():
    assert _bounds("The Chamber sentenced the accused to 20 years' imprisonment.") == {"20": (20, 20, 20, "exact")}
    assert _counts("The Chamber sentenced the accused to 20 years' imprisonment.") == {"20": "legal_action"}
    assert _bounds("She has 20 years' experience in nursing.") == {}
    assert _bounds("A dozen herders were killed and scores more injured.")["scores"] == (40, 40, 99, "vague")
    # the verb "scores" counts nothing
    assert _bounds("He scores more goals than anyone.") == {}


def test_an_ordinal_standing_for_one_more_member_of_a_counted_set_is_a_count_of_one():
    # ranked one above a figure of people just before it
    assert _counts("Seven climbers died on the peak on Saturday. The body of an eighth, a 54-year-old guide, "
                   "was recovered on Monday.") == {"Seven": "death", "an eighth": "death"}
    assert _counts("Two suspects were arrested on Friday. The third is still missing.") == {
        "Two": "detention", "The third": "missing"}
    # a participle the parse made the complement of "remains"
    assert _counts("Two sailors were rescued and the bodies of two were found. The third remains missing.")[
        "The third"] == "missing"
    # an ordinal on a noun, a rank, a fraction, or one after a figure of beasts counts no person
    assert "the third" not in _counts("Two of the horses died; the third was injured and put down.")
    assert _counts("It was the third time the bridge had flooded this year, and two people died.") == {"two": "death"}
    assert _counts("An eighth of the budget went to the families, and 3 people died.") == {"3": "death"}
    assert "third" not in _counts("She finished third in the final, behind two runners who were injured last year.")


def test_one_with_an_injury_after_a_count_is_a_count_of_one():
    assert _counts("Two students were taken to the county hospital, one with a head wound.") == {
        "Two": "injury", "one": "injury"}
    assert _counts("A man with gunshot wounds was found on the pavement early on Sunday.") == {"A man": "injury"}
    # "one with" a thing that is no injury
    assert _counts("The city is one with a history of deadly floods.") == {}


def test_people_listed_after_a_colon_that_add_up_to_the_figure_are_counts_of_one():
    counts = _counts("The storm claimed two lives in the county: an elderly man whose car was swept off the road, "
                     "and a woman found in her flooded home.")
    assert counts == {"two": "death", "an elderly man": "death", "a woman": "death"}
    assert _counts("Police arrested three people: a man, a woman and a teenager.") == {
        "three": "detention", "a man": "detention", "a woman": "detention", "a teenager": "detention"}
    # what the colon lists is no person, or the members do not add up to the figure
    assert _counts("The storm claimed two lives: a record for the county.") == {"two": "death"}
    assert _counts("Police arrested three people: a man and a woman from Leeds.") == {"three": "detention"}
    # a list with figures of its own is told by its figures
    assert _counts("The crash killed four people: a pilot and three passengers.") == {"four": "death", "three": "death"}


def test_a_person_the_parse_made_the_compound_of_a_gerunds_object_is_the_participant():
    # "a herder grazing goats": "goats" read as the head, "herder" as its compound
    assert _counts("A herder grazing goats near the runway was struck by debris and seriously injured.") == {
        "A herder": "injury"}
    assert _counts("The pickers harvesting apples were praised by the mayor.") == {}


def _values(text: str) -> list[tuple[str, float | None]]:
    return [(c.quantity.text, c.quantity.best) for c in _article(text).claims if c.quantity is not None]


def test_an_enumerated_set_of_people_no_event_befalls_is_one_count_of_its_members():
    assert _values("The coach and three players were suspended by the league on Friday.") == [
        ("The coach and three players", 4), ("three", 3)]
    assert _values("Rescuers are still searching for her husband and two sons.") == [
        ("her husband and two sons", 3), ("two", 2)]
    # things are no set of people; members listed of a larger total each count on their own
    assert _values("The car and two trucks were towed away.") == []
    assert ("four", 4) in _values("Among the hostages are four children, the youngest aged 3, and a nun, sources said.")
    assert not any(v == 5 for _t, v in _values("Among the hostages are four children, the youngest aged 3, and a nun."))
    assert _values("The club fielded 11 players: ten amateurs and a former professional.") == [("11", 11), ("ten", 10)]


def test_a_bare_toll_restates_the_toll_named_before_it():
    assert _counts('The death toll in the flood rose to 23 on Tuesday. The mayor said the actual toll was "over 35".') == {
        "23": "death", "over 35": "death"}
    # a toll of another kind named before it stays what it is
    assert _counts("The death toll rose to 23. The bridge toll was 5 for cars.") == {"23": "death", "5": None}
