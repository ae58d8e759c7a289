"""The Store, on SQLite and PostgreSQL (the same tests, parametrised by the ``store`` fixture)."""

from __future__ import annotations

import pytest
from helpers import GREECE, LIBYA, LIBYA_LONG, make_article  # noqa: E402  (tests/store on sys.path below)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimwatch.errors import NotFound, StoreError, ValidationError
from claimwatch.model import Article, Claim, Estimate, EstimateClaim, Quantity, Source, check_spans


def test_round_trip_article_and_claims(store):
    art = make_article(LIBYA)
    assert len(art.claims) == 2 and not check_spans(art)
    assert store.add_article(art) is True
    got = store.get_article(art.id)
    assert got.to_dict() == art.to_dict()
    assert got.duplicate_of is None
    assert not check_spans(got)
    assert store.get_claim(f"{art.id}:c1").to_dict() == art.claims[0].to_dict()


def test_exact_reingest_is_idempotent(store):
    art = make_article(LIBYA)
    assert store.add_article(art) is True
    again = make_article(LIBYA)
    assert again.id == art.id
    assert store.add_article(again) is False
    assert store.add_articles([make_article(LIBYA), make_article(GREECE)]) == 1
    assert store.stats()["articles"] == 2
    assert store.stats()["claims"] == len(art.claims) + len(make_article(GREECE).claims)


def test_near_duplicate_linked_to_earliest_original(store):
    original = make_article(LIBYA_LONG, published="2024-03-05", title="Forty drown")
    repost = make_article(LIBYA_LONG.replace("Rescue groups", "Aid groups"), published="2024-03-06", title="New headline")
    wire = make_article(LIBYA_LONG + " More details will follow.", published="2024-03-07")
    unrelated = make_article(GREECE)
    store.add_article(original)
    store.add_articles([repost, wire, unrelated])
    assert store.get_article(repost.id).duplicate_of == original.id
    assert store.get_article(wire.id).duplicate_of == original.id
    assert store.get_article(unrelated.id).duplicate_of is None
    assert store.count_articles(originals_only=True) == 2
    uids = {c.uid for c in store.query_claims(include_duplicates=False)}
    assert uids == {c.uid for c in original.claims + unrelated.claims}
    meta = {m["id"]: m for _, m in store.claims_for_reconcile()}
    assert meta[repost.id]["duplicate_of"] == original.id


def test_batch_is_all_or_nothing(store):
    good = make_article(GREECE)
    bad = make_article(LIBYA)
    bad.claims[1].quantity.span = (0, 3)  # does not slice to its text
    with pytest.raises(ValidationError):
        store.add_articles([good, bad])
    assert store.stats()["articles"] == 0 and store.stats()["claims"] == 0
    assert store.add_articles([good]) == 1


def test_query_filters(store):
    libya, greece = make_article(LIBYA), make_article(GREECE, published="2023-11-01")
    store.add_articles([libya, greece])
    assert {c.uid for c in store.query_claims(source_type="ngo")} == {f"{libya.id}:c1"}
    assert {c.uid for c in store.query_claims(place="libya")} == {f"{libya.id}:c1"}
    assert {c.uid for c in store.query_claims(place="GR")} == {f"{greece.id}:c2"}
    assert {c.article_id for c in store.query_claims(since="2024-01-01")} == {libya.id}
    assert {c.article_id for c in store.query_claims(until="2023-12-31")} == {greece.id}
    assert [c.quantity.best for c in store.query_claims(where=["best>=18"])] == [40, 18]
    assert {c.uid for c in store.query_claims(where=["source~coast"])} == {f"{libya.id}:c2"}
    assert len(store.query_claims(article_id=greece.id)) == 2
    assert len(store.query_claims(limit=1)) == 1
    with pytest.raises(ValidationError):
        store.query_claims(where=["nosuchfield=1"])


def test_full_text_search(store):
    libya, greece = make_article(LIBYA, outlet="A"), make_article(GREECE, outlet="B")
    store.add_articles([libya, greece])
    hits, total = store.search_articles("drowned Mediterranean")
    assert total == 1 and hits[0].id == libya.id and hits[0].claims == []
    hits, total = store.search_articles("smugglers")  # stemming: "smugglers" also in FTS
    assert [a.id for a in hits] == [greece.id]
    assert store.search_articles("detained Libya")[1] == 0
    assert store.search_articles(outlet="b")[1] == 1
    assert store.search_articles(source_type="ngo")[0][0].id == libya.id
    assert store.search_articles("!!!")[1] == 0
    assert store.search_articles()[1] == 2


def test_review_wins_and_revision_log_is_append_only(store):
    art = make_article(LIBYA)
    store.add_article(art)
    uid = f"{art.id}:c1"
    store.review_claim(uid, "correct", {"quantity": {"best": 41, "high": 41}, "certainty": "probable"}, who="ana")
    got = store.get_claim(uid)
    assert got.quantity.best == 41 and got.certainty == "probable" and got.review == "corrected"
    assert store.get_article(art.id).claims[0].quantity.best == 41
    assert [c.quantity.best for c in store.query_claims(where=["best=41"])] == [41]
    store.review_claim(uid, "reject", None, who="bo")
    assert uid not in {c.uid for c in store.query_claims()}
    assert uid in {c.uid for c in store.query_claims(status="rejected")}
    assert uid not in {c.uid for c, _ in store.claims_for_reconcile()}
    revs = store.revisions(uid)
    assert [r["action"] for r in revs] == ["extract", "correct", "reject"]
    assert revs[0]["who"] == "machine" and revs[0]["after"]["quantity"]["best"] == 40
    assert revs[1]["before"]["quantity"]["best"] == 40 and revs[1]["after"]["quantity"]["best"] == 41
    with pytest.raises(ValidationError):
        store.review_claim(uid, "correct", {"quantity": {"low": 50, "best": 41}}, who="ana")
    with pytest.raises(ValidationError):
        store.review_claim(uid, "correct", {"event_type": "picnic"}, who="ana")
    with pytest.raises(ValidationError):
        store.review_claim(uid, "correct", {"quantity": {"span": [0, 5]}}, who="ana")
    with pytest.raises(NotFound):
        store.review_claim("nope:c1", "accept", None, who="ana")
    assert len(store.revisions(uid)) == 3  # failed reviews appended nothing
    from sqlalchemy.exc import DBAPIError

    for sql in ("UPDATE revisions SET who = 'x'", "DELETE FROM revisions"):
        with pytest.raises(DBAPIError):
            with store.engine.begin() as conn:
                conn.exec_driver_sql(sql)
    assert len(store.revisions(uid)) == 3


def test_runs_rejects_tokens(store):
    run = store.start_run("ingest", ["corpus/"])
    store.record_reject("corpus/empty.txt", "E101", "empty input", run_id=run)
    store.finish_run(run, accepted=0, rejected=1)
    assert store.rejects(run) [0]["reason"] == "empty input"
    assert store.runs()[0]["status"] == "done"
    token = store.create_token("ci")
    other = store.create_token("  ana  ")
    assert store.check_token(token) == "ci" and store.check_token(other) == "ana"
    assert store.check_token(token + "x") is None and store.check_token(None) is None and store.check_token("") is None
    from sqlalchemy import select

    from claimwatch.store import tables as T

    with store.engine.connect() as conn:
        stored = conn.execute(select(T.api_tokens.c.token_hash)).scalars().all()
    assert all(token not in h and other not in h and len(h) == 64 for h in stored) and len(stored) == 2
    store.revoke_token("ci")
    assert store.check_token(token) is None and store.check_token(other) == "ana"


def test_estimates(store):
    art = make_article(LIBYA)
    store.add_article(art)
    est = Estimate(id="e1", event_type="death", unit="migrants", low=40, best=40, high=None, status="single",
                   explanation="one source", independent_sources=1,
                   claims=[EstimateClaim(claim_id="c1", article_id=art.id, best=40)])
    store.save_estimates([est])
    assert store.get_estimate("e1").to_dict() == est.to_dict()
    assert store.estimates_for_claims([f"{art.id}:c1"]) == {f"{art.id}:c1": ["e1"]}
    est2 = Estimate.from_dict(dict(est.to_dict(), id="e2", status="corroborated"))
    store.save_estimates([est2], replace_ids=["e1"])
    assert [e.id for e in store.list_estimates()] == ["e2"]
    assert store.list_estimates(status="single") == []
    with pytest.raises(NotFound):
        store.get_estimate("e1")


def test_bad_url_is_a_store_error(tmp_path):
    from claimwatch.store import Store

    with pytest.raises(StoreError):
        Store("mysql://nobody@localhost/x")


_words = st.text(alphabet=st.characters(whitelist_categories=("Lu", "Ll", "Nd"), max_codepoint=0x2FF),
                 min_size=1, max_size=12)


@st.composite
def articles(draw):
    words = draw(st.lists(_words, min_size=3, max_size=40))
    numbers = draw(st.lists(st.integers(0, 10**9), min_size=1, max_size=4))
    parts, claims = [], []
    for i, n in enumerate(numbers):
        sent = f"{' '.join(words[i:i + 5])} {n:,} people said {words[-1]}."
        parts.append(sent)
    text = " ".join(parts)
    pos = 0
    for i, (sent, n) in enumerate(zip(parts, numbers)):
        s = text.index(sent, pos)
        pos = s + len(sent)
        q = f"{n:,}"
        qs = s + len(" ".join(words[i:i + 5])) + 1
        claims.append(Claim(
            id=f"c{i + 1}", kind="count", text=sent, span=(s, s + len(sent)),
            certainty=draw(st.sampled_from(["certain", "probable", "possible", "underspecified"])),
            polarity=draw(st.sampled_from(["positive", "negative"])),
            source=Source(type=draw(st.sampled_from(["author", "ngo", "official"]))),
            quantity=Quantity(text=q, span=(qs, qs + len(q)), low=n, best=n,
                              high=draw(st.one_of(st.none(), st.just(n))), unit=draw(st.one_of(st.none(), _words))),
        ))
    art = Article(text=text, title=draw(st.one_of(st.none(), _words)),
                  published=draw(st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()))),
                  url=draw(st.one_of(st.none(), _words.map(lambda w: f"https://example.org/{w}"))),
                  claims=claims)
    for c in art.claims:
        c.article_id = art.id
    return art


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(art=articles())
def test_hypothesis_round_trip(store, art):
    assert not check_spans(art)
    added = store.add_article(art)  # the store persists across examples: a repeated text is not re-added
    got = store.get_article(art.id)
    if added:
        assert got.to_dict() == art.to_dict()
    else:
        assert got.text == art.text
