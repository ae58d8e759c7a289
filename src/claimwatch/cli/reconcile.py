"""CLI commands of reconciliation: estimates, incidents, ``reconcile`` and curation.

    claimwatch estimates [--status conflicting] [--event-type death] [--incident ID] [--format table|json]
    claimwatch estimate ID [--format text|json]
    claimwatch incidents [--country UA] [--event-type death] [--format table|json]
    claimwatch incident ID [--format text|json]
    claimwatch reconcile [--article ID ...]     (recompute estimates; all when no article is given)
    claimwatch curate ACTION ESTIMATE ... --who NAME --why REASON
    claimwatch curations [ESTIMATE]
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..model import ESTIMATE_KINDS, ESTIMATE_STATUSES, EVENT_TYPES, MEASURES, Estimate, Incident
from ..settings import load_settings
from .params import COUNTRY_CODE, ISO_DATE
from .store import db_option

__all__ = ["COMMANDS", "estimates_cmd", "estimate_cmd", "reconcile_cmd", "incidents_cmd", "incident_cmd",
           "curate_cmd", "curations_cmd", "render_estimate", "render_incident"]



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
@click.option("--incident", default=None, metavar="ID", help="Only the estimates of this incident.")
@click.option("--kind", type=click.Choice(ESTIMATE_KINDS), help="Only figures (count), events or statements.")
@click.option("--measure", type=click.Choice(MEASURES), help="Only incident figures, period totals or running totals.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: one row per estimate; json: the SPEC §7 objects as a list.")
@db_option
def estimates_cmd(status, event_type, incident, kind, measure, fmt, db):
    """List cross-report estimates (SPEC §7)."""
    ests = _store(db).list_estimates(status=status, event_type=event_type, incident=incident, kind=kind,
                                     measure=measure)
    if fmt == "json":
        click.echo(json.dumps([e.to_dict() for e in ests], ensure_ascii=False, indent=1))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("id", "kind", "event", "unit", "measure", "low", "best", "high", "status", "ind.", "claims",
                "incident", "origin", "places"):
        table.add_column(col, no_wrap=col in ("id", "status", "incident"))
    for e in ests:
        table.add_row(e.id, e.kind, e.event_type or "-", e.unit or "-", e.measure or "-", _num(e.low), _num(e.best),
                      _num(e.high), e.status, str(e.independent_sources), str(len(e.claims)), e.incident or "-",
                      (e.origin.name if e.origin else None) or "-", _place_names(e))
    Console(width=200).print(table)
    click.echo(f"{len(ests)} estimate(s)")


def render_estimate(e: Estimate) -> str:
    """An estimate as text: the reasoning, then every claim with its evidence, grouped by source."""
    head = f"estimate {e.id}: {e.kind} {e.event_type or '?'}" + (f" / {e.unit or '?'} ({e.measure})" if e.kind == "count" else "")
    out = [head + (f", incident {e.incident}" if e.incident else "") + (f", part of {e.part_of}" if e.part_of else ""),
           (f"  low {_num(e.low)}  best {_num(e.best)}  high {_num(e.high)}  " if e.kind == "count" else "  ")
           + f"status {e.status}  independent sources {e.independent_sources}",
           f"  why: {e.explanation}"]
    if e.override:
        o = e.override
        out.append(f"  set by {o.get('who')}: {o.get('why')} (computed: low {_num(o['computed'].get('low'))} "
                   f"best {_num(o['computed'].get('best'))} high {_num(o['computed'].get('high'))})")
    for cur in e.curations:
        out.append(f"  curation {cur.get('id')}: {cur.get('action')} by {cur.get('who')} ({cur.get('at') or '-'}): "
                   f"{cur.get('why')}")
    if e.origin:
        out.append(f"  origin: {e.origin.name or '-'} ({e.origin.type or '-'}), first published {e.origin.first_published or '-'}")
    if e.time:
        t = e.time
        out.append(f"  time: {t.get('measure')} {t.get('text') or ''} {t.get('start') or ''}..{t.get('end') or ''}".rstrip())
    out.append(f"  places: {_place_names(e)}")
    groups: "OrderedDict[str, list]" = OrderedDict()
    for member in e.claims:
        groups.setdefault(member.origin_key or "?", []).append(member)
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
@db_option
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
@db_option
def reconcile_cmd(articles, db):
    """Recompute cross-report estimates from the stored claims."""
    from .. import reconcile
    from ..errors import NotFound

    store = _store(db)
    stored = store.has_articles(articles) if articles else set()
    unknown = [a for a in dict.fromkeys(articles) if a not in stored]
    if unknown:
        raise NotFound(unknown[0], detail=f"article {unknown[0]} is not in the store")
    report = reconcile.update_report(store, list(articles) or None)
    click.echo(f"{report.estimates_saved} estimate(s) and {report.incidents_saved} incident(s) saved; "
               f"{report.units_recomputed} of {report.units_total} unit(s) recomputed")


def render_incident(inc: Incident, estimates: list[Estimate]) -> str:
    """An incident as text: when, where, who, and one line per estimate."""
    t = inc.time or {}
    out = [f"incident {inc.id}: {', '.join(inc.event_types) or '-'}",
           f"  when: {t.get('start') or '?'}" + (f"..{t['end']}" if t.get("end") and t.get("end") != t.get("start") else "")
           + f" ({t.get('precision') or 'unknown'})",
           f"  where: {', '.join(p.get('name') or p.get('text') or '' for p in inc.places[:6]) or '-'}"
           f" (country {inc.country or '-'})",
           f"  actors: {'; '.join(a['text'] + ' (' + a['role'] + ')' for a in inc.actors) or '-'}",
           f"  reports: {len(inc.articles)}; sources: {'; '.join(inc.sources[:6]) or '-'}"]
    for e in sorted(estimates, key=lambda e: (e.kind != "count", e.event_type or "", e.id)):
        figure = f"best {_num(e.best)} ({_num(e.low)}..{_num(e.high)}) {e.unit or ''}" if e.kind == "count" else e.kind
        out.append(f"  - {e.id} {e.event_type or '-'}: {figure} [{e.status}, {len(e.claims)} claim(s)] {e.explanation[:100]}")
    return "\n".join(out)


@click.command("incidents")
@click.option("--event-type", "event_type", type=click.Choice(EVENT_TYPES), help="Only incidents with this event type.")
@click.option("--country", type=COUNTRY_CODE, default=None, metavar="ISO",
              help="Only incidents in this country (ISO 3166-1 alpha-2).")
@click.option("--since", type=ISO_DATE, default=None, metavar="DATE", help="Only incidents on or after this ISO date.")
@click.option("--until", type=ISO_DATE, default=None, metavar="DATE", help="Only incidents on or before this ISO date.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="table: one row per incident; json: the incident objects as a list.")
@db_option
def incidents_cmd(event_type, country, since, until, fmt, db):
    """List incidents: the estimates of one real-world incident reported by several articles."""
    incs = _store(db).list_incidents(event_type=event_type, country=country, since=since, until=until)
    if fmt == "json":
        click.echo(json.dumps([i.to_dict() for i in incs], ensure_ascii=False, indent=1))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False)
    for col in ("id", "events", "date", "country", "places", "estimates", "reports", "actors"):
        table.add_column(col, no_wrap=col in ("id", "date"))
    for i in incs:
        table.add_row(i.id, ", ".join(i.event_types[:3]) or "-", (i.time or {}).get("start") or "-", i.country or "-",
                      ", ".join(p.get("name") or p.get("text") or "" for p in i.places[:3]) or "-",
                      str(len(i.estimates)), str(len(i.articles)), "; ".join(a["text"] for a in i.actors[:2]) or "-")
    Console(width=180).print(table)
    click.echo(f"{len(incs)} incident(s)")


@click.command("incident")
@click.argument("incident_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: when, where, who and its estimates; json: the incident with its estimates.")
@db_option
def incident_cmd(incident_id, fmt, db):
    """Show one incident with its estimates."""
    store = _store(db)
    inc = store.get_incident(incident_id)
    ests = store.list_estimates(incident=incident_id)
    if fmt == "json":
        click.echo(json.dumps(dict(inc.to_dict(), estimates=[e.to_dict() for e in ests]), ensure_ascii=False, indent=1))
    else:
        click.echo(render_incident(inc, ests))


F = TypeVar("F", bound=Callable[..., Any])

_who = click.option("--who", required=True, help="Reviewer name recorded in the revision log.")
_why = click.option("--why", required=True, help="Why: recorded in the revision log with the change.")


def _logged(command: F) -> F:
    """The options every curation takes: ``--who``, ``--why`` (for the log) and ``--db``."""
    return _who(_why(db_option(command)))


def _estimate_and_claims(command: F) -> F:
    """The arguments of a curation that names claims: ESTIMATE then one or more CLAIMS."""
    return click.argument("estimate")(click.argument("claims", nargs=-1, required=True)(command))


def _curate(db, action, estimate, who, why, claims=(), target=None, value=None):
    from ..reconcile import curate

    res = curate(_store(db), action, estimate, who=who, why=why, claims=list(claims), target=target, value=value)
    click.echo(f"curation {res.curation['id']} ({action}) logged by {res.curation['who']}; "
               f"estimates now: {', '.join(e.id for e in res.estimates) or '-'}")


@click.group("curate")
def curate_cmd():
    """Fix an estimate: detach, move, merge, split, mark or override (logged with who and why)."""


@curate_cmd.command("detach")
@_estimate_and_claims
@_logged
def curate_detach(estimate, claims, who, why, db):
    """Take claims (ARTICLE:CLAIM uids) out of an estimate."""
    _curate(db, "detach", estimate, who, why, claims)


@curate_cmd.command("move")
@_estimate_and_claims
@click.option("--to", "target", required=True, metavar="ESTIMATE", help="The estimate the claims belong to.")
@_logged
def curate_move(estimate, claims, target, who, why, db):
    """Move claims from one estimate to another."""
    _curate(db, "move", estimate, who, why, claims, target=target)


@curate_cmd.command("merge")
@click.argument("estimate")
@click.argument("other")
@_logged
def curate_merge(estimate, other, who, why, db):
    """Merge OTHER into ESTIMATE: they measure the same thing."""
    _curate(db, "merge", estimate, who, why, target=other)


@curate_cmd.command("split")
@_estimate_and_claims
@_logged
def curate_split(estimate, claims, who, why, db):
    """Split claims off an estimate into an estimate of their own."""
    _curate(db, "split", estimate, who, why, claims)


@curate_cmd.command("mark")
@_estimate_and_claims
@click.option("--as", "kind", required=True, type=click.Choice(("part",) + MEASURES),
              help="part (of a total), running (total), period (total) or incident (figure).")
@click.option("--of", "total", default=None, metavar="ESTIMATE", help="For --as part: the estimate of the total.")
@_logged
def curate_mark(estimate, claims, kind, total, who, why, db):
    """Mark figures as a part of a total, a running total, a period total or an incident figure."""
    _curate(db, "mark", estimate, who, why, claims, value={"as": kind, "of": total})


@curate_cmd.command("override")
@click.argument("estimate")
@click.option("--low", type=float, default=None, help="The reviewer's low figure.")
@click.option("--best", type=float, default=None, help="The reviewer's best figure.")
@click.option("--high", type=float, default=None, help="The reviewer's high figure.")
@_logged
def curate_override(estimate, low, best, high, who, why, db):
    """Set an estimate's low/best/high (the computed figures are kept alongside)."""
    _curate(db, "override", estimate, who, why, value={"low": low, "best": best, "high": high})


@click.command("curations")
@click.argument("estimate", required=False)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: one line per curation; json: the log entries.")
@db_option
def curations_cmd(estimate, fmt, db):
    """The curation log (who changed which estimate, how and why), oldest first."""
    log = _store(db).curations(estimate)
    if fmt == "json":
        click.echo(json.dumps(log, ensure_ascii=False, indent=1))
        return
    for c in log:
        detail = " ".join(x for x in (" ".join(c.get("claims") or []), f"-> {c['target']}" if c.get("target") else "",
                                      json.dumps(c["value"]) if c.get("value") else "") if x)
        click.echo(f"{c['id']:>4}  {c.get('at') or '-'}  {c['who']}: {c['action']} {c['estimate']} {detail} — {c['why']}")
    click.echo(f"{len(log)} curation(s)")


COMMANDS = [estimates_cmd, estimate_cmd, incidents_cmd, incident_cmd, reconcile_cmd, curate_cmd, curations_cmd]
