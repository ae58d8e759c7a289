"""CLI commands: ``claimwatch eval GOLD`` — score claimwatch against a gold file.

GOLD is a dev set in the JSONL layer format or a claim-level gold JSON (``seed.gold.json``
style; its text is its ``text`` key or the ``<name>.txt`` beside it, or ``--text``).
"""

from __future__ import annotations

import json

import click

__all__ = ["COMMANDS", "eval_command"]

_LAYERS = ("quantities", "attributions", "timexes", "toponyms", "events", "claims")


def _fail(ctx: click.Context, where: str, reason: str, code: int = 2) -> None:
    click.echo(f"claimwatch: error: {where}: {reason}", err=True)
    ctx.exit(code)


@click.command("eval")
@click.argument("gold")
@click.option("--layers", default=",".join(_LAYERS), show_default=True,
              help="comma-separated layers to score")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: readable scores; json: every score, for scripts")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="score only the first N documents")
@click.option("--peers/--no-peers", default=False, show_default=True,
              help="also run the peer baselines (quantulum3, dateparser, spaCy, textacy) on the same documents")
@click.option("--text", "text_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="article text for a claim-level gold file")
@click.option("--worst", type=click.IntRange(min=0), default=10, show_default=True,
              help="error patterns shown per layer")
@click.pass_context
def eval_command(ctx: click.Context, gold: str, layers: str, fmt: str, limit: int | None, peers: bool,
                 text_path: str | None, worst: int) -> None:
    """Score claimwatch against GOLD: P/R/F1 per layer (exact and overlap spans), value
    accuracies, per-field claim accuracy and the worst error patterns."""
    from ..evaluate.gold import read_gold
    from ..evaluate.peers import peers_for
    from ..evaluate.report import render_detail, render_table
    from ..evaluate.runner import annotated_layers, run_system
    from ..evaluate.systems import ClaimwatchSystem

    wanted = [name.strip() for name in layers.split(",") if name.strip()]
    unknown = [name for name in wanted if name not in _LAYERS]
    if unknown or not wanted:
        _fail(ctx, "--layers", f"unknown layer {', '.join(unknown) or '(none)'}; choose from {', '.join(_LAYERS)}")
    text = None
    if text_path:
        with open(text_path, encoding="utf-8") as fh:
            text = fh.read()
    docs = read_gold(gold, limit=limit, text=text)
    if not docs:
        _fail(ctx, gold, "no gold documents")
    if not [name for name in wanted if name in annotated_layers(docs)]:
        _fail(ctx, gold, f"none of the layers {', '.join(wanted)} is annotated")
    dataset = docs[0].dataset if len({d.dataset for d in docs}) == 1 else gold
    ours = run_system(ClaimwatchSystem(), docs, wanted, dataset=dataset)
    theirs = []
    if peers:
        annotated = [layer for layer in wanted if layer in annotated_layers(docs)]
        theirs = [run_system(peer, docs, layers, dataset=dataset) for peer, layers in peers_for(annotated)]
    if fmt == "json":
        click.echo(json.dumps({"claimwatch": ours.to_dict(worst), "peers": [p.to_dict(worst) for p in theirs]},
                              indent=1, default=str, ensure_ascii=False))
    else:
        click.echo(render_detail(ours, worst))
        for peer in theirs:
            click.echo("")
            click.echo(render_detail(peer, worst))
        if theirs:
            click.echo("")
            click.echo(render_table([(ours, theirs)]))
    if ours.unavailable:
        ctx.exit(1)


COMMANDS = [eval_command]
