"""The estimate and claim list pages: where (place, country) and when (date range, latest figure)
on every row, sortable columns, Datasette-like facet counts, ``.csv``/``.json`` of the current
view, and a bad filter answered 422 with its message on the page (the form kept as typed)."""

from __future__ import annotations

import io
import json
from collections.abc import Mapping
from typing import Any, Callable
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup

from ..errors import ValidationError
from ..export.cells import SafeDictWriter
from ..model import Claim, Estimate
from ..store.lists import (
    CLAIM_FILTERS,
    CLAIM_SORTS,
    ESTIMATE_FILTERS,
    ESTIMATE_SORTS,
    MAX_LIMIT,
    ListQuery,
    claim_query,
    estimate_query,
    light_estimate_row,
)
from .api import claim_json, estimate_row_json, page_of_list, rows_per_generation
from .cache import PageCache, memo_key
from .pages import render_page
from .render import estimate_title
from .security import Identity, identify, require_read

__all__ = ["router", "EXPORT_ROWS"]

router = APIRouter(include_in_schema=False)
#: most rows a .csv/.json of a list view carries
EXPORT_ROWS = 100_000
MAX_PAGE = 20_000

def _page_number(raw: str | None) -> int:
    if raw in (None, ""):
        return 1
    try:
        page = int(str(raw))
    except ValueError:
        raise ValidationError("page", detail=f"{raw!r} is not a whole number") from None
    if not 1 <= page <= MAX_PAGE:
        raise ValidationError("page", detail=f"{page} is out of range (1 to {MAX_PAGE})")
    return page


def _raw_filters(request: Request, names: tuple[str, ...]) -> dict[str, str]:
    qp = request.query_params
    return {n: qp.get(n, "")[:1000] for n in names if qp.get(n)}


def _links(path: str, query: ListQuery, page: int, pages: int, columns: Mapping[str, Any]) -> dict[str, Any]:
    def url(**change: Any) -> str:
        return f"{path}?{urlencode(query.params(**change))}"

    sorts = {}
    for key in columns:
        if key:
            desc = not (query.sort == key and query.descending)
            sorts[key] = {"url": url(sort=("-" if desc else "") + key, page=None),
                          "state": ("descending" if query.descending else "ascending") if query.sort == key else "none"}
    plain = query.params()
    plain.pop("page", None)
    return {
        "prev": url(page=page - 1) if page > 1 else None,
        "next": url(page=page + 1) if page < pages else None,
        "sorts": sorts,
        "csv": f"{path}.csv?{urlencode(plain)}", "json": f"{path}.json?{urlencode(plain)}",
    }


def _facet_links(path: str, query: ListQuery, facets: dict[str, list[tuple[Any, int]]]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    base = query.params()
    for name, values in facets.items():
        items = []
        for value, count in values:
            shown = "yes" if value is True else "no" if value is False else (value if value is not None else "none")
            param = "true" if value is True else "false" if value is False else value
            selected = param is not None and str(query.filters.get(name, "")).lower() == str(param).lower()
            if name == "reviewed" and name in query.filters:
                selected = query.filters[name] == value
            params = dict(base)
            if selected:
                params.pop(name, None)
            elif param is not None:
                params[name] = str(param)
            else:
                continue
            items.append({"label": shown, "count": count, "selected": selected, "url": f"{path}?{urlencode(params)}"})
        out[name] = items
    return out


def _content_key(path: str, query: ListQuery, total: int, facet_links: dict[str, list[dict]], rows: list,
                 row_key: Callable) -> tuple:
    """Everything an anonymous reader's list page shows: the request, the total, the facet
    counts and each row's values. Equal keys render equal pages, whatever else the store did."""
    facet_sig = tuple((name, tuple((f["label"], f["count"], f["selected"]) for f in items))
                      for name, items in facet_links.items())
    return (path, tuple(sorted(query.params().items())), query.offset, total, facet_sig,
            tuple(row_key(*r) for r in rows))


def _list_view(request: Request, *, path: str, template: str, names: tuple[str, ...], build: Callable,
               fetch: Callable, count: Callable, facets: Callable, columns: Mapping[str, Any],
               row_key: Callable | None = None, **extra: Any) -> Any:
    raw = _raw_filters(request, names)
    size = request.app.state.settings.page_size
    try:
        page = _page_number(request.query_params.get("page"))
        query = build(raw, request.query_params.get("sort"), size, (page - 1) * size)
    except ValidationError as exc:
        return render_page(request, template, status_code=422, error=exc.reason, rows=[], total=0, page=1, pages=1,
                           filters=raw, facets={}, links=None, columns=columns, sort="", **extra)
    memo = request.app.state.memo
    total = memo.get(memo_key(path + " total", query.filters), lambda: count(query))
    rows, _ = fetch(query)
    links_key = (*memo_key(path + " facet links", query.filters), query.sort, query.descending)
    facet_links = memo.get(links_key, lambda: _facet_links(
        path, query, memo.get(memo_key(path + " facets", query.filters), lambda: facets(query))))
    pages = max(1, -(-total // size))
    kept: PageCache[bytes] = request.app.state.list_page_cache
    key = None
    if row_key is not None and kept.enabled and not identify(request).authenticated:
        key = _content_key(path, query, total, facet_links, rows, row_key)
        body = kept.get(key)
        if body is not None:
            return HTMLResponse(body)
    response = render_page(request, template, rows=rows, total=total, page=page, pages=pages, filters=query.params(),
                           facets=facet_links, links=_links(path, query, page, pages, columns),
                           columns=columns, sort=query.params()["sort"], error=None, **extra)
    if key is not None:
        kept.put(key, bytes(response.body))
    return response


def estimate_page_ids(request: Request, query: ListQuery) -> list[str]:
    """The ids of the page asked for of the estimate list (see :func:`claimwatch.web.api.page_of_list`)."""
    store = request.app.state.store
    return page_of_list(request, query, "/estimates", store.estimate_count, store.estimate_ids)


def estimate_row_key(est: Estimate, cols: dict[str, Any]) -> tuple:
    """What an estimate list row shows."""
    return (est.id, est.event_type, est.unit, est.low, est.best, est.high, est.status, est.independent_sources,
            *cols.values())


def estimate_row_renderer(request: Request) -> Callable[[Estimate, dict[str, Any]], Markup]:
    """The HTML of one estimate list row (``_estimate_row.html``), rendered once per row values
    and kept: a page of the list re-renders only the rows whose estimate changed."""
    kept: PageCache[str] = request.app.state.row_cache
    macro = request.app.state.templates.env.get_template("_estimate_row.html").module.estimate_row

    def row(est: Estimate, cols: dict[str, Any]) -> Markup:
        key = estimate_row_key(est, cols)
        html = kept.get(key)
        if html is None:
            html = str(macro(est, cols))
            kept.put(key, html)
        return Markup(html)

    return row


def estimate_page_rows(request: Request, query: ListQuery) -> tuple[list[tuple[Estimate, dict[str, Any]]], None]:
    """The rows of the page asked for of the estimate list: from every estimate's stored list row,
    read once per store generation (the pages after a store change then read nothing), else a
    query of the page's rows."""
    store = request.app.state.store
    ids = estimate_page_ids(request, query)
    every = rows_per_generation(request, "/estimates rows", store.estimate_rows)
    if every is None:
        return store.estimate_list(query, count=False, light=True, page_ids=ids)[0], None
    return [light_estimate_row(every[i]) for i in ids if i in every], None


@router.get("/estimates", response_class=HTMLResponse)
def estimates(request: Request, _: Identity = Depends(require_read)):
    store = request.app.state.store
    return _list_view(request, path="/estimates", template="estimates.html", names=ESTIMATE_FILTERS,
                      build=estimate_query, fetch=lambda q: estimate_page_rows(request, q),
                      count=store.estimate_count, facets=store.estimate_facets, columns=ESTIMATE_SORTS,
                      row_key=estimate_row_key, estimate_row=estimate_row_renderer(request))


@router.get("/claims", response_class=HTMLResponse)
def claims(request: Request, _: Identity = Depends(require_read)):
    store = request.app.state.store
    return _list_view(request, path="/claims", template="claims.html", names=CLAIM_FILTERS, build=claim_query,
                      fetch=lambda q: store.claim_list(q, count=False), count=store.claim_count,
                      facets=store.claim_facets, columns=CLAIM_SORTS)


# -- the current view as CSV / JSON --------------------------------------------------------------
def _all_rows(fetch: Callable, query: ListQuery) -> list:
    rows: list = []
    offset = 0
    while len(rows) < EXPORT_ROWS:
        page, _ = fetch(ListQuery(query.filters, query.sort, query.descending, MAX_LIMIT, offset))
        rows.extend(page)
        if len(page) < MAX_LIMIT:
            break
        offset += MAX_LIMIT
    return rows[:EXPORT_ROWS]


def estimate_flat(est: Estimate, cols: dict[str, Any]) -> dict[str, Any]:
    return {"id": est.id, "title": estimate_title(est, cols), "event_type": est.event_type, "unit": est.unit,
            "low": est.low, "best": est.best, "high": est.high, "status": est.status,
            "independent_sources": est.independent_sources, **cols, "explanation": est.explanation}


def claim_flat(claim: Claim, meta: dict[str, Any]) -> dict[str, Any]:
    q, t, s = claim.quantity, claim.time, claim.source
    place = claim.places[0] if claim.places else None
    return {"uid": claim.uid, "article_id": claim.article_id, "title": meta.get("title"), "outlet": meta.get("outlet"),
            "published": meta.get("published"), "event_type": claim.event_type, "text": claim.text,
            "low": q.low if q else None, "best": q.best if q else None, "high": q.high if q else None,
            "unit": q.unit if q else None, "source": s.canonical or s.name, "source_type": s.type,
            "place": (place.name or place.text) if place else None, "country": place.country if place else None,
            "time_start": t.start if t else None, "time_end": t.end if t else None,
            "review": claim.review or "unreviewed"}


def _export(rows: list[dict[str, Any]], json_rows: list[dict[str, Any]], fmt: str, name: str) -> Response:
    if fmt == "json":
        return Response(json.dumps({"total": len(json_rows), "items": json_rows}, allow_nan=False),
                        media_type="application/json")
    buf = io.StringIO()
    columns = list(rows[0]) if rows else ["id"]
    writer = SafeDictWriter(buf, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for r in rows:
        writer.writerow({k: ("" if v is None else v) for k, v in r.items()})
    return Response(buf.getvalue().encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="claimwatch-{name}.csv"'})


def _view_export(request: Request, fmt: str, names: tuple[str, ...], build: Callable, fetch: Callable,
                 flat: Callable, as_json: Callable, name: str) -> Response:
    if fmt not in ("csv", "json"):
        raise ValidationError(fmt[:20], detail="a list view exports as .csv or .json")
    query = build(_raw_filters(request, names), request.query_params.get("sort"), MAX_LIMIT, 0)
    rows = _all_rows(fetch, query)
    return _export([flat(*r) for r in rows], [as_json(*r) for r in rows] if fmt == "json" else [], fmt, name)


@router.get("/estimates.{fmt}")
def estimates_export(request: Request, fmt: str, _: Identity = Depends(require_read)):
    return _view_export(request, fmt, ESTIMATE_FILTERS, estimate_query, request.app.state.store.estimate_list,
                        estimate_flat, estimate_row_json, "estimates")


@router.get("/claims.{fmt}")
def claims_export(request: Request, fmt: str, _: Identity = Depends(require_read)):
    return _view_export(request, fmt, CLAIM_FILTERS, claim_query, request.app.state.store.claim_list, claim_flat,
                        lambda c, meta: claim_json(c) | {"article": meta}, "claims")
