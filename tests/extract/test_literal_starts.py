"""Trying a pattern only where its opening words occur (``literal_starts.StartScan``) finds exactly
the spans ``pattern.finditer`` finds over the whole text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.extract import timex_rules
from claimwatch.extract.literal_starts import DIGIT, StartScan, jumps_itself, literal_starts

_WORDS = ["ab", "a", "ba", "b", "aab", "abab", "1", "12", "2024"]
_ENDINGS = ["", r"\b", "s?", r"\s+b", "(?:a|ba)", r"\d{2}", "b*", r"[.]?a"]


@st.composite
def _patterns(draw) -> str:
    alts = []
    for _ in range(draw(st.integers(1, 4))):
        word = draw(st.sampled_from(_WORDS + [r"\d{2}", r"\d+", r"(?:a|bb)"]))
        alts.append(draw(st.sampled_from(["", r"\b"])) + word + draw(st.sampled_from(_ENDINGS)))
    body = "|".join(alts)
    return draw(st.sampled_from([body, rf"\b(?:{body})\b", f"(?:{body})"]))


_TEXTS = st.text(alphabet="ab12 s.\n", max_size=80)


@settings(max_examples=400, deadline=None)
@given(_patterns(), _TEXTS)
def test_start_scan_finds_what_finditer_finds(source, text):
    starts = literal_starts(source)
    assert starts, source       # every pattern drawn here is in the grammar read
    pattern = re.compile(source)
    assert StartScan(text).finditer_spans(pattern, starts) == [m.span() for m in pattern.finditer(text)]


_TRIGGER_TEXT = st.lists(st.sampled_from(sorted({w for s in timex_rules._TRIGGER_STARTS.values() if s for w in s} - {DIGIT})
                                         + ["1990", "12:30", "4 pm", "80s", "2020-01-02", "1/2", "s", "a", "far", "date",
                                            "gmt", "the", "x", "-", "'"]),
                         max_size=40)


@settings(max_examples=300, deadline=None)
@given(_TRIGGER_TEXT, st.lists(st.sampled_from(["", " ", "  ", "\n", "-", "s "]), min_size=40, max_size=40))
def test_time_triggers_read_by_their_opening_words_match_the_full_scan(words, gaps):
    text = "".join(w + g for w, g in zip(words, gaps))
    scan = StartScan(text)
    for kind, starts in timex_rules._TRIGGER_STARTS.items():
        if starts is not None:
            pattern = timex_rules._LOWER_TRIGGERS[kind]
            assert scan.finditer_spans(pattern, starts) == [m.span() for m in pattern.finditer(text)], kind


def test_openings_read_off_the_plain_grammar():
    assert literal_starts(r"\b(?:past|last)\b") == {"past", "last"}
    assert literal_starts(r"days?|week") == {"day", "week"}
    assert literal_starts(r"\d{4}|noon") == {DIGIT, "noon"}
    assert literal_starts(r"good\s+friday") == {"good"}


def test_what_is_not_read_plainly_is_refused():
    for source in (r"(?:ab)?c", r"(?i:ab)", r"\d?x", r"\d{0,2}x", "a|", r"[ab]c", r"\.x", r"(?<=a)b", "(?:a|)b"):
        assert literal_starts(source) is None, source


def test_a_pattern_re_jumps_through_on_its_own_is_left_to_re():
    assert jumps_itself("year") and jumps_itself(r"week\s+of")
    assert not jumps_itself(r"\byear\b") and not jumps_itself("day|week") and not jumps_itself(r"\d{4}")


def test_a_bracket_inside_a_character_class_does_not_end_it():
    """"[^]|]", "[\\]|]" and "[]|]" are classes holding "]" and "|": the "|" inside them splits nothing."""
    from claimwatch.extract.literal_starts import alternatives

    assert alternatives(r"[^]|]x|y") == [r"[^]|]x", "y"]
    assert alternatives(r"[\]|]x|y") == [r"[\]|]x", "y"]
    assert alternatives(r"[]|]x|y") == [r"[]|]x", "y"]
    assert alternatives(r"[ab") is None


def test_the_time_rules_read_the_alternatives_of_a_pattern_at_its_top_level():
    from claimwatch.extract.timex_rules import _top_level_alternatives

    assert _top_level_alternatives("(?:a|b)") == ["a", "b"]
    assert _top_level_alternatives("(?:a)|(?:b)") == ["(?:a)", "(?:b)"]
    assert _top_level_alternatives("(?:a)(?:b)") == ["(?:a)(?:b)"]
