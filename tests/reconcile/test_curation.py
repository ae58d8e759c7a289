"""Curating estimates: every action through the CLI and the API, logged with who and why, and
still in force after a full ``claimwatch reconcile`` and after an incremental ingest."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from incident_corpus import hand_items, load_corpus, load_gold

from claimwatch.cli import cli
from claimwatch.model import Article
from claimwatch.reconcile import update_estimates

LATE = "bus_citizen"  # ingested after the curations


def _articles():
    corpus = {a["key"]: a for a in load_corpus()}
    by_key: dict[str, list] = {}
    for claim, _m, g in hand_items(list(corpus.values()), load_gold()):
        by_key.setdefault(g["article"], []).append((claim, g))
    out = {}
    for key, pairs in by_key.items():
        a = corpus[key]
        out[key] = (Article(text=a["text"], url=a["url"], outlet=a["outlet"], title=a["title"],
                            published=a["published"], claims=[c for c, _g in pairs], duplicate_of=a["duplicate_of_id"]),
                    pairs)
    return out


@pytest.fixture()
def db(tmp_path):
    from claimwatch.store import Store

    url = f"sqlite:///{tmp_path / 'cur.db'}"
    store = Store(url)
    arts = _articles()
    for key, (art, _pairs) in arts.items():
        if key != LATE:
            store.add_article(art)
    update_estimates(store)
    return url, store, arts


def _uid(arts, key: str, measure: str, n: int = 0) -> str:
    art, pairs = arts[key]
    return [f"{art.id}:{c.id}" for c, g in pairs if g["measure"] == measure][n]


def _est(store, uid: str):
    ids = store.estimates_for_claims([uid]).get(uid, [])
    assert len(ids) == 1, ids
    return store.get_estimate(ids[0])


def _cli(*args):
    r = CliRunner().invoke(cli, list(args))
    assert r.exit_code == 0, r.output
    return r.output


def _ingest_late(store, arts):
    art, _pairs = arts[LATE]
    store.add_article(art)
    update_estimates(store, [art.id])  # what `claimwatch ingest` does for a new article


def test_every_curation_survives_full_and_incremental_reconciliation(db):
    url, store, arts = db
    star = _uid(arts, "bus_star", "killed")
    nation = _uid(arts, "bus_nation", "killed")
    eldoret = _uid(arts, "crash_eldoret_star", "killed")
    kisumu = _uid(arts, "shoot_standard", "killed")
    torbali, kemalpasa = _uid(arts, "fire_hurriyet", "killed"), _uid(arts, "fire2_aa", "killed")
    evacuated = _uid(arts, "flood_bta", "evacuated")
    wounded = _uid(arts, "kherson_suspilne", "injured")
    bus_injured = _uid(arts, "bus_nation", "injured")
    # detach: the undated blog's "Eleven" is taken out of the bus death toll
    _cli("curate", "detach", _est(store, star).id, star, "--who", "ana", "--why", "undated blog, unverified", "--db", url)
    # split: the "at least 11" of the first report becomes an estimate of its own
    _cli("curate", "split", _est(store, nation).id, nation, "--who", "ana", "--why", "first count, before the toll was final", "--db", url)
    # move: a reviewer decides the Eldoret report's three dead are the Kisumu shooting's
    _cli("curate", "move", _est(store, eldoret).id, eldoret, "--to", _est(store, kisumu).id, "--who", "ben",
         "--why", "the victims were named as the Kisumu traders", "--db", url)
    # merge: two fires a reviewer wants counted as one
    _cli("curate", "merge", _est(store, torbali).id, _est(store, kemalpasa).id, "--who", "ben", "--why", "test merge", "--db", url)
    # mark: the evacuations are a running total
    _cli("curate", "mark", _est(store, evacuated).id, evacuated, "--as", "running", "--who", "cai", "--why", "ongoing", "--db", url)
    # override: the wounded figure from the hospital list
    _cli("curate", "override", _est(store, wounded).id, "--best", "12", "--low", "12", "--high", "12",
         "--who", "cai", "--why", "hospital list has 12 names", "--db", url)
    log = json.loads(_cli("curations", "--format", "json", "--db", url))
    assert [c["action"] for c in log] == ["detach", "split", "move", "merge", "mark", "override"]
    assert all(c["who"] and c["why"] and c["at"] for c in log)

    def check():
        killed = _est(store, _uid(arts, "bus_reuters", "killed"))
        members = {f"{c.article_id}:{c.claim_id}" for c in killed.claims}
        assert star not in members and nation not in members
        assert _est(store, star).id != _est(store, nation).id
        assert eldoret in {f"{c.article_id}:{c.claim_id}" for c in _est(store, kisumu).claims}
        assert _est(store, torbali).id == _est(store, kemalpasa).id
        assert _est(store, evacuated).measure == "running"
        w = _est(store, wounded)
        assert (w.low, w.best, w.high) == (12, 12, 12) and w.override["who"] == "cai"
        assert w.override["computed"]["best"] == 11 and "hospital list has 12 names" in w.explanation
        assert {c["action"] for c in killed.curations} >= {"detach", "split"}
        assert _est(store, bus_injured).status == "corroborated"

    check()
    _cli("reconcile", "--db", url)  # full recomputation
    check()
    _ingest_late(store, arts)  # an incremental ingest of a new report of the bus crash
    check()
    late = _uid(arts, LATE, "killed")
    assert late in {f"{c.article_id}:{c.claim_id}" for c in _est(store, _uid(arts, "bus_reuters", "killed")).claims}
    # the revision log of a curated claim names who and why
    revs = store.revisions(star)
    assert revs[-1]["action"] == "curate-detach" and revs[-1]["who"] == "ana"
    assert revs[-1]["after"]["why"] == "undated blog, unverified"


def test_mark_as_part_links_the_estimates(db):
    url, store, arts = db
    crit = _uid(arts, "fire_aa", "injured_firefighters")
    injured = _uid(arts, "fire_aa", "injured")
    part, total = _est(store, crit), _est(store, injured)
    _cli("curate", "mark", part.id, crit, "--as", "part", "--of", total.id, "--who", "ana", "--why", "of the 18", "--db", url)
    _cli("reconcile", "--db", url)
    assert _est(store, crit).part_of == _est(store, injured).id != _est(store, crit).id


def test_bad_curations_are_one_line_errors(db):
    url, store, arts = db
    killed = _est(store, _uid(arts, "bus_reuters", "killed"))
    stray = _uid(arts, "flood_bta", "dead")
    r = CliRunner().invoke(cli, ["curate", "detach", killed.id, stray, "--who", "a", "--why", "b", "--db", url])
    assert r.exit_code != 0 and "claimwatch: error:" in r.output and "not members" in r.output
    r = CliRunner().invoke(cli, ["curate", "merge", killed.id, "e000000000000", "--who", "a", "--why", "b", "--db", url])
    assert r.exit_code != 0 and "no target estimate" in r.output
    r = CliRunner().invoke(cli, ["curate", "override", killed.id, "--best", "5", "--low", "9", "--who", "a", "--why", "b",
                                 "--db", url])
    assert r.exit_code != 0 and "low <= best <= high" in r.output
    assert store.curations() == []


def test_an_override_is_finite_and_keeps_the_figures_in_order(db):
    """NaN, infinities and absurd figures are refused (the estimate and the log unchanged); a best
    set alone above the computed high (or below the low) moves that bound with it."""
    url, store, arts = db
    killed = _est(store, _uid(arts, "bus_reuters", "killed"))
    before = killed.to_dict()
    for bad in ("nan", "inf", "-inf", "1e400", "2e15"):
        r = CliRunner().invoke(cli, ["curate", "override", killed.id, "--best", bad, "--who", "a", "--why", "b",
                                     "--db", url])
        assert r.exit_code != 0 and r.output.startswith("claimwatch: error:") and r.output.count("\n") == 1, r.output
        assert "finite number" in r.output
    assert store.curations() == [] and store.get_estimate(killed.id).to_dict() == before
    high = killed.high if killed.high is not None else killed.best
    _cli("curate", "override", killed.id, "--best", str(high + 5), "--who", "a", "--why", "hospital list", "--db", url)
    after = store.get_estimate(killed.id)
    assert after.best == high + 5 and after.high == high + 5 and after.low == killed.low
    assert after.override["computed"]["best"] == killed.best
    _cli("curate", "override", killed.id, "--best", "0", "--who", "a", "--why", "none confirmed", "--db", url)
    after = store.get_estimate(killed.id)
    assert (after.low, after.best, after.high) == (0, 0, killed.high)
    json.dumps(after.to_dict(), allow_nan=False)  # every figure a JSON number
    assert after.explanation.count("figures set by") == 1 and after.explanation.endswith("figures set by a: none confirmed")


def test_an_override_from_a_log_written_before_the_check_is_left_out():
    from claimwatch.reconcile.curation import overridden_figures

    computed = {"low": 32, "best": 32, "high": 50}
    assert overridden_figures(computed, {"best": float("inf")}) == (32, 32, 50)
    assert overridden_figures(computed, {"best": float("nan"), "high": 60}) == (32, 32, 60)
    assert overridden_figures(computed, {"low": 55}) == (55, 55, 55)


def test_curation_api(db):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from claimwatch.settings import load_settings
    from claimwatch.web import create_app

    _url, store, arts = db
    token = store.create_token("desk")
    auth = {"Authorization": f"Bearer {token}"}
    star = _uid(arts, "bus_star", "killed")
    killed = _est(store, star)
    with TestClient(create_app(store, settings=load_settings())) as c:
        r = c.post(f"/api/estimates/{killed.id}/detach", json={"claims": [star], "why": "unverified"})
        assert r.status_code == 401 and r.json()["error"]["code"] == "E501"
        r = c.post(f"/api/estimates/{killed.id}/detach", headers=auth, json={"claims": [star], "why": "unverified"})
        assert r.status_code == 200, r.text
        body = r.json()
        assert body["curation"]["who"] == "desk" and body["curation"]["action"] == "detach"
        assert all(star not in {f"{m['article_id']}:{m['claim_id']}" for m in e["claims"]}
                   for e in body["estimates"] if e["id"] == killed.id)
        wounded = _est(store, _uid(arts, "kherson_suspilne", "injured"))
        r = c.post(f"/api/estimates/{wounded.id}/override", headers=auth,
                   json={"best": 12, "why": "hospital list", "who": "Ana Coder"})
        assert r.status_code == 200 and r.json()["curation"]["who"] == "Ana Coder"
        for body in ('{"best": 1e400, "why": "x"}', '{"best": NaN, "why": "x"}', '{"low": -Infinity, "why": "x"}'):
            r = c.post(f"/api/estimates/{wounded.id}/override", headers={**auth, "Content-Type": "application/json"},
                       content=body)
            assert r.status_code == 422 and r.json()["error"]["code"] == "E303", r.text
        eldoret = _uid(arts, "crash_eldoret_star", "killed")
        kisumu = _est(store, _uid(arts, "shoot_standard", "killed"))
        r = c.post(f"/api/estimates/{_est(store, eldoret).id}/move", headers=auth,
                   json={"claims": [eldoret], "to": kisumu.id, "why": "named victims"})
        assert r.status_code == 200
        torbali, kemal = _est(store, _uid(arts, "fire_hurriyet", "killed")), _est(store, _uid(arts, "fire2_aa", "killed"))
        assert c.post(f"/api/estimates/{torbali.id}/merge", headers=auth,
                      json={"other": kemal.id, "why": "one fire"}).status_code == 200
        nation = _uid(arts, "bus_nation", "killed")
        assert c.post(f"/api/estimates/{_est(store, nation).id}/split", headers=auth,
                      json={"claims": [nation], "why": "first count"}).status_code == 200
        evac = _uid(arts, "flood_bta", "evacuated")
        assert c.post(f"/api/estimates/{_est(store, evac).id}/mark", headers=auth,
                      json={"claims": [evac], "as": "running", "why": "ongoing"}).status_code == 200
        bad = c.post(f"/api/estimates/{killed.id}/split", headers=auth,
                     json={"claims": ["nope:c1"], "why": "x"})
        assert bad.status_code == 422 and bad.json()["error"]["code"] == "E303"
        log = c.get("/api/curations").json()
        assert [x["action"] for x in log["items"]] == ["detach", "override", "move", "merge", "split", "mark"]
        assert c.get(f"/api/estimates/{killed.id}/curations").json()["items"]
        incs = c.get("/api/incidents").json()
        assert incs["total"] >= 12
        one = c.get(f"/api/incidents/{incs['items'][0]['id']}").json()
        assert one["estimates"] and one["country"]
