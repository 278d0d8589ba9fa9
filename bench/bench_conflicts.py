"""Time the conflict checks alone on one story of an existing collation store.

The conflict checks compare claims pairwise inside a story, so their cost grows with the
square of the story's size; this times them on the largest story of a store (or the one
named) as the pipeline runs them, after the same warm-up and with the per-story embedding
cache emptied first, and prints a digest of the conflicts found, so that two versions of
the code can be checked for identical output as well as compared for speed:

    .venv/bin/python -c "from pathlib import Path; from bench.synthetic import generate, \\
        write_jsonl; write_jsonl([a for a in generate(3000) if a.kind == 'power outage'], \\
        Path('out/giant.jsonl'))"
    .venv/bin/collate run out/giant.jsonl --out out/giant --quiet
    .venv/bin/python bench/bench_conflicts.py out/giant/collation.db
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("store", type=Path, help="a collation.db written by `collate run`")
    parser.add_argument("--story", help="story id (default: the largest story)")
    parser.add_argument("--repeat", type=int, default=1, help="time this many runs, report the best")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", message=r".*\[W095\]")

    from collation.claims.common import clear_embedding_cache
    from collation.claims.conflicts import find_conflicts
    from collation.config import Options
    from collation.store.db import Store
    from collation.workers import warm_up

    with Store(args.store, readonly=True) as store:
        stories = store.stories()
        if not stories:
            raise SystemExit(f"{args.store}: no stories")
        chosen = (
            next((s for s in stories if s.id == args.story), None)
            if args.story
            else max(stories, key=lambda s: (len(s.documents), s.id))
        )
        if chosen is None:
            raise SystemExit(f"{args.store}: no story {args.story!r}")
        analysis = store.read_analysis(chosen.id)
    warm_up(Options())
    best = float("inf")
    digest = ""
    for _ in range(max(1, args.repeat)):
        clear_embedding_cache()
        start = time.perf_counter()
        found = find_conflicts(
            list(analysis.documents), list(analysis.claims), list(analysis.propositions),
            entities=list(analysis.entities),
        )
        best = min(best, time.perf_counter() - start)
        digest = hashlib.sha1(repr(found).encode()).hexdigest()[:12]
    print(
        f"story {chosen.id}: {len(analysis.documents)} documents, {len(analysis.claims)} claims, "
        f"{len(analysis.propositions)} propositions -> {len(found)} conflicts in {best:.1f} s "
        f"(digest {digest})"
    )


if __name__ == "__main__":
    main()
