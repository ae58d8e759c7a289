"""Everything that states the claim's shape, generated from the typed model (:mod:`claimwatch.model`).

* :func:`describe` — a field's type as a :class:`TypeSpec` (enum with its allowed values,
  string, number, span, nested part, list);
* :func:`problems` — the validator: every value of a Claim (or any part) against its type;
* :func:`spec_at` / :func:`check_value` — one dotted path (``"source.type"``) and one value, for
  partial updates such as a reviewer's correction;
* :func:`json_schema` — the published JSON Schema of ``claimwatch extract --format json``
  (``docs/claim.schema.json``, written by ``scripts/gen_docs.py`` and checked by the tests);
* the Spark schema (:mod:`claimwatch.spark.schema`) is built from :func:`describe` too.

Imports nothing of claimwatch but the model.
"""

from __future__ import annotations

import math
import types
import typing
from dataclasses import dataclass, fields, is_dataclass
from typing import Any, Literal, get_args, get_origin

from .model import ARTICLE_JSON_FIELDS, Article, Claim, Span

__all__ = ["TypeSpec", "describe", "fields_of", "problems", "spec_at", "check_value", "vocabularies",
           "json_schema", "SCHEMA_ID"]

SCHEMA_ID = "https://claimwatch.invalid/schema/claim.schema.json"


@dataclass(frozen=True)
class TypeSpec:
    """What a field holds. ``kind``: string | integer | number | boolean | enum | span | object |
    array | mapping | any."""

    kind: str
    nullable: bool = False
    allowed: tuple[str, ...] = ()
    item: TypeSpec | None = None
    cls: type | None = None


def describe(tp: Any) -> TypeSpec:
    """The :class:`TypeSpec` of a type annotation (already resolved)."""
    args = get_args(tp)
    if get_origin(tp) in (typing.Union, types.UnionType):
        rest = tuple(a for a in args if a is not type(None))
        nullable = len(rest) < len(args)
        if set(rest) == {int, float}:
            return TypeSpec("number", nullable)
        if len(rest) != 1:
            raise TypeError(f"cannot describe the union {tp!r}")
        inner = describe(rest[0])
        return TypeSpec(inner.kind, nullable, inner.allowed, inner.item, inner.cls)
    if get_origin(tp) is Literal:
        return TypeSpec("enum", allowed=tuple(str(a) for a in args))
    if tp == Span:
        return TypeSpec("span")
    if get_origin(tp) is list:
        return TypeSpec("array", item=describe(args[0]))
    if tp is dict or get_origin(tp) is dict:
        return TypeSpec("mapping")
    if isinstance(tp, type) and is_dataclass(tp):
        return TypeSpec("object", cls=tp)
    simple = {str: "string", int: "integer", float: "number", bool: "boolean"}
    if tp in simple:
        return TypeSpec(simple[tp])
    if tp is Any:
        return TypeSpec("any", nullable=True)
    raise TypeError(f"cannot describe {tp!r}")


_FIELDS: dict[type, tuple[tuple[str, TypeSpec, dict[str, Any]], ...]] = {}


def fields_of(cls: type) -> tuple[tuple[str, TypeSpec, dict[str, Any]], ...]:
    """``(name, spec, metadata)`` of every field of a model class, in order (computed once per class)."""
    if cls not in _FIELDS:
        hints = typing.get_type_hints(cls)
        _FIELDS[cls] = tuple((f.name, describe(hints[f.name]), dict(f.metadata)) for f in fields(cls))
    return _FIELDS[cls]


# -- validation ------------------------------------------------------------------------------
def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def check_value(spec: TypeSpec, value: Any, path: str) -> list[str]:
    """Problems with one value against its spec (empty = valid); nested parts are walked."""
    if value is None:
        return [] if spec.nullable or spec.kind == "any" else [f"{path} is missing"]
    kind = spec.kind
    if kind == "enum":
        return [] if value in spec.allowed else [f"{path} {value!r} not one of {', '.join(spec.allowed)}"]
    if kind == "string":
        return [] if isinstance(value, str) else [f"{path} {value!r} is not text"]
    if kind == "integer":
        return [] if isinstance(value, int) and not isinstance(value, bool) else [f"{path} {value!r} is not an integer"]
    if kind == "number":
        return [] if _is_number(value) else [f"{path} {value!r} is not a number"]
    if kind == "boolean":
        return [] if isinstance(value, bool) else [f"{path} {value!r} is not true or false"]
    if kind == "span":
        ok = (isinstance(value, (tuple, list)) and len(value) == 2
              and all(isinstance(v, int) and not isinstance(v, bool) for v in value) and 0 <= value[0] <= value[1])
        return [] if ok else [f"{path} {value!r} is not a span [start, end)"]
    if kind == "array":
        if not isinstance(value, list):
            return [f"{path} must be a list"]
        assert spec.item is not None
        return [p for i, v in enumerate(value) for p in check_value(spec.item, v, f"{path}[{i}]")]
    if kind == "mapping":
        return [] if isinstance(value, dict) else [f"{path} must be an object"]
    if kind == "object":
        if spec.cls is None or not isinstance(value, spec.cls):
            return [f"{path} is not a {spec.cls.__name__ if spec.cls else 'part'}"]
        return problems(value, prefix=f"{path}.")
    return []


def problems(obj: Any, prefix: str = "") -> list[str]:
    """Every value of ``obj`` (a Claim or a part) that does not fit its declared type."""
    out: list[str] = []
    for name, spec, _meta in fields_of(type(obj)):
        out.extend(check_value(spec, getattr(obj, name), f"{prefix}{name}"))
    return out


def spec_at(cls: type, path: str) -> TypeSpec | None:
    """The spec of a dotted path (``"quantity.best"``) under ``cls``; None if there is no such field."""
    head, _, rest = path.partition(".")
    for name, spec, _meta in fields_of(cls):
        if name == head:
            if not rest:
                return spec
            return spec_at(spec.cls, rest) if spec.kind == "object" and spec.cls else None
    return None


def vocabularies(cls: type = Claim, prefix: str = "") -> dict[str, tuple[str, ...]]:
    """Every closed vocabulary under ``cls`` by dotted path (lists of parts as ``places[]``)."""
    out: dict[str, tuple[str, ...]] = {}
    for name, spec, _meta in fields_of(cls):
        inner = spec.item if spec.kind == "array" and spec.item else spec
        path = f"{prefix}{name}" + ("[]" if spec.kind == "array" else "")
        if inner.kind == "enum":
            out[path] = inner.allowed
        elif inner.kind == "object" and inner.cls:
            out.update(vocabularies(inner.cls, path + "."))
    return out


# -- JSON Schema -----------------------------------------------------------------------------
def _nullable(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _schema_of(spec: TypeSpec) -> dict[str, Any]:
    kind = spec.kind
    if kind == "enum":
        return {"enum": [*spec.allowed, *([None] if spec.nullable else [])]}
    if kind in ("string", "integer", "number", "boolean"):
        return {"type": [kind, "null"] if spec.nullable else kind}
    if kind == "span":
        out: dict[str, Any] = {"$ref": "#/$defs/Span"}
    elif kind == "array":
        assert spec.item is not None
        out = {"type": "array", "items": _schema_of(spec.item)}
    elif kind == "mapping":
        out = {"type": "object"}
    elif kind == "object":
        assert spec.cls is not None
        out = {"$ref": f"#/$defs/{spec.cls.__name__}"}
    else:
        return {}
    return _nullable(out) if spec.nullable else out


def _parts(cls: type, seen: dict[str, type]) -> None:
    seen.setdefault(cls.__name__, cls)
    for _name, spec, _meta in fields_of(cls):
        inner = spec.item if spec.kind == "array" and spec.item else spec
        if inner.kind == "object" and inner.cls and inner.cls.__name__ not in seen:
            _parts(inner.cls, seen)


def _object_schema(cls: type, only: tuple[str, ...] | None = None) -> dict[str, Any]:
    props: dict[str, Any] = {}
    required: list[str] = []
    conditions: list[dict[str, Any]] = []
    specs = {name: (spec, meta) for name, spec, meta in fields_of(cls)}
    for name in only or specs:
        spec, meta = specs[name]
        props[name] = _schema_of(spec)
        if meta.get("json") != "when_set":
            required.append(name)
        elif meta.get("present_if"):
            other, value = meta["present_if"]
            conditions.append({"if": {"properties": {other: {"const": value}}, "required": [other]},
                               "then": {"required": [name]}})
    out: dict[str, Any] = {"type": "object", "description": (cls.__doc__ or "").strip().splitlines()[0],
                           "properties": props, "required": required, "additionalProperties": False}
    if conditions:
        out["allOf"] = conditions
    return out


def json_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of ``claimwatch extract --format json``: ``{"article", "claims"}``;
    ``#/$defs/Claim`` is one claim (a line of ``--format jsonl``)."""
    parts: dict[str, type] = {}
    _parts(Claim, parts)
    defs: dict[str, Any] = {
        "Span": {"type": "array", "description": "[start, end): character offsets into article.text",
                 "items": {"type": "integer", "minimum": 0}, "minItems": 2, "maxItems": 2},
        "Article": _object_schema(Article, ARTICLE_JSON_FIELDS),
    }
    for name in sorted(parts):
        defs[name] = _object_schema(parts[name])
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "claimwatch extract --format json",
        "description": "One article and its claims (SPEC §1–§2). Generated from claimwatch.model by "
                       "scripts/gen_docs.py; do not edit.",
        "type": "object",
        "properties": {"article": {"$ref": "#/$defs/Article"},
                       "claims": {"type": "array", "items": {"$ref": "#/$defs/Claim"}}},
        "required": ["article", "claims"],
        "additionalProperties": False,
        "$defs": defs,
    }

