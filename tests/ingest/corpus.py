"""Builders for ingest tests: a mixed input folder (good and bad inputs), feeds, WARC files."""

from __future__ import annotations

import io
import json
from pathlib import Path

GOOD_TEXTS = [
    "Migrants drown off Libya\n\nAt least 40 migrants drowned off the coast of Libya on Tuesday, the International "
    "Organization for Migration said. The coast guard said it had rescued 12 people and that the search was continuing.",
    "Border arrests rise\n\nPolish border guards detained 18 people who had crossed from Belarus during the night, a "
    "spokesperson for the border guard said on Monday. Five of them were taken to hospital with hypothermia.",
    "Court sentences smugglers\n\nA court in Athens sentenced three men to prison for smuggling migrants across the "
    "Evros river, the prosecutor's office said in a statement. The men had been arrested in 2023.",
]


def page(title: str, body: str, date: str = "2024-03-05", site: str = "Example News") -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in body.split(". ") if p)
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title} | {site}</title>"
            f"<meta property='og:site_name' content='{site}'>"
            f"<meta property='article:published_time' content='{date}T08:00:00Z'></head>"
            f"<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>{paras}</article>"
            f"<footer>Copyright {site}</footer></body></html>").encode("utf-8")


def rss(items: list[dict], *, full: bool) -> bytes:
    out = ['<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Example Feed</title>']
    for it in items:
        out.append(f"<item><title>{it['title']}</title><link>{it['link']}</link>"
                   f"<pubDate>{it.get('date', 'Tue, 05 Mar 2024 08:00:00 GMT')}</pubDate>"
                   f"<description>{it['body'][:80]}</description>")
        if full:
            out.append(f"<content:encoded><![CDATA[<p>{it['body']}</p><p>{it['body']}</p>]]></content:encoded>")
        out.append("</item>")
    out.append("</channel></rss>")
    return "".join(out).encode("utf-8")


def warc(pages: list[tuple[str, bytes]], *, gz: bool = True) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(html),
                                                      http_headers=headers))
    return buf.getvalue()


def mixed_folder(root: Path) -> dict[str, str]:
    """Good inputs plus one of every bad kind; returns {file name: expected reject code} for the bad ones."""
    root.mkdir(parents=True, exist_ok=True)
    for i, t in enumerate(GOOD_TEXTS[:2]):
        (root / f"good{i}.txt").write_text(t, encoding="utf-8")
    title, body = GOOD_TEXTS[2].split("\n\n")
    (root / "good.html").write_bytes(page(title, body))
    (root / "articles.jsonl").write_text(
        json.dumps({"text": GOOD_TEXTS[0].split("\n\n")[1] + " Aid groups asked for more ships.",
                    "url": "https://example.org/j1", "title": "From JSONL", "published": "2024-03-06"}) + "\n"
        + "{not json\n", encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    (root / "binary.bin").write_bytes(bytes(range(256)) * 8)
    (root / "latin1.txt").write_bytes("Der Präsident erklärte, dass vierzig Migranten gestorben seien.".encode("latin-1"))
    (root / "german.txt").write_text("Der Präsident der Republik erklärte am Dienstag, dass vierzig Migranten in der "
                                     "Nacht gestorben seien, teilten die Behörden mit.", encoding="utf-8")
    full = warc([("https://example.org/w1", page("Warc story", GOOD_TEXTS[1].split("\n\n")[1] + " More follows."))])
    (root / "crawl.warc.gz").write_bytes(full[: len(full) // 2])
    (root / "broken.rss").write_bytes(b"<rss><channel><title>x</title><item><title>unterminated")
    return {"empty.txt": "E101", "binary.bin": "E102", "latin1.txt": "E103", "german.txt": "E104",
            "crawl.warc.gz": "E106", "broken.rss": "E106", "articles.jsonl:2": "E106"}


class LocalServer:
    """A local HTTP server on 127.0.0.1 serving ``routes`` {path: (bytes, content type)}; counts hits.
    ``down = True`` makes it answer 503 (a network error for the client)."""

    def __init__(self, routes: dict[str, tuple[bytes, str]]):
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        self.routes = routes
        self.hits: dict[str, int] = {}
        self.down = False
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                outer.hits[self.path] = outer.hits.get(self.path, 0) + 1
                if outer.down:
                    self.send_response(503)
                    self.end_headers()
                    return
                if self.path not in outer.routes:
                    self.send_response(404)
                    self.end_headers()
                    return
                body, ctype = outer.routes[self.path]
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
