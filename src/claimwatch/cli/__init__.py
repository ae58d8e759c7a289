"""The `claimwatch` command: thin commands over the Python API.

Commands live one module per area (``extract``, ``analyse``, ``store``, ``reconcile``, ``web``,
``evaluate``, ``spark``); each module exposes ``COMMANDS``, a list of click commands.
Every deliberate error is printed as one line, ``claimwatch: error: <input>: <reason>``,
with a non-zero exit code (2 for bad input, 1 otherwise); so are Click's own usage errors
(unknown command or option, missing argument, invalid value: ``claimwatch: error: <command>:
<reason> (see `claimwatch <command> --help`)``, exit 2).

A program may run the command line with the flow's parameters injected:
``main(argv, obj={"extractor": ..., "reconciler": ...})`` (tests use a stand-in extractor).
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from ..errors import ClaimwatchError

__all__ = ["cli", "main", "COMMAND_MODULES", "usage_line"]

COMMAND_MODULES = ("extract", "analyse", "store", "reconcile", "web", "evaluate", "spark")


def usage_line(exc: click.ClickException) -> str:
    """A Click error (usage, bad parameter, file) as the one claimwatch error line."""
    message = " ".join(exc.format_message().split())
    ctx = getattr(exc, "ctx", None)
    if ctx is not None and ctx.parent is not None:
        return f"claimwatch: error: {ctx.info_name}: {message} (see `{ctx.command_path} --help`)"
    return f"claimwatch: error: {message} (see `claimwatch --help`)"


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except ClaimwatchError as exc:
            click.echo(exc.cli_line(), err=True)
            ctx.exit(exc.exit_code)

    def main(self, args: Any = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, **extra: Any) -> Any:
        """Click's standalone handling, with every error printed as one claimwatch error line."""
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except click.exceptions.Abort:
            click.echo("claimwatch: error: aborted", err=True)
            sys.exit(1)
        except click.ClickException as exc:
            click.echo(usage_line(exc), err=True)
            sys.exit(exc.exit_code)
        except ClaimwatchError as exc:  # raised outside a command's invoke
            click.echo(exc.cli_line(), err=True)
            sys.exit(exc.exit_code)
        sys.exit(rv if isinstance(rv, int) else 0)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimwatch")
def cli() -> None:
    """claimwatch: sourced, uncertainty-aware claims from news reports."""


for _name in COMMAND_MODULES:
    for _command in importlib.import_module(f"{__name__}.{_name}").COMMANDS:
        cli.add_command(_command)


def main(argv: list[str] | None = None, *, obj: dict[str, Any] | None = None) -> None:
    """The ``claimwatch`` command; ``obj`` carries injected flow parameters (see above)."""
    cli.main(args=argv, prog_name="claimwatch", standalone_mode=True, obj=obj)
