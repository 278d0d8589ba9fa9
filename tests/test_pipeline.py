"""End to end: the main job on our example corpus, reruns, increments, bad input, provenance."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
from click.testing import CliRunner

from collation import Options, collate, load_analysis
from collation.cli import main
from collation.contract import json_schema

from .conftest import EXAMPLES


def _spans(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if {"doc", "start", "end", "text"} <= node.keys() and isinstance(node["start"], int):
            yield node
        for value in node.values():
            yield from _spans(value)
    elif isinstance(node, list):
        for value in node:
            yield from _spans(value)


def _load(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "collation.json").read_text(encoding="utf-8"))
    return data


def test_outputs_exist_and_validate(example_run: Path) -> None:
    for name in ("collation.json", "collation.db", "report.html", "report.md"):
        assert (example_run / name).stat().st_size > 0, name
    data = _load(example_run)
    jsonschema.Draft202012Validator(json_schema()).validate(data)
    assert len(data["documents"]) >= 5
    assert data["entities"] and data["claims"]


def test_every_span_slices_back_to_its_text(example_run: Path) -> None:
    data = _load(example_run)
    texts = {d["id"]: d["text"] for d in data["documents"]}
    spans = list(_spans(data))
    assert len(spans) > 50
    for span in spans:
        assert texts[span["doc"]][span["start"] : span["end"]] == span["text"], span
    for doc in data["documents"]:
        for seg in doc["segments"]:
            assert 0 <= seg["start"] < seg["end"] <= len(doc["text"])
    for item in data["times"] + data["quantities"]:
        start, end = item["offset"]
        assert texts[item["doc"]][start:end] == item["text"]


def test_records_in_store_slice_back(example_run: Path) -> None:
    analysis = load_analysis(example_run)
    texts = {d.id: d.text for d in analysis.documents}
    for m in analysis.mentions:
        assert texts[m.doc][m.start : m.end] == m.text
    for c in analysis.claims:
        assert texts[c.span.doc][c.span.start : c.span.end] == c.span.text


def test_rerun_is_byte_identical_and_adds_nothing(example_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "again"
    shutil.copytree(example_run, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith("collation.db")}
    summary = collate([str(EXAMPLES)], out, Options(quiet=True))
    assert summary.documents_new == 0 and summary.stories_analysed == ()
    after = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith("collation.db")}
    assert before == after


def test_fresh_run_is_byte_identical(example_run: Path, tmp_path: Path) -> None:
    collate([str(EXAMPLES)], tmp_path / "b", Options(quiet=True))
    for name in ("collation.json", "report.html", "report.md"):
        assert (tmp_path / "b" / name).read_bytes() == (example_run / name).read_bytes(), name


def test_adding_a_file_adds_only_it(example_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "inc"
    shutil.copytree(example_run, out)
    extra = tmp_path / "extra.txt"
    extra.write_text(
        "Orchard growers report record cherry harvest\n\n"
        "Growers in the valley said on Monday that this year's cherry harvest was the largest "
        "in a decade, with about 12,000 tonnes picked by the end of June.\n",
        encoding="utf-8",
    )
    summary = collate([str(EXAMPLES), str(extra)], out, Options(quiet=True))
    assert summary.documents_new == 1
    conn = sqlite3.connect(out / "collation.db")
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == len(_load(example_run)["documents"]) + 1
    old_stories = {s["id"]: s["documents"] for s in _load(example_run)["stories"]}
    new_stories = {s["id"]: s["documents"] for s in _load(out)["stories"]}
    # the cherry harvest is another event: old stories keep their ids and members
    for sid, docs in old_stories.items():
        assert new_stories[sid] == docs
    assert len(summary.stories_analysed) == 1


def test_bad_inputs_are_skipped_and_the_run_goes_on(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(
        "Bridge reopens after repairs\n\nThe city said the bridge reopened on Tuesday after "
        "three months of repairs costing about 4 million euros.\n",
        encoding="utf-8",
    )
    (src / "empty.txt").write_text("", encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02\x03PK\x00\x00garbage" * 20)
    (src / "broken.jsonl").write_text('{"title": "x", "maintext": \n', encoding="utf-8")
    (src / "notext.json").write_text('{"title": "Only a title"}', encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["run", str(src), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 0, result.output
    data = _load(tmp_path / "out")
    assert len(data["documents"]) == 1
    skipped = {Path(s["source"].split("#")[0]).name for s in data["skipped"]}
    assert {"empty.txt", "binary.txt", "broken.jsonl", "notext.json"} <= skipped
    assert all(s["reason"] and s["code"].startswith("E1") for s in data["skipped"])
    missing = [s for s in data["skipped"] if "notext" in s["source"]][0]
    assert "text" in missing["reason"] or "maintext" in missing["reason"]
    strict = runner.invoke(main, ["run", str(src), "--out", str(tmp_path / "out2"), "--quiet", "--strict"])
    assert strict.exit_code == 1


def test_nothing_readable_exits_nonzero(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    result = CliRunner().invoke(main, ["run", str(tmp_path / "empty.txt"), "--out", str(tmp_path / "o"), "-q"])
    assert result.exit_code == 1


def test_report_command_regenerates_without_nlp(example_run: Path, tmp_path: Path) -> None:
    out = tmp_path / "r"
    shutil.copytree(example_run, out)
    (out / "report.html").unlink()
    (out / "collation.json").unlink()
    result = CliRunner().invoke(main, ["report", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "report.html").read_bytes() == (example_run / "report.html").read_bytes()
    assert (out / "collation.json").read_bytes() == (example_run / "collation.json").read_bytes()


def test_eval_rejects_unknown_task(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["eval", "nonsense", "--data", str(tmp_path)])
    assert result.exit_code == 2 and "unknown task" in result.output


def test_datasette_opens_the_store_with_full_text_search(example_run: Path) -> None:
    import subprocess
    import sys

    datasette = Path(sys.executable).with_name("datasette")
    query = "/collation/documents.json?_shape=array&_col=id&_search=fire"
    out = subprocess.run([str(datasette), str(example_run / "collation.db"), "--get", query],
                         check=True, capture_output=True, text=True, timeout=120)
    rows = json.loads(out.stdout)
    ids = {d["id"] for d in _load(example_run)["documents"]}
    assert rows and {r["id"] for r in rows} <= ids
