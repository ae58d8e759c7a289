"""Hypothesis: every span ``extract`` emits slices the article text exactly, on arbitrary
recombinations of news sentences (seed sentences plus general ones), with odd whitespace."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimwatch.extract import extract
from claimwatch.model import check_spans

GENERAL = [
    "Border guards detained 14 migrants near the village of Medyka on Monday.",
    "According to the UN refugee agency, more than 1.5 million people have fled the country.",
    "“We found the bodies of 12 people,” a police spokesman told reporters.",
    "The ministry denied that any soldiers had deserted.",
    "Up to 300 men may have crossed the river last week, officials said.",
    "Some 4.9 million hryvnias in bribes were seized, prosecutors said in a statement.",
    "Nobody was injured.",
    "Dozens of bodies were recovered from the sea near Lampedusa in 2023.",
    "Will the government extend the ban on men leaving the country?",
    "A 35-year-old man from Lviv was sentenced to five years in prison.",
]

_SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z“])")


def _pool(seed_text: str) -> list[str]:
    return [s for s in _SENT.split(seed_text.replace("\n\n", " ")) if s.strip()] + GENERAL


def test_spans_slice_text_on_recombined_sentences(seed_body):
    pool = _pool(seed_body)

    @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.lists(st.sampled_from(pool), min_size=1, max_size=8),
        st.lists(st.sampled_from([" ", "\n\n", "\n", "  ", "\n \n"]), min_size=8, max_size=8),
        st.sampled_from(["", "  ", "\n", "\ufeff"]),
    )
    def check(sentences, seps, lead):
        text = lead + "".join(s + sep for s, sep in zip(sentences, seps))
        article = extract(text, validate=False)
        assert article.text == text
        assert check_spans(article) == []
        for c in article.claims:
            assert text[c.span[0]:c.span[1]] == c.text
            if c.quantity is not None:
                assert c.span[0] <= c.quantity.span[0] < c.quantity.span[1] <= c.span[1]

    check()
