"""Where and when on every list: the estimate and claim lists with place, country, date range,
sortable columns, facet counts and pages, as indexed queries.

Filters arrive as text (query strings); :func:`estimate_query` / :func:`claim_query` check them
and name every bad value (:class:`~claimwatch.errors.ValidationError`, 422 on the web) instead of
quietly matching nothing. Each list answers ``(rows, total)`` for one page and, on request, facet
counts (Datasette-like: how many rows of the filtered list have each value of a column).

Estimates carry their list columns (``place``, ``country``, ``date_start``, ``date_end``,
``latest``, ``latest_best``, ``n_claims``; :func:`estimate_list_columns`) so the list is filtered
and sorted on indexed columns, never by reading every estimate's JSON.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import String, and_, bindparam, case, exists, func, literal, or_, select, type_coerce
from sqlalchemy.sql.elements import ColumnElement

from ..errors import ValidationError
from ..model import ESTIMATE_STATUSES, EVENT_TYPES, SOURCE_TYPES, Claim, Estimate
from . import tables as T
from .mixin import StoreMixin
from .rows import claim_from_row

__all__ = ["ListQuery", "estimate_query", "claim_query", "article_query", "check_filters", "ARTICLE_FILTERS",
           "EXPORT_FILTERS", "MAP_FILTERS", "INCIDENT_FILTERS", "ESTIMATE_FILTERS", "CLAIM_FILTERS", "estimate_list_columns", "like_pattern",
           "REVIEW_STATES", "ESTIMATE_SORTS", "CLAIM_SORTS", "ESTIMATE_FACETS", "CLAIM_FACETS",
           "MAX_OFFSET", "MAX_LIMIT", "MAX_TEXT", "ListsMixin", "light_estimate_row"]

#: review states a claim list can filter on
REVIEW_STATES = ("unreviewed", "accepted", "corrected", "rejected")
MAX_OFFSET = 1_000_000
MAX_LIMIT = 1000
#: longest free-text filter value (place, outlet, q)
MAX_TEXT = 200
ESTIMATE_FACETS = ("event_type", "status", "country", "outlet", "reviewed")
CLAIM_FACETS = ("event_type", "status", "country", "outlet", "reviewed")

_E, _EC, _C, _A = T.estimates, T.estimate_claims, T.claims, T.articles
_P, _TM, _Q, _S = T.claim_places, T.claim_times, T.claim_quantities, T.claim_sources

ESTIMATE_SORTS: dict[str, Any] = {
    "date": _E.c.date_start, "latest": _E.c.latest, "best": _E.c.best, "figure": _E.c.latest_best,
    "place": _E.c.place, "country": _E.c.country, "sources": _E.c.independent_sources,
    "claims": _E.c.n_claims, "status": _E.c.status, "event_type": _E.c.event_type, "id": _E.c.id,
}
_CLAIM_DATE = func.coalesce(_TM.c.start, _A.c.published)
_CLAIM_PLACE = (select(func.min(func.coalesce(_P.c.name, _P.c.text))).where(_P.c.claim_uid == _C.c.uid)
                .scalar_subquery())
_CLAIM_COUNTRY = select(func.min(_P.c.country)).where(_P.c.claim_uid == _C.c.uid).scalar_subquery()
CLAIM_SORTS: dict[str, Any] = {
    "date": _CLAIM_DATE, "published": _A.c.published, "best": _Q.c.best, "place": _CLAIM_PLACE,
    "country": _CLAIM_COUNTRY, "source": _S.c.canonical, "source_type": _S.c.type,
    "event_type": _C.c.event_type, "status": _C.c.review, "outlet": _A.c.outlet,
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


@dataclass(frozen=True)
class ListQuery:
    """A checked list request: filters (name -> value), sort column, direction, page."""

    filters: dict[str, Any] = field(default_factory=dict)
    sort: str = "date"
    descending: bool = True
    limit: int = 50
    offset: int = 0

    def params(self, **change: Any) -> dict[str, str]:
        """The query-string form of this request (for links), with ``change`` applied."""
        out = {k: _param(v) for k, v in self.filters.items()}
        out["sort"] = ("-" if self.descending else "") + self.sort
        out.update({k: _param(v) for k, v in change.items() if v is not None})
        return {k: v for k, v in out.items() if v not in ("", None)}


def _param(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def like_pattern(text: str) -> str:
    """A ``LIKE`` pattern matching ``text`` anywhere, its own ``%``, ``_`` and ``\\`` taken
    literally (use with ``escape="\\\\"``)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def _contains(col: Any, text: str) -> ColumnElement:
    return func.lower(col).like(like_pattern(text), escape="\\")


# -- checking the request ------------------------------------------------------------------------
def _check_choice(name: str, value: str, allowed: tuple[str, ...], problems: list[str]) -> str | None:
    if value not in allowed:
        problems.append(f"{name}: {value!r} is not one of {', '.join(allowed)}")
        return None
    return value


def _check_date(name: str, value: str, problems: list[str]) -> str | None:
    if not _ISO_DATE.match(value):
        problems.append(f"{name}: {value!r} is not a date (YYYY-MM-DD)")
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        problems.append(f"{name}: {value!r} is not a calendar date")
        return None
    return value


def _check_bool(name: str, value: str, problems: list[str]) -> bool | None:
    low = value.lower()
    if low in _TRUE or low in _FALSE:
        return low in _TRUE
    problems.append(f"{name}: {value!r} is not true or false")
    return None


def _check_value(name: str, value: str, problems: list[str]) -> Any:
    if name in ("event_type",):
        return _check_choice(name, value, EVENT_TYPES, problems)
    if name == "source_type":
        return _check_choice(name, value, SOURCE_TYPES, problems)
    if name in ("since", "until"):
        return _check_date(name, value, problems)
    if name == "reviewed":
        return _check_bool(name, value, problems)
    if name == "country":
        if not _COUNTRY.match(value):
            problems.append(f"country: {value!r} is not a two-letter country code (e.g. UA)")
            return None
        return value.upper()
    if len(value) > MAX_TEXT:
        problems.append(f"{name}: longer than {MAX_TEXT} characters")
        return None
    if _CONTROL.search(value):
        # SQLite's LIKE stops at a NUL: 'place=\x00' would match every located claim
        problems.append(f"{name}: contains a control character")
        return None
    return value


def filter_value(name: str, value: str) -> tuple[Any, str | None]:
    """One filter's checked value and, when it cannot be used as written, the problem (without the
    filter's name): the check of the lists, for a caller that names the filter its own way."""
    problems: list[str] = []
    checked = _check_value(name, value, problems)
    return checked, (problems[0].removeprefix(f"{name}: ") if problems else None)


def _check_page(sort: str | None, sorts: dict[str, Any], default: str, limit: Any, offset: Any,
                problems: list[str]) -> tuple[str, bool, int, int]:
    key, desc = default, True
    if sort:
        desc = sort.startswith("-")
        key = sort.lstrip("-")
        if key not in sorts:
            problems.append(f"sort: {sort!r} is not one of {', '.join(sorted(sorts))} (prefix - for descending)")
            key = default
    size, start = 50, 0
    for name, raw, low, high in (("limit", limit, 1, MAX_LIMIT), ("offset", offset, 0, MAX_OFFSET)):
        if raw in (None, ""):
            continue
        try:
            value = int(raw)
        except (TypeError, ValueError):
            problems.append(f"{name}: {raw!r} is not a whole number")
            continue
        if not low <= value <= high:
            problems.append(f"{name}: {value} is out of range ({low} to {high})")
            continue
        if name == "limit":
            size = value
        else:
            start = value
    return key, desc, size, start


def _build(filters: dict[str, Any], allowed: tuple[str, ...], sort: str | None, sorts: dict[str, Any],
           default_sort: str, limit: Any, offset: Any, extra: dict[str, tuple[str, ...]]) -> ListQuery:
    problems: list[str] = []
    checked: dict[str, Any] = {}
    for name, raw in filters.items():
        if raw is None or raw == "":
            continue
        if name not in allowed:
            problems.append(f"{name}: not a filter of this list (one of {', '.join(allowed)})")
            continue
        text = str(raw).strip()
        if name in extra:
            value = _check_choice(name, text, extra[name], problems)
        else:
            value = _check_value(name, text, problems)
        if value is not None:
            checked[name] = value
    if checked.get("since") and checked.get("until") and checked["since"] > checked["until"]:
        problems.append(f"since {checked['since']} is after until {checked['until']}")
    key, desc, size, start = _check_page(sort, sorts, default_sort, limit, offset, problems)
    if problems:
        errors = [{"field": p.split(":", 1)[0].split(" ", 1)[0], "problem": p} for p in problems]
        raise ValidationError("filters", detail="; ".join(problems), errors=errors)
    return ListQuery(checked, key, desc, size, start)


ARTICLE_FILTERS = ("q", "outlet", "since", "until", "source_type", "event_type")
EXPORT_FILTERS = ("event_type", "source_type", "since", "until")
MAP_FILTERS = ("event_type", "since", "until")
INCIDENT_FILTERS = ("event_type", "country", "since", "until")
_NO_SORT = {"date": _A.c.published}


def article_query(filters: dict[str, Any], limit: Any = None, offset: Any = None) -> ListQuery:
    """Check an article-list request (search text, outlet, dates, source and event type, page)."""
    return _build(filters, ARTICLE_FILTERS, None, _NO_SORT, "date", limit, offset, {})


def check_filters(filters: dict[str, Any], allowed: tuple[str, ...]) -> dict[str, Any]:
    """The checked, non-empty ``filters`` (only ``allowed`` names), or a :class:`ValidationError`."""
    return _build(filters, allowed, None, _NO_SORT, "date", None, None, {}).filters


ESTIMATE_FILTERS = ("status", "event_type", "place", "country", "since", "until", "outlet", "reviewed")
CLAIM_FILTERS = ("status", "event_type", "source_type", "place", "country", "since", "until", "outlet",
                 "reviewed", "article_id")


def estimate_query(filters: dict[str, Any], sort: str | None = None, limit: Any = None,
                   offset: Any = None) -> ListQuery:
    """Check an estimate-list request (every problem named in one :class:`ValidationError`)."""
    return _build(filters, ESTIMATE_FILTERS, sort, ESTIMATE_SORTS, "date", limit, offset,
                  {"status": ESTIMATE_STATUSES})


def claim_query(filters: dict[str, Any], sort: str | None = None, limit: Any = None,
                offset: Any = None) -> ListQuery:
    """Check a claim-list request (every problem named in one :class:`ValidationError`)."""
    return _build(filters, CLAIM_FILTERS, sort, CLAIM_SORTS, "date", limit, offset, {"status": REVIEW_STATES})


# -- estimates -----------------------------------------------------------------------------------
def estimate_list_columns(est: Estimate) -> dict[str, Any]:
    """The list columns of an estimate, from its JSON: first place and its country, date range
    (its time, else its claims' publication dates), latest publication and that claim's figure."""
    places = [p for p in est.places or [] if isinstance(p, dict)]
    place = next((p.get("name") or p.get("text") for p in places if p.get("name") or p.get("text")), None)
    country = next((p.get("country") for p in places if p.get("country")), None)
    time = est.time if isinstance(est.time, dict) else {}
    dated = sorted((c for c in est.claims if c.published), key=lambda c: (c.published or "", c.claim_id))
    start = time.get("start") or (dated[0].published if dated else None)
    end = time.get("end") or start
    latest = dated[-1] if dated else None
    return {
        "place": place, "country": (country or None) and str(country)[:8],
        "date_start": (start or None) and str(start)[:32], "date_end": (end or None) and str(end)[:32],
        "latest": latest.published[:32] if latest and latest.published else None,
        "latest_best": float(latest.best) if latest is not None and latest.best is not None else None,
        "n_claims": len(est.claims),
    }


def _estimate_conditions(f: dict[str, Any]) -> list[ColumnElement]:
    conds: list[ColumnElement] = []
    if f.get("status"):
        conds.append(_E.c.status == f["status"])
    if f.get("event_type"):
        conds.append(_E.c.event_type == f["event_type"])
    if f.get("country"):
        conds.append(_E.c.country == f["country"])
    if f.get("place"):
        conds.append(_contains(_E.c.place, f["place"]))
    if f.get("since"):  # overlaps [since, until]: ends on or after since
        conds.append(func.coalesce(_E.c.date_end, _E.c.date_start) >= f["since"])
    if f.get("until"):
        conds.append(_E.c.date_start <= f["until"] + "\uffff")
    if f.get("outlet"):
        conds.append(exists(select(_EC.c.claim_uid).join(_A, _A.c.id == _EC.c.article_id).where(
            _EC.c.estimate_id == _E.c.id, func.lower(_A.c.outlet) == f["outlet"].lower())))
    if "reviewed" in f:
        member_reviewed = exists(select(_EC.c.claim_uid).join(_C, _C.c.uid == _EC.c.claim_uid).where(
            _EC.c.estimate_id == _E.c.id, _C.c.review.is_not(None)))
        conds.append(member_reviewed if f["reviewed"] else ~member_reviewed)
    return conds


#: the list columns of an estimate row, and the fields of a light estimate (its own columns)
_LIST_COLUMNS = [_E.c.place, _E.c.country, _E.c.date_start, _E.c.date_end, _E.c.latest, _E.c.latest_best,
                 _E.c.n_claims]
_LIGHT_FIELDS = [_E.c.event_type, _E.c.unit, _E.c.low, _E.c.best, _E.c.high, _E.c.status, _E.c.independent_sources]


def _order(col: Any, desc: bool, *tiebreak: Any) -> list[Any]:
    # one indexed column, then the tie-break (rows without a value go where the database puts NULLs)
    return [col.desc() if desc else col.asc(), *tiebreak]


def _in_page_order(keys: list[Any], rows: Sequence[Any], key: str) -> list[Any]:
    by_key = {getattr(r, key): r for r in rows}
    return [by_key[k] for k in keys if k in by_key]


# built once: an article page's version is read on every request for it
_ARTICLE_CLAIMS_VERSION = (select(func.count(_C.c.uid), func.max(_C.c.updated_at))
                           .select_from(_A.outerjoin(_C, _C.c.article_id == _A.c.id))
                           .where(_A.c.id == bindparam("article_id")).group_by(_A.c.id))
_ARTICLE_MEMBERSHIPS = (select(_EC.c.claim_uid, _EC.c.estimate_id).where(_EC.c.article_id == bindparam("article_id"))
                        .order_by(_EC.c.claim_uid, _EC.c.estimate_id))


_STATEMENTS: dict[tuple, Any] = {}
_CLAIMS_BY_UID = select(_C.c.uid, _C.c.data, _C.c.review).where(_C.c.uid.in_(bindparam("uids", expanding=True)))


#: a claim's last change as stored (text on SQLite), not parsed into a datetime: a version to compare
_CLAIM_VERSION = type_coerce(_C.c.updated_at, String).label("version")
_EVERY_CLAIM_VERSION = select(_C.c.uid, _CLAIM_VERSION, _C.c.article_id).limit(bindparam("most"))
_EVERY_ARTICLE_META = select(_A.c.id, _A.c.title, _A.c.outlet, _A.c.published)


def _claim_rows_statement(cols: tuple) -> Any:
    """Claims of a page (``uids``, expanding) with their article's meta: built once per column set."""
    key = ("claims", *(c.key for c in cols))
    if key not in _STATEMENTS:
        _STATEMENTS[key] = (select(_C.c.uid, *cols, _A.c.title, _A.c.outlet, _A.c.published)
                            .join(_A, _A.c.id == _C.c.article_id).where(_C.c.uid.in_(bindparam("uids", expanding=True))))
    return _STATEMENTS[key]


def _estimate_rows_statement(light: bool, every: bool = False) -> Any:
    """Estimates of a page (``ids``, expanding; ``every``: all of them, at most ``most``) with
    their list columns: built once."""
    key = ("estimates", light, every)
    if key not in _STATEMENTS:
        rows = select(_E.c.id, *(_LIGHT_FIELDS if light else [_E.c.data]), *_LIST_COLUMNS)
        _STATEMENTS[key] = rows.limit(bindparam("most")) if every else \
            rows.where(_E.c.id.in_(bindparam("ids", expanding=True)))
    return _STATEMENTS[key]


def _estimate_member_facets(conds: list[ColumnElement], limit: int) -> tuple[Any, Any]:
    """The queries of the two estimate facets read through the members: (outlet, number of
    estimates with a member from it) and the number of estimates with a reviewed member. The
    unfiltered list reads every membership (each belongs to an estimate: a foreign key), the
    outlets by article (one lookup per article, not one per membership) and the reviewed claims from the
    claim list index (the few reviewed ones, not every member's claim row); a filtered list
    reads the memberships of its estimates."""
    n_est = func.count(func.distinct(_EC.c.estimate_id))
    outlets = select(_A.c.outlet, n_est).select_from(_EC).join(_A, _A.c.id == _EC.c.article_id)
    outlets = outlets.group_by(_A.c.outlet).order_by(n_est.desc(), _A.c.outlet).limit(limit)
    if not conds:
        return outlets, select(n_est).where(_EC.c.claim_uid.in_(select(_C.c.uid).where(_C.c.review.is_not(None))))
    ids = select(_E.c.id).where(and_(*conds)).subquery()
    reviewed = (select(_EC.c.estimate_id).join(_C, _C.c.uid == _EC.c.claim_uid)
                .where(_C.c.review.is_not(None), _EC.c.estimate_id.in_(select(ids.c.id))).distinct())
    return (outlets.where(_EC.c.estimate_id.in_(select(ids.c.id))),
            select(func.count()).select_from(reviewed.subquery()))


def light_estimate_row(row: Any) -> tuple[Estimate, dict[str, Any]]:
    """A light estimate (its list fields only) and its list columns, from a row of
    :meth:`ListsMixin.estimate_rows`."""
    return _estimate_row(row, True)


def _estimate_row(row: Any, light: bool) -> tuple[Estimate, dict[str, Any]]:
    """An estimate of a list (``light``: its list fields only) and its list columns."""
    m = dict(row._mapping)
    if light:
        est = Estimate.from_dict({f.name: m.pop(f.name) for f in _LIGHT_FIELDS} | {"id": m.pop("id")})
    else:
        m.pop("id")
        est = Estimate.from_dict(m.pop("data"))
    return est, m


class ListsMixin(StoreMixin):
    """Mixed into :class:`~claimwatch.store.Store` (needs ``_read``).

    A page is read in two steps: the ids of the page (filtered, sorted and cut on indexed
    columns, carrying no JSON), then the rows of those ids only; the total counts ids only."""

    def article_version(self, article_id: str) -> tuple[Any, ...] | None:
        """What an article's page is made of, as a comparable value: its claims' number and
        latest change, and which estimates each claim belongs to (None: no such article). Two
        equal versions render the same page; any review, correction, added or removed claim or
        change of membership gives a new one. Two indexed lookups."""
        with self._read() as conn:
            row = conn.execute(_ARTICLE_CLAIMS_VERSION, {"article_id": article_id}).first()
            if row is None:
                return None
            members = conn.execute(_ARTICLE_MEMBERSHIPS, {"article_id": article_id}).all()
        return (int(row[0]), str(row[1]), tuple((uid, eid) for uid, eid in members))

    def estimate_count(self, query: ListQuery) -> int:
        """How many estimates pass the filters of ``query``."""
        conds = _estimate_conditions(query.filters)
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(_E).where(and_(*conds) if conds else literal(True)))
                       .scalar_one())

    def estimate_ids(self, query: ListQuery, *, whole: bool = False) -> list[str]:
        """The ids of one page of estimates in list order (``whole``: of every page)."""
        conds = _estimate_conditions(query.filters)
        page = (select(_E.c.id).where(and_(*conds) if conds else literal(True))
                .order_by(*_order(ESTIMATE_SORTS[query.sort], query.descending, _E.c.id)))
        if not whole:
            page = page.limit(query.limit).offset(query.offset)
        with self._read() as conn:
            return [r[0] for r in conn.execute(page)]

    def estimate_list(self, query: ListQuery, *, count: bool = True, light: bool = False,
                      page_ids: list[str] | None = None) -> tuple[list[tuple[Estimate, dict[str, Any]]], int | None]:
        """One page of estimates with their list columns, and the filtered total (None when not
        ``count``: the caller has it). ``light``: the estimates carry their list fields only
        (id, event type, unit, figures, status, sources; no members, no JSON decoded), which is
        all a list page shows. ``page_ids``: the page's ids, when the caller has them."""
        conds = _estimate_conditions(query.filters)
        where = and_(*conds) if conds else literal(True)
        ids = self.estimate_ids(query) if page_ids is None else page_ids
        with self._read() as conn:
            total = int(conn.execute(select(func.count()).select_from(_E).where(where)).scalar_one()) if count else None
            rows = conn.execute(_estimate_rows_statement(light), {"ids": ids}).all() if ids else []
        return [_estimate_row(r, light) for r in _in_page_order(ids, rows, "id")], total

    def estimate_rows(self, most: int) -> dict[str, Any] | None:
        """Every estimate's stored list row, by id, as read (one query; :func:`light_estimate_row`
        makes one the row ``estimate_list(light=True)`` gives); None when there are more than ``most``."""
        with self._read() as conn:
            rows = conn.execute(_estimate_rows_statement(True, every=True), {"most": most + 1}).all()
        return {r.id: r for r in rows} if len(rows) <= most else None

    def estimate_facets(self, query: ListQuery, limit: int = 12) -> dict[str, list[tuple[Any, int]]]:
        """For each of :data:`ESTIMATE_FACETS`, (value, number of filtered estimates), largest first."""
        conds = _estimate_conditions(query.filters)
        where = and_(*conds) if conds else literal(True)
        plain = {"event_type": _E.c.event_type, "status": _E.c.status, "country": _E.c.country}
        out: dict[str, list[tuple[Any, int]]] = {}
        with self._read() as conn:
            for name, col in plain.items():
                q = (select(col, func.count()).where(where).group_by(col)
                     .order_by(func.count().desc(), col).limit(limit))
                out[name] = [(v, int(n)) for v, n in conn.execute(q)]
            outlet, reviewed = _estimate_member_facets(conds, limit)
            out["outlet"] = [(v, int(n)) for v, n in conn.execute(outlet)]
            n_reviewed = int(conn.execute(reviewed).scalar_one())
            n_all = int(conn.execute(select(func.count()).select_from(_E).where(where)).scalar_one())
        out["reviewed"] = [(v, n) for v, n in ((True, n_reviewed), (False, n_all - n_reviewed)) if n]
        return out

    # -- claims ------------------------------------------------------------------------------
    def _claim_where(self, f: dict[str, Any]) -> ColumnElement:
        conds: list[ColumnElement] = []
        if f.get("event_type"):
            conds.append(_C.c.event_type == f["event_type"])
        if f.get("source_type"):
            conds.append(_S.c.type == f["source_type"])
        if f.get("status"):
            conds.append(_C.c.review.is_(None) if f["status"] == "unreviewed" else _C.c.review == f["status"])
        else:
            conds.append(or_(_C.c.review.is_(None), _C.c.review != "rejected"))
        if "reviewed" in f:
            conds.append(_C.c.review.is_not(None) if f["reviewed"] else _C.c.review.is_(None))
        if f.get("article_id"):
            conds.append(_C.c.article_id == f["article_id"])
        if f.get("outlet"):
            conds.append(func.lower(_A.c.outlet) == f["outlet"].lower())
        if f.get("since"):
            conds.append(func.coalesce(_TM.c.end, _CLAIM_DATE) >= f["since"])
        if f.get("until"):
            conds.append(_CLAIM_DATE <= f["until"] + "\uffff")
        if f.get("country"):
            conds.append(exists(select(_P.c.id).where(_P.c.claim_uid == _C.c.uid, _P.c.country == f["country"])))
        if f.get("place"):
            conds.append(exists(select(_P.c.id).where(_P.c.claim_uid == _C.c.uid, or_(
                _contains(_P.c.name, f["place"]), _contains(_P.c.text, f["place"])))))
        return and_(*conds)

    @staticmethod
    def _claim_from(filters: dict[str, Any] | None = None, sort: str | None = None) -> Any:
        """claims joined to what the filters and the sort read (everything when ``filters`` is None)."""
        everything = filters is None
        f = filters or {}
        src: Any = _C
        if everything or f.get("outlet") or f.get("since") or f.get("until") or sort in ("date", "published", "outlet"):
            src = src.join(_A, _A.c.id == _C.c.article_id)
        if everything or f.get("source_type") or sort in ("source", "source_type"):
            src = src.outerjoin(_S, _S.c.claim_uid == _C.c.uid)
        if everything or sort == "best":
            src = src.outerjoin(_Q, _Q.c.claim_uid == _C.c.uid)
        if everything or f.get("since") or f.get("until") or sort == "date":
            src = src.outerjoin(_TM, _TM.c.claim_uid == _C.c.uid)
        return src

    def claim_count(self, query: ListQuery) -> int:
        """How many claims pass the filters of ``query``."""
        with self._read() as conn:
            return int(conn.execute(select(func.count()).select_from(self._claim_from(query.filters))
                                    .where(self._claim_where(query.filters))).scalar_one())

    def claim_uids(self, query: ListQuery, *, whole: bool = False) -> list[str]:
        """The uids of one page of claims in list order (``whole``: of every page)."""
        where = self._claim_where(query.filters)
        # by publication: newest articles first, an article's claims in text order (the index order)
        tiebreak = (_A.c.id.desc() if query.descending else _A.c.id, _C.c.seq) if query.sort == "published" \
            else (_C.c.article_id, _C.c.seq)
        order = _order(CLAIM_SORTS[query.sort], query.descending, *tiebreak)
        page = select(_C.c.uid).select_from(self._claim_from(query.filters, query.sort)).where(where).order_by(*order)
        if not whole:
            page = page.limit(query.limit).offset(query.offset)
        with self._read() as conn:
            return [r[0] for r in conn.execute(page)]

    def _claim_page(self, query: ListQuery, count: bool, *cols: Any,
                    uids: list[str] | None = None) -> tuple[list[Any], int | None]:
        """The rows (``cols`` of claim joined to article) of one page of claims, in page order
        (``uids``: of these claims, in this order), and the filtered total (None when not ``count``)."""
        total = self.claim_count(query) if count else None
        uids = self.claim_uids(query) if uids is None else uids
        rows_q = _claim_rows_statement(tuple(cols))
        with self._read() as conn:
            rows = conn.execute(rows_q, {"uids": uids}).all() if uids else []
        return _in_page_order(uids, rows, "uid"), total

    def claim_list(self, query: ListQuery, *, count: bool = True) -> tuple[list[tuple[Claim, dict[str, Any]]], int | None]:
        """One page of claims (reviewed values applied) with their article's title, outlet and
        publication date, and the filtered total (None when not ``count``: the caller has it)."""
        rows, total = self._claim_page(query, count, _C.c.data, _C.c.review)
        return [(claim_from_row(r.data, r.review), {"title": r.title, "outlet": r.outlet, "published": r.published})
                for r in rows], total

    def claim_list_versions(self, query: ListQuery,
                            uids: list[str] | None = None) -> list[tuple[str, str, str | None, dict[str, Any]]]:
        """One page of claims (``uids``: these, in this order) as (uid, version, review, article
        meta): the version (last change) tells a reader whether what it kept of a claim is still
        the claim; no claim JSON is read."""
        rows, _ = self._claim_page(query, False, _CLAIM_VERSION, _C.c.review, uids=uids)
        return [(r.uid, str(r.version), r.review, {"title": r.title, "outlet": r.outlet, "published": r.published})
                for r in rows]

    def claim_versions(self, most: int) -> dict[str, tuple[str, dict[str, Any]]] | None:
        """Every claim's version (as :meth:`claim_list_versions`) and its article's meta, by uid;
        None when there are more than ``most`` claims. Two reads, no claim JSON."""
        with self._read() as conn:
            rows = conn.execute(_EVERY_CLAIM_VERSION, {"most": most + 1}).all()
            if len(rows) > most:
                return None
            metas = {r.id: {"title": r.title, "outlet": r.outlet, "published": r.published}
                     for r in conn.execute(_EVERY_ARTICLE_META)}
        return {r.uid: (str(r.version), metas[r.article_id]) for r in rows if r.article_id in metas}

    def claims_by_uid(self, uids: list[str]) -> dict[str, Claim]:
        """The claims (reviewed values applied) of these uids."""
        with self._read() as conn:
            rows = conn.execute(_CLAIMS_BY_UID, {"uids": uids}).all() if uids else []
        return {r.uid: claim_from_row(r.data, r.review) for r in rows}

    def claim_facets(self, query: ListQuery, limit: int = 12) -> dict[str, list[tuple[Any, int]]]:
        """For each of :data:`CLAIM_FACETS`, (value, number of filtered claims), largest first."""
        where = self._claim_where(query.filters)
        base = self._claim_from(query.filters, "outlet")
        status = func.coalesce(_C.c.review, "unreviewed")
        reviewed = case((_C.c.review.is_(None), False), else_=True)
        out: dict[str, list[tuple[Any, int]]] = {}
        with self._read() as conn:
            for name, col in (("event_type", _C.c.event_type), ("status", status), ("outlet", _A.c.outlet),
                              ("reviewed", reviewed)):
                q = (select(col, func.count()).select_from(base).where(where).group_by(col)
                     .order_by(func.count().desc(), col).limit(limit))
                out[name] = [(bool(v) if name == "reviewed" else v, int(n)) for v, n in conn.execute(q)]
            uids = select(_C.c.uid).select_from(base).where(where).subquery()
            n_claims = func.count(func.distinct(_P.c.claim_uid))
            q = (select(_P.c.country, n_claims).where(_P.c.claim_uid.in_(select(uids.c.uid)))
                 .group_by(_P.c.country).order_by(n_claims.desc(), _P.c.country).limit(limit))
            out["country"] = [(v, int(n)) for v, n in conn.execute(q)]
        return out
