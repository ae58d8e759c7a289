"""Report figures (claimwatch.extract.figures) over hand-built claims, share bounds as a
property, and statements typed by topic."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimwatch.extract import extract
from claimwatch.extract.figures import ReportFigures, report_figures
from claimwatch.extract.shares import SharePhrase, share_bounds
from claimwatch.model import Claim, Quantity


def _count(cid, etype, best, text="3", part_of=None, polarity="positive", certainty="certain"):
    q = Quantity(text=text, span=(0, len(text)), low=best, best=best, high=best, part_of=part_of)
    return Claim(id=cid, kind="count", text="x", span=(0, 1), event_type=etype, quantity=q,
                 polarity=polarity, certainty=certainty)


def test_figures_keep_the_largest_stated_total_of_each_type():
    cs = [_count("c1", "death", 3), _count("c2", "death", 1, "one", part_of="c1"), _count("c3", "detention", 2),
          _count("c4", "injury", 4)]
    assert report_figures(cs) == ReportFigures(killed=3, injured=4, detained=2)


def test_deaths_that_are_part_of_the_shot_are_not_injured():
    cs = [_count("c1", "injury", 4, "Four"), _count("c2", "death", 1, "one", part_of="c1")]
    assert report_figures(cs) == ReportFigures(killed=1, injured=3, detained=0)


def test_denied_hedged_and_running_totals_are_not_the_incident_figure():
    cs = [_count("c1", "death", 5, polarity="negative"), _count("c2", "injury", 9, certainty="possible"),
          _count("c3", "death", 31, "31st"), _count("c4", "death", 1, "A man")]
    assert report_figures(cs) == ReportFigures(killed=1)


def test_figures_of_a_whole_report():
    art = extract("Four people were shot, one of them fatally, early Sunday at a house party.\n\n"
                  "Police arrested two men at the scene. The other victims were taken to hospital.",
                  validate=False)
    assert report_figures(art.claims) == ReportFigures(killed=1, injured=3, detained=2)


_bounds = st.tuples(st.integers(0, 10_000), st.integers(0, 10_000), st.integers(0, 10_000)).map(sorted)


@given(st.floats(0.01, 1.0), _bounds, st.sampled_from(["exact", "approximately", "more_than", "at_most"]),
       st.sampled_from([None, "more_than", "almost", "approximately"]))
def test_a_share_lies_within_its_total(fraction, bounds, total_qualifier, qualifier):
    low, best, high = bounds
    share = SharePhrase((0, 4), fraction, qualifier, 0, 0, None, None)
    s_low, s_best, s_high, s_qual = share_bounds(share, (low, best, high), total_qualifier)
    assert s_best is not None and 0 <= s_best <= best + 1
    assert s_low is None or s_low <= s_best
    assert s_high is None or s_best <= s_high
    assert s_qual == (qualifier or total_qualifier)


@given(_bounds)
def test_most_is_more_than_half_of_the_total(bounds):
    low, best, high = bounds
    share = SharePhrase((0, 4), None, None, 0, 0, None, None)
    s_low, s_best, s_high, s_qual = share_bounds(share, (low, best, high), "exact")
    assert s_best > best / 2 and s_high == best and s_qual == "approximately"


def test_statements_are_typed_by_their_topic_or_left_untyped():
    art = extract("Rescue teams pulled 12 bodies from the river on Monday. "
                  "The coast guard said the searches went on all night. "
                  "A spokesman said this number could still rise. "
                  "The mayor said the town would hold a concert in the spring.", validate=False)
    by_sentence = {c.text.split()[1]: c for c in art.claims if c.kind != "count"}
    assert by_sentence["coast"].event_type == "missing"
    assert by_sentence["spokesman"].event_type == "death"
    assert by_sentence["mayor"].event_type is None
