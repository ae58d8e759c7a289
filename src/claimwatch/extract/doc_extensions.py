"""claimwatch's layers as spaCy ``Doc`` extensions, and a spaCy pipeline component.

Registered once, when claimwatch is imported (:func:`register_extensions` is idempotent):

* ``doc._.claimwatch`` — the :class:`~claimwatch.extract.layers.Mentions` of the doc;
* ``doc._.claimwatch_quantities``, ``_times``, ``_places``, ``_attributions``, ``_events``,
  ``_entities`` — one layer each (lists of the typed items);
* ``doc._.claimwatch_published`` — an ISO date you may set before reading the layers, to resolve
  relative times ("on Monday").

The layers are computed on first access (the doc must come from an English pipeline with tagger,
lemmatizer, parser and NER, such as ``en_core_web_sm``) and kept in ``doc.user_data``;
:func:`claimwatch.analyse` fills them for the doc it parses. In your own spaCy pipeline,
``nlp.add_pipe("claimwatch")`` (after ``import claimwatch``) computes them while the doc is made::

    import claimwatch, spacy
    nlp = spacy.load("en_core_web_sm")
    nlp.add_pipe("claimwatch", config={"published": "2025-01-02"})
    doc = nlp(text)
    doc._.claimwatch_quantities
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .layers import LAYER_NAMES, USER_DATA_KEY, Mentions, analyse_doc

__all__ = ["register_extensions", "EXTENSIONS", "ClaimwatchComponent", "mentions_for"]

#: the Doc extension names claimwatch registers
EXTENSIONS = ("claimwatch", "claimwatch_published") + tuple(f"claimwatch_{name}" for name in LAYER_NAMES)


def mentions_for(doc: Doc) -> Mentions:
    """The doc's mentions, computed on first use and kept in ``doc.user_data``."""
    found = doc.user_data.get(USER_DATA_KEY)
    if found is None:
        found = analyse_doc(doc, doc._.claimwatch_published)
    return found


def _layer_getter(name: str):
    def get(doc: Doc) -> list[Any]:
        return list(getattr(mentions_for(doc), name))

    get.__name__ = f"get_claimwatch_{name}"
    return get


def register_extensions() -> None:
    """Register the ``Doc`` extensions (once; later calls change nothing)."""
    if not Doc.has_extension("claimwatch_published"):
        Doc.set_extension("claimwatch_published", default=None)
    if not Doc.has_extension("claimwatch"):
        Doc.set_extension("claimwatch", getter=mentions_for)
    for name in LAYER_NAMES:
        if not Doc.has_extension(f"claimwatch_{name}"):
            Doc.set_extension(f"claimwatch_{name}", getter=_layer_getter(name))


class ClaimwatchComponent:
    """The spaCy component ``"claimwatch"``: computes the layers of every doc it sees."""

    def __init__(self, published: str | None = None) -> None:
        self.published = published

    def __call__(self, doc: Doc) -> Doc:
        analyse_doc(doc, doc._.claimwatch_published or self.published)
        return doc


if "claimwatch" not in Language.factories:
    @Language.factory("claimwatch", default_config={"published": None})
    def make_claimwatch_component(nlp: Language, name: str, published: str | None) -> ClaimwatchComponent:
        """Factory of the ``claimwatch`` pipeline component."""
        return ClaimwatchComponent(published)

register_extensions()
