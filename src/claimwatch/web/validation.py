"""Checks on a reviewer's correction or new claim before it reaches the store (which validates again).

A correction is a nested dict shaped like the claim JSON. Here: only known fields, enum values
from the SPEC, finite numbers in range where numbers go, and bounds in order (low <= best <=
high) after the change is applied. Each problem names its field.

A reviewer may add what the machine missed: a quantity, a time, places (picked from the
gazetteer), a source. What they type "as written" (``quantity.text``, ``time.text``,
``source.name``, a place's ``text``) is located in the article — in the claim's own sentence
first — so every span still slices the article to exactly its text; a span sent with it (from a
text selection) must slice the article to that text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeGuard, cast

from ..errors import ValidationError
from ..model import PLACE_ROLES, Claim, ClaimKind
from ..schema import spec_at, vocabularies
from ..store.rows import MAX_QUANTITY, merge_changes, number_problem

__all__ = ["check_changes", "check_new_claim", "resolve_spans", "EDITABLE", "MAX_FIELD_CHARS"]

#: the closed vocabularies a reviewer may set, with their allowed values from the typed model
_ENUMS: dict[str, tuple[str, ...]] = {path: values for path, values in vocabularies(Claim).items()
                                      if path in ("event_type", "offence", "certainty", "polarity", "evidential",
                                                  "cause", "kind", "source.type", "quantity.qualifier",
                                                  "time.precision", "time.anchor")}
_NULLABLE = {path for path in _ENUMS if (spec := spec_at(Claim, path)) is not None and spec.nullable}
_NUMBERS = {"quantity.low", "quantity.best", "quantity.high"}
_STRINGS = {"source.name", "source.canonical", "source.affiliation", "source.cue", "source.via",
            "quantity.unit", "quantity.counted", "quantity.text", "time.start", "time.end", "time.text"}
_SPANS = {"quantity.span", "time.span", "source.span"}
#: every field a correction may set (dotted paths); lists (places, actors) are replaced whole
EDITABLE = set(_ENUMS) | _NUMBERS | _STRINGS | _SPANS | {"places", "actors"}
#: longest text a reviewer may type into one field
MAX_FIELD_CHARS = 500
_PLACE_KEYS = {"text", "span", "name", "lat", "lon", "country", "feature", "geonameid", "role", "precision", "scope"}


def _flatten(changes: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in changes.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and path in ("source", "quantity", "time"):
            out.update(_flatten(value, path + "."))
        else:
            out[path] = value
    return out


def _is_date(value: str) -> bool:
    from datetime import date

    try:
        date.fromisoformat(value[:10])
        return len(value) in (10,) or value[10:11] == "T"
    except ValueError:
        return False


def _is_span(value: Any) -> TypeGuard[Sequence[int]]:
    return (isinstance(value, (list, tuple)) and len(value) == 2
            and all(isinstance(v, int) and not isinstance(v, bool) for v in value) and 0 <= value[0] < value[1])


def _field_problem(path: str, value: Any) -> str | None:
    if path not in EDITABLE:
        return f"{path}: not an editable field"
    if path in _ENUMS:
        if value is None and path in _NULLABLE:
            return None
        return None if value in _ENUMS[path] else f"{path}: {value!r} not one of {', '.join(_ENUMS[path])}"
    if path in _NUMBERS:
        problem = number_problem(value, 0, MAX_QUANTITY)
        return f"{path}: {problem}" if problem else None
    if path in _STRINGS:
        if value is None:
            return None
        if not isinstance(value, str):
            return f"{path}: {value!r} is not text"
        if len(value) > MAX_FIELD_CHARS:
            return f"{path}: longer than {MAX_FIELD_CHARS} characters"
        if path in ("time.start", "time.end") and value and not _is_date(value):
            return f"{path}: {value!r} is not an ISO date (YYYY-MM-DD)"
        return None
    if path in _SPANS:
        return None if value is None or _is_span(value) else f"{path}: must be [start, end] character offsets"
    if path in ("places", "actors") and not isinstance(value, list):
        return f"{path}: must be a list"
    if path == "places":
        return _places_problem(value)
    return None


def _places_problem(places: list) -> str | None:
    for i, p in enumerate(places):
        if not isinstance(p, dict) or not isinstance(p.get("text"), str) or not p["text"].strip():
            return f"places[{i}]: a place needs its text as written"
        unknown = set(p) - _PLACE_KEYS
        if unknown:
            return f"places[{i}]: unknown field(s) {', '.join(sorted(unknown))}"
        if p.get("role", "event") not in PLACE_ROLES:
            return f"places[{i}].role: {p.get('role')!r} not one of {', '.join(PLACE_ROLES)}"
        for key, limit in (("lat", 90.0), ("lon", 180.0)):
            problem = number_problem(p.get(key), -limit, limit)
            if problem:
                return f"places[{i}].{key}: {problem}"
        if (p.get("lat") is None) != (p.get("lon") is None):
            return f"places[{i}]: give both lat and lon, or neither"
        if p.get("span") is not None and not _is_span(p["span"]):
            return f"places[{i}].span: must be [start, end] character offsets"
        for key in ("text", "name", "country", "feature"):
            if p.get(key) is not None and (not isinstance(p[key], str) or len(p[key]) > MAX_FIELD_CHARS):
                return f"places[{i}].{key}: not text of at most {MAX_FIELD_CHARS} characters"
    return None


def _bounds_problems(claim: Claim, flat: dict[str, Any]) -> list[str]:
    q = claim.quantity
    if q is None and ("quantity.best" not in flat or not flat.get("quantity.text")):
        return ["quantity: the claim has no quantity; give quantity.text (as written) and quantity.best"]
    low = flat.get("quantity.low", q.low if q else flat.get("quantity.best"))
    best = flat.get("quantity.best", q.best if q else None)
    high = flat.get("quantity.high", q.high if q else flat.get("quantity.best"))
    out = []
    if low is not None and best is not None and low > best:
        out.append(f"quantity: low {low} is above best {best}")
    if high is not None and best is not None and best > high:
        out.append(f"quantity: best {best} is above high {high}")
    if low is not None and high is not None and low > high:
        out.append(f"quantity: low {low} is above high {high}")
    return out


def check_changes(uid: str, claim: Claim, changes: dict[str, Any] | None) -> None:
    """Raise a :class:`ValidationError` naming every problem of ``changes`` to ``claim``."""
    if not changes or not isinstance(changes, dict):
        raise ValidationError(uid, detail="a correction needs changes")
    flat = _flatten(changes)
    problems = [p for p in (_field_problem(path, value) for path, value in flat.items()) if p]
    if not problems and any(p.startswith("quantity.") for p in flat):
        problems += _bounds_problems(claim, flat)
    if claim.time is None and any(p.startswith("time.") for p in flat) and not flat.get("time.text"):
        problems.append("time: the claim has no time; give time.text (as written) and time.start")
    if problems:
        raise ValidationError(uid, detail="; ".join(problems))


def _locate(text: str, needle: str, near: tuple[int, int]) -> tuple[int, int] | None:
    """Where ``needle`` is written: inside ``near`` (the claim's sentence) first, else anywhere."""
    if not needle:
        return None
    i = text.find(needle, near[0], near[1])
    if i < 0:
        i = text.find(needle)
    return None if i < 0 else (i, i + len(needle))


def _resolve_one(article_text: str, label: str, part: dict[str, Any], key: str, near: tuple[int, int],
                 required: bool, problems: list[str]) -> None:
    written = part.get(key)
    span = part.get("span")
    if span is not None:
        s, e = span
        if article_text[s:e] != written:
            problems.append(f"{label}.span {s}:{e} does not slice the article to {written!r}")
        return
    if not isinstance(written, str) or not written:
        if required:
            problems.append(f"{label}: give the words as written in the article")
        return
    found = _locate(article_text, written, near)
    if found is None:
        if required:
            problems.append(f"{label}: {written!r} is not written in the article")
        return
    part["span"] = list(found)


def _resolve_actors(article_text: str, actors: list, near: tuple[int, int], problems: list[str]) -> list:
    """An actor is written in the article, as the extraction gives it: its words are located
    (or its span checked), and words that are not in the article are refused."""
    out = []
    for i, a in enumerate(actors):
        a = dict(a) if isinstance(a, dict) else a
        if isinstance(a, dict):
            _resolve_one(article_text, f"actors[{i}]", a, "text", near, True, problems)
        out.append(a)
    return out


def resolve_spans(uid: str, article_text: str, claim: Claim, changes: dict[str, Any]) -> dict[str, Any]:
    """``changes`` with the span of every new "as written" value filled in (see module doc)."""
    out = {k: (dict(v) if isinstance(v, dict) else v) for k, v in changes.items()}
    near = (claim.span[0], claim.span[1]) if claim.span else (0, len(article_text))
    problems: list[str] = []
    q = out.get("quantity")
    if isinstance(q, dict) and ("text" in q or "span" in q):
        q.setdefault("text", claim.quantity.text if claim.quantity else None)
        _resolve_one(article_text, "quantity", q, "text", near, True, problems)
        if claim.quantity is None:
            q.setdefault("low", q.get("best"))
            q.setdefault("high", q.get("best"))
            q.setdefault("qualifier", "exact")
            if "kind" not in out and claim.kind != "count":
                out["kind"] = "count"
    t = out.get("time")
    if isinstance(t, dict) and ("text" in t or "span" in t):
        t.setdefault("text", claim.time.text if claim.time else None)
        _resolve_one(article_text, "time", t, "text", near, claim.time is None, problems)
    s = out.get("source")
    if isinstance(s, dict) and s.get("name") and "span" not in s:
        _resolve_one(article_text, "source", s, "name", near, False, problems)
    if isinstance(out.get("places"), list):
        places = []
        for i, p in enumerate(out["places"]):
            p = dict(p) if isinstance(p, dict) else p
            if isinstance(p, dict) and "span" not in p:
                _resolve_one(article_text, f"places[{i}]", p, "text", near, False, problems)
                p.setdefault("span", None)
            places.append(p)
        out["places"] = places
    actors = out.get("actors")
    if isinstance(actors, list):
        out["actors"] = _resolve_actors(article_text, actors, near, problems)
    if problems:
        raise ValidationError(uid, detail="; ".join(problems))
    return out


def check_new_claim(article_id: str, article_text: str, body: dict[str, Any]) -> dict[str, Any]:
    """The claim JSON of a claim a reviewer makes from a selection: ``span`` (required, the
    selected characters) and any editable field; the evidence ``text`` is the selection itself."""
    if not isinstance(body, dict):
        raise ValidationError(article_id, detail="a claim is a JSON object")
    span = body.get("span")
    if not _is_span(span) or span[1] > len(article_text):
        raise ValidationError(article_id, detail=f"span: must be [start, end] inside the article "
                                                 f"(0 to {len(article_text)})")
    evidence = article_text[span[0]:span[1]]
    if not evidence.strip():
        raise ValidationError(article_id, detail="span: the selection is only whitespace")
    fields = {k: v for k, v in body.items() if k != "span"}
    kind = fields.pop("kind", None) or ("count" if isinstance(fields.get("quantity"), dict) else "event")
    changes = dict(fields, kind=kind)
    stub = Claim(id="new", kind="event", text=evidence, span=(span[0], span[1]))
    check_changes(f"{article_id}:new", stub, changes)  # the kind too: one of the claim kinds
    stub.kind = cast(ClaimKind, kind)
    resolved = resolve_spans(f"{article_id}:new", article_text, stub, changes)
    return merge_changes(stub.to_dict(), resolved)
