"""The article-extraction benchmark scorer: the metric on invented strings, then end to end."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from collation.config import Options
from collation.errors import EvalError
from collation.evaluate.extraction import evaluate, page_counts, score, shingles

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
BENCH = Path("/work/shared/bench/article-extraction-benchmark")


def test_shingles() -> None:
    assert shingles("one two, three four five!") == {
        "one two three four": 1,
        "two three four five": 1,
    }
    assert shingles("just two") == {"just two": 1}  # shorter than 4 tokens: one shingle
    assert shingles("") == {} and shingles("-- ... !!") == {}
    assert shingles("Привет, мир; добрый день всем") == {
        "Привет мир добрый день": 1,
        "мир добрый день всем": 1,
    }
    assert shingles("a b c d a b c d")["a b c d"] == 2  # a multiset, not a set


def test_page_counts() -> None:
    gold = "one two three four five"
    assert page_counts(gold, gold) == (1.0, 0.0, 0.0)
    assert page_counts(gold, "") == (0.0, 0.0, 1.0)
    assert page_counts("", gold) == (0.0, 1.0, 0.0)
    assert page_counts("", "") == (0.0, 0.0, 0.0)
    tp, fp, fn = page_counts(gold, "one two three four six")
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))


def test_score_uses_means_of_normalised_counts() -> None:
    gold = "one two three four five"
    result = score([(gold, gold), (gold, "one two three four six")])
    # mean TP = (1 + 1/3) / 2, mean FP = mean FN = (0 + 1/3) / 2  ->  P = R = 0.8
    assert result["precision"] == pytest.approx(0.8)
    assert result["recall"] == pytest.approx(0.8)
    assert result["f1"] == pytest.approx(0.8)
    assert result["documents"] == 2
    lopsided = score([("a b c d e f", "a b c d"), ("x y z w", "")])
    # page 1: TP 1, FN 2 -> (1/3, 0, 2/3); page 2: (0, 0, 1)
    assert lopsided["precision"] == pytest.approx(1.0)
    assert lopsided["recall"] == pytest.approx((1 / 6) / (1 / 6 + 5 / 6))
    with pytest.raises(EvalError):
        score([])


def _bench_folder(root: Path) -> Path:
    """A two-page benchmark in the benchmark's layout, built from our own fixtures."""
    (root / "html").mkdir(parents=True)
    truth = {}
    for key, name, first, last in (
        ("p1", "harbour.html", "The new storm barrier", "as sea levels rise."),
        ("p2", "orchard.html", "Growers in the Velden", "flowered earlier or later."),
    ):
        page = (FIXTURES / name).read_bytes()
        (root / "html" / f"{key}.html.gz").write_bytes(gzip.compress(page))
        text = page.decode("utf-8")
        body = text[text.index(first) : text.index(last) + len(last)]
        truth[key] = {"articleBody": body.replace("</p>\n<p>", "\n"), "url": f"https://x/{key}"}
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    output = {"output": {"p1": {"articleBody": truth["p1"]["articleBody"]}}, "version": "0"}
    (root / "output").mkdir()
    (root / "output" / "system.json").write_text(json.dumps(output), encoding="utf-8")
    return root


def test_evaluate_system_output_and_our_extractor(tmp_path: Path) -> None:
    root = _bench_folder(tmp_path / "aeb")
    published = evaluate(root, Options(), system_output=root / "output" / "system.json")
    # p1 perfect, p2 missing (an empty prediction): P = 1, R = 1 / 2
    assert published["precision"] == pytest.approx(1.0)
    assert published["recall"] == pytest.approx(0.5)
    assert published["documents"] == 2 and published["empty_outputs"] == 1
    ours = evaluate(root, Options())
    assert ours["documents"] == 2 and ours["empty_outputs"] == 0
    assert ours["recall"] > 0.9 and ours["precision"] > 0.7
    assert evaluate(root / "ground-truth.json", Options(), limit=1)["documents"] == 1


def test_evaluate_rejects_missing_data(tmp_path: Path) -> None:
    with pytest.raises(EvalError):
        evaluate(tmp_path, Options())


def test_bundled_trafilatura_output_reproduces_published_scores() -> None:
    result = evaluate(BENCH, Options(), system_output=BENCH / "output" / "trafilatura.json")
    assert result["documents"] == 181
    assert round(result["f1"], 3) == 0.958
    assert round(result["precision"], 3) == 0.939
    assert round(result["recall"], 3) == 0.978
