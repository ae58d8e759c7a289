"""One table, one run, the same generated articles: bare spaCy, claimwatch extract (1 and 2
processes), ingest into SQLite, Spark local[1] and local[2]; then the cost at 3 article lengths.

Each configuration runs in its own process; its peak RSS is the largest total resident memory
of that process and all its descendants (workers, the Spark JVM and its Python workers),
sampled every 0.1 s from /proc. Timings exclude start-up (loading spaCy, starting the JVM):
every row is steady-state throughput. Ratios are throughput relative to bare spaCy measured
in the same run.

    python benchmarks/scale_bench.py                 # 1,000 articles (BENCH_ARTICLES to change)
    python benchmarks/scale_bench.py --config bare --input FILE   # one configuration (internal)
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import generate, write_jsonl  # noqa: E402

CONFIGS = ("bare", "extract-1", "extract-2", "ingest-sqlite", "spark-local-1", "spark-local-2")


def _docs(path: str) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _extract_chunk(chunk: list[dict]) -> int:
    from claimwatch.extract.api import extract_many
    from claimwatch.ingest.document import Document

    docs = [Document(text=d["text"], published=d.get("published"), url=d.get("url")) for d in chunk]
    return sum(len(getattr(r, "claims", [])) for r in extract_many(docs))


WARM_TEXT = ("Police in Calais said on Monday that 12 migrants were detained and at least three people "
             "drowned when their boat capsized in the Channel, according to the prefecture.")


def _warm(n: int) -> None:
    """Load spaCy and every lazily loaded resource of the stages (gazetteer, lexicons)."""
    from claimwatch.extract.api import extract_many
    from claimwatch.ingest.document import Document

    list(extract_many([Document(text=WARM_TEXT, published="2024-01-08")]))


def _tree_rss_kb(root: int) -> int:
    """Resident memory of ``root`` and all its descendants (kB), from /proc."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            pid = int(entry)
            parent[pid] = int(fields[1])
            rss[pid] = int(fields[21]) * (os.sysconf("SC_PAGE_SIZE") // 1024)
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [root]
    children: dict[int, list[int]] = {}
    for pid, ppid in parent.items():
        children.setdefault(ppid, []).append(pid)
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


class TreeRSS:
    """Samples the process tree's total RSS every 0.1 s; ``peak_mb`` is the largest sample."""

    def __init__(self) -> None:
        import threading

        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            self.peak_kb = max(self.peak_kb, _tree_rss_kb(me))
            self._stop.wait(0.1)

    def __enter__(self) -> "TreeRSS":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak_kb = max(self.peak_kb, _tree_rss_kb(os.getpid()))

    @property
    def peak_mb(self) -> float:
        return self.peak_kb / 1024


def _spark_warm(_items):
    import time as _t

    _warm(0)
    _t.sleep(1.0)  # keep the task alive so every core's worker loads its own pipeline
    return iter([0])


def run_config(name: str, path: str, workdir: str) -> dict:
    """Run one configuration; the timed part excludes loading spaCy / starting the JVM (done
    before the clock starts), so every row measures steady-state throughput."""
    docs = _docs(path)
    with TreeRSS() as mem:
        if name == "bare":
            from claimwatch.extract.pipeline import load_nlp

            nlp = load_nlp()
            list(nlp.pipe(["Warm-up sentence for the parser."]))
            t = time.perf_counter()
            for _ in nlp.pipe((d["text"] for d in docs), batch_size=32):
                pass
            seconds = time.perf_counter() - t
        elif name.startswith("extract-"):
            procs = int(name.split("-")[1])
            if procs == 1:
                _warm(0)
                t = time.perf_counter()
                _extract_chunk(docs)
                seconds = time.perf_counter() - t
            else:
                from multiprocessing import get_context

                chunks = [docs[i::procs * 4] for i in range(procs * 4)]
                with get_context("spawn").Pool(procs, initializer=_warm, initargs=(0,)) as pool:
                    pool.map(_warm, range(procs))  # spaCy loaded in every worker before timing
                    t = time.perf_counter()
                    pool.map(_extract_chunk, chunks, chunksize=1)
                    seconds = time.perf_counter() - t
        elif name == "ingest-sqlite":
            # `claimwatch ingest FILE --db sqlite:///... --workers 1`: read, extract, store, reconcile
            from claimwatch.flow import ingest_inputs
            from claimwatch.store import Store

            _warm(0)
            store = Store(f"sqlite:///{Path(workdir) / 'bench.db'}")
            t = time.perf_counter()
            ingest_inputs([path], store, workers=1)  # reconciles what it stored
            seconds = time.perf_counter() - t
            store.close()
        elif name.startswith("spark-local-"):
            from claimwatch.spark.job import SparkJobConfig, run_extract, spark_session

            cores = int(name.rsplit("-", 1)[1])
            spark = spark_session(f"local[{cores}]", conf={"spark.ui.showConsoleProgress": "false"})
            # JVM up, one spaCy pipeline per Python worker, and one small job run end to end
            # (JIT, Parquet writer) before timing
            spark.sparkContext.parallelize(range(cores), cores).mapPartitions(_spark_warm).count()
            warm = write_jsonl(docs[: cores * 4], Path(workdir) / f"warm-{name}.jsonl")
            run_extract(SparkJobConfig(input=str(warm), output=str(Path(workdir) / f"warm-{name}"),
                                       partitions=cores * 4), spark=spark)
            t = time.perf_counter()
            run_extract(SparkJobConfig(input=path, output=str(Path(workdir) / name), partitions=cores * 4), spark=spark)
            seconds = time.perf_counter() - t
            spark.stop()
        else:
            raise SystemExit(f"unknown config {name}")
    return {"seconds": seconds, "rss_mb": mem.peak_mb}


def _spawn(name: str, path: str, workdir: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--config", name, "--input", path, "--workdir", workdir],
                         capture_output=True, text=True)
    if out.returncode != 0:
        return {"error": (out.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(out.stdout.strip().splitlines()[-1])


def _table(configs, path: str, work: str, n: int, words: int) -> None:
    """Run ``configs`` one after the other on ``path``, printing each row as soon as it is measured."""
    print(f"{'configuration':<16}{'seconds':>9}{'articles/s':>12}{'words/s':>10}{'peak RSS MB':>13}{'x bare':>8}"
          f"{'load avg':>10}", flush=True)
    bare = None
    for name in configs:
        r = _spawn(name, path, work)
        load = os.getloadavg()[0]
        if "error" in r:
            print(f"{name:<16} failed: {r['error']}", flush=True)
            continue
        s = r["seconds"]
        if name == "bare":
            bare = s
        ratio = f"{bare / s:.2f}" if bare else "-"
        print(f"{name:<16}{s:>9.1f}{n / s:>12.1f}{words / s:>10.0f}{r['rss_mb']:>13.0f}{ratio:>8}{load:>10.1f}",
              flush=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config")
    ap.add_argument("--input")
    ap.add_argument("--workdir")
    args = ap.parse_args()
    if args.config:
        print(json.dumps(run_config(args.config, args.input, args.workdir)))
        return 0
    n = int(os.environ.get("BENCH_ARTICLES", "1000"))
    configs = [c for c in CONFIGS if c in os.environ.get("BENCH_CONFIGS", ",".join(CONFIGS)).split(",")]
    with tempfile.TemporaryDirectory() as work:
        docs = generate(n)
        path = str(write_jsonl(docs, Path(work) / "articles.jsonl"))
        words = sum(len(d["text"].split()) for d in docs)
        print(f"{n} articles, {words} words, {os.cpu_count()} cores "
              f"(load avg: the machine's 1-minute load average after each row)", flush=True)
        _table(configs, path, work, n, words)
        sizes = [int(x) for x in os.environ.get("BENCH_SIZES", "2,6,18").split(",") if x]
        m = max(50, n // 5)
        if not sizes:
            return 0
        print(f"\ncost by article length ({m} articles each; paragraphs per article {sizes}); with the "
              f"{n}-article table above, the {6 if 6 in sizes else sizes[-1]}-paragraph rows give corpus size "
              f"{m} vs {n}", flush=True)
        for size in sizes:
            docs = generate(m, paragraphs_per_article=size, seed=17)
            p = str(write_jsonl(docs, Path(work) / f"size{size}.jsonl"))
            w = sum(len(d["text"].split()) for d in docs)
            print(f"-- {size} paragraphs, {w / m:.0f} words/article, {w} words", flush=True)
            extra = ("spark-local-2",) if size == 6 and "spark-local-2" in configs else ()
            _table(("bare", "extract-1") + extra, p, work, m, w)
    return 0


if __name__ == "__main__":
    sys.exit(main())
