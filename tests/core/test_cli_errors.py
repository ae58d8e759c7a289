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


@pytest.mark.parametrize("argv, problem", [
    (["claims", "--since", "bad"], "'bad' is not a date (YYYY-MM-DD)"),
    (["claims", "--until", "2025-02-30"], "'2025-02-30' is not a calendar date"),
    (["claims", "--limit", "-1"], "-1 is not 1 or more"),
    (["export", "--format", "csv", "--since", "2025-13-01"], "'2025-13-01' is not a calendar date"),
    (["export", "--format", "acled", "--until", "yesterday"], "'yesterday' is not a date (YYYY-MM-DD)"),
    (["incidents", "--since", "2025-99-99"], "'2025-99-99' is not a calendar date"),
    (["incidents", "--country", "XXX"], "'XXX' is not a two-letter country code (e.g. UA)"),
])
def test_a_filter_that_cannot_match_as_written_is_a_usage_error(tmp_path, argv, problem):
    # before: an empty (or unfiltered) answer and exit 0, as if nothing matched
    from click.testing import CliRunner

    from claimwatch.cli import cli

    db = tmp_path / "never.db"
    res = CliRunner().invoke(cli, [*argv, "--db", f"sqlite:///{db}"])
    assert res.exit_code == 2, res.output
    lines = res.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"claimwatch: error: {argv[0]}: ") and problem in lines[0], lines
    assert not db.exists()  # refused before the store is opened


def test_valid_filters_still_pass(tmp_path):
    from click.testing import CliRunner

    from claimwatch.cli import cli

    db = f"sqlite:///{tmp_path / 'empty.db'}"
    for argv in (["claims", "--since", "2025-01-01", "--until", "2025-12-31", "--limit", "5", "--format", "json"],
                 ["incidents", "--country", "ua", "--since", "2025-01-01", "--format", "json"]):
        res = CliRunner().invoke(cli, [*argv, "--db", db])
        assert res.exit_code == 0 and res.output.strip().endswith("]"), res.output


@pytest.mark.parametrize("argv, start", [
    (["estimate", "no-such-estimate"], "claimwatch: error: "),
    (["show", "no-such-article"], "claimwatch: error: "),
    (["claims", "--since", "yesterday"], "claimwatch: error: "),
])
def test_a_value_that_names_nothing_or_cannot_be_used_is_bad_input(argv, start, tmp_path):
    db = f"sqlite:///{tmp_path / 'store.db'}"
    proc = subprocess.run([sys.executable, "-m", "claimwatch", *argv, "--db", db], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith(start) and len(proc.stderr.strip().splitlines()) == 1
    assert proc.stdout == ""


def test_reconciling_an_article_not_in_the_store_is_refused(tmp_path):
    db = f"sqlite:///{tmp_path / 'store.db'}"
    proc = subprocess.run([sys.executable, "-m", "claimwatch", "reconcile", "--article", "no-such-article", "--db", db],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.strip() == "claimwatch: error: no-such-article: not found: article no-such-article is not in the store"
