"""Numbers that count people and numbers that do not, by the structure around them: rate bases and
rate values, labels predicated of a naming noun, ranges of labels, ages beside a named relative,
and the Indian scales. Each sentence written for the test, in several domains."""

from __future__ import annotations

from functools import lru_cache

from claimwatch.extract import extract


@lru_cache(maxsize=None)
def _counts(text: str) -> list[tuple[str, float | None]]:
    article = extract(text, published="2024-05-20", validate=False)
    return [(c.quantity.text, c.quantity.best) for c in article.claims if c.quantity is not None]


def test_the_base_and_the_values_of_a_rate_count_nothing():
    assert _counts("Per 100,000 crossings, the recorded death rate rose from 16 in 2023 to 58 in 2024.") == []
    assert _counts("The infection rate was 12 per 1,000 patients last winter.") == []
    # a toll is a count of the dead, not a rate
    assert [t for t, _ in _counts("The death toll rose from 16 to 58 on Monday.")] == ["16", "58"]


def test_a_figure_predicated_of_a_naming_noun_names_it():
    assert _counts("The coast guard's emergency number is 108.") == []
    assert _counts("The number of dead is 14, police said.") == [("14", 14)]
    assert _counts("A year earlier the figure was 3,715 deportations, the ministry said.")[0][1] == 3715


def test_a_plural_naming_noun_before_a_range_names_the_things_it_spans():
    assert [t for t, _ in _counts("About 300 residents, including houses 14 to 38 on Mill Street, were evacuated.")] \
        == ["About 300"]
    assert [t for t, _ in _counts("The shelter houses 14 to 38 people a night, the charity said.")] == ["14 to 38"]


def test_numbered_charges_sectors_and_gates_are_names():
    assert _counts("The court convicted him on count 1 and acquitted 3 co-defendants; he was cleared on counts "
                   "2 and 5.") == [("3", 3)]
    assert _counts("Count 3 was dropped. The jury convicted 4 men.") == [("4", 4)]
    assert _counts("The club must close sectors 112 and 114, and 9 stewards were injured.") == [("9", 9)]
    assert _counts("Gates 3 and 7 were closed and 40 fans were hurt, police said.") == [("40", 40)]
    # people numbered so, and two counts of people after a verb, still count
    assert _counts("Officers 4 and 9 were injured, police said.") == [("4", 4), ("9", 9)]
    assert _counts("The shelter houses 40 and 60 people a night.") == [("40", 40), ("60", 60)]


def test_the_value_of_a_line_or_a_counter_label_is_no_count():
    assert _counts("Posted: 2026.11.07 14:20 | Views: 3,482\n\nThe bus crash killed 12 people, police said.") == [
        ("12", 12)]
    assert _counts("Likes: 1,204 | Comments: 310\nThe fire killed 4 people.") == [("4", 4)]
    assert _counts("Emergency telephone: 112.\nThe fire killed 4 people.") == [("4", 4)]
    assert _counts("The video of the crash that killed 12 people drew 3,482 views and 200 shares, police "
                   "said.") == [("12", 12)]
    # a tally's labels, and a figure of a noun after a label, still count
    assert _counts("Deaths: 9\nArrests: 12") == [("9", 9), ("12", 12)]
    assert _counts("The levee broke at noon. Morning figure: 4 dead. Evening figure: 18 dead.") == [
        ("4", 4), ("18", 18)]


def test_the_age_of_one_person_in_a_relative_clause_or_spoken_to_is_no_count():
    assert _counts("One of the survivors, who was 16 at the time, describes holding his cousin's hand as 30 "
                   "people drowned.") == [("30", 30)]
    assert _counts("Smith, who was 19 when he debuted, scored twice as 40,000 fans watched.") == [("40,000", 40000)]
    assert _counts("6. Mr Hoxha, you are 41. You were the organiser. The sentence is 17 years' imprisonment.") == [
        ("17", 17)]
    # a group's size and people in the plural still count
    assert _counts("Coach: You are 12 in the squad and 3 of you are injured.") == [("12", 12), ("3", 3)]
    assert [t for t, _ in _counts("The crowd, which was 3,000 strong, dispersed after police arrested 16 "
                                  "people.")] == ["3,000", "16"]


def test_an_age_beside_a_named_relative_is_no_count():
    assert _counts("His mother, Grace, 61, said the family would appeal.") == []
    assert [t for t, _ in _counts("Their coach, Pep, 52, praised the 11 players.")] == ["11"]


def test_a_kilometre_marker_names_a_place_on_the_road():
    assert [t for t, _ in _counts("A bus hit a mine at kilometre marker 14, killing 11 passengers.")] == ["11"]


def test_lakh_and_crore_multiply_the_figure():
    assert _counts("Floods have displaced over 4.2 lakh people in 12 districts.")[0] == ("over 4.2 lakh", 420_000)


def _times(text: str) -> list[tuple[str, str | None]]:
    article = extract(text, published="2024-05-20", validate=False)
    return [(c.quantity.text, c.time.start if c.time else None) for c in article.claims if c.quantity is not None]


def test_each_figure_takes_the_time_phrase_right_after_it():
    assert _times("The agency recorded 290 deaths in 2022 and 174 in 2023.") == [
        ("290", "2022-01-01"), ("174", "2023-01-01")]
    assert _times("The club sold 300 tickets in 2021 and 200 in 2023, the manager said.") == [
        ("300", "2021-01-01"), ("200", "2023-01-01")]
    assert _times("Fourteen bodies were recovered on Thursday and three more on Friday, police said.") == [
        ("Fourteen", "2024-05-16"), ("three", "2024-05-17")]


def test_a_participle_on_the_first_figure_of_a_line_is_its_own_event():
    article = extract("An IED hit a bus near the town. 11 passengers killed, 7 injured.", published="2024-05-20",
                      validate=False)
    assert [(c.quantity.text, c.event_type) for c in article.claims if c.quantity] == [
        ("11", "death"), ("7", "injury")]
