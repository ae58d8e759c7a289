"""Request bodies parsed strictly: JSON without ``NaN``/``Infinity`` (which Python's parser
accepts and no JSON standard allows) and without numbers too large to be finite, so a
non-finite number never reaches validation, the store or a response."""

from __future__ import annotations

import json
import math
from typing import Any

from fastapi import Request

from ..errors import ValidationError

__all__ = ["parse_json", "read_json"]


class _NonFinite(ValueError):
    pass


def _no_constant(name: str) -> Any:
    raise _NonFinite(f"{name} is not a number JSON allows")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NonFinite(f"{text} is too large to be a finite number")
    return value


def parse_json(raw: bytes | str, name: str = "request body") -> Any:
    """The JSON value of ``raw``; a :class:`ValidationError` (422) naming the problem otherwise."""
    try:
        return json.loads(raw, parse_constant=_no_constant, parse_float=_finite_float)
    except _NonFinite as exc:
        raise ValidationError(name, detail=str(exc)) from None
    except UnicodeDecodeError as exc:
        raise ValidationError(name, detail=f"not valid JSON (not UTF-8 text: byte {exc.start})") from None
    except ValueError as exc:
        raise ValidationError(name, detail=f"not valid JSON ({type(exc).__name__.replace('Error', '').lower() or 'syntax'}"
                                           f" at position {getattr(exc, 'pos', '?')})") from None


async def read_json(request: Request, name: str = "request body") -> Any:
    """The request's body as strict JSON (see :func:`parse_json`)."""
    return parse_json(await request.body(), name)
