"""Ingest: inputs (files, folders, JSONL, RSS/Atom, WARC) → :class:`Document` or :class:`Reject`.

``read_bytes`` / ``read_path`` read one article; ``iter_inputs`` walks any mix of inputs in
batch mode, turning each bad input into a :class:`Reject` while the rest goes on.
"""

from __future__ import annotations

from .document import Document, Reject
from .readers import read_bytes, read_path

__all__ = ["Document", "Reject", "read_bytes", "read_path", "iter_inputs"]


def __getattr__(name: str):
    if name == "iter_inputs":
        from .sources import iter_inputs

        return iter_inputs
    raise AttributeError(name)
