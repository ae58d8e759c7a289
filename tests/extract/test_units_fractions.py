"""The unit grammar, fractions and the extended number grammar (glued units, minus signs,
"and a half"), with Hypothesis round-trips: a figure written in any common news form reads back
as the same value."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.extract.fractions import find_fractions
from claimwatch.extract.numbers import find_number_phrases, parse_number
from claimwatch.extract.units import per_at, unit_at, unit_lexicon


@pytest.mark.parametrize("text,unit,dimension,written", [
    ("500km of wire", "kilometre", "length", "km"),
    (" 20 km away", None, None, None),  # the position is right after the number, see below
    ("-inch screen", "inch", "length", "inch"),
    (" nautical miles", "nautical mile", "length", "nautical miles"),
    ("GB of memory", "gigabyte", "data", "GB"),
    (" km/h on the road", "kilometre per hour", "speed", "km/h"),
    (" percentage", None, None, None),
    (" yuan (about", "yuan", "money", "yuan"),
    (" US dollars", "dollar", "money", "US dollars"),
    (" days later", "day", "duration", "days"),
    (" m away", None, None, None),  # one-letter units only glued
    ("m away", "metre", "length", "m"),
    (" points to", "point", "points", "points"),
    # "nm" is a nautical mile in a distance off a place, a nanometre otherwise
    (" nm south of the island", "nautical mile", "length", "nm"),
    (" nm off the coast", "nautical mile", "length", "nm"),
    (" nm process", "nanometre", "length", "nm"),
    (" nm from the lamp", "nanometre", "length", "nm"),
])
def test_unit_at(text, unit, dimension, written):
    pos = 3 if text.startswith("500") else 0
    if text.startswith(" 20"):
        got = unit_at(text, 3)
        assert got is not None and got.name == "kilometre"
        return
    got = unit_at(text, pos)
    if unit is None:
        assert got is None
    else:
        assert (got.name, got.dimension, got.text) == (unit, dimension, written)
        assert text[got.span[0]:got.span[1]] == written


def test_units_are_case_sensitive_where_marked():
    assert unit_at("GB", 0).name == "gigabyte"
    assert unit_at("gb", 0) is None  # "=GB": only in capitals
    assert unit_at("KM", 0).name == "kilometre"


def test_lexicon_forms_are_unique_per_case():
    seen = {}
    for form, name, _dim, exact in unit_lexicon():
        key = form if exact else form.lower()
        assert seen.setdefault((key, exact), name) == name, form


@pytest.mark.parametrize("text,what", [
    (" per share", "share"), (" a year", "year"), (" each month", "month"), ("/h", "h"), (" a chance", None),
])
def test_per_at(text, what):
    got = per_at(text, 0)
    assert (got[0] if got else None) == what


@pytest.mark.parametrize("text,phrase,value,qualifier", [
    ("About half of those cuts", "About half", 0.5, "approximately"),
    ("two-thirds of voters", "two-thirds", 0.666667, "exact"),
    ("three quarters of the budget", "three quarters", 0.75, "exact"),
    ("one in five adults", "one in five", 0.2, "exact"),
    ("a gain of half a percent", "half a percent", 0.5, "exact"),
    ("about a quarter, of its dealers", "about a quarter", 0.25, "approximately"),
])
def test_fractions(text, phrase, value, qualifier):
    found = {f.text: f for f in find_fractions(text)}
    assert phrase in found
    assert (found[phrase].value, found[phrase].qualifier) == (value, qualifier)


@pytest.mark.parametrize("text", ["a third attempt", "half time", "half a dozen boats", "the third quarter"])
def test_not_fractions(text):
    assert find_fractions(text) == []


def test_extended_grammar_reads_glued_units_and_minus_signs_only_when_asked():
    text = "a 500km wire, 2GB and -36 points, but not A330-200"
    assert [p.text for p in find_number_phrases(text)] == []
    assert [p.text for p in find_number_phrases(text, extended=True)] == ["500", "2", "36"]


def test_and_a_half():
    assert [(p.text, p.best) for p in find_number_phrases("two and a half million people")] == \
        [("two and a half million", 2_500_000)]


# --------------------------------------------------------------------------- Hypothesis round-trips

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen " \
        "seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()


def _words(n: int) -> str:
    """English words for 0 <= n < 10**12 ("one hundred and twenty-five thousand ...")."""
    if n < 20:
        return _ONES[n]
    if n < 100:
        return _TENS[n // 10 - 2] + ("" if n % 10 == 0 else "-" + _ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return _ONES[n // 100] + " hundred" + ("" if rest == 0 else " and " + _words(rest))
    for size, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        if n >= size:
            rest = n % size
            return _words(n // size) + " " + name + ("" if rest == 0 else " " + _words(rest))
    raise ValueError(n)


def _forms(n: int) -> list[str]:
    forms = [str(n), f"{n:,}", f"{n:,}".replace(",", "\u00a0"), _words(n)]
    if n >= 1000 and n % 1000 == 0:
        forms.append(f"{n // 1000} thousand")
    if n >= 10**6 and n % 10**5 == 0:
        forms.append(f"{n / 10**6:g} million")
    return forms


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=999_999_999_999))
def test_parse_number_round_trips_every_written_form(n):
    for form in _forms(n):
        assert parse_number(form) == n, form


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=10**9),
       st.sampled_from(["", "about ", "more than ", "nearly ", "up to ", "at least "]),
       st.sampled_from(["people", "migrants", "soldiers"]))
def test_a_figure_in_a_sentence_reads_back(n, qualifier, noun):
    form = _forms(n)[n % len(_forms(n))]
    text = f"Officials said {qualifier}{form} {noun} were affected."
    found = [p for p in find_number_phrases(text) if p.kind == "number"]
    assert len(found) == 1, (text, found)
    assert found[0].best == n and found[0].text == qualifier + form


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-$%/aegkmhpstGBCFKMLW\"″°")), max_size=40))
def test_unit_and_fraction_grammar_never_crash(text):
    for p in find_number_phrases(text, extended=True):
        assert text[p.span[0]:p.span[1]] == p.text
        unit = unit_at(text, p.span[1])
        if unit is not None:
            assert text[unit.span[0]:unit.span[1]] == unit.text and unit.span[0] >= p.span[1]
    for f in find_fractions(text + " half of a third"):
        assert (text + " half of a third")[f.span[0]:f.span[1]] == f.text
