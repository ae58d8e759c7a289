"""Input limits of the ingest flow (issue 14): size in characters and bytes before spaCy (E105,
exit 2, HTTP 413), the per-article time budget (E108), lone surrogates (E103), a ``published``
that is not a date (stored as null with a warning), folders with symbolic links and FIFOs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from standin_extract import extract_doc, extract_docs

from claimwatch.errors import EncodingInput, TooLarge, TooSlow
from claimwatch.flow import ingest_document, ingest_inputs
from claimwatch.ingest import Document, Reject
from claimwatch.ingest.validate import check_document, check_text
from claimwatch.settings import load_settings
from claimwatch.store import Store

PY = sys.executable
RUN_CLI = Path(__file__).resolve().parents[1] / "store" / "run_cli.py"
SENTENCE = "Border guards said 12 migrants were detained near the river on Monday night. "


def _cli(*args: str, env: dict | None = None, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run([PY, str(RUN_CLI), *args], capture_output=True, text=True, timeout=timeout,
                          env=dict(os.environ, **(env or {})))


def _no_pipeline(monkeypatch):
    """Fail the test if anything loads the NLP pipeline."""
    import importlib

    api = importlib.import_module("claimwatch.extract.api")

    def boom(*a, **kw):
        raise AssertionError("the NLP pipeline was reached")

    monkeypatch.setattr(api, "get_pipeline", boom)


# -- size ------------------------------------------------------------------------------------
def test_over_the_character_limit_is_refused_before_spacy(monkeypatch):
    import claimwatch

    _no_pipeline(monkeypatch)
    limit = load_settings().max_input_chars
    text = SENTENCE * (limit // len(SENTENCE) + 1)
    with pytest.raises(TooLarge) as info:
        claimwatch.extract(text)
    assert info.value.code == "E105" and info.value.exit_code == 2
    assert info.value.reason == f"too large: {len(text)} characters, limit {limit} characters"


def test_over_the_byte_limit_in_utf8_is_refused():
    settings = load_settings(max_input_bytes=1_000, max_input_chars=10_000)
    text = "Près de la frontière, " + "é" * 600 + " " + SENTENCE  # under 10,000 characters, over 1,000 bytes
    with pytest.raises(TooLarge) as info:
        check_text(text, "t.txt", settings=settings)
    assert "bytes, limit 1000 bytes" in info.value.reason


def test_cli_extract_of_a_huge_file_is_one_error_line_exit_2(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(SENTENCE * 20_000, encoding="utf-8")  # 1.5 million characters, under the byte limit
    proc = subprocess.run([PY, "-m", "claimwatch", "extract", str(big)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip() == (f"claimwatch: error: {big}: too large: {len(SENTENCE) * 20_000} characters, "
                                   f"limit {load_settings().max_input_chars} characters")


def test_batch_ingest_rejects_the_huge_input_and_goes_on(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "big.txt").write_text(SENTENCE * 200, encoding="utf-8")
    (folder / "ok.txt").write_text(SENTENCE * 2, encoding="utf-8")
    proc = _cli("ingest", str(folder), "--db", f"sqlite:///{tmp_path / 'x.db'}", "-q", "--workers", "1",
                env={"CLAIMWATCH_MAX_INPUT_CHARS": "5000"})
    assert proc.returncode == 0, proc.stderr
    assert "1 stored" in proc.stdout
    assert f"rejected: {folder / 'big.txt'}: too large: {len(SENTENCE) * 200} characters, limit 5000 characters [E105]" \
        in proc.stderr


@pytest.fixture
def api(tmp_path):
    """An app whose settings (not the environment) set small limits: they must reach the readers."""
    from fastapi.testclient import TestClient

    from claimwatch.web import create_app

    store = Store(f"sqlite:///{tmp_path / 'api.db'}")
    token = store.create_token("tester")
    settings = load_settings(max_input_chars=2_000, max_input_bytes=3_000, max_request_bytes=100_000,
                             max_seconds_per_article=0)
    app = create_app(store, settings=settings, extractor=extract_doc, update_estimates=lambda s, ids: [])
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, {"Authorization": f"Bearer {token}"}, store
    store.close()


@pytest.mark.parametrize("ctype", ["application/json", "text/plain", "text/html"])
def test_api_over_the_limit_is_413_e105(api, ctype):
    client, auth, store = api
    text = SENTENCE * 40  # ~3,100 characters: over max_input_chars (and max_input_bytes) of the app's settings
    if ctype == "application/json":
        r = client.post("/api/articles", json={"text": text}, headers=auth)
    elif ctype == "text/plain":
        r = client.post("/api/articles", content=text.encode(), headers=auth | {"content-type": ctype})
    else:
        html = f"<html><body><article><p>{text}</p></article></body></html>"
        r = client.post("/api/articles", content=html.encode(), headers=auth | {"content-type": ctype})
    assert r.status_code == 413, r.text
    assert r.json()["error"]["code"] == "E105"
    assert store.count_articles() == 0


def test_api_lone_surrogate_is_a_client_error_not_500(api):
    client, auth, store = api
    body = '{"text": "' + SENTENCE + ' \\ud800 more text here"}'
    r = client.post("/api/articles", content=body.encode(), headers=auth | {"content-type": "application/json"})
    assert 400 <= r.status_code < 500 and r.json()["error"]["code"] in ("E103", "E303"), r.text
    assert store.count_articles() == 0


def test_api_bad_published_is_stored_as_null(api):
    client, auth, store = api
    r = client.post("/api/articles?wait=60", json={"text": SENTENCE * 2, "published": "last Tuesday"}, headers=auth)
    assert r.status_code == 201, r.text
    assert store.get_article(r.json()["article_id"]).published is None


# -- lone surrogates, published --------------------------------------------------------------
def test_lone_surrogates_are_the_encoding_error():
    with pytest.raises(EncodingInput) as info:
        check_text(SENTENCE + "\udc80" + SENTENCE, "t.txt")
    assert info.value.code == "E103" and "lone surrogate U+DC80" in info.value.reason
    doc = Document(text=SENTENCE * 2, title="Bad \ud83d title", name="d")
    with pytest.raises(EncodingInput):
        check_document(doc)


def test_jsonl_surrogate_escape_is_a_reject_and_the_batch_goes_on(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": SENTENCE + "\ud800"}) + "\n" + json.dumps({"text": SENTENCE * 2}) + "\n",
                    encoding="utf-8")
    store = Store(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        res = ingest_inputs([str(path)], store, extractor=extract_docs, workers=1, reconcile=False)
    finally:
        store.close()
    assert res.accepted == 1 and [(r.name, r.code) for r in res.rejects] == [(f"{path}:1", "E103")]


@pytest.mark.parametrize("value,stored", [("2024-03-05", "2024-03-05"), ("2024-03-05T10:00:00Z", "2024-03-05"),
                                          ("2024-13-45", None), ("yesterday", None), ("0001-01-01", None)])
def test_published_is_a_date_or_null_with_a_warning(value, stored):
    doc = Document(text=SENTENCE * 2, published=value, name="d.txt")
    warnings = check_document(doc)
    assert doc.published == stored
    assert bool(warnings) == (stored is None)
    if warnings:
        assert warnings[0].startswith("d.txt: published") and "stored as null" in warnings[0]


def test_cli_ingest_warns_and_stores_null_published(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps({"text": SENTENCE * 2, "published": "2024-02-30"}) + "\n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    proc = _cli("ingest", str(path), "--db", db, "-q", "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    assert f"warning: {path}:1: published '2024-02-30' is not a date; stored as null" in proc.stderr
    store = Store(db)
    try:
        (art,), _ = store.search_articles()
        assert art.published is None
    finally:
        store.close()


# -- time budget -----------------------------------------------------------------------------
def _spin(seconds: float) -> None:
    """Use CPU for ``seconds`` (the budget counts CPU time, not sleeping)."""
    t0 = time.thread_time()
    while time.thread_time() - t0 < seconds:
        sum(range(1000))


def _slow_extractor(docs):
    for d in docs:
        if "SLOW" in d.text:
            _spin(30)
    return extract_docs(docs)


def test_batch_ingest_refuses_only_the_article_over_the_time_budget(tmp_path):
    docs = [Document(text=SENTENCE * 2 + f"Report {i}.", name=f"d{i}") for i in range(3)]
    docs.insert(1, Document(text=SENTENCE * 2 + "SLOW report.", name="slow"))
    store = Store(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        res = ingest_inputs(docs, store, settings=load_settings(max_seconds_per_article=0.5), extractor=_slow_extractor,
                            workers=1, batch_size=4, reconcile=False)
    finally:
        store.close()
    assert res.accepted == 3
    assert [(r.name, r.code) for r in res.rejects] == [("slow", "E108")]
    assert res.rejects[0].reason == "too slow: extraction took more than 0.5 s of CPU time (the per-article time budget)"


def test_one_document_over_the_budget_is_e108(tmp_path):
    def slow(doc):
        _spin(1)
        return extract_doc(doc)

    store = Store(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        with pytest.raises(TooSlow) as info:
            ingest_document(Document(text=SENTENCE * 2, name="one"), store,
                            settings=load_settings(max_seconds_per_article=0.2), extractor=slow)
        assert info.value.code == "E108" and info.value.http_status == 422
        assert store.count_articles() == 0

        # in a worker thread (no signals there) the same article is refused once it has finished
        errors: list[BaseException] = []

        def in_thread():
            try:
                ingest_document(Document(text=SENTENCE * 3, name="two"), store,
                                settings=load_settings(max_seconds_per_article=0.2), extractor=slow)
            except BaseException as exc:  # noqa: BLE001
                errors.append(exc)

        t = threading.Thread(target=in_thread)
        t.start()
        t.join(60)
        assert [type(e) for e in errors] == [TooSlow] and store.count_articles() == 0
    finally:
        store.close()


# -- folders: symbolic links and special files -------------------------------------------------
def test_folder_ingest_skips_symlinks_and_fifos_with_a_reason(tmp_path):
    secret = tmp_path / "outside.txt"
    secret.write_text("Outside the folder: " + SENTENCE * 2, encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "ok.txt").write_text(SENTENCE * 2, encoding="utf-8")
    (folder / "link.txt").symlink_to(secret)
    (folder / "linkdir").symlink_to(tmp_path, target_is_directory=True)
    os.mkfifo(folder / "sub" / "pipe.txt")
    db = f"sqlite:///{tmp_path / 'x.db'}"
    proc = _cli("ingest", str(folder), "--db", db, "-q", "--workers", "1", timeout=120)  # a FIFO read would hang
    assert proc.returncode == 0, proc.stderr
    assert "1 stored" in proc.stdout
    assert f"rejected: {folder / 'link.txt'}: cannot read input: a symbolic link, not followed [E107]" in proc.stderr
    assert f"rejected: {folder / 'linkdir'}: cannot read input: a symbolic link, not followed [E107]" in proc.stderr
    assert f"rejected: {folder / 'sub' / 'pipe.txt'}: cannot read input: not a regular file (a FIFO) [E107]" \
        in proc.stderr
    store = Store(db)
    try:
        (art,), _ = store.search_articles()
        assert "Outside the folder" not in art.text
        assert {r["name"] for r in store.rejects()} == {str(folder / "link.txt"), str(folder / "linkdir"),
                                                        str(folder / "sub" / "pipe.txt")}
    finally:
        store.close()


def test_a_fifo_named_on_the_command_line_is_refused_not_read(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    proc = subprocess.run([PY, "-m", "claimwatch", "extract", str(fifo)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert proc.stderr.strip() == f"claimwatch: error: {fifo}: cannot read input: not a regular file (a FIFO)"
    store_db = f"sqlite:///{tmp_path / 'x.db'}"
    ingest = _cli("ingest", str(fifo), "--db", store_db, "-q", timeout=60)
    assert ingest.returncode == 2
    assert ingest.stderr.strip().splitlines()[-1] == \
        f"claimwatch: error: {fifo}: cannot read input: not a regular file (a FIFO)"


def test_a_symlink_named_on_the_command_line_is_followed(tmp_path):
    target = tmp_path / "story.txt"
    target.write_text(SENTENCE * 2, encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    store = Store(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        res = ingest_inputs([str(link)], store, extractor=extract_docs, workers=1, reconcile=False)
    finally:
        store.close()
    assert res.accepted == 1 and not res.rejects


def test_rejects_keep_their_reason_type():
    r = Reject.from_error(TooSlow("x", limit="1"), "x")
    assert r.code == "E108" and r.line() == \
        "x: too slow: extraction took more than 1 s of CPU time (the per-article time budget) (E108)"


def test_spark_partitions_apply_the_same_checks():
    """The Spark job's extraction step checks documents like the flow: limits, published."""
    from claimwatch.spark.job import extract_partition

    big = Document(text=SENTENCE * 20, name="big")
    small = Document(text=SENTENCE * 2, published="someday", name="small")
    rows = [("d", json.dumps(big.to_dict())), ("d", json.dumps(small.to_dict())),
            ("r", json.dumps({"name": "bad", "code": "E101", "reason": "empty"}))]
    out = list(extract_partition(rows, 8, load_settings(max_input_chars=500)))
    rejects = [json.loads(p) for t, p in out if t == "r"]
    articles = [json.loads(p) for t, p in out if t == "a"]
    assert [(r["name"], r["code"]) for r in rejects] == [("big", "E105"), ("bad", "E101")]
    assert [(a["name"], a["published"]) for a in articles] == [("small", None)]


def test_waiting_is_not_counted_against_the_budget(tmp_path):
    """The budget is CPU time: an extraction that waits (a loaded machine, I/O) is not refused for it."""
    def waits(doc):
        time.sleep(1.0)
        return extract_doc(doc)

    store = Store(f"sqlite:///{tmp_path / 'x.db'}")
    try:
        res = ingest_document(Document(text=SENTENCE * 2, name="one"), store,
                              settings=load_settings(max_seconds_per_article=0.3), extractor=waits, reconcile=False)
        assert res.created
    finally:
        store.close()
