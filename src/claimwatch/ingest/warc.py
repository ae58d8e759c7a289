"""WARC / WARC.gz crawls (warcio): one :class:`Document` per HTML response record.

A truncated or corrupt archive yields the records read so far and then one :class:`Reject`
for the rest of the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import ClaimwatchError, MalformedInput, TooLarge
from ..settings import Settings, load_settings
from .document import Document, Reject
from .readers import read_bytes

__all__ = ["is_warc", "iter_warc"]


def is_warc(path: str | Path) -> bool:
    return str(path).lower().endswith((".warc", ".warc.gz", ".arc", ".arc.gz"))


def _gzip_problem(path: str | Path) -> str | None:
    """warcio stops silently at a truncated gzip member; a streaming gzip pass tells."""
    import gzip
    import zlib

    try:
        with gzip.open(path, "rb") as fh:
            while fh.read(1 << 20):
                pass
    except (EOFError, OSError, zlib.error) as exc:
        return " ".join(str(exc).split())[:150] or type(exc).__name__
    return None


def _problem(exc: Exception) -> str:
    """What went wrong, in words: warcio meets headers it cannot use (a response record without
    its target URI, a header line without a colon) with the AttributeError or TypeError of its own
    code, which would tell the reader nothing."""
    if isinstance(exc, (AttributeError, TypeError, KeyError, IndexError)):
        return "a record's headers are malformed or incomplete (e.g. a response without WARC-Target-URI)"
    return f"{type(exc).__name__}: {' '.join(str(exc).split())[:150]}"


def iter_warc(path: str | Path, *, settings: Settings | None = None) -> Iterator[Document | Reject]:
    from warcio.archiveiterator import ArchiveIterator

    settings = settings or load_settings()
    limit = settings.max_input_bytes
    name = str(path)
    n = 0
    gz_problem = _gzip_problem(path) if name.lower().endswith(".gz") else None
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                n += 1
                uri = record.rec_headers.get_header("WARC-Target-URI")
                rname = f"{name}#{n}" + (f" {uri}" if uri else "")
                ctype = record.http_headers.get_header("Content-Type") if record.http_headers else None
                if ctype and "html" not in ctype.lower() and "text/plain" not in ctype.lower():
                    continue
                data = record.content_stream().read(limit + 1)
                if len(data) > limit:
                    yield Reject.from_error(TooLarge(rname, size=f"more than {limit}", limit=limit), rname)
                    continue
                if getattr(record.raw_stream, "limit", 0):
                    raise EOFError(f"record {n} truncated ({record.raw_stream.limit} bytes missing)")
                try:
                    yield read_bytes(data, rname, content_type=ctype or "text/html", url=uri, settings=settings)
                except ClaimwatchError as exc:
                    yield Reject.from_error(exc, rname)
    except ClaimwatchError:
        raise
    except Exception as exc:  # warcio / zlib / EOF errors on truncated or corrupt archives
        detail = f"after {n} record(s): {_problem(exc)}"
        yield Reject.from_error(MalformedInput(name, kind="WARC", detail=detail), name)
        return
    if gz_problem:
        detail = f"after {n} record(s): truncated or corrupt gzip stream ({gz_problem})"
        yield Reject.from_error(MalformedInput(name, kind="WARC", detail=detail), name)
