"""Gold readers: the dev JSONL layer format and claim-level gold (``*.gold.json``).

Both readers return :class:`GoldDoc` objects: the text, the publication date and, per layer,
a list of :class:`Item` (a span with its text and the annotated attributes) or ``None`` when the
layer is not annotated in that document (so it is not scored there).

Layer names: ``quantities``, ``attributions``, ``timexes``, ``toponyms``, ``events``, ``claims``.

* JSONL layer format (see the dev data README): one document per line; spans are ``[s, e)``
  character offsets into ``text``. Attribute values that are ``null`` are left out of
  ``Item.attrs``, so scorers only count attributes the gold actually annotates.
* Claim gold (``seed.gold.json``): verbatim evidence strings; spans are derived by finding the
  evidence in the text and the other strings inside the evidence (or else in the text). The text
  is the ``text`` key of the gold file when present, else the sibling ``<name>.txt`` (its body:
  a headline line followed by a blank line is skipped). The count claims also yield a derived
  ``quantities`` layer (value = ``best``, unit), since a claim gold lists every counted quantity.

Partly annotated sets: MEANTIME annotates only the headline, the date line and the first five
sentences of each article (Minard et al. 2016, "MEANTIME, the NewsReader Multilingual Event and
Time Corpus", LREC; in the dev file the last annotation of every document, over all layers, lies
in the 4th-7th line or sentence). Such a document gets an ``extent``: the text up to the end of
the sentence holding its last annotation. Only predictions starting inside it are scored, since a
mention found in the unannotated rest can be neither confirmed nor refuted by the gold.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeGuard

from ..errors import EvaluationError

__all__ = [
    "LAYERS",
    "Item",
    "SpannedItem",
    "has_span",
    "GoldDoc",
    "read_gold",
    "read_layer_jsonl",
    "read_claim_gold",
    "body_of",
    "PARTLY_ANNOTATED",
    "QUANTITY_KINDS_ELSEWHERE",
    "annotated_extent",
]

LAYERS = ("quantities", "attributions", "timexes", "toponyms", "events", "claims")

Span = tuple[int, int]


@dataclass(eq=False)
class Item:
    """One annotated or predicted mention: a span, its text and attributes."""

    span: Span | None
    text: str = ""
    attrs: dict[str, Any] = field(default_factory=dict)


class SpannedItem(Protocol):
    """An :class:`Item` whose span is known (what the span scorers compare)."""

    @property
    def span(self) -> Span: ...

    @property
    def text(self) -> str: ...

    @property
    def attrs(self) -> dict[str, Any]: ...


def has_span(item: Item) -> TypeGuard[SpannedItem]:
    return item.span is not None


@dataclass
class GoldDoc:
    id: str
    dataset: str
    text: str
    published: str | None = None
    layers: dict[str, list[Item] | None] = field(default_factory=dict)
    #: the annotated part of ``text`` when the set annotates only the first sentences, else None
    extent: Span | None = None
    #: which numbers the ``quantities`` layer annotates: "counts" (claim gold: the count claims'
    #: quantities), "values" (MEANTIME VALUE markables: money, percentages, quantities; durations
    #: are TIMEX3 there), or None (whatever the set gives)
    quantity_scheme: str | None = None

    def layer(self, name: str) -> list[Item] | None:
        return self.layers.get(name)

    def in_extent(self, span: Span | None) -> bool:
        """Whether a predicted mention starting at ``span`` lies in the annotated part."""
        return self.extent is None or span is None or self.extent[0] <= span[0] < self.extent[1]

    def scored_item(self, layer: str, item: Item) -> Item | None:
        """The predicted item as this gold scores it, or None when the gold could not annotate it:
        outside the annotated part, or a quantity of a kind the set does not annotate. Claim gold
        ("counts") scores the count claims' quantities with the span the claim gives them
        (``count_span``); a predictor that gives no ``kind`` / ``count`` is scored on everything."""
        if not self.in_extent(item.span):
            return None
        if layer != "quantities" or self.quantity_scheme is None:
            return item
        if self.quantity_scheme == "counts":
            if not item.attrs.get("count", True):
                return None
            span = item.attrs.get("count_span")
            return item if span is None or span == item.span else Item(span, self.text[span[0]:span[1]], item.attrs)
        return None if item.attrs.get("kind") in QUANTITY_KINDS_ELSEWHERE.get(self.dataset, ()) else item


#: dataset name -> what part of each document it annotates (documents of other sets are whole)
PARTLY_ANNOTATED = {"meantime": "headline, date line and the first five sentences"}
#: dataset name -> the quantity kinds it annotates in another layer (MEANTIME: durations are TIMEX3)
QUANTITY_KINDS_ELSEWHERE = {"meantime": ("duration",)}

_SENTENCE_END = re.compile(r"[.!?][\"')\u201d\u2019]*(?=\s)|\n")
#: a period after these ("U.S.", "Mr.", "Inc.") does not end the sentence
_ABBREVIATION = re.compile(r"(?:[A-Z]\.)*[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Inc|Co|Corp|Ltd|No|Gen|Gov|Sen|Rep|Lt|Col"
                           r"|Capt|Sgt|Prof|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|vs")


def annotated_extent(text: str, layers: dict[str, list[Item] | None]) -> Span:
    """From the start of ``text`` to the end of the sentence that holds its last annotation."""
    ends = [s[1] for items in layers.values() for item in (items or [])
            for s in ([item.span] if item.span is not None else []) + [
                v for v in item.attrs.values() if isinstance(v, tuple) and len(v) == 2]]
    pos = max(ends, default=0)
    while True:
        m = _SENTENCE_END.search(text, pos)
        if m is None:
            return (0, len(text))
        before = text[max(0, m.start() - 20):m.start()].split()
        word = before[-1] if before else ""
        if m.group(0) == "\n" or not _ABBREVIATION.fullmatch(word):
            return (0, m.end())
        pos = m.end()


def _span(value: Any) -> Span | None:
    if value is None:
        return None
    s, e = value
    return (int(s), int(e))


def _attrs(raw: dict[str, Any], skip: tuple[str, ...] = ("span", "text")) -> dict[str, Any]:
    return {k: v for k, v in raw.items() if k not in skip and v is not None}


def _layer_items(name: str, raw: list[dict[str, Any]], text: str, where: str) -> list[Item]:
    items: list[Item] = []
    for ann in raw:
        if name == "attributions":
            spans = {role: _span(ann.get(role)) for role in ("source", "cue", "content")}
            first = next((s for s in spans.values() if s is not None), None)
            item = Item(first, "", {k: v for k, v in spans.items()})
        else:
            span = _span(ann.get("span"))
            if span is None:
                raise EvaluationError(where, detail=f"{name} annotation without a span")
            item = Item(span, ann.get("text") or text[span[0]:span[1]], _attrs(ann))
        for s in ([item.span] if name != "attributions" else item.attrs.values()):
            if s is not None and not (0 <= s[0] <= s[1] <= len(text)):
                raise EvaluationError(where, detail=f"{name} span {list(s)} outside the text")
        items.append(item)
    return items


def read_layer_jsonl(path: str | Path, *, limit: int | None = None) -> list[GoldDoc]:
    """Read a dev set in the JSONL layer format (first ``limit`` documents)."""
    path = Path(path)
    docs: list[GoldDoc] = []
    try:
        fh = path.open(encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(str(path), detail=exc.strerror or str(exc)) from None
    with fh:
        for n, line in enumerate(fh, 1):
            if limit is not None and len(docs) >= limit:
                break
            if not line.strip():
                continue
            where = f"{path}:{n}"
            try:
                raw = json.loads(line)
                text = raw["text"]
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise EvaluationError(where, detail=f"not a gold document ({exc})") from None
            layers: dict[str, list[Item] | None] = {}
            for name in LAYERS:
                value = raw.get(name)
                layers[name] = None if value is None else _layer_items(name, value, text, where)
            dataset = str(raw.get("dataset") or path.stem)
            extent = annotated_extent(text, layers) if dataset in PARTLY_ANNOTATED else None
            scheme = "values" if dataset in QUANTITY_KINDS_ELSEWHERE else None
            docs.append(GoldDoc(str(raw.get("id", n)), dataset, text, raw.get("published"), layers, extent,
                                scheme))
    return docs


def body_of(raw: str) -> str:
    """The body of a plain-text article: a first line of at most 200 characters without final
    sentence punctuation, followed by a blank line, is the headline and is skipped."""
    first, sep, rest = raw.partition("\n")
    if sep and rest.startswith(("\n", "\r\n")) and 0 < len(first.strip()) <= 200 \
            and first.rstrip()[-1:] not in ".!?\"”’:;":
        return rest.lstrip("\r\n")
    return raw


def _find(haystack: str, needle: str, start: int = 0, end: int | None = None) -> int:
    return haystack.find(needle, start, len(haystack) if end is None else end)


def _locate(text: str, needle: str | None, within: Span | None) -> Span | None:
    if not needle:
        return None
    if within is not None:
        i = _find(text, needle, within[0], within[1])
        if i >= 0:
            return (i, i + len(needle))
    i = _find(text, needle)
    return None if i < 0 else (i, i + len(needle))


def _claim_text(data: dict[str, Any], path: Path) -> str:
    if isinstance(data.get("text"), str):
        return data["text"]
    name = path.name
    stem = name[: -len(".gold.json")] if name.endswith(".gold.json") else path.stem
    sibling = path.with_name(stem + ".txt")
    if not sibling.exists():
        raise EvaluationError(str(path), detail=f"no 'text' key and no {sibling.name} beside it")
    raw = sibling.read_text(encoding="utf-8")
    evidence = [c.get("evidence", "") for c in data.get("claims", [])]
    body = body_of(raw)
    if all(e in body for e in evidence):
        return body
    return raw


def read_claim_gold(path: str | Path, *, text: str | None = None) -> GoldDoc:
    """Read claim-level gold (``seed.gold.json`` format) into a GoldDoc with a ``claims`` layer
    (and a derived ``quantities`` layer). ``text`` overrides where the article text comes from."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvaluationError(str(path), detail=exc.strerror or str(exc)) from None
    except json.JSONDecodeError as exc:
        raise EvaluationError(str(path), detail=f"not JSON ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("claims"), list):
        raise EvaluationError(str(path), detail="no 'claims' list")
    body = text if text is not None else _claim_text(data, path)
    claims: list[Item] = []
    quantities: list[Item] = []
    for n, raw in enumerate(data["claims"], 1):
        evidence = raw.get("evidence") or ""
        ev = _locate(body, evidence, None)
        if ev is None:
            raise EvaluationError(str(path), detail=f"claim {n}: evidence not found in the text: {evidence[:60]!r}")
        attrs = dict(raw)
        attrs["n"] = n
        q = raw.get("quantity")
        if q:
            qspan = _locate(body, q.get("text"), ev)
            if qspan is None:
                raise EvaluationError(str(path), detail=f"claim {n}: quantity {q.get('text')!r} not found")
            attrs["quantity_span"] = qspan
            if not q.get("implicit"):  # an implicit count (SPEC §3) is a noun phrase, not a number phrase
                quantities.append(Item(qspan, q["text"], {"value": q.get("best"), "unit": q.get("unit"),
                                                          "qualifier": q.get("qualifier")}))
        claims.append(Item(ev, evidence, attrs))
    layers: dict[str, list[Item] | None] = {name: None for name in LAYERS}
    layers["claims"] = claims
    # one gold item per distinct quantity span (several claims may share a number)
    first_at: dict[Span | None, Item] = {}
    for q in quantities:
        first_at.setdefault(q.span, q)
    layers["quantities"] = list(first_at.values())
    return GoldDoc(str(data.get("article") or path.stem), str(data.get("article") or path.stem), body,
                   data.get("published"), layers, quantity_scheme="counts")


def read_gold(path: str | Path, *, limit: int | None = None, text: str | None = None) -> list[GoldDoc]:
    """Read either gold format, chosen by content: JSONL layer documents or one claim-gold JSON."""
    path = Path(path)
    if not path.exists():
        raise EvaluationError(str(path), detail="no such file")
    if path.is_dir():
        raise EvaluationError(str(path), detail="is a directory, expected a gold file")
    if path.suffix == ".jsonl":
        return read_layer_jsonl(path, limit=limit)
    raw = path.read_text(encoding="utf-8", errors="replace")
    first = raw.lstrip().split("\n", 1)[0]
    if raw.lstrip().startswith("{") and '"claims"' in raw and '"text"' not in first[:200] \
            or path.name.endswith(".gold.json"):
        return [read_claim_gold(path, text=text)]
    return read_layer_jsonl(path, limit=limit)

