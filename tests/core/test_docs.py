"""Every command, option and setting is documented, and the docs are current."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _gen():
    spec = importlib.util.spec_from_file_location("gen_docs", ROOT / "scripts" / "gen_docs.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_cli_reference_is_current():
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == _gen().cli_markdown(), \
        "docs/cli.md is stale: run python scripts/gen_docs.py"


def test_cli_reference_shows_defaults_as_a_user_types_them():
    import re

    shown = re.findall(r"^\| `[^`]+` \| `([^`]*)` \|", _gen().cli_markdown(), flags=re.M)
    assert shown, "the reference lists no defaults"
    assert not [d for d in shown if d.startswith(("Sentinel", "<"))], "an internal marker shown as a default"


def test_settings_reference_is_current():
    assert (ROOT / "docs" / "settings.md").read_text(encoding="utf-8") == _gen().settings_markdown(), \
        "docs/settings.md is stale: run python scripts/gen_docs.py"


def test_published_claim_schema_is_current():
    assert (ROOT / "docs" / "claim.schema.json").read_text(encoding="utf-8") == _gen().claim_schema_json(), \
        "docs/claim.schema.json is stale (a field of a claim changed): run python scripts/gen_docs.py"


def test_every_command_and_option_has_help_and_is_in_the_readme():
    import click

    from claimwatch.cli import cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"claimwatch {name}" in readme, f"README does not show `claimwatch {name}`"
    for path, cmd in _gen()._walk(cli, "claimwatch"):
        assert (cmd.help or "").strip(), f"{path} has no help text"
        for p in cmd.params:
            if isinstance(p, click.Option):
                assert p.help, f"{path} {p.opts[0]} has no help text"


def test_readme_starts_with_the_two_setup_commands():
    head = (ROOT / "README.md").read_text(encoding="utf-8").split("\n")[:8]
    assert any(line.startswith("make run") for line in head)
    assert any(line.startswith("make test") for line in head)
