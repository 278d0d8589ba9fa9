"""Ingest: URLs and RSS/Atom feeds against a local server on 127.0.0.1 (loopback only)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import cast

import pytest

from collation.config import Options
from collation.ingest import read_inputs, web
from collation.ingest.web import blocked_reason
from collation.records import Document, Skipped

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
HARBOUR = (FIXTURES / "harbour.html").read_bytes()
ORCHARD = (FIXTURES / "orchard.html").read_bytes()

LONG_CONTENT = (
    "<p>"
    + " ".join(
        f"The lighthouse keeper logged ship number {i} passing the northern reef."
        for i in range(12)
    )
    + "</p><p>The log was handed to the harbour office on Friday.</p>"
)


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Coastal Ledger: News</title><link>{base}/</link><language>en-gb</language>
<item><title>Storm barrier closes</title><link>{base}/harbour</link>
<pubDate>Sun, 11 Feb 2024 08:00:00 GMT</pubDate></item>
<item><title>Lighthouse log published</title><link>{base}/missing</link>
<pubDate>Fri, 09 Feb 2024 10:00:00 GMT</pubDate><author>keeper@example.org (R. Vance)</author>
<content:encoded><![CDATA[{LONG_CONTENT}]]></content:encoded></item>
<item><title>Short note</title><link>{base}/missing</link>
<description>Only a one-line teaser.</description></item>
</channel></rss>""".encode()


def atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley farming</title>
<id>urn:example:valley</id><updated>2024-05-02T00:00:00Z</updated>
<entry><title>Frost ruins harvest</title><link href="{base}/orchard"/><id>urn:example:1</id>
<updated>2024-05-02T06:00:00Z</updated></entry></feed>""".encode()


class Handler(BaseHTTPRequestHandler):
    hits: Counter[str] = Counter()
    agents: list[str] = []

    def log_message(self, *args: object) -> None:  # keep test output quiet
        pass

    def _send(self, status: int, body: bytes, content_type: str, length: bool = True) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        Handler.hits[self.path] += 1
        Handler.agents.append(self.headers.get("User-Agent", ""))
        host, port = cast(tuple[str, int], self.server.server_address)[:2]
        base = f"http://{host}:{port}"
        html = "text/html; charset=utf-8"
        if self.path == "/harbour":
            self._send(200, HARBOUR, html)
        elif self.path == "/orchard":
            self._send(200, ORCHARD, html)
        elif self.path == "/redirect":
            self._redirect("/harbour")
        elif self.path == "/loop":
            self._redirect("/loop")
        elif self.path == "/other-loopback":
            self._redirect(f"http://127.0.0.2:{port}/harbour")
        elif self.path == "/feed.xml":
            self._send(200, rss(base), "application/rss+xml")
        elif self.path == "/atom":
            self._send(200, atom(base), "application/xml")  # generic type: sniffed as a feed
        elif self.path == "/plain":
            body = "Harbour office moves\n\nThe office moved to the north quay on Monday.\n"
            self._send(200, body.encode(), "text/plain; charset=utf-8")
        elif self.path == "/big":
            self._send(200, b"<p>" + b"wave " * 2000 + b"</p>", html)
        elif self.path == "/big-unannounced":
            self._send(200, b"<p>" + b"wave " * 2000 + b"</p>", html, length=False)
        elif self.path == "/image":
            self._send(200, b"\x89PNG\r\n\x1a\n", "image/png")
        elif self.path == "/slow":
            time.sleep(3)
            self._send(200, HARBOUR, html)
        else:
            self._send(404, b"not found", "text/plain")


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    host, port = cast(tuple[str, int], server.server_address)[:2]
    yield f"http://{host}:{port}"
    server.shutdown()
    server.server_close()


LOCAL = Options(allow_private=True, fetch_timeout=10, user_agent="collation-tests/1.0 (+local)")


def read_all(paths: list[str], options: Options = LOCAL) -> list[Document | Skipped]:
    return list(read_inputs(paths, options))


def test_page_url(base: str) -> None:
    (doc,) = read_all([f"{base}/harbour"])
    assert isinstance(doc, Document)
    assert doc.format == "url"
    assert doc.source == f"{base}/harbour"
    assert doc.title == "Storm barrier at Port Arlen closes for the first time"
    assert doc.text.startswith(doc.title + "\n\n")
    assert doc.url == "https://www.coastal-ledger.example/news/port-arlen-barrier"  # canonical
    assert doc.published == "2024-02-11"
    assert Handler.agents[-1] == "collation-tests/1.0 (+local)"


def test_redirect_is_followed(base: str) -> None:
    (doc,) = read_all([f"{base}/redirect"])
    (direct,) = read_all([f"{base}/harbour"])
    assert isinstance(doc, Document) and isinstance(direct, Document)
    assert doc.source == f"{base}/redirect"
    assert doc.text == direct.text


def test_redirect_loop_is_bounded(base: str) -> None:
    before = Handler.hits["/loop"]
    (item,) = read_all([f"{base}/loop"])
    assert isinstance(item, Skipped) and item.code == "E110"
    assert "redirects" in item.reason
    assert Handler.hits["/loop"] - before == web.MAX_REDIRECTS + 1


def test_plain_text_url(base: str) -> None:
    (doc,) = read_all([f"{base}/plain"])
    assert isinstance(doc, Document)
    assert doc.title == "Harbour office moves"
    assert doc.text.endswith("north quay on Monday.\n")


@pytest.mark.parametrize(
    ("path", "code", "words"),
    [
        ("/missing", "E110", "HTTP 404"),
        ("/big", "E110", "fetch_max_bytes"),
        ("/big-unannounced", "E110", "fetch_max_bytes"),
        ("/image", "E107", "image/png"),
    ],
)
def test_bad_urls_are_skipped(base: str, path: str, code: str, words: str) -> None:
    options = LOCAL.replace(fetch_max_bytes=5000)
    (item,) = read_all([base + path], options)
    assert isinstance(item, Skipped)
    assert item.code == code
    assert words in item.reason


def test_timeout(base: str) -> None:
    (item,) = read_all([f"{base}/slow"], LOCAL.replace(fetch_timeout=0.5))
    assert isinstance(item, Skipped) and item.code == "E110"
    assert "fetch_timeout" in item.reason


def test_rss_feed_entries(base: str) -> None:
    items = read_all([f"{base}/feed.xml"])
    assert [item.source for item in items] == [f"{base}/feed.xml#{n}" for n in (1, 2, 3)]
    fetched, fallback, skipped = items
    # 1: the linked article was fetched and extracted
    assert isinstance(fetched, Document) and fetched.format == "feed"
    assert fetched.outlet == "The Coastal Ledger"
    assert "Tomas Lindqvist" in fetched.text
    # 2: the link fails, but the entry carries the full article
    assert isinstance(fallback, Document)
    assert fallback.title == "Lighthouse log published"
    assert fallback.text.startswith("Lighthouse log published\n\nThe lighthouse keeper logged")
    assert fallback.published == "2024-02-09" and fallback.published_basis == "metadata"
    assert fallback.url == f"{base}/missing"
    assert fallback.language == "en"
    # 3: the link fails and a teaser is not an article
    assert isinstance(skipped, Skipped)
    assert "HTTP 404" in skipped.reason and "words" in skipped.reason


def test_atom_feed_sniffed_from_generic_xml(base: str) -> None:
    (doc,) = read_all([f"{base}/atom"])
    assert isinstance(doc, Document)
    assert doc.source == f"{base}/atom#1"
    assert doc.title == "Frost ruins half of the apple harvest in the Velden valley"
    assert doc.published == "2024-05-02"  # the page has no date; the feed entry's is metadata
    assert doc.published_basis == "metadata"


def test_private_address_refused_without_allow_private(base: str) -> None:
    before = sum(Handler.hits.values())
    (item,) = read_all([f"{base}/harbour"], Options())
    assert isinstance(item, Skipped)
    assert item.code == "E111"
    assert "loopback address 127.0.0.1" in item.reason and "allow_private" in item.reason
    assert sum(Handler.hits.values()) == before  # refused before any connection


def test_each_redirect_hop_is_checked(base: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # pretend 127.0.0.1 were public; the redirect target 127.0.0.2 must still be refused
    real = web.blocked_reason
    monkeypatch.setattr(web, "blocked_reason", lambda a: None if a == "127.0.0.1" else real(a))
    before = Handler.hits["/other-loopback"]
    (item,) = read_all([f"{base}/other-loopback"], Options())
    assert Handler.hits["/other-loopback"] == before + 1
    assert isinstance(item, Skipped) and item.code == "E111"
    assert "127.0.0.2" in item.reason


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("192.168.0.10", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1%eth0", "link-local"),
        ("::ffff:127.0.0.1", "loopback"),
        ("2002:7f00:1::", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"),
        ("100.64.0.1", "non-public"),
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_blocked_reason(address: str, reason: str | None) -> None:
    assert blocked_reason(address) == reason


def test_local_feed_file(base: str, tmp_path: Path) -> None:
    path = tmp_path / "saved.rss"
    path.write_bytes(rss(base))
    items = read_all([str(path)])
    assert [item.source for item in items] == [f"{path}#{n}" for n in (1, 2, 3)]
    assert [type(item).__name__ for item in items] == ["Document", "Document", "Skipped"]
