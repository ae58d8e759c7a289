"""Admission control: a bounded number of requests worked on at once per server process.

Under many concurrent readers every request that is inside the app asks the event loop and the
interpreter lock for turns (middleware, cache lookups, the hop to a worker thread and back), so a
liveness probe waits behind all of them. This ASGI middleware lets at most ``limit`` requests
into the app at a time; the others wait in arrival order on a semaphore, which costs no CPU
while they wait. Probes (``/api/health``) and static files skip the wait: they are cheap, and a
probe must tell whether the server answers, not how long its queue is.
"""

from __future__ import annotations

import asyncio

__all__ = ["Admission", "UNQUEUED_PREFIXES"]

#: paths answered without waiting for admission
UNQUEUED_PREFIXES = ("/api/health", "/static/")


class Admission:
    """ASGI middleware: see the module doc (``limit`` 0: everything is let in at once)."""

    def __init__(self, app, limit: int) -> None:
        self.app = app
        self.limit = max(0, int(limit))
        self._slots: asyncio.Semaphore | None = None

    def _queued(self, scope) -> bool:
        return self.limit > 0 and scope["type"] == "http" and not scope.get("path", "").startswith(UNQUEUED_PREFIXES)

    async def __call__(self, scope, receive, send) -> None:
        if not self._queued(scope):
            await self.app(scope, receive, send)
            return
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.limit)
        async with self._slots:
            await self.app(scope, receive, send)
