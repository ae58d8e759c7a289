"""Rules of the measures of one incident: a correction inside a sentence, reports of one source
that disagree, and the places that only say where a source is."""

from __future__ import annotations

from claim_factory import article, count, place

from claimwatch.model import Claim, Source
from claimwatch.reconcile import reconcile_claims
from claimwatch.reconcile.features import event_places

MONDAY = dict(time="on Monday", start="2025-01-06")


def _sentence(text: str, *figures: tuple[int, str, str]) -> list[Claim]:
    """The count claims of one sentence: (best, figure text, polarity) each, spans into ``text``."""
    out = []
    for best, qtext, pol in figures:
        c = count(best, "bodies", text=text, qtext=qtext, source="the coast guard", stype="law_enforcement",
                  polarity=pol, **MONDAY)
        i = text.index(qtext)
        c.quantity.span = (i, i + len(qtext))
        out.append(c)
    return out


def test_a_correction_in_one_sentence_is_one_disputed_measure():
    text = "The coast guard said the number of bodies recovered was 78 and not 79."
    said, denied = _sentence(text, (78, "78", "positive"), (79, "79", "negative"))
    earlier = count(79, "bodies", text="79 bodies have been recovered, the coast guard said.", source="the coast guard",
                    stype="law_enforcement", **MONDAY)
    a, b = article("a1", "A", "2025-01-07"), article("a2", "B", "2025-01-06")
    ests = reconcile_claims([(said, a), (denied, a), (earlier, b)])
    assert len(ests) == 1, [e.to_dict() for e in ests]
    assert ests[0].best == 78 and ests[0].status in ("conflicting", "superseded")


def test_two_figures_of_one_sentence_stay_two_measures():
    text = "The coast guard said 78 bodies were recovered and 104 people were rescued."
    ests = reconcile_claims([(c, article("a1", "A", "2025-01-07"))
                             for c in _sentence(text, (78, "78", "positive"), (104, "104", "positive"))])
    assert len(ests) == 2


def test_reports_of_one_source_that_disagree_are_a_conflict():
    two = count(2, "bodies", text="Mexican teams recovered two others, according to a CBP statement.", qtext="two",
                source="CBP", stype="law_enforcement", **MONDAY)
    three = count(3, "bodies", text="Three were found by Mexican officials, according to the CBP statement.",
                  qtext="Three", source="CBP", stype="law_enforcement", **MONDAY)
    ests = reconcile_claims([(two, article("a1", "A", "2025-01-07")), (three, article("a2", "B", "2025-01-07"))])
    assert len(ests) == 1 and ests[0].status == "conflicting" and ests[0].best == 2
    assert "reports of the same source" in ests[0].explanation


def test_a_place_in_the_source_apposition_is_not_the_event_place():
    text = "Rick Pauza, spokesman for the CBP office in Odesa, said the search continues near Mukachevo."
    odesa, muk = place("Odesa"), place("Mukachevo")
    odesa.span = (text.index("Odesa"), text.index("Odesa") + 5)
    muk.span = (text.index("Mukachevo"), text.index("Mukachevo") + 9)
    claim = Claim(id="c1", kind="event", text=text, span=(0, len(text)), event_type="missing",
                  source=Source(name="Rick Pauza", type="official", cue="said", span=(0, 10)), places=[odesa, muk])
    assert [p.name for p in event_places(claim)] == ["Mukachevo"]
    claim.source = Source(name="Rick Pauza", type="official", cue="said", span=(0, 10))
    claim.text = text = "Rick Pauza said the search continues in Odesa and near Mukachevo."
    odesa.span = (text.index("Odesa"), text.index("Odesa") + 5)
    muk.span = (text.index("Mukachevo"), text.index("Mukachevo") + 9)
    assert [p.name for p in event_places(claim)] == ["Odesa", "Mukachevo"]


def _one_report(*claims: Claim) -> list:
    a = article("a1", "A", "2025-01-07")
    for i, c in enumerate(claims, 1):
        c.id = f"c{i}"
    return [(c, a) for c in claims]


def test_a_state_source_and_a_non_state_one_of_one_report_dispute_one_figure():
    # "Organisers said more than 60 were arrested ...; police put the number at 40": a generic name
    # ("police") still speaks for the state, the organisers do not: one measure in conflict
    said = count(60, "protesters", event="detention", text="More than 60 protesters were arrested, the organisers said.",
                 qtext="60", source="the organisers", stype="witness", **MONDAY)
    police = count(40, "people", event="detention", text="Police put the number of arrests at 40.", qtext="40",
                   source="Police", stype="law_enforcement", **MONDAY)
    ests = reconcile_claims(_one_report(said, police))
    assert len(ests) == 1 and ests[0].status == "conflicting", [e.to_dict() for e in ests]


def test_two_authorities_of_one_report_with_different_figures_tell_two_measures():
    us = count(6, "bodies", text="U.S. agents recovered six bodies from the river, the agency said.", qtext="six",
               source="U.S. agents", stype="law_enforcement", **MONDAY)
    mx = count(2, "bodies", text="Mexican officials recovered two bodies, the ministry said.", qtext="two",
               source="Mexican officials", stype="official", **MONDAY)
    assert len(reconcile_claims(_one_report(us, mx))) == 2
