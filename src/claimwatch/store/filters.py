"""Query building for claims and articles: filters, ``--where`` conditions, full-text search."""

from __future__ import annotations

import re

from sqlalchemy import exists, func, or_, select, text
from sqlalchemy.sql.elements import ColumnElement

from ..errors import ValidationError
from . import tables as T
from .lists import like_pattern

__all__ = ["claim_filters", "apply_where", "fts_query", "WHERE_FIELDS"]

_C, _A, _S, _Q, _TM = T.claims, T.articles, T.claim_sources, T.claim_quantities, T.claim_times

#: Fields a ``--where FIELD OP VALUE`` condition can name.
WHERE_FIELDS = {
    "kind": _C.c.kind, "event_type": _C.c.event_type, "certainty": _C.c.certainty, "polarity": _C.c.polarity,
    "evidential": _C.c.evidential, "cause": _C.c.cause, "review": _C.c.review, "text": _C.c.text,
    "source": _S.c.canonical, "source_name": _S.c.name, "source_type": _S.c.type, "via": _S.c.via,
    "unit": _Q.c.unit, "low": _Q.c.low, "best": _Q.c.best, "high": _Q.c.high, "qualifier": _Q.c.qualifier,
    "time_start": _TM.c.start, "time_end": _TM.c.end, "outlet": _A.c.outlet, "published": _A.c.published,
    "url": _A.c.url, "article_id": _C.c.article_id,
}
_NUMERIC = {"low", "best", "high"}
_COND = re.compile(r"^\s*([a-z_\.]+)\s*(<=|>=|!=|=|<|>|~)\s*(.*?)\s*$")


def claim_filters(*, source_type=None, event_type=None, since=None, until=None, place=None, status=None,
                  reviewed=None, article_id=None, kind=None, include_duplicates=True):
    q = (select(_C.c.uid, _C.c.data, _C.c.review)
         .join(_A, _A.c.id == _C.c.article_id)
         .outerjoin(_S, _S.c.claim_uid == _C.c.uid)
         .outerjoin(_Q, _Q.c.claim_uid == _C.c.uid)
         .outerjoin(_TM, _TM.c.claim_uid == _C.c.uid))
    conds: list[ColumnElement] = []
    if source_type:
        conds.append(_S.c.type == source_type)
    if event_type:
        conds.append(_C.c.event_type == event_type)
    if kind:
        conds.append(_C.c.kind == kind)
    when = func.coalesce(_TM.c.start, _A.c.published)
    if since:
        conds.append(func.coalesce(_TM.c.end, when) >= since)
    if until:
        conds.append(when <= until)
    if place:
        p = T.claim_places
        like = like_pattern(place)
        conds.append(exists(select(p.c.id).where(p.c.claim_uid == _C.c.uid, or_(
            func.lower(p.c.name).like(like, escape="\\"), func.lower(p.c.text).like(like, escape="\\"),
            func.upper(p.c.country) == place.upper()))))
    if status:
        if status == "unreviewed":
            conds.append(_C.c.review.is_(None))
        else:
            conds.append(_C.c.review == status)
    elif reviewed is None or reviewed is False:
        conds.append(or_(_C.c.review.is_(None), _C.c.review != "rejected"))
    if reviewed is True:
        conds.append(_C.c.review.is_not(None))
    elif reviewed is False:
        conds.append(_C.c.review.is_(None))
    if article_id:
        conds.append(_C.c.article_id == article_id)
    if not include_duplicates:
        conds.append(_A.c.duplicate_of.is_(None))
    return q, conds


def apply_where(conditions: list[str]) -> list[ColumnElement]:
    """``FIELD OP VALUE`` with OP one of = != < <= > >= ~ (~ = case-insensitive substring)."""
    out: list[ColumnElement] = []
    for cond in conditions:
        m = _COND.match(cond)
        if not m:
            raise ValidationError(cond, detail="expected FIELD OP VALUE, e.g. best>100 or event_type=death")
        name, op, raw = m.groups()
        name = name.replace("quantity.", "").replace("source.type", "source_type")
        col = WHERE_FIELDS.get(name)
        if col is None:
            raise ValidationError(cond, detail=f"unknown field {name!r}; known: {', '.join(sorted(WHERE_FIELDS))}")
        value: object = raw.strip("'\"")
        if name in _NUMERIC and op != "~":
            try:
                value = float(raw)
            except ValueError:
                raise ValidationError(cond, detail=f"{raw!r} is not a number") from None
        if op == "~":
            out.append(func.lower(col).like(like_pattern(str(value)), escape="\\"))
        elif value in ("null", "none") and op in ("=", "!="):
            out.append(col.is_(None) if op == "=" else col.is_not(None))
        else:
            out.append({"=": col == value, "!=": col != value, "<": col < value, "<=": col <= value,
                        ">": col > value, ">=": col >= value}[op])
    return out


_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(dialect: str, q: str):
    """(condition, order-by expression) for a full-text query; every word must match (AND)."""
    words = _TOKEN.findall(q)
    if not words:
        return None, None
    if dialect == "sqlite":
        match = " ".join('"' + w + '"' for w in words)
        cond = text("articles.id IN (SELECT article_id FROM articles_fts WHERE articles_fts MATCH :fts)").bindparams(fts=match)
        rank = text("(SELECT bm25(articles_fts) FROM articles_fts WHERE articles_fts MATCH :fts_rank "
                    "AND articles_fts.article_id = articles.id)").bindparams(fts_rank=match)
        return cond, rank
    joined = " ".join(words)
    cond = text("articles.tsv @@ plainto_tsquery('english', :fts)").bindparams(fts=joined)
    rank = text("ts_rank(articles.tsv, plainto_tsquery('english', :fts_rank)) DESC").bindparams(fts_rank=joined)
    return cond, rank
