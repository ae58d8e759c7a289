"""The time-expression scan's shortcut (a rule's full pattern runs from just before the first match
of its body in a window) finds exactly what running the full pattern over every window finds."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.extract import timex_rules
from claimwatch.extract.timex_registry import RULES

_WORDS = ["as", "of", "since", "starting", "on", "in", "from", "up", "until", "to", "through", "throughout", "over",
          "the", "last", "past", "next", "three", "3", "2013", "12", "1990s", "May", "March", "Monday", "today",
          "day", "days", "week", "weeks", "year", "years", "month", "ago", "earlier", "early", "mid", "late",
          "quarter", "summer", "morning", "night", "a.m.", "10:30", "daily", "every", "each", "so", "far",
          "about", "nearly", "more", "than", "-", ",", ".", "(", ")", "’s", "Christmas", "Day", "eve", "now",
          "for", "end", "ended", "at", "century", "20th", "nineties", "week", "that", "same", "UTC", "0600", "midday",
          "term", "near", "trading", "straight", "half", "later", "Oct.", "Sept.", "final", "period", "year-ago"]
_SPACES = [" ", " ", " ", "  ", "\n", " \n\n", "\t"]


def _text(draw_words: list[str], draw_spaces: list[str]) -> str:
    return "".join(w + s for w, s in zip(draw_words, draw_spaces))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=60), st.lists(st.sampled_from(_SPACES), min_size=60, max_size=60))
def test_body_shortcut_finds_what_the_full_pattern_finds(words, spaces):
    text = _text(words, spaces)
    scan = timex_rules._Scan(text)
    for rule in RULES:
        fast = [m.span() for m in timex_rules._matches(rule, text, scan)]
        full = [m.span() for m in timex_rules._matches(replace(rule, body=None), text, scan)]
        assert fast == full, (rule.kind, text)


def test_prepositions_have_at_most_the_words_the_shortcut_steps_back_over():
    assert timex_rules._PREP_WORDS == 2
    text = "It was up  until\n March 3."
    start = text.index("March")
    assert timex_rules._prep_room(text, start, 0) == text.index("up")


_REQUIRED_PIECES = ["Ukraine", "UKRAINIAN", "ukrain", "Ukraİne", "UKRAıN", "Russia", "RuſſIA", "ruSSia", "Crimea",
                    "COVID", "coviD-19", "coronaviruſ", "Pandemic", "Taliban", "Afghan", "Belarus", "BELARUſ",
                    "since", "the", "war", "é", "’", "K", " ", "\n"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_REQUIRED_PIECES), max_size=12))
def test_required_words_check_never_rules_out_what_the_case_insensitive_search_finds(pieces):
    text = " ".join(pieces)
    windows = timex_rules._Scan(text)
    for rec in timex_rules.named_periods():
        if rec["_req"] is not None and rec["_req"].search(text):
            assert timex_rules._may_require(rec, windows), (rec["requires"], text)


def test_only_the_odd_cases_match_an_ascii_letter_that_lower_case_does_not_give():
    import re
    import string
    every = "".join(chr(i) for i in range(0x30000) if not 0xD800 <= i < 0xE000)
    odd = {c for a in string.ascii_letters + string.digits + " " for c in re.findall(re.escape(a), every, re.I)
           if c.lower() != a.lower()}
    assert odd == set(timex_rules._ODD_CASES)


def test_the_required_words_are_read_only_from_plain_alternatives():
    assert timex_rules._plain_words("Ukrain|Russia") == ("ukrain", "russia")
    assert timex_rules._plain_words(r"Ukrain(?:e|ian)") is None
    assert timex_rules._plain_words(r"covid\b") is None
