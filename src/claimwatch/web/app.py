"""The FastAPI application factory."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Callable

from fastapi import FastAPI
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from ..flow.runs import default_reconciler
from ..settings import Settings, load_settings
from .admission import Admission
from .cache import DataVersion, GenerationMemo, PageCache, ResponseCache, StateTexts
from .errors import install_error_handlers
from .security import BodyLimit, OriginCheck, SecurityHeaders

__all__ = ["create_app", "create_served_app", "STATIC_DIR", "TEMPLATE_DIR"]

HERE = Path(__file__).parent
STATIC_DIR = HERE / "static"
TEMPLATE_DIR = HERE / "templates"

API_DESCRIPTION = """\
The claimwatch REST API: articles, claims (with their evidence spans), reviews, estimates, map
layers and exports.

* Every error has one shape: `{"error": {"code": "E302", "message": "...", "detail": {...}}}`
  with the HTTP status of the code (see `claimwatch.errors.CATALOGUE`).
* Write endpoints (`POST /api/claims/{uid}/review`, `/undo`, `POST /api/articles/{id}/claims`,
  `POST /api/articles`) need a token made with `claimwatch token create NAME`, sent as
  `Authorization: Bearer <token>`. Read endpoints are public unless the server runs with
  `CLAIMWATCH_PUBLIC_READ=false`. A state-changing request that rides on the login cookie must
  come from this server's pages (`Origin` check).
* `POST /api/articles` answers 202 with a job (`GET /api/jobs/{id}`): extraction runs in the
  app's worker processes, never on the request.
* Request bodies are limited to `max_request_bytes` (413, code E503).
"""


def create_app(
    settings_or_store: Any = None,
    *,
    settings: Settings | None = None,
    store: Any = None,
    extractor: Callable | None = None,
    update_estimates: Callable | None = None,
) -> FastAPI:
    """Build the app.

    ``settings_or_store`` is a :class:`~claimwatch.settings.Settings` (the store is opened from
    ``settings.db``) or an open store (settings from the environment). ``extractor`` (Document ->
    Article) and ``update_estimates`` (store, article_ids) are passed to the ingest flow
    (:func:`claimwatch.flow.ingest_document`); they default to the NLP extraction and
    :func:`claimwatch.reconcile.update_estimates`.
    """
    if isinstance(settings_or_store, Settings):
        settings = settings_or_store
    elif settings_or_store is not None:
        store = settings_or_store
    settings = settings or load_settings()
    if store is None:
        from ..store import Store

        store = Store(settings.db, dedup_threshold=settings.dedup_threshold)

    from .jobs import IngestQueue

    queue = IngestQueue(store, workers=settings.ingest_workers, extractor=extractor,
                        update_estimates=update_estimates, settings=settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        import anyio.to_thread

        # sync routes run in this many threads of the server's event loop (see settings.web_threads)
        anyio.to_thread.current_default_thread_limiter().total_tokens = max(1, settings.web_threads)
        if getattr(_app.state, "warm_ingest", False):
            queue.warm_up()
        yield
        queue.shutdown()
        if data_version is not None:
            data_version.close()  # every worker thread's change-check connection, not only ended threads'

    app = FastAPI(
        lifespan=lifespan,
        title="claimwatch",
        version="0.1.0",
        description=API_DESCRIPTION,
        openapi_url="/openapi.json",
        docs_url=None,  # Swagger UI would load from a CDN; the schema is at /openapi.json
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.store = store
    app.state.extractor = extractor  # None: the flow's default (the NLP pipeline)
    app.state.update_estimates = update_estimates or default_reconciler
    app.state.ingest_queue = queue
    # list totals and facet counts, once per store generation (see GenerationMemo)
    # the store's change signal, one for the app (its per-thread connections are closed at shutdown)
    data_version = DataVersion.for_store(store) if settings.web_cache else None
    app.state.data_version = data_version
    app.state.memo = GenerationMemo(data_version)
    # article pages for anonymous readers, kept while the article's version is the same
    app.state.page_cache = PageCache[bytes](enabled=settings.web_cache and hasattr(store, "article_version"))
    # the JSON of each claim sent by /api/claims, kept while the claim is unchanged
    app.state.claim_json_cache = PageCache[bytes](
        enabled=settings.web_cache and hasattr(store, "claim_list_versions"), max_entries=50_000)
    # the same texts under the state of the claims and articles tables: sent without a query while it holds
    app.state.claim_json_current = StateTexts(
        enabled=settings.web_cache and hasattr(store, "claim_list_versions"), max_entries=50_000)
    # estimate list pages for anonymous readers, kept under what they show (pages_lists._content_key)
    app.state.list_page_cache = PageCache[bytes](enabled=settings.web_cache, max_entries=512)
    # the HTML of each estimate list row, kept under the row's values
    app.state.row_cache = PageCache[str](enabled=settings.web_cache, max_entries=20_000)
    templates = Jinja2Templates(directory=str(TEMPLATE_DIR))
    templates.env.autoescape = True  # every template, whatever its extension
    from .render import install_filters

    install_filters(templates.env)
    app.state.templates = templates

    install_error_handlers(app)
    from .api import router as api_router
    from .api_review import router as review_router
    from .curation import router as curation_router
    from .jobs import router as jobs_router
    from .pages import router as page_router
    from .pages_lists import router as list_page_router

    for router in (api_router, review_router, curation_router, jobs_router, page_router, list_page_router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static")

    # an article page is kept across commits that leave the article's version (its claims, their
    # estimates) unchanged, as the page route itself keeps it (pages.article)
    versions = {"/articles/": store.article_version} if hasattr(store, "article_version") else {}
    # inside the response cache: answers it keeps (and requests waiting for one being made) never queue
    app.add_middleware(Admission, limit=settings.web_admission)
    app.add_middleware(ResponseCache, store=store, enabled=settings.web_cache, content_versions=versions,
                       version=data_version)
    app.add_middleware(GZipMiddleware, minimum_size=2048, compresslevel=5)
    app.add_middleware(BodyLimit, limit=settings.max_request_bytes)
    app.add_middleware(OriginCheck)
    app.add_middleware(SecurityHeaders)
    return app


def create_served_app(settings: Settings | None = None) -> FastAPI:
    """The app as ``claimwatch serve`` runs it: :func:`create_app` whose ingest worker starts with
    the server and loads the NLP pipeline then (at the worker's lower CPU priority), so the first
    article posted does not wait for that load."""
    app = create_app(settings)
    app.state.warm_ingest = True
    return app
