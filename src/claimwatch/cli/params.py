"""Option types shared by the listing commands: a filter value that cannot match anything as
written (a date that is not a calendar date, a country that is not a two-letter code) is a
usage error — one ``claimwatch: error:`` line and exit 2 — rather than an empty answer. The
check is the lists' own (``store.lists.filter_value``), so the CLI and the API refuse alike."""

from __future__ import annotations

from typing import Any

import click

__all__ = ["ISO_DATE", "COUNTRY_CODE", "at_least_one"]


class ListFilter(click.ParamType):
    """A value of the list filter ``filter_name``, checked as the API checks it."""

    def __init__(self, filter_name: str, name: str) -> None:
        self.filter_name = filter_name
        self.name = name

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        from ..store.lists import filter_value  # imported when an option is given, not at start-up

        checked, problem = filter_value(self.filter_name, str(value).strip())
        if problem:
            self.fail(problem, param, ctx)
        return checked


ISO_DATE = ListFilter("since", "date")  # since and until take the same check
COUNTRY_CODE = ListFilter("country", "iso")


def at_least_one(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
    """Option callback: a count that must be 1 or more when given."""
    if value is not None and value < 1:
        raise click.BadParameter(f"{value} is not 1 or more", ctx=ctx, param=param)
    return value
