"""REST API routes under ``/api`` (documented in the OpenAPI schema at ``/openapi.json``)."""

from __future__ import annotations

import io
import logging
from typing import Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from ..errors import ClaimwatchError, InputError, ValidationError
from ..export import FORMATS, get_format
from ..export.geojson import feature_collection
from ..ingest.document import Document
from ..model import Article, Claim, Estimate
from .security import WHO_COOKIE, Identity, identify, require_read, require_write
from .validation import check_changes

__all__ = ["router", "claim_json", "article_meta", "recompute_estimates"]

log = logging.getLogger("claimwatch.web")

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"description": desc, "content": {"application/json": {"example": {
        "error": {"code": ecode, "message": msg, "detail": None}}}}}
    for code, desc, ecode, msg in (
        (401, "No or missing token", "E501", "authentication required"),
        (403, "Invalid token", "E502", "forbidden: the token is not valid"),
        (404, "Not found", "E302", "not found: article 0123456789abcdef"),
        (413, "Request too large", "E503", "request too large"),
        (422, "Invalid value", "E303", "invalid value: ..."),
    )
}

router = APIRouter(prefix="/api", tags=["api"], responses=ERROR_RESPONSES)


# -- helpers ---------------------------------------------------------------------------------
def claim_json(claim: Claim) -> dict[str, Any]:
    out = claim.to_dict()
    out["uid"] = claim.uid
    out["article_id"] = claim.article_id
    return out


def article_meta(article: Article) -> dict[str, Any]:
    meta = article.meta_dict()
    meta.pop("text", None)
    meta["duplicate_of"] = article.duplicate_of
    return meta


def recompute_estimates(request: Request, article_ids: list[str]) -> dict[str, Any]:
    """Recompute the estimates touched by ``article_ids``; a failure is reported, not hidden."""
    try:
        estimates = request.app.state.update_estimates(request.app.state.store, article_ids) or []
    except Exception as exc:  # the review itself is stored; say that the estimates were not updated
        log.exception("estimate update failed for %s", article_ids)
        return {"updated": None, "error": f"{type(exc).__name__}: {exc}"}
    return {"updated": [e.id for e in estimates], "error": None}


def _page_size(request: Request, limit: int | None) -> int:
    size = limit or request.app.state.settings.page_size
    return max(1, min(int(size), 1000))


# -- request bodies --------------------------------------------------------------------------
class ReviewBody(BaseModel):
    action: Literal["accept", "correct", "reject"] = Field(description="accept | correct | reject")
    changes: dict[str, Any] | None = Field(
        default=None,
        description="For `correct`: the fields to change, nested like the claim JSON, e.g. "
                    '`{"quantity": {"best": 300, "low": 300, "high": 300}, "source": {"type": "official"}}`.')
    who: str | None = Field(default=None, max_length=200,
                            description="Reviewer name recorded in the revision log (default: the token's name)")


class ArticleBody(BaseModel):
    text: str = Field(description="Article body (plain text) or an HTML page when `html` is true")
    title: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="ISO date")
    outlet: str | None = None
    html: bool = Field(default=False, description="`text` is an HTML page: extract its main text")


# -- articles --------------------------------------------------------------------------------
@router.get("/articles", summary="Search articles (full text + filters), paginated")
def list_articles(
    request: Request,
    q: str | None = Query(None, description="Full-text query"),
    outlet: str | None = None,
    since: str | None = Query(None, description="Published on or after (ISO date)"),
    until: str | None = Query(None, description="Published on or before (ISO date)"),
    source_type: str | None = None,
    event_type: str | None = None,
    limit: int | None = Query(None, ge=1, le=1000),
    offset: int = Query(0, ge=0),
    _: Identity = Depends(require_read),
):
    size = _page_size(request, limit)
    items, total = request.app.state.store.search_articles(
        q=q, outlet=outlet, since=since, until=until, source_type=source_type, event_type=event_type,
        limit=size, offset=offset)
    return {"total": total, "limit": size, "offset": offset, "items": [article_meta(a) for a in items]}


@router.get("/articles/{article_id}", summary="One article with its claims (reviewed values applied)")
def get_article(request: Request, article_id: str, _: Identity = Depends(require_read)):
    art = request.app.state.store.get_article(article_id)
    return {"article": article_meta(art) | {"text": art.text}, "claims": [claim_json(c) for c in art.claims]}


@router.post("/articles", status_code=201, summary="Ingest one article (extract, store, update estimates)",
             openapi_extra={"requestBody": {"required": True, "content": {
                 "application/json": {"schema": ArticleBody.model_json_schema()},
                 "text/plain": {"schema": {"type": "string"}},
                 "text/html": {"schema": {"type": "string"}}}}})
async def ingest_article(request: Request, ident: Identity = Depends(require_write)):
    """Send JSON (`ArticleBody`) or the raw document (`text/plain` or `text/html` body, metadata in
    the query string: `title`, `url`, `published`, `outlet`)."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    raw = await request.body()
    name = "request body"
    if ctype == "application/json":
        try:
            body = ArticleBody.model_validate_json(raw)
        except Exception as exc:
            raise ValidationError(name, detail=" ".join(str(exc).split())[:300]) from None
        if body.html:
            from ..ingest import read_bytes

            doc = read_bytes(body.text.encode("utf-8", "surrogatepass"), name, content_type="text/html",
                             settings=request.app.state.settings)
            doc.title = body.title or doc.title
            doc.url, doc.outlet = body.url, body.outlet
            doc.published = body.published or doc.published
        else:
            doc = Document(text=body.text, title=body.title, url=body.url, published=body.published,
                           outlet=body.outlet, name=name)
    elif ctype in ("text/plain", "text/html", "application/xhtml+xml", ""):
        from ..ingest import read_bytes

        doc = read_bytes(raw, name, content_type=ctype or None, settings=request.app.state.settings)
        qp = request.query_params
        doc.title = qp.get("title") or doc.title
        doc.url = qp.get("url") or doc.url
        doc.outlet = qp.get("outlet") or doc.outlet
        doc.published = qp.get("published") or doc.published
    else:
        raise InputError(name, detail=f"unsupported content type {ctype!r} (use application/json, text/plain or text/html)")
    from ..flow import ingest_document

    state = request.app.state
    res = ingest_document(doc, state.store, settings=state.settings, extractor=state.extractor,
                          reconciler=state.update_estimates)
    article, created = res.article, res.created
    estimates = {"updated": [e.id for e in res.estimates or []], "error": res.reconcile_error}
    return JSONResponse(status_code=201 if created else 200, content={
        "article_id": article.id, "created": created, "claims": len(article.claims),
        "page": f"/articles/{article.id}", "estimates": estimates})


# -- claims ----------------------------------------------------------------------------------
@router.get("/claims", summary="Query claims")
def list_claims(
    request: Request,
    source_type: str | None = None,
    event_type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    place: str | None = None,
    status: str | None = Query(None, description="accepted | corrected | rejected | unreviewed"),
    reviewed: bool | None = None,
    article_id: str | None = None,
    limit: int | None = Query(None, ge=1, le=1000),
    offset: int = Query(0, ge=0),
    _: Identity = Depends(require_read),
):
    size = _page_size(request, limit)
    claims = request.app.state.store.query_claims(
        source_type=source_type, event_type=event_type, since=since, until=until, place=place, status=status,
        reviewed=reviewed, article_id=article_id, limit=size, offset=offset)
    return {"limit": size, "offset": offset, "items": [claim_json(c) for c in claims]}


@router.get("/claims/{uid}", summary="One claim by its global id `<article_id>:<claim_id>`")
def get_claim(request: Request, uid: str, _: Identity = Depends(require_read)):
    return claim_json(request.app.state.store.get_claim(uid))


@router.get("/claims/{uid}/revisions", summary="The revision log of a claim (who, when, before, after)")
def claim_revisions(request: Request, uid: str, _: Identity = Depends(require_read)):
    store = request.app.state.store
    store.get_claim(uid)  # 404 for an unknown claim
    try:
        return {"uid": uid, "revisions": store.revisions(uid)}
    except ClaimwatchError as exc:
        if exc.code == "E302":  # a known claim nobody reviewed yet
            return {"uid": uid, "revisions": []}
        raise


@router.post("/claims/{uid}/review", summary="Accept, correct or reject a claim (token required)")
def review_claim(request: Request, uid: str, body: ReviewBody, ident: Identity = Depends(require_write)):
    store = request.app.state.store
    current = store.get_claim(uid)
    if body.action == "correct":
        check_changes(uid, current, body.changes)
    # the estimates the claim belongs to now: a correction or rejection can take it out of them,
    # so their other members' articles are recomputed too
    affected = {current.article_id}
    for eid in store.estimates_for_claims([uid]).get(uid, []):
        try:
            affected.update(c.article_id for c in store.get_estimate(eid).claims)
        except ClaimwatchError:
            pass
    # the reviewer's own name when given (several reviewers may share a token), else the token's name
    who = ((body.who or "").strip()[:200] or request.cookies.get(WHO_COOKIE, "").strip()[:200]
           or ident.name or "api")
    claim = store.review_claim(uid, body.action, body.changes if body.action == "correct" else None, who)
    if claim.article_id is None:
        claim.article_id = current.article_id
    estimates = recompute_estimates(request, sorted(a for a in affected | {claim.article_id} if a))
    return {"claim": claim_json(claim), "who": who, "estimates": estimates}


# -- estimates -------------------------------------------------------------------------------
@router.get("/estimates", summary="Estimates (cross-report reconciliations), filterable by status")
def list_estimates(request: Request, status: str | None = None, event_type: str | None = None,
                   _: Identity = Depends(require_read)):
    items = request.app.state.store.list_estimates(status=status, event_type=event_type)
    return {"total": len(items), "items": [e.to_dict() for e in items]}


@router.get("/estimates/{estimate_id}", summary="One estimate with its member claims")
def get_estimate(request: Request, estimate_id: str, _: Identity = Depends(require_read)):
    return request.app.state.store.get_estimate(estimate_id).to_dict()


# -- map -------------------------------------------------------------------------------------
@router.get("/map/claims", summary="Located claims as GeoJSON points")
def map_claims(request: Request, event_type: str | None = None, since: str | None = None,
               until: str | None = None, _: Identity = Depends(require_read)):
    fc = feature_collection(request.app.state.store, event_type=event_type or None, since=since or None,
                            until=until or None)
    return JSONResponse(fc, media_type="application/geo+json")


def estimate_features(estimates: list[Estimate], since: str | None = None, until: str | None = None) -> list[dict]:
    features = []
    for e in estimates:
        start = (e.time or {}).get("start") if isinstance(e.time, dict) else None
        day = start or min((c.published for c in e.claims if c.published), default=None)
        if since and (not day or day[:10] < since[:10]):
            continue
        if until and (not day or day[:10] > until[:10]):
            continue
        for p in e.places or []:
            lat, lon = p.get("lat"), p.get("lon")
            if lat is None or lon is None:
                continue
            features.append({"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                             "properties": {"id": e.id, "event_type": e.event_type, "unit": e.unit, "low": e.low,
                                            "best": e.best, "high": e.high, "status": e.status,
                                            "place": p.get("name") or p.get("text"), "date": day,
                                            "explanation": e.explanation}})
    return features


@router.get("/map/estimates", summary="Located estimates as GeoJSON points")
def map_estimates(request: Request, event_type: str | None = None, since: str | None = None,
                  until: str | None = None, _: Identity = Depends(require_read)):
    estimates = request.app.state.store.list_estimates(event_type=event_type or None)
    return JSONResponse({"type": "FeatureCollection", "features": estimate_features(estimates, since, until)},
                        media_type="application/geo+json")


# -- export ----------------------------------------------------------------------------------
@router.get("/export/{fmt}", summary="Export claims: " + ", ".join(FORMATS))
def export(request: Request, fmt: str, event_type: str | None = None, source_type: str | None = None,
           since: str | None = None, until: str | None = None, _: Identity = Depends(require_read)):
    spec = get_format(fmt)
    filters = {"event_type": event_type or None, "source_type": source_type or None,
               "since": since or None, "until": until or None}
    buf: io.BytesIO | io.StringIO = io.BytesIO() if spec.binary else io.StringIO()
    spec.writer()(request.app.state.store, buf, **filters)
    data = buf.getvalue()
    payload = data if isinstance(data, bytes) else data.encode("utf-8")
    return Response(payload, media_type=spec.media_type,
                    headers={"Content-Disposition": f'attachment; filename="claimwatch.{spec.extension}"'})


@router.get("/health", summary="Liveness, and store counts for whoever may read")
def health(request: Request):
    store = request.app.state.store
    readable = request.app.state.settings.public_read or identify(request).authenticated
    return {"ok": True, "stats": store.stats() if readable and hasattr(store, "stats") else None}
