"""Web/export fixtures: a SQLite store filled with hand-built articles and claims (spans computed
from the text, so they slice it exactly), an API token, the FastAPI app and a TestClient, and a
live uvicorn server on a free loopback port for the browser tests."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from claimwatch.model import Actor, Article, Claim, Place, Quantity, Source, TimeInfo

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "artifacts"

XSS_TITLE = 'Alarm <script>window.__xss_title=1</script> report'
XSS_TEXT = (
    "Officials said 12 people <script>window.__xss=1;alert('xss')</script> were detained near Uzhhorod.\n\n"
    "A resident posted <img src=x onerror=\"window.__xss=2;alert('img')\"> a photo, and "
    "<a href=\"javascript:window.__xss=3\">a link</a> with <svg onload=\"window.__xss=4\"></svg> markup."
)


def _span(text: str, part: str, start: int = 0) -> tuple[int, int]:
    i = text.index(part, start)
    return (i, i + len(part))


def make_claim(text: str, cid: str, sentence: str, *, qty: str | None = None, low=None, best=None, high=None,
               qualifier: str = "exact", unit: str | None = None, event_type: str | None = None,
               source: str | None = None, source_type: str = "author", cue: str | None = None,
               when: str | None = None, start: str | None = None, end: str | None = None,
               precision: str = "day", place: str | None = None, lat=None, lon=None, country=None,
               feature: str | None = None, cause: str | None = None, actors=()) -> Claim:
    s0, s1 = _span(text, sentence)
    claim = Claim(id=cid, kind="count" if qty else "event", text=sentence, span=(s0, s1), event_type=event_type,
                  cause=cause)
    if qty:
        claim.quantity = Quantity(text=qty, span=_span(text, qty, s0), low=low, best=best, high=high,
                                  qualifier=qualifier, unit=unit, counted=unit)
    if source:
        claim.source = Source(name=source, canonical=source, type=source_type, cue=cue,
                              span=_span(text, source, s0), quote="indirect")
        claim.evidential = "attributed"
    if when:
        claim.time = TimeInfo(text=when, start=start, end=end, precision=precision, anchor="absolute",
                              span=_span(text, when, s0))
    if place:
        claim.places = [Place(text=place, span=_span(text, place, s0), name=place, lat=lat, lon=lon,
                              country=country, feature=feature, role="event")]
    claim.actors = [Actor(text=a, role=r, span=_span(text, a, s0)) for a, r in actors]
    return claim


def build_articles() -> list[Article]:
    """Four reports: three about one shipwreck with different death tolls (one vague), one about
    detentions at a border; each claim's spans are computed from its text."""
    arts = []

    t1 = ("At least 40 migrants drowned off Lampedusa on 3 March 2025, the Italian coast guard said.\n\n"
          "The coast guard said that rescuers pulled 12 survivors from the water near Lampedusa. "
          "Dozens of people were still missing on Tuesday.")
    a1 = Article(text=t1, title="Shipwreck off Lampedusa", outlet="Harbour Daily", published="2025-03-04",
                 url="https://harbour.example/wreck")
    a1.claims = [
        make_claim(t1, "c1", "At least 40 migrants drowned off Lampedusa on 3 March 2025, the Italian coast guard said.",
                   qty="At least 40", low=40, best=40, high=None, qualifier="at_least", unit="migrants",
                   event_type="death", cause="drowning", source="the Italian coast guard", source_type="law_enforcement",
                   cue="said", when="3 March 2025", start="2025-03-03", place="Lampedusa", lat=35.5, lon=12.6,
                   country="IT", feature="island"),
        make_claim(t1, "c2", "The coast guard said that rescuers pulled 12 survivors from the water near Lampedusa.",
                   qty="12", low=12, best=12, high=12, unit="survivors", event_type=None, source="The coast guard",
                   source_type="law_enforcement", cue="said", place="Lampedusa", lat=35.5, lon=12.6, country="IT",
                   feature="island"),
        make_claim(t1, "c3", "Dozens of people were still missing on Tuesday.", qty="Dozens", low=24, best=24,
                   high=99, qualifier="vague", unit="people", event_type="missing"),
    ]
    arts.append(a1)

    t2 = ("Around 60 people died when a boat sank near Lampedusa on 3 March, according to the UN refugee agency. "
          "Survivors described a night of panic.")
    a2 = Article(text=t2, title="UN agency: dozens dead in Mediterranean", outlet="World Wire",
                 published="2025-03-05", url="https://wire.example/med")
    a2.claims = [
        make_claim(t2, "c1", "Around 60 people died when a boat sank near Lampedusa on 3 March, according to the UN refugee agency.",
                   qty="Around 60", low=54, best=60, high=66, qualifier="approximately", unit="people",
                   event_type="death", cause="drowning", source="the UN refugee agency", source_type="ngo",
                   cue="according to", when="3 March", start="2025-03-03", place="Lampedusa", lat=35.5, lon=12.6,
                   country="IT", feature="island"),
    ]
    arts.append(a2)

    t3 = ("Several people were killed in the shipwreck near Lampedusa, a local fisherman told reporters "
          "on 4 March 2025.")
    a3 = Article(text=t3, title="Fisherman recalls wreck", outlet="Island Voice", published="2025-03-06")
    a3.claims = [
        make_claim(t3, "c1", t3, qty="Several", low=3, best=3, high=9, qualifier="vague", unit="people",
                   event_type="death", source="a local fisherman", source_type="witness", cue="told",
                   place="Lampedusa", lat=35.5, lon=12.6, country="IT", feature="island"),
    ]
    arts.append(a3)

    t4 = ("Border guards detained 17 men trying to cross the Tisza river into Romania between 1 and 3 "
          "February 2025, the State Border Service said. Police in Uzhhorod opened a criminal case.")
    a4 = Article(text=t4, title="17 men detained at the Tisza", outlet="Kyiv Ledger", published="2025-02-04",
                 url="https://ledger.example/tisza")
    a4.claims = [
        make_claim(t4, "c1", "Border guards detained 17 men trying to cross the Tisza river into Romania between 1 and 3 February 2025, the State Border Service said.",
                   qty="17", low=17, best=17, high=17, unit="men", event_type="detention",
                   source="the State Border Service", source_type="law_enforcement", cue="said",
                   when="between 1 and 3 February 2025", start="2025-02-01", end="2025-02-03", precision="range",
                   place="Tisza river", lat=48.1, lon=23.2, country="UA", feature="river",
                   actors=[("Border guards", "agent"), ("17 men", "patient")]),
        make_claim(t4, "c2", "Police in Uzhhorod opened a criminal case.", event_type="legal_action",
                   place="Uzhhorod", lat=48.62, lon=22.3, country="UA", feature="city"),
    ]
    arts.append(a4)
    for art in arts:
        for c in art.claims:
            c.article_id = art.id
    return arts


def xss_article() -> Article:
    art = Article(text=XSS_TEXT, title=XSS_TITLE, outlet='<b onmouseover="window.__xss=5">Evil</b> Outlet',
                  published="2025-01-10", url="javascript:window.__xss=6")
    art.claims = [
        make_claim(XSS_TEXT, "c1", "Officials said 12 people <script>window.__xss=1;alert('xss')</script> were detained near Uzhhorod.",
                   qty="12", low=12, best=12, high=12, unit="people", event_type="detention", source="Officials",
                   source_type="official", cue="said", place="Uzhhorod", lat=48.62, lon=22.3, country="UA",
                   feature="city"),
    ]
    for c in art.claims:
        c.article_id = art.id
    return art


def reconcile_now(store, article_ids=None):
    from claimwatch.reconcile import update_estimates

    return update_estimates(store, article_ids=article_ids)


@pytest.fixture
def web_store(tmp_path):
    """A SQLite store with the four hand-built articles, the XSS article, and estimates."""
    from claimwatch.store import Store

    store = Store(f"sqlite:///{tmp_path / 'web.db'}")
    arts = build_articles() + [xss_article()]
    for art in arts:
        assert store.add_article(art)
    reconcile_now(store, [a.id for a in arts])
    yield store
    store.close()


@pytest.fixture
def web_articles():
    return build_articles()


@pytest.fixture
def token(web_store):
    return web_store.create_token("tester")


@pytest.fixture
def app(web_store):
    from claimwatch.settings import load_settings
    from claimwatch.web import create_app

    return create_app(web_store, settings=load_settings(page_size=2, max_request_bytes=20_000))


@pytest.fixture
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LiveServer:
    """uvicorn serving an app in a background thread on 127.0.0.1:<free port>."""

    def __init__(self, app) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning", lifespan="off")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture
def live_server(web_store):
    from claimwatch.settings import load_settings
    from claimwatch.web import create_app

    app = create_app(web_store, settings=load_settings())
    with LiveServer(app) as server:
        server.store = web_store
        yield server


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
