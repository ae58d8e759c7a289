"""The token table gives what spaCy's own Token calls give: each token's children and the string
columns read through ``Doc.to_array``."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from claimwatch.extract.base import TokenTable, children_of

_PARSED = [
    "The minister said on Monday that he would not resign, but others disagreed.",
    "\"We will rebuild,\" the mayor told reporters in Kharkiv.\n\nAbout 2,500 people — mostly women — fled.",
    "According to the U.N. refugee agency (UNHCR), 40 migrants drowned off Lampedusa  on Sunday. ",
    "  Police, who arrived late, said nobody was hurt; no bodies were found.",
]


@pytest.fixture(scope="module")
def parsed(nlp):
    return [nlp(text) for text in _PARSED]


def test_children_and_columns_match_spacys_tokens(parsed):
    for doc in parsed:
        table = TokenTable(doc)
        assert [[c.i for c in kids] for kids in table.children] == [[c.i for c in t.children] for t in doc]
        assert [[c.i for c in children_of(t)] for t in doc] == [[c.i for c in t.children] for t in doc]
        assert table.heads == [t.head.i for t in doc]
        assert table.lower == [t.lower_ for t in doc]
        assert table.text == [t.text for t in doc]
        assert table.lemma == [t.lemma_.lower() for t in doc]
        assert table.pos == [t.pos_ for t in doc]
        assert table.dep == [t.dep_ for t in doc]
        assert table.ent_type == [t.ent_type_ for t in doc]
        assert table.ent_iob == [t.ent_iob_ for t in doc]



_VOCAB = spacy.blank("en").vocab


@st.composite
def _trees(draw):
    """A sentence or two with any heads (non-projective arcs too), each sentence one tree."""
    n = draw(st.integers(1, 14))
    cut = draw(st.integers(1, n))
    heads = []
    for lo, hi in ((0, cut), (cut, n)):
        if lo == hi:
            continue
        root = draw(st.integers(lo, hi - 1))
        order = draw(st.permutations(range(lo, hi)))
        placed = [root]
        for i in order:
            if i != root:
                heads.append((i, draw(st.sampled_from(placed))))
                placed.append(i)
        heads.append((root, root))
    heads.sort()
    return [h for _, h in heads]


@settings(max_examples=300, deadline=None)
@given(_trees())
def test_children_match_spacy_for_any_tree(heads):
    doc = Doc(_VOCAB, words=[f"w{i}" for i in range(len(heads))], heads=heads,
              deps=["ROOT" if h == i else "dep" for i, h in enumerate(heads)])
    table = TokenTable(doc)
    assert table.heads == [t.head.i for t in doc]
    assert [[c.i for c in kids] for kids in table.children] == [[c.i for c in t.children] for t in doc]
