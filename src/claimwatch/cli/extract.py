"""``claimwatch extract FILE|-``: one article (plain text or HTML, a file or stdin) → its claims.

Formats: ``table`` (a rich terminal view), ``json`` (SPEC §2: ``{"article": ..., "claims": [...]}``),
``jsonl`` (one claim per line). A thin wrapper over :func:`claimwatch.extract.extract`.

In the table a source, time or place the claim inherited from the report's context (SPEC §2
Context) is marked "↳ paragraph @38–48 ↑" (or "article"): the scope, the character offsets of
the words that stated it, and whether they come before (↑) or after (↓) the claim.
"""

from __future__ import annotations

import json
import sys

import click

from ..model import Article, Claim

__all__ = ["COMMANDS", "extract_command", "render_table", "format_range", "inherited_note"]


def _read_input(source: str):
    """A :class:`~claimwatch.ingest.Document` from a path or ``-`` (stdin), through the ingest readers."""
    from ..errors import TooLarge
    from ..ingest import read_bytes, read_path
    from ..settings import load_settings

    if source == "-":
        limit = load_settings().max_input_bytes
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise TooLarge("<stdin>", size=f"more than {limit}", limit=limit)
        return read_bytes(data, "<stdin>")
    try:
        return read_path(source)
    except OSError as exc:  # missing file, directory, permission: one clear line
        from ..errors import UnreadableInput

        raise UnreadableInput(source, detail=exc.strerror or type(exc).__name__) from None


def _num(value) -> str:
    if value is None:
        return "…"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}"


def format_range(claim: Claim) -> str:
    """``low–best–high (qualifier)`` for a count, empty otherwise."""
    q = claim.quantity
    if q is None:
        return ""
    if q.low is None and q.best is None and q.high is None:
        return f"? ({q.qualifier})"
    if q.low == q.best == q.high:
        return f"{_num(q.best)} ({q.qualifier})"
    return f"{_num(q.low)}–{_num(q.best)}–{_num(q.high)} ({q.qualifier})"


def _claim_cell(claim: Claim) -> str:
    what: str = claim.event_type or claim.kind
    if claim.cause:
        what += f"/{claim.cause}"
    if claim.kind == "count" and claim.quantity is not None:
        head = f"{claim.quantity.text} {claim.quantity.unit or ''}".strip()
    else:
        head = claim.text if len(claim.text) <= 90 else claim.text[:87].rstrip() + "…"
    return f"[bold]{what}[/bold]\n{head}"


def inherited_note(scope: str | None, span, claim_span) -> str:
    """How an inherited field is shown: "↳ <scope> @<start>–<end> ↑" — the scope, the character
    offsets of the words that stated it and whether they come before (↑) or after (↓) the claim;
    "" when the claim's own sentence states it."""
    if not scope or scope == "sentence":
        return ""
    if span is None:
        return f"↳ {scope}"
    arrow = "↑" if span[0] < claim_span[0] else "↓" if span[0] >= claim_span[1] else ""
    return f"↳ {scope} @{span[0]}–{span[1]} {arrow}".rstrip()


def _source_cell(claim: Claim) -> str:
    s = claim.source
    if s.type == "author" and not s.name:
        return "author"
    name = s.canonical or s.name or (s.cue or "")
    extra = f", via {s.via}" if s.via else ""
    note = inherited_note(s.scope, s.span, claim.span)
    return f"{name} ({s.type}{extra})" + (f"\n{note}" if note else "")


def _certainty_cell(claim: Claim) -> str:
    parts: list[str] = [claim.certainty]
    if claim.polarity == "negative":
        parts.append("NEGATED")
    if claim.evidential != "author":
        parts.append(claim.evidential)
    return "\n".join(parts)


def _time_cell(claim: Claim) -> str:
    t = claim.time
    if t is None:
        return ""
    note = inherited_note(t.scope, t.span, claim.span)
    value = f"{t.text}\n{t.start or '…'} → {t.end or '…'}" if t.start or t.end else t.text
    return value + (f"\n{note}" if note else "")


def _places_cell(claim: Claim) -> str:
    lines = []
    for p in claim.places:
        note = inherited_note(p.scope, p.span, claim.span)
        lines.append(f"{p.name or p.text} ({p.role})" + (f" {note}" if note else ""))
    return "\n".join(lines)


def render_table(article: Article, console=None) -> None:
    """Print the article's claims as a rich table."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    if console is None:  # a pipe or `make` gets a wide table, a terminal its own width
        import sys

        console = Console() if sys.stdout.isatty() else Console(width=160)
    title = article.title or article.url or article.id
    table = Table(title=f"{escape(title)} — {len(article.claims)} claims", show_lines=True, expand=True)
    for col, kw in (
        ("id", {"no_wrap": True}), ("claim", {"ratio": 4}), ("value range", {"ratio": 2, "min_width": 12}),
        ("source (type)", {"ratio": 2}), ("certainty", {"ratio": 1}), ("time", {"ratio": 2}),
        ("places", {"ratio": 2}),
    ):
        table.add_column(col, **kw)
    for c in article.claims:
        cells = [_claim_cell(c)]
        cells = [cells[0]] + [escape(x) for x in (format_range(c), _source_cell(c), _certainty_cell(c), _time_cell(c), _places_cell(c))]
        first = cells[0].split("\n", 1)
        cells[0] = first[0] + ("\n" + escape(first[1]) if len(first) > 1 else "")
        table.add_row(c.id, *cells)
    console.print(table)


@click.command("extract")
@click.argument("source", metavar="FILE|-")
@click.option("--published", metavar="DATE", help="Publication date (YYYY-MM-DD); overrides the page's date.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "jsonl"]), default="table", show_default=True,
              help="table: terminal view (an inherited source, time or place marked ↳ scope @offsets); "
                   "json: SPEC §2 article + claims; jsonl: one claim per line.")
@click.option("--url", help="The article's URL (kept on the article).")
@click.option("--outlet", help="The outlet that published the article.")
def extract_command(source: str, published: str | None, fmt: str, url: str | None, outlet: str | None) -> None:
    """Extract the claims of one article (plain text or HTML file, or - for stdin)."""
    from ..extract.api import extract, normalise_date

    if published is not None and normalise_date(published) is None:
        raise click.BadParameter(f"{published!r} is not a date (YYYY-MM-DD)", param_hint="--published")
    document = _read_input(source)
    article = extract(
        document.text,
        published=published or document.published,
        url=url or document.url,
        title=document.title,
        outlet=outlet or document.outlet,
        name=document.name,
    )
    if fmt == "json":
        click.echo(json.dumps(article.to_dict(), ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        for claim in article.claims:
            click.echo(json.dumps(claim.to_dict(), ensure_ascii=False))
    else:
        render_table(article)


COMMANDS = [extract_command]
