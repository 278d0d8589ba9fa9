"""End-to-end throughput of the whole pipeline, per stage, against its own floor.

For each corpus a fresh process runs ``collation.collate`` on it and reports the wall time
of each phase (read and clean, stories, per-story analysis, outputs) and of each analysis
stage (summed over worker processes), with its share, articles/s and words/s, and the peak
memory of the main process and of the largest worker. In the same process it then times
the *floor*: the unavoidable work alone, i.e. the spaCy pipeline over every content
segment and the sentence-embedding model over every sentence, with as many processes,
and reports end-to-end time as a ratio to that floor.

Corpora: synthetic ones of any size (``bench/synthetic.py``: our own templates, ~700-word
articles in stories of 1 to ~40 outlets), the seed corpus, and any folder of real articles:

    .venv/bin/python bench/bench_pipeline.py --sizes 100 1000 10000 \\
        --seeds ../shared/corpora/seeds --corpus ../shared/bench/giveme5w1h/news_cluster_data

``make bench`` runs that. Results go to stdout as tables and, with ``--json FILE``, as
JSON lines.
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


def _peak_mb() -> tuple[float, float]:
    """Peak resident memory of this process and of its largest worker, in MB."""
    # ru_maxrss is in KiB on Linux; RUSAGE_CHILDREN reports the largest finished child.
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, child


#: Documents parsed per floor chunk: the floor streams too, so its memory stays flat.
FLOOR_CHUNK = 256


def _floor(paths: list[str], workers: int, sample: int) -> dict[str, float]:
    """Time spaCy over all content segments and the embedder over all their sentences.

    With ``sample`` > 0 only every k-th document (at most ``sample`` of them) is timed
    and the times are scaled by documents; both costs are linear in the text.
    """
    from collation import Options
    from collation.nlp.models import embed, load_spacy
    from collation.nlp.parse import parse_documents
    from collation.pipeline import read_documents

    options = Options(quiet=True)
    documents, _ = read_documents(paths, options)
    total = len(documents)
    if sample and total > sample:
        step = total / sample
        documents = [documents[int(i * step)] for i in range(sample)]
    nlp = load_spacy(options.spacy_model)
    embed(["warm up"], options.embedding_model)
    parse_s = embed_s = 0.0
    sentences = 0
    for i in range(0, len(documents), FLOOR_CHUNK):
        chunk = documents[i : i + FLOOR_CHUNK]
        t0 = time.perf_counter()
        parsed = parse_documents(chunk, nlp, batch_size=options.batch_size, n_process=workers)
        texts = [s.text for segs in parsed.values() for ps in segs for s in ps.parsed.sents]
        t1 = time.perf_counter()
        embed(texts, options.embedding_model, batch_size=options.batch_size)
        t2 = time.perf_counter()
        parse_s += t1 - t0
        embed_s += t2 - t1
        sentences += len(texts)
    scale = total / max(1, len(documents))
    return {"floor_parse_s": parse_s * scale, "floor_embed_s": embed_s * scale,
            "floor_s": (parse_s + embed_s) * scale, "sentences": sentences * scale,
            "floor_docs": float(len(documents))}


def _corpus(kind: str, size: int, tmp: Path) -> tuple[list[str], int, int]:
    """Input paths, article count and word count of one corpus."""
    from bench.synthetic import generate, write_jsonl
    from collation import Options
    from collation.pipeline import read_documents

    if kind == "synthetic":
        corpus = generate(size)
        paths = [str(write_jsonl(corpus, tmp / "corpus.jsonl"))]
        return paths, len(corpus), sum(len(a.text.split()) for a in corpus)
    documents, _ = read_documents([kind], Options(quiet=True))
    words = sum(len(d.text[s.start : s.end].split()) for d in documents for s in d.segments
                if s.kind != "boilerplate")
    return [kind], len(documents), words


def run_one(kind: str, size: int, workers: int, floor_sample: int) -> dict[str, Any]:
    """One measurement, in this process: pipeline, then floor."""
    from collation import Options, collate
    from collation.workers import warm_up, worker_count

    with tempfile.TemporaryDirectory() as tmp:
        paths, articles, words = _corpus(kind, size, Path(tmp))
        options = Options(quiet=True, workers=workers)
        procs = worker_count(options)
        # Models and the gazetteer load once per process; load them before the clock starts
        # so a 100-article run is not dominated by start-up (reported separately).
        t_start = time.perf_counter()
        warm_up(options)
        startup = time.perf_counter() - t_start
        t0 = time.perf_counter()
        summary = collate(paths, Path(tmp) / "out", options)
        total = time.perf_counter() - t0
        own_mb, worker_mb = _peak_mb()
        floor = _floor(paths, procs, floor_sample)
    return {
        "corpus": "synthetic" if kind == "synthetic" else Path(kind).name,
        "articles": articles,
        "words": words,
        "workers": procs,
        "total_s": total,
        "startup_s": startup,
        "stages": summary.stage_seconds,
        "analyse_s": summary.analyse_seconds,
        "stories": summary.stories,
        "failures": len(summary.failures),
        "peak_mb": own_mb,
        "worker_peak_mb": worker_mb,
        **floor,
    }


#: Whole-run phases, in order; they add up to the end-to-end wall time.
PHASES = ("read+clean", "stories", "analyse", "outputs")


def _row(name: str, secs: float, share: float, r: dict[str, Any]) -> str:
    return (
        f"{name:<16}{secs:>9.2f}{share:>8.1%}"
        f"{r['articles'] / secs if secs else 0:>9.1f}{r['words'] / secs if secs else 0:>10.0f}"
    )


def _table(r: dict[str, Any]) -> str:
    stages = dict(r["stages"])
    phases = {name: stages.pop(name, 0.0) for name in PHASES if name != "analyse"}
    phases["analyse"] = r["analyse_s"]
    worker_total = sum(stages.values()) or 1.0
    lines = [
        f"\n{r['corpus']}: {r['articles']} articles, {r['words']} words, {r['workers']} worker(s), "
        f"{r['stories']} stories",
        f"peak memory: main process {r['peak_mb']:.0f} MB, largest worker "
        f"{r['worker_peak_mb']:.0f} MB; start-up (models, gazetteer; once per process, not "
        f"timed below) {r['startup_s']:.1f}s",
        f"{'phase (wall)':<16}{'seconds':>9}{'share':>8}{'art/s':>9}{'words/s':>10}",
    ]
    lines += [_row(name, phases[name], phases[name] / r["total_s"], r) for name in PHASES]
    lines.append(_row("end-to-end", r["total_s"], 1.0, r))
    lines.append(
        f"{'analyse stage':<16}{'seconds':>9}{'share':>8}{'art/s':>9}{'words/s':>10}"
        "   (seconds summed over workers; share of their total)"
    )
    for stage, secs in sorted(stages.items(), key=lambda kv: -kv[1]):
        lines.append(_row(stage, secs, secs / worker_total, r))
    sampled = (
        f", timed on {int(r['floor_docs'])} articles and scaled"
        if r["floor_docs"] < r["articles"] else ""
    )
    lines.append(
        f"floor: spaCy {r['floor_parse_s']:.2f}s + embeddings {r['floor_embed_s']:.2f}s "
        f"({int(r['sentences'])} sentences{sampled}) = {r['floor_s']:.2f}s "
        f"({r['articles'] / r['floor_s']:.2f} art/s); end-to-end / floor = "
        f"{r['total_s'] / r['floor_s']:.2f}"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[100, 1000, 10000],
                        help="synthetic corpus sizes (articles)")
    parser.add_argument("--workers", type=int, nargs="*", default=[0],
                        help="worker counts to measure (0 = all cores)")
    parser.add_argument("--seeds", help="also measure this folder (the seed corpus)")
    parser.add_argument("--corpus", action="append", default=[],
                        help="also measure this folder or file of real articles (repeatable)")
    parser.add_argument("--floor-sample", type=int, default=0,
                        help="time the floor on at most this many articles and scale (0 = all)")
    parser.add_argument("--json", type=Path, help="append results as JSON lines")
    parser.add_argument("--one", nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:  # child process: one measurement, JSON on stdout
        kind, size, workers, sample = args.one[0], int(args.one[1]), int(args.one[2]), int(args.one[3])
        print(json.dumps(run_one(kind, size, workers, sample)))
        return
    folders = ([args.seeds] if args.seeds else []) + list(args.corpus)
    jobs = [(folder, 0, w) for folder in folders for w in args.workers]
    jobs += [("synthetic", s, w) for s in args.sizes for w in args.workers]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    for kind, size, workers in jobs:
        # A fresh process per measurement, so peak memory is per corpus size.
        out = subprocess.run(
            [sys.executable, __file__, "--one", kind, str(size), str(workers), str(args.floor_sample)],
            check=True, capture_output=True, text=True, env=env,
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        print(_table(result), flush=True)
        if args.json:
            with args.json.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
