"""People's changes to claims: review (accept, correct, reject), undo of the last change, and claims
a reviewer adds by hand. Every change is one transaction that rewrites the claim's rows and appends
one entry to the revision log (``revisions``: who, when, action, before, after).

``check`` (optional, on :meth:`ReviewMixin.review` and :meth:`ReviewMixin.add_claim`) is called
with the validated new claim inside the transaction, before anything is written; whatever it
raises aborts the change. The web app builds its response there, so a request that fails while
answering leaves the store as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.engine import Connection

from ..errors import NotFound, ValidationError
from ..model import Article, Claim, ReviewState
from . import tables as T
from .mixin import StoreMixin, inserted_id
from .rows import claim_rows, derived_rows, merge_changes, now, validate_claim

__all__ = ["ReviewMixin", "Reviewed", "REVIEW_STATES", "UNDOABLE", "MANUAL_PREFIX"]

#: review action -> the state it leaves the claim in
REVIEW_STATES: dict[str, ReviewState] = {"accept": "accepted", "correct": "corrected", "reject": "rejected"}
#: actions an undo can take back
UNDOABLE = ("accept", "correct", "reject", "create")
#: ids of claims added by reviewers: r1, r2, ... (extraction uses c1, c2, ...)
MANUAL_PREFIX = "r"
DERIVED_TABLES = ("claim_sources", "claim_quantities", "claim_times", "claim_places", "evidence")


@dataclass(frozen=True)
class Reviewed:
    """The claim after a change (None when an undo removed a claim added by hand) and the id of
    the revision-log entry that records the change."""

    claim: Claim | None
    revision: int
    action: str


def _malformed(uid: str, exc: Exception) -> ValidationError:
    return ValidationError(uid, detail=f"malformed claim: {' '.join(str(exc).split())[:200]}")


def _claim_from(uid: str, data: dict, article_id: str, text: str) -> Claim:
    try:
        claim = Claim.from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise _malformed(uid, exc) from None
    claim.article_id = article_id
    problems = validate_claim(claim, Article(text=text, id=article_id))
    if problems:
        raise ValidationError(uid, detail="; ".join(problems[:3]))
    return claim


def _write_claim(conn: Connection, uid: str, article_id: str, claim: Claim, stamp: Any) -> dict:
    """Rewrite a stored claim's row and its query rows; returns the stored JSON (no review key)."""
    data = claim.to_dict()
    data.pop("review", None)
    conn.execute(update(T.claims).where(T.claims.c.uid == uid).values(
        kind=claim.kind, event_type=claim.event_type, certainty=claim.certainty, polarity=claim.polarity,
        evidential=claim.evidential, cause=claim.cause, text=claim.text, span_start=claim.span[0],
        span_end=claim.span[1], review=claim.review, data=data, updated_at=stamp))
    _replace_derived(conn, uid, article_id, claim)
    return data


def _replace_derived(conn: Connection, uid: str, article_id: str, claim: Claim | None) -> None:
    for name in DERIVED_TABLES:
        table = getattr(T, name)
        conn.execute(delete(table).where(table.c.claim_uid == uid))
    if claim is None:
        return
    for name, rows in derived_rows(claim, uid, article_id).items():
        if rows:
            conn.execute(insert(getattr(T, name)), rows)


def _log(conn: Connection, uid: str, who: str, stamp: Any, action: str, before: Any, after: Any,
         changes: Any = None, *, review_row: bool = True) -> int:
    if review_row:
        conn.execute(insert(T.reviews).values(claim_uid=uid, who=who, at=stamp, action=action, changes=changes))
    res = conn.execute(insert(T.revisions).values(claim_uid=uid, who=who, at=stamp, action=action,
                                                  before=before, after=after))
    return inserted_id(res)


def _claim_row(conn: Connection, uid: str) -> Any:
    """The stored claim (data, review state, article id and the article's text); NotFound if absent."""
    row = conn.execute(select(T.claims.c.data, T.claims.c.review, T.claims.c.article_id, T.articles.c.text)
                       .join(T.articles, T.articles.c.id == T.claims.c.article_id)
                       .where(T.claims.c.uid == uid)).first()
    if row is None:
        raise NotFound(uid, detail=f"claim {uid}")
    return row


def _check_who(uid: str, who: str) -> None:
    if not who or not str(who).strip():
        raise ValidationError(uid, detail="a reviewer name is required")


class ReviewMixin(StoreMixin):
    """Mixed into :class:`~claimwatch.store.Store` (needs ``_write``)."""

    def review_claim(self, uid: str, action: str, changes: dict | None = None, who: str = "anonymous") -> Claim:
        """Accept, correct or reject a claim; appends to the revision log. Reviewed values win."""
        claim = self.review(uid, action, changes, who).claim
        assert claim is not None
        return claim

    def review(self, uid: str, action: str, changes: dict | None = None, who: str = "anonymous", *,
               check: Callable[[Claim], Any] | None = None) -> Reviewed:
        """:meth:`review_claim`, returning the revision id too; ``check`` runs before the write."""
        if action not in REVIEW_STATES:
            raise ValidationError(uid, detail=f"action {action!r} not one of accept, correct, reject")
        _check_who(uid, who)
        with self._write() as conn:
            row = _claim_row(conn, uid)
            before = dict(row.data, review=row.review) if row.review else dict(row.data)
            data = dict(row.data)
            data.pop("review", None)
            if action == "correct":
                if not changes:
                    raise ValidationError(uid, detail="a correction needs changes")
                for key in ("id", "article_id", "review"):
                    if key in changes:
                        raise ValidationError(uid, detail=f"{key} cannot be changed")
                data = merge_changes(data, changes)
            elif changes:
                raise ValidationError(uid, detail=f"{action} takes no changes")
            claim = _claim_from(uid, data, row.article_id, row.text)
            claim.review = REVIEW_STATES[action]
            if check is not None:
                check(claim)
            stamp = now()
            _write_claim(conn, uid, row.article_id, claim, stamp)
            rev = _log(conn, uid, who, stamp, action, before, claim.to_dict(), changes)
        return Reviewed(claim, rev, action)

    def undo_review(self, uid: str, who: str, *, revision: int | None = None,
                    check: Callable[[Claim | None], Any] | None = None) -> Reviewed:
        """Take back the latest change of a claim made by a person (``UNDOABLE``): the claim gets
        the values and review state it had before; a claim added by hand is removed. ``revision``,
        when given, must be the id of that latest change (else nothing happens: someone changed
        the claim since). The undo itself is logged (action ``undo``)."""
        _check_who(uid, who)
        r = T.revisions
        with self._write() as conn:
            row = _claim_row(conn, uid)
            last = conn.execute(select(r.c.id, r.c.action, r.c.before).where(r.c.claim_uid == uid)
                                .order_by(r.c.id.desc()).limit(1)).first()
            if last is None or last.action not in UNDOABLE:
                raise ValidationError(uid, detail="nothing to undo: the claim's latest change is not a review")
            if revision is not None and int(revision) != last.id:
                raise ValidationError(uid, detail=f"the claim changed since revision {revision} "
                                                  f"(latest is {last.id}); reload it")
            current = dict(row.data, review=row.review) if row.review else dict(row.data)
            stamp = now()
            if last.action == "create":
                if check is not None:
                    check(None)
                _replace_derived(conn, uid, row.article_id, None)
                conn.execute(delete(T.reviews).where(T.reviews.c.claim_uid == uid))
                conn.execute(delete(T.claims).where(T.claims.c.uid == uid))
                conn.execute(update(T.articles).where(T.articles.c.id == row.article_id)
                             .values(n_claims=T.articles.c.n_claims - 1))
                rev = _log(conn, uid, who, stamp, "undo", current, {}, review_row=False)
                return Reviewed(None, rev, "undo")
            restored = dict(last.before or {})
            state = restored.pop("review", None)
            claim = _claim_from(uid, restored, row.article_id, row.text)
            claim.review = state
            if check is not None:
                check(claim)
            _write_claim(conn, uid, row.article_id, claim, stamp)
            rev = _log(conn, uid, who, stamp, "undo", current, claim.to_dict())
        return Reviewed(claim, rev, "undo")

    def add_claim(self, article_id: str, data: dict, who: str, *,
                  check: Callable[[Claim], Any] | None = None) -> Reviewed:
        """Store a claim a reviewer made by hand (e.g. from a text selection): ``data`` is claim
        JSON without ``id`` (the store gives the next free ``r<n>``); its spans must slice the
        article. It is stored as ``accepted`` (a person stated it) and logged as ``create``."""
        _check_who(article_id, who)
        if not isinstance(data, dict):
            raise ValidationError(article_id, detail="a claim is a JSON object")
        with self._write() as conn:
            art = conn.execute(select(T.articles.c.text).where(T.articles.c.id == article_id)).first()
            if art is None:
                raise NotFound(article_id, detail=f"article {article_id}")
            ids = {r[0] for r in conn.execute(select(T.claims.c.claim_id).where(T.claims.c.article_id == article_id))}
            n = 1
            while f"{MANUAL_PREFIX}{n}" in ids:
                n += 1
            cid = f"{MANUAL_PREFIX}{n}"
            uid = f"{article_id}:{cid}"
            claim = _claim_from(uid, {**data, "id": cid, "review": None}, article_id, art.text)
            claim.review = "accepted"
            if check is not None:
                check(claim)
            seq = conn.execute(select(func.coalesce(func.max(T.claims.c.seq), -1) + 1)
                               .where(T.claims.c.article_id == article_id)).scalar_one()
            stamp = now()
            stored = claim.to_dict()
            stored.pop("review", None)
            stored["article_id"] = article_id
            rows = claim_rows(claim, article_id, int(seq), data=stored, stamp=stamp)
            for name in ("claims", *DERIVED_TABLES):
                if rows.get(name):
                    conn.execute(insert(getattr(T, name)), rows[name])
            conn.execute(update(T.articles).where(T.articles.c.id == article_id)
                         .values(n_claims=T.articles.c.n_claims + 1))
            rev = _log(conn, uid, who, stamp, "create", None, claim.to_dict(), data)
        return Reviewed(claim, rev, "create")
