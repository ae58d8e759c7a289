"""CPU cost per request of each page kind of the load run, measured in-process (no sockets, no
other process): the app is built over a copy of the load run's store (``.bench/load-200.db``)
and the same request mix as ``load_bench.py`` is sent straight through its ASGI interface;
``time.process_time()`` around the requests of each kind gives CPU milliseconds per request.
On a shared machine this is the honest figure: wall-clock load runs move with whatever else
runs, CPU per request does not (much).

Two figures per kind: ``cold`` with the response cache off (every request does the full work:
what the first reader after a store change pays) and ``cached`` with it on, over the same
sequence of requests (repeats in the mix are answered from memory).

    python benchmarks/page_cpu.py [--requests 300] [--articles 200] [--profile KIND]
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import random
import shutil
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from load_bench import KINDS, _path, build_db  # noqa: E402

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


def measure(db: str, requests: int, cache: bool, profile: str | None = None) -> dict[str, dict]:
    from claimwatch.settings import load_settings
    from claimwatch.web import create_app

    if profile:  # run sync endpoints on the calling thread, so cProfile sees them
        import fastapi.dependencies.utils as deps
        import fastapi.routing as routing

        async def inline(func, *args, **kwargs):
            return func(*args, **kwargs)

        routing.run_in_threadpool = deps.run_in_threadpool = inline  # type: ignore[assignment]
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


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=300, help="requests per page kind")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--profile", choices=KINDS_TIMED, default=None, help="print a cProfile of this kind")
    ap.add_argument("--profile-cached", action="store_true", help="profile the cached run (default: the cold one)")
    args = ap.parse_args(argv)
    cached = ROOT / ".bench" / f"load-{args.articles}.db"
    build_db(cached, args.articles)
    copy = ROOT / ".bench" / "page-cpu.db"
    for p in copy.parent.glob(copy.name + "*"):
        p.unlink()
    shutil.copyfile(cached, copy)
    db = f"sqlite:///{copy}"
    cold = measure(db, args.requests, cache=False, profile=None if args.profile_cached else args.profile)
    warm = measure(db, args.requests, cache=True, profile=args.profile if args.profile_cached else None)
    print(f"CPU ms per request, {args.requests} requests per kind, in-process ASGI, store {cached.name}")
    print("| page | cold CPU ms | cached CPU ms | KB |")
    print("|---|---:|---:|---:|")
    for kind in KINDS_TIMED:
        print(f"| {kind} | {cold[kind]['cpu_ms']:.2f} | {warm[kind]['cpu_ms']:.2f} | {cold[kind]['kb']:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
