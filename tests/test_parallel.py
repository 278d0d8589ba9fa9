"""The parallel paths give byte-identical output to the single-process path: spaCy with
several processes for one story, and the pool of story workers for several stories."""

from __future__ import annotations

import multiprocessing
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from collation import Options, collate
from collation.contract import analysis_to_json, dumps, write_json
from collation.pipeline import regenerate
from collation.store import Store
from collation.store.stream import contract_sections
from collation.workers import worker_count

from .conftest import EXAMPLES
from .test_mixed_stories import UNRELATED


def _files(root: Path) -> dict[str, bytes]:
    """Every output file under ``root`` except the SQLite store itself."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.name.startswith("collation.db")
    }


def test_two_workers_match_one(example_run: Path, tmp_path: Path) -> None:
    collate([str(EXAMPLES)], tmp_path / "w2", Options(quiet=True, workers=2))
    for name in ("collation.json", "report.html", "report.md"):
        assert (tmp_path / "w2" / name).read_bytes() == (example_run / name).read_bytes(), name


@pytest.fixture(scope="module")
def mixed_runs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example corpus plus three unrelated articles (several stories), run with one
    worker into ``w1`` and with two into ``w2``."""
    root = tmp_path_factory.mktemp("mixed")
    extra = root / "unrelated"
    extra.mkdir()
    for name, text in UNRELATED.items():
        (extra / name).write_text(text + "\n", encoding="utf-8")
    inputs = [str(EXAMPLES), str(extra)]
    one = collate(inputs, root / "w1", Options(quiet=True, workers=1))
    two = collate(inputs, root / "w2", Options(quiet=True, workers=2))
    assert one.stories == two.stories >= 4, "several stories, so the pool is used"
    assert len(two.stories_analysed) == two.stories
    assert two.failures == one.failures == ()
    return root


def test_story_pool_matches_one_process(mixed_runs: Path) -> None:
    # The pool needs fork (Linux, where CI runs); without it the test would compare the
    # single-process path with itself.
    assert "fork" in multiprocessing.get_all_start_methods()
    assert worker_count(Options(workers=2)) == 2
    files_one, files_two = _files(mixed_runs / "w1"), _files(mixed_runs / "w2")
    assert sorted(files_one) == sorted(files_two)
    assert any(name.startswith("stories/") for name in files_two), "per-story folders"
    for name, data in files_one.items():
        assert files_two[name] == data, name
    # The stores hold the same records too.
    with Store(mixed_runs / "w1" / "collation.db") as a, Store(mixed_runs / "w2" / "collation.db") as b:
        assert a.read_analysis() == b.read_analysis()


def test_large_corpus_gets_an_index_and_a_streamed_contract(mixed_runs: Path, tmp_path: Path) -> None:
    out = tmp_path / "big"
    shutil.copytree(mixed_runs / "w1", out)
    assert (out / "report.html").is_file()
    # Pretend the corpus is large: more documents than the combined report allows.
    regenerate(out, Options(quiet=True, workers=2, combined_report_max=2))
    assert not (out / "report.html").exists() and not (out / "report.md").exists()
    assert not (out / "exports").exists(), "stale whole-corpus exports are removed"
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Too many documents" in index and "href='report.html'" not in index
    with Store(out / "collation.db", readonly=True) as store:
        stories = store.stories()
        expected = dumps(analysis_to_json(store.read_analysis()))
    assert (out / "collation.json").read_text(encoding="utf-8") == expected
    assert (out / "collation.json").read_bytes() == (mixed_runs / "w1" / "collation.json").read_bytes()
    for story in stories:
        assert f"stories/{story.id}/report.html" in index
        assert (out / "stories" / story.id / "report.html").is_file()


def test_streamed_contract_handles_empty_sections(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.db") as store:
        write_json(tmp_path / "c.json", contract_sections(store))
        expected = dumps(analysis_to_json(store.read_analysis()))
    assert (tmp_path / "c.json").read_text(encoding="utf-8") == expected


def test_readonly_store_refuses_writes(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db") as store:
        store.set_state("k", "v")
    with Store(tmp_path / "s.db", readonly=True) as store:
        assert store.get_state("k") == "v"
        with pytest.raises(sqlite3.Error, match="readonly|read-only"):
            store.set_state("k", "w")


def _die(story: object) -> None:
    os._exit(3)  # a worker killed mid-story, as the out-of-memory killer would


def test_a_dead_worker_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from collation import workers
    from collation.errors import CollationError
    from collation.records import Story

    monkeypatch.setattr(workers, "_analyse", _die)
    stories = [Story(id=f"s{i}", label="x", start=None, end=None, documents=(f"d{i}",)) for i in range(3)]
    with pytest.raises(CollationError, match="worker process died"):
        list(workers.analyse_stories(stories, tmp_path / "none.db", Options(workers=2)))
