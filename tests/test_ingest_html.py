"""Ingest: HTML pages (trafilatura) and WARC archives."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from collation.config import Options
from collation.ids import document_id
from collation.ingest import read_inputs
from collation.ingest.html import extract_article, fragment_text, paragraphs
from collation.records import Document, Skipped

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
OPTIONS = Options()

RUSSIAN_PARAGRAPHS = [
    "Паром между Кесселем и островом Хольм во вторник снова вышел в рейс после ремонта.",
    "Оператор сообщил, что новый двигатель успешно прошёл ходовые испытания в понедельник.",
    "Жители острова три недели добирались до материка на небольших частных лодках.",
    "В мэрии пообещали компенсировать часть расходов тем, кто ездил на работу каждый день.",
]


def read_all(paths: list[str]) -> list[Document | Skipped]:
    return list(read_inputs(paths, OPTIONS))


def test_html_article_with_metadata() -> None:
    (doc,) = read_all([str(FIXTURES / "harbour.html")])
    assert isinstance(doc, Document)
    assert doc.format == "html"
    assert doc.title == "Storm barrier at Port Arlen closes for the first time"
    # the headline came from metadata, so it is prepended to the body
    assert doc.text.startswith(doc.title + "\n\nThe new storm barrier at Port Arlen")
    assert doc.outlet == "The Coastal Ledger"
    assert doc.url == "https://www.coastal-ledger.example/news/port-arlen-barrier"
    assert doc.published == "2024-02-11"
    assert doc.published_basis == "metadata" and doc.published_confidence == 1.0
    assert doc.language == "en"
    assert doc.author == "Mira Okafor"
    assert doc.encoding == "utf-8"
    assert doc.id == document_id(doc.text)
    # comments, navigation, footer and the image caption are not article text
    for absent in ("well done to the engineers", "Weather", "All rights reserved", "north quay"):
        assert absent not in doc.text
    # paragraphs are separated by one blank line, with nothing else rewritten
    assert "\n\n\n" not in doc.text
    assert '"It did exactly what it was built to do," said Tomas Lindqvist' in doc.text


def test_html_headline_not_repeated_when_body_starts_with_it() -> None:
    (doc,) = read_all([str(FIXTURES / "orchard.html")])
    assert isinstance(doc, Document)
    assert doc.title == "Frost ruins half of the apple harvest in the Velden valley"
    assert doc.text.count(doc.title) == 1
    assert doc.text.startswith(doc.title + "\n\nGrowers in the Velden valley")
    assert doc.outlet is None and doc.url is None  # no site name, no URL: nothing invented
    assert "Farming" not in doc.text


def test_html_gz_is_read(tmp_path: Path) -> None:
    path = tmp_path / "harbour.html.gz"
    path.write_bytes(gzip.compress((FIXTURES / "harbour.html").read_bytes()))
    (doc,) = read_all([str(path)])
    (plain,) = read_all([str(FIXTURES / "harbour.html")])
    assert isinstance(doc, Document) and isinstance(plain, Document)
    assert doc.text == plain.text and doc.id == plain.id


def test_outlet_falls_back_to_registrable_domain() -> None:
    page = (FIXTURES / "orchard.html").read_text(encoding="utf-8")
    page = page.replace(
        "</head>", '<link rel="canonical" href="https://www.news.valley-post.co.uk/frost">\n</head>'
    )
    fields = extract_article(page)
    assert fields is not None
    assert fields.url == "https://www.news.valley-post.co.uk/frost"
    from collation.ingest.common import assemble

    doc = assemble(fields, source="x", fmt="html")
    assert doc.outlet == "valley-post.co.uk"


def test_paragraph_helpers() -> None:
    assert paragraphs("One.\n  \nTwo.\n- item\n") == "One.\n\nTwo.\n\n- item"
    fragment = "<p>First   line\nwraps.</p><p>Second<br>part</p><ul><li>point</li></ul>"
    assert fragment_text(fragment) == "First line wraps.\n\nSecond\n\npart\n\npoint"


def _warc(path: Path) -> None:
    harbour = (FIXTURES / "harbour.html").read_bytes()
    russian = (
        "<html><head><title>Паром снова в рейсе</title></head><body><article>"
        + "".join(f"<p>{p}</p>" for p in RUSSIAN_PARAGRAPHS)
        + "</article></body></html>"
    ).encode("cp1251")
    with open(path, "wb") as handle:
        writer = WARCWriter(handle, gzip=True)

        def response(uri: str, body: bytes, content_type: str, status: str = "200 OK") -> None:
            headers = StatusAndHeaders(
                status, [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                uri, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)

        writer.write_record(writer.create_warcinfo_record("test.warc.gz", {"software": "tests"}))
        request = StatusAndHeaders(
            "GET /barrier HTTP/1.1", [("Host", "a.example")], is_http_request=True
        )
        writer.write_record(
            writer.create_warc_record("https://a.example/barrier", "request", http_headers=request)
        )
        response("https://a.example/barrier", harbour, "text/html; charset=utf-8")  # record 3
        response("https://a.example/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
        response("https://a.example/old", b"", "text/html", status="301 Moved Permanently")
        response("https://b.example/ferry", russian, "text/html; charset=windows-1251")  # 6
        response("https://b.example/empty", b"<html><body></body></html>", "text/html")  # 7


def test_warc_html_responses(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    _warc(path)
    items = read_all([str(path)])
    assert [item.source for item in items] == [f"{path}#3", f"{path}#6", f"{path}#7"]
    first, second, third = items
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.format == "warc"
    assert first.url == "https://a.example/barrier"  # target URI, not the canonical link
    assert first.outlet == "The Coastal Ledger"
    assert first.published == "2024-02-11"
    assert second.encoding == "cp1251"
    assert second.title == "Паром снова в рейсе"
    assert second.text.startswith("Паром снова в рейсе\n\nПаром между Кесселем")
    assert second.outlet == "b.example"
    assert isinstance(third, Skipped) and third.code == "E105"
    assert read_all([str(path)]) == items  # deterministic


def test_not_a_warc_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"this is not an archive\n" * 10)
    (item,) = read_all([str(path)])
    assert isinstance(item, Skipped)
    assert item.code == "E105"
    assert "WARC" in item.reason


def test_date_from_page_text_has_lower_confidence() -> None:
    page = (FIXTURES / "orchard.html").read_text(encoding="utf-8")
    dated = page.replace("</div>\n</body>", "<p>Last edited: March 14th, 2023</p></div>\n</body>")
    fields = extract_article(dated)
    assert fields is not None
    assert fields.published == "2023-03-14"
    assert fields.published_basis == "text" and fields.published_confidence == 0.5


def test_copyright_year_is_not_a_publication_date() -> None:
    page = (FIXTURES / "orchard.html").read_text(encoding="utf-8")
    footer = page.replace("</body>", "<footer>© 2021 Valley Post</footer></body>")
    fields = extract_article(footer)
    assert fields is not None
    assert fields.published is None and fields.published_basis is None


def test_stdin_html_is_sniffed() -> None:
    stream = io.BytesIO(gzip.compress((FIXTURES / "harbour.html").read_bytes()))
    (doc,) = list(read_inputs(["-"], OPTIONS, stdin=stream))
    assert isinstance(doc, Document)
    assert doc.source == "<stdin>" and doc.format == "html"
    assert doc.outlet == "The Coastal Ledger"
