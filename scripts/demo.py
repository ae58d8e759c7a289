"""`make run`: the demo, on an embedded SQLite store (./demo/claimwatch.db).

1. ingest a small corpus of reports (29 articles, several outlets per story) into SQLite;
2. reconcile them and list the estimates (corroborated, conflicting, superseded ...);
3. extract the seed article and print its claims in the table view.
Each step is the `claimwatch` command a user would type, echoed before it runs.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DB = ROOT / "demo" / "claimwatch.db"


def run(*args: str) -> None:
    print(f"\n$ claimwatch {' '.join(args)}", flush=True)
    subprocess.run([sys.executable, "-m", "claimwatch", *args], cwd=ROOT, check=True)


def main() -> int:
    DB.parent.mkdir(exist_ok=True)
    url = f"sqlite:///{DB.relative_to(ROOT)}"
    run("ingest", "tests/data/reconcile/corpus.jsonl", "--db", url)
    run("estimates", "--db", url)
    run("extract", "tests/data/seed/seed.txt", "--format", "table")
    return 0


if __name__ == "__main__":
    sys.exit(main())
