"""The `claimwatch` command: thin commands over the Python API.

Commands live one module per area (``extract``, ``analyse``, ``store``, ``reconcile``, ``web``,
``evaluate``, ``spark``); each module exposes ``COMMANDS``, a list of click commands.
Every deliberate error is printed as one line, ``claimwatch: error: <input>: <reason>``,
with a non-zero exit code (2 for bad input, 1 otherwise).
"""

from __future__ import annotations

import importlib
import sys

import click

from ..errors import ClaimwatchError

__all__ = ["cli", "main", "COMMAND_MODULES"]

COMMAND_MODULES = ("extract", "analyse", "store", "reconcile", "web", "evaluate", "spark")


class _Group(click.Group):
    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ClaimwatchError as exc:
            click.echo(exc.cli_line(), err=True)
            ctx.exit(exc.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="claimwatch")
def cli() -> None:
    """claimwatch: sourced, uncertainty-aware claims from news reports."""


for _name in COMMAND_MODULES:
    for _command in importlib.import_module(f"{__name__}.{_name}").COMMANDS:
        cli.add_command(_command)


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="claimwatch", standalone_mode=True)
    except ClaimwatchError as exc:  # raised outside a command's invoke
        click.echo(exc.cli_line(), err=True)
        sys.exit(exc.exit_code)
