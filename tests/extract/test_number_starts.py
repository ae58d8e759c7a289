"""The number grammar run only where a phrase can start (:class:`StartIndex`) finds exactly what
searching the whole text finds, from any position."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.extract import number_words, numbers
from claimwatch.extract.number_starts import StartIndex

#: words the grammar reads, written out here (not taken from the list the index uses)
_GRAMMAR_WORDS = [
    "USD", "EUR", "GBP", "UAH", "RUB", "JPY", "INR", "PLN", "CHF", "US", "AU", "A", "C", "NZ", "HK", "S", "a", "an", "half",
    "dozen", "dozens", "tens", "hundreds", "thousands", "millions", "billions", "several", "few", "couple", "score",
    "scores", "handful", "lot", "lots", "number", "many", "numerous", "multiple", "countless", "some",
    *number_words.UNITS, *number_words.TENS, *number_words.SCALES, *number_words.ORD_UNITS, *number_words.ORD_TENS,
    *number_words.ORD_SCALES]
_OTHER = [
    "Three", "THOUSANDS", "Some", "US$", "A$", "NZ$", "€", "$", "£", "¥", "₴", "+", "(", ")", "1", "12", "2,500", "3.5",
    "10:30", "5 p.m.", "12/05/2022", "2022-05-12", "+44 20 7946 0958", "1st", "21st", "twenty-first", "thirty-five",
    "half a dozen", "a few", "a couple of", "a handful of", "a score of", "a lot of", "an unknown number of",
    "tens of thousands", "several hundred", "or so", "per cent", "%", "bn", "m", "k", "-", "–", "—", ".", ",", "/",
    "#", "km", "500km", "-36", "A330-200", "ſeveral", "\u212am", "İ", "fewer", "someone", "manyfold", "sevenfold",
    "people", "were", "of", "to", "and", "between", "from", "about", "٣", "½", "²", "_", "x"]
_GLUE = ["", " ", " ", "  ", "\n", "\u00a0", "-", "(", ", "]
_CONTEXTS = ["{} 5", "{}5", "{}$5", "({} 5", "x {} dozen", "{}-first", "{} of thousands", "{} few", "{} number of",
             "{} lot of", "{} score of", "{} a dozen", "-{} 3", "{}", "{} hundred and {}"]


def _same(text: str) -> None:
    index = StartIndex(text, numbers._FIRST_WORDS)
    for atom in (numbers._ATOM, numbers._ATOM_EXTENDED):
        for pos in range(len(text) + 1):
            fast, plain = index.search(atom, text, pos), atom.search(text, pos)
            assert (fast and (fast.span(), fast.lastgroup)) == (plain and (plain.span(), plain.lastgroup)), (text, pos)


def test_every_word_of_the_grammar_in_every_context():
    for word in _GRAMMAR_WORDS:
        for variant in (word, word.lower(), word.upper(), word.title()):
            for context in _CONTEXTS:
                _same(context.replace("{}", variant))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_GRAMMAR_WORDS + _OTHER), min_size=1, max_size=30),
       st.lists(st.sampled_from(_GLUE), min_size=30, max_size=30))
def test_search_from_the_start_index_equals_a_plain_search(words, glue):
    _same("".join(w + g for w, g in zip(words, glue)))
