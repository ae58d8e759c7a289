"""CLI commands of the web area: ``serve``, ``export``, ``token create|revoke``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from ..errors import ClaimwatchError
from ..export import FORMATS, get_format
from ..settings import load_settings
from .params import ISO_DATE

__all__ = ["COMMANDS", "serve", "export", "token"]


def _store(db: str | None):
    from ..store import Store

    return Store(load_settings(db=db).db)


@click.command("serve")
@click.option("--db", default=None, help="Database URL (default: settings.db / CLAIMWATCH_DB)")
@click.option("--host", default=None, help="Address to bind (default: settings.host, 127.0.0.1)")
@click.option("--port", default=None, type=int, help="Port (default: settings.port, 8000)")
@click.option("--workers", default=None, type=int,
              help="Server processes (default: settings.web_workers; 0 = one per CPU core, at least 2)")
def serve(db: str | None, host: str | None, port: int | None, workers: int | None) -> None:
    """Run the web app and REST API (OpenAPI at /openapi.json) with several worker processes."""
    import uvicorn

    settings = load_settings(db=db, host=host, port=port)
    n = server_processes(settings.web_workers if workers is None else workers)
    click.echo(f"claimwatch: serving {settings.db} on http://{settings.host}:{settings.port} "
               f"with {n} worker process{'es' if n != 1 else ''}", err=True)
    if n > 1:
        # each worker process builds its own app from the environment
        os.environ["CLAIMWATCH_DB"] = settings.db
        uvicorn.run("claimwatch.web.app:create_served_app", factory=True, host=settings.host, port=settings.port,
                    workers=n, log_level="warning", proxy_headers=False, access_log=False)
        return
    from ..web.app import create_served_app

    uvicorn.run(create_served_app(settings), host=settings.host, port=settings.port, log_level="warning",
                proxy_headers=False, access_log=False)


def server_processes(setting: int) -> int:
    """``setting`` server processes, or (0) one per CPU core and at least 2."""
    if setting and setting > 0:
        return int(setting)
    return max(2, os.cpu_count() or 1)


@click.command("export")
@click.option("--format", "fmt", required=True, type=click.Choice(sorted(FORMATS)), help="Output format")
@click.option("--db", default=None, help="Database URL (default: settings.db / CLAIMWATCH_DB)")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Output file (default: standard output)")
@click.option("--event-type", default=None, help="Only claims of this event type")
@click.option("--source-type", default=None, help="Only claims from this source type")
@click.option("--since", type=ISO_DATE, default=None, help="Only claims on or after this ISO date")
@click.option("--until", type=ISO_DATE, default=None, help="Only claims on or before this ISO date")
def export(fmt: str, db: str | None, output: Path | None, event_type, source_type, since, until) -> None:
    """Export the stored claims (reviewed values win; rejected claims are left out)."""
    spec = get_format(fmt)
    filters = {"event_type": event_type, "source_type": source_type, "since": since, "until": until}
    store = _store(db)
    try:
        if output is None:
            if spec.binary:
                if sys.stdout.isatty():
                    raise ClaimwatchError(fmt, code="E504", detail="parquet is binary: give -o FILE")
                n = spec.writer()(store, sys.stdout.buffer, **filters)
                sys.stdout.buffer.flush()
            else:
                n = spec.writer()(store, sys.stdout, **filters)
        else:
            try:
                fh = open(output, "wb" if spec.binary else "w", encoding=None if spec.binary else "utf-8",
                          newline=None if spec.binary else "")
            except OSError as exc:
                raise ClaimwatchError(str(output), code="E107", detail=exc.strerror or str(exc)) from None
            with fh:
                n = spec.writer()(store, fh, **filters)
        click.echo(f"claimwatch: exported {n} {fmt} record{'s' if n != 1 else ''}"
                   + (f" to {output}" if output else ""), err=True)
    finally:
        store.close()


@click.group("token")
def token() -> None:
    """API tokens for the write endpoints (review, ingest)."""


@token.command("create")
@click.argument("name")
@click.option("--db", default=None, help="Database URL (default: settings.db / CLAIMWATCH_DB)")
def token_create(name: str, db: str | None) -> None:
    """Create a token called NAME and print it (shown once; only its hash is stored)."""
    store = _store(db)
    try:
        click.echo(store.create_token(name))
    finally:
        store.close()


@token.command("revoke")
@click.argument("name")
@click.option("--db", default=None, help="Database URL (default: settings.db / CLAIMWATCH_DB)")
def token_revoke(name: str, db: str | None) -> None:
    """Revoke every token called NAME."""
    store = _store(db)
    try:
        n = store.revoke_token(name)
    finally:
        store.close()
    if not n:
        raise ClaimwatchError(name, code="E302", detail=f"no token called {name!r}")
    click.echo(f"claimwatch: revoked {n} token{'s' if n != 1 else ''} called {name}", err=True)


COMMANDS = [serve, export, token]
