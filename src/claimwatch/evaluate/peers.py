"""Peer baselines, run in the same harness on the same documents as claimwatch.

* ``quantulum3`` (quantities): ``quantulum3.parser.parse``; value = the parsed value, unit = the
  unit name (``None`` for dimensionless numbers). It reports every number, as it is built to.
* ``dateparser`` (timexes): ``dateparser.search.search_dates`` with the publication date as
  ``RELATIVE_BASE``; each found string is re-read with ``DateDataParser`` for its period
  (day / week / month / year) to give a TIMEX3-style value.
* ``textacy`` (attributions): ``textacy.extract.triples.direct_quotations`` over the same spaCy
  parse claimwatch uses (parsing time is counted); speaker -> source, cue -> cue,
  quotation -> content.
* ``spaCy`` (quantities, timexes, toponyms): the model's own entities (CARDINAL/MONEY/PERCENT/
  QUANTITY, DATE/TIME, GPE/LOC/FAC), spans only.
* ``assert-all`` (events): the majority answer, every predicate ``certain`` and ``positive``;
  it finds no spans, only the certainty/polarity accuracy on gold events is comparable.

The peers live in the ``eval`` extra: they are imported lazily and reported as
"not installed" when absent.
"""

from __future__ import annotations

import datetime as _dt
import importlib
import logging
import warnings
from typing import Iterable

from .gold import GoldDoc, Item
from .scorers import timex_value

__all__ = ["PEERS", "peer_for", "peers_for", "Quantulum3Peer", "DateparserPeer", "TextacyPeer", "AssertAllPeer",
           "SpacyPeer"]


def _missing(*modules: str) -> str | None:
    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError:
            return f"not installed ({module}; pip install 'claimwatch[eval]')"
        except Exception as exc:  # noqa: BLE001 - broken installation
            return f"cannot import {module}: {exc.__class__.__name__}"
    return None


class Quantulum3Peer:
    name = "quantulum3"
    layers = ("quantities",)
    scores_spans = True

    def __init__(self) -> None:
        self.notes: list[str] = []

    def unavailable(self) -> str | None:
        return _missing("quantulum3.parser")

    def predict(self, docs: list[GoldDoc], layers: Iterable[str]) -> list[dict[str, list[Item]]]:
        logging.getLogger("quantulum3").setLevel(logging.ERROR)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import classifier, parser

            out = []
            for doc in docs:
                items = []
                try:
                    found = parser.parse(doc.text)
                except Exception:  # noqa: BLE001 - its pickled classifier does not load here
                    if not classifier.USE_CLF:
                        raise
                    classifier.USE_CLF = False
                    self.notes.append("quantulum3 classifier unusable (scikit-learn version); "
                                      "its dictionary disambiguation is used")
                    found = parser.parse(doc.text)
                for q in found:
                    s, e = q.span
                    unit = q.unit.name if q.unit is not None else None
                    items.append(Item((s, e), doc.text[s:e], {
                        "value": q.value, "unit": None if unit in (None, "dimensionless") else unit}))
                out.append({"quantities": items})
        return out


def _published(doc: GoldDoc) -> _dt.datetime | None:
    try:
        return _dt.datetime.fromisoformat(str(doc.published)[:10]) if doc.published else None
    except ValueError:
        return None


class DateparserPeer:
    name = "dateparser"
    layers = ("timexes",)
    scores_spans = True

    def unavailable(self) -> str | None:
        return _missing("dateparser.search", "dateparser.date")

    def predict(self, docs: list[GoldDoc], layers: Iterable[str]) -> list[dict[str, list[Item]]]:
        from dateparser.date import DateDataParser
        from dateparser.search import search_dates

        out = []
        for doc in docs:
            base = _published(doc)
            settings = {"RELATIVE_BASE": base} if base else {}
            ddp = DateDataParser(languages=["en"], settings=settings or None)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found = search_dates(doc.text, languages=["en"], settings=settings or None) or []
            items, pos = [], 0
            for surface, when in found:
                i = doc.text.find(surface, pos)
                if i < 0:
                    i = doc.text.find(surface)
                    if i < 0:
                        continue
                pos = i + len(surface)
                period = "day"
                try:
                    data = ddp.get_date_data(surface)
                    period = data.period or "day"
                except Exception:  # noqa: BLE001 - keep the day reading search_dates gave
                    pass
                precision = {"time": "day"}.get(period, period)
                items.append(Item((i, i + len(surface)), surface,
                                  {"value": timex_value(when.date().isoformat(), None, precision)}))
            out.append({"timexes": items})
        return out


class TextacyPeer:
    name = "textacy"
    layers = ("attributions",)
    scores_spans = True

    def unavailable(self) -> str | None:
        return _missing("textacy.extract.triples")

    def predict(self, docs: list[GoldDoc], layers: Iterable[str]) -> list[dict[str, list[Item]]]:
        from textacy.extract.triples import direct_quotations

        from ..extract.pipeline import load_nlp

        nlp = load_nlp()
        out = []
        for doc, parsed in zip(docs, nlp.pipe(d.text for d in docs)):
            items = []
            try:
                triples = list(direct_quotations(parsed))
            except Exception:  # noqa: BLE001 - textacy fails on some parses; nothing found
                triples = []
            for t in triples:
                speaker = _tokens_span(t.speaker)
                cue = _tokens_span(t.cue)
                content = (t.content.start_char, t.content.end_char) if t.content is not None else None
                roles = {"source": speaker, "cue": cue, "content": content}
                first = next((s for s in roles.values() if s is not None), None)
                items.append(Item(first, "", roles))
            out.append({"attributions": items})
        return out


def _tokens_span(tokens) -> tuple[int, int] | None:
    toks = list(tokens or [])
    if not toks:
        return None
    return (min(t.idx for t in toks), max(t.idx + len(t.text) for t in toks))


class AssertAllPeer:
    """Majority baseline for modality: no spans, every gold event read as certain and positive."""

    name = "assert-all"
    layers = ("events",)
    scores_spans = False

    def unavailable(self) -> str | None:
        return None

    def predict(self, docs: list[GoldDoc], layers: Iterable[str]) -> list[dict[str, list[Item]]]:
        return [{"events": [], "modalities": []} for _ in docs]


class SpacyPeer:
    """spaCy's own named entities (the same model claimwatch parses with) read as layers:
    CARDINAL / MONEY / PERCENT / QUANTITY -> quantities, DATE / TIME -> timexes, GPE / LOC / FAC ->
    toponyms. spaCy gives spans only (no normalised value, no coordinates), so only span F1 is
    compared; parsing time is counted."""

    name = "spaCy"
    layers = ("quantities", "timexes", "toponyms")
    scores_spans = True
    LABELS = {"quantities": ("CARDINAL", "MONEY", "PERCENT", "QUANTITY"), "timexes": ("DATE", "TIME"),
              "toponyms": ("GPE", "LOC", "FAC")}

    def unavailable(self) -> str | None:
        try:
            from ..extract.pipeline import load_nlp

            load_nlp()
        except Exception as exc:  # noqa: BLE001 - no model installed
            return f"no spaCy model ({exc.__class__.__name__})"
        return None

    def predict(self, docs: list[GoldDoc], layers: Iterable[str]) -> list[dict[str, list[Item]]]:
        from ..extract.pipeline import load_nlp

        wanted = [layer for layer in layers if layer in self.LABELS]
        out = []
        for parsed in load_nlp().pipe(d.text for d in docs):
            out.append({layer: [Item((e.start_char, e.end_char), e.text, {}) for e in parsed.ents
                                if e.label_ in self.LABELS[layer]] for layer in wanted})
        return out


#: the peers compared on each layer, in the order they are shown
PEERS: dict[str, tuple[type, ...]] = {
    "quantities": (Quantulum3Peer, SpacyPeer),
    "timexes": (DateparserPeer, SpacyPeer),
    "toponyms": (SpacyPeer,),
    "attributions": (TextacyPeer,),
    "events": (AssertAllPeer,),
}


def peers_for(layers: Iterable[str]) -> list[tuple[object, list[str]]]:
    """One instance of every peer covering any of ``layers``, with the layers it is run on."""
    out: dict[type, list[str]] = {}
    for layer in layers:
        for cls in PEERS.get(layer, ()):
            out.setdefault(cls, []).append(layer)
    return [(cls(), wanted) for cls, wanted in out.items()]


def peer_for(layer: str):
    """The first peer of ``layer`` (None when it has none)."""
    classes = PEERS.get(layer, ())
    return classes[0]() if classes else None
