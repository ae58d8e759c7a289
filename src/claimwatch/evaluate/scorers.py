"""Layer scorers: predicted items against gold items, one document at a time.

Scorers know nothing about the extraction pipeline: they take two lists of
:class:`~claimwatch.evaluate.gold.Item` (gold, predicted) per document and add to a
:class:`LayerScore` (micro-averaged counts, accuracies and the error cases).

Attribute accuracy is measured on the pairs of the one-to-one *overlap* matching, over the gold
items that annotate the attribute (and only for predictors that give it: a predicted item without
the attribute key, such as a spaCy entity without a normalised value, is scored on spans only):

* quantities: ``value`` (predicted ``best`` equals the gold value) and ``unit`` (same head noun);
* timexes: ``value`` (predicted normalised value equals a calendar gold value, TIMEX3 style:
  ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-Www``), and the TempEval-3 ``value`` P/R/F1 (an
  overlapping prediction with the gold TIMEX3 value, any kind: ``P3M``, ``PRESENT_REF``, ``XXXX-WXX-4``;
  per type for durations, sets and times);
* toponyms: ``within_161km`` (great-circle distance of predicted and gold coordinates);
* events: ``certainty``, ``polarity`` on matched events, and ``certainty@gold`` /
  ``polarity@gold``: the modality predicted for the predicate inside every gold event span
  (no modality predicted = asserted: certain, positive);
* attributions: span P/R/F1 per role (``source``, ``cue``, ``content``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Sequence

from .gold import Item, SpannedItem, has_span
from .matching import MODES, PRF, Acc, match_spans

__all__ = ["LayerScore", "Case", "score_layer", "SPAN_LAYERS", "haversine_km", "timex_value",
           "same_unit", "same_number", "ROLES"]

SPAN_LAYERS = ("quantities", "timexes", "toponyms", "events")
ROLES = ("source", "cue", "content")
CASES_KEPT = 400


@dataclass
class Case:
    """One error: ``kind`` is missed | spurious | <attribute>."""

    kind: str
    doc: str
    text: str
    expected: Any
    got: Any
    context: str = ""


@dataclass
class LayerScore:
    layer: str
    prf: dict[str, PRF] = field(default_factory=dict)      # "exact", "overlap", "source.exact", ...
    acc: dict[str, Acc] = field(default_factory=dict)      # "value", "certainty", "within_161km", ...
    cases: list[Case] = field(default_factory=list)
    patterns: Counter = field(default_factory=Counter)     # (kind, expected, got) -> count
    examples: dict[tuple, Case] = field(default_factory=dict)
    gold_items: int = 0
    pred_items: int = 0
    docs: int = 0

    def p(self, key: str) -> PRF:
        return self.prf.setdefault(key, PRF())

    def a(self, key: str) -> Acc:
        return self.acc.setdefault(key, Acc())

    def note(self, case: Case, pattern: tuple | None = None) -> None:
        key = pattern or (case.kind, _short(case.expected), _short(case.got))
        self.patterns[key] += 1
        self.examples.setdefault(key, case)
        if len(self.cases) < CASES_KEPT:
            self.cases.append(case)

    def metrics(self) -> dict[str, float]:
        """Flat metric name -> value (for the gate): ``<prf>.f1``, ``<acc>.acc``."""
        out: dict[str, float] = {}
        for key, prf in self.prf.items():
            if prf.tp + prf.fp + prf.fn:
                out[f"{key}.f1"] = round(prf.f1, 4)
        for key, acc in self.acc.items():
            if acc.value is not None:
                out[f"{key}.acc"] = round(acc.value, 4)
        return out

    def worst(self, n: int = 10) -> list[dict[str, Any]]:
        """The most frequent error patterns, each with one example."""
        out = []
        for key, count in self.patterns.most_common(n):
            ex = self.examples[key]
            # the pattern's expected / got (what the count is about), the example's text and context
            out.append({"kind": key[0], "count": count, "doc": ex.doc, "text": ex.text,
                        "expected": key[1], "got": key[2], "context": ex.context})
        return out

    def to_dict(self, worst: int = 10) -> dict[str, Any]:
        return {"layer": self.layer, "docs": self.docs, "gold": self.gold_items, "predicted": self.pred_items,
                "prf": {k: v.to_dict() for k, v in self.prf.items()},
                "accuracy": {k: v.to_dict() for k, v in self.acc.items()},
                "worst": self.worst(worst)}


def _short(value: Any) -> Any:
    if isinstance(value, str):
        v = " ".join(value.lower().split())
        return v[:60]
    if isinstance(value, float):
        return round(value, 3)
    if isinstance(value, (list, dict)):
        return repr(value)[:60]
    return value


def context_of(text: str, span: tuple[int, int] | None, width: int = 60) -> str:
    if span is None:
        return ""
    s, e = span
    left = max(0, s - width)
    right = min(len(text), e + width)
    out = text[left:s] + "[" + text[s:e] + "]" + text[e:right]
    return " ".join(out.split())


# ---------------------------------------------------------------- value comparisons

_NUM_WORD = re.compile(r"[^a-z]+")


def same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        fa, fb = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return math.isclose(fa, fb, rel_tol=1e-6, abs_tol=1e-9)


_IRREGULAR = {"people": "person", "children": "child", "persons": "person"}


def _stem(word: str) -> str:
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("men"):
        return w[:-3] + "man"
    for suf, rep in (("ies", "y"), ("ves", "f"), ("ses", "s"), ("s", "")):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            return w[: -len(suf)] + rep
    return w


def same_unit(gold: Any, pred: Any) -> bool:
    """Same counted noun: the last words agree after lower-casing and a crude singular."""
    if gold is None or pred is None:
        return gold is None and pred is None
    gw = [w for w in _NUM_WORD.split(str(gold).lower()) if w]
    pw = [w for w in _NUM_WORD.split(str(pred).lower()) if w]
    if not gw or not pw:
        return not gw and not pw
    return _stem(gw[-1]) == _stem(pw[-1])


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    r = 6371.0088
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(min(1.0, math.sqrt(h)))


_CALENDAR = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")


def timex_value(start: str | None, end: str | None = None, precision: str | None = None) -> str | None:
    """A TIMEX3-style value from a start date and a precision."""
    if not start:
        return None
    start = str(start)
    if precision == "year":
        return start[:4]
    if precision == "month":
        return start[:7]
    if precision == "week" and len(start) >= 10:
        import datetime as _dt

        try:
            y, w, _ = _dt.date.fromisoformat(start[:10]).isocalendar()
            return f"{y}-W{w:02d}"
        except ValueError:
            return start[:10]
    return start[:10]


# ---------------------------------------------------------------- the scorer

def _spanned(items: Sequence[Item]) -> list[SpannedItem]:
    return [i for i in items if has_span(i)]


def _span_counts(score: LayerScore, key: str, gold: Sequence[SpannedItem], pred: Sequence[SpannedItem], doc_id: str,
                 text: str, record: bool) -> dict[str, list[tuple[int, int]]]:
    pairs_by_mode = {}
    for mode in MODES:
        pairs = match_spans([g.span for g in gold], [p.span for p in pred], mode)
        pk = f"{key}.{mode}" if key else mode
        score.p(pk).add(PRF(len(pairs), len(pred) - len(pairs), len(gold) - len(pairs)))
        pairs_by_mode[mode] = pairs
    if record:
        pairs = pairs_by_mode["overlap"]
        got_g = {g for g, _ in pairs}
        got_p = {p for _, p in pairs}
        label = f"{key} " if key else ""
        for i, g in enumerate(gold):
            if i not in got_g:
                score.note(Case(label + "missed", doc_id, g.text or text[g.span[0]:g.span[1]], g.text or
                                text[g.span[0]:g.span[1]], None, context_of(text, g.span)))
        for j, p in enumerate(pred):
            if j not in got_p:
                t = p.text or text[p.span[0]:p.span[1]]
                score.note(Case(label + "spurious", doc_id, t, None, t, context_of(text, p.span)))
        for gi, pj in pairs_by_mode["overlap"]:
            if gold[gi].span != pred[pj].span and (gi, pj) not in pairs_by_mode["exact"]:
                g, p = gold[gi], pred[pj]
                score.note(Case(label + "boundary", doc_id, text[g.span[0]:g.span[1]],
                                text[g.span[0]:g.span[1]], text[p.span[0]:p.span[1]], context_of(text, g.span)),
                           (label + "boundary", "(span differs)", None))
    return pairs_by_mode


def _attr(score: LayerScore, name: str, ok: bool, doc_id: str, text: str, span, expected, got) -> None:
    score.a(name).add(ok)
    if not ok:
        score.note(Case(name, doc_id, text[span[0]:span[1]] if span else "", expected, got, context_of(text, span)))


def score_layer(score: LayerScore, layer: str, gold: list[Item], pred: list[Item], text: str,
                doc_id: str = "", modalities: list[Item] | None = None) -> None:
    """Add one document's ``gold`` vs ``pred`` items of ``layer`` to ``score``."""
    score.docs += 1
    score.gold_items += len(gold)
    score.pred_items += len(pred)
    if layer == "attributions":
        for role in ROLES:
            role_gold = _spanned([Item(i.attrs.get(role), "") for i in gold])
            role_pred = _spanned([Item(i.attrs.get(role), "") for i in pred])
            _span_counts(score, role, role_gold, role_pred, doc_id, text, record=True)
        return
    spanned_gold, spanned_pred = _spanned(gold), _spanned(pred)
    pairs = _span_counts(score, "", spanned_gold, spanned_pred, doc_id, text, record=True)["overlap"]
    for gi, pj in pairs:
        g, p = spanned_gold[gi], spanned_pred[pj]
        if layer == "quantities":
            if "value" in g.attrs and "value" in p.attrs:
                _attr(score, "value", same_number(g.attrs["value"], p.attrs.get("value")), doc_id, text,
                      g.span, g.attrs["value"], p.attrs.get("value"))
            if g.attrs.get("unit") is not None:
                _attr(score, "unit", same_unit(g.attrs["unit"], p.attrs.get("unit")), doc_id, text,
                      g.span, g.attrs["unit"], p.attrs.get("unit"))
        elif layer == "timexes":
            gv = g.attrs.get("value")
            if isinstance(gv, str) and _CALENDAR.match(gv) and "value" in p.attrs:
                pv = p.attrs.get("value")
                _attr(score, "value", pv == gv, doc_id, text, g.span, gv, pv)
        elif layer == "toponyms":
            if g.attrs.get("lat") is not None and g.attrs.get("lon") is not None and "lat" in p.attrs:
                plat, plon = p.attrs.get("lat"), p.attrs.get("lon")
                if plat is None or plon is None:
                    ok, got = False, None
                else:
                    d = haversine_km(g.attrs["lat"], g.attrs["lon"], plat, plon)
                    ok, got = d <= 161.0, f"{plat:.2f},{plon:.2f} ({d:.0f} km off)"
                _attr(score, "within_161km", ok, doc_id, text, g.span,
                      f"{g.attrs['lat']:.2f},{g.attrs['lon']:.2f}", got)
        elif layer == "events":
            for key in ("certainty", "polarity"):
                gv = _lower(g.attrs.get(key))
                if gv is not None:
                    pv = _lower(p.attrs.get(key))
                    _attr(score, key, pv == gv, doc_id, text, g.span, gv, pv)
    if layer == "timexes":
        _timex_value_prf(score, spanned_gold, spanned_pred, pairs)
    if layer == "events" and modalities is not None:
        _score_gold_modality(score, spanned_gold, modalities, text, doc_id)


def _timex_value_prf(score: LayerScore, gold: Sequence[SpannedItem], pred: Sequence[SpannedItem], pairs) -> None:
    """TempEval-3 value F1: a predicted expression counts when it overlaps a gold one and has its
    TIMEX3 value (calendar, duration, set or reference value); also per gold type ("DURATION.value":
    gold durations against predicted durations)."""
    right = {(gi, pj) for gi, pj in pairs if gold[gi].attrs.get("value") is not None
             and gold[gi].attrs.get("value") == pred[pj].attrs.get("value")}
    score.p("value").add(PRF(len(right), len(pred) - len(right), len(gold) - len(right)))
    for typ in ("DURATION", "SET", "TIME"):
        g_n = sum(1 for g in gold if g.attrs.get("type") == typ)
        p_n = sum(1 for p in pred if p.attrs.get("type") == typ)
        tp = sum(1 for gi, pj in right if gold[gi].attrs.get("type") == typ and pred[pj].attrs.get("type") == typ)
        if g_n or p_n:
            score.p(f"{typ.lower()}.value").add(PRF(tp, p_n - tp, g_n - tp))


_MODALITY_MAP = {"pos": "positive", "neg": "negative"}


def _lower(v: Any) -> str | None:
    if v is None:
        return None
    v = str(v).lower()
    return _MODALITY_MAP.get(v, v)


def _score_gold_modality(score: LayerScore, gold: Sequence[SpannedItem], modalities: list[Item], text: str,
                         doc_id: str) -> None:
    for g in gold:
        inside = [m for m in modalities if m.span is not None and g.span[0] <= m.span[0] < g.span[1]]
        m = inside[0] if inside else None
        for key, default in (("certainty", "certain"), ("polarity", "positive")):
            gv = _lower(g.attrs.get(key))
            if gv is None:
                continue
            pv = _lower(m.attrs.get(key)) if m is not None else default
            score.a(f"{key}@gold").add(pv == gv)
            if pv != gv:
                score.note(Case(f"{key}@gold", doc_id, g.text, gv, pv, context_of(text, g.span)))
