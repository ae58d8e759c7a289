"""REST API write routes of reviewers: review a claim (accept, correct — including adding a
missing quantity, time, places or source —, reject), undo the last change, make a new claim from
a text selection, and the gazetteer place picker.

Bodies are parsed as strict JSON (no NaN/Infinity), checked field by field, and written by the
store in one transaction whose response is built before the commit: a request that fails
changes nothing. Every change is in the claim's revision log.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from pydantic import ValidationError as PydanticError

from ..errors import ValidationError
from ..model import Claim
from .api import ERROR_RESPONSES, claim_json, recompute_estimates, strict_json
from .bodies import read_json
from .places import search_places
from .security import WHO_COOKIE, Identity, require_read, require_write
from .validation import check_changes, check_new_claim, resolve_spans

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["review"], responses=ERROR_RESPONSES)


class ReviewBody(BaseModel):
    action: Literal["accept", "correct", "reject"] = Field(description="accept | correct | reject")
    changes: dict[str, Any] | None = Field(
        default=None,
        description="For `correct`: the fields to change, nested like the claim JSON, e.g. "
                    '`{"quantity": {"best": 300, "low": 300, "high": 300}, "source": {"type": "official"}}`. '
                    'A claim without a quantity (or time) gets one from `{"quantity": {"text": "40", "best": 40}}`: '
                    "the text as written is located in the claim's sentence.")
    who: str | None = Field(default=None, max_length=200,
                            description="Reviewer name recorded in the revision log (default: the token's name)")


class UndoBody(BaseModel):
    revision: int | None = Field(default=None, ge=1, description="Id of the change to take back (the latest); "
                                                                  "refused if the claim changed since")
    who: str | None = Field(default=None, max_length=200)


def _model(cls: type[BaseModel], data: Any, name: str) -> Any:
    try:
        return cls.model_validate(data if data is not None else {})
    except PydanticError as exc:
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc']) or 'body'}: {e['msg']}" for e in exc.errors()[:3])
        raise ValidationError(name, detail=problems) from None


def _who(request: Request, ident: Identity, given: str | None) -> str:
    """The reviewer's own name when given (several reviewers may share a token), else the token's."""
    return ((given or "").strip()[:200] or request.cookies.get(WHO_COOKIE, "").strip()[:200]
            or ident.name or "api")


def _affected(store: Any, uid: str, article_id: str | None) -> list[str]:
    """Articles whose estimates a change to ``uid`` can alter: its own, and those of the other
    members of the estimates it belongs to (a correction can take it out of them)."""
    out = {article_id} if article_id else set()
    for eid in store.estimates_for_claims([uid]).get(uid, []):
        try:
            out.update(c.article_id for c in store.get_estimate(eid).claims)
        except Exception:  # an estimate replaced meanwhile: its members are recomputed anyway
            continue
    return sorted(a for a in out if a)


class _Prebuilt:
    """Builds the response body inside the store's transaction (``check``): if it cannot be
    built (a value JSON cannot carry), the change is rolled back."""

    def __init__(self, who: str) -> None:
        self.who = who
        self.body: dict[str, Any] = {}

    def __call__(self, claim: Claim | None) -> None:
        self.body = {"claim": claim_json(claim) if claim is not None else None, "who": self.who}
        strict_json(self.body)


def _written(request: Request, prebuilt: _Prebuilt, revision: int, action: str, affected: list[str],
             status_code: int = 200, **extra: Any) -> JSONResponse:
    """The response to a committed change: the claim and reviewer (``prebuilt``), ``extra``, the
    revision and action, and the estimates of the ``affected`` articles, recomputed."""
    return JSONResponse(prebuilt.body | extra | {"revision": revision, "action": action,
                                                  "estimates": recompute_estimates(request, affected)},
                        status_code=status_code)


@router.post("/claims/{uid}/review", summary="Accept, correct or reject a claim (token required)")
async def review_claim(request: Request, uid: str, ident: Identity = Depends(require_write)):
    body = _model(ReviewBody, await read_json(request), uid)
    return await _run(request, _review, request, uid[:100], body, ident)


def _review(request: Request, uid: str, body: ReviewBody, ident: Identity) -> JSONResponse:
    store = request.app.state.store
    current = store.get_claim(uid)
    changes = None
    if body.action == "correct":
        check_changes(uid, current, body.changes)
        text = store.get_article(current.article_id, with_claims=False).text
        changes = resolve_spans(uid, text, current, body.changes or {})
    elif body.changes:
        raise ValidationError(uid, detail=f"{body.action} takes no changes")
    affected = _affected(store, uid, current.article_id)
    prebuilt = _Prebuilt(_who(request, ident, body.who))
    done = store.review(uid, body.action, changes, prebuilt.who, check=prebuilt)
    return _written(request, prebuilt, done.revision, done.action, affected)


@router.post("/claims/{uid}/undo", summary="Take back the latest review of a claim (token required)")
async def undo_review(request: Request, uid: str, ident: Identity = Depends(require_write)):
    body = _model(UndoBody, await read_json(request), uid)
    return await _run(request, _undo, request, uid[:100], body, ident)


def _undo(request: Request, uid: str, body: UndoBody, ident: Identity) -> JSONResponse:
    store = request.app.state.store
    current = store.get_claim(uid)
    affected = _affected(store, uid, current.article_id)
    prebuilt = _Prebuilt(_who(request, ident, body.who))
    done = store.undo_review(uid, prebuilt.who, revision=body.revision, check=prebuilt)
    return _written(request, prebuilt, done.revision, "undo", affected, uid=uid)


@router.post("/articles/{article_id}/claims", status_code=201,
             summary="Add a claim the machine missed, from a text selection (token required)",
             description='Body: `{"span": [start, end], "event_type": "death", "quantity": {"text": "40", "best": 40}, '
                         '"source": {"name": "the coast guard", "type": "law_enforcement"}, ...}`: the selected '
                         "characters are the claim's evidence; any editable field of a correction may be given. "
                         "The claim gets the next free id `r<n>` and is recorded as `create` in its revision log.")
async def add_claim(request: Request, article_id: str, ident: Identity = Depends(require_write)):
    data = await read_json(request)
    return await _run(request, _add, request, article_id[:64], data, ident)


def _add(request: Request, article_id: str, data: Any, ident: Identity) -> JSONResponse:
    store = request.app.state.store
    who = data.pop("who", None) if isinstance(data, dict) else None
    text = store.get_article(article_id, with_claims=False).text
    claim_data = check_new_claim(article_id, text, data)
    prebuilt = _Prebuilt(_who(request, ident, who if isinstance(who, str) else None))
    done = store.add_claim(article_id, claim_data, prebuilt.who, check=prebuilt)
    return _written(request, prebuilt, done.revision, "create", [article_id], status_code=201)


async def _run(request: Request, fn: Any, *args: Any) -> Any:
    """Run a blocking write in the worker threads, not on the event loop."""
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(fn, *args)


@router.get("/places", summary="Place picker: gazetteer places whose name starts with `q`")
def places(q: str = Query(..., min_length=1, max_length=100), limit: int = Query(10, ge=1, le=50),
           _: Identity = Depends(require_read)):
    return {"q": q, "items": search_places(q, limit)}
