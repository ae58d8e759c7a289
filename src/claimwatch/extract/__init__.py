"""Extraction: one article's text → its claims (SPEC §2).

spaCy segmentation and parsing, then one module per stage (quantities, attribution,
certainty, events, timex, places) and the claims assembly; see ``pipeline.py`` for the
order. The public entry points are :func:`extract`, :func:`extract_many` and
:func:`extract_document`.
"""

from __future__ import annotations

from .api import extract, extract_document, extract_many

__all__ = ["extract", "extract_many", "extract_document"]
