"""claimwatch: turn news reports into a sourced, uncertainty-aware database of claims.

The public API is what ``__all__`` lists; everything else is internal.
"""

from __future__ import annotations

from .errors import ClaimwatchError
from .model import Actor, Article, Claim, Estimate, Place, Quantity, Source, TimeInfo
from .settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "Actor",
    "Article",
    "Claim",
    "ClaimwatchError",
    "Estimate",
    "Place",
    "Quantity",
    "Settings",
    "Source",
    "TimeInfo",
    "extract",
    "extract_document",
    "extract_many",
    "load_settings",
]


def __getattr__(name: str):
    # the extraction API loads spaCy: imported on first use, so `import claimwatch.model` stays light
    if name in {"extract", "extract_document", "extract_many"}:
        from .extract import api

        return getattr(api, name)
    raise AttributeError(f"module 'claimwatch' has no attribute {name!r}")
