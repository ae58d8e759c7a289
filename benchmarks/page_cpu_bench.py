"""CPU cost per request of each page kind of the load run, measured in-process (no sockets, no
other process): the app is built over a copy of the load run's store (``.bench/load-200.db``)
and the same request mix as ``load_bench.py`` is sent straight through its ASGI interface;
``time.process_time()`` around the requests of each kind gives CPU milliseconds per request.
On a shared machine this is the honest figure: wall-clock load runs move with whatever else
runs, CPU per request does not (much).

Two figures per kind: ``cold`` with the caches off (every request does the full work: what the
first reader after a store change pays), and ``steady`` with them on over ``--mixed`` requests in
the load run's interleaved mix while the store changes every ``--commit-every`` requests (a
commit from another connection writing articles, claims and estimates, as an ingest does during
the load run), so what the caches can keep across store changes shows, and what they cannot is paid.

    python benchmarks/page_cpu_bench.py [--requests 300] [--articles 200] [--profile KIND]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_bench import KINDS, _path, fresh_copy  # noqa: E402

KINDS_TIMED = (*KINDS, "health")


async def _call(app, path: str) -> tuple[int, int]:
    raw_path, _, query = path.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": raw_path, "raw_path": raw_path.encode(), "query_string": query.encode(), "root_path": "",
             "headers": [(b"host", b"127.0.0.1"), (b"accept", b"*/*")], "client": ("127.0.0.1", 5000),
             "server": ("127.0.0.1", 80)}
    status, size = 0, 0

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        nonlocal status, size
        if message["type"] == "http.response.start":
            status = message["status"]
        elif message["type"] == "http.response.body":
            size += len(message.get("body", b""))

    await app(scope, receive, send)
    return status, size


def _context(store) -> dict:
    from claimwatch.store.lists import claim_query, estimate_query

    ids, total = [], 0
    offset = 0
    while True:
        items, total = store.search_articles(limit=1000, offset=offset)
        ids += [a.id for a in items]
        offset += 1000
        if offset >= total:
            break
    _, est_total = store.estimate_list(estimate_query({}, None, 1, 0))
    _, claims_total = store.claim_list(claim_query({}, None, 1, 0))
    return {"ids": ids, "pages": max(1, -(-total // 50)), "est_pages": max(1, -(-est_total // 50)),
            "claims": claims_total}


def _inline_endpoints() -> None:
    """Run sync endpoints on the calling thread, so cProfile sees them (profiling only)."""
    import fastapi.dependencies.utils as deps
    import fastapi.routing as routing

    async def inline(func, *args, **kwargs):
        return func(*args, **kwargs)

    routing.run_in_threadpool = deps.run_in_threadpool = inline  # type: ignore[assignment]


def measure(db: str, requests: int, cache: bool, profile: str | None = None) -> dict[str, dict]:
    from claimwatch.settings import load_settings
    from claimwatch.web import create_app

    if profile:
        _inline_endpoints()
    app = create_app(load_settings(db=db, web_cache=cache))
    ctx = _context(app.state.store)
    rng = random.Random(7)
    paths: dict[str, list[str]] = {k: [] for k in KINDS_TIMED}
    while min(len(v) for k, v in paths.items() if k != "health") < requests:
        kind, path = _path(rng, ctx["ids"], ctx["pages"], ctx["est_pages"], ctx["claims"])
        if len(paths[kind]) < requests:
            paths[kind].append(path)
    paths["health"] = ["/api/health?counts=false"] * requests
    out: dict[str, dict] = {}

    async def run() -> None:
        for path in paths["list"][:3]:  # warm up: imports, template compilation, first connections
            await _call(app, path)
        for kind in KINDS_TIMED:
            prof = cProfile.Profile() if kind == profile else None
            t0, w0 = time.process_time(), time.perf_counter()
            if prof:
                prof.enable()
            sizes = []
            for path in paths[kind]:
                status, size = await _call(app, path)
                if status != 200:
                    raise SystemExit(f"{status} {path}")
                sizes.append(size)
            if prof:
                prof.disable()
                pstats.Stats(prof).sort_stats("cumulative").print_stats(70)
            cpu, wall = time.process_time() - t0, time.perf_counter() - w0
            out[kind] = {"n": len(paths[kind]), "cpu_ms": 1000 * cpu / len(paths[kind]),
                         "wall_ms": 1000 * wall / len(paths[kind]), "kb": sum(sizes) / len(sizes) / 1024}

    asyncio.run(run())
    app.state.ingest_queue.shutdown()
    return out


def steady(db: str, total: int, commit_every: int, profile: str | None = None) -> dict[str, dict]:
    """The load run's interleaved mix with the caches on, the store changed every ``commit_every``
    requests by another connection; CPU per kind summed request by request."""
    import sqlite3

    from claimwatch.settings import load_settings
    from claimwatch.web import create_app

    if profile:
        _inline_endpoints()
    app = create_app(load_settings(db=db, web_cache=True))
    ctx = _context(app.state.store)
    rng = random.Random(11)
    mixed = [_path(rng, ctx["ids"], ctx["pages"], ctx["est_pages"], ctx["claims"]) for _ in range(total)]
    other = sqlite3.connect(db.removeprefix("sqlite:///"), isolation_level=None)
    cpu: dict[str, float] = {k: 0.0 for k in KINDS_TIMED}
    count: dict[str, int] = {k: 0 for k in KINDS_TIMED}
    prof = cProfile.Profile() if profile else None

    async def run() -> None:
        for i, (kind, path) in enumerate(mixed):
            if i % commit_every == 0:
                # a commit by someone else that writes what an ingest writes (articles, claims,
                # estimates), so every cached answer that shows them is invalidated
                other.executescript("BEGIN; " + "; ".join(
                    f"UPDATE {t} SET rowid = rowid WHERE rowid = (SELECT min(rowid) FROM {t})"
                    for t in ("articles", "claims", "estimates")) + "; COMMIT;")
            for k, p in ((kind, path), *((("health", "/api/health?counts=false"),) if i % 10 == 0 else ())):
                if prof and k == profile:
                    prof.enable()
                t0 = time.process_time()
                status, _ = await _call(app, p)
                cpu[k] += time.process_time() - t0
                if prof:
                    prof.disable()
                count[k] += 1
                if status != 200:
                    raise SystemExit(f"{status} {p}")

    asyncio.run(run())
    if prof:
        pstats.Stats(prof).sort_stats("cumulative").print_stats(70)
    app.state.ingest_queue.shutdown()
    return {k: {"n": count[k], "cpu_ms": 1000 * cpu[k] / max(1, count[k])} for k in KINDS_TIMED}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=300, help="requests per page kind")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--mixed", type=int, default=3000, help="requests of the steady run")
    ap.add_argument("--commit-every", type=int, default=200, help="a store change every this many requests")
    ap.add_argument("--profile", choices=KINDS_TIMED, default=None, help="print a cProfile of this kind")
    ap.add_argument("--profile-cached", action="store_true", help="profile the cached run (default: the cold one)")
    args = ap.parse_args(argv)
    cached = ROOT / ".bench" / f"load-{args.articles}.db"
    db = fresh_copy(args.articles, "page-cpu.db")
    cold = measure(db, args.requests, cache=False, profile=None if args.profile_cached else args.profile)
    warm = steady(db, args.mixed, args.commit_every, profile=args.profile if args.profile_cached else None)
    print(f"CPU ms per request, in-process ASGI, store {cached.name}: cold = caches off, {args.requests} requests "
          f"per kind; steady = caches on, {args.mixed} mixed requests, a store change every {args.commit_every}")
    print("| page | cold CPU ms | steady CPU ms | steady n | KB |")
    print("|---|---:|---:|---:|---:|")
    for kind in KINDS_TIMED:
        print(f"| {kind} | {cold[kind]['cpu_ms']:.2f} | {warm[kind]['cpu_ms']:.2f} | {warm[kind]['n']} "
              f"| {cold[kind]['kb']:.1f} |")
    mix = sum(warm[k]["cpu_ms"] * warm[k]["n"] for k in KINDS) / sum(warm[k]["n"] for k in KINDS)
    print(f"steady mix: {mix:.2f} CPU ms per request -> at most {2000 / mix:.0f} requests/s on 2 cores of server "
          "time alone (HTTP parsing, the clients and the ingest not counted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
