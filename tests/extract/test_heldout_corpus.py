"""The held-out corpus (tests/data/heldout/, scorer in tests/heldout_corpus.py): 24 wire reports
from domains the dev set lacks, with the claims a coder records, written before the product was
run on them. The floors are the figures measured after the fixes (docs/evaluation.md, "Held-out
reports from other domains"): a regression on any field fails. The second corpus (core_gold.json:
20 reports in the core users' domains, conflict, migration routes, rights monitoring) has its own
floors, measured after the fixes made on it. The third (fresh2_gold.json: 16 reports in the same domains, written
blind to the product's rules) had floors measured before any fix was made against it; they are now those measured
after the counts and event types fixed on it (its figures are development figures since). The fourth
(fresh3_gold.json: 16 reports in new shapes and press styles, written blind) had floors measured before any fix
was made against it (its blind figures); they are now those measured after the fixes made on it. The fifth
(fresh4_gold.json: 16 reports in shapes none of the others has, written blind) had floors at its figures after the
fixes made on the others; fixes have since been made against it, and its floors are the figures measured after them
(its blind figures are in the comment of its row). The sixth (fresh5_gold.json: 16 more reports in new shapes,
written blind) had floors at its figures after the fixes made on fresh4; fixes have since been made against it
(counts, event types, false counts, sources, certainty, time and places), and its floors are the figures measured
after them. The seventh (fresh6_gold.json: 16 more reports in new shapes, written blind) has its blind figures in the
comment of its row, measured on main at 4c05d60 after three traps and two entries' source were corrected against the
SPEC before any fix; its floors are the figures measured after the fixes made since. The eighth (fresh7_gold.json: 16
more reports in new shapes, written blind) has its blind figures in the comment of its row, measured on main at
a10b37a after three gold fields were corrected against the SPEC before any fix; its floors are the figures measured
after the fixes made since. The ninth (fresh8_gold.json: 16 more reports in new shapes, written blind) has its blind
figures in the comment of its row, measured on main at 309405d after four gold fields were corrected against the SPEC
before any fix; its floors are the figures measured after the fixes made since. The tenth (fresh9_gold.json: 16 more
reports in new shapes, written blind) had its floors at its blind figures, measured on main at e450706 after six traps,
one place and two sources were corrected against the SPEC and its own _format before any fix; they are raised to the
figures measured after the fixes made on it (layout and source types: tables' row labels, list headings, posts' header
lines, log day lines, issue dates; places: local sites, lead and dateline places; false counts; ranks written
abbreviated before a name, a later speaker's clause, a clock time after a statement day). The eleventh
(fresh10_gold.json: 16 more reports in new shapes, written blind) has its floors at its blind figures, measured on main
at b303335 after one place was corrected against its own _format before any fix; source type and place are raised
to the figures measured after the fixes made on it (civil titles; roads after the lead, names with particles). The
twelfth (fresh11_gold.json: 16 more reports in new shapes, written blind) has its floors at its blind figures,
measured on main at f42ba63 after three gold sources were corrected against its own _format and the SPEC before any
fix; its false counts are lowered to the figure measured after the fixes made on them (16 -> 0)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import pytest

from claimwatch.extract import extract
from claimwatch.model import check_spans
from heldout_corpus import FIELDS, Tally, load_reports, run


@dataclass(frozen=True)
class Corpus:
    """One held-out gold file, what it holds, and the figures it must keep (right answers per field
    of the gold fields matched, as measured; docs/evaluation.md)."""

    gold_file: str
    reports: int
    counts: int
    min_traps: int
    words: tuple[int, int]        # each report's length in words
    min_found: int                # gold counts matched by a predicted count
    floors: dict[str, int]
    max_false_counts: int         # ages, years, addresses, phone / plate / flight numbers, measures taken as counts


CORPORA = [
    # 24 wire reports of other domains, floors measured after the fixes made on them
    Corpus("gold.json", 24, 91, 60, (130, 400), 91,
           {"value": 91, "event_type": 82, "source_type": 73, "source_name": 76, "certainty": 27, "time": 47,
            "place": 36}, 1),
    # the six reports written after the first corpus' fixes, as measured on them
    Corpus("fresh_gold.json", 6, 25, 16, (130, 400), 25,
           {"value": 25, "event_type": 24, "source_type": 17, "source_name": 16, "certainty": 6, "time": 12,
            "place": 7}, 1),
    # 20 reports in the core users' domains, as measured after the fixes made on them
    Corpus("core_gold.json", 20, 133, 100, (150, 450), 132,
           {"value": 132, "event_type": 107, "source_type": 99, "source_name": 111, "certainty": 24, "time": 65,
            "place": 69}, 6),
    # 16 reports in the same domains written blind to the product's rules, as measured after the fixes
    # made against them (development figures since)
    Corpus("fresh2_gold.json", 16, 141, 100, (150, 450), 140,
           {"value": 140, "event_type": 112, "source_type": 100, "source_name": 89, "certainty": 17, "time": 57,
            "place": 53}, 2),
    # 16 reports in new shapes and press styles written blind to the product's rules (blind figures: 152 found,
    # value 150, event type 94, source type 77, source name 110, time 52, place 45, 7 false counts), as measured
    # after the counts, event types, sources, times and places fixed on them (development figures since)
    Corpus("fresh3_gold.json", 16, 163, 130, (150, 450), 160,
           {"value": 160, "event_type": 126, "source_type": 122, "source_name": 123, "certainty": 15, "time": 60,
            "place": 60}, 3),
    # 16 more reports in shapes none of the others has, written blind to the product's rules (blind figures: 133
    # found, value 131, event type 84, source type 77, source name 90, time 51, place 38, 12 false counts); fixes
    # were made against it since (counts, event types, false counts, time, sources: floors as measured after them)
    # (fxev11: an enumerated set no event befalls is one count, found 137 -> 138, value 136 -> 138, event type
    # 92 -> 93, source type 110 -> 111, source name 114 -> 115, time 62 -> 63, place 41 -> 42)
    Corpus("fresh4_gold.json", 16, 139, 150, (150, 450), 138,
           {"value": 138, "event_type": 94, "source_type": 111, "source_name": 115, "certainty": 13, "time": 64,
            "place": 42}, 3),
    # 16 more reports in shapes none of the others has, written blind to the product's rules (blind figures, on
    # main at 5effd9f after one gold place corrected against the SPEC: source type 60, source name 76, certainty
    # 25, time 47, place 35; after the fixes made on fresh4: 104 found, value 102, event type 55, 11 false counts);
    # fixes were made against it since (counts, event types, false counts, sources, certainty, time, places: floors
    # as measured after them)
    Corpus("fresh5_gold.json", 16, 109, 108, (150, 450), 109,
           {"value": 109, "event_type": 72, "source_type": 86, "source_name": 91, "certainty": 26, "time": 60,
            "place": 47}, 0),
    # 16 more reports in shapes none of the others has, written blind to the product's rules (blind figures, on
    # main at 4c05d60 after three traps and two entries' source were corrected against the SPEC, before any fix:
    # 138 found, value 136, event type 90, source type 88, source name 85, certainty 14, time 63, place 67, 13
    # false counts); fixes were made on fresh5 since, and against fresh6 itself: its sources, time and places,
    # then its counts, event types, false counts and tables (floors as measured after them)
    Corpus("fresh6_gold.json", 16, 142, 200, (150, 450), 141,
           {"value": 141, "event_type": 111, "source_type": 121, "source_name": 114, "certainty": 14, "time": 91,
            "place": 91}, 0),
    # 16 more reports in shapes none of the others has, written blind to the product's rules (blind figures, on
    # main at a10b37a, before any fix; three gold fields were corrected against the SPEC first, from source type
    # 102, source name 97, place 56; blind: event type 94, source type 103, source name 99, time 62, place 57);
    # floors as measured after the fixes made on it since (its sources, the report's frame as place) and the
    # session's other rounds, then the next session's (time, event types, carried places; a daily tally "over
    # the past day": time 76 -> 79)
    Corpus("fresh7_gold.json", 16, 171, 200, (150, 450), 159,
           {"value": 159, "event_type": 104, "source_type": 129, "source_name": 123, "certainty": 6, "time": 79,
            "place": 77}, 1),
    # 16 more reports in shapes none of the others has, written blind to the product's rules (blind figures, on
    # main at 309405d before any fix, after four gold fields were corrected against the SPEC from source type
    # 82/97, source name 62/75, place 48/80: event type 64, time 60, place 51); floors as measured after the
    # fixes made on it since (event types, time, local places, sources of a narrated account, false counts; a
    # list's year lines "2021: 3" no longer read as scores, typed by their heading's head noun)
    Corpus("fresh8_gold.json", 16, 130, 170, (150, 450), 129,
           {"value": 129, "event_type": 82, "source_type": 94, "source_name": 73, "certainty": 4, "time": 86,
            "place": 68}, 1),
    # 16 more reports in shapes none of the others has, written blind to the product's rules (blind figures, on
    # main at e450706 before any fix, after six traps, one place and two sources were corrected against the SPEC
    # and the gold's own _format, from source type 72/98, source name 72/87, place 32/98 and 14 false counts);
    # floors at the blind figures, false counts as measured after the fixes made on them (measures, headings,
    # scale readings, numbered things, short codes, names, labels, ratios: 10 -> 0), the other floors raised after
    # the rounds on counts (log lines' stamps, "11 of them", people undergoing deaths, "of whom", states after an
    # object), on sources and time (abbreviated ranks, a later speaker's clause, a clock time after a statement day)
    # and on places (a part's place, names read whole, states, the gazetteer's supplement: place 68 -> 82), then
    # the round on missed counts (found 109 -> 113: "the third remains missing", people listed after a colon,
    # "a herder grazing goats")
    Corpus("fresh9_gold.json", 16, 114, 190, (150, 450), 113,
           {"value": 113, "event_type": 77, "source_type": 105, "source_name": 87, "certainty": 2, "time": 74,
            "place": 85}, 0),
    # 16 more reports in shapes none of the others has, written blind to the product's rules (blind figures, on
    # main at b303335 before any fix, after one gold place was corrected against its own _format, from place
    # 54/93); floors raised to the figures after the fixes on it (event type 48 -> 49, source type 65 -> 74, time
    # 48 -> 64, place 56 -> 67), then after the round on missed counts (found 100 -> 103: an ordinal standing for
    # one more member, "one with a head wound", a comparison figure "than the 502 recorded"; false counts 1 -> 0), then the session's other rounds on the older corpora
    # (event types 52 -> 57, source type 76 -> 80, source name 66 -> 69, time 65 -> 70, place 68 -> 74)
    Corpus("fresh10_gold.json", 16, 106, 150, (150, 450), 103,
           {"value": 102, "event_type": 57, "source_type": 80, "source_name": 69, "certainty": 2, "time": 71,
            "place": 74}, 0),
    # 16 more reports in shapes none of the others has, written blind to the product's rules (blind figures, on
    # main at f42ba63 before any fix, after three gold sources were corrected against its own _format and SPEC 2,
    # from source type 56/77, source name 51/66); floors at the blind figures, false counts as measured after the
    # fixes made on them (clock times and phones without separators, units and compass bearings, charge counts,
    # sectors, labels' values, ages of one person, a fine's sum: 16 -> 0); place 55 -> 56 after the rounds on the
    # older corpora (the one item the seven rounds written without it moved: a departure's place, fxpl11); event type
    # 59 -> 67 and time 49 -> 53 after the round on them (passive subjects held, victims of an offence, field lines'
    # labels, people swept away; a year in a thing's name, a span of days on the incident); source type 58 -> 74 and
    # source name 53 -> 65 after the round on its sources (a body tagged as a place, a document's issuer, a title naming
    # a document's author, hard-wrapped prose, field lines); place 57 -> 77 after the round on its places (a
    # dateline closed by a full stop, names split before a division's word, districts named after their seat, a
    # country after an organisation's name, a named colliery, a nationality's country beside a dateline town)
    Corpus("fresh11_gold.json", 16, 98, 210, (150, 450), 96,
           {"value": 95, "event_type": 67, "source_type": 74, "source_name": 65, "certainty": 1, "time": 53,
            "place": 77}, 0),
]


@lru_cache(maxsize=None)
def _tally(gold_file: str) -> Tally:
    return run(load_reports(gold_file))


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda c: c.gold_file)
def test_the_corpus_is_what_it_says(corpus):
    reports = load_reports(corpus.gold_file)
    assert len(reports) == corpus.reports
    assert sum(len(r.claims) for r in reports) == corpus.counts
    assert sum(len(r.traps) for r in reports) >= corpus.min_traps
    for r in reports:
        words = len(r.text.split())
        assert corpus.words[0] <= words <= corpus.words[1], (r.id, words)


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda c: c.gold_file)
def test_every_gold_count_is_found(corpus):
    tally = _tally(corpus.gold_file)
    assert tally.found >= corpus.min_found, "\n".join(m for m in tally.mismatches if " MISSED " in m)


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda c: c.gold_file)
def test_fields_stay_at_their_floors(corpus):
    tally = _tally(corpus.gold_file)
    low = {f: f"{tally.right[f]}/{tally.total[f]} (floor {corpus.floors[f]})" for f in FIELDS
           if tally.right[f] < corpus.floors[f]}
    assert not low, f"{low}\n" + "\n".join(tally.mismatches)


@pytest.mark.parametrize("corpus", CORPORA, ids=lambda c: c.gold_file)
def test_numbers_that_name_or_measure_are_not_counted(corpus):
    tally = _tally(corpus.gold_file)
    assert tally.false_counts <= corpus.max_false_counts, "\n".join(
        m for m in tally.mismatches if "FALSE COUNT" in m)


@pytest.mark.parametrize("gold_file", ["gold.json", "fresh_gold.json", "core_gold.json", "fresh2_gold.json",
                                       "fresh3_gold.json", "fresh4_gold.json", "fresh5_gold.json", "fresh6_gold.json",
                                       "fresh7_gold.json", "fresh8_gold.json", "fresh9_gold.json",
                                       "fresh10_gold.json", "fresh11_gold.json"])
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
