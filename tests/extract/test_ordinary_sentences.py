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


def _times(text: str) -> list[str | None]:
    article = extract(text, published="2025-03-12", validate=False)
    return [(c.to_dict().get("time") or {}).get("text") for c in article.claims]


def test_a_general_statement_in_the_simple_present_holds_no_time_but_an_ongoing_event_does():
    assert _times("The 14th Amendment guarantees equal protection, the justices said.") == [None]
    assert _times("The drug lowers blood pressure in most adults, the researchers said.") == [None]
    assert _times("A search for the missing fishermen continues, the coast guard said.") == ["continues"]
    assert _times("Rescuers are still searching the rubble, the mayor said.") == ["are"]
