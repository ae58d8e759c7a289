"""HTTP fetching for feeds, URL lists and feed item pages (httpx): size-limited, with timeouts.

Network failures raise :class:`~claimwatch.errors.UnreadableInput` (E107); ``NetworkError`` marks
the ones worth retrying later (``claimwatch watch`` backs off on them).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import TooLarge, UnreadableInput
from ..settings import Settings, load_settings

if TYPE_CHECKING:
    import httpx

__all__ = ["fetch", "NetworkError", "USER_AGENT", "is_url"]

USER_AGENT = "claimwatch/0.1 (+https://github.com/claimwatch)"
TIMEOUT = 20.0


class NetworkError(UnreadableInput):
    """A transient network failure (connection refused, timeout, 5xx)."""


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def fetch(url: str, *, client=None, settings: Settings | None = None) -> tuple[bytes, str | None, str]:
    """``(body, content_type, final_url)``; refuses bodies over ``settings.max_input_bytes`` (E105)."""
    import httpx

    limit = (settings or load_settings()).max_input_bytes
    own = client is None
    if own:
        client = httpx.Client(timeout=TIMEOUT, follow_redirects=True, headers={"User-Agent": USER_AGENT})
    try:
        with client.stream("GET", url) as resp:
            if resp.status_code >= 500 or resp.status_code == 429:
                raise NetworkError(url, detail=f"HTTP {resp.status_code}")
            if resp.status_code >= 400:
                raise UnreadableInput(url, detail=f"HTTP {resp.status_code}")
            declared = resp.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > limit:
                raise TooLarge(url, size=int(declared), limit=limit)
            chunks, size = [], 0
            for chunk in resp.iter_bytes():
                size += len(chunk)
                if size > limit:
                    raise TooLarge(url, size=size, limit=limit)
                chunks.append(chunk)
            return b"".join(chunks), resp.headers.get("content-type"), str(resp.url)
    except httpx.HTTPError as exc:
        raise NetworkError(url, detail=network_failure(exc)) from None
    finally:
        if own:
            client.close()


def network_failure(exc: httpx.HTTPError) -> str:
    """A failed fetch in words: what went wrong, then the system's own reason ("Name or service not known")."""
    import httpx

    if isinstance(exc, httpx.TimeoutException):
        what = "timed out"
    elif isinstance(exc, httpx.ConnectError):
        what = "cannot connect"
    elif isinstance(exc, httpx.TooManyRedirects):
        what = "too many redirects"
    else:
        what = "network failure"
    reason = " ".join(str(exc).split())
    reason = reason.split("] ", 1)[1] if reason.startswith("[Errno") and "] " in reason else reason
    return f"{what} ({reason[:150]})" if reason else what
