"""CLI commands: store (owned by this area; see cli/__init__.py)."""

COMMANDS: list = []
