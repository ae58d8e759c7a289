"""Checks on a reviewer's correction before it reaches the store (which validates again).

A correction is a nested dict shaped like the claim JSON. Here: only editable fields, each value
checked against the typed model (:func:`claimwatch.schema.check_value`: SPEC vocabularies, numbers
where numbers go, text where text goes), and bounds in order (low <= best <= high) after the
change is applied. Each problem names its field.
"""

from __future__ import annotations

from typing import Any

from ..errors import ValidationError
from ..model import Claim
from ..schema import check_value, spec_at

__all__ = ["check_changes", "EDITABLE"]

#: every field a correction may set (dotted paths); lists (places, actors) are replaced whole.
#: What each may hold (vocabulary, number, text, nullable) comes from the typed model.
EDITABLE = {
    "kind", "event_type", "certainty", "polarity", "evidential", "cause",
    "source.type", "source.name", "source.canonical", "source.affiliation", "source.cue", "source.via",
    "quantity.qualifier", "quantity.low", "quantity.best", "quantity.high", "quantity.unit", "quantity.counted",
    "time.precision", "time.anchor", "time.start", "time.end", "places", "actors",
}


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


def check_changes(uid: str, claim: Claim, changes: dict[str, Any] | None) -> None:
    if not changes or not isinstance(changes, dict):
        raise ValidationError(uid, detail="a correction needs changes")
    flat = _flatten(changes)
    problems: list[str] = []
    for path, value in flat.items():
        spec = spec_at(Claim, path) if path in EDITABLE else None
        if spec is None:
            problems.append(f"{path}: not an editable field")
        elif path in ("places", "actors"):
            if not isinstance(value, list):
                problems.append(f"{path}: must be a list")
        else:
            problems.extend(check_value(spec, value, path))
            if spec.kind == "number" and isinstance(value, (int, float)) and value < 0:
                problems.append(f"{path}: {value!r} is negative")
            elif path in ("time.start", "time.end") and isinstance(value, str) and value and not _is_date(value):
                problems.append(f"{path}: {value!r} is not an ISO date (YYYY-MM-DD)")
    if any(p.startswith("quantity.") for p in flat):
        q = claim.quantity
        if q is None and "quantity.best" not in flat:
            problems.append("quantity: the claim has no quantity; give at least quantity.best")
        if not problems:
            low = flat.get("quantity.low", q.low if q else None)
            best = flat.get("quantity.best", q.best if q else None)
            high = flat.get("quantity.high", q.high if q else None)
            if low is not None and best is not None and low > best:
                problems.append(f"quantity: low {low} is above best {best}")
            if high is not None and best is not None and best > high:
                problems.append(f"quantity: best {best} is above high {high}")
            if low is not None and high is not None and low > high:
                problems.append(f"quantity: low {low} is above high {high}")
    if any(p.startswith("time.") for p in flat) and claim.time is None:
        problems.append("time: the claim has no time expression to correct")
    if problems:
        raise ValidationError(uid, detail="; ".join(problems))
