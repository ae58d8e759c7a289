"""Highlight segments and template escaping."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimwatch.model import Article
from claimwatch.web.render import highlight_segments, safe_url, timeline_chart
from fixtures_web import build_articles, make_claim


def test_segments_concatenate_to_the_text_and_carry_roles():
    for art in build_articles():
        segs = highlight_segments(art)
        assert "".join(s["text"] for s in segs) == art.text
        for s in segs:
            assert art.text[s["start"]:s["start"] + len(s["text"])] == s["text"]
    art = build_articles()[0]
    segs = highlight_segments(art)
    qty = next(s for s in segs if s["text"] == "At least 40")
    assert qty["roles"][0] == "quantity" and "evidence" in qty["roles"]
    assert qty["claims"] == ["c1"] and "c1:quantity" in qty["refs"]
    assert "best 40" in qty["tip"]
    assert next(s for s in segs if s["text"] == "the Italian coast guard")["roles"][0] == "source"


def test_rejected_claims_are_not_highlighted():
    art = build_articles()[0]
    art.claims[0].review = "rejected"
    assert not [s for s in highlight_segments(art) if "c1" in s["claims"]]


@settings(max_examples=80, deadline=None)
@given(prefix=st.text(max_size=40), suffix=st.text(max_size=40), n=st.integers(0, 10_000))
def test_segments_cover_any_text(prefix, suffix, n):
    sentence = f"Police detained {n} people."
    text = prefix + sentence + suffix
    art = Article(text=text)
    art.claims = [make_claim(text, "c1", sentence, qty=str(n), low=n, best=n, high=n, unit="people",
                             event_type="detention", source="Police", source_type="law_enforcement")]
    segs = highlight_segments(art)
    assert "".join(s["text"] for s in segs) == text
    assert any(s["text"] == str(n) and s["roles"][0] == "quantity" for s in segs)


def test_safe_url_only_allows_http():
    assert safe_url("https://a.example/x") == "https://a.example/x"
    assert safe_url("http://a.example") == "http://a.example"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>", "vbscript:x", "", None, "//evil"):
        assert safe_url(bad) is None


def test_timeline_chart_points(web_store):
    death = next(e for e in web_store.list_estimates() if e.event_type == "death")
    chart = timeline_chart(death)
    assert len(chart["points"]) == 3
    xs = [p["cx"] for p in chart["points"]]
    assert xs == sorted(xs) and xs[0] == chart["x_left"] and xs[-1] == chart["x_right"]
    # a larger figure is drawn higher (smaller y)
    by_best = sorted(chart["points"], key=lambda p: p["cy"])
    assert "60" in by_best[0]["label"]


def test_pages_render_and_escape(client, web_store):
    from fixtures_web import XSS_TITLE

    items, _ = web_store.search_articles(limit=100)
    xss = next(a for a in items if a.title == XSS_TITLE)
    html = client.get(f"/articles/{xss.id}").text
    assert "<script>window.__xss" not in html and "&lt;script&gt;window.__xss=1" in html
    assert "onerror=\"window" not in html and "<img" not in html
    assert 'href="javascript:' not in html
    for path in ("/articles", "/articles?q=Lampedusa", "/articles?page=2", "/review", "/estimates",
                 "/estimates?status=conflicting", "/map", "/export", "/login"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "<script>" not in r.text.replace('<script src="', "")
    assert client.get("/articles/ffffffffffffffff").status_code == 404
    assert "E302" in client.get("/articles/ffffffffffffffff").text
    listing = client.get("/articles?page=1").text
    assert 'rel="next"' in listing  # page size 2 in the test app
