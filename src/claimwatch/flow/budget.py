"""The per-article time budget (``settings.max_seconds_per_article``), in CPU seconds.

The budget counts the processor time the extraction uses, not the wall clock: on a machine
shared with other work the same article gets the same verdict whatever the load. In the main
thread of a process (the CLI, every batch-ingest worker, a Spark task, the server's event loop)
it is a CPU-time timer (``ITIMER_PROF`` / ``SIGPROF``): extraction that runs past it is
interrupted and the article refused with E108. Elsewhere (a worker thread, where signals cannot
be delivered) the work runs to its end and is then refused if the thread used more CPU time than
the budget, so the outcome is the same, only not sooner.

:class:`OverBudget` derives from ``BaseException`` on purpose: the extraction code catches
``Exception`` per article to keep a batch going, and must not swallow the timer.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from ..errors import TooSlow

__all__ = ["OverBudget", "time_budget", "too_slow"]


class OverBudget(BaseException):
    """The time budget ran out (raised inside the budgeted block)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(f"over the time budget of {seconds:g} s")
        self.seconds = seconds


def too_slow(name: str, seconds: float) -> TooSlow:
    """The coded error (E108) for an input that ran past the budget."""
    return TooSlow(name, limit=f"{seconds:g}")


def _can_interrupt() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise :class:`OverBudget` when the block uses more than ``seconds`` of CPU time (0 = no budget)."""
    if not seconds or seconds <= 0:
        yield
        return
    if not _can_interrupt():
        t0 = time.thread_time()
        yield
        if time.thread_time() - t0 > seconds:
            raise OverBudget(seconds)
        return

    def _ring(_signum: int, _frame: FrameType | None) -> None:
        raise OverBudget(seconds)

    previous = signal.signal(signal.SIGPROF, _ring)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)
