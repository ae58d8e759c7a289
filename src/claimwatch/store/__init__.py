"""The claimwatch database: SQLite (default, one file) or PostgreSQL, same schema via Alembic.

``from claimwatch.store import Store``; see ``docs/store.md``.
"""

from __future__ import annotations

from .store import Store

__all__ = ["Store"]
