"""The parallel path (several parsing processes) gives byte-identical output."""

from __future__ import annotations

from pathlib import Path

from collation import Options, collate

from .conftest import EXAMPLES


def test_two_workers_match_one(example_run: Path, tmp_path: Path) -> None:
    collate([str(EXAMPLES)], tmp_path / "w2", Options(quiet=True, workers=2))
    for name in ("collation.json", "report.html", "report.md"):
        assert (tmp_path / "w2" / name).read_bytes() == (example_run / name).read_bytes(), name
