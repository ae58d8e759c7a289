"""The number grammar: values, SPEC §3 bounds and qualifiers, robustness."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.extract.numbers import bounds_for, find_number_phrases, parse_number

N = None

# (sentence, expected phrase text, low, best, high, qualifier)
PHRASES = [
    # plain figures in every written form
    ("Police detained 450 people.", "450", 450, 450, 450, "exact"),
    ("Some 12,000 troops", "Some 12,000", 10800, 12000, 13200, "approximately"),
    ("They counted 12,000 migrants.", "12,000", 12000, 12000, 12000, "exact"),
    ("They counted 12 000 migrants.", "12 000", 12000, 12000, 12000, "exact"),
    ("They counted 12\u00a0000 migrants.", "12\u00a0000", 12000, 12000, 12000, "exact"),
    ("They counted 12\u202f000 migrants.", "12\u202f000", 12000, 12000, 12000, "exact"),
    ("A total of 1,234,567 votes", "1,234,567", 1234567, 1234567, 1234567, "exact"),
    ("The rate was 12.5 units.", "12.5", 12.5, 12.5, 12.5, "exact"),
    ("It cost 12 thousand dollars.", "12 thousand", 12000, 12000, 12000, "exact"),
    ("twelve thousand refugees arrived", "twelve thousand", 12000, 12000, 12000, "exact"),
    ("twenty-five soldiers deserted", "twenty-five", 25, 25, 25, "exact"),
    ("one hundred and twenty bodies", "one hundred and twenty", 120, 120, 120, "exact"),
    ("1.5 million people fled", "1.5 million", 1500000, 1500000, 1500000, "exact"),
    ("He paid 4.9 million hryvnias.", "4.9 million", 4900000, 4900000, 4900000, "exact"),
    ("A bribe of $15,000 was paid.", "$15,000", 15000, 15000, 15000, "exact"),
    ("a fine of €2m was imposed", "€2m", 2000000, 2000000, 2000000, "exact"),
    ("a deal worth US$40 billion", "US$40 billion", 40_000_000_000, 40_000_000_000, 40_000_000_000, "exact"),
    ("a deal worth $3bn in total", "$3bn", 3_000_000_000, 3_000_000_000, 3_000_000_000, "exact"),
    ("£250,000 in cash", "£250,000", 250000, 250000, 250000, "exact"),
    ("a dozen men were held", "a dozen", 12, 12, 12, "exact"),
    ("half a dozen boats", "half a dozen", 6, 6, 6, "exact"),
    ("two dozen guards", "two dozen", 24, 24, 24, "exact"),
    ("a score of boats", "a score", 20, 20, 20, "exact"),
    ("a million people", "a million", 1000000, 1000000, 1000000, "exact"),
    # approximations: 0.9N .. 1.1N rounded
    ("around 2,500 soldiers", "around 2,500", 2250, 2500, 2750, "approximately"),
    ("about 30 bodies", "about 30", 27, 30, 33, "approximately"),
    ("approximately 4,300 jobs", "approximately 4,300", 3870, 4300, 4730, "approximately"),
    ("roughly 25 migrants", "roughly 25", 23, 25, 28, "approximately"),
    ("an estimated 5,000 people", "an estimated 5,000", 4500, 5000, 5500, "approximately"),
    ("some 400 guests", "some 400", 360, 400, 440, "approximately"),
    ("30 or so people", "30 or so", 27, 30, 33, "approximately"),
    ("a 40-odd strong unit", "40-odd", 36, 40, 44, "approximately"),
    ("about a dozen bodies", "about a dozen", 11, 12, 13, "approximately"),
    ("around 1.5 million refugees", "around 1.5 million", 1350000, 1500000, 1650000, "approximately"),
    # lower bounds
    ("more than 18,000 personnel", "more than 18,000", 18000, 18000, N, "more_than"),
    ("over 2,400 units", "over 2,400", 2400, 2400, N, "more_than"),
    ("in excess of 100 people", "in excess of 100", 100, 100, N, "more_than"),
    ("well over 9,000 arrests", "well over 9,000", 9000, 9000, N, "more_than"),
    ("more than a dozen men", "more than a dozen", 12, 12, N, "more_than"),
    ("at least 12 people died", "at least 12", 12, 12, N, "at_least"),
    ("no fewer than 40 boats", "no fewer than 40", 40, 40, N, "at_least"),
    ("50 or more migrants", "50 or more", 50, 50, N, "at_least"),
    # almost
    ("almost 12,000 are members", "almost 12,000", 10800, 12000, 12000, "almost"),
    ("nearly 14,000 employees", "nearly 14,000", 12600, 14000, 14000, "almost"),
    ("close to 200 people", "close to 200", 180, 200, 200, "almost"),
    ("just under 50 victims", "just under 50", 45, 50, 50, "almost"),
    ("nearly a hundred deaths", "nearly a hundred", 90, 100, 100, "almost"),
    # upper bounds
    ("up to 60 aircraft", "up to 60", N, 60, 60, "at_most"),
    ("at most 20 people", "at most 20", N, 20, 20, "at_most"),
    ("no more than 15 guards", "no more than 15", N, 15, 15, "at_most"),
    ("as many as seven million people", "as many as seven million", N, 7000000, 7000000, "at_most"),
    # the SPEC's table lacks these: "as high as" bounds from above like "as many as" (a predicate's
    # complement, outside the figure's span as in MEANTIME), "closer to" is about N
    ("the toll may be as high as 20", "20", N, 20, 20, "at_most"),
    ("the true number was closer to 1,500", "closer to 1,500", 1350, 1500, 1650, "approximately"),
    ("less than 100 cars", "less than 100", N, 100, 100, "less_than"),
    ("fewer than 10 survivors", "fewer than 10", N, 10, 10, "less_than"),
    ("under 500 residents", "under 500", N, 500, 500, "less_than"),
    # ranges: best = midpoint, rounded down when not whole
    ("between 20 and 30 people", "between 20 and 30", 20, 25, 30, "range"),
    ("1,500 to 2,000 jobs", "1,500 to 2,000", 1500, 1750, 2000, "range"),
    ("20-30 migrants", "20-30", 20, 25, 30, "range"),
    ("20–30 migrants", "20–30", 20, 25, 30, "range"),
    ("5-8 boats", "5-8", 5, 6, 8, "range"),
    ("two or three men", "two or three", 2, 2, 3, "range"),
    ("from 200 to 300 people", "from 200 to 300", 200, 250, 300, "range"),
    ("1.5 to 2 million people", "1.5 to 2 million", 1500000, 1750000, 2000000, "range"),
    ("between $12 million and $20 million", "between $12 million and $20 million", 12_000_000, 16_000_000, 20_000_000, "range"),
    # each end read as a lone number reads: in words, or in digits with its currency and scale
    ("twenty to thirty-five boats sank", "twenty to thirty-five", 20, 27, 35, "range"),
    ("The fund paid £3 million to £4.5 million.", "£3 million to £4.5 million", 3_000_000, 3_750_000, 4_500_000, "range"),
    # words of magnitude
    ("dozens of Ukrainians", "dozens", 24, 24, 99, "vague"),
    ("scores of people", "scores", 40, 40, 99, "vague"),
    ("hundreds of migrants", "hundreds", 200, 200, 999, "vague"),
    ("thousands fled", "thousands", 2000, 2000, 9999, "vague"),
    ("tens of thousands of men", "tens of thousands", 20000, 20000, 99999, "vague"),
    ("hundreds of thousands of refugees", "hundreds of thousands", 200000, 200000, 999999, "vague"),
    ("several soldiers", "several", 3, 3, 9, "vague"),
    ("a few smugglers", "a few", 2, 2, 5, "vague"),
    ("a couple of men", "a couple", 2, 2, 3, "vague"),
    ("several hundred protesters", "several hundred", 300, 300, 900, "vague"),
    ("a few thousand people", "a few thousand", 2000, 2000, 5000, "vague"),
    # bare vague quantifiers
    ("many deserters", "many", N, N, N, "vague"),
    ("Some Ukrainians died", "Some", N, N, N, "vague"),
    ("numerous migrants", "numerous", N, N, N, "vague"),
    ("a number of detainees", "a number", N, N, N, "vague"),
    ("a growing number of deserters", "a growing number", N, N, N, "vague"),
    # running totals
    ("the 25th death this year", "25th", 25, 25, 25, "exact"),
    ("the twenty-fourth case", "twenty-fourth", 24, 24, 24, "exact"),
]


@pytest.mark.parametrize("sentence,phrase,low,best,high,qualifier", PHRASES, ids=[p[1] for p in PHRASES])
def test_phrase_bounds(sentence, phrase, low, best, high, qualifier):
    found = {p.text: p for p in find_number_phrases(sentence)}
    assert phrase in found, f"{phrase!r} not in {list(found)}"
    p = found[phrase]
    assert (p.low, p.best, p.high, p.qualifier) == (low, best, high, qualifier)
    assert sentence[p.span[0]:p.span[1]] == p.text


def test_at_least_sixty_phrases():
    assert len(PHRASES) >= 60


@pytest.mark.parametrize("text,value", [
    ("12,000", 12000), ("12 000", 12000), ("12\u2009000", 12000), ("12.5", 12.5), ("12 thousand", 12000),
    ("twelve thousand", 12000), ("twenty-five", 25), ("1.5 million", 1_500_000), ("$15,000", 15000),
    ("€2m", 2_000_000), ("a dozen", 12), ("25th", 25), ("one hundred and twenty", 120),
    ("three hundred thousand", 300000), ("ninety-nine", 99), ("2.3bn", 2_300_000_000),
    ("4.2 lakh", 420_000), ("1.6 lakhs", 160_000), ("3 crore", 30_000_000),  # the Indian scales
])
def test_parse_number(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "dozens", "many", "hello", "12 apples", "2m", "twelve apples", "3.2.1", None])
def test_parse_number_refuses(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text", [
    "The meeting is at 10:30 today.", "Call +44 20 7946 0958 now.", "It happened on 12/05/2022 there.",
    "Call 555-123-4567.", "Version 3.2.1 shipped.", "The meeting was at 5 p.m. sharp.",
    # a phone number in two groups: a trunk prefix's leading zero, or a four-figure group opening with a zero
    "For tickets call 01226 773555 today.", "Ring the desk on 555 0199 for advice.", "Fax (0121) 4960000 now.",
    # a phone number in three groups after the trunk prefix; a clock time written without a colon
    "Readers can call 01495 212 456 today.", "The box office is on 0161 496 0000.",
    "ISSUED 412 PM CDT SAT.", "Kick-off moved to 730 PM.", "Doors open at 0945 a.m. sharp.",
])
def test_masked_forms_give_no_numbers(text):
    assert [p.text for p in find_number_phrases(text) if p.kind in ("number", "magnitude")] == []


def test_a_count_beside_a_clock_time_or_a_phone_number_stays():
    assert [p.text for p in find_number_phrases("At 945 PM 412 residents were moved; call 0161 496 0000 or 112.")] \
        == ["412", "112"]
    assert [p.text for p in find_number_phrases("The 730 fans and 112 amputees met at 6 pm.")] == ["730", "112"]


def test_figures_grouped_by_spaces_stay_numbers():
    assert [p.text for p in find_number_phrases("The census counted 12 000 residents and 3 500 homes.")] == [
        "12 000", "3 500"]


def test_change_is_not_a_range():
    phrases = [p.text for p in find_number_phrases("The toll rose from 20 to 30 on Monday.")]
    assert phrases == ["20", "30"]


def test_year_span_is_not_a_range():
    assert all(p.qualifier != "range" for p in find_number_phrases("from 2009 to 2011, and in 2010-11"))


def test_percent_kind():
    p = find_number_phrases("Turnout was 60% and 15-20 percent later.")
    assert [(x.text, x.kind) for x in p] == [("60%", "percent"), ("15-20 percent", "percent")]


def test_bounds_for_rounds_half_up():
    assert bounds_for(25, "approximately") == (23, 25, 28)
    assert bounds_for(450, "exact") == (450, 450, 450)


def test_some_before_number_is_a_qualifier_not_a_vague_word():
    p = find_number_phrases("some 30 people and some people")
    assert [(x.text, x.qualifier) for x in p] == [("some 30", "approximately"), ("some", "vague")]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789 ,.-–$€£%+:/abcdefghijklmnopqrstuvwxyz\u00a0\u202f")) , max_size=80))
def test_never_crashes_on_numberish_text(text):
    for p in find_number_phrases(text):
        assert text[p.span[0]:p.span[1]] == p.text
        assert p.span[0] <= p.core[0] <= p.core[1] <= p.span[1]
    parse_number(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_never_crashes_on_arbitrary_text(text):
    phrases = find_number_phrases(text)
    for p in phrases:
        assert text[p.span[0]:p.span[1]] == p.text
    spans = [p.span for p in phrases]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:]))
    parse_number(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([
    "more than", "about", "nearly", "up to", "between", "and", "to", "or", "12,000", "twenty-five", "a dozen",
    "dozens", "of", "thousands", "tens", "hundred", "$5m", "€2m", "the", "25th", "-", "several", "a few",
    "some", "many", "people", "or so", "1.5 million", "12 000", "%",
]), max_size=12))
def test_never_crashes_on_number_word_soup(words):
    text = " ".join(words)
    for p in find_number_phrases(text):
        assert text[p.span[0]:p.span[1]] == p.text
        for v in (p.low, p.best, p.high):
            assert v is None or v >= 0
        if p.low is not None and p.high is not None:
            assert p.low <= p.high
