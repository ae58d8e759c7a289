"""Click's own usage errors come out in the one claimwatch error shape (exit 2, one line)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("argv, line", [
    (["nope"], "claimwatch: error: No such command 'nope'. (see `claimwatch --help`)"),
    (["ingest"], "claimwatch: error: ingest: Missing argument 'INPUTS...'. (see `claimwatch ingest --help`)"),
    (["extract", "x.txt", "--format", "pdf"],
     "claimwatch: error: extract: Invalid value for '--format': 'pdf' is not one of 'table', 'json', 'jsonl'. "
     "(see `claimwatch extract --help`)"),
    (["claims", "--limit", "many"],
     "claimwatch: error: claims: Invalid value for '--limit': 'many' is not a valid integer. "
     "(see `claimwatch claims --help`)"),
])
def test_usage_errors_are_one_claimwatch_line(argv, line):
    proc = subprocess.run([sys.executable, "-m", "claimwatch", *argv], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip() == line
    assert proc.stdout == ""


def test_an_unknown_option_is_one_claimwatch_line():
    proc = subprocess.run([sys.executable, "-m", "claimwatch", "estimates", "--bogus"], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    assert proc.stderr.startswith("claimwatch: error: estimates: No such option")  # Click words it per version
    assert proc.stderr.strip().endswith("--bogus'. (see `claimwatch estimates --help`)") or \
        proc.stderr.strip().endswith("--bogus (see `claimwatch estimates --help`)")


def test_help_and_version_still_exit_0():
    for argv in (["--help"], ["ingest", "--help"], ["--version"]):
        proc = subprocess.run([sys.executable, "-m", "claimwatch", *argv], capture_output=True, text=True, timeout=120)
        assert proc.returncode == 0 and proc.stdout and not proc.stderr


def test_the_same_shape_through_click_testing():
    from click.testing import CliRunner

    from claimwatch.cli import cli

    res = CliRunner().invoke(cli, ["ingest"])
    assert res.exit_code == 2
    assert "claimwatch: error: ingest: Missing argument 'INPUTS...'." in res.output
