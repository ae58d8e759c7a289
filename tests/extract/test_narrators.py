"""A first-person account quoted at length after a paragraph that presents its narrator (SPEC §2
Context, §4): the quotation is the narrator's words, not those of the body the paragraph cited
before; a paragraph whose last reporting clause comes after the narrator keeps that speaker."""

from __future__ import annotations

import pytest

from claim_checks import checked_extractor, count_claim


@pytest.fixture(scope="module")
def extract(nlp):
    return checked_extractor(nlp, "2026-02-10")


NURSE = ("Maria Lopez, 41, has worked at the county hospital for 15 years. The hospital says 212 staff were "
         "infected this winter. She spoke to us in the canteen after a night shift.\n\n"
         "\"We had 30 patients on a ward built for 20. I saw four of them die in one night.\n\n"
         "Nobody came to help us. Six of my colleagues quit in January.\"\n\n"
         "The hospital said it had hired 40 extra nurses.")

REFEREE = ("The league said 3 players were sent off in Saturday's match. The referee, Tom Hardy, spoke after "
           "the game.\n\n"
           "\"I showed five yellow cards and two of them were for dissent. We will file a report.\"")


@pytest.mark.parametrize("quantity", ["30", "four", "Six"])
def test_a_quoted_account_is_its_narrators(extract, quantity):
    c = count_claim(extract(NURSE), quantity)
    assert (c.source.name, c.source.quote) == ("Maria Lopez", "direct")
    assert NURSE[c.source.span[0]:c.source.span[1]] == "Maria Lopez"


def test_the_body_cited_before_keeps_its_own_figures(extract):
    a = extract(NURSE)
    assert count_claim(a, "212").source.name == "The hospital"
    assert count_claim(a, "40").source.name == "The hospital"


def test_a_narrator_named_in_apposition(extract):
    c = count_claim(extract(REFEREE), "five")
    assert c.source.name == "Tom Hardy"


def test_a_reporting_clause_after_the_narrator_keeps_the_quote(extract):
    text = ("Ana Ruiz, 30, runs a shelter in the town. She spoke on Monday. The mayor then told reporters "
            "the following.\n\n"
            "\"We have found 12 families a home and I expect 20 more this week.\"")
    c = count_claim(extract(text), "12")
    assert c.source.name != "Ana Ruiz"


def test_an_account_in_the_third_person_is_the_narrators_too(extract):
    text = ("Jon Berg, a fisherman, lost his boat in the storm. Police said 3 boats sank. He spoke briefly at "
            "the harbour.\n\n"
            "\"The coast guard pulled 14 crew members from the water. Nobody helped the others.\"")
    c = count_claim(extract(text), "14")
    assert (c.source.name, c.source.type) == ("Jon Berg", "witness")


@pytest.mark.parametrize("text,narrator", [
    ("Defence lawyer Mark Osei spoke outside the court on Friday. He read out a statement from the prosecution "
     "service.\n\n\"Nine witnesses were never called to give evidence.\"", "Mark Osei"),
    ("Professor Ana Ruiz talked to us in her lab in Porto. On the wall hung a poster with the words of the "
     "2019 survey.\n\n\"Eight of the ten rivers were polluted.\"", "Ana Ruiz"),
    ("Senator Paul Grant spoke in the chamber on Tuesday. His aide, Lisa Monroe, stood beside him.\n\n"
     "\"Fourteen amendments were rejected in committee.\"", "Paul Grant"),
])
def test_a_voice_or_text_brought_in_after_the_narrator_is_no_narrator(extract, text, narrator):
    c = count_claim(extract(text), text.split("\"")[1].split()[0])
    assert c.source.name != narrator


def test_a_narrator_followed_by_a_sentence_of_scene_keeps_the_account(extract):
    text = ("Ellen Park, 52, has trained the team for a decade. She spoke to us after the final whistle. "
            "She looked tired but calm.\n\n\"We lost six games in a row before Christmas.\"")
    assert count_claim(extract(text), "six").source.name == "Ellen Park"


@pytest.mark.parametrize("note", ["Her account has been edited for length.", "Her words were translated from Tagalog."])
def test_the_narrators_own_account_named_after_her_is_no_other_voice(extract, note):
    """A later sentence about the narrator's own account or words ("Her account has been edited") brings in
    no other voice: the quotation stays hers."""
    text = ("Rosa Dizon, 52, ran a bakery on the seafront until the typhoon. The city says 80 shops were lost. "
            f"She talked to us in the evacuation centre. {note}\n\n"
            "\"The water took 12 houses on our street. Three of my neighbours are still missing.\"")
    c = count_claim(extract(text), "12")
    assert c.source.name == "Rosa Dizon"
