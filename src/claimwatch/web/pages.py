"""Server-rendered pages (Jinja2, autoescaped; a little same-origin JS from /static)."""

from __future__ import annotations

import copy
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..errors import ValidationError
from ..export import FORMATS
from ..model import (
    CERTAINTIES,
    DEATH_CAUSES,
    ESTIMATE_STATUSES,
    EVENT_TYPES,
    PLACE_ROLES,
    POLARITIES,
    QUALIFIERS,
    SOURCE_TYPES,
    TIME_PRECISIONS,
    Article,
)
from ..store.lists import MAX_TEXT, REVIEW_STATES, article_query, claim_query
from .cache import PageCache
from .render import highlight_segments, inherited_fields, paragraph_window, timeline_chart
from .security import COOKIE, WHO_COOKIE, Identity, cookie_is_secure, identify, require_read

__all__ = ["router", "render_page"]

router = APIRouter(include_in_schema=False)

CHOICES = {
    "event_types": EVENT_TYPES, "source_types": SOURCE_TYPES, "certainties": CERTAINTIES,
    "polarities": POLARITIES, "qualifiers": QUALIFIERS, "causes": DEATH_CAUSES, "statuses": ESTIMATE_STATUSES,
    "place_roles": PLACE_ROLES, "precisions": TIME_PRECISIONS, "review_states": REVIEW_STATES,
}


def render_page(request: Request, name: str, status_code: int = 200, **context):
    ident = identify(request)
    context.setdefault("ident", ident)
    context.setdefault("logged_in", ident.authenticated)
    context.update(CHOICES)
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status_code)


def _clean(**params) -> dict[str, str]:
    return {k: str(v) for k, v in params.items() if v not in (None, "")}


@router.get("/", response_class=HTMLResponse)
def home():
    return RedirectResponse("/articles", status_code=302)


@router.get("/articles", response_class=HTMLResponse)
def articles(
    request: Request,
    q: str | None = Query(None, max_length=MAX_TEXT), outlet: str | None = Query(None, max_length=MAX_TEXT),
    since: str | None = None, until: str | None = None, source_type: str | None = None,
    event_type: str | None = None, page: int = Query(1, ge=1, le=20000),
    _: Identity = Depends(require_read),
):
    size = request.app.state.settings.page_size
    filters = _clean(q=q, outlet=outlet, since=since, until=until, source_type=source_type, event_type=event_type)
    try:
        query = article_query(filters, size, (page - 1) * size)
    except ValidationError as exc:
        return render_page(request, "articles.html", status_code=422, error=exc.reason, items=[], total=0, page=1,
                           pages=1, filters=filters, prev_link=None, next_link=None)
    items, total = request.app.state.store.search_articles(**query.filters, limit=size, offset=query.offset)
    pages = max(1, -(-total // size))
    link = lambda n: "/articles?" + urlencode({**filters, "page": n})  # noqa: E731
    return render_page(request, "articles.html", items=items, total=total, page=page, pages=pages,
                       filters=filters, prev_link=link(page - 1) if page > 1 else None,
                       next_link=link(page + 1) if page < pages else None, error=None)


def _anchors(claims: list) -> set[int]:
    """Starts of the spans that inherited fields point at (the page gives them ids)."""
    return {f["span"][0] for c in claims for f in inherited_fields(c) if f["span"]}


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, _: Identity = Depends(require_read)):
    store = request.app.state.store
    article_id = article_id[:64]
    pages: PageCache = request.app.state.page_cache
    # an anonymous reader's page depends only on the article's version: kept rendered until it changes
    version = store.article_version(article_id) if pages.enabled and not identify(request).authenticated else None
    if version is not None:
        body = pages.get((article_id, version))
        if body is not None:
            return HTMLResponse(body)
    art = store.get_article(article_id)
    memberships = store.estimates_for_claims([c.uid for c in art.claims]) if art.claims else {}
    response = render_page(request, "article.html", article=art, segments=highlight_segments(art),
                           claims=art.claims, memberships=memberships, anchors=_anchors(art.claims))
    if version is not None:
        pages.put((article_id, version), bytes(response.body))
    return response


@router.get("/claims/{uid}/card", response_class=HTMLResponse)
def claim_card(request: Request, uid: str, context: str = Query("article", pattern="^(article|queue)$"),
               _: Identity = Depends(require_read)):
    """One claim card, rendered as on the page (the review script swaps it in after a change)."""
    store = request.app.state.store
    claim = store.get_claim(uid[:100])
    memberships = store.estimates_for_claims([claim.uid])
    return render_page(request, "card.html", c=claim, queue=context == "queue",
                       estimates=memberships.get(claim.uid, []), contexts=_contexts(store, [claim]))


def _contexts(store, claims: list) -> dict[str, list[dict]]:
    """claim uid -> the highlighted paragraph around its evidence (one-claim-at-a-time review)."""
    texts: dict[str, str] = {}
    out: dict[str, list[dict]] = {}
    for c in claims:
        if c.article_id not in texts:
            texts[c.article_id] = store.get_article(c.article_id, with_claims=False).text
        art = Article(text=texts[c.article_id], id=c.article_id)
        out[c.uid] = highlight_segments(art, [c], paragraph_window(art.text, c.span))
    return out


@router.get("/review", response_class=HTMLResponse)
def review(request: Request, event_type: str | None = None, page: int = Query(1, ge=1, le=20000),
           one: bool = Query(False, description="one claim at a time, its evidence highlighted in the article"),
           _: Identity = Depends(require_read)):
    size = request.app.state.settings.page_size
    store = request.app.state.store
    try:
        query = claim_query({"status": "unreviewed", "event_type": event_type}, "-published", size, (page - 1) * size)
    except ValidationError as exc:
        return render_page(request, "review.html", status_code=422, error=exc.reason, claims=[], total=0, page=1,
                           event_type=event_type or "", more=False, one=one, contexts={}, offset=0)
    rows, total = store.claim_list(query)
    claims = [c for c, _ in rows]
    return render_page(request, "review.html", claims=claims, total=total, page=page, event_type=event_type or "",
                       more=query.offset + len(claims) < total, one=one, offset=query.offset,
                       contexts=_contexts(store, claims), error=None)


@router.get("/estimates/{estimate_id}", response_class=HTMLResponse)
def estimate(request: Request, estimate_id: str, _: Identity = Depends(require_read)):
    est = request.app.state.store.get_estimate(estimate_id[:100])
    groups: dict[str, list] = {}
    for c in est.claims:
        key = (c.source or {}).get("canonical") or (c.source or {}).get("name") or "author (no attribution)"
        groups.setdefault(key, []).append(c)
    return render_page(request, "estimate.html", est=est, groups=groups, chart=timeline_chart(est))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, _: Identity = Depends(require_read)):
    return render_page(request, "map.html")


@router.get("/export", response_class=HTMLResponse)
def export_page(request: Request, _: Identity = Depends(require_read)):
    return render_page(request, "export.html", formats=list(FORMATS.values()))


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = Query("/review", max_length=2000)):
    return render_page(request, "login.html", next=next if next.startswith("/") and not next.startswith("//") else "/")


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, token: str = Form(..., max_length=500), name: str = Form("", max_length=200),
          next: str = Form("/review", max_length=2000)):
    result = request.app.state.store.check_token(token.strip())
    if not result:
        return render_page(request, "login.html", status_code=403, next=next,
                       message="That token is not valid (create one with: claimwatch token create NAME).")
    target = next if next.startswith("/") and not next.startswith("//") else "/"
    resp = RedirectResponse(target, status_code=303)
    secure = cookie_is_secure(request)
    resp.set_cookie(COOKIE, token.strip(), httponly=True, samesite="strict", path="/", secure=secure)
    who = name.strip() or (result if isinstance(result, str) else "")
    if who:
        resp.set_cookie(WHO_COOKIE, who[:200], httponly=True, samesite="strict", path="/", secure=secure)
    return resp


@router.post("/logout")
def logout():
    resp = RedirectResponse("/articles", status_code=303)
    resp.delete_cookie(COOKIE, path="/")
    resp.delete_cookie(WHO_COOKIE, path="/")
    return resp


@router.get("/docs")
def docs_redirect():
    return RedirectResponse("/api/docs", status_code=302)


@router.get("/api/docs", response_class=HTMLResponse)
def api_docs(request: Request):
    """The API reference, rendered from the OpenAPI schema (no third-party UI, no CDN)."""
    spec = copy.deepcopy(request.app.openapi())
    ops = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [{"name": p["name"], "in": p["in"], "required": p.get("required", False),
                       "type": (p.get("schema") or {}).get("type") or "/".join(
                           s.get("type", "") for s in (p.get("schema") or {}).get("anyOf", []) if s.get("type") != "null"),
                       "description": p.get("description", "")} for p in op.get("parameters", [])]
            body = None
            content = (op.get("requestBody") or {}).get("content") or {}
            if content:
                schema = next(iter(content.values())).get("schema", {})
                body = schema.get("$ref", "").rsplit("/", 1)[-1] or schema.get("title")
                if body and body not in spec.setdefault("components", {}).setdefault("schemas", {}):
                    spec["components"]["schemas"][body] = schema
                body = " | ".join([body or "body"] + [k for k in list(content)[1:]])
            ops.append({"method": method.upper(), "path": path, "summary": op.get("summary", ""),
                        "description": op.get("description", ""), "params": params, "body": body,
                        "responses": sorted(op.get("responses", {}))})
    schemas = spec.get("components", {}).get("schemas", {})
    return render_page(request, "api_docs.html", spec=spec, ops=ops, bodies=schemas)
