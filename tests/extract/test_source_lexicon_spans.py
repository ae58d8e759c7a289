"""The source lexicon's matches found from the words they can open with
(``sources.lexicon_spans``) are exactly those of scanning the text with every matcher."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.extract import sources
from claimwatch.extract.sources import _MATCHERS, _TYPES, lexicon_spans


def _plain(text: str) -> list[list[tuple[int, int]]]:
    return [[m.span() for m in rx.finditer(text)] for _, _, rx in _MATCHERS]


def _lexicon_words() -> list[str]:
    phrases = [p for spec in _TYPES["types"].values() for kind in ("org", "role") for p in spec.get(kind, [])]
    phrases += [p for t, acr in _TYPES["acronyms"].items() if not t.startswith("_") for p in acr]
    return sorted({w.strip("*?") for p in phrases for w in p.split()} - {""})


_WORDS = _lexicon_words()
_PIECES = st.one_of(
    st.sampled_from(_WORDS),
    st.sampled_from(_WORDS).map(str.upper),
    st.sampled_from(_WORDS).map(str.title),
    st.sampled_from([" ", "  ", "\n", ",", "'", "-", "'s", ".", "(", "s", "ed", "x"]),
    st.text(alphabet="abcKkSsIi’é -'", max_size=4),
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=14).map("".join))
def test_spans_equal_a_scan_with_every_matcher(text: str) -> None:
    assert lexicon_spans(text) == _plain(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=6).map(" ".join))
def test_spans_of_lexicon_phrases_equal_a_scan(text: str) -> None:
    assert lexicon_spans(text) == _plain(text)


def test_every_matcher_is_indexed_and_finds_its_own_phrases() -> None:
    # the shortcut covers every current matcher (none falls back to the whole-text scan) ...
    assert sources._OPENING_INDEX[2] == frozenset()
    # ... and finds what the scan finds on text the matchers are written for
    text = "the Ministry of Defence and UN officials said, a police officer and the NATO spokesperson told AP"
    assert lexicon_spans(text) == _plain(text)
    assert any(lexicon_spans(text))
