"""Claims assembly (SPEC §2) with stand-in quantity / attribution / time / place stages,
so that the assembly rules are tested on their own."""

from __future__ import annotations

import functools
import re

import pytest

from claimwatch.extract import certainty, claims, events
from claimwatch.extract.base import AttributionMention, PlaceMention, QuantityMention, Stage, TimeMention
from claimwatch.extract.pipeline import Pipeline
from claimwatch.model import Article, check_spans

_NUM = re.compile(r"\b\d+\b")
_SAID = re.compile(r"^(?:The |the )?(\w+) said\b")


def _quantities(analysis):
    out = []
    for m in _NUM.finditer(analysis.text):
        n = int(m.group())
        tok = next(t for t in analysis.doc if t.idx == m.start())
        noun = tok.head if tok.dep_ == "nummod" else tok
        out.append(QuantityMention(span=m.span(), text=m.group(), low=n, best=n, high=n, qualifier="exact",
                                   unit=noun.text, head_i=noun.i, sent_i=analysis.sent_index(m.start())))
    return out


def _attributions(analysis):
    out = []
    for i, (s, e) in enumerate(analysis.sentences):
        m = _SAID.match(analysis.text[s:e])
        if m:
            name_s = s + m.start(1)
            out.append(AttributionMention(sent_i=i, name=m.group(1), span=(name_s, name_s + len(m.group(1))),
                                          canonical=m.group(1), type="law_enforcement", cue="said",
                                          quote="indirect", evidential="attributed"))
    return out


def _attribution_for(analysis, sent_i):
    return next((a for a in analysis.attributions if a.sent_i == sent_i), None)


def _time_for(analysis, sent_i, head_i):
    s, e = analysis.sentences[sent_i]
    k = analysis.text.find("on Monday", s, e)
    if k < 0:
        return None
    return TimeMention(span=(k, k + 9), text="on Monday", start="2024-03-04", end="2024-03-04", precision="day",
                       anchor="published", sent_i=sent_i, head_i=head_i)


def _places_for(analysis, sent_i, head_i):
    s, e = analysis.sentences[sent_i]
    k = analysis.text.find("Poland", s, e)
    if k < 0:
        return []
    return [PlaceMention(span=(k, k + 6), text="Poland", name="Poland", lat=52.0, lon=20.0, country="PL",
                         feature="country", role="event", sent_i=sent_i, head_i=head_i)]


LOOKUPS = {"attribution_for": _attribution_for, "time_for": _time_for, "places_for": _places_for}


@pytest.fixture(scope="module")
def pipe(nlp):
    stages = [
        Stage("quantities", ("doc",), ("quantities",), _quantities),
        Stage("attribution", ("doc",), ("attributions",), _attributions),
        certainty.STAGE,
        events.STAGE,
        Stage("times", ("doc",), ("times",), lambda a: []),
        Stage("places", ("doc",), ("places",), lambda a: []),
        Stage("context", ("doc",), ("context",), lambda a: None),
        Stage("claims", claims.STAGE.requires, ("claims",), functools.partial(claims.assemble_claims, lookups=LOOKUPS)),
    ]
    return Pipeline(nlp, stages=stages)


def run(pipe, text):
    analysis = pipe.analyse(text, "2024-03-05")
    art = Article(text=text, claims=analysis.claims)
    assert check_spans(art) == []
    return art.claims


def test_count_takes_the_governing_event_and_covers_it(pipe):
    (c,) = run(pipe, "Police said 12 migrants were detained near the border.")
    assert (c.kind, c.event_type, c.quantity.best, c.quantity.unit) == ("count", "detention", 12, "migrants")
    assert (c.source.name, c.source.type, c.source.cue, c.evidential) == ("Police", "law_enforcement", "said", "attributed")
    assert (c.certainty, c.polarity) == ("certain", "positive")


def test_one_sentence_several_event_claims(pipe):
    cs = run(pipe, "A Russian deserter was apprehended by the border police.")
    assert sorted((c.kind, c.event_type) for c in cs) == [("count", "detention"), ("event", "desertion")]
    assert all(c.source.type == "author" and c.evidential == "author" for c in cs)
    assert all(c.text == "A Russian deserter was apprehended by the border police." for c in cs)
    # one person detained: an implicit count of 1 whose text is the participant (SPEC §3)
    count = next(c for c in cs if c.kind == "count")
    assert (count.quantity.text, count.quantity.best, count.quantity.qualifier) == ("A Russian deserter", 1, "exact")


def test_event_not_covered_by_a_count_of_another_type(pipe):
    cs = run(pipe, "Guards detained 5 smugglers after they crossed the border.")
    kinds = sorted((c.kind, c.event_type) for c in cs)
    # the crossing is the circumstance of the detention (no event of its own); the smuggling is not
    assert kinds == [("count", "detention"), ("event", "smuggling")]
    cs = run(pipe, "Guards detained 5 smugglers, and the rest of the group crossed the border.")
    assert ("event", "border_crossing") in {(c.kind, c.event_type) for c in cs}


def test_statement_for_attributed_sentence_without_count_or_event(pipe):
    (c,) = run(pipe, "The minister said the situation remained calm.")
    assert (c.kind, c.event_type, c.source.name, c.evidential) == ("statement", None, "minister", "attributed")


def test_author_sentence_without_anything_gives_no_claim(pipe):
    assert run(pipe, "The weather remained calm along the river.") == []


def test_hearsay_without_named_source(pipe):
    (c,) = run(pipe, "He reportedly crossed the border at night.")
    assert (c.event_type, c.source.type, c.source.cue, c.source.name, c.evidential) == (
        "border_crossing", "unnamed", "reportedly", None, "hearsay")


def test_count_event_type_from_its_unit(pipe):
    (c,) = run(pipe, "The ministry counted 7 draftees in the region.")
    assert (c.kind, c.event_type) == ("count", "mobilization")


def test_death_count_keeps_its_cause(pipe):
    (c,) = run(pipe, "At least 9 migrants drowned in the river.")
    assert (c.event_type, c.cause) == ("death", "drowning")


@pytest.mark.parametrize("sentence, cause", [
    # "killed" alone is no sign of violence when the sentence names the mishap or the flood
    ("Eleven people were killed when a bus overturned on the highway, police said.", "accident"),
    ("Four miners were killed when part of a coal mine collapsed, officials said.", "accident"),
    ("Three people were killed in floods that hit the region, officials said.", "drowning"),
    # ... while a weapon or an attacker still makes it violence
    ("Two people were killed in an airstrike that collapsed a building.", "violence"),
    ("Gunmen killed three people on a bus on Monday, police said.", "violence"),
    ("An attack on the village killed seven people, officials said.", "violence"),
])
def test_a_death_counts_cause_is_the_mishap_the_sentence_names(pipe, sentence, cause):
    deaths = [c for c in run(pipe, sentence) if c.event_type == "death"]
    assert deaths and {c.cause for c in deaths} == {cause}, [(c.text, c.cause) for c in deaths]


def test_negated_and_hedged_counts(pipe):
    neg, hedged = run(pipe, "Police did not detain 20 people. Officials may have deported 30 families.")
    assert (neg.polarity, neg.certainty, neg.event_type) == ("negative", "certain", "detention")
    assert (hedged.polarity, hedged.certainty, hedged.event_type) == ("positive", "possible", "deportation")


def test_ids_in_text_order_and_time_places_filled(pipe):
    cs = run(pipe, "Border guards detained 4 men on Monday. Two people drowned in Poland.")
    assert [c.id for c in cs] == [f"c{i}" for i in range(1, len(cs) + 1)]
    assert [c.span[0] for c in cs] == sorted(c.span[0] for c in cs)
    assert cs[0].time is not None and cs[0].time.start == "2024-03-04" and cs[0].places == []
    assert cs[-1].time is None and [p.country for p in cs[-1].places] == ["PL"]


def test_time_and_places_empty_when_those_stages_are_absent(nlp):
    stages = [
        Stage("quantities", ("doc",), ("quantities",), _quantities),
        Stage("attribution", ("doc",), ("attributions",), _attributions),
        certainty.STAGE, events.STAGE,
        Stage("times", ("doc",), ("times",), lambda a: []),
        Stage("places", ("doc",), ("places",), lambda a: []),
        Stage("context", ("doc",), ("context",), lambda a: None),
        Stage("claims", claims.STAGE.requires, ("claims",),
              functools.partial(claims.assemble_claims, lookups={"attribution_for": _attribution_for, "time_for": None, "places_for": None})),
    ]
    analysis = Pipeline(nlp, stages=stages).analyse("Border guards detained 4 men in Poland on Monday.")
    (c,) = analysis.claims
    assert c.time is None and c.places == []


def test_default_pipeline_runs_every_stage_in_order():
    from claimwatch.extract.base import STAGE_RESULTS
    from claimwatch.extract.pipeline import STAGES, check_order

    check_order(STAGES)
    assert [p for st in STAGES for p in st.provides] == list(STAGE_RESULTS)


def test_stage_order_is_checked(nlp):
    from claimwatch.errors import ExtractionError

    with pytest.raises(ExtractionError):
        Pipeline(nlp, stages=[claims.STAGE, certainty.STAGE])


def test_actors_of_events_and_counts(pipe):
    ev = run(pipe, "A Russian deserter was apprehended by Polish border police.")
    detention = next(c for c in ev if c.event_type == "detention")
    assert sorted((a.role, a.text) for a in detention.actors) == [("agent", "Polish border police"), ("patient", "A Russian deserter")]
    (count,) = run(pipe, "Ukrainian border guards detained 2 men near the river.")
    assert ("agent", "Ukrainian border guards") in [(a.role, a.text) for a in count.actors]


# End to end through every stage (general news language, not the seed):
# (sentence, [(kind, event_type, certainty, polarity, evidential, source type)])
END_TO_END = [
    ("According to the UN refugee agency, more than 1.5 million people have fled Ukraine.",
     [("count", "border_crossing", "certain", "positive", "attributed", "ngo")]),
    ("Police said they had detained 14 migrants near the village of Medyka on Monday.",
     [("count", "detention", "certain", "positive", "attributed", "law_enforcement")]),
    ("The ministry denied that any soldiers had deserted their units.",
     [("event", "desertion", "certain", "negative", "attributed", "official")]),
    ("Up to 300 men may have crossed the river last week, officials said.",
     [("count", "border_crossing", "possible", "positive", "attributed", "official")]),
    ("At least 27 people drowned when their boat capsized off Calais, French authorities said.",
     [("count", "death", "certain", "positive", "attributed", "official")]),
    ("The bodies of three migrants were reportedly found near the border.",
     [("count", "death", "certain", "positive", "hearsay", "unnamed")]),
    ("Two men were arrested after crossing the border illegally.",
     [("count", "detention", "certain", "positive", "author", "author")]),
]


@pytest.mark.parametrize("sentence,expected", END_TO_END, ids=[c[0][:40] for c in END_TO_END])
def test_end_to_end(sentence, expected):
    from claimwatch.extract import extract

    art = extract(sentence, validate=False)
    got = [(c.kind, c.event_type, c.certainty, c.polarity, c.evidential, c.source.type) for c in art.claims]
    assert got == expected
    assert check_spans(art) == []


def test_count_prefers_the_trigger_words_own_type(pipe):
    cs = run(pipe, "Police said the man had smuggled 5 people into Romania.")
    assert sorted((c.kind, c.event_type) for c in cs) == [("count", "smuggling"), ("event", "border_crossing")]


def test_subject_of_a_death_is_its_patient(pipe):
    (c,) = run(pipe, "Two migrants drowned in the river.")
    assert [(a.role, a.text) for a in c.actors] == [("patient", "Two migrants")]


@pytest.mark.parametrize("text, credit", [
    ("Police detained 41 men near the border on Friday.\n\nSource: State Border Guard Service\n\n"
     "Details: The men were trying to reach Moldova.", "Source: State Border Guard Service"),
    ("The hotline received 1,250 calls this week.\n\nSource: Ministry of Defence of Ukraine",
     "Source: Ministry of Defence of Ukraine"),
])
def test_a_credit_line_attributes_the_report_but_is_no_statement(text, credit):
    import claimwatch

    claims = claimwatch.extract(text, published="2024-06-14").claims
    assert not [c for c in claims if c.text.startswith(credit)], [(c.kind, c.text) for c in claims]
    assert claims and claims[0].source.scope == "article" and claims[0].source.name in credit
