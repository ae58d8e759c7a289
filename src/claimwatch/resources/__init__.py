"""The package's data files (lexicons, tables, the gazetteer) and the one way every layer reads them.

Each reader takes the path inside this package as parts (``read_json("gazetteer", "place_cues.json")``)
and decodes UTF-8. Nothing here is cached: the modules that use a file read it once, at import or
behind their own ``lru_cache``, and may keep what they derive from it.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

__all__ = ["read_text", "read_json", "read_bytes"]


def read_bytes(*parts: str) -> bytes:
    """The raw bytes of the data file at ``parts``."""
    return resources.files(__name__).joinpath(*parts).read_bytes()


def read_text(*parts: str) -> str:
    """The text of the data file at ``parts`` (UTF-8)."""
    return resources.files(__name__).joinpath(*parts).read_text(encoding="utf-8")


def read_json(*parts: str) -> Any:
    """The parsed JSON of the data file at ``parts``."""
    return json.loads(read_text(*parts))
