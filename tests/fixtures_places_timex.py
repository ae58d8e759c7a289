"""Fixtures for the places and timex stages: run spaCy + one stage over a short text."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def analyse(nlp):
    from claimwatch.extract.base import Analysis
    from claimwatch.extract.pipeline import paragraphs_of, segment
    from claimwatch.extract.places import find_places
    from claimwatch.extract.timex import find_times

    def run(text: str, published: str | None = None, stages=("places", "times")) -> Analysis:
        doc = nlp(text)
        paras = paragraphs_of(text)
        a = Analysis(text=text, doc=doc, published=published, paragraphs=paras, sentences=segment(doc, paras))
        if "times" in stages:
            a.times = find_times(a)
        if "places" in stages:
            a.places = find_places(a)
        return a

    return run
