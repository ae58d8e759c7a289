"""A line break ends a sentence before the parser runs: no dependency arc crosses it, so a
headline without a full stop is not parsed into the report's first sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimwatch
from claimwatch.extract.pipeline import get_pipeline, paragraphs_of, segment

REPORTS = [
    "Two Fishermen Missing After Boat Capsizes Off Lagos Coast\n\n"
    "A 52-year-old fisherman was rescued by navy divers on Sunday. Two others remain missing.",
    "Protesters Clash With Police in Downtown Lima\n"
    "A student was detained by officers during the march, witnesses said.",
    "Hospital Worker Arrested Over Stolen Drugs\n\nA nurse was arrested by police on Friday.",
]


@pytest.mark.parametrize("text", REPORTS)
def test_no_dependency_crosses_a_line_break(text):
    doc = get_pipeline().analyse(text).doc
    for tok in doc:
        lo, hi = sorted((tok.idx, tok.head.idx))
        assert "\n" not in text[lo:hi], f"{tok.text!r} -> {tok.head.text!r} crosses a line break"


def test_the_first_sentence_keeps_its_own_subject_after_a_headline():
    text = REPORTS[2]
    article = claimwatch.extract(text, published="2025-02-07")
    body = text.index("A nurse")
    counts = [c for c in article.claims if c.quantity is not None and c.span[0] >= body]
    assert [(c.event_type, c.quantity.text, c.quantity.best) for c in counts] == [("detention", "A nurse", 1)]


DATELINED = [
    "Madrid (AFP) — Fifteen migrants drowned when their wooden boat capsized off Gran Canaria on Sunday, "
    "Spain's maritime rescue service said.\n\nThe dead were 12 men and three women, the service said.",
    "KYIV, March 3 (Reuters) - Two people were killed in a drone strike on Monday, officials said.",
    "LAGOS — A fisherman drowned on Sunday, the navy said.",
    # a number word opening the sentence is not cut off into a sentence of its own ("... May 12 - Three | people")
    "BUJUMBURA, Burundi, May 12 - Three people were killed when attackers threw grenades at a bus station on "
    "Sunday evening, police said.",
    "LIMA, Peru, Oct 3 - Twelve miners died when a tunnel collapsed on Thursday, officials said.",
]


@pytest.mark.parametrize("text", DATELINED)
def test_a_dateline_is_parsed_apart_but_stays_in_its_sentence(text):
    analysis = get_pipeline().analyse(text, "2025-06-02")
    first = analysis.sentences[0]
    assert first[0] == 0 and analysis.text[first[0]:first[1]].endswith("said.")
    dash = next(i for i, ch in enumerate(text) if ch in "—-" and text[i - 1] == " ")
    for tok in analysis.doc:  # no dependency joins the dateline to the sentence after it
        lo, hi = sorted((tok.idx, tok.head.idx))
        assert not (lo < dash < hi), f"{tok.text!r} -> {tok.head.text!r} crosses the dateline"


def test_a_dash_inside_a_sentence_is_no_dateline():
    analysis = get_pipeline().analyse("The boat — a wooden one — sank off Lampedusa on Sunday.")
    assert len(analysis.sentences) == 1
    assert len(list(analysis.doc.sents)) == 1



@pytest.mark.parametrize("text, inside", [
    ("This was stated by the spokesman for the border service, Andriy Demchenko, Censor.NET reports citing "
     "Radio Liberty. Police said 5 people were detained.", "Censor.NET"),
    ("The ministry published the list on gov.ua on Monday. Police said 5 people were detained.", "gov.ua"),
])
def test_a_sentence_never_ends_at_a_full_stop_glued_to_the_next_word(text, inside):
    # spaCy cuts "Censor.NET" after the stop: the rest ("NET reports ...") became a sentence of its own
    analysis = get_pipeline().analyse(text, "2025-06-02")
    sentences = [analysis.text[a:b] for a, b in analysis.sentences]
    assert len(sentences) == 2 and inside in sentences[0] and sentences[1].startswith("Police said"), sentences


def test_a_sentence_never_starts_with_a_comma():
    # spaCy cut "Details: Over six months" from ", more than 14 million people visited ..."
    text = ("1,250 soldiers have already contacted the hotline, stating their intention to surrender.\n\n"
            "Source: Coordination Headquarters for the Treatment of Prisoners of War\n\n"
            "Details: Over six months, more than 14 million people visited the website.")
    analysis = get_pipeline().analyse(text, "2023-03-03")
    sentences = [analysis.text[a:b] for a, b in analysis.sentences]
    assert sentences[-1] == "Details: Over six months, more than 14 million people visited the website.", sentences
    assert not any(s[0] in ",;" for s in sentences)


def test_a_sentence_never_ends_at_a_comma():
    # in a police blotter spaCy cut a bullet line after "ages 24 and 31,": the subject lost its verb and its day
    text = (Path(__file__).parents[1] / "data" / "heldout" / "articles" / "k15_police_blotter.txt").read_text("utf-8")
    analysis = get_pipeline().analyse(text, "2026-04-09")
    sentences = [analysis.text[a:b] for a, b in analysis.sentences]
    assert not any(s.endswith(",") for s in sentences), [s for s in sentences if s.endswith(",")]
    assert any("Two men, ages 24 and 31, were arrested" in s for s in sentences)


# A footnote marker after a full stop closes its sentence: the next sentence's subject is its own
# source, not glued to the name before the marker into one.
FOOTNOTED = [
    ("Quarterly revenue rose 12%, according to Harlow Analytics.² Shareholders said 300 jobs had been cut.",
     "300", "Shareholders"),
    ("The survey was run by the Alpine Glacier Trust.¹⁴ Rangers said 45 hikers had been rescued on the ridge.",
     "45", "Rangers"),
    ("The ruling was reported by Courtwatch.³ Lawyers said 19 defendants had been acquitted.", "19", "Lawyers"),
]


@pytest.mark.parametrize("text, figure, speaker", FOOTNOTED)
def test_a_footnote_marker_after_a_full_stop_ends_the_sentence(text, figure, speaker):
    analysis = get_pipeline().analyse(text, published="2026-03-10")
    assert any(b == text.index(" ", text.index(".")) for _, b in analysis.sentences)   # after the marker
    article = claimwatch.extract(text, published="2026-03-10")
    count = next(c for c in article.claims if c.quantity is not None and c.quantity.text == figure)
    assert count.source.name == speaker


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab. \t\r\n\u00a0")), max_size=40))
def test_paragraphs_and_sentences_are_trimmed_of_outer_whitespace(text):
    # every paragraph and sentence span is non-empty, trimmed, and together they keep every visible character
    paras = paragraphs_of(text)
    for spans in (paras, segment(get_pipeline().nlp(text), paras, text) if text else []):
        assert all(e > s and not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)
        covered = {i for s, e in spans for i in range(s, e)}
        assert all(i in covered for i, ch in enumerate(text) if not ch.isspace()), spans


def test_a_sentence_never_ends_at_a_word_before_a_lower_case_one():
    # the parser cut a long lead inside a place name ("Mato Grosso | do Sul, on Tuesday (17)."): the day
    # was left in a sentence of its own, away from the figure it dates
    from claimwatch.extract.pipeline import _join_glued
    text = "Inspectors closed 12 clinics in Campo Grande, in Mato Grosso do Sul, on Tuesday (17). Two were fined."
    cut = text.index(" do Sul")
    first_end = text.index("(17).") + 5
    spans = [(0, cut), (cut + 1, first_end), (first_end + 1, len(text))]
    assert _join_glued(spans, text) == [(0, first_end), (first_end + 1, len(text))]
    # a new sentence after a full stop, or one that starts with a capital, stays apart
    fine = "The river rose. Crews worked all night"
    assert _join_glued([(0, 15), (16, len(fine))], fine) == [(0, 15), (16, len(fine))]
