"""A label before a colon opening a sentence ("Editor's note:", "Translator's note:", "Update:")
names no one: the speaker is who the words after it name (SPEC §2 source)."""

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

