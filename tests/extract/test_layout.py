"""The report's opening layout: one headline test, strict before the lead, looser before a dateline;
the dateline patterns, one per question asked of a dateline."""

from __future__ import annotations

import pytest

from claimwatch.extract.layout import (
    DATELINE,
    DATELINE_AGENCY,
    DATELINE_TOWN,
    LEAD_HEADLINE_WORDS,
    OPENING_DATELINE,
    SENTENCE_END,
    headline,
)
from claimwatch.extract.pipeline import paragraphs_of


def _title(text: str) -> tuple[int, int] | None:
    return headline(text, paragraphs_of(text))


def _lead_headline(text: str) -> tuple[int, int] | None:
    return headline(text, paragraphs_of(text), closing=SENTENCE_END, max_chars=None, max_words=LEAD_HEADLINE_WORDS)


def test_a_title_line_is_the_first_paragraph():
    text = "Ready for Trump vs. Clinton?\nWASHINGTON (AP) -- The candidates met on Monday."
    assert _title(text) == (0, len("Ready for Trump vs. Clinton?"))


@pytest.mark.parametrize("text", [
    "Five people died in the fire on Monday.\nKYIV (Reuters) - Rescuers searched the site.",
    "A single line with no paragraph after it",
    "x" * 161 + "\nKYIV (Reuters) - Rescuers searched the site.",
])
def test_a_sentence_a_lone_line_or_a_long_line_is_no_title(text):
    assert _title(text) is None


def test_a_quotation_closing_the_first_line_is_a_title_before_a_dateline_but_may_be_the_lead():
    text = "Mary J. Blige sings in preview clip of ‘The 411.’\nLOS ANGELES, Sept. 28 (UPI) — In a preview..."
    assert _title(text) is not None
    assert _lead_headline(text) is None


def test_a_long_unpunctuated_first_line_is_a_standfirst_not_a_headline():
    standfirst = " ".join(["word"] * (LEAD_HEADLINE_WORDS + 1))
    text = standfirst + "\nThe report follows."
    assert _title(text) is not None
    assert _lead_headline(text) is None
    assert _lead_headline("Boat Capsizes Off Lagos\nTwo fishermen are missing.") == (0, len("Boat Capsizes Off Lagos"))


@pytest.mark.parametrize("opening", ["KYIV, March 3 (Reuters) - ", "GOMA, Democratic Republic of Congo, Sept 2 - ",
                                     "Madrid (AFP) — ", "LONDON -- ", "BERLIN, May 19 (dpa) - ", "EAGLE PASS, Texas -- ",
                                     "RENO, Nev. (AP) — ", "FARGO, N.D. — ",
                                     "Paris, 22 September 2026 - ", "New York, Nov. 3, 2026 — ",
                                     "Kathmandu, October 21 - ", "Colombo, January 19, 2026 (Daily Mirror) - ",
                                     "Lagos, 3 March 2026 (Punch) – "])
def test_a_wire_dateline_is_parsed_apart_and_opens_the_report(opening):
    text = opening + "Five people died."
    assert DATELINE.match(text).end() == len(opening)
    assert OPENING_DATELINE.match(text) is not None


@pytest.mark.parametrize("text", ["Instead, the study -- which notes that 58 companies would", "UK, Germany, France - and Italy",
                                  "STATES FAVOR SMITH, BUT ECONOMY FAVORS JONES - A column", "Smith (left) - the winner",
                                  "Paris, the capital - a city", "Smith, 2026 - the year"])
def test_a_clause_before_a_dash_is_no_dateline_for_the_sentence_splitter(text):
    assert DATELINE.match(text) is None


def test_the_town_in_capitals_opens_any_line():
    text = "City adjusts budget\nTORRINGTON — City officials met.\nBEIRUT (AP) - A blast."
    assert [m.group("name") for m in DATELINE_TOWN.finditer(text)] == ["TORRINGTON", "BEIRUT"]


@pytest.mark.parametrize(("line", "agency"), [("KYIV, March 3 (Reuters) - Ukraine said", "Reuters"),
                                              ("McALLEN, Texas (Border Report) — Authorities said", "Border Report"),
                                              ("WASHINGTON (AP): The FBI said", "AP")])
def test_the_agency_of_a_dateline(line, agency):
    assert DATELINE_AGENCY.match(line).group(1) == agency


def test_a_town_in_capitals_closed_by_a_full_stop_is_a_dateline_but_an_all_capitals_line_is_not():
    text = "Cocoa slump\nACCRA. Cocoa prices fell for a third day.\nNOTE. THE FIGURES ARE PROVISIONAL.\nSAO PAULO. Shares rose."
    assert [m.group("name") for m in DATELINE_TOWN.finditer(text)] == ["ACCRA", "SAO PAULO"]
    assert OPENING_DATELINE.match("DAR ES SALAAM. The ferry sank.").end() == len("DAR ES SALAAM. ")
    assert OPENING_DATELINE.match("U.S. markets fell on Monday.") is None


@pytest.mark.parametrize(("text", "town"), [
    ("Market slump\nBy Staff Writer\n\nACCRA. Cocoa prices fell and 300 farmers protested outside the ministry, "
     "organisers said.", "Accra"),
    ("KAMPALA. Three people were killed on Monday when a bus overturned, police said.", "Kampala"),
])
def test_the_town_of_a_full_stop_dateline_places_a_report_whose_lead_names_none(text, town):
    from claimwatch import extract
    claims = extract(text, published="2026-03-10").claims
    assert claims and all([p.name for p in c.places] == [town] for c in claims)
