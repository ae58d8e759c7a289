"""Batch readers: folders, JSONL, RSS/Atom (file and local URL), WARC, URL lists; rejects."""

from __future__ import annotations

import json

from corpus import GOOD_TEXTS, LocalServer, mixed_folder, page, rss, warc

from claimwatch.dedup import NearDuplicateIndex, signature
from claimwatch.ingest import Document, Reject, iter_inputs


def _split(items):
    docs = [i for i in items if isinstance(i, Document)]
    rejects = [i for i in items if isinstance(i, Reject)]
    return docs, rejects


def test_mixed_folder_good_ones_read_every_reject_named(tmp_path):
    expected = mixed_folder(tmp_path / "in")
    docs, rejects = _split(list(iter_inputs([tmp_path / "in"])))
    assert len(docs) == 4  # two .txt, one .html, one JSONL line
    got = {r.name.split("/in/", 1)[1]: r.code for r in rejects}
    assert got == expected
    assert all(r.reason and "\n" not in r.reason for r in rejects)
    jsonl = [d for d in docs if d.url == "https://example.org/j1"][0]
    assert jsonl.title == "From JSONL" and jsonl.published == "2024-03-06"


def test_jsonl_fields_and_bad_lines(tmp_path):
    p = tmp_path / "a.jsonl"
    body = GOOD_TEXTS[1].split("\n\n")[1]
    p.write_text("\n".join([
        json.dumps({"text": body, "outlet": "Wire", "published": "2024-01-02T10:00:00Z"}),
        json.dumps([1, 2]),
        json.dumps({"title": "no text"}),
        "",
        json.dumps({"text": ""}),
    ]), encoding="utf-8")
    docs, rejects = _split(list(iter_inputs([p])))
    assert [(d.outlet, d.published) for d in docs] == [("Wire", "2024-01-02")]
    assert [(r.name.rsplit(":", 1)[1], r.code) for r in rejects] == [("2", "E106"), ("3", "E106"), ("5", "E101")]


def test_rss_full_content_from_file(tmp_path):
    items = [{"title": f"Story {i}", "link": f"https://example.org/s{i}", "body": t.split("\n\n")[1]}
             for i, t in enumerate(GOOD_TEXTS)]
    p = tmp_path / "feed.xml"
    p.write_bytes(rss(items, full=True))
    docs, rejects = _split(list(iter_inputs([p])))
    assert not rejects
    assert [d.title for d in docs] == ["Story 0", "Story 1", "Story 2"]
    assert all(d.outlet == "Example Feed" and d.published == "2024-03-05" for d in docs)
    assert docs[1].url == "https://example.org/s1"


def test_rss_summaries_fetch_item_pages_from_local_server(tmp_path):
    routes = {}
    with LocalServer(routes) as srv:
        items = []
        for i, t in enumerate(GOOD_TEXTS):
            title, body = t.split("\n\n")
            routes[f"/a{i}"] = (page(title, body), "text/html; charset=utf-8")
            items.append({"title": title, "link": f"{srv.url}/a{i}", "body": body})
        items.append({"title": "Gone", "link": f"{srv.url}/missing", "body": "summary only"})
        routes["/feed"] = (rss(items, full=False), "application/rss+xml")
        docs, rejects = _split(list(iter_inputs([f"{srv.url}/feed"])))
        assert len(docs) == 3 and srv.hits["/a0"] == 1
        assert "rescued 12 people" in docs[0].text
        assert docs[0].outlet == "Example News" and docs[0].url == f"{srv.url}/a0"
        assert [r.code for r in rejects] == ["E107"] and "404" in rejects[0].reason
        seen = {f"{srv.url}/a0", f"{srv.url}/a1"}
        docs2, _ = _split(list(iter_inputs([f"{srv.url}/feed"], skip_url=seen.__contains__)))
        assert [d.url for d in docs2] == [f"{srv.url}/a2"] and srv.hits["/a0"] == 1


def test_url_list_and_unreachable(tmp_path):
    with LocalServer({}) as srv:
        title, body = GOOD_TEXTS[0].split("\n\n")
        srv.routes["/x"] = (page(title, body), "text/html")
        lst = tmp_path / "urls.txt"
        lst.write_text(f"{srv.url}/x\n# comment\n{srv.url}/nope\n", encoding="utf-8")
        docs, rejects = _split(list(iter_inputs([lst, "http://127.0.0.1:9/unreachable"])))
    assert len(docs) == 1 and docs[0].url == f"{srv.url}/x"
    assert [r.code for r in rejects] == ["E107", "E107"]
    assert "cannot connect (" in rejects[1].reason and "Error:" not in rejects[1].reason, rejects[1].reason


def test_a_warc_record_with_unusable_headers_is_a_reject_in_words(tmp_path):
    # warcio meets a response record without WARC-Target-URI with an AttributeError of its own code
    pages = [("https://example.org/w0", page(*GOOD_TEXTS[0].split("\n\n")))]
    good = warc(pages, gz=False)
    bad = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
           b"Content-Type: application/http; msgtype=response\r\nContent-Length: 5\r\n\r\nshort\r\n\r\n")
    (tmp_path / "odd.warc").write_bytes(good + bad)
    docs, rejects = _split(list(iter_inputs([tmp_path / "odd.warc"])))
    assert len(docs) == 1 and len(rejects) == 1 and rejects[0].code == "E106"
    reason = rejects[0].reason
    assert "after 1 record(s)" in reason and "headers are malformed" in reason, reason
    assert "AttributeError" not in reason and "NoneType" not in reason


def test_warc_good_and_truncated(tmp_path):
    pages = [(f"https://example.org/w{i}", page(*t.split("\n\n"))) for i, t in enumerate(GOOD_TEXTS)]
    data = warc(pages)
    (tmp_path / "ok.warc.gz").write_bytes(data)
    docs, rejects = _split(list(iter_inputs([tmp_path / "ok.warc.gz"])))
    assert not rejects and [d.url for d in docs] == [u for u, _ in pages]
    (tmp_path / "cut.warc.gz").write_bytes(data[: int(len(data) * 0.8)])
    docs, rejects = _split(list(iter_inputs([tmp_path / "cut.warc.gz"])))
    assert len(docs) >= 1 and len(rejects) == 1 and rejects[0].code == "E106" and "WARC" in rejects[0].reason
    (tmp_path / "plain.warc").write_bytes(warc(pages[:1], gz=False))
    assert len(_split(list(iter_inputs([tmp_path / "plain.warc"])))[0]) == 1


def test_near_duplicate_index():
    base = " ".join(f"word{i}" for i in range(300))
    idx = NearDuplicateIndex(threshold=0.8)
    idx.add("a", signature(base))
    idx.add("other", signature(" ".join(f"term{i}" for i in range(300))))
    assert [k for k, _ in idx.match(signature(base.replace("word150", "changed")))] == ["a"]
    assert idx.match(signature(" ".join(f"word{i}" for i in range(150)))) == []


def test_signatures_are_those_of_a_fresh_minhash():
    """The permutations drawn once per process give exactly datasketch's own signature, so
    signatures stored earlier (or by other processes) stay comparable; bytes round-trip."""
    from datasketch import MinHash

    from claimwatch.dedup import NUM_PERM, SCHEME, from_bytes, shingles, to_bytes

    for text in ("Officials said 40 migrants drowned off Libya on Tuesday near the coast of Zuwara.",
                 " ".join(f"word{i}" for i in range(200)), "short"):
        fresh = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
        fresh.update_batch(list(shingles(text)))
        sig = signature(text)
        assert list(sig.hashvalues) == list(fresh.hashvalues)
        back = from_bytes(to_bytes(sig))
        assert back.jaccard(fresh) == 1.0 and to_bytes(back) == to_bytes(fresh)
    assert signature("one text about a shipwreck").jaccard(signature("another about border crossings")) < 0.5
