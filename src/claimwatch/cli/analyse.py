"""``claimwatch analyse FILE|-``: one article's mentions, layer by layer (the public layer API).

Formats: ``table`` (one section per layer), ``json`` (:meth:`claimwatch.Mentions.to_dict`:
``{"text", "published", "quantities": [...], "times": [...], ...}``). A thin wrapper over
:func:`claimwatch.analyse`.
"""

from __future__ import annotations

import json

import click

from ..extract.layers import LAYER_NAMES, Mentions

__all__ = ["COMMANDS", "analyse_command", "render_mentions"]


def _value(layer: str, item) -> str:
    """The normalised value of one item, in a few words."""
    if layer == "quantities":
        bounds = ["…" if v is None else f"{v:g}" for v in (item.low, item.best, item.high)]
        rng = bounds[1] if item.low == item.best == item.high else "–".join(bounds)
        unit = f" {item.unit}" if item.unit else ""
        per = f" per {item.per}" if item.per else ""
        return f"{item.kind}: {rng}{unit}{per} ({item.qualifier}, change {item.change})"
    if layer == "times":
        return f"{item.type} {item.value or '?'} ({item.anchor})"
    if layer == "places":
        where = "unresolved" if item.lat is None else f"{item.lat:.2f},{item.lon:.2f}"
        return f"{item.name or '?'} {where} {item.country or ''} {item.feature or ''}".strip()
    if layer == "attributions":
        roles = [f"{r}: {getattr(item, r).text[:60]}" for r in ("source", "cue") if getattr(item, r) is not None]
        return f"{item.source_type}; " + "; ".join(roles)
    if layer == "events":
        return f"{item.event_type} ({item.certainty}, {item.polarity})"
    return item.label


def render_mentions(mentions: Mentions, layers: tuple[str, ...] = LAYER_NAMES) -> str:
    """The mentions as plain text: one section per layer, one line per item."""
    lines = []
    for layer in layers:
        items = getattr(mentions, layer)
        lines.append(f"{layer} ({len(items)})")
        for item in items:
            text = " ".join(item.text.split())
            text = text if len(text) <= 60 else text[:57] + "..."
            lines.append(f"  [{item.span[0]}:{item.span[1]}] {text!r}  {_value(layer, item)}")
    return "\n".join(lines)


@click.command("analyse")
@click.argument("source", metavar="FILE|-")
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD); overrides the page's date.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: one section per layer; json: the Mentions JSON (text, published and every layer).")
@click.option("--layers", default=",".join(LAYER_NAMES), show_default=True,
              help="comma-separated layers to show (table format)")
def analyse_command(source: str, published: str | None, fmt: str, layers: str) -> None:
    """Show every mention of one article, layer by layer: quantities, times, places,
    attributions, events and entities, each with its span and normalised value."""
    from ..extract.api import normalise_date
    from ..extract.layers import analyse
    from .extract import _read_input

    if published is not None and normalise_date(published) is None:
        raise click.BadParameter(f"{published!r} is not a date (YYYY-MM-DD)", param_hint="--published")
    wanted = tuple(name.strip() for name in layers.split(",") if name.strip())
    unknown = [name for name in wanted if name not in LAYER_NAMES]
    if unknown or not wanted:
        raise click.BadParameter(f"unknown layer {', '.join(unknown) or '(none)'}; choose from "
                                 f"{', '.join(LAYER_NAMES)}", param_hint="--layers")
    document = _read_input(source)
    mentions = analyse(document.text, published or document.published, name=document.name)
    if fmt == "json":
        click.echo(json.dumps(mentions.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(render_mentions(mentions, wanted))


COMMANDS = [analyse_command]
