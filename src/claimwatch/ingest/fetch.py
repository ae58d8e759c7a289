"""HTTP fetching for feeds, URL lists and feed item pages (httpx): size-limited, with timeouts.

Network failures raise :class:`~claimwatch.errors.UnreadableInput` (E107); ``NetworkError`` marks
the ones worth retrying later (``claimwatch watch`` backs off on them).
"""

from __future__ import annotations

from ..errors import TooLarge, UnreadableInput
from ..settings import Settings, load_settings

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
        raise NetworkError(url, detail=f"{type(exc).__name__}: {' '.join(str(exc).split())[:150]}") from None
    finally:
        if own:
            client.close()
