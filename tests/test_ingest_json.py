"""Ingest: news-crawler JSON (single object, list, JSON Lines)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from collation.config import Options
from collation.ingest import read_inputs
from collation.records import Document, Skipped

OPTIONS = Options()


def record(n: int, **extra: object) -> dict[str, object]:
    base: dict[str, object] = {
        "title": f"Bridge {n} reopens after inspection",
        "maintext": f"The bridge number {n} reopened on Monday after engineers checked the cables.",
        "url": f"https://www.river-times.example/bridge-{n}",
        "date_publish": f"2024-05-0{n} 09:15:00",
        "source_domain": "www.river-times.example",
        "language": "en",
        "authors": ["Jo Hale", "Sam Ortiz"],
    }
    base.update(extra)
    return base


def read_all(paths: list[str], options: Options = OPTIONS) -> list[Document | Skipped]:
    return list(read_inputs(paths, options))


def test_single_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(record(1)), encoding="utf-8")
    (doc,) = read_all([str(path)])
    assert isinstance(doc, Document)
    assert doc.source == str(path)
    assert doc.format == "json"
    assert doc.title == "Bridge 1 reopens after inspection"
    assert doc.text == (
        "Bridge 1 reopens after inspection\n\n"
        "The bridge number 1 reopened on Monday after engineers checked the cables."
    )
    assert doc.published == "2024-05-01"
    assert doc.published_basis == "metadata" and doc.published_confidence == 1.0
    assert doc.outlet == "river-times.example"
    assert doc.url == "https://www.river-times.example/bridge-1"
    assert doc.language == "en"
    assert doc.author == "Jo Hale; Sam Ortiz"


def test_body_that_starts_with_title_is_not_prefixed(tmp_path: Path) -> None:
    rec = record(2, maintext="Bridge 2 reopens after inspection\nThe bridge reopened on Monday.")
    rec.pop("authors")
    path = tmp_path / "two.json"
    path.write_text(json.dumps(rec), encoding="utf-8")
    (doc,) = read_all([str(path)])
    assert isinstance(doc, Document)
    assert doc.text == "Bridge 2 reopens after inspection\nThe bridge reopened on Monday."
    assert doc.author is None


def test_list_of_records_with_a_bad_one(tmp_path: Path) -> None:
    bad = record(2)
    del bad["maintext"]
    path = tmp_path / "list.json"
    path.write_text(json.dumps([record(1), bad, 42, record(3, text="x", maintext=None)]), "utf-8")
    items = read_all([str(path)])
    assert [item.source for item in items] == [f"{path}#{n}" for n in (1, 2, 3, 4)]
    first, missing, number, fallback = items
    assert isinstance(first, Document)
    assert isinstance(missing, Skipped) and missing.code == "E106"
    assert "'maintext' or 'text'" in missing.reason and "record 2" in missing.reason
    assert isinstance(number, Skipped) and "expected an object" in number.reason
    # 'maintext' null falls back to 'text'
    assert isinstance(fallback, Document) and fallback.text.endswith("\n\nx")


def test_missing_field_names_the_field(tmp_path: Path) -> None:
    path = tmp_path / "nobody.json"
    path.write_text(json.dumps({"title": "Only a title", "url": "https://a.example/"}), "utf-8")
    (item,) = read_all([str(path)])
    assert isinstance(item, Skipped)
    assert item.code == "E106"
    assert "no 'maintext' or 'text' field" in item.reason
    assert "fields found: title, url" in item.reason


def test_jsonl_malformed_line_skips_only_that_record(tmp_path: Path) -> None:
    lines = [
        json.dumps(record(1)),
        '{"title": "broken", "maintext": ',
        "",
        json.dumps(record(3)),
    ]
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = read_all([str(path)])
    assert [item.source for item in items] == [f"{path}#1", f"{path}#2", f"{path}#4"]
    assert isinstance(items[0], Document) and isinstance(items[2], Document)
    broken = items[1]
    assert isinstance(broken, Skipped)
    assert broken.code == "E105"
    assert "line 2" in broken.reason


def test_jsonl_long_line_capped_per_record(tmp_path: Path) -> None:
    long = record(2, maintext="word " * 500)
    path = tmp_path / "caps.jsonl.gz"
    content = "\n".join(json.dumps(r) for r in (record(1), long, record(3)))
    path.write_bytes(gzip.compress(content.encode("utf-8")))
    items = read_all([str(path)], Options(max_bytes=1000))
    assert [type(i).__name__ for i in items] == ["Document", "Skipped", "Document"]
    capped = items[1]
    assert isinstance(capped, Skipped)
    assert capped.code == "E103" and capped.source == f"{path}#2"


def test_crawler_placeholders_and_stringified_authors(tmp_path: Path) -> None:
    rec = record(1, language="None", date_publish="None", authors="['Jo Hale']", url=None)
    path = tmp_path / "placeholders.json"
    path.write_text(json.dumps(rec), encoding="utf-8")
    (doc,) = read_all([str(path)])
    assert isinstance(doc, Document)
    assert doc.language is None and doc.published is None and doc.published_basis is None
    assert doc.author == "Jo Hale"
    assert doc.outlet == "river-times.example"  # from source_domain when there is no URL


def test_empty_body_field_is_empty_input(tmp_path: Path) -> None:
    path = tmp_path / "blank.json"
    path.write_text(json.dumps(record(1, maintext="  ", text=None)), encoding="utf-8")
    (item,) = read_all([str(path)])
    assert isinstance(item, Skipped)
    assert item.code == "E101" and "'maintext' field is empty" in item.reason


def test_binary_jsonl_is_one_skip(tmp_path: Path) -> None:
    path = tmp_path / "photo.jsonl"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (item,) = read_all([str(path)])
    assert isinstance(item, Skipped) and item.code == "E102"
