"""Ingest: plain text and Markdown files, folders, globs, stdin, ordering and determinism."""

from __future__ import annotations

import gzip
import io
import os
import threading
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collation.config import Options
from collation.ids import document_id
from collation.ingest import read_inputs
from collation.ingest.decode import normalize_text
from collation.ingest.text import guess_title, looks_like_headline
from collation.records import Document, Skipped

OPTIONS = Options()

ARTICLE = (
    "Ferry service to Holm island resumes after engine repairs\n"
    "\n"
    "The ferry between Kessel and Holm island sailed again on Tuesday after three weeks "
    "in dry dock.\n"
    "\n"
    "\n"
    "The operator said the replacement engine had passed its sea trials on Monday.\n"
)


def read_all(
    paths: list[str], options: Options = OPTIONS, **kw: object
) -> list[Document | Skipped]:
    return list(read_inputs(paths, options, **kw))  # type: ignore[arg-type]


def docs_of(items: list[Document | Skipped]) -> list[Document]:
    return [item for item in items if isinstance(item, Document)]


def test_txt_text_kept_exactly_and_title_from_first_line(tmp_path: Path) -> None:
    path = tmp_path / "ferry.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (doc,) = read_all([str(path)])
    assert isinstance(doc, Document)
    assert doc.text == ARTICLE  # blank lines (even doubled ones) and the final newline kept
    assert doc.title == "Ferry service to Holm island resumes after engine repairs"
    assert doc.id == document_id(ARTICLE)
    assert doc.source == str(path)
    assert doc.format == "text"
    assert doc.encoding == "utf-8"
    assert doc.segments == ()
    assert doc.published is None and doc.published_basis is None


def test_crlf_and_lone_cr_become_newlines(tmp_path: Path) -> None:
    path = tmp_path / "windows.txt"
    path.write_bytes(ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    old_mac = tmp_path / "mac.txt"
    old_mac.write_bytes(ARTICLE.replace("\n", "\r").encode("utf-8"))
    first, second = docs_of(read_all([str(path), str(old_mac)]))
    assert first.text == ARTICLE
    assert second.text == ARTICLE
    assert "\r" not in first.text


def test_text_is_nfc_normalised(tmp_path: Path) -> None:
    decomposed = "Cafe\u0301 owners in Umea\u030a protest\n\nThe owners of six cafe\u0301s met.\n"
    path = tmp_path / "nfd.txt"
    path.write_text(decomposed, encoding="utf-8")
    (doc,) = docs_of(read_all([str(path)]))
    assert doc.text == unicodedata.normalize("NFC", decomposed)
    assert "Café" in doc.text and "Umeå" in doc.text
    assert doc.title == "Café owners in Umeå protest"


def test_markdown_heading_title_and_text_unchanged(tmp_path: Path) -> None:
    body = "# Ferry service resumes\n\nThe ferry sailed again on Tuesday.\n\n## Background\n"
    path = tmp_path / "ferry.md"
    path.write_text(body, encoding="utf-8")
    (doc,) = docs_of(read_all([str(path)]))
    assert doc.title == "Ferry service resumes"
    assert doc.text == body  # the "# " stays in the text; only the title drops it


def test_markdown_setext_heading(tmp_path: Path) -> None:
    path = tmp_path / "setext.md"
    path.write_text("Ferry back in service\n=====\n\nIt sailed on Tuesday.\n", encoding="utf-8")
    (doc,) = docs_of(read_all([str(path)]))
    assert doc.title == "Ferry back in service"


def test_markdown_front_matter_metadata(tmp_path: Path) -> None:
    text = (
        "---\ntitle: Ferry back in service\ndate: 2024-03-05\n"
        "url: https://www.island-news.example/ferry\nlang: en\nauthor: [A. Writer, B. Writer]\n"
        "---\n\nThe ferry between Kessel and Holm sailed again on Tuesday.\n"
    )
    path = tmp_path / "front.md"
    path.write_text(text, encoding="utf-8")
    (doc,) = docs_of(read_all([str(path)]))
    assert doc.text == text
    assert doc.title == "Ferry back in service"
    assert doc.published == "2024-03-05"
    assert doc.published_basis == "metadata" and doc.published_confidence == 1.0
    assert doc.url == "https://www.island-news.example/ferry"
    assert doc.outlet == "island-news.example"
    assert doc.language == "en"
    assert doc.author == "A. Writer; B. Writer"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ferry service to Holm island resumes after engine repairs", True),
        ("U.S. and Canada agree on new fishing quotas", True),
        ("Talks collapse in Geneva: what happens next?", True),
        ("Council approves budget for Riverside Inc.", True),
        ("The ferry sailed again on Tuesday after three weeks in dry dock.", False),
        ("The ferry sailed again. The operator was pleased", False),
        ("June 9, 2023", False),
        ("By Anna Berg", False),
        ("- first point of a list", False),
        ("https://www.example.org/story", False),
        ("Breaking", False),
        (" ".join(["word"] * 40), False),
    ],
)
def test_looks_like_headline(line: str, expected: bool) -> None:
    assert looks_like_headline(line) is expected


def test_guess_title_needs_following_text() -> None:
    assert guess_title("Only one line without a period") is None
    assert guess_title("\n\n  \n") is None
    assert (
        guess_title("\n\nFerry back in service\nIt sailed on Tuesday.") == "Ferry back in service"
    )
    assert guess_title("It sailed on Tuesday.\n\nMore text here.") is None
    wrapped = "In a statement issued late on Friday, the ministry said\nthat talks failed.\n"
    assert guess_title(wrapped) is None


def test_folder_recursive_sorted_and_hidden_ignored(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/two.txt", "a/one.txt", "z.txt", "a/sub.md", ".hidden.txt", ".git/x.txt"):
        (tmp_path / name).write_text(f"Report {name}\n\nBody of {name} here.\n", encoding="utf-8")
    items = read_all([str(tmp_path)])
    sources = [Path(item.source).relative_to(tmp_path).as_posix() for item in items]
    assert sources == ["a/one.txt", "a/sub.md", "b/two.txt", "z.txt"]
    assert all(isinstance(item, Document) for item in items)


def test_glob_and_duplicates_read_once(tmp_path: Path) -> None:
    for name in ("c.txt", "a.txt", "b.md"):
        (tmp_path / name).write_text(f"Report {name}\n\nBody {name}.\n", encoding="utf-8")
    items = read_all([str(tmp_path / "*.txt"), str(tmp_path / "a.txt"), str(tmp_path)])
    names = [Path(item.source).name for item in items]
    assert names == ["a.txt", "c.txt", "b.md"]


def test_glob_without_matches_is_skipped(tmp_path: Path) -> None:
    (item,) = read_all([str(tmp_path / "*.nothing")])
    assert isinstance(item, Skipped)
    assert "no files match" in item.reason


def test_reading_twice_gives_identical_documents(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"r{i}.txt").write_text(f"Report number {i}\n\nText {i}.\n", encoding="utf-8")
    (tmp_path / "bad.bin").write_bytes(b"\x00\x01\x02")
    first = read_all([str(tmp_path)])
    second = read_all([str(tmp_path)])
    assert first == second
    assert len(docs_of(first)) == 3


def test_stdin_plain_text() -> None:
    stream = io.BytesIO(ARTICLE.encode("utf-8"))
    (doc,) = read_all(["-"], stdin=stream)
    assert isinstance(doc, Document)
    assert doc.source == "<stdin>"
    assert doc.format == "stdin"
    assert doc.text == ARTICLE
    assert doc.title.startswith("Ferry service")  # type: ignore[union-attr]


def test_stdin_sniffs_json_lines() -> None:
    lines = [
        '{"title": "Ferry back", "maintext": "The ferry sailed on Tuesday.", "url": "https://a.example/1"}',
        '{"title": "Bridge shut", "maintext": "The bridge closed on Monday.", "url": "https://b.example/2"}',
    ]
    stream = io.BytesIO("\n".join(lines).encode("utf-8"))
    docs = read_all(["-"], stdin=stream)
    assert [d.source for d in docs] == ["<stdin>#1", "<stdin>#2"]
    assert [d.format for d in docs_of(docs)] == ["json", "json"]


def test_stdin_empty_is_skipped() -> None:
    (item,) = read_all(["-"], stdin=io.BytesIO(b"  \n\t\n"))
    assert isinstance(item, Skipped)
    assert item.code == "E101"


_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=200) | st.lists(
    st.sampled_from(["a", "\r", "\n", "\r\n", "e\u0301", "\u2028", "Å", "\u212b", " "])
).map("".join)


@given(_TEXT)
def test_normalisation_is_idempotent_and_id_is_stable(text: str) -> None:
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\r" not in once
    assert unicodedata.is_normalized("NFC", once)
    assert document_id(once) == document_id(normalize_text(once))


def test_named_pipe_is_read_without_trusting_its_size(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def writer() -> None:
        with open(fifo, "wb") as handle:
            handle.write(gzip.compress(ARTICLE.encode("utf-8")))

    thread = threading.Thread(target=writer)
    thread.start()
    (doc,) = read_all([str(fifo)])
    thread.join()
    assert isinstance(doc, Document)
    assert doc.text == ARTICLE  # no extension: gzip and plain text recognised by content
