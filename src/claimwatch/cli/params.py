"""Option types shared by the listing commands: a filter value that cannot match anything as
written (a date that is not a calendar date, a country that is not a two-letter code) is a
usage error — one ``claimwatch: error:`` line and exit 2 — rather than an empty answer."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import click

__all__ = ["ISO_DATE", "COUNTRY_CODE", "at_least_one"]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")


class IsoDate(click.ParamType):
    """A calendar date written YYYY-MM-DD (kept as that text)."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value).strip()
        if not _ISO_DATE.match(text):
            self.fail(f"{value!r} is not a date (YYYY-MM-DD)", param, ctx)
        try:
            date.fromisoformat(text)
        except ValueError:
            self.fail(f"{value!r} is not a calendar date", param, ctx)
        return text


class CountryCode(click.ParamType):
    """An ISO 3166-1 alpha-2 country code (upper-cased)."""

    name = "iso"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = str(value).strip()
        if not _COUNTRY.match(text):
            self.fail(f"{value!r} is not a two-letter country code (e.g. UA)", param, ctx)
        return text.upper()


ISO_DATE = IsoDate()
COUNTRY_CODE = CountryCode()


def at_least_one(ctx: click.Context, param: click.Parameter, value: int | None) -> int | None:
    """Option callback: a count that must be 1 or more when given."""
    if value is not None and value < 1:
        raise click.BadParameter(f"{value} is not 1 or more", ctx=ctx, param=param)
    return value
