"""Shared fixtures: one full pipeline run per corpus per test session (they are slow)."""

from __future__ import annotations

from pathlib import Path

import pytest

from collation import Options, collate

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples" / "corpus"
#: The seed corpus lives beside the checkout; it is read at test time, never copied in.
SEEDS = ROOT.parent / "shared" / "corpora" / "seeds"


@pytest.fixture(scope="session")
def example_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("example") / "out"
    collate([str(EXAMPLES)], out, Options(quiet=True))
    return out


@pytest.fixture(scope="session")
def seeds_run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert SEEDS.is_dir(), f"seed corpus not found at {SEEDS}"
    out = tmp_path_factory.mktemp("seeds") / "out"
    collate([str(SEEDS)], out, Options(quiet=True))
    return out
