"""Issue 11: what each number counts, on reports from other domains than migration.

The casualty corpus (tests/data/casualties/, README there) holds 51 short local-news reports —
shootings, stabbings, bombings, road and industrial accidents, floods, storms, fires, police
raids, protests, a building collapse — with the killed / injured / detained figures a coder
records and the numbers in them that name or measure something else. It was written before the
linker was developed and is not used to develop it.

* the figures (:func:`claimwatch.extract.figures.report_figures`) are exact for at least 85 % of
  the reports, per figure;
* no count ever takes its figure from a number that names or measures something (an address,
  an age, a phone or gallery number, a legal count ...), and no count of a casualty or a
  detention comes from a reward, bail, a sum, a duration or a count of other things;
* metamorphic: inserting address, reward, phone, age or gallery sentences anywhere between the
  paragraphs of any report, or at the end of one of its paragraphs, changes none of its figures.
"""

from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casualty_corpus import FIGURES, load_reports, violations
from claimwatch.extract import extract
from claimwatch.extract.figures import report_figures
from claimwatch.model import check_spans

REPORTS = load_reports()
MIN_EXACT = 0.85


@lru_cache(maxsize=None)
def _article(text: str):
    return extract(text, validate=False)


def test_the_corpus_is_what_the_issue_asks_for():
    assert len(REPORTS) >= 40
    domains = {r.domain for r in REPORTS}
    assert {"shooting", "bombing", "road", "industrial", "flood", "raid", "protest"} <= domains
    kinds = {d.kind for r in REPORTS for d in r.distractors}
    assert {"address", "reward", "age", "gallery", "phone", "legal_count"} <= kinds
    assert sum(1 for r in REPORTS if any(r.gold.values())) >= 40


@pytest.mark.parametrize("figure", FIGURES)
def test_figures_are_exact_for_most_reports(figure):
    wrong = []
    for rep in REPORTS:
        got = report_figures(_article(rep.text).claims).as_dict()[figure]
        if got != rep.gold[figure]:
            wrong.append(f"{rep.id}: {figure} {got} (gold {rep.gold[figure]})")
    exact = 1 - len(wrong) / len(REPORTS)
    assert exact >= MIN_EXACT, f"{figure} exact for {exact:.3f} of the reports:\n" + "\n".join(wrong)


def test_no_count_comes_from_a_number_that_is_not_a_participant():
    bad = [v for rep in REPORTS for v in violations(_article(rep.text), rep)]
    assert bad == []


def test_every_span_slices_the_report():
    for rep in REPORTS:
        art = _article(rep.text)
        assert check_spans(art) == [], rep.id


# Sentences of the kinds local news adds around an incident; written for this test, not taken
# from the corpus. None reports an event or counts anyone.
INSERTS = {
    "address": [
        "The call came from a house in the 4300 block of West Pine Street.",
        "Officers were sent to 1187 Harmon Avenue shortly after the first report.",
        "The building, at No. 62 Station Road, has been sealed off.",
    ],
    "reward": [
        "Crime Stoppers is offering a reward of up to $7,500 for information.",
        "A $25,000 reward has been posted by the city council.",
        "The family has put up a reward of £10,000.",
    ],
    "phone": [
        "Anyone with information is asked to call detectives at 555-0143.",
        "Tips can be left anonymously at 1-800-222-8477 or by dialling 999.",
        "Witnesses should call 101 and quote the incident number.",
    ],
    "age": [
        "Neighbours said the 52-year-old had lived on the street for years.",
        "The youngest of the family, aged 7, was staying with relatives.",
        "Rita Alvarez, 61, who lives nearby, said she heard a loud noise.",
    ],
    "gallery": [
        "Photo 3 of 16: The scene on Sunday morning.",
        "VIEW GALLERY: 21 photos from the scene.",
        "Image 2/9: Investigators gather evidence.",
    ],
}


def _paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def _insert(text: str, sentence: str, where: int, own_paragraph: bool) -> str:
    paras = _paragraphs(text)
    k = where % (len(paras) + (1 if own_paragraph else 0))
    if own_paragraph:
        paras.insert(k, sentence)
    else:
        paras[k] = paras[k].rstrip() + " " + sentence
    return "\n\n".join(paras)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(REPORTS),
    st.sampled_from(sorted(INSERTS)),
    st.integers(0, 2),
    st.integers(0, 20),
    st.booleans(),
)
def test_inserting_non_participant_numbers_changes_no_figure(rep, kind, which, where, own_paragraph):
    sentence = INSERTS[kind][which]
    before = report_figures(_article(rep.text).claims)
    text = _insert(rep.text, sentence, where, own_paragraph)
    after_article = extract(text, validate=False)
    assert report_figures(after_article.claims) == before, (rep.id, kind, sentence)
    assert check_spans(after_article) == []
