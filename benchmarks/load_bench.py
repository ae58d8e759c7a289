"""Load run of the web app: 10, 50 and 200 concurrent loopback clients, 30 s each, over the article
list, an article page, the estimates page and one JSON endpoint (``/api/claims``), while articles
are being ingested through the API (``POST /api/articles``, one after the other, for the whole
run; the phases start once the first posted article is stored); a prober in a process of its
own times ``/api/health`` every 100 ms. Reports requests/s and latency percentiles per page
kind, the health latency, and how many posted articles were stored in each phase and how long
their jobs took; exits 1 on any failed request. A benchmark,
not a test: the numbers depend on the machine and on what else runs on it (the load average is
printed with the table).

The store is built once (cached under ``.bench/``): ``--articles`` articles recombined from the dev
data paragraphs (benchmarks/corpus.py), run through the real extraction, stored and reconciled.
The server is ``claimwatch serve`` (its default number of worker processes unless ``--workers``)
on a free 127.0.0.1 port. The clients speak HTTP/1.1 keep-alive over raw asyncio streams (a
full HTTP client library would spend more CPU than the server on this shared machine).

    python benchmarks/load_bench.py [--clients 10,50,200] [--seconds 30] [--articles 200] [--workers N]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

KINDS = ("list", "article", "estimates", "json")
GOAL_RPS, GOAL_P95_MS, GOAL_HEALTH_P95_MS = 500.0, 500.0, 100.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fresh_copy(articles: int, name: str) -> str:
    """URL of a fresh copy (``.bench/<name>``, stale journal files removed) of the cached store
    of ``articles`` reports, built first if missing: a run's writes do not reach the cache."""
    import shutil

    cached = ROOT / ".bench" / f"load-{articles}.db"
    build_db(cached, articles)
    copy = ROOT / ".bench" / name
    for p in copy.parent.glob(copy.name + "*"):
        p.unlink()
    shutil.copyfile(cached, copy)
    return f"sqlite:///{copy}"


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


# -- a small HTTP/1.1 keep-alive client ---------------------------------------------------------
class Conn:
    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.hits = 0

    async def get(self, path: str) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\nAccept: */*\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
        if headers.get("x-cache") == "hit":
            self.hits += 1
        if "content-length" in headers:
            await self.reader.readexactly(int(headers["content-length"]))
        elif headers.get("transfer-encoding") == "chunked":
            while True:
                size = int((await self.reader.readuntil(b"\r\n")).strip(), 16)
                await self.reader.readexactly(size + 2)
                if size == 0:
                    break
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return status

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            self.writer = None


def _path(rng: random.Random, ids: list[str], pages: int, est_pages: int, claims_total: int) -> tuple[str, str]:
    r = rng.random()
    if r < 0.3:
        path = f"/articles?page={rng.randint(1, pages)}"
        if rng.random() < 0.2:
            path = "/articles?q=" + rng.choice(["police", "president", "border", "killed", "court"])
        return "list", path
    if r < 0.55:
        return "article", f"/articles/{rng.choice(ids)}"
    if r < 0.8:
        sort = rng.choice(["", "&sort=-latest", "&sort=place", "&sort=-best"])
        return "estimates", f"/estimates?page={rng.randint(1, est_pages)}{sort}"
    offset = rng.randint(0, max(0, claims_total - 50))
    return "json", f"/api/claims?limit=50&offset={offset}"


async def client_loop(i: int, host: str, port: int, ctx: dict, deadline: float, out: dict, errors: list,
                      hits: list) -> None:
    rng = random.Random(i)
    conn = Conn(host, port)
    try:
        while time.monotonic() < deadline:
            kind, path = _path(rng, ctx["ids"], ctx["pages"], ctx["est_pages"], ctx["claims"])
            t0 = time.perf_counter()
            try:
                status = await asyncio.wait_for(conn.get(path), timeout=30)
            except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError) as exc:
                errors.append(f"{type(exc).__name__} {path}")
                await conn.close()
                continue
            if status != 200:
                errors.append(f"{status} {path}")
            else:
                out[kind].append(time.perf_counter() - t0)
    finally:
        hits.append(conn.hits)
        await conn.close()


def probe_health(host: str, port: int, seconds: float) -> list[float]:
    """``/api/health`` timed every 100 ms for ``seconds`` over one keep-alive connection, from a
    process of its own (as a monitor would probe): the clients' event loop, busy with 200
    connections, does not delay the probe's reading of its answers. Latencies in seconds; a
    failed probe is a negative value."""
    import http.client

    out: list[float] = []
    conn = http.client.HTTPConnection(host, port, timeout=30)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        t0 = time.perf_counter()
        try:
            conn.request("GET", "/api/health?counts=false")
            resp = conn.getresponse()
            resp.read()
            out.append(time.perf_counter() - t0 if resp.status == 200 else -1.0)
        except (OSError, http.client.HTTPException):
            out.append(-1.0)
            conn.close()
        time.sleep(0.1)
    conn.close()
    return out


def start_prober(host: str, port: int, seconds: float) -> subprocess.Popen:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--probe-health", f"{host}:{port}", "--seconds", str(seconds)]
    return subprocess.Popen(cmd, stdout=subprocess.PIPE)


def prober_result(proc: subprocess.Popen, errors: list[str]) -> list[float]:
    out, _ = proc.communicate(timeout=120)
    values = json.loads(out or b"[]")
    errors.extend("failed /api/health" for v in values if v < 0)
    return [v for v in values if v >= 0]


async def run_phase(host: str, port: int, clients: int, seconds: float, ctx: dict) -> dict:
    out: dict[str, list[float]] = {k: [] for k in KINDS}
    health: list[float] = []
    errors: list[str] = []
    hits: list[int] = []
    prober = start_prober(host, port, seconds)
    t0 = time.monotonic()
    deadline = t0 + seconds
    await asyncio.gather(*(client_loop(i, host, port, ctx, deadline, out, errors, hits) for i in range(clients)))
    elapsed = time.monotonic() - t0
    health.extend(prober_result(prober, errors))
    every = [v for k in KINDS for v in out[k]]
    report: dict = {"clients": clients, "seconds": round(elapsed, 1), "requests": len(every), "errors": len(errors),
                    "error_samples": errors[:5], "rps": round(len(every) / elapsed, 1)}
    for kind, vals in (("all", every), *((k, out[k]) for k in KINDS), ("health", health)):
        report[kind] = {"n": len(vals), "rps": round(len(vals) / elapsed, 1),
                        "p50_ms": round(pct(vals, 50) * 1000, 1), "p95_ms": round(pct(vals, 95) * 1000, 1),
                        "p99_ms": round(pct(vals, 99) * 1000, 1),
                        "max_ms": round(max(vals) * 1000, 1) if vals else None}
    list_n = len(out["list"]) + len(out["estimates"])
    report["list_pages_rps"] = round(list_n / elapsed, 1)
    report["cache_hit_share"] = round(sum(hits) / max(1, len(every)), 3)
    return report


# -- the ingest that runs throughout ------------------------------------------------------------
class Ingester(threading.Thread):
    """Posts one article after another through the API and waits for each job to finish (its
    status polled every 200 ms); ``done`` has when each job was seen done and how long it took."""

    def __init__(self, base: str, token: str, texts: list[str]) -> None:
        super().__init__(daemon=True)
        self.base, self.token, self.texts = base, token, texts
        self.stop = threading.Event()
        self.done: list[tuple[float, float]] = []  # (monotonic time it was seen done, job latency s)
        self.failed: list[str] = []

    def run(self) -> None:
        import httpx

        headers = {"Authorization": f"Bearer {self.token}"}
        n = 0
        with httpx.Client(timeout=120) as http:
            while not self.stop.is_set():
                text = self.texts[n % len(self.texts)] + f"\n\nBench run note {time.time_ns()}-{n}."
                n += 1
                t0 = time.perf_counter()
                try:
                    r = http.post(self.base + "/api/articles", headers=headers,
                                  json={"text": text, "title": f"bench ingest {n}", "outlet": "Bench Wire"})
                    if r.status_code != 202:
                        self.failed.append(f"{r.status_code} {r.text[:120]}")
                        continue
                    url = self.base + r.json()["status_url"]
                    while not self.stop.is_set():
                        state = http.get(url).json()
                        if state["status"] in ("done", "failed"):
                            if state["status"] == "done":
                                self.done.append((time.monotonic(), time.perf_counter() - t0))
                            else:
                                self.failed.append(f"failed job {state.get('error')}")
                            break
                        time.sleep(0.2)
                except Exception as exc:  # noqa: BLE001 - a benchmark records and goes on
                    self.failed.append(f"{type(exc).__name__}: {exc}")


def _wait_first_ingest(ingester: Ingester, limit: float = 300.0) -> float:
    """Seconds until the first posted article is stored: the phases time a server whose ingest
    worker has its pipeline loaded, as it has after its first job."""
    t0 = time.monotonic()
    while not ingester.done and time.monotonic() - t0 < limit:
        if ingester.failed:
            raise SystemExit(f"ingest failed: {ingester.failed[0]}")
        time.sleep(0.2)
    if not ingester.done:
        raise SystemExit(f"no posted article was stored within {limit:.0f} s")
    return time.monotonic() - t0


def _ingest_texts() -> list[str]:
    from corpus import generate

    return [d["text"] for d in generate(20, paragraphs_per_article=6, seed=83)]


def _context(base: str) -> dict:
    import httpx

    with httpx.Client(timeout=60) as http:
        listing = http.get(base + "/api/articles", params={"limit": 1000}).json()
        est = http.get(base + "/api/estimates", params={"limit": 1}).json()
        claims = http.get(base + "/api/claims", params={"limit": 1}).json()
    return {"ids": [a["id"] for a in listing["items"]], "pages": max(1, -(-listing["total"] // 50)),
            "est_pages": max(1, -(-est["total"] // 50)), "claims": claims["total"]}


def _start_server(db: str, workers: int | None) -> tuple[subprocess.Popen, str, int]:
    import httpx

    port = free_port()
    cmd = [sys.executable, "-m", "claimwatch", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)]
    if workers:
        cmd += ["--workers", str(workers)]
    server = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            httpx.get(base + "/api/health", timeout=2).raise_for_status()
            return server, base, port
        except httpx.HTTPError:
            if server.poll() is not None or time.monotonic() > deadline:
                print(server.stderr.read().decode()[-2000:], file=sys.stderr)
                raise SystemExit(1) from None
            time.sleep(0.3)


def process_tree_cpu(root: int) -> dict[str, float]:
    """CPU seconds (user + system) used so far by the processes under ``root`` (itself included),
    split by priority: ``server`` (its own nice value) and ``ingest`` (niced lower: the ingest
    workers). Read from /proc; empty where there is none."""
    ticks = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    out = {"server": 0.0, "ingest": 0.0}
    todo, base_nice = [root], None
    while todo:
        pid = todo.pop()
        try:
            stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            kids = [int(c) for t in Path(f"/proc/{pid}/task").iterdir()
                    for c in (t / "children").read_text().split()]
        except OSError:
            continue
        nice = int(stat[16])
        base_nice = nice if base_nice is None else base_nice
        out["server" if nice <= base_nice else "ingest"] += (int(stat[11]) + int(stat[12])) / ticks
        todo.extend(kids)
    return out


def _print_table(reports: list[dict], workers: str, load: tuple[float, float, float]) -> None:
    print(f"\nload: {workers} server worker process(es); load average before the run "
          f"{load[0]:.1f} {load[1]:.1f} {load[2]:.1f} on {os.cpu_count()} cores; articles ingested through the API "
          "throughout")
    print("| clients | page | req/s | p50 ms | p95 ms | p99 ms |")
    print("|---:|---|---:|---:|---:|---:|")
    for r in reports:
        for kind in ("all", *KINDS, "health"):
            x = r[kind]
            print(f"| {r['clients']} | {kind} | {x['rps']} | {x['p50_ms']} | {x['p95_ms']} | {x['p99_ms']} |")
    for r in reports:
        print(f"{r['clients']} clients: {r['requests']} requests, {r['errors']} errors, list pages "
              f"{r['list_pages_rps']} req/s, answered from the response cache {100 * r['cache_hit_share']:.0f}%, "
              f"posted articles stored during the phase {r['ingests_done']} (job seconds {r['ingest_job_s']}; "
              f"failed {r['ingests_failed']}); server CPU {r['cpu_s']['server']} s "
              f"({r['server_cpu_ms_per_request']} ms per request), ingest workers' CPU {r['cpu_s']['ingest']} s")
    top = reports[-1]
    print(f"goals at {top['clients']} clients: list pages >= {GOAL_RPS:.0f} req/s: {top['list_pages_rps']} "
          f"({'met' if top['list_pages_rps'] >= GOAL_RPS else 'NOT met'}); p95 < {GOAL_P95_MS:.0f} ms: "
          f"{top['all']['p95_ms']} ({'met' if top['all']['p95_ms'] < GOAL_P95_MS else 'NOT met'}); health p95 < "
          f"{GOAL_HEALTH_P95_MS:.0f} ms: {top['health']['p95_ms']} "
          f"({'met' if top['health']['p95_ms'] < GOAL_HEALTH_P95_MS else 'NOT met'})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--clients", default="10,50,200", help="comma-separated client counts, one phase each")
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--db", default=None, help="use this database instead of building one (it gets ingests)")
    ap.add_argument("--workers", type=int, default=None, help="server processes (default: claimwatch serve's own)")
    ap.add_argument("--probe-health", default=None, metavar="HOST:PORT", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.probe_health:  # the health prober's own process (start_prober)
        host, _, port = args.probe_health.rpartition(":")
        print(json.dumps(probe_health(host, int(port), args.seconds)))
        return 0

    if args.db:
        db = args.db
    else:  # a copy of the cached build, so the ingests of one run do not pile up in the cache
        db = fresh_copy(args.articles, "load-run.db")
    from claimwatch.store import Store

    with Store(db) as store:
        token = store.create_token("load-bench")
    load = os.getloadavg()
    server, base, port = _start_server(db, args.workers)
    reports = []
    try:
        ctx = _context(base)
        ingester = Ingester(base, token, _ingest_texts())
        ingester.start()
        warm = _wait_first_ingest(ingester)
        print(f"first posted article stored after {warm:.1f} s; the phases start now", flush=True)
        try:
            import uvloop  # noqa: F401

            runner = uvloop.run
        except ImportError:
            runner = asyncio.run
        for clients in (int(c) for c in args.clients.split(",")):
            before_done, before_failed = len(ingester.done), len(ingester.failed)
            cpu_before = process_tree_cpu(server.pid)
            report = runner(run_phase("127.0.0.1", port, clients, args.seconds, ctx))
            cpu_after = process_tree_cpu(server.pid)
            report["cpu_s"] = {k: round(cpu_after[k] - cpu_before[k], 1) for k in cpu_after}
            report["server_cpu_ms_per_request"] = round(1000 * report["cpu_s"]["server"] / max(1, report["requests"]), 2)
            stored = [seconds for _, seconds in ingester.done[before_done:]]
            report["ingests_done"] = len(stored)
            report["ingest_job_s"] = {"p50": round(pct(stored, 50), 1), "max": round(max(stored), 1)} if stored else None
            report["ingests_failed"] = len(ingester.failed) - before_failed
            reports.append(report)
        ingester.stop.set()
        ingester.join(timeout=120)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    try:  # bounded: a process that kept the pipe open must not hang the report
        server_log = server.communicate(timeout=10)[1].decode(errors="replace")
    except (subprocess.TimeoutExpired, ValueError):
        server_log = "(server log not readable)"
    _print_table(reports, str(args.workers or "default"), load)
    errors = sum(r["errors"] for r in reports)
    if errors:
        print("error samples:", "; ".join(s for r in reports for s in r["error_samples"])[:1500])
        print("server log tail:", server_log[-1500:])
    if ingester.failed:
        print("ingest failures:", "; ".join(str(f) for f in ingester.failed[:3])[:600])
    out = ROOT / ".bench" / "load.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps({"workers": args.workers, "loadavg": load, "phases": reports}, indent=1))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
