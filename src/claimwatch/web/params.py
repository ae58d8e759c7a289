"""Query parameters read straight from the query string, for the read routes asked most often.

FastAPI checks each declared query parameter on every request by inspecting its annotation again
(several microseconds of reflection per parameter); a list route with fifteen optional filters
spent more CPU on that than on its answer. A route that declares its parameters here instead
reads them in one pass, checks what FastAPI checked (longest text, true/false) and answers a bad
value with the same 422 (code E303, every bad parameter named); the OpenAPI schema documents them as
FastAPI would (:func:`openapi_parameters`, given as the route's ``openapi_extra``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request

from ..errors import ValidationError

__all__ = ["QueryParam", "openapi_parameters", "read_query"]

_TRUE, _FALSE = ("1", "true", "on", "yes", "t", "y"), ("0", "false", "off", "no", "f", "n")


@dataclass(frozen=True)
class QueryParam:
    """One optional query parameter: text (``max_length`` characters at most) or true/false."""

    name: str
    description: str = ""
    max_length: int | None = None
    boolean: bool = False

    def schema(self) -> dict[str, Any]:
        title = self.name.replace("_", " ").title()
        if self.boolean:
            out: dict[str, Any] = {"type": "boolean", "default": False, "title": title}
        else:
            text: dict[str, Any] = {"type": "string"}
            if self.max_length is not None:
                text["maxLength"] = self.max_length
            out = {"anyOf": [text, {"type": "null"}], "title": title}
        if self.description:
            out["description"] = self.description
        return out

    def parse(self, raw: str | None) -> tuple[str | bool | None, str | None]:
        """(the value of ``raw``, None) (``raw`` None: absent), or (None, what is wrong with it)."""
        if self.boolean:
            if raw is None:
                return False, None
            low = raw.lower()
            if low in _TRUE or low in _FALSE:
                return low in _TRUE, None
            return None, "Input should be a valid boolean, unable to interpret input"
        if raw is not None and self.max_length is not None and len(raw) > self.max_length:
            return None, f"String should have at most {self.max_length} characters"
        return raw, None


def _invalid(problems: list[dict[str, str]]) -> ValidationError:
    """The 422 FastAPI's check gives (web/errors.py): every bad parameter listed, the first three
    in the message."""
    summary = "; ".join(f"{p['field']}: {p['problem']}" for p in problems[:3])[:500]
    return ValidationError(None, detail=summary, errors=problems)


def openapi_parameters(params: tuple[QueryParam, ...]) -> list[dict[str, Any]]:
    """The OpenAPI description of ``params`` (as FastAPI writes a declared ``Query``)."""
    out = []
    for p in params:
        item: dict[str, Any] = {"name": p.name, "in": "query", "required": False, "schema": p.schema()}
        if p.description:
            item["description"] = p.description
        out.append(item)
    return out


def read_query(request: Request, params: tuple[QueryParam, ...]) -> dict[str, Any]:
    """Each of ``params`` by name, parsed (a repeated parameter: its last value, as FastAPI); a
    :class:`ValidationError` listing every bad one."""
    given = request.query_params
    values: dict[str, Any] = {}
    problems: list[dict[str, str]] = []
    for p in params:
        values[p.name], problem = p.parse(given.get(p.name))
        if problem is not None:
            problems.append({"field": f"query.{p.name}", "problem": problem})
    if problems:
        raise _invalid(problems)
    return values
