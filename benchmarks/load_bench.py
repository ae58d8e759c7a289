"""Load run of the web app: N concurrent clients (httpx async) on loopback against the article list
and article pages for a fixed time. Reports requests, errors and latency percentiles; exits 1 on any
error. A benchmark, not a test: the numbers depend on the machine.

The store is built once (cached under ``.bench/``): ``--articles`` articles recombined from the dev
data paragraphs (benchmarks/corpus.py), run through the real extraction, stored and reconciled.
The server is ``claimwatch serve`` (one uvicorn process) started on a free 127.0.0.1 port and
stopped at the end. Every request loop is bounded by the deadline and ``--max-requests``.

    python benchmarks/load_bench.py [--clients 200] [--seconds 30] [--articles 200] [--db URL]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_db(path: Path, n: int) -> str:
    url = f"sqlite:///{path}"
    if path.exists():
        return url
    from corpus import generate

    from claimwatch.extract.api import extract_many
    from claimwatch.ingest.document import Document, Reject
    from claimwatch.reconcile import update_estimates
    from claimwatch.store import Store

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".building")
    for p in tmp.parent.glob(tmp.name + "*"):
        p.unlink()
    t0 = time.perf_counter()
    docs = [Document(text=d["text"], title=d["title"], url=d["url"], published=d["published"], outlet=d["outlet"],
                     name=d["url"]) for d in generate(n, paragraphs_per_article=6, seed=29)]
    store = Store(f"sqlite:///{tmp}")
    arts = [a for a in extract_many(docs) if not isinstance(a, Reject)]
    store.add_articles(arts)
    update_estimates(store, [a.id for a in arts])
    stats = store.stats()
    store.close()
    tmp.rename(path)
    print(f"built {path}: {stats} in {time.perf_counter() - t0:.1f}s", flush=True)
    return url


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    k = max(0, min(len(values) - 1, int(round(p / 100 * (len(values) - 1)))))
    return values[k]


async def client_loop(i: int, http: httpx.AsyncClient, base: str, ids: list[str], pages: int, deadline: float,
                      budget: list[int], out: dict[str, list[float]], errors: list[str]) -> None:
    rng = random.Random(i)
    while time.monotonic() < deadline and budget[0] > 0:
        budget[0] -= 1
        if rng.random() < 0.5:
            kind, path = "list", f"/articles?page={rng.randint(1, pages)}"
            if rng.random() < 0.2:
                path = "/articles?q=" + rng.choice(["police", "president", "border", "killed", "court"])
        else:
            kind, path = "article", f"/articles/{rng.choice(ids)}"
        t0 = time.perf_counter()
        try:
            r = await http.get(base + path)
            dt = time.perf_counter() - t0
            if r.status_code != 200:
                errors.append(f"{r.status_code} {path}")
            else:
                out[kind].append(dt)
        except httpx.HTTPError as exc:
            errors.append(f"{type(exc).__name__} {path}")


async def run_load(base: str, clients: int, seconds: float, max_requests: int) -> dict:
    async with httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=clients,
                                                                  max_keepalive_connections=clients)) as http:
        listing = (await http.get(base + "/api/articles", params={"limit": 1000})).json()
        ids = [a["id"] for a in listing["items"]]
        pages = max(1, -(-listing["total"] // 50))
        out: dict[str, list[float]] = {"list": [], "article": []}
        errors: list[str] = []
        budget = [max_requests]
        t0 = time.monotonic()
        deadline = t0 + seconds
        await asyncio.gather(*(client_loop(i, http, base, ids, pages, deadline, budget, out, errors)
                               for i in range(clients)))
        elapsed = time.monotonic() - t0
    every = out["list"] + out["article"]
    report = {"clients": clients, "seconds": round(elapsed, 1), "requests": len(every) + len(errors),
              "errors": len(errors), "error_samples": errors[:5], "rps": round(len(every) / elapsed, 1)}
    for kind, vals in (("all", every), ("list", out["list"]), ("article", out["article"])):
        report[kind] = {"n": len(vals), "p50_ms": round(pct(vals, 50) * 1000, 1), "p95_ms": round(pct(vals, 95) * 1000, 1),
                        "p99_ms": round(pct(vals, 99) * 1000, 1), "max_ms": round(max(vals) * 1000, 1) if vals else None,
                        "mean_ms": round(statistics.fmean(vals) * 1000, 1) if vals else None}
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", type=int, default=200)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--max-requests", type=int, default=500_000)
    ap.add_argument("--db", default=None, help="use this database instead of building one")
    ap.add_argument("--workers", type=int, default=1, help="uvicorn worker processes of the server")
    args = ap.parse_args(argv)

    db = args.db or build_db(ROOT / ".bench" / f"load-{args.articles}.db", args.articles)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "claimwatch", "serve", "--db", db, "--host", "127.0.0.1",
                               "--port", str(port), "--workers", str(args.workers)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/api/health", timeout=2).raise_for_status()
                break
            except httpx.HTTPError:
                if server.poll() is not None or time.monotonic() > deadline:
                    print(server.stderr.read().decode()[-2000:], file=sys.stderr)
                    return 1
                time.sleep(0.2)
        report = asyncio.run(run_load(base, args.clients, args.seconds, args.max_requests))
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
    server_log = server.stderr.read().decode(errors="replace") if server.stderr else ""
    report["workers"] = args.workers
    print(f"load: {report['clients']} clients, {args.workers} server worker(s), {report['seconds']} s, {report['requests']} requests, "
          f"{report['errors']} errors, {report['rps']} req/s")
    print(f"{'page':<8} {'n':>7} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'max ms':>8}")
    for kind in ("all", "list", "article"):
        r = report[kind]
        print(f"{kind:<8} {r['n']:>7} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['p99_ms']:>8} {r['max_ms']:>8}")
    if report["errors"]:
        print("error samples:", "; ".join(report["error_samples"]))
        print("server log tail:", server_log[-1500:])
    out = ROOT / ".bench" / "load.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=1))
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
