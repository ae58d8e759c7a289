"""CLI commands of the store area: ``ingest``, ``watch``, ``claims``, ``show``."""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import click

from ..errors import ClaimwatchError, ConfigError, InputError
from ..export.cells import SafeDictWriter
from ..settings import Settings, load_settings
from .params import ISO_DATE, at_least_one

if TYPE_CHECKING:
    from ..flow import IngestResult
    from ..ingest.document import Reject
    from ..store import Store

__all__ = ["COMMANDS", "ingest_cmd", "watch_cmd", "claims_cmd", "show_cmd", "parse_interval"]

log = logging.getLogger("claimwatch.watch")

#: ``--db URL``: the database of a command that reads or writes the store (shared by the CLI modules)
db_option = click.option("--db", "db", default=None, metavar="URL",
                          help="Database URL (sqlite:///file.db or postgresql://...); default: settings.db")


def _store(db: str | None, settings: Settings) -> Store:
    from ..store import Store

    return Store(db or settings.db, dedup_threshold=settings.dedup_threshold)


_INJECTABLE = ("extractor", "reconciler")


def _injected(ctx: click.Context) -> dict[str, Any]:
    """The flow's parameters a program calling the command line passed in
    (``claimwatch.cli.main(argv, obj={"extractor": ...})``); never read from the environment."""
    obj = ctx.find_root().obj
    return {k: obj[k] for k in _INJECTABLE if isinstance(obj, dict) and obj.get(k) is not None}


def _run_ingest(inputs: list[str], store: Store, settings: Settings, *, workers: int | None,
                batch_size: int | None, quiet: bool, reconcile: bool = True, fetch_pages: bool = True,
                skip_url: Callable[[str], bool] | None = None, kind: str = "ingest",
                injected: dict[str, Any] | None = None) -> IngestResult:
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from ..flow import ingest_inputs

    console = Console(stderr=True)
    progress = Progress(
        SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(bar_width=None),
        TextColumn("{task.fields[rate]:.1f} articles/s"),
        TextColumn("[green]{task.fields[accepted]} accepted"), TextColumn("[red]{task.fields[rejected]} rejected"),
        TextColumn("[dim]{task.fields[skipped]} already stored"), TimeElapsedColumn(),
        console=console, disable=quiet, transient=False,
    )
    t0 = time.perf_counter()
    with progress:
        task = progress.add_task(kind, total=None, rate=0.0, accepted=0, rejected=0, skipped=0)

        def on_progress(res: IngestResult) -> None:
            elapsed = max(time.perf_counter() - t0, 1e-6)
            progress.update(task, rate=res.accepted / elapsed, accepted=res.accepted, rejected=res.rejected,
                            skipped=res.already_stored)

        return ingest_inputs(inputs, store, settings=settings, workers=workers, batch_size=batch_size,
                             on_progress=on_progress, fetch_pages=fetch_pages, skip_url=skip_url, kind=kind,
                             reconcile=reconcile, **(injected or {}))


def _notes(res: IngestResult) -> str:
    notes = [n for n in (res.recovery.summary(),) if n]
    if res.estimates is not None:
        notes.append(f"{res.estimates} estimates updated")
    if res.reconcile_error:
        notes.append(f"estimates not updated ({res.reconcile_error}); the next run retries")
    return "".join(f"; {n}" for n in notes)


@click.command("ingest")
@click.argument("inputs", nargs=-1, required=True)
@db_option
@click.option("--workers", type=int, default=None, help="Extraction processes (default: settings.workers, 0 = all cores)")
@click.option("--batch-size", type=int, default=None, help="Articles per transaction (default: settings.batch_size)")
@click.option("--no-fetch", is_flag=True, help="Do not fetch item pages of feeds that carry only summaries")
@click.option("--no-reconcile", is_flag=True, help="Do not update estimates after ingesting (the next run that reconciles does)")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar")
@click.pass_context
def ingest_cmd(ctx: click.Context, inputs: tuple[str, ...], db: str | None, workers: int | None,
               batch_size: int | None, no_fetch: bool, no_reconcile: bool, quiet: bool) -> None:
    """Ingest files, folders, JSONL, RSS/Atom feeds (file or URL), WARC(.gz) or URL lists."""
    settings = load_settings()
    store = _store(db, settings)
    try:
        res = _run_ingest(list(inputs), store, settings, workers=workers, batch_size=batch_size, quiet=quiet,
                          fetch_pages=not no_fetch, reconcile=not no_reconcile, injected=_injected(ctx))
        for r in res.rejects:
            click.echo(f"rejected: {r.name}: {r.reason} [{r.code}]", err=True)
        for w in res.warnings:
            click.echo(f"warning: {w}", err=True)
        click.echo(f"run {res.run_id}: {res.summary()}{_notes(res)}")
        if len(inputs) == 1 and len(res.rejects) == 1 and not res.accepted and not res.already_stored:
            raise _as_error(res.rejects[0])  # a single bad input: one error line, non-zero exit
        if res.reconcile_error:
            raise ClaimwatchError("reconcile", code="E401", detail=res.reconcile_error)
    finally:
        store.close()


def _as_error(reject: Reject) -> ClaimwatchError:
    exc = InputError(reject.name, code=reject.code if reject.code.startswith("E1") else "E107")
    exc.reason = reject.reason
    return exc


_INTERVAL = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")


def parse_interval(value: str) -> float:
    """``90`` / ``90s`` / ``15m`` / ``2h`` / ``1d`` → seconds."""
    m = _INTERVAL.match(value or "")
    if not m:
        raise ConfigError(value, detail="interval must look like 30s, 15m, 2h or 1d")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


@click.command("watch")
@click.argument("feeds", nargs=-1, required=True)
@db_option
@click.option("--every", default=None, help="Polling interval, e.g. 15m (default: settings.watch_every)")
@click.option("--once", is_flag=True, help="Poll once and exit")
@click.option("--workers", type=int, default=None, help="Extraction processes")
@click.option("--no-fetch", is_flag=True, help="Do not fetch item pages of feeds that carry only summaries")
@click.option("--max-backoff", default="6h", show_default=True, help="Longest wait after repeated network errors")
@click.pass_context
def watch_cmd(ctx: click.Context, feeds: tuple[str, ...], db: str | None, every: str | None, once: bool,
              workers: int | None, no_fetch: bool, max_backoff: str) -> None:
    """Poll RSS/Atom feeds and ingest only new items; back off on network errors."""
    from ..ingest.fetch import is_url

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s", stream=sys.stderr)
    settings = load_settings()
    interval = parse_interval(every or settings.watch_every)
    ceiling = parse_interval(max_backoff)
    store = _store(db, settings)
    failures = 0
    try:
        while True:
            try:
                res = _run_ingest(list(feeds), store, settings, workers=workers, batch_size=None, quiet=True,
                                  kind="watch", skip_url=store.has_url, injected=_injected(ctx),
                                  fetch_pages=not no_fetch)
                feed_errors = [r for r in res.rejects if r.name in feeds and r.code in ("E107",)]
                for r in res.rejects:
                    log.info("rejected %s: %s", r.name, r.reason)
                for w in res.warnings:
                    log.info("warning: %s", w)
                log.info("poll: %s%s", res.summary(), _notes(res))
                failures = failures + 1 if feed_errors and len(feed_errors) == len([f for f in feeds if is_url(f)]) else 0
            except ClaimwatchError as exc:
                failures += 1
                log.warning("poll failed: %s", exc.cli_message())
            if once:
                break
            wait = min(interval * (2 ** failures), max(ceiling, interval)) if failures else interval
            if failures:
                log.warning("network errors on every feed (%d in a row); next poll in %.0fs", failures, wait)
            time.sleep(wait)
    except KeyboardInterrupt:
        log.info("stopped")
    finally:
        store.close()


CSV_FIELDS = ["uid", "kind", "event_type", "quantity", "low", "best", "high", "qualifier", "unit", "source",
              "source_type", "certainty", "polarity", "evidential", "time_start", "time_end", "places", "review", "text"]


def _claim_row(c) -> dict:
    q = c.quantity
    return {
        "uid": c.uid, "kind": c.kind, "event_type": c.event_type,
        "quantity": q.text if q else None, "low": q.low if q else None, "best": q.best if q else None,
        "high": q.high if q else None, "qualifier": q.qualifier if q else None, "unit": q.unit if q else None,
        "source": c.source.canonical or c.source.name, "source_type": c.source.type,
        "certainty": c.certainty, "polarity": c.polarity, "evidential": c.evidential,
        "time_start": c.time.start if c.time else None, "time_end": c.time.end if c.time else None,
        "places": "; ".join(p.name or p.text for p in c.places), "review": c.review, "text": c.text,
    }


@click.command("claims")
@db_option
@click.option("--where", "where", multiple=True, metavar="COND",
              help="FIELD OP VALUE, OP one of = != < <= > >= ~ (substring); e.g. --where 'best>100' --where 'source~police'")
@click.option("--source-type", default=None, help="SPEC §4 source type, e.g. law_enforcement, media, social_media")
@click.option("--event-type", default=None, help="SPEC §6 event type, e.g. death, detention, border_crossing")
@click.option("--kind", default=None, help="count | event | statement")
@click.option("--since", type=ISO_DATE, default=None, metavar="DATE", help="Claims about events on or after DATE (ISO)")
@click.option("--until", type=ISO_DATE, default=None, metavar="DATE", help="Claims about events on or before DATE (ISO)")
@click.option("--place", default=None, help="Place name (substring) or ISO country code")
@click.option("--status", default=None, help="Review state: accepted | corrected | rejected | unreviewed")
@click.option("--article", "article_id", default=None, help="Only the claims of this article id")
@click.option("--originals-only", is_flag=True, help="Leave out claims of near-duplicate articles")
@click.option("--limit", type=int, default=None, callback=at_least_one, help="At most this many claims")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True,
              help="Output format")
def claims_cmd(db, where, source_type, event_type, kind, since, until, place, status, article_id, originals_only,
               limit, fmt):
    """List stored claims (reviewed values win), filtered."""
    store = _store(db, load_settings())
    try:
        claims = store.query_claims(source_type=source_type, event_type=event_type, since=since, until=until,
                                    place=place, status=status, article_id=article_id, limit=limit,
                                    where=list(where), kind=kind, include_duplicates=not originals_only)
    finally:
        store.close()
    out = sys.stdout
    if fmt == "json":
        json.dump([c.to_dict() for c in claims], out, ensure_ascii=False, indent=2)
        out.write("\n")
    elif fmt == "csv":
        rows = [_claim_row(c) for c in claims]
        writer = SafeDictWriter(out, fieldnames=CSV_FIELDS, lineterminator="\n")  # no formula cells
        writer.writeheader()
        writer.writerows(rows)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(claims)} claims", show_lines=False)
        for col in ("claim", "event", "quantity", "unit", "source (type)", "certainty", "when", "where", "text"):
            table.add_column(col, overflow="fold")
        for c in claims:
            r = _claim_row(c)
            qty = f"{r['quantity']} ({_fmt(r['low'])}/{_fmt(r['best'])}/{_fmt(r['high'])})" if r["quantity"] else ""
            table.add_row(r["uid"], r["event_type"] or "", qty, r["unit"] or "",
                          f"{r['source'] or '—'} ({r['source_type']})",
                          c.certainty + ("" if c.polarity == "positive" else ", negated") + (f" [{c.review}]" if c.review else ""),
                          r["time_start"] or "", r["places"], c.text[:160])
        Console().print(table)


def _fmt(v) -> str:
    if v is None:
        return "–"
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


_STYLES = {"claim": "underline", "quantity": "bold yellow", "source": "bold cyan", "time": "magenta",
           "place": "green", "actor": "blue"}


@click.command("show")
@click.argument("article_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text: the article with its evidence highlighted; json: SPEC §2 article + claims")
def show_cmd(article_id, db, fmt):
    """Show an article with its claims, evidence highlighted."""
    store = _store(db, load_settings())
    try:
        art = store.get_article(article_id)
    finally:
        store.close()
    if fmt == "json":
        click.echo(json.dumps(dict(art.to_dict(), duplicate_of=art.duplicate_of), ensure_ascii=False, indent=2))
        return
    from rich.console import Console
    from rich.panel import Panel
    from rich.text import Text

    console = Console()
    meta = " · ".join(x for x in (art.outlet, art.published, art.url) if x)
    header = Text(art.title or "(untitled)", style="bold")
    if meta:
        header.append("\n" + meta, style="dim")
    header.append(f"\nid {art.id}" + (f" · near-duplicate of {art.duplicate_of}" if art.duplicate_of else ""), style="dim")
    console.print(Panel(header))
    body = Text(art.text)
    for c in art.claims:
        if c.review == "rejected":
            continue
        roles = ["claim"] + (["quantity"] if c.quantity else []) \
            + (["source"] if c.source.span is not None and c.source.name is not None else []) \
            + (["time"] if c.time is not None and c.time.span is not None else []) \
            + ["place" for p in c.places if p.span is not None] + ["actor" for a in c.actors if a.span is not None]
        for role, (_, (s, e)) in zip(roles, c.spans()):
            body.stylize(_STYLES[role], s, e)
    console.print(body)
    console.print(Text("legend: ", style="dim") + Text("quantity ", style=_STYLES["quantity"])
                  + Text("source ", style=_STYLES["source"]) + Text("time ", style=_STYLES["time"])
                  + Text("place ", style=_STYLES["place"]) + Text("claim evidence", style=_STYLES["claim"]))
    for c in art.claims:
        q = f" {c.quantity.text} → {_fmt(c.quantity.low)}/{_fmt(c.quantity.best)}/{_fmt(c.quantity.high)} {c.quantity.unit or ''}" if c.quantity else ""
        src = c.source.canonical or c.source.name or "author"
        line = Text(f"{c.id} ", style="bold")
        line.append(f"[{c.kind}/{c.event_type or '-'}]{q} · {src} ({c.source.type}) · {c.certainty}"
                    + (", negated" if c.polarity == "negative" else "") + (f" · review: {c.review}" if c.review else ""))
        console.print(line)


COMMANDS = [ingest_cmd, watch_cmd, claims_cmd, show_cmd]
