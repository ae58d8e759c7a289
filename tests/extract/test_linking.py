"""What each number counts (issue 11, SPEC §3 and §6), end to end on general news sentences:
predicate-argument linking, casualty and legal frames, implicit counts, parts, shares, penalties
and the numbers that never count participants. Sentences are written for these tests (not
taken from the dev set or the casualty corpus)."""

from __future__ import annotations

import pytest

from claimwatch.extract import extract
from claimwatch.model import check_spans


def claims(text: str):
    art = extract(text, validate=False)
    assert check_spans(art) == []
    return art.claims


def counts(text: str) -> list[tuple]:
    """(quantity text, best, event_type) of every count claim."""
    return [(c.quantity.text, c.quantity.best, c.event_type) for c in claims(text) if c.kind == "count"]


def by_text(cs, qtext):
    return next(c for c in cs if c.kind == "count" and c.quantity.text == qtext)


# ---------------------------------------------------------------- predicate-argument structure

@pytest.mark.parametrize("sentence,expected", [
    # the count is an argument of the event predicate, in a role the event admits
    ("Police arrested 35 people and 12 officers were injured.", [("35", 35, "detention"), ("12", 12, "injury")]),
    ("U.S. crews rescued 37 migrants and detained 16 others.", [("37", 37, None), ("16", 16, "detention")]),
    ("Two gunmen killed five people at a wedding.", [("Two", 2, None), ("five", 5, "death")]),
    ("The attack left 12 dead and 30 wounded.", [("12", 12, "death"), ("30", 30, "injury")]),
    ("Seven workers suffered burns in the explosion.", [("Seven", 7, "injury")]),
    # passengers share the vehicle's fate
    ("Border guards detained a truck carrying 41 men.", [("41", 41, "detention")]),
    # a rescue is no event of ours and stops the search for one
    ("Eight migrants drowned and 37 others were rescued.", [("Eight", 8, "death"), ("37", 37, None)]),
])
def test_the_predicate_frame_types_the_count(sentence, expected):
    assert counts(sentence) == expected


def test_nouns_that_cannot_take_part_are_not_casualties():
    # "two area hospitals" is an argument of "taken to", not a number of injured
    got = counts("Three people were wounded and taken to two area hospitals.")
    assert ("Three", 3, "injury") in got
    assert all(t != "injury" for q, _b, t in got if q == "two")


def test_an_elided_predicate_keeps_the_previous_type_and_another_does_not():
    assert counts("Officials recovered six bodies, while volunteers recovered two others.") == [
        ("six", 6, "death"), ("two", 2, "death")]


# ---------------------------------------------------------------- casualty frames

@pytest.mark.parametrize("sentence,expected", [
    ("A man was shot outside a bar on Friday.", [("A man", 1, "injury")]),
    ("A woman was stabbed to death in her flat.", [("A woman", 1, "death")]),
    ("A teenager was shot dead near the station.", [("A teenager", 1, "death")]),
    ("A man died after being shot in the chest.", [("A man", 1, "death")]),
    ("Two officers are in critical condition.", [("Two", 2, "injury")]),
    ("Both victims were taken to hospital.", [("Both victims", 2, "injury")]),
])
def test_casualty_frames(sentence, expected):
    assert counts(sentence) == expected


def test_shot_one_of_them_fatally_is_injuries_and_one_death_part_of_them():
    cs = claims("Five people were shot, one of them fatally, outside a bar on Saturday.")
    five, one = by_text(cs, "Five"), by_text(cs, "one")
    assert (five.event_type, one.event_type, one.quantity.part_of) == ("injury", "death", five.id)


def test_combat_casualties_only_in_reports_of_armed_conflict():
    street = claims("Two guards were wounded in an assault on a cash depot.")
    assert [c.event_type for c in street if c.kind == "count"] == ["injury"]
    war = claims("Russian troops pressed their offensive near the front line as the war entered its third year. "
                 "Army officials said the fighting continued. Twelve soldiers were wounded in an assault on the town.")
    assert "combat_casualties" in {c.event_type for c in war}


# ---------------------------------------------------------------- implicit counts (SPEC §3)

@pytest.mark.parametrize("sentence,text,value,etype", [
    ("The victim, 23, died at the scene.", "The victim", 1, "death"),
    ("His wife and son were injured.", "His wife and son", 2, "injury"),
    ("The driver and two passengers were pronounced dead.", "The driver and two passengers", 3, "death"),
    ("The driver was taken into custody.", "The driver", 1, "detention"),
])
def test_implicit_counts(sentence, text, value, etype):
    (c,) = [c for c in claims(sentence) if c.kind == "count" and c.quantity.text == text]
    assert (c.quantity.best, c.quantity.low, c.quantity.high, c.quantity.qualifier, c.event_type) == (
        value, value, value, "exact", etype)


@pytest.mark.parametrize("sentence", [
    "He was arrested on Tuesday.",          # a pronoun refers to someone already counted
    "The victims were taken to hospital.",  # a plural without a number has no size
    "No one was injured in the blast.",     # no one is no count
    "Neither driver was hurt.",
])
def test_no_implicit_count_without_a_definite_participant(sentence):
    assert [c for c in claims(sentence) if c.kind == "count"] == []


def test_numbered_conjuncts_are_parts_of_the_enumerated_total():
    cs = claims("The driver and two passengers were pronounced dead.")
    total, two = by_text(cs, "The driver and two passengers"), by_text(cs, "two")
    assert two.quantity.part_of == total.id


# ---------------------------------------------------------------- parts and shares

def test_parts_of_a_total_after_a_colon_and_with_including():
    cs = claims("Fifteen people died: 12 men and 3 women.")
    total = by_text(cs, "Fifteen")
    assert [by_text(cs, t).quantity.part_of for t in ("12", "3")] == [total.id, total.id]
    cs = claims("Police detained 23 protesters, including four minors.")
    four = by_text(cs, "four")
    assert (four.quantity.part_of, four.event_type) == (by_text(cs, "23").id, "detention")


def test_including_hung_from_another_word_of_the_clause_is_a_part_of_the_count_before_it():
    cs = claims("Over 5,000 people have fled into Poland since Monday, including about 1,200 children.")
    part = by_text(cs, "about 1,200")
    assert (part.quantity.part_of, part.event_type) == (by_text(cs, "Over 5,000").id, by_text(cs, "Over 5,000").event_type)


def test_a_one_person_member_of_a_list_after_a_colon_counts_towards_its_total():
    cs = claims("The rescuers spoke of three dead: a child and two women.")
    two = by_text(cs, "two")
    assert (two.quantity.part_of, two.event_type) == (by_text(cs, "three").id, "death")
    cs = claims("Twelve people drowned: 10 men and 2 women, a police spokesman said.")
    assert by_text(cs, "2").quantity.part_of == by_text(cs, "Twelve").id


def test_a_definite_partitive_is_a_part_of_the_total_of_its_noun():
    cs = claims("As of Sunday, 248,901 migrants had crossed the jungle. More than 100,000 of the migrants were Venezuelans.")
    assert by_text(cs, "More than 100,000").quantity.part_of == by_text(cs, "248,901").id
    cs = claims("Five soldiers died in the attack. Two of the soldiers were officers.")
    assert by_text(cs, "Two").quantity.part_of == by_text(cs, "Five").id
    # another noun, or an "of" phrase with its own figure, is not a part of that total
    cs = claims("Five soldiers died in the attack. Two of the civilians were injured.")
    assert by_text(cs, "Two").quantity.part_of is None
    cs = claims("Twelve migrants died. Two of the 40 migrants were children.")
    assert by_text(cs, "Two").quantity.part_of != by_text(cs, "Twelve").id



def test_a_partitive_of_the_set_an_event_counted_is_a_part_of_its_latest_total():
    # "of the injured" / "of the dead": a participle or adjective used as a noun names the set the
    # earlier count of that event counted, whatever noun that count used ("18 others")
    cs = claims("A blast at a chemical plant killed two people and injured 30 others. "
                "The governor said nine of the injured were students.")
    nine = by_text(cs, "nine")
    assert (nine.event_type, nine.quantity.part_of) == ("injury", by_text(cs, "30").id)
    cs = claims("Six workers died in the collapse. Four of the dead were foreign nationals, the mayor said.")
    assert by_text(cs, "Four").quantity.part_of == by_text(cs, "Six").id
    # a larger figure is no part of a smaller total
    cs = claims("Three people were injured. Police said 12 of the injured were taken to hospital.")
    assert by_text(cs, "12").quantity.part_of is None


def test_among_them_makes_a_part_of_the_count_before_it():
    cs = claims("Border guards detained 41 people on Monday, among them six women.")
    six = by_text(cs, "six")
    assert (six.quantity.part_of, six.event_type) == (by_text(cs, "41").id, "detention")
    cs = claims("Border guards detained 41 people on Monday, among them six alleged traffickers.")
    assert by_text(cs, "six").quantity.part_of == by_text(cs, "41").id

def test_shares_of_a_stated_total():
    cs = claims("Officials said 400 migrants crossed the border this week, and 21% of those crossing were children.")
    share = next(c for c in cs if c.kind == "count" and c.quantity.text.startswith("21%"))
    assert (share.quantity.best, share.quantity.qualifier, share.event_type) == (84, "exact", "border_crossing")
    assert share.quantity.part_of == by_text(cs, "400").id
    cs = claims("Police detained 30 people on Friday. Half of them were later released.")
    half = next(c for c in cs if c.kind == "count" and c.quantity.text.lower().startswith("half"))
    assert (half.quantity.best, half.quantity.part_of) == (15, by_text(cs, "30").id)


def test_a_share_of_a_generic_set_is_no_count():
    assert counts("Half of migrants say they would cross again.") == []


# ---------------------------------------------------------------- legal frames and penalties

def test_legal_frames_keep_the_offence_type():
    (c,) = claims("The court convicted him of people smuggling.")
    assert (c.kind, c.event_type, c.offence) == ("event", "legal_action", "smuggling")
    (c,) = [c for c in claims("Prosecutors opened criminal cases of desertion against 120 soldiers.") if c.kind == "count"]
    assert (c.quantity.best, c.event_type, c.offence) == (120, "legal_action", "desertion")


@pytest.mark.parametrize("sentence", [
    "Proceedings have been initiated against the captain for organising the illegal crossing of the border.",
    "A criminal case was opened against the two drivers for smuggling migrants across the border.",
])
def test_an_offence_phrase_makes_no_claims_of_its_own(sentence):
    """SPEC §2 ``offence``: what a legal action is for is a field of its claim, not an event or claim."""
    cs = claims(sentence)
    assert [c.event_type for c in cs] == ["legal_action"] and cs[0].offence == "smuggling"


def test_people_detained_while_crossing_are_one_detention():
    cs = claims("Border guards detained a bus carrying 23 men who were trying to cross the border illegally.")
    assert [(c.kind, c.event_type) for c in cs] == [("count", "detention")]


@pytest.mark.parametrize("sentence,text,unit", [
    ("The camp holds migrants from dozens of countries.", "dozens", "countries"),
    ("Thousands of migrants from dozens of countries crossed the jungle.", "dozens", "countries"),
    ("Thousands of migrants from dozens of countries crossed the jungle.", "Thousands", "migrants"),
    ("Police detained refugees of 12 nationalities at the station.", "12", "nationalities"),
])
def test_a_vague_magnitude_counts_the_noun_it_modifies(sentence, text, unit):
    """"migrants from dozens of countries": the magnitude counts the countries, not the migrants."""
    assert by_text(claims(sentence), text).quantity.unit == unit


def test_a_state_accusing_another_reports_the_offence_not_a_legal_action():
    types = {c.event_type for c in claims("Lithuania accused Belarusian guards of illegally crossing the border.")}
    assert "legal_action" not in types and "border_crossing" in types


@pytest.mark.parametrize("sentence,text,best,unit,qualifier", [
    ("The gang leader was sentenced to nine years in prison for drug trafficking.", "nine", 9, "years", "exact"),
    ("She received a suspended sentence of eight months.", "eight", 8, "months", "exact"),
    ("He faces up to 10 years in prison if convicted.", "up to 10", 10, "years", "at_most"),
])
def test_prison_terms_are_counts(sentence, text, best, unit, qualifier):
    c = by_text(claims(sentence), text)
    assert (c.quantity.best, c.quantity.unit, c.quantity.qualifier, c.event_type) == (best, unit, qualifier, "legal_action")


def test_a_duration_that_is_no_penalty_is_no_count():
    assert counts("The search lasted three days.") == []


# ---------------------------------------------------------------- forced return, searches, several events

def test_forced_return_is_deportation_and_a_voluntary_return_a_crossing():
    assert counts("Two Afghans were turned back at the border.") == [("Two", 2, "deportation")]
    assert [c.event_type for c in claims("Romanian police returned the men to Ukraine.")] == ["deportation"]
    assert [c.event_type for c in claims("She returned to Poland in May.")] == ["border_crossing"]


def test_a_search_for_missing_people_is_missing():
    assert [c.event_type for c in claims("Officials said the search for the missing crew continued on Monday.")] == ["missing"]


def test_a_sentence_yields_every_event_it_reports():
    assert sorted(c.event_type for c in claims("The men were detained and deported to Albania.")) == ["deportation", "detention"]


# ---------------------------------------------------------------- numbers that name or measure

@pytest.mark.parametrize("sentence", [
    "The shooting happened in the 2700 block of Fondren Road.",
    "Anyone with information should call 911 or 555-0142.",
    "Photo 3 of 16: The scene on Sunday.",
    "He was charged with two counts of assault.",
    "The 34-year-old lived at 14 Market Square.",
    "Rita Alvarez, 61, said she heard the blast.",
    "The top 10 regions were listed in the report.",
    "Quote reference 2300411 when calling.",
    "Residents were told to call 911 or 112 in an emergency.",     # every number of the list dialled
    "Dial 999, 112 or 101 if you see anything, police said.",
    "Tips may be shared on the toll-free hotline 999, 911 or 112, the agency said.",  # a list after a line's noun
    "Fans can reach the club on the helpline 0800 100 or 0800 200 for refunds.",
    "The winner, Ann Park, 29, finished in 2 hours 31 minutes.",     # an age beside a name set beside a role
    "The club's founder, Li Wei, 52, opened the stadium.",
    "The youngest of the released is 20 years old, the oldest is 61.",  # the one of a set picked out by age
    "The eldest of the victims was 83, the coroner said.",
    'Gunmen of the "400 Mawozo" gang blocked the road on Sunday.',   # a figure opening a quoted name
    'The "5 Seconds of Summer" concert was cancelled.',
    "Residents can report to the police on 18555 or 191.",          # a line a verb of contacting reaches
    "Fans should contact the club's box office at 0161 868 8000, the club said.",
    "Passengers can reach the airline on 1122 for refunds.",
])
def test_numbers_that_name_things_are_not_counts(sentence):
    assert counts(sentence) == []


@pytest.mark.parametrize("sentence,count", [
    ("A passer-by dialled 999 and 2 injured men were taken to hospital.", "2"),
    ("Neighbours called 911 and 30 firefighters responded to the blaze.", "30"),
])
def test_a_number_conjoined_to_a_dialled_one_that_heads_a_noun_is_a_count(sentence, count):
    assert [c.quantity.text for c in claims(sentence) if c.quantity] == [count]


@pytest.mark.parametrize("sentence,count", [
    ('Police said "300 people" had gathered outside.', "300"),                 # a quoted count
    ('The "18 Rohingya" were later released, police said.', "18"),
    ('The headline read "12 Dead in Lagos Blast" on Monday.', "12"),
    ("The death toll was put at 191 by the health ministry.", "191"),
    ("Locals reported the smell to the council on 300 occasions, the inspector said.", "300"),
])
def test_a_quoted_figure_or_one_after_on_or_at_that_names_nothing_stays_a_count(sentence, count):
    assert [c.quantity.text for c in claims(sentence) if c.quantity] == [count]


def test_a_count_after_a_dialled_number_list_stays_a_count():
    assert [c.quantity.text for c in claims("Twelve people were hurt in the crash; witnesses should call 911 or 112.") if c.quantity] == ["Twelve"]


def test_among_the_dead_is_a_part_of_the_death_toll_stated_before():
    cs = claims("Four people were killed in the crash on Friday. Among the dead was a 15-year-old girl. "
                "The dead included two brothers.")
    four = by_text(cs, "Four")
    assert [(c.quantity.text, c.quantity.best, c.event_type, c.quantity.part_of) for c in cs if c is not four
            and c.kind == "count"] == [("a 15-year-old girl", 1, "death", four.id), ("two", 2, "death", four.id)]


def test_what_defendants_are_involved_in_is_their_offence():
    cs = claims("The two defendants involved in organising the smuggling face criminal liability.")
    assert {c.event_type for c in cs} == {"legal_action"}


@pytest.mark.parametrize("sentence,money", [
    ("Smugglers took 5,000 roubles from each of the 20 men who crossed.", "roubles"),
    ("Smugglers took 900 dinars from each of the 20 men who crossed.", "dinars"),
])
def test_a_sum_of_money_is_no_actor(sentence, money):
    """Any currency of the unit lexicon, in any written form, is what was paid, not who acted."""
    cs = claims(sentence)
    assert cs and not any(money in a.text for c in cs for a in c.actors)



@pytest.mark.parametrize("text", [
    "Police are investigating the murder of Maria Ortiz, a 34-year-old journalist, who was shot on Friday.",
    "Fans mourned the death of Tomas Berg, a 52-year-old coach, who was hit by a car on Sunday.",
])
def test_a_person_named_and_described_is_counted_once(text):
    assert [(c.quantity.best, c.event_type) for c in claims(text) if c.quantity] == [(1, "death")]
