"""Static checks: ruff (pyflakes, pycodestyle, import order, McCabe complexity ≤ 25) and mypy,
configured in pyproject.toml.

* No function in ``src/`` above cyclomatic complexity 25 (ruff's C901), except in the three
  rule modules that are being rewritten (``PENDING_SPLIT``); phase 2 of issue 14 splits them
  and empties that list.
* ruff and mypy are clean on the areas listed in ``CLEAN``; the list grows to the whole of
  ``src/`` (and then ``make test`` runs both on everything).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "claimwatch"

#: modules whose rule functions are still over the complexity limit (to be split along their seams)
PENDING_SPLIT: tuple[str, ...] = ()

#: areas held clean by ruff and mypy
CLEAN = ("model.py", "errors.py", "settings.py", "schema.py", "dedup.py", "flow", "ingest", "store", "spark", "cli",
         "export", "web")


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    found = str(exe) if exe.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed (it is in the test extra: pip install -e '.[test]')")
    return found


def _run(args: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_no_function_above_complexity_25():
    files = [str(p) for p in sorted(SRC.rglob("*.py")) if str(p.relative_to(SRC)) not in PENDING_SPLIT]
    proc = _run([_tool("ruff"), "check", "--select", "C901", "--output-format", "concise", *files])
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_pending_split_list_is_honest():
    """Every module still exempt really is over the limit (a module split is taken off the list)."""
    for rel in PENDING_SPLIT:
        proc = _run([_tool("ruff"), "check", "--select", "C901", "--output-format", "concise", str(SRC / rel)])
        assert proc.returncode != 0, f"{rel} is under the complexity limit now: take it off PENDING_SPLIT"


def test_ruff_is_clean_on_the_clean_areas():
    proc = _run([_tool("ruff"), "check", "--output-format", "concise", *[str(SRC / a) for a in CLEAN]])
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_mypy_is_clean_on_the_clean_areas():
    proc = _run([_tool("mypy"), *[str(SRC / a) for a in CLEAN]])
    problems = [line for line in proc.stdout.splitlines()
                if any(line.startswith(f"src/claimwatch/{a}") for a in CLEAN)]
    assert not problems, "\n".join(problems)
