"""The numbers layer: every numeric mention with its kind, unit, bounds and change."""

from __future__ import annotations

import pytest

from claimwatch.extract.pipeline import get_pipeline


def _numbers(text: str, published: str = "2024-05-01"):
    return get_pipeline(layers=True).analyse(text, published).numbers


def _by_text(text: str):
    found = {m.text: m for m in _numbers(text)}
    for m in found.values():
        assert text[m.span[0]:m.span[1]] == m.text
    return found


# (sentence, mention text, kind, unit, change, best)
CASES = [
    ("Police detained 450 people near the border.", "450", "count", "people", "=", 450),
    ("Around 2,500 soldiers were killed.", "Around 2,500", "count", "soldiers", "~", 2500),
    ("Sales fell 42% last month.", "42%", "percent", "percent", "down", 42),
    ("Turnout rose by 3.5 percentage points.", "3.5 percentage points", "percent", "percent", "up", 3.5),
    ("The Dow was down 2.62% at noon.", "2.62%", "percent", "percent", "down", 2.62),
    ("The index suffered a 9% drop on Friday.", "9%", "percent", "percent", "down", 9),
    ("The Nasdaq fell 82.65 points or 3.44%.", "82.65 points", "measure", "point", "down", 82.65),
    ("The Nasdaq fell 82.65 points or 3.44%.", "3.44%", "percent", "percent", "down", 3.44),
    ("Claims rose 15,000 last week to 444,000.", "15,000", "number", None, "up", 15000),
    ("Claims rose 15,000 last week to 444,000.", "444,000", "number", None, "up", 444000),
    ("A deal worth US$40 billion was signed.", "US$40 billion", "money", "dollars", "=", 40_000_000_000),
    ("They paid 9.9 billion yuan for the jets.", "9.9 billion yuan", "money", "yuan", "=", 9_900_000_000),
    ("Tickets cost $249 USD each.", "$249 USD", "money", "dollars", "=", 249),
    ("Billions of dollars were lost.", "Billions of dollars", "money", "dollars", "~", 2_000_000_000),
    ("Its share price hit $4.15 per share.", "$4.15", "rate", "dollars", "=", 4.15),
    ("The plant builds 15 a year.", "15", "rate", None, "=", 15),
    ("The fault is in 500km of wiring.", "500km", "measure", "kilometre", "=", 500),
    ("It has a 3.5-inch screen.", "3.5-inch", "measure", "inch", "=", 3.5),
    ("They seized 20 kg of heroin.", "20 kg", "measure", "kilogram", "=", 20),
    ("The jet flew 9,420 nautical miles.", "9,420 nautical miles", "measure", "nautical mile", "=", 9420),
    ("He drove at 120 km/h on the road.", "120 km/h", "measure", "kilometre per hour", "=", 120),
    ("Temperatures dropped to -12C overnight.", "-12C", "measure", "degree Celsius", "down", -12),
    ("The market closed at -366.94 points.", "-366.94 points", "measure", "point", "=", -366.94),
    ("He was sentenced to five years in prison.", "five years", "duration", "year", "=", 5),
    ("Markets fell for six straight days.", "six", "duration", "day", "=", 6),
    ("A 35-year-old man was arrested.", "35", "age", "year", "=", 35),
    ("Apple confirmed that Papermaster, 49, had left.", "49", "age", "year", "=", 49),
    ("Steve Jobs died aged 56 on Wednesday.", "56", "age", "year", "=", 56),
    ("About half of those jobs will go.", "About half", "fraction", None, "~", 0.5),
    ("Two-thirds of voters agreed.", "Two-thirds", "fraction", None, "=", 0.666667),
    ("It posted a gain of half a percent on Monday.", "half a percent", "percent", "percent", "=", 0.5),
    ("The crash killed all 228 people on board.", "all 228", "count", "people", "=", 228),
    ("Between 20 and 30 migrants drowned.", "Between 20 and 30", "count", "migrants", "=", 25),
    ("Dozens of people were injured.", "Dozens of", "count", "people", "~", 24),
    ("It stayed below the 5000 mark for a week.", "5000 mark", "measure", "mark", "=", 5000),
    ("The delay is almost two and a half years.", "almost two and a half years", "duration", "year", "~", 2.5),
]


@pytest.mark.parametrize("text,mention,kind,unit,change,best", CASES, ids=[f"{c[1]}|{c[0][:20]}" for c in CASES])
def test_numbers_layer_cases(text, mention, kind, unit, change, best):
    found = _by_text(text)
    assert mention in found, f"{mention!r} not in {list(found)}"
    m = found[mention]
    assert (m.kind, m.unit, m.change) == (kind, unit, change)
    assert m.best == pytest.approx(best)


def test_rose_from_to_is_two_mentions_not_a_range():
    found = _by_text("The Fed increased swap lines from US$55 billion to US$110 billion.")
    assert found["US$55 billion"].change == "="
    assert found["US$110 billion"].change == "up"
    assert "from US$55 billion to US$110 billion" not in found


@pytest.mark.parametrize("text,number", [
    ("Boeing unveiled the new 787 Dreamliner.", "787"),
    ("The iPhone 4 antenna failed.", "4"),
    ("Air France Flight 447 crashed.", "447"),
    ("The Standard & Poor's 500 index fell 3%.", "500"),
    ("Boeing pushes back 737 replacement development", "737"),
    ("In 2009 the deal closed.", "2009"),
    ("The meeting is on June 16 in Paris.", "16"),
    ("Nikkei at lowest level since '82", "82"),
    ("It was the first time; no one came.", "one"),
    ("Call (2) the hotline.", "2"),
    ("The 737-800 range has winglets.", "737-800"),
])
def test_numbers_that_name_are_not_quantities(text, number):
    assert number not in {m.text for m in _numbers(text)}


def test_every_count_claim_quantity_is_in_the_layer_as_a_count():
    text = ("Border guards detained 14 migrants and many smugglers near Medyka on Monday. "
            "Some 4.9 million hryvnias were seized; turnout fell 12%.")
    analysis = get_pipeline(layers=True).analyse(text, "2024-05-01")
    counts = [m for m in analysis.numbers if m.is_count]
    for q in analysis.quantities:
        assert any(m.span[0] < q.span[1] and q.span[0] < m.span[1] for m in counts), q.text
    assert {m.text for m in analysis.numbers} >= {"14", "many", "Some 4.9 million hryvnias", "12%"}


def test_numbers_are_in_text_order_and_do_not_overlap():
    text = "Prices rose 5%, or $3, to $63 a barrel; 40 people and 2GB and -3 and 1.5 million."
    numbers = _numbers(text)
    spans = [m.span for m in numbers]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
