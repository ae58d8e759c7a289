"""The report's opening layout: one headline test, strict before the lead, looser before a dateline."""

from __future__ import annotations

import pytest

from claimwatch.extract.layout import LEAD_HEADLINE_WORDS, SENTENCE_END, headline
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
