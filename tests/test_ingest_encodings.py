"""Ingest: encoding detection and every kind of bad input (skipped with a reason, never raised)."""

from __future__ import annotations

import gzip
import os
import random
from pathlib import Path

import pytest

from collation.config import Options
from collation.ingest import read_inputs
from collation.ingest.decode import codec_name, decode_bytes, describe_binary
from collation.records import Document, Skipped

OPTIONS = Options()

# Invented sentences, long enough for encoding detection to have something to go on.
RUSSIAN = (
    "Паромное сообщение с островом восстановлено\n\n"
    "Паром между Кесселем и островом Хольм во вторник снова вышел в рейс после трёх недель "
    "ремонта. Оператор сообщил, что новый двигатель успешно прошёл ходовые испытания.\n"
)
ARABIC = (
    "استئناف خدمة العبّارة إلى الجزيرة\n\n"
    "عادت العبّارة بين الميناء والجزيرة إلى العمل يوم الثلاثاء بعد ثلاثة أسابيع من الإصلاح. "
    "وقالت الشركة المشغلة إن المحرك الجديد اجتاز اختبارات الإبحار بنجاح.\n"
)
FRENCH = (
    "Le traversier reprend du service après les réparations\n\n"
    "Le traversier entre le port et l'île a repris la mer mardi après trois semaines de "
    "travaux. L'exploitant a précisé que le nouveau moteur avait réussi ses essais en mer, "
    "à la grande joie des élèves du lycée.\n"
)


def read_one(path: Path, options: Options = OPTIONS) -> Document | Skipped:
    (item,) = list(read_inputs([str(path)], options))
    return item


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        (RUSSIAN, "utf-8", {"utf-8"}),
        (RUSSIAN, "cp1251", {"cp1251"}),
        (ARABIC, "cp1256", {"cp1256"}),
        (FRENCH, "latin-1", {"cp1252", "latin-1", "iso8859-1", "iso8859-15"}),
        (FRENCH, "utf-16", {"utf-16"}),
        (FRENCH, "utf-8-sig", {"utf-8"}),
    ],
)
def test_text_encodings_detected(
    tmp_path: Path, text: str, encoding: str, expected: set[str]
) -> None:
    path = tmp_path / f"article-{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    doc = read_one(path)
    assert isinstance(doc, Document), doc
    assert doc.text == text
    assert doc.encoding in expected
    assert doc.title == text.split("\n", 1)[0]


def test_html_meta_charset_is_used(tmp_path: Path) -> None:
    paragraphs = "".join(f"<p>{line}</p>" for line in RUSSIAN.split("\n")[2:] if line) * 4
    page = (
        '<html lang="ru"><head><meta http-equiv="Content-Type" content="text/html; '
        'charset=windows-1251"><title>Паром снова в рейсе</title></head>'
        f"<body><article>{paragraphs}</article></body></html>"
    )
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("cp1251"))
    doc = read_one(path)
    assert isinstance(doc, Document), doc
    assert doc.encoding == "cp1251"
    assert doc.language == "ru"
    assert "ходовые испытания" in doc.text
    assert doc.text.startswith("Паром снова в рейсе\n\n")


def test_declared_charset_loses_to_valid_utf8() -> None:
    data = RUSSIAN.encode("utf-8")
    text, encoding = decode_bytes(data, "x", declared=["iso-8859-1"])
    assert (text, encoding) == (RUSSIAN, "utf-8")


def test_codec_names() -> None:
    assert codec_name("windows-1251") == "cp1251"
    assert codec_name("ISO-8859-1") == "cp1252"  # WHATWG: latin-1 labels mean windows-1252
    assert codec_name("no-such-charset") is None


@pytest.mark.parametrize(
    ("name", "data", "code", "words"),
    [
        ("nul.txt", b"Report\x00\x00\x01 binary", "E102", "NUL"),
        ("scan.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "E102", "PDF"),
        ("photo.html", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "E102", "PNG"),
        ("empty.txt", b"", "E101", "empty"),
        ("blank.md", b"  \n\n\t \r\n", "E101", "whitespace"),
        ("slides.pptx", b"PK\x03\x04\x14\x00", "E107", "unsupported file type '.pptx'"),
        ("report.pdf", b"%PDF-1.4", "E107", "PDF"),
        ("broken.json", b'{"title": "x", "maintext": ', "E105", "invalid JSON"),
        ("list.json", b"[]", "E105", "empty list"),
        ("nothing.html", b"<html><body><div></div></body></html>", "E105", "no article text"),
        ("tags.html", b"<html><head><title>x</title></head><body>", "E105", "no article text"),
        ("bad.json.gz", b"not gzip at all", "E105", "gzip"),
        ("feed.rss", b"<rss><channel><title>t</title></channel></rss>", "E101", "no entries"),
        ("data.xml", b'<?xml version="1.0"?><TimeML><TEXT>x</TEXT></TimeML>', "E107", "XML"),
    ],
)
def test_bad_files_are_skipped_with_reason(
    tmp_path: Path, name: str, data: bytes, code: str, words: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    item = read_one(path)
    assert isinstance(item, Skipped)
    assert item.code == code
    assert words in item.reason
    assert item.source == str(path)
    assert "\n" not in item.reason


def test_undecodable_bytes_are_skipped(tmp_path: Path) -> None:
    # random high bytes, no NULs: every single-byte code page "decodes" them, but into noise
    rng = random.Random(1)
    data = bytes(rng.randrange(0x80, 0x100) for _ in range(3000))
    path = tmp_path / "garbage.txt"
    path.write_bytes(data)
    item = read_one(path)
    assert isinstance(item, Skipped)
    assert item.code == "E104"
    assert "UTF-8" in item.reason


def test_huge_file_checked_before_reading(tmp_path: Path) -> None:
    # a sparse 64 GB file: reading it first would exhaust memory long before any check
    path = tmp_path / "huge.txt"
    with open(path, "wb") as handle:
        handle.truncate(64 * 1024**3)
    item = read_one(path)
    assert isinstance(item, Skipped)
    assert item.code == "E103"
    assert "max_bytes" in item.reason


def test_over_limit_small_file_and_gzip_bomb(tmp_path: Path) -> None:
    options = Options(max_bytes=1000)
    plain = tmp_path / "long.txt"
    plain.write_text("Title line\n\n" + "word " * 400, encoding="utf-8")
    bomb = tmp_path / "bomb.txt.gz"
    bomb.write_bytes(gzip.compress(b"a " * 50_000))
    assert os.path.getsize(bomb) < 1000
    for path in (plain, bomb):
        item = read_one(path, options)
        assert isinstance(item, Skipped) and item.code == "E103", item


def test_gzip_text_is_read(tmp_path: Path) -> None:
    path = tmp_path / "article.txt.gz"
    path.write_bytes(gzip.compress(RUSSIAN.encode("cp1251")))
    doc = read_one(path)
    assert isinstance(doc, Document) and doc.text == RUSSIAN


def test_missing_path_and_bad_scheme_are_skipped(tmp_path: Path) -> None:
    items = list(read_inputs([str(tmp_path / "absent.txt"), "ftp://example.org/a"], OPTIONS))
    missing, ftp = items
    assert isinstance(missing, Skipped) and isinstance(ftp, Skipped)
    assert "no such file" in missing.reason
    assert ftp.code == "E107"


def test_one_bad_input_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Ferry returns\n\nIt sailed.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x00\x00")
    (tmp_path / "c.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    (tmp_path / "d.txt").write_text("Bridge closes\n\nIt closed.\n", encoding="utf-8")
    items = list(read_inputs([str(tmp_path)], OPTIONS))
    assert [type(i).__name__ for i in items] == ["Document", "Skipped", "Skipped", "Document"]


def test_describe_binary_lets_utf16_through() -> None:
    assert describe_binary(FRENCH.encode("utf-16")) is None
    assert describe_binary(b"GIF89a....") == "a GIF image"
    assert describe_binary(b"plain words") is None
