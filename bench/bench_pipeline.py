"""End-to-end throughput of the whole pipeline, per stage, against its own floor.

For each corpus size a fresh process generates a synthetic corpus (``bench/synthetic.py``:
our own templates, ~700-word articles), runs ``collation.collate`` on it and reports per
stage: wall time, share of the total, articles/s, words/s, and the process's peak memory.
In the same process it then times the *floor*: the unavoidable work alone, i.e. the spaCy
pipeline over every content segment and the sentence-embedding model over every sentence,
and reports end-to-end time as a ratio to that floor. The seed corpus can be added too.

    .venv/bin/python bench/bench_pipeline.py --sizes 100 1000 --workers 1 2 --seeds ../shared/corpora/seeds

Results go to stdout as a table and, with ``--json FILE``, as JSON lines.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _peak_mb() -> float:
    # ru_maxrss is in KiB on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _floor(paths: list[str], workers: int) -> dict[str, float]:
    """Time spaCy over all content segments and the embedder over all their sentences."""
    from collation import Options
    from collation.nlp.models import embed, load_spacy
    from collation.nlp.parse import parse_documents
    from collation.pipeline import read_documents

    options = Options(quiet=True)
    documents, _ = read_documents(paths, options)
    nlp = load_spacy(options.spacy_model)
    embed(["warm up"], options.embedding_model)
    t0 = time.perf_counter()
    parsed = parse_documents(documents, nlp, batch_size=options.batch_size, n_process=workers)
    t1 = time.perf_counter()
    sentences = [s.text for segs in parsed.values() for ps in segs for s in ps.parsed.sents]
    embed(sentences, options.embedding_model, batch_size=options.batch_size)
    t2 = time.perf_counter()
    return {"floor_parse_s": t1 - t0, "floor_embed_s": t2 - t1, "floor_s": t2 - t0,
            "sentences": float(len(sentences))}


def run_one(size: int, workers: int, seeds: str | None) -> dict[str, Any]:
    """One measurement, in this process: pipeline, then floor."""
    from bench.synthetic import generate, write_jsonl
    from collation import Options, collate
    from collation.nlp.models import embed, load_spacy
    from collation.resolve.gazetteer import default_gazetteer

    with tempfile.TemporaryDirectory() as tmp:
        if seeds:
            paths = [seeds]
            words = sum(len(p.read_text(encoding="utf-8").split()) for p in Path(seeds).glob("*.txt"))
            articles = len(list(Path(seeds).glob("*.txt")))
        else:
            corpus = generate(size)
            paths = [str(write_jsonl(corpus, Path(tmp) / "corpus.jsonl"))]
            words = sum(len(a.text.split()) for a in corpus)
            articles = len(corpus)
        options = Options(quiet=True, workers=workers)
        # Models and the gazetteer load once per process; load them before the clock starts
        # so a 100-article run is not dominated by start-up (reported separately).
        t_start = time.perf_counter()
        load_spacy(options.spacy_model)
        embed(["warm up"], options.embedding_model)
        default_gazetteer()
        startup = time.perf_counter() - t_start
        t0 = time.perf_counter()
        summary = collate(paths, Path(tmp) / "out", options)
        total = time.perf_counter() - t0
        floor = _floor(paths, workers)
    return {
        "corpus": "seeds" if seeds else "synthetic",
        "articles": articles,
        "words": words,
        "workers": workers,
        "total_s": total,
        "startup_s": startup,
        "stages": summary.stage_seconds,
        "stories": summary.stories,
        "failures": len(summary.failures),
        "peak_mb": _peak_mb(),
        **floor,
    }


def _table(r: dict[str, Any]) -> str:
    lines = [
        f"\n{r['corpus']}: {r['articles']} articles, {r['words']} words, workers={r['workers']}, "
        f"{r['stories']} stories, peak {r['peak_mb']:.0f} MB, start-up (models, gazetteer; "
        f"once per process, not in the table) {r['startup_s']:.1f}s",
        f"{'stage':<14}{'seconds':>10}{'share':>8}{'art/s':>10}{'words/s':>11}",
    ]
    for stage, secs in sorted(r["stages"].items(), key=lambda kv: -kv[1]):
        lines.append(
            f"{stage:<14}{secs:>10.2f}{secs / r['total_s']:>8.1%}"
            f"{r['articles'] / secs if secs else 0:>10.1f}{r['words'] / secs if secs else 0:>11.0f}"
        )
    lines.append(
        f"{'end-to-end':<14}{r['total_s']:>10.2f}{1:>8.0%}{r['articles'] / r['total_s']:>10.2f}"
        f"{r['words'] / r['total_s']:>11.0f}"
    )
    lines.append(
        f"floor: spaCy {r['floor_parse_s']:.2f}s + embeddings {r['floor_embed_s']:.2f}s "
        f"({int(r['sentences'])} sentences) = {r['floor_s']:.2f}s; end-to-end / floor = "
        f"{r['total_s'] / r['floor_s']:.2f}"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000])
    parser.add_argument("--workers", type=int, nargs="*", default=[1])
    parser.add_argument("--seeds", help="also measure this folder of .txt articles")
    parser.add_argument("--json", type=Path, help="append results as JSON lines")
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:  # child process: one measurement, JSON on stdout
        size, workers, seeds = int(args.one[0]), int(args.one[1]), args.one[2]
        print(json.dumps(run_one(size, workers, None if seeds == "-" else seeds)))
        return
    jobs = [(s, w, "-") for s in args.sizes for w in args.workers]
    if args.seeds:
        jobs = [(0, w, args.seeds) for w in args.workers] + jobs
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    for size, workers, seeds in jobs:
        out = subprocess.run(
            [sys.executable, __file__, "--one", str(size), str(workers), seeds],
            check=True, capture_output=True, text=True, env=env,
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        print(_table(result), flush=True)
        if args.json:
            with args.json.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
