"""A label before a colon opening a sentence ("Editor's note:", "Translator's note:", "Update:")
names no one: the speaker is who the words after it name; two statements side by side across a
semicolon each keep their own speaker (SPEC §2 source)."""

from __future__ import annotations

import pytest

from claim_checks import checked_extractor, count_claim


@pytest.fixture(scope="module")
def extract(nlp):
    return checked_extractor(nlp, "2026-02-10")


@pytest.mark.parametrize("text,quantity,speaker", [
    ("The club confirmed that the stand was evacuated on Saturday.\n\n(Editor's note: the city's fire chief, in "
     "an interview with local radio on Sunday, gave a figure of 14 injured and said that 2 were in a serious "
     "condition.)", "14", "the city's fire chief"),
    ("The club confirmed that the stand was evacuated on Saturday.\n\n(Editor's note: the city's fire chief, in "
     "an interview with local radio on Sunday, gave a figure of 14 injured and said that 2 were in a serious "
     "condition.)", "2", "the city's fire chief"),
    ("The bishop's letter was read out on Sunday.\n\n(Translator's note: the regional governor, in a statement "
     "broadcast on Monday evening, gave a toll of 11 dead and 7 wounded.)", "11", "the regional governor"),
])
def test_a_notes_label_is_no_speaker(extract, text, quantity, speaker):
    c = count_claim(extract(text), quantity)
    assert c.source.name == speaker
    assert text[c.source.span[0]:c.source.span[1]] == speaker



@pytest.mark.parametrize("text,quantity,speaker", [
    ("The club said 3 players had been injured; a medical review found 2 of them would miss the final.",
     "3", "The club"),
    ("Researchers said 40 patients had improved; a follow-up study found that 12 relapsed.", "40", "Researchers"),
    ("The minister said the company had cut 200 jobs; analysts said 50 more would go.", "200", "The minister"),
    ("The minister said the company had cut 200 jobs; analysts said 50 more would go.", "50", "analysts"),
])
def test_statements_side_by_side_across_a_semicolon(extract, text, quantity, speaker):
    """The parse may hang the first statement under the second's verb: each keeps its own speaker."""
    assert count_claim(extract(text), quantity).source.name == speaker
