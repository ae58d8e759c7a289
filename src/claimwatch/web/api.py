"""REST API read routes under ``/api`` (documented in the OpenAPI schema at ``/openapi.json``):
articles, claims, estimates, map layers, exports, health. Writes live in ``api_review`` (review,
undo, new claims) and ``jobs`` (posting articles).

Every list checks its parameters (``claimwatch.store.lists``): a bad value is a 422 naming it,
never an empty list; text filters are escaped (``%`` and ``_`` match themselves).
"""

from __future__ import annotations

import io
import json
import logging
from datetime import date, datetime
from typing import Any, Callable

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from ..export import FORMATS, get_format
from ..export.geojson import feature_collection
from ..model import Article, Claim, Estimate
from ..store.lists import (
    EXPORT_FILTERS,
    MAP_FILTERS,
    MAX_TEXT,
    ListQuery,
    article_query,
    check_filters,
    claim_query,
    estimate_query,
)
from .cache import memo_key
from .params import QueryParam, openapi_parameters, read_query
from .security import Identity, identify, require_read

__all__ = ["router", "claim_json", "article_meta", "recompute_estimates", "estimate_row_json", "ERROR_RESPONSES",
           "strict_json", "json_response", "dumps", "claim_items"]

log = logging.getLogger("claimwatch.web")

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {"description": desc, "content": {"application/json": {"example": {
        "error": {"code": ecode, "message": msg, "detail": None}}}}}
    for code, desc, ecode, msg in (
        (401, "No or missing token", "E501", "authentication required"),
        (403, "Invalid token or foreign origin", "E502", "forbidden: the token is not valid"),
        (404, "Not found", "E302", "not found: article 0123456789abcdef"),
        (413, "Request too large", "E503", "request too large"),
        (422, "Invalid value", "E303", "invalid value: ..."),
    )
}

router = APIRouter(prefix="/api", tags=["api"], responses=ERROR_RESPONSES)
_TEXT = Query(None, max_length=MAX_TEXT)


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


def strict_json(payload: Any) -> str:
    """JSON text of ``payload``, refusing NaN/Infinity (a response is built before it is sent)."""
    return json.dumps(payload, allow_nan=False, ensure_ascii=False)


def _json_default(value: Any) -> Any:
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    raise TypeError(f"{type(value).__name__} is not JSON")


def dumps(payload: Any) -> str:
    """Compact JSON text, NaN/Infinity refused, dates in ISO form."""
    return json.dumps(payload, allow_nan=False, ensure_ascii=False, separators=(",", ":"), default=_json_default)


def json_response(payload: Any, status_code: int = 200, media_type: str = "application/json") -> Response:
    """``payload`` serialised once, straight to bytes: the read API's answers skip FastAPI's
    generic encoder, which walks every value."""
    return Response(dumps(payload).encode("utf-8"), status_code=status_code, media_type=media_type)


#: largest filtered claim list whose order is kept per store generation (beyond it, each page is
#: one query: the default order, by the claim's date, reads a time and an article per claim)
ORDER_KEPT_UP_TO = 50_000


def page_of_list(request: Request, query: ListQuery, path: str, count: Callable[[ListQuery], int],
                 ids: Callable[..., list[str]]) -> list[str]:
    """The ids of the page asked for of the list at ``path``: sliced from the list's whole order,
    worked out once per store generation (every page and offset of a list then costs no sort), or
    one query (``ids(query)``) when nothing is memoised or the list is longer than
    :data:`ORDER_KEPT_UP_TO`."""
    memo = request.app.state.memo
    total = memo.get(memo_key(f"{path} total", query.filters), lambda: count(query))
    if memo.version is None or total > ORDER_KEPT_UP_TO:
        return ids(query)
    key = (*memo_key(f"{path} order", query.filters), query.sort, query.descending)
    order = memo.get(key, lambda: ids(query, whole=True))
    return order[query.offset:query.offset + query.limit]


def rows_per_generation(request: Request, kind: str, read: Callable[[int], Any]) -> Any:
    """Every row of a list as ``read(most)`` gives it (None: more than :data:`ORDER_KEPT_UP_TO`),
    read once per store generation, so the pages after a store change read nothing but what
    changed; None also when nothing is memoised (no change signal): each page then reads its own."""
    memo = request.app.state.memo
    return memo.get((kind,), lambda: read(ORDER_KEPT_UP_TO)) if memo.version is not None else None


def list_facets(request: Request, path: str, query: ListQuery,
                facets: Callable[[ListQuery], dict[str, list[tuple[Any, int]]]]) -> dict[str, list[dict[str, Any]]]:
    """The facet counts of the list at ``path`` under ``query``'s filters, as the API gives them
    (``{facet: [{"value", "count"}]}``), worked out once per store generation."""
    return _api_facets(request.app.state.memo.get(memo_key(f"{path} facets", query.filters), lambda: facets(query)))


def _api_facets(counts: dict[str, list[tuple[Any, int]]]) -> dict[str, list[dict[str, Any]]]:
    return {k: [{"value": v, "count": n} for v, n in vals] for k, vals in counts.items()}


def page_uids(request: Request, query: ListQuery) -> list[str]:
    """The uids of the page asked for of the claim list (see :func:`page_of_list`)."""
    store = request.app.state.store
    return page_of_list(request, query, "/claims", store.claim_count, store.claim_uids)


#: what a claim's JSON in ``/api/claims`` is made of: the claim (its review included) and its article
CLAIM_JSON_TABLES = ("claims", "articles")


def _claims_state(request: Request) -> tuple | None:
    """The state of the tables a claim's JSON is made of (None: no change signal, nothing kept by it)."""
    data_version = request.app.state.memo.version
    return ("state", data_version.signature(CLAIM_JSON_TABLES)) if data_version is not None else None


def _page_versions(request: Request, query: ListQuery, uids: list[str]) -> list[tuple[str, str, dict[str, Any]]]:
    """(uid, version, article meta) of the claims ``uids`` that are stored, in page order: from
    every claim's version, read once per store generation (the pages after a store change then
    read nothing but the claims that changed), else a query of the page."""
    store = request.app.state.store
    versions = rows_per_generation(request, "/claims versions", store.claim_versions)
    if versions is None:
        return [(uid, version, meta) for uid, version, _, meta in store.claim_list_versions(query, uids)]
    return [(uid, *versions[uid]) for uid in uids if uid in versions]


def claim_items(request: Request, query: ListQuery) -> list[bytes]:
    """The JSON text (UTF-8) of each claim of a page (``claim_json`` with its article's meta).
    Each is kept under the claim's version (its last change), so a page re-reads and
    re-serialises only the claims that changed since they were last sent, whatever else the
    store did meanwhile; while no claim and no article was written at all, the kept texts are
    sent without asking the store for versions."""
    store, kept = request.app.state.store, request.app.state.claim_json_cache
    if not kept.enabled:
        return [dumps(claim_json(c) | {"article": meta}).encode("utf-8")
                for c, meta in store.claim_list(query, count=False)[0]]
    current = request.app.state.claim_json_current
    uids = page_uids(request, query)
    state = _claims_state(request)
    known = current.get_all(uids, state)
    if known is not None:
        return known
    rows = _page_versions(request, query, uids)
    texts = {uid: kept.get((uid, version)) for uid, version, _ in rows}
    fresh = store.claims_by_uid([uid for uid, text in texts.items() if text is None])
    out = []
    for uid, version, meta in rows:
        text = texts[uid]
        if text is None:
            if uid not in fresh:  # removed between the two reads: not on this page
                continue
            text = dumps(claim_json(fresh[uid]) | {"article": meta}).encode("utf-8")
            kept.put((uid, version), text)
        current.put(uid, state, text)
        out.append(text)
    return out


def recompute_estimates(request: Request, article_ids: list[str]) -> dict[str, Any]:
    """Recompute the estimates touched by ``article_ids``; a failure is reported (without the
    server's internals: those go to the log), not hidden."""
    try:
        estimates = request.app.state.update_estimates(request.app.state.store, article_ids) or []
    except Exception:  # the change itself is stored; say that the estimates were not updated
        log.exception("estimate update failed for %s", article_ids)
        return {"updated": None, "error": "the estimates could not be updated (the server log has the cause)"}
    return {"updated": [e.id for e in estimates], "error": None}


def estimate_row_json(est: Estimate, cols: dict[str, Any]) -> dict[str, Any]:
    out = est.to_dict()
    out["list"] = cols
    return out


def _page(query: ListQuery, total: int, items: list) -> dict[str, Any]:
    return {"total": total, "limit": query.limit, "offset": query.offset, "sort": query.params()["sort"],
            "items": items}


# -- articles --------------------------------------------------------------------------------
@router.get("/articles", summary="Search articles (full text + filters), paginated")
def list_articles(
    request: Request,
    q: str | None = Query(None, max_length=MAX_TEXT, description="Full-text query"),
    outlet: str | None = _TEXT,
    since: str | None = Query(None, description="Published on or after (YYYY-MM-DD)"),
    until: str | None = Query(None, description="Published on or before (YYYY-MM-DD)"),
    source_type: str | None = None,
    event_type: str | None = None,
    limit: str | None = Query(None, description="1 to 1000 (default: settings.page_size)"),
    offset: str | None = Query(None, description="0 to 1,000,000"),
    _: Identity = Depends(require_read),
):
    query = article_query({"q": q, "outlet": outlet, "since": since, "until": until, "source_type": source_type,
                           "event_type": event_type}, limit or request.app.state.settings.page_size, offset)
    items, total = request.app.state.store.search_articles(**query.filters, limit=query.limit, offset=query.offset)
    return json_response({"total": total, "limit": query.limit, "offset": query.offset,
                          "items": [article_meta(a) for a in items]})


@router.get("/articles/{article_id}", summary="One article with its claims (reviewed values applied)")
def get_article(request: Request, article_id: str, _: Identity = Depends(require_read)):
    art = request.app.state.store.get_article(article_id[:64])
    return json_response({"article": article_meta(art) | {"text": art.text}, "claims": [claim_json(c) for c in art.claims]})


# -- claims ----------------------------------------------------------------------------------
def _claims_body(query: ListQuery, total: int, items: list[bytes], facets: dict[str, Any] | None) -> bytes:
    head = dumps({k: v for k, v in _page(query, total, []).items() if k != "items"})[:-1]  # open: items follow
    tail = ',"facets":' + dumps(facets) if facets is not None else ""
    return b"".join(((head + ',"items":[').encode("utf-8"), b",".join(items), ("]" + tail + "}").encode("utf-8")))


def _claims_answer(request: Request, query: ListQuery, facets: bool) -> bytes:
    """A page of ``/api/claims``, reading the store for whatever is not kept (in a worker thread)."""
    store = request.app.state.store
    total = request.app.state.memo.get(memo_key("/claims total", query.filters), lambda: store.claim_count(query))
    counts = list_facets(request, "/claims", query, store.claim_facets) if facets else None
    return _claims_body(query, total, claim_items(request, query), counts)


def claims_from_memory(request: Request, query: ListQuery, facets: bool) -> bytes | None:
    """The same page made of what is kept alone — the list's total, order (and facet counts) of the
    current store generation and every claim's JSON under the current state of the claims and
    articles tables — or None when any of it is not kept. It reads nothing from the store, so it
    is answered on the event loop instead of queueing for a worker thread."""
    memo, current = request.app.state.memo, request.app.state.claim_json_current
    if memo.version is None or not current.enabled:
        return None
    keys = [memo_key("/claims total", query.filters),
            (*memo_key("/claims order", query.filters), query.sort, query.descending)]
    if facets:
        keys.append(memo_key("/claims facets", query.filters))
    kept = memo.peek_all(tuple(keys))
    if kept is None or kept[0] > ORDER_KEPT_UP_TO:
        return None
    total, order = kept[0], kept[1]
    texts = current.get_all(order[query.offset:query.offset + query.limit], _claims_state(request))
    if texts is None:
        return None
    return _claims_body(query, total, texts, _api_facets(kept[2]) if facets else None)


#: the query parameters of ``/api/claims``, read by :func:`~claimwatch.web.params.read_query`
#: (the route asked most often: FastAPI's check of fifteen declared parameters cost more than the answer)
CLAIM_LIST_PARAMS = (
    QueryParam("source_type"), QueryParam("event_type"),
    QueryParam("since", "Claims about on or after (YYYY-MM-DD)"),
    QueryParam("until", "Claims about on or before (YYYY-MM-DD)"),
    QueryParam("place", "Place name contains (literal text)", max_length=MAX_TEXT),
    QueryParam("country", "ISO 3166 two-letter code of a place of the claim"),
    QueryParam("outlet", max_length=MAX_TEXT),
    QueryParam("status", "accepted | corrected | rejected | unreviewed"),
    QueryParam("reviewed", "true | false"),
    QueryParam("article_id", max_length=64),
    QueryParam("sort", "date, published, best, place, country, source, source_type, event_type, status, outlet; "
                       "prefix - for descending"),
    QueryParam("facets", "Add facet counts (event type, status, country, outlet, reviewed)", boolean=True),
    QueryParam("limit", "1 to 1000 (default: settings.page_size)"),
    QueryParam("offset", "0 to 1,000,000"),
)


@router.get("/claims", summary="Query claims: filters, sort, page, optional facet counts",
            openapi_extra={"parameters": openapi_parameters(CLAIM_LIST_PARAMS)})
async def list_claims(request: Request, _: Identity = Depends(require_read)):
    given = read_query(request, CLAIM_LIST_PARAMS)
    facets = bool(given.pop("facets"))
    sort, limit, offset = given.pop("sort"), given.pop("limit"), given.pop("offset")
    query = claim_query(given, sort, limit or request.app.state.settings.page_size, offset)
    body = claims_from_memory(request, query, facets)
    if body is None:
        from starlette.concurrency import run_in_threadpool

        body = await run_in_threadpool(_claims_answer, request, query, facets)
    return Response(body, media_type="application/json")


@router.get("/claims/{uid}", summary="One claim by its global id `<article_id>:<claim_id>`")
def get_claim(request: Request, uid: str, _: Identity = Depends(require_read)):
    return json_response(claim_json(request.app.state.store.get_claim(uid[:100])))


@router.get("/claims/{uid}/revisions", summary="The revision log of a claim (id, who, when, action, before, after)")
def claim_revisions(request: Request, uid: str, _: Identity = Depends(require_read)):
    store = request.app.state.store
    store.get_claim(uid[:100])  # 404 for an unknown claim
    return {"uid": uid, "revisions": store.revisions(uid)}


# -- estimates -------------------------------------------------------------------------------
@router.get("/estimates", summary="Estimates (cross-report reconciliations): where, when, filters, sort, facets")
def list_estimates(
    request: Request,
    status: str | None = Query(None, description="single | corroborated | conflicting | superseded"),
    event_type: str | None = None,
    place: str | None = Query(None, max_length=MAX_TEXT, description="Place name contains (literal text)"),
    country: str | None = Query(None, description="ISO 3166 two-letter code"),
    since: str | None = Query(None, description="Date range ends on or after (YYYY-MM-DD)"),
    until: str | None = Query(None, description="Date range starts on or before (YYYY-MM-DD)"),
    outlet: str | None = _TEXT,
    reviewed: str | None = Query(None, description="true: a person reviewed one of its claims"),
    sort: str | None = Query(None, description="date, latest, best, figure, place, country, sources, claims, "
                                               "status, event_type, id; prefix - for descending"),
    facets: bool = Query(False, description="Add facet counts (event type, status, country, outlet, reviewed)"),
    limit: str | None = Query(None, description="1 to 1000 (default: settings.page_size)"),
    offset: str | None = Query(None, description="0 to 1,000,000"),
    _: Identity = Depends(require_read),
):
    query = estimate_query({"status": status, "event_type": event_type, "place": place, "country": country,
                            "since": since, "until": until, "outlet": outlet, "reviewed": reviewed}, sort,
                           limit or request.app.state.settings.page_size, offset)
    store = request.app.state.store
    rows, _ = store.estimate_list(query, count=False)
    total = request.app.state.memo.get(memo_key("/estimates total", query.filters), lambda: store.estimate_count(query))
    out = _page(query, total, [estimate_row_json(e, cols) for e, cols in rows])
    if facets:
        out["facets"] = list_facets(request, "/estimates", query, store.estimate_facets)
    return json_response(out)


@router.get("/estimates/{estimate_id}", summary="One estimate with its member claims")
def get_estimate(request: Request, estimate_id: str, _: Identity = Depends(require_read)):
    return json_response(request.app.state.store.get_estimate(estimate_id[:100]).to_dict())


# -- map -------------------------------------------------------------------------------------
@router.get("/map/claims", summary="Located claims as GeoJSON points")
def map_claims(request: Request, event_type: str | None = None, since: str | None = None,
               until: str | None = None, _: Identity = Depends(require_read)):
    f = check_filters({"event_type": event_type, "since": since, "until": until}, MAP_FILTERS)
    fc = feature_collection(request.app.state.store, **f)
    return json_response(fc, media_type="application/geo+json")


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
                                            "place": p.get("name") or p.get("text"), "feature": p.get("feature"),
                                            "country": p.get("country"), "date": day,
                                            "explanation": e.explanation}})
    return features


@router.get("/map/estimates", summary="Located estimates as GeoJSON points")
def map_estimates(request: Request, event_type: str | None = None, since: str | None = None,
                  until: str | None = None, _: Identity = Depends(require_read)):
    f = check_filters({"event_type": event_type, "since": since, "until": until}, MAP_FILTERS)
    estimates = request.app.state.store.list_estimates(event_type=f.get("event_type"))
    return json_response({"type": "FeatureCollection",
                          "features": estimate_features(estimates, f.get("since"), f.get("until"))},
                         media_type="application/geo+json")


# -- export ----------------------------------------------------------------------------------
@router.get("/export/{fmt}", summary="Export claims: " + ", ".join(FORMATS))
def export(request: Request, fmt: str, event_type: str | None = None, source_type: str | None = None,
           since: str | None = None, until: str | None = None, _: Identity = Depends(require_read)):
    spec = get_format(fmt[:32])
    filters = check_filters({"event_type": event_type, "source_type": source_type, "since": since, "until": until},
                            EXPORT_FILTERS)
    filters = {k: filters.get(k) for k in EXPORT_FILTERS}
    buf: io.BytesIO | io.StringIO = io.BytesIO() if spec.binary else io.StringIO()
    spec.writer()(request.app.state.store, buf, **filters)
    data = buf.getvalue()
    payload = data if isinstance(data, bytes) else data.encode("utf-8")
    return Response(payload, media_type=spec.media_type,
                    headers={"Content-Disposition": f'attachment; filename="claimwatch.{spec.extension}"'})


@router.get("/health", summary="Liveness, and store counts for whoever may read")
async def health(request: Request, counts: bool = Query(True, description="false: liveness only, no database query")):
    """Answered on the event loop: liveness never queues behind page requests for a worker
    thread, nor waits on the store or on extraction (counts, when asked, are read in a thread)."""
    store = request.app.state.store
    stats = None
    if counts and hasattr(store, "stats"):
        from starlette.concurrency import run_in_threadpool

        readable = request.app.state.settings.public_read or (await run_in_threadpool(identify, request)).authenticated
        if readable:
            stats = await run_in_threadpool(store.stats)
    return json_response({"ok": True, "stats": stats})
