"""The held-out corpus (tests/data/heldout/, scorer in tests/heldout_corpus.py): 24 wire reports
from domains the dev set lacks, with the claims a coder records, written before the product was
run on them. The floors are the figures measured after the fixes (docs/evaluation.md, "Held-out
reports from other domains"): a regression on any field fails. The second corpus (core_gold.json:
20 reports in the core users' domains, conflict, migration routes, rights monitoring) has its own
floors, measured after the fixes made on it. The third (fresh2_gold.json: 16 reports in the same domains, written
blind to the product's rules) had floors measured before any fix was made against it; they are now those measured
after the counts and event types fixed on it (its figures are development figures since)."""

from __future__ import annotations

from functools import lru_cache

import pytest

from claimwatch.extract import extract
from claimwatch.model import check_spans
from heldout_corpus import FIELDS, Tally, load_reports, run

#: right answers per field (of the gold fields matched), measured
FLOORS = {"value": 91, "event_type": 82, "source_type": 73, "source_name": 76, "certainty": 27, "time": 47,
          "place": 36}
MIN_FOUND = 91          # gold counts matched by a predicted count (of 91)
MAX_FALSE_COUNTS = 1    # ages, years, addresses, phone / plate / flight numbers, measures taken as counts


@lru_cache(maxsize=1)
def _tally() -> Tally:
    return run()


def test_the_corpus_is_what_it_says():
    reports = load_reports()
    assert len(reports) == 24
    assert sum(len(r.claims) for r in reports) == 91
    assert sum(len(r.traps) for r in reports) >= 60
    for r in reports:
        words = len(r.text.split())
        assert 130 <= words <= 400, (r.id, words)


def test_every_gold_count_is_found():
    tally = _tally()
    missed = [m for m in tally.mismatches if " MISSED " in m]
    assert tally.found >= MIN_FOUND, "\n".join(missed)


def test_fields_stay_at_their_floors():
    tally = _tally()
    low = {f: f"{tally.right[f]}/{tally.total[f]} (floor {FLOORS[f]})" for f in FIELDS if tally.right[f] < FLOORS[f]}
    assert not low, f"{low}\n" + "\n".join(tally.mismatches)


def test_numbers_that_name_or_measure_are_not_counted():
    tally = _tally()
    assert tally.false_counts <= MAX_FALSE_COUNTS, "\n".join(m for m in tally.mismatches if "FALSE COUNT" in m)


#: the six reports written after the fixes (fresh_gold.json), as measured on them
FRESH_FLOORS = {"value": 25, "event_type": 24, "source_type": 17, "source_name": 16, "certainty": 6, "time": 10,
                "place": 7}


def test_the_fresh_reports_keep_their_figures():
    tally = run(load_reports("fresh_gold.json"))
    assert tally.found >= 25, "\n".join(tally.mismatches)
    low = {f: tally.right[f] for f in FIELDS if tally.right[f] < FRESH_FLOORS[f]}
    assert not low, f"{low}\n" + "\n".join(tally.mismatches)
    assert tally.false_counts <= 1, "\n".join(tally.mismatches)


#: the 20 reports in the core users' domains (core_gold.json), as measured after this round's fixes
CORE_FLOORS = {"value": 132, "event_type": 107, "source_type": 97, "source_name": 109, "certainty": 24, "time": 65,
               "place": 69}


@lru_cache(maxsize=1)
def _core_tally() -> Tally:
    return run(load_reports("core_gold.json"))


def test_the_core_corpus_is_what_it_says():
    reports = load_reports("core_gold.json")
    assert len(reports) == 20
    assert sum(len(r.claims) for r in reports) == 133
    assert sum(len(r.traps) for r in reports) >= 100
    for r in reports:
        assert 150 <= len(r.text.split()) <= 450, r.id


def test_the_core_reports_keep_their_figures():
    tally = _core_tally()
    assert tally.found >= 132, "\n".join(m for m in tally.mismatches if " MISSED " in m)
    low = {f: f"{tally.right[f]}/{tally.total[f]} (floor {CORE_FLOORS[f]})" for f in FIELDS
           if tally.right[f] < CORE_FLOORS[f]}
    assert not low, f"{low}\n" + "\n".join(tally.mismatches)
    assert tally.false_counts <= 8, "\n".join(m for m in tally.mismatches if "FALSE COUNT" in m)


#: the third corpus (fresh2_gold.json: 16 reports in the core users' domains, written blind to the product's rules),
#: as measured after the fixes made against it (docs/evaluation.md: development figures since then)
FRESH2_FLOORS = {"value": 137, "event_type": 109, "source_type": 90, "source_name": 83, "certainty": 17, "time": 54,
                 "place": 52}


@lru_cache(maxsize=1)
def _fresh2_tally() -> Tally:
    return run(load_reports("fresh2_gold.json"))


def test_the_third_corpus_is_what_it_says():
    reports = load_reports("fresh2_gold.json")
    assert len(reports) == 16
    assert sum(len(r.claims) for r in reports) == 141
    assert sum(len(r.traps) for r in reports) >= 100
    for r in reports:
        assert 150 <= len(r.text.split()) <= 450, r.id


def test_the_third_corpus_keeps_its_figures():
    tally = _fresh2_tally()
    assert tally.found >= 137, "\n".join(m for m in tally.mismatches if " MISSED " in m)
    low = {f: f"{tally.right[f]}/{tally.total[f]} (floor {FRESH2_FLOORS[f]})" for f in FIELDS
           if tally.right[f] < FRESH2_FLOORS[f]}
    assert not low, f"{low}\n" + "\n".join(tally.mismatches)
    assert tally.false_counts <= 2, "\n".join(m for m in tally.mismatches if "FALSE COUNT" in m)


@pytest.mark.parametrize("gold_file", ["gold.json", "fresh_gold.json", "core_gold.json", "fresh2_gold.json"])
def test_every_span_slices_the_text(gold_file):
    for report in load_reports(gold_file):
        article = extract(report.text, published=report.published, validate=False)
        assert check_spans(article) == [], report.id
        for claim in article.claims:
            d = claim.to_dict()
            pieces = [(d["text"], d["span"]), (d["source"].get("name"), d["source"].get("span"))]
            pieces += [((d.get("quantity") or {}).get("text"), (d.get("quantity") or {}).get("span"))]
            pieces += [((d.get("time") or {}).get("text"), (d.get("time") or {}).get("span"))]
            pieces += [(p["text"], p["span"]) for p in d["places"]]
            for text, span in pieces:
                if text is not None and span is not None:
                    assert report.text[span[0]:span[1]] == text, (report.id, text, span)
