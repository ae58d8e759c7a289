"""Reviewers' curations of estimates, as constraints every re-reconciliation honours.

A curation is recorded once (who, why, when, what) and replayed on every reconciliation,
incremental or full, so it survives new reports and ``claimwatch reconcile``. It names
claims, never only estimate ids (ids change when estimates merge): each record keeps a
snapshot of the member claims of the estimates it acts on, and an estimate is found again by
the first of its snapshot claims that still exists (its *anchor*).

=========  ===================================================================================
action     effect
=========  ===================================================================================
detach     the claims leave the estimate: never grouped with its other members again
move       the claims join the target estimate (they take its measure, event type and unit)
           and leave their own
merge      two estimates become one (the second takes the first's measure, event type, unit)
split      the given claims form an estimate of their own, apart from the rest
mark       a figure is a ``part`` of a total (``of``: the total's estimate), a ``running`` total,
           a ``period`` total or an ``incident`` figure
override   the estimate's low/best/high are set by the reviewer (the computed ones are kept)
=========  ===================================================================================
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Iterable

from ..errors import ValidationError
from ..model import MEASURES, Estimate
from .features import ClaimFeatures

__all__ = ["ACTIONS", "Curation", "Constraints", "constraints_from", "adopt", "apply_overrides", "overridden_figures",
           "validate_curation"]

ACTIONS = ("detach", "move", "merge", "split", "mark", "override")
_MARKS = ("part",) + MEASURES
#: largest figure an override may set (the store's limit for any claimed figure)
_MAX_FIGURE = 1e15


@dataclass
class Curation:
    """One curation as the revision log keeps it."""

    action: str
    who: str
    why: str
    estimate: str
    claims: list[str] = field(default_factory=list)
    target: str | None = None
    value: dict[str, Any] = field(default_factory=dict)
    #: estimate id -> its member claim uids when the curation was made
    members: dict[str, list[str]] = field(default_factory=dict)
    id: int | None = None
    at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "action": self.action, "who": self.who, "why": self.why, "at": self.at,
                "estimate": self.estimate, "claims": self.claims, "target": self.target, "value": self.value,
                "members": self.members}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Curation":
        return cls(action=d["action"], who=d.get("who") or "", why=d.get("why") or "", estimate=d.get("estimate") or "",
                   claims=list(d.get("claims") or []), target=d.get("target"), value=dict(d.get("value") or {}),
                   members={k: list(v) for k, v in (d.get("members") or {}).items()}, id=d.get("id"), at=d.get("at"))

    def summary(self) -> dict[str, Any]:
        return {"id": self.id, "action": self.action, "who": self.who, "why": self.why, "at": self.at}


def validate_curation(c: Curation, estimates: dict[str, Estimate]) -> Curation:
    """Check a new curation against the current estimates and fill its member snapshot;
    raises :class:`~claimwatch.errors.ValidationError` (E303) with the reason."""
    if c.action not in ACTIONS:
        raise ValidationError(c.action, detail=f"curation action {c.action!r} not one of {', '.join(ACTIONS)}")
    if not (c.who or "").strip():
        raise ValidationError(c.action, detail="a curation needs the reviewer's name (who)")
    if not (c.why or "").strip():
        raise ValidationError(c.action, detail="a curation needs a reason (why)")
    est = estimates.get(c.estimate)
    if est is None:
        raise ValidationError(c.estimate or "-", detail=f"no estimate {c.estimate!r}")
    uids = [f"{m.article_id}:{m.claim_id}" for m in est.claims]
    c.members = {est.id: uids}
    if c.action in ("detach", "move", "split", "mark"):
        if not c.claims:
            raise ValidationError(est.id, detail=f"{c.action} needs the claims it acts on")
        stray = [u for u in c.claims if u not in uids]
        if stray:
            raise ValidationError(est.id, detail=f"not members of {est.id}: {', '.join(stray)}")
    if c.action == "split" and len(set(c.claims)) >= len(uids):
        raise ValidationError(est.id, detail="a split leaves at least one claim in the estimate")
    if c.action in ("move", "merge"):
        other = estimates.get(c.target or "")
        if other is None:
            raise ValidationError(c.target or "-", detail=f"no target estimate {c.target!r}")
        if other.id == est.id:
            raise ValidationError(est.id, detail=f"{c.action} needs another estimate")
        c.members[other.id] = [f"{m.article_id}:{m.claim_id}" for m in other.claims]
    if c.action == "mark":
        kind = c.value.get("as")
        if kind not in _MARKS:
            raise ValidationError(est.id, detail=f"mark as one of {', '.join(_MARKS)}, not {kind!r}")
        if kind == "part":
            total = estimates.get(str(c.value.get("of") or ""))
            if total is None or total.id == est.id:
                raise ValidationError(est.id, detail="mark as part needs the total's estimate id (of)")
            c.members[total.id] = [f"{m.article_id}:{m.claim_id}" for m in total.claims]
    if c.action == "override":
        vals: dict[str, float | None] = {}
        for k in ("low", "best", "high"):
            raw = c.value.get(k)
            try:
                vals[k] = None if raw is None else float(raw)
            except (TypeError, ValueError):
                raise ValidationError(est.id, detail=f"override {k} is not a number: {raw!r}") from None
        if all(v is None for v in vals.values()):
            raise ValidationError(est.id, detail="override needs low, best or high")
        _check_override(est, vals)
        c.value = {k: (int(v) if v is not None and v.is_integer() else v) for k, v in vals.items()}
    return c


def _check_override(est: Estimate, vals: dict[str, float | None]) -> None:
    """An override's figures are finite, 0 to 10^15, and in order among themselves."""
    for k, v in vals.items():
        if v is not None and not (math.isfinite(v) and 0 <= v <= _MAX_FIGURE):
            raise ValidationError(est.id, detail=f"override {k} must be a finite number from 0 to 10^15, not {v!r}")
    lo, best, hi = vals["low"], vals["best"], vals["high"]
    if (lo is not None and best is not None and lo > best) or (hi is not None and best is not None and best > hi) \
            or (lo is not None and hi is not None and lo > hi):
        raise ValidationError(est.id, detail="override needs low <= best <= high")


@dataclass
class Constraints:
    """What the curations ask of a reconciliation, in claim uids."""

    must: list[tuple[str, str]] = field(default_factory=list)   # (follower, leader)
    cannot: set[tuple[str, str]] = field(default_factory=set)
    measure: dict[str, str] = field(default_factory=dict)
    part_of: dict[str, str] = field(default_factory=dict)
    overrides: list[tuple[str, Curation]] = field(default_factory=list)  # (anchor uid, curation)
    #: claim uid -> the curations that name it (to list on its estimate)
    touching: dict[str, list[Curation]] = field(default_factory=dict)

    def pairs_in(self, uids: set[str]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        must = [(a, b) for a, b in self.must if a in uids and b in uids]
        cannot = [(a, b) for a, b in self.cannot if a in uids and b in uids]
        return must, cannot


def _anchor(uids: Iterable[str], present: set[str]) -> str | None:
    return next((u for u in uids if u in present), None)


def constraints_from(curations: Iterable[Curation], present: set[str]) -> Constraints:
    """Turn the curation log (oldest first) into constraints over the claims that still exist."""
    out = Constraints()
    for c in curations:
        own = c.members.get(c.estimate, [])
        claims = [u for u in c.claims if u in present]
        # listed on every estimate holding a claim it names or a member of the estimate it changed
        for u in sorted(set(claims) | {u for u in own if u in present}):
            out.touching.setdefault(u, []).append(c)
        if c.action in ("detach", "move"):
            rest = [u for u in own if u in present and u not in c.claims]
            out.cannot.update((x, y) for x in claims for y in rest)
            if c.action == "move":
                target = [u for u in c.members.get(c.target or "", []) if u in present]
                if target:
                    # the claims join every member the target had (the first one leads)
                    out.must.extend((x, target[0]) for x in claims)
                    out.must.extend((u, target[0]) for u in target[1:])
                    out.touching.setdefault(target[0], []).append(c)
        elif c.action == "merge":
            both = [u for u in own if u in present] + [u for u in c.members.get(c.target or "", []) if u in present]
            if len(both) > 1 and _anchor(own, present):
                # every member of both estimates, as they were, together (the first one leads)
                out.must.extend((u, both[0]) for u in both[1:])
                for u in both[1:]:
                    out.touching.setdefault(u, []).append(c)
        elif c.action == "split":
            rest = [u for u in own if u in present and u not in c.claims]
            out.must.extend((x, claims[0]) for x in claims[1:])
            out.cannot.update((x, y) for x in claims for y in rest)
        elif c.action == "mark":
            kind = c.value.get("as")
            if kind == "part":
                total = c.members.get(str(c.value.get("of")), [])
                lead = _anchor(total, present)
                for x in claims:
                    if lead:
                        out.part_of[x] = lead
                    out.cannot.update((x, y) for y in total if y in present)
            elif kind in MEASURES:
                for x in claims:
                    out.measure[x] = str(kind)
        elif c.action == "override":
            a = _anchor(own, present)
            if a:
                out.overrides.append((a, c))
    out.cannot = {(min(a, b), max(a, b)) for a, b in out.cannot if a != b}
    return out


def adopt(features: list[ClaimFeatures], cons: Constraints) -> None:
    """Apply the claim-level curations to the features: marked kinds of measure and parts, and
    a moved or merged claim takes its leader's measure, event type, unit and period."""
    by_uid = {f.uid: f for f in features}
    for uid, kind in cons.measure.items():
        f = by_uid.get(uid)
        if f is not None:
            f.measure = kind
            f.period = "running" if kind == "running" else (f.period if kind == "period" and f.period.startswith("P")
                                                              else ("P?" if kind == "period" else "incident"))
    for uid, total in cons.part_of.items():
        f = by_uid.get(uid)
        if f is not None:
            f.part_of = total
    for follower, leader in cons.must:
        f, lead = by_uid.get(follower), by_uid.get(leader)
        if f is None or lead is None:
            continue
        f.measure, f.event_type, f.period = lead.measure, lead.event_type, lead.period
        if lead.unit != "?":
            f.unit = lead.unit


def apply_overrides(estimates: list[Estimate], cons: Constraints) -> None:
    """Set reviewers' low/best/high on the estimates holding their anchors, and list every
    curation on the estimates whose claims it names."""
    where = {f"{m.article_id}:{m.claim_id}": e for e in estimates for m in e.claims}
    for uid, curs in cons.touching.items():
        e = where.get(uid)
        if e is None:
            continue
        for c in curs:
            s = c.summary()
            if s not in e.curations:
                e.curations.append(s)
    for e in estimates:
        e.curations.sort(key=lambda s: (s.get("id") or 0))
    for uid, c in cons.overrides:
        e = where.get(uid)
        if e is None:
            continue
        computed = e.override["computed"] if e.override else {"low": e.low, "best": e.best, "high": e.high}
        if e.override:  # a later override replaces the earlier one, also in the explanation
            e.explanation = e.explanation.removesuffix(_override_note(e.override["who"], e.override["why"]))
        e.low, e.best, e.high = overridden_figures(computed, c.value)
        e.override = {"low": e.low, "best": e.best, "high": e.high, "who": c.who, "why": c.why, "at": c.at,
                      "curation": c.id, "computed": computed}
        e.explanation += _override_note(c.who, c.why)


def overridden_figures(computed: dict[str, Any], value: dict[str, Any]) -> tuple[Any, Any, Any]:
    """low, best, high of an estimate under an override: the reviewer's figures, and the computed
    ones where the reviewer gave none, moved just enough to keep low <= best <= high (a best set
    above the computed high raises the high to it). A figure that is not a finite number (a
    log entry written before such values were refused) counts as not given."""
    given = {k: v for k in ("low", "best", "high")
             if isinstance(v := value.get(k), (int, float)) and math.isfinite(v)}
    lo, best, hi = (given.get(k, computed.get(k)) for k in ("low", "best", "high"))
    fixed = list(given.values())
    if "low" not in given and lo is not None:
        lo = min([lo, *fixed])
    if "high" not in given and hi is not None:
        hi = max([hi, *fixed])
    if "best" not in given and best is not None:
        best = min(max(best, lo if lo is not None else best), hi if hi is not None else best)
    return lo, best, hi


def _override_note(who: object, why: object) -> str:
    """What an override adds to an estimate's explanation."""
    return f" — figures set by {who}: {why}"
