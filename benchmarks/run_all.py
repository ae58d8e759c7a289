"""`make bench`: run every benchmark in this folder, one after the other.

Each ``*_bench.py`` is a script that prints its own table; wall-time targets are
checked here, never in the tests. ``BENCH_ONLY=extract,reconcile`` runs a subset.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = ("extract", "reconcile", "ingest", "page_cpu", "load", "scale")


def main() -> int:
    only = {x.strip() for x in os.environ.get("BENCH_ONLY", "").split(",") if x.strip()}
    failed = []
    for name in ORDER:
        script = HERE / f"{name}_bench.py"
        if not script.exists() or (only and name not in only):
            continue
        print(f"\n=== {script.name} ===", flush=True)
        if subprocess.call([sys.executable, str(script)], cwd=HERE.parent) != 0:
            failed.append(script.name)
    if failed:
        print(f"\nbenchmarks that failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
