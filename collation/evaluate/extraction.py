"""Article extraction benchmark (AEB): HTML page -> article body, 4-gram shingle P/R/F1.

Metric (as published with the benchmark):
- tokens are ``\\w+`` matches (Python ``re``, Unicode); shingles are runs of 4 consecutive
  tokens, counted as a multiset; a text of 1-3 tokens is one shorter shingle, an empty text
  has none;
- per page, TP = shared shingles (minimum of the two counts), FP = extra predicted ones,
  FN = missing gold ones; the three are divided by their sum so every page weighs the same
  (a page where both texts are empty adds nothing);
- precision = mean TP / (mean TP + mean FP) and recall = mean TP / (mean TP + mean FN) over
  pages, F1 from those two. A page with no prediction counts as an empty prediction.

This reproduces the check published with the visible set: the bundled trafilatura 2.0.0
output scores F1 0.958 (P 0.939, R 0.978). Averaging per-page precision and recall instead
gives P 0.938, so it is not the published definition.

Our system is the HTML reader's own trafilatura call (``ingest.html.extract_article``),
scored on the body text alone, without the headline the reader prepends.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from ..config import Options
from ..errors import EvalError, InputError
from ..ingest.decode import decode_bytes
from ..ingest.html import extract_article

#: Tokens of the metric (Unicode word characters).
TOKEN = re.compile(r"\w+")
#: Shingle length of the metric.
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter[str]:
    """Multiset of ``n``-token shingles; texts shorter than ``n`` tokens give one shingle."""
    tokens = TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    count = max(1, len(tokens) - n + 1)
    return Counter(" ".join(tokens[i : i + n]) for i in range(count))


def page_counts(gold: str, predicted: str) -> tuple[float, float, float]:
    """Normalised (TP, FP, FN) of one page; (0, 0, 0) when both texts are empty."""
    expected, got = shingles(gold), shingles(predicted)
    tp = sum((expected & got).values())
    fp = sum((got - expected).values())
    fn = sum((expected - got).values())
    total = tp + fp + fn
    if total == 0:
        return 0.0, 0.0, 0.0
    return tp / total, fp / total, fn / total


def score(pairs: Iterable[tuple[str, str]]) -> dict[str, float | int]:
    """Precision, recall and F1 over ``(gold, predicted)`` page pairs."""
    counts = [page_counts(gold, predicted) for gold, predicted in pairs]
    if not counts:
        raise EvalError("no pages to score")
    tp = sum(c[0] for c in counts) / len(counts)
    fp = sum(c[1] for c in counts) / len(counts)
    fn = sum(c[2] for c in counts) / len(counts)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "documents": len(counts)}


def _find_ground_truth(data: Path) -> Path:
    if data.is_file():
        return data
    direct = data / "ground-truth.json"
    if direct.is_file():
        return direct
    found = sorted(data.rglob("ground-truth.json"))
    if not found:
        raise EvalError(f"no ground-truth.json under {data}")
    return found[0]


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvalError(f"cannot read {path}: {exc}") from exc


def _system_bodies(path: Path) -> dict[str, str]:
    """``{page id: articleBody}`` from a published system output file."""
    value = _load_json(path)
    if isinstance(value, dict) and isinstance(value.get("output"), dict):
        value = value["output"]  # the bundled file wraps results with a version tag
    if not isinstance(value, dict):
        raise EvalError(f"{path}: expected an object of page id -> {{'articleBody': ...}}")
    return {
        key: str(item.get("articleBody") or "") if isinstance(item, dict) else ""
        for key, item in value.items()
    }


def extract_body(page: Path, settings: Mapping[str, Any] | None = None) -> str:
    """Our article body for one benchmark page (empty when nothing is extracted)."""
    raw = page.read_bytes()
    if page.suffix == ".gz":
        raw = gzip.decompress(raw)
    try:
        html, _ = decode_bytes(raw, str(page))
    except InputError:
        return ""
    fields = extract_article(html, settings=settings)
    return fields.body if fields is not None else ""


def evaluate(
    data: Path,
    options: Options,
    *,
    system_output: Path | None = None,
    settings: Mapping[str, Any] | None = None,
    limit: int | None = None,
) -> dict[str, Any]:
    """Score our HTML extraction (or ``system_output``, a published output) on ``data``.

    ``data`` is the benchmark folder (holding ``ground-truth.json`` and ``html/``) or the
    ground-truth file itself. ``settings`` overrides the reader's trafilatura options;
    ``limit`` scores only the first pages by id (for quick checks).
    """
    del options  # extraction takes no run options; kept for the common evaluate() signature
    truth_file = _find_ground_truth(Path(data))
    truth = _load_json(truth_file)
    if not isinstance(truth, dict) or not truth:
        raise EvalError(f"{truth_file}: expected an object of page id -> {{'articleBody': ...}}")
    ids = sorted(truth)[:limit] if limit else sorted(truth)
    predicted: dict[str, str]
    if system_output is not None:
        predicted = _system_bodies(Path(system_output))
    else:
        html_dir = truth_file.parent / "html"
        predicted = {}
        for key in ids:
            page = html_dir / f"{key}.html.gz"
            if not page.is_file():
                page = html_dir / f"{key}.html"
            predicted[key] = extract_body(page, settings) if page.is_file() else ""
    pairs = [(str(truth[key].get("articleBody") or ""), predicted.get(key, "")) for key in ids]
    result: dict[str, Any] = dict(score(pairs))
    result["empty_outputs"] = sum(1 for key in ids if not predicted.get(key, "").strip())
    return result
