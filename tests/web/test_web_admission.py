"""At most ``web_admission`` requests are worked on at once per server process; the others wait
in turn, and the liveness probe and answers the response cache keeps never wait (web/admission.py)."""

from __future__ import annotations

import asyncio


def _scope(path: str) -> dict:
    return {"type": "http", "method": "GET", "path": path, "query_string": b"", "headers": []}


async def _noop_receive() -> dict:
    return {"type": "http.request", "body": b"", "more_body": False}


def _counting_app(seen: dict):
    """An app that records in ``seen["most"]`` how many requests were inside it at once."""
    seen.update(inside=0, most=0)

    async def app(scope, receive, send):
        seen["inside"] += 1
        seen["most"] = max(seen["most"], seen["inside"])
        await asyncio.sleep(0.01)
        seen["inside"] -= 1
        await send({"type": "http.response.start", "status": 200, "headers": []})

    return app


def test_no_more_than_the_limit_are_inside_and_every_request_is_answered():
    from claimwatch.web.admission import Admission

    seen: dict = {}
    answered: list = []

    async def main():
        gate = Admission(_counting_app(seen), limit=3)

        async def send(message):
            answered.append(message["status"])

        await asyncio.gather(*(gate(_scope(f"/articles/{i}"), _noop_receive, send) for i in range(20)))

    asyncio.run(main())
    assert seen["most"] == 3 and answered == [200] * 20


def test_the_health_probe_is_answered_while_every_slot_is_taken():
    from claimwatch.web.admission import Admission

    release = None

    async def app(scope, receive, send):
        if scope["path"] != "/api/health":
            await release.wait()
        await send({"type": "http.response.start", "status": 200, "headers": []})

    async def main():
        nonlocal release
        release = asyncio.Event()
        gate = Admission(app, limit=2)
        sent: list[str] = []

        def sender(name):
            async def send(message):
                sent.append(name)
            return send

        pages = [asyncio.create_task(gate(_scope("/estimates"), _noop_receive, sender(f"page{i}"))) for i in range(5)]
        await asyncio.sleep(0.01)
        await asyncio.wait_for(gate(_scope("/api/health"), _noop_receive, sender("health")), timeout=1)
        assert sent == ["health"]   # the pages are still waiting: inside, or for a slot
        release.set()
        await asyncio.gather(*pages)
        assert sorted(sent) == ["health", *(f"page{i}" for i in range(5))]

    asyncio.run(main())


def test_a_zero_limit_lets_everything_in():
    from claimwatch.web.admission import Admission

    seen: dict = {}

    async def main():
        gate = Admission(_counting_app(seen), limit=0)

        async def send(message):
            pass

        await asyncio.gather(*(gate(_scope("/estimates"), _noop_receive, send) for i in range(10)))

    asyncio.run(main())
    assert seen["most"] == 10


def test_kept_answers_and_the_probe_skip_the_queue(client):
    """The gate sits inside the response cache: a kept answer and the probe are sent without
    asking for a slot, while a page to be made asks for one."""
    from claimwatch.web.admission import Admission

    assert client.get("/estimates").headers["x-cache"] == "miss"
    gate = _find(client.app, Admission)
    assert gate is not None and gate.limit >= 1
    saved = gate._slots
    gate._slots = _Refused()   # asking for a slot now fails the request
    try:
        hit = client.get("/estimates")
        health = client.get("/api/health?counts=false")
        made = client.get("/claims")
    finally:
        gate._slots = saved
    assert hit.status_code == 200 and hit.headers["x-cache"] == "hit" and health.status_code == 200
    assert made.status_code == 500


class _Refused:
    """A semaphore whose every request for a slot fails."""

    async def __aenter__(self):
        raise RuntimeError("asked for a slot")

    async def __aexit__(self, *exc):
        return False


def _find(app, kind):
    layer = app.middleware_stack
    if layer is None:
        app.middleware_stack = layer = app.build_middleware_stack()
    while layer is not None:
        if isinstance(layer, kind):
            return layer
        layer = getattr(layer, "app", None)
    return None
