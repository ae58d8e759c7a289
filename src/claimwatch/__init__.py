"""claimwatch: turn news reports into a sourced, uncertainty-aware database of claims.

The public API is what ``__all__`` lists; everything else is internal.
"""

from __future__ import annotations

from .errors import ClaimwatchError

# bound after the subpackage import, so `claimwatch.extract` is the function, not the package
from .extract.api import extract, extract_document, extract_many  # noqa: E402
from .extract.doc_extensions import register_extensions  # registers the spaCy Doc extensions once
from .extract.layers import (
    AttributionItem,
    EntityItem,
    EventItem,
    Mentions,
    PlaceItem,
    QuantityItem,
    RoleSpan,
    TimeItem,
    analyse,
    analyse_doc,
)
from .model import Actor, Article, Claim, Estimate, Place, Quantity, Source, TimeInfo
from .settings import Settings, load_settings

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "Actor",
    "Article",
    "AttributionItem",
    "Claim",
    "ClaimwatchError",
    "EntityItem",
    "Estimate",
    "EventItem",
    "Mentions",
    "Place",
    "PlaceItem",
    "Quantity",
    "QuantityItem",
    "RoleSpan",
    "Settings",
    "Source",
    "TimeInfo",
    "TimeItem",
    "analyse",
    "analyse_doc",
    "extract",
    "extract_document",
    "extract_many",
    "load_settings",
    "register_extensions",
]

