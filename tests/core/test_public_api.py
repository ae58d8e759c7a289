"""The root API is what __all__ lists, and `claimwatch.extract` is the extraction function."""

from __future__ import annotations

import claimwatch
import claimwatch.extract.pipeline  # importing the subpackage must not shadow the function


def test_all_names_resolve():
    for name in claimwatch.__all__:
        assert getattr(claimwatch, name) is not None, name


def test_extract_is_the_function():
    from claimwatch import extract

    assert callable(extract) and extract is claimwatch.extract_document.__globals__["extract"]
    article = extract("Border guards detained 12 men near the Tisza River on Saturday, officials said.",
                      published="2025-06-09")
    assert [c.quantity.best for c in article.claims if c.quantity] == [12]
