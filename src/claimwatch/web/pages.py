"""Server-rendered pages (Jinja2, autoescaped; a little same-origin JS from /static)."""

from __future__ import annotations

import copy
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..export import FORMATS
from ..model import CERTAINTIES, DEATH_CAUSES, EVENT_TYPES, POLARITIES, QUALIFIERS, SOURCE_TYPES, ESTIMATE_STATUSES
from .render import highlight_segments, timeline_chart
from .security import COOKIE, WHO_COOKIE, Identity, identify, require_read

__all__ = ["router"]

router = APIRouter(include_in_schema=False)

CHOICES = {
    "event_types": EVENT_TYPES, "source_types": SOURCE_TYPES, "certainties": CERTAINTIES,
    "polarities": POLARITIES, "qualifiers": QUALIFIERS, "causes": DEATH_CAUSES, "statuses": ESTIMATE_STATUSES,
}


def _render(request: Request, name: str, status_code: int = 200, **context):
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
    q: str | None = None, outlet: str | None = None, since: str | None = None, until: str | None = None,
    source_type: str | None = None, event_type: str | None = None, page: int = Query(1, ge=1, le=100000),
    _: Identity = Depends(require_read),
):
    size = request.app.state.settings.page_size
    filters = _clean(q=q, outlet=outlet, since=since, until=until, source_type=source_type, event_type=event_type)
    items, total = request.app.state.store.search_articles(
        q=q or None, outlet=outlet or None, since=since or None, until=until or None,
        source_type=source_type or None, event_type=event_type or None, limit=size, offset=(page - 1) * size)
    pages = max(1, -(-total // size))
    link = lambda n: "/articles?" + urlencode({**filters, "page": n})  # noqa: E731
    return _render(request, "articles.html", items=items, total=total, page=page, pages=pages,
                   filters=filters, prev_link=link(page - 1) if page > 1 else None,
                   next_link=link(page + 1) if page < pages else None)


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article(request: Request, article_id: str, _: Identity = Depends(require_read)):
    store = request.app.state.store
    art = store.get_article(article_id)
    memberships = store.estimates_for_claims([c.uid for c in art.claims]) if art.claims else {}
    return _render(request, "article.html", article=art, segments=highlight_segments(art),
                   claims=art.claims, memberships=memberships)


@router.get("/review", response_class=HTMLResponse)
def review(request: Request, event_type: str | None = None, page: int = Query(1, ge=1),
           _: Identity = Depends(require_read)):
    size = request.app.state.settings.page_size
    store = request.app.state.store
    claims = store.query_claims(reviewed=False, event_type=event_type or None, limit=size, offset=(page - 1) * size)
    return _render(request, "review.html", claims=claims, page=page, event_type=event_type or "",
                   more=len(claims) == size)


@router.get("/estimates", response_class=HTMLResponse)
def estimates(request: Request, status: str | None = None, event_type: str | None = None,
              _: Identity = Depends(require_read)):
    items = request.app.state.store.list_estimates(status=status or None, event_type=event_type or None)
    return _render(request, "estimates.html", items=items, status=status or "", event_type=event_type or "")


@router.get("/estimates/{estimate_id}", response_class=HTMLResponse)
def estimate(request: Request, estimate_id: str, _: Identity = Depends(require_read)):
    est = request.app.state.store.get_estimate(estimate_id)
    groups: dict[str, list] = {}
    for c in est.claims:
        key = (c.source or {}).get("canonical") or (c.source or {}).get("name") or "author (no attribution)"
        groups.setdefault(key, []).append(c)
    return _render(request, "estimate.html", est=est, groups=groups, chart=timeline_chart(est))


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request, _: Identity = Depends(require_read)):
    return _render(request, "map.html")


@router.get("/export", response_class=HTMLResponse)
def export_page(request: Request, _: Identity = Depends(require_read)):
    return _render(request, "export.html", formats=list(FORMATS.values()))


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str = "/review"):
    return _render(request, "login.html", next=next if next.startswith("/") and not next.startswith("//") else "/")


@router.post("/login", response_class=HTMLResponse)
def login(request: Request, token: str = Form(..., max_length=500), name: str = Form("", max_length=200),
          next: str = Form("/review")):
    result = request.app.state.store.check_token(token.strip())
    if not result:
        return _render(request, "login.html", status_code=403, next=next,
                       message="That token is not valid (create one with: claimwatch token create NAME).")
    target = next if next.startswith("/") and not next.startswith("//") else "/"
    resp = RedirectResponse(target, status_code=303)
    resp.set_cookie(COOKIE, token.strip(), httponly=True, samesite="strict", path="/")
    who = name.strip() or (result if isinstance(result, str) else "")
    if who:
        resp.set_cookie(WHO_COOKIE, who, httponly=True, samesite="strict", path="/")
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
    return _render(request, "api_docs.html", spec=spec, ops=ops, bodies=schemas)
