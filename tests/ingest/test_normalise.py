"""The text the pipeline reads (NFC, invisible format characters removed) and its map back to
the article as ingested: spans still slice the original text."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.ingest.normalise import normalise_text

ZW = "\u200b"


def test_already_clean_text_is_not_copied_or_mapped():
    m = normalise_text("Officials said 40 migrants drowned.")
    assert m.clean == m.original and not m.changed
    assert m.to_original((15, 17)) == (15, 17)


def test_zero_width_inside_a_figure_maps_back_over_it():
    text = f"Officials said 4{ZW}0 migrants drowned{ZW}."
    m = normalise_text(text)
    assert m.clean == "Officials said 40 migrants drowned."
    s, e = m.to_original((15, 17))
    assert text[s:e] == f"4{ZW}0"
    s, e = m.to_original((27, 34))  # "drowned": the trailing zero-width stays outside
    assert text[s:e] == "drowned"


def test_decomposed_accents_are_composed():
    text = "The Re\u0301union office said 12 people arrived."
    m = normalise_text(text)
    assert m.clean == "The R\u00e9union office said 12 people arrived."
    i = m.clean.index("Réunion")
    s, e = m.to_original((i, i + len("Réunion")))
    assert text[s:e] == "Re\u0301union"
    j = m.clean.index("12")
    assert text[slice(*m.to_original((j, j + 2)))] == "12"


def test_a_removed_character_does_not_break_what_composes():
    """A format character inside a Hangul syllable or between two marks that NFC reorders."""
    for text in ("\u1100\u200b\u1161", "ab\u0301\u200b\u0327"):
        m = normalise_text(text)
        assert m.clean == unicodedata.normalize("NFC", text.replace(ZW, ""))
        for s in range(len(m.clean)):
            a, b = m.to_original((s, s + 1))
            assert m.clean[s] in unicodedata.normalize("NFC", text[a:b].replace(ZW, ""))


_ALPHABET = st.sampled_from(list("ab 40.,\n") + ["\u0301", "\u0327", ZW, "\u00ad", "\ufeff", "\u200e", "\u2060",
                                                 "\u1100", "\u1161", "\u11a8", "\u00e9", "\u09c7", "\u09be"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.data())
def test_every_span_maps_into_the_original(text, data):
    m = normalise_text(text)
    n = len(m.clean)
    assert not any(unicodedata.category(c) == "Cf" for c in m.clean)
    assert unicodedata.normalize("NFC", "".join(c for c in text if unicodedata.category(c) != "Cf")) == m.clean
    s = data.draw(st.integers(0, n))
    e = data.draw(st.integers(s, n))
    a, b = m.to_original((s, e))
    assert 0 <= a <= b <= len(text)
    piece = unicodedata.normalize("NFC", "".join(c for c in text[a:b] if unicodedata.category(c) != "Cf"))
    assert m.clean[s:e] in piece
    if s < e:  # monotone: a later start never maps before an earlier one
        a2, _ = m.to_original((s + 1, e)) if s + 1 <= e else (a, b)
        assert a2 >= a


def test_extraction_reads_through_a_zero_width_space_and_spans_point_into_the_original():
    import claimwatch
    from claimwatch.model import check_spans

    text = (f"The coast guard said 4{ZW}0 migrants drowned off the coast of Libya on Tuesday. "
            "Rescuers pulled 12 survivors from the water, the agency said.")
    article = claimwatch.extract(text, published="2024-03-05")
    assert article.text == text
    assert check_spans(article) == []
    figures = {c.quantity.text: c.quantity.best for c in article.claims if c.quantity is not None}
    assert figures.get(f"4{ZW}0") == 40
    assert 4 not in figures.values() and 0 not in figures.values()


def test_no_ascii_character_is_a_format_character():
    assert not any(unicodedata.category(chr(c)) == "Cf" for c in range(128))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", " ", "1", "é", "\u2019", "\u00ad", ZW, "\u2060", "\ufeff", "\u0301", "Я"]),
               max_size=40))
def test_the_format_character_check_agrees_with_a_look_up_per_character(text):
    from claimwatch.ingest.normalise import _has_invisible, is_invisible

    assert _has_invisible(text) == any(is_invisible(ch) for ch in text)


def test_no_code_point_above_the_last_decomposable_one_has_a_canonical_decomposition():
    """The second starters are read from the code points up to ``_LAST_DECOMPOSABLE``: none above
    it may decompose, or a composing pair would be missed (checked on this Python's Unicode data)."""
    from claimwatch.ingest.normalise import _LAST_DECOMPOSABLE

    above = [c for c in range(_LAST_DECOMPOSABLE + 1, 0x110000)
             if unicodedata.decomposition(chr(c)) and not unicodedata.decomposition(chr(c)).startswith("<")]
    assert above == []
    assert unicodedata.decomposition(chr(_LAST_DECOMPOSABLE))
