"""Throughput of the entity stage: mention extraction and cross-document resolution.

Usage (from the repository root)::

    .venv/bin/python bench/bench_entities.py --data ../shared/bench/ecbplus

Reads the ECB+ documents (rebuilt from their tokens; 33 topics = 33 stories) or any folder
the coref evaluator reads, and times, in one process:

* gazetteer build (once per process, reported apart);
* spaCy parse (``nlp.parse.parse_documents``, the configured pipeline);
* ``mentions.extract_mentions`` per document;
* ``entities.resolve_entities`` per story (topic), geocoding included.

Prints words per second for the stage with and without the parse (best of ``--repeat``
runs, wall clock) and, with ``--json``, the same numbers as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from collation.config import Options  # noqa: E402
from collation.evaluate.coref import load_ecbplus, load_newswcl50  # noqa: E402
from collation.nlp.models import load_spacy  # noqa: E402
from collation.nlp.parse import parse_documents  # noqa: E402
from collation.resolve.entities import resolve_entities  # noqa: E402
from collation.resolve.gazetteer import default_gazetteer  # noqa: E402
from collation.resolve.mentions import extract_mentions  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/bench/ecbplus"))
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--workers", type=int, default=1, help="spaCy processes for the parse")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    topics = (
        load_ecbplus(args.data)
        if any(args.data.rglob("*_*ecb*.xml"))
        else load_newswcl50(args.data)
    )
    stories = [t.documents for t in topics]
    words = sum(len(d.text.split()) for docs in stories for d in docs)
    n_docs = sum(len(docs) for docs in stories)
    options = Options()

    t0 = time.perf_counter()
    default_gazetteer()
    gazetteer_s = time.perf_counter() - t0
    nlp = load_spacy(options.spacy_model)

    best = {"parse": float("inf"), "mentions": float("inf"), "resolve": float("inf")}
    n_mentions = n_entities = 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        parsed = [parse_documents(docs, nlp, n_process=args.workers) for docs in stories]
        t1 = time.perf_counter()
        mentions = [
            [m for d in docs for m in extract_mentions(d, p.get(d.id, []))]
            for docs, p in zip(stories, parsed, strict=True)
        ]
        t2 = time.perf_counter()
        entities = [
            resolve_entities(docs, ms, options) for docs, ms in zip(stories, mentions, strict=True)
        ]
        t3 = time.perf_counter()
        best["parse"] = min(best["parse"], t1 - t0)
        best["mentions"] = min(best["mentions"], t2 - t1)
        best["resolve"] = min(best["resolve"], t3 - t2)
        n_mentions = sum(len(ms) for ms in mentions)
        n_entities = sum(len(es) for es in entities)

    stage = best["mentions"] + best["resolve"]
    result = {
        "date": datetime.now().strftime("%Y-%m-%d"),
        "machine": f"{os.cpu_count()} cores, CPU only, {platform.python_version()}",
        "data": str(args.data),
        "stories": len(stories),
        "documents": n_docs,
        "words": words,
        "mentions": n_mentions,
        "entities": n_entities,
        "gazetteer_build_s": round(gazetteer_s, 2),
        "parse_s": round(best["parse"], 2),
        "mentions_s": round(best["mentions"], 2),
        "resolve_s": round(best["resolve"], 2),
        "words_per_s_with_parse": round(words / (stage + best["parse"])),
        "words_per_s_without_parse": round(words / stage),
        "words_per_s_resolve_only": round(words / best["resolve"]),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"{n_docs} documents, {words} words, {len(stories)} stories; {n_mentions} mentions -> {n_entities} entities"
    )
    print(f"gazetteer build (once per process): {gazetteer_s:.1f} s")
    print("| step | seconds | words/s |")
    print("|---|---|---|")
    for name in ("parse", "mentions", "resolve"):
        print(f"| {name} | {best[name]:.2f} | {words / best[name]:,.0f} |")
    print(f"| mentions + resolve | {stage:.2f} | {words / stage:,.0f} |")
    print(
        f"| parse + mentions + resolve | {stage + best['parse']:.2f} | {words / (stage + best['parse']):,.0f} |"
    )


if __name__ == "__main__":
    main()
