"""REST routes for incidents and for curating estimates (mounted by :func:`claimwatch.web.create_app`).

Read (public unless ``public_read`` is off):

* ``GET /api/incidents`` — incidents, filtered by event type, country and dates;
* ``GET /api/incidents/{id}`` — one incident with its estimates;
* ``GET /api/curations`` and ``GET /api/estimates/{id}/curations`` — the curation log.

Write (token required; the reviewer's name defaults to the token's):

* ``POST /api/estimates/{id}/detach`` ``{"claims": [...], "why": ...}``
* ``POST /api/estimates/{id}/move`` ``{"claims": [...], "to": "e...", "why": ...}``
* ``POST /api/estimates/{id}/merge`` ``{"other": "e...", "why": ...}``
* ``POST /api/estimates/{id}/split`` ``{"claims": [...], "why": ...}``
* ``POST /api/estimates/{id}/mark`` ``{"claims": [...], "as": "part|running|period|incident", "of": "e...", "why": ...}``
* ``POST /api/estimates/{id}/override`` ``{"low": ..., "best": ..., "high": ..., "why": ...}``

Each answers ``{"curation": {...}, "estimates": [...]}``: the log entry and the estimates the
curated claims belong to now. Bad requests get the API's one error shape (E303, 422).
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from ..reconcile import curate
from ..store.lists import INCIDENT_FILTERS, check_filters
from .security import WHO_COOKIE, Identity, require_read, require_write

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["incidents and curation"])


class _Body(BaseModel):
    why: str = Field(min_length=1, max_length=2000, description="Why: kept in the revision log")
    who: str | None = Field(default=None, max_length=200,
                            description="Reviewer name for the log (default: the token's name)")


class ClaimsBody(_Body):
    claims: list[str] = Field(min_length=1, description="Claim uids `<article_id>:<claim_id>` of the estimate")


class MoveBody(ClaimsBody):
    to: str = Field(description="Id of the estimate the claims belong to")


class MergeBody(_Body):
    other: str = Field(description="Id of the estimate to merge into this one")


class MarkBody(ClaimsBody):
    as_: Literal["part", "incident", "period", "running"] = Field(
        alias="as", description="part (of a total), running total, period total or incident figure")
    of: str | None = Field(default=None, description="For `part`: the id of the total's estimate")


class OverrideBody(_Body):
    low: float | None = Field(default=None, ge=0)
    best: float | None = Field(default=None, ge=0)
    high: float | None = Field(default=None, ge=0)


def _who(request: Request, body: _Body, ident: Identity) -> str:
    return ((body.who or "").strip()[:200] or request.cookies.get(WHO_COOKIE, "").strip()[:200]
            or ident.name or "api")


def _apply(request: Request, estimate_id: str, action: str, body: _Body, ident: Identity, *,
           claims: list[str] | None = None, target: str | None = None,
           value: dict[str, Any] | None = None) -> dict[str, Any]:
    res = curate(request.app.state.store, action, estimate_id, who=_who(request, body, ident), why=body.why,
                 claims=claims or [], target=target, value=value)
    return res.to_dict()


# -- incidents -------------------------------------------------------------------------------
@router.get("/incidents", summary="Incidents: the estimates of one real-world incident")
def list_incidents(request: Request, event_type: str | None = None, country: str | None = None,
                   since: str | None = None, until: str | None = None, _: Identity = Depends(require_read)):
    f = check_filters({"event_type": event_type, "country": country, "since": since, "until": until}, INCIDENT_FILTERS)
    items = request.app.state.store.list_incidents(event_type=f.get("event_type"), country=f.get("country"),
                                                   since=f.get("since"), until=f.get("until"))
    return {"total": len(items), "items": [i.to_dict() for i in items]}


@router.get("/incidents/{incident_id}", summary="One incident with its estimates")
def get_incident(request: Request, incident_id: str, _: Identity = Depends(require_read)):
    store = request.app.state.store
    inc = store.get_incident(incident_id)
    return dict(inc.to_dict(), estimates=[e.to_dict() for e in store.list_estimates(incident=incident_id)])


# -- curation log ----------------------------------------------------------------------------
@router.get("/curations", summary="The curation log, oldest first")
def list_curations(request: Request, _: Identity = Depends(require_read)):
    items = request.app.state.store.curations()
    return {"total": len(items), "items": items}


@router.get("/estimates/{estimate_id}/curations", summary="The curations made on one estimate")
def estimate_curations(request: Request, estimate_id: str, _: Identity = Depends(require_read)):
    store = request.app.state.store
    est = store.get_estimate(estimate_id)
    ids = {c.get("id") for c in est.curations}
    items = [c for c in store.curations() if c.get("id") in ids or c.get("estimate") == estimate_id]
    return {"estimate": estimate_id, "items": items}


# -- curation actions (token required) --------------------------------------------------------
@router.post("/estimates/{estimate_id}/detach", summary="Take claims out of an estimate (token required)")
def detach(request: Request, estimate_id: str, body: ClaimsBody, ident: Identity = Depends(require_write)):
    return _apply(request, estimate_id, "detach", body, ident, claims=body.claims)


@router.post("/estimates/{estimate_id}/move", summary="Move claims to another estimate (token required)")
def move(request: Request, estimate_id: str, body: MoveBody, ident: Identity = Depends(require_write)):
    return _apply(request, estimate_id, "move", body, ident, claims=body.claims, target=body.to)


@router.post("/estimates/{estimate_id}/merge", summary="Merge another estimate into this one (token required)")
def merge(request: Request, estimate_id: str, body: MergeBody, ident: Identity = Depends(require_write)):
    return _apply(request, estimate_id, "merge", body, ident, target=body.other)


@router.post("/estimates/{estimate_id}/split", summary="Split claims off into their own estimate (token required)")
def split(request: Request, estimate_id: str, body: ClaimsBody, ident: Identity = Depends(require_write)):
    return _apply(request, estimate_id, "split", body, ident, claims=body.claims)


@router.post("/estimates/{estimate_id}/mark",
             summary="Mark figures as a part of a total, a running or period total, or an incident figure (token required)")
def mark(request: Request, estimate_id: str, body: MarkBody, ident: Identity = Depends(require_write)):
    return _apply(request, estimate_id, "mark", body, ident, claims=body.claims,
                  value={"as": body.as_, "of": body.of})


@router.post("/estimates/{estimate_id}/override", summary="Set an estimate's low/best/high (token required)")
def override(request: Request, estimate_id: str, body: OverrideBody, ident: Identity = Depends(require_write)):
    return _apply(request, estimate_id, "override", body, ident,
                  value={"low": body.low, "best": body.best, "high": body.high})
