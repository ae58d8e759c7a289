"""Runs of the ingest flow: recorded from start to finish, and recovered after a crash.

Every write path (``ingest_inputs``, ``ingest_document``, ``load_articles``) works inside a
:class:`RunScope`:

1. the run is recorded ``running`` with this host, this process id and a heartbeat;
2. *recovery*: runs still ``running`` whose process is gone (same host: the pid is not alive;
   another host: no heartbeat for ``settings.run_stale_after`` seconds) are dead — a crash or
   ``kill -9`` stopped them. The articles on the reconcile queue that no live run owns (those of
   dead runs, of runs made with reconciliation off, of a reconciliation that failed) are
   reconciled now, taken off the queue, and the dead runs are closed ``interrupted``;
3. the run stores its articles; each batch's transaction also queues them for reconciliation;
4. the run reconciles what it stored, takes it off the queue and is closed ``done``.

A crash at any point leaves either nothing of a batch or the whole batch *queued*, so the next
run's recovery brings the estimates to what one clean run would have made.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from ..settings import Settings
from ..store import Store

__all__ = ["Reconciler", "RunScope", "Recovery", "ReconcileOutcome", "default_reconciler", "is_dead",
           "pid_alive"]

log = logging.getLogger("claimwatch.flow")

#: ``(store, article_ids) -> estimates``: updates the estimates the given articles touch.
Reconciler = Callable[[Store, list[str]], Sequence[Any] | None]

#: seconds between two heartbeats of a run
HEARTBEAT_EVERY = 5.0


def default_reconciler(store: Store, article_ids: list[str]) -> Sequence[Any] | None:
    """Reconciliation through its public API (:func:`claimwatch.reconcile.update_estimates`)."""
    from ..reconcile import update_estimates

    return update_estimates(store, article_ids=article_ids)


def pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else
        return True
    return True


def is_dead(run: dict[str, Any], *, stale_after: float, host: str | None = None,
            now: datetime | None = None) -> bool:
    """Whether a run recorded ``running`` has no process behind it any more."""
    if run.get("host") is None or run.get("pid") is None:
        return True  # recorded before runs carried their process: nothing can still be running it
    now = now or datetime.now(timezone.utc)
    beat = run.get("heartbeat_at") or run.get("started_at")
    if beat is None or (now - beat).total_seconds() > stale_after:
        return True
    if run["host"] == (host or socket.gethostname()):
        return not pid_alive(int(run["pid"]))
    return False


@dataclass
class Recovery:
    """What a run found and repaired when it started."""

    interrupted: list[int] = field(default_factory=list)   # dead runs closed ``interrupted``
    article_ids: list[str] = field(default_factory=list)   # queued articles reconciled now
    error: str | None = None                                # reconciliation failed (they stay queued)

    def summary(self) -> str | None:
        if not self.interrupted and not self.article_ids and not self.error:
            return None
        parts = []
        if self.interrupted:
            parts.append("interrupted run(s) " + ", ".join(str(r) for r in self.interrupted) + " recovered")
        if self.article_ids:
            parts.append(f"{len(self.article_ids)} pending article(s) reconciled")
        if self.error:
            parts.append(f"pending estimates not updated: {self.error}")
        return "; ".join(parts)


@dataclass
class ReconcileOutcome:
    """The reconciliation of a run's own articles."""

    estimates: list[Any] | None = None   # the estimates recomputed (None: not run)
    error: str | None = None             # it failed: the articles stay queued for the next run


class RunScope:
    """One recorded run of the flow (see the module docstring)."""

    def __init__(self, store: Store, kind: str, inputs: Sequence[str], *, settings: Settings,
                 reconciler: Reconciler | None = None, reconcile: bool = True) -> None:
        self.store = store
        self.kind = kind
        self.inputs = list(inputs)
        self.settings = settings
        self.reconciler = reconciler or default_reconciler
        self.reconcile = reconcile
        self.run_id: int | None = None
        self.recovery = Recovery()
        self._last_beat = 0.0

    def start(self) -> int:
        self.run_id = self.store.start_run(self.kind, self.inputs, host=socket.gethostname(), pid=os.getpid())
        self._last_beat = time.monotonic()
        self.recovery = self.recover()
        return self.run_id

    def recover(self) -> Recovery:
        """Reconcile what dead or finished runs left queued; close the dead runs ``interrupted``."""
        out = Recovery()
        live: list[int] = [self.run_id] if self.run_id is not None else []
        dead: list[int] = []
        for run in self.store.unfinished_runs():
            if run["id"] == self.run_id:
                continue
            if is_dead(run, stale_after=self.settings.run_stale_after):
                dead.append(run["id"])
            else:
                live.append(run["id"])
        pending = sorted(self.store.queued_for_reconcile(exclude_runs=live))
        if pending and self.reconcile:
            outcome = self._reconcile(pending)
            if outcome.error is None:
                out.article_ids = pending
            out.error = outcome.error
        self.store.mark_interrupted(dead)
        out.interrupted = dead
        if out.summary():
            log.info("run %s: %s", self.run_id, out.summary())
        return out

    def beat(self) -> None:
        """Heartbeat (at most every few seconds)."""
        if self.run_id is not None and time.monotonic() - self._last_beat >= HEARTBEAT_EVERY:
            self.store.touch_run(self.run_id)
            self._last_beat = time.monotonic()

    def _reconcile(self, article_ids: list[str]) -> ReconcileOutcome:
        try:
            estimates = self.reconciler(self.store, article_ids)
        except Exception as exc:  # noqa: BLE001 - reported; the articles stay queued for the next run
            log.exception("reconciliation failed for %d article(s)", len(article_ids))
            return ReconcileOutcome(error=f"{type(exc).__name__}: {exc}"[:300])
        self.store.dequeue_reconciled(article_ids)
        return ReconcileOutcome(estimates=list(estimates or []))

    def finish(self, article_ids: list[str], accepted: int, rejected: int) -> ReconcileOutcome:
        """Reconcile the run's own new articles (when asked to) and close the run ``done``."""
        outcome = ReconcileOutcome()
        if self.reconcile and article_ids:
            outcome = self._reconcile(list(article_ids))
        if self.run_id is not None:
            self.store.finish_run(self.run_id, accepted, rejected, status="done")
        return outcome

    def fail(self, accepted: int, rejected: int) -> None:
        """Close the run ``failed`` (an error stopped it; what it stored stays queued)."""
        if self.run_id is None:
            return
        try:
            self.store.finish_run(self.run_id, accepted, rejected, status="failed")
        except Exception:  # noqa: BLE001 - the original error is the one to report
            log.exception("could not close run %s", self.run_id)
