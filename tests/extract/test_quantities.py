"""The quantities stage on full sentences run through spaCy: units, exclusions, seed gold, spans."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimwatch.extract import quantities
from claimwatch.extract.pipeline import Pipeline, load_nlp

PIPE = Pipeline(load_nlp(), stages=[quantities.STAGE])


def quants(text: str):
    analysis = PIPE.analyse(text)
    found = analysis.quantities
    for q in found:
        assert text[q.span[0]:q.span[1]] == q.text
        if q.unit_span is not None:
            assert text[q.unit_span[0]:q.unit_span[1]] == q.unit
        assert 0 <= q.sent_i < len(analysis.sentences)
        assert q.head_i is not None and 0 <= q.head_i < len(analysis.doc)
    return found


def by_text(text: str) -> dict:
    return {q.text: q for q in quants(text)}


# (sentence, quantity text, unit)
UNITS = [
    ("Police arrested 12 smugglers near the border.", "12", "smugglers"),
    ("The bodies of 12 migrants were found in the river.", "12", "bodies"),
    ("Border guards seized 4.9 million hryvnias from the driver.", "4.9 million", "hryvnias"),
    ("Officials said 450 criminal organizations were dismantled.", "450", "criminal organizations"),
    ("At least 12 people were killed in the attack.", "At least 12", "people"),
    ("Dozens of Ukrainians have lost their lives trying to cross.", "Dozens", "Ukrainians"),
    ("Tens of thousands of men attempted to flee overseas.", "Tens of thousands", "men"),
    ("The army has lost around 2,500 soldiers, according to a Telegram channel.", "around 2,500", "soldiers"),
    ("Many deserters seek refuge in Kazakhstan.", "Many", "deserters"),
    ("Numerous Syrians were turned back at the border.", "Numerous", "Syrians"),
    ("The coast guard rescued 120 people from three boats.", "three", "boats"),
    ("Between 20 and 30 migrants drowned off Lampedusa.", "Between 20 and 30", "migrants"),
    ("The court sentenced two men for smuggling.", "two", "men"),
    ("Some 3,000 asylum seekers were returned.", "Some 3,000", "asylum seekers"),
    ("Several hundred protesters gathered outside the ministry.", "Several hundred", "protesters"),
    ("Investigators opened 35 criminal cases against deserters.", "35", "criminal cases"),
    ("It was the 25th death at the border this year.", "25th", "death"),
    ("One soldier was killed and three were wounded.", "One", "soldier"),
]


@pytest.mark.parametrize("sentence,qtext,unit", UNITS, ids=[u[1] for u in UNITS])
def test_units(sentence, qtext, unit):
    found = by_text(sentence)
    assert qtext in found, f"{qtext!r} not in {list(found)}"
    assert found[qtext].unit == unit


def test_money_with_symbol_counts_the_currency():
    q = by_text("He paid a bribe of $15,000 to cross the border.")["$15,000"]
    assert q.unit == "dollars" and q.unit_span is None and q.best == 15000


def test_bare_number_inherits_the_unit_of_its_sentence():
    found = by_text("Of the 300 detainees held at the camp, 40 were later released.")
    assert found["40"].unit == "detainees"


def test_bare_number_without_antecedent_has_no_unit():
    found = by_text("The death toll rose to 30.")
    assert found["30"].unit is None
    assert found["30"].head_i is not None


def test_counted_description():
    q = by_text("Demchenko said the bodies of around 30 Ukrainians who were fleeing had been discovered.")["around 30"]
    assert q.unit == "bodies" and "Ukrainians" in q.counted


EXCLUDED = [
    ("A 41-year-old Russian deserter was apprehended.", "41"),
    ("The suspect, aged 41, was detained at the crossing.", "41"),
    ("Ivan Petrov, 34, was arrested on Tuesday.", "34"),
    ("He served in the 58th Combined Arms Army.", "58th"),
    ("Members of the 8th Army deserted.", "8th"),
    ("In 2022, the rules changed for all men.", "2022"),
    ("On May 12, police raided the camp.", "12"),
    ("He was charged under Article 336 of the Criminal Code.", "336"),
    ("The raid began at 10:30 in the morning.", "10"),
    ("Turnout was 60% in the region.", "60%"),
    ("For help, call 555-123-4567 today.", "555"),
    ("The home team won 3-1 on Saturday.", "3"),
    ("The journey took three days on foot.", "three"),
    ("They walked 20 km through the forest.", "20"),
    ("Prices rose four times in a year.", "four"),
    ("It took some time to cross.", "some"),
    ("There are many ways to cross the river.", "many"),
    ("Many countries closed their borders.", "Many"),
    ("He flew on a Boeing 747 to Warsaw.", "747"),
    ("The hearing is set for page 4 of the docket.", "4"),
    ("She is one of the organisers.", "one"),
    ("The first aircraft arrived in 2010.", "first"),
    ("The service runs 15 a year.", "15"),
    ("Two boys, 12 and 14, drowned in the river.", "12"),
    ("The child, 5, survived the crossing.", "5"),
]


@pytest.mark.parametrize("sentence,qtext", EXCLUDED, ids=[e[1] + ":" + e[0][:20] for e in EXCLUDED])
def test_exclusions(sentence, qtext):
    assert qtext not in by_text(sentence)


def test_exclusion_does_not_drop_the_real_count():
    found = by_text("A 41-year-old man and 12 other migrants were detained in 2022.")
    assert list(found) == ["12"]
    assert found["12"].unit == "migrants"


def test_seed_gold_counts_are_all_found(seed_body, seed_gold):
    analysis = PIPE.analyse(seed_body)
    found = analysis.quantities
    counts = [c for c in seed_gold["claims"] if c["kind"] == "count" and not c["quantity"].get("implicit")]
    assert counts
    for claim in counts:
        gq = claim["quantity"]
        ev_start = seed_body.index(claim["evidence"])
        q_start = seed_body.index(gq["text"], ev_start)
        match = [q for q in found if q.span == (q_start, q_start + len(gq["text"]))]
        assert match, f"missing {gq['text']!r}"
        q = match[0]
        assert (q.low, q.best, q.high, q.qualifier) == (gq["low"], gq["best"], gq["high"], gq["qualifier"]), gq
        assert q.unit == gq["unit"], (q.unit, gq)
        assert analysis.sentences[q.sent_i][0] <= q.span[0] < analysis.sentences[q.sent_i][1]


def test_seed_has_no_age_or_unit_number(seed_body):
    texts = [q.text for q in quants(seed_body)]
    assert "41" not in texts and "58th" not in texts and "8th" not in texts and "2022" not in texts


FRAGMENTS = [
    "Police said", "more than 18,000", "around 30", "Ukrainians", "died", "in 2022", "dozens of", "migrants",
    "aged 41", ",", ".", "the bodies of", "$15,000", "€2m", "between 20 and 30", "tens of thousands of men",
    "Article 336", "at 10:30", "many", "some", "the 25th death", "\n\n", "12 000", "a dozen", "45%", "fled",
    "the 58th Army", "almost 12,000", "—", "“", "”", "(", ")", "4.9 million hryvnias", "several hundred",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=25), st.sampled_from([" ", "  ", "\u00a0", ""]))
def test_every_span_slices_the_text(parts, sep):
    quants(sep.join(parts))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=120))
def test_arbitrary_text_never_crashes(text):
    quants(text)
