"""The Spark job in local mode gives the same claims as the single-machine extraction,
from JSONL, Parquet and WARC inputs; bad inputs land in the rejects table with reasons."""

from __future__ import annotations

import io
import json

import pytest

pytest.importorskip("pyspark")

pytestmark = pytest.mark.spark


def _corpus(seed_body: str) -> list[dict]:
    paras = [p for p in seed_body.split("\n\n") if p.strip()]
    docs = [{"text": seed_body, "url": "https://example.org/seed", "published": "2024-03-01", "outlet": "Example"}]
    for i in range(0, len(paras) - 1, 2):
        docs.append({"text": paras[i] + "\n\n" + paras[i + 1], "url": f"https://example.org/{i}",
                     "published": f"2024-03-{i + 2:02d}"})
    return docs


def _assert_same_as_single(articles, singles) -> None:
    """Article by article: same metadata, same claims (SPEC §2 JSON), same order."""
    by_id = {a.id: a for a in articles}
    assert len(by_id) == len(articles) == len(singles)
    for single in singles:
        distributed = by_id[single.id]
        assert (distributed.url, distributed.published, distributed.title, distributed.outlet) == \
            (single.url, single.published, single.title, single.outlet)
        assert distributed.text == single.text
        assert [c.to_dict() for c in distributed.claims] == [c.to_dict() for c in single.claims]


@pytest.fixture(scope="module")
def jsonl_run(spark, tmp_path_factory, seed_body):
    from claimwatch.spark.job import SparkJobConfig, run_extract

    base = tmp_path_factory.mktemp("spark-jsonl")
    docs = _corpus(seed_body)
    src = base / "in.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d) + "\n")
        fh.write("{not json\n")
        fh.write(json.dumps({"text": "   "}) + "\n")
        fh.write(json.dumps({"text": "Der Grenzschutz meldete am Samstag, dass zwei Männer im Fluss ertrunken sind, "
                                     "und die Polizei ermittelt weiter in der Region."}) + "\n")
    out = base / "out"
    counts = run_extract(SparkJobConfig(input=str(src), output=str(out), partitions=2), spark=spark)
    return docs, out, counts


def test_spark_claims_equal_single_machine(jsonl_run):
    from claimwatch.extract.api import extract
    from claimwatch.spark.load import read_output

    docs, out, counts = jsonl_run
    articles, _ = read_output(str(out))
    assert counts["articles"] == len(docs) == len(articles)
    singles = [extract(d["text"], published=d["published"], url=d["url"], outlet=d.get("outlet")) for d in docs]
    _assert_same_as_single(articles, singles)
    assert sum(len(a.claims) for a in articles) == counts["claims"] > 0


def test_spark_rejects_have_reasons(jsonl_run, seed_body):
    from claimwatch.spark.load import read_output

    _, out, counts = jsonl_run
    _, rejects = read_output(str(out))
    assert counts["rejects"] == len(rejects) == 3
    n = len(_corpus(seed_body))
    src = str(out.parent / "in.jsonl")
    # the bad lines follow the good documents and are named by the input and their line number
    assert {r["name"]: r["code"] for r in rejects} == {f"{src} line {n + 1}": "E106", f"{src} line {n + 2}": "E101",
                                                       f"{src} line {n + 3}": "E104"}, rejects
    assert all(r["reason"] for r in rejects)


def test_parquet_input(spark, tmp_path, seed_body):
    import pyarrow as pa
    import pyarrow.parquet as pq

    from claimwatch.extract.api import extract
    from claimwatch.spark.job import SparkJobConfig, run_extract
    from claimwatch.spark.load import read_output

    docs = _corpus(seed_body)[:3]
    rows = [dict(d, title=f"Report {i}") for i, d in enumerate(docs)] + [
        {"text": None, "url": "https://example.org/empty", "published": None, "outlet": None, "title": None}]
    src = tmp_path / "articles.parquet"
    pq.write_table(pa.Table.from_pylist(rows), str(src))
    out = tmp_path / "out"
    counts = run_extract(SparkJobConfig(input=str(src), output=str(out), partitions=2), spark=spark)
    articles, rejects = read_output(str(out))
    assert counts == {"articles": 3, "claims": sum(len(a.claims) for a in articles), "rejects": 1}
    singles = [extract(r["text"], published=r["published"], url=r["url"], outlet=r.get("outlet"), title=r["title"])
               for r in rows[:3]]
    _assert_same_as_single(articles, singles)
    assert rejects[0]["code"] == "E106" and "text" in rejects[0]["reason"]


def _warc(path, pages: list[tuple[str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, html in pages:
            body = html.encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
        img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record("https://example.org/logo.png", "response",
                                                      payload=io.BytesIO(b"\x89PNG\r\n"), http_headers=img))


def _html(title: str, body: str, day: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return (f"<html><head><title>{title}</title><meta property=\"article:published_time\" content=\"{day}\"></head>"
            f"<body><nav>Home | World</nav><article><h1>{title}</h1>{paras}</article>"
            f"<footer>Copyright Example News</footer></body></html>")


def test_warc_input(spark, tmp_path, seed_body):
    from claimwatch.extract.api import extract_document
    from claimwatch.ingest import Reject, iter_inputs
    from claimwatch.spark.job import SparkJobConfig, run_extract
    from claimwatch.spark.load import read_output

    docs = _corpus(seed_body)[:3]
    pages = [(d["url"], _html(f"Report number {i}", d["text"], d["published"])) for i, d in enumerate(docs)]
    pages.append(("https://example.org/empty", "<html><head><title>x</title></head><body></body></html>"))
    src = tmp_path / "crawl.warc.gz"
    _warc(src, pages)
    out = tmp_path / "out"
    counts = run_extract(SparkJobConfig(input=str(src), output=str(out), partitions=2), spark=spark)
    articles, rejects = read_output(str(out))

    single_docs = list(iter_inputs([str(src)]))
    singles = [extract_document(d) for d in single_docs if not isinstance(d, Reject)]
    single_rejects = [d for d in single_docs if isinstance(d, Reject)]
    assert len(singles) == counts["articles"] == 3
    _assert_same_as_single(articles, singles)
    assert counts["claims"] > 0
    assert len(rejects) == len(single_rejects) == 1
    assert rejects[0]["name"].endswith("https://example.org/empty") and rejects[0]["reason"]
    assert "crawl.warc.gz#4" in rejects[0]["name"]


def test_load_parquet_into_store(jsonl_run, tmp_path):
    from claimwatch.spark.load import load_output, read_output
    from claimwatch.store import Store

    docs, out, _ = jsonl_run
    store = Store(f"sqlite:///{tmp_path / 'cw.db'}")
    first = load_output(str(out), store, reconcile=False)
    assert first["articles"] == len(docs) and first["rejects"] == 3
    again = load_output(str(out), store, reconcile=False)
    assert again["articles"] == 0 and again["skipped"] == len(docs)
    loaded = read_output(str(out))[0][0]
    stored = store.get_article(loaded.id)
    assert [c.to_dict() for c in stored.claims] == [c.to_dict() for c in loaded.claims]


def test_unknown_format_is_a_config_error(spark, tmp_path):
    from claimwatch.errors import ConfigError
    from claimwatch.spark.job import SparkJobConfig, run_extract

    with pytest.raises(ConfigError):
        run_extract(SparkJobConfig(input=str(tmp_path / "articles.txt"), output=str(tmp_path / "o")), spark=spark)
