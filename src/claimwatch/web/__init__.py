"""The web application: REST API (``/api``, OpenAPI at ``/openapi.json``) and server-rendered pages.

``create_app(settings_or_store)`` builds the FastAPI app; ``claimwatch serve`` runs it with uvicorn.
"""

from .app import create_app

__all__ = ["create_app"]
