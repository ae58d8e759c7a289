"""What every reader produces: a :class:`Document` (text + metadata) or a :class:`Reject`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["Document", "Reject"]


@dataclass
class Document:
    """One input article before extraction: body text plus whatever metadata the input carried.

    ``name`` names the input in messages (a path, ``file.jsonl:12``, a URL, ``crawl.warc.gz#3``).
    """

    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    name: str = "<input>"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "title": self.title,
            "url": self.url,
            "published": self.published,
            "outlet": self.outlet,
            "name": self.name,
        }


@dataclass
class Reject:
    """An input refused in batch mode: the input's name, the error code (E1xx) and a one-line reason."""

    name: str
    code: str
    reason: str

    @classmethod
    def from_error(cls, exc: Exception, name: str) -> "Reject":
        code = getattr(exc, "code", None) or "E107"
        reason = getattr(exc, "reason", None) or " ".join(str(exc).split()) or type(exc).__name__
        return cls(name=getattr(exc, "input", None) or name, code=code, reason=reason)

    def line(self) -> str:
        return f"{self.name}: {self.reason} ({self.code})"
