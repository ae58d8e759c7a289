"""CLI commands of reconciliation: ``estimates``, ``estimate ID`` and ``reconcile``.

    claimwatch estimates [--status conflicting] [--event-type death] [--format table|json]
    claimwatch estimate ID [--format text|json]
    claimwatch reconcile [--article ID ...]     (recompute estimates; all when no article is given)
"""

from __future__ import annotations

import json
from collections import OrderedDict

import click

from ..model import ESTIMATE_STATUSES, EVENT_TYPES, Estimate
from ..settings import load_settings

__all__ = ["COMMANDS", "estimates_cmd", "estimate_cmd", "reconcile_cmd", "render_estimate"]

_db_option = click.option("--db", "db", default=None, metavar="URL",
                          help="Database URL (sqlite:///file.db or postgresql://...); default: settings.db")


def _store(db: str | None):
    from ..store import Store

    return Store(db or load_settings().db)


def _num(x) -> str:
    if x is None:
        return "-"
    return f"{int(x):,}" if float(x).is_integer() else f"{x:,.1f}"


def _place_names(e: Estimate) -> str:
    return ", ".join(dict.fromkeys(p.get("name") or p.get("text") or "" for p in e.places)) or "-"


@click.command("estimates")
@click.option("--status", type=click.Choice(ESTIMATE_STATUSES), help="Only estimates with this status.")
@click.option("--event-type", "event_type", type=click.Choice(EVENT_TYPES), help="Only this event type.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: one row per estimate; json: the SPEC §7 objects as a list.")
@_db_option
def estimates_cmd(status, event_type, fmt, db):
    """List cross-report estimates (SPEC §7)."""
    ests = _store(db).list_estimates(status=status, event_type=event_type)
    if fmt == "json":
        click.echo(json.dumps([e.to_dict() for e in ests], ensure_ascii=False, indent=1))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("id", "event", "unit", "low", "best", "high", "status", "ind.", "claims", "origin", "places"):
        table.add_column(col, no_wrap=col in ("id", "status"))
    for e in ests:
        table.add_row(e.id, e.event_type or "-", e.unit or "-", _num(e.low), _num(e.best), _num(e.high), e.status,
                      str(e.independent_sources), str(len(e.claims)), (e.origin.name if e.origin else None) or "-",
                      _place_names(e))
    Console(width=160).print(table)
    click.echo(f"{len(ests)} estimate(s)")


def render_estimate(e: Estimate) -> str:
    """An estimate as text: the reasoning, then every claim with its evidence, grouped by source."""
    out = [f"estimate {e.id}: {e.event_type or '?'} / {e.unit or '?'}",
           f"  low {_num(e.low)}  best {_num(e.best)}  high {_num(e.high)}  status {e.status}  "
           f"independent sources {e.independent_sources}",
           f"  why: {e.explanation}"]
    if e.origin:
        out.append(f"  origin: {e.origin.name or '-'} ({e.origin.type or '-'}), first published {e.origin.first_published or '-'}")
    if e.time:
        t = e.time
        out.append(f"  time: {t.get('measure')} {t.get('text') or ''} {t.get('start') or ''}..{t.get('end') or ''}".rstrip())
    out.append(f"  places: {_place_names(e)}")
    groups: "OrderedDict[str, list]" = OrderedDict()
    for c in e.claims:
        groups.setdefault(c.origin_key or "?", []).append(c)
    names = {s.get("key"): s for s in e.sources}
    for key, claims in groups.items():
        s = names.get(key, {})
        out.append(f"\n  source {key}: {s.get('name') or 'unattributed'} ({s.get('type') or '-'}), "
                   f"{len(claims)} claim(s), outlets: {', '.join(s.get('outlets') or []) or '-'}")
        for c in claims:
            q = c.source.get("quantity_text") or _num(c.best)
            flag = f"  [superseded by {c.source['superseded_by']}]" if c.source.get("superseded_by") else ""
            out.append(f"    - {q} ({_num(c.low)}..{_num(c.high)}) {c.source.get('outlet') or '-'} "
                       f"{c.published or '-'} {c.url or ''}{flag}")
            out.append(f"      claim {c.article_id}:{c.claim_id} span {list(c.span) if c.span else '-'}: {c.text}")
    if e.timeline:
        out.append("\n  timeline:")
        for t in e.timeline:
            flag = " (superseded)" if t.get("superseded_by") else ""
            out.append(f"    {t.get('date') or '-'}  {t.get('text')}  {t.get('source') or '-'}{flag}")
    return "\n".join(out)


@click.command("estimate")
@click.argument("estimate_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: the reasoning and every claim grouped by source; json: the SPEC §7 object.")
@_db_option
def estimate_cmd(estimate_id, fmt, db):
    """Show one estimate: every claim with its evidence, grouped by source, and the reasoning."""
    e = _store(db).get_estimate(estimate_id)
    if fmt == "json":
        click.echo(json.dumps(e.to_dict(), ensure_ascii=False, indent=1))
    else:
        click.echo(render_estimate(e))


@click.command("reconcile")
@click.option("--article", "articles", multiple=True, metavar="ID",
              help="Recompute only the estimates these articles touch (repeatable); default: everything.")
@_db_option
def reconcile_cmd(articles, db):
    """Recompute cross-report estimates from the stored claims."""
    from .. import reconcile

    report = reconcile.update_report(_store(db), list(articles) or None)
    click.echo(f"{report.estimates_saved} estimate(s) saved; {report.blocks_recomputed} of "
               f"{report.blocks_total} block(s) recomputed")


COMMANDS = [estimates_cmd, estimate_cmd, reconcile_cmd]
