"""Throughput of the claims stages (extract, independence + align, conflicts).

    .venv/bin/python bench/bench_claims.py [FOLDER ...] [--scale 1,2,4] [--json]

For each event folder (default: the example corpus, else the seed corpus beside the
checkout) the corpus is read, parsed and run through mentions, entities, times and
quantities once (not timed: those are other stages), then the claims stages are timed
cold (embedding cache cleared). ``--scale`` repeats the corpus k times, each copy with
its outlet names changed so documents stay distinct, to show how alignment and conflict
finding grow with the number of claims (both compare claims pairwise within a story).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import platform
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from collation.claims.align import align_claims  # noqa: E402
from collation.claims.common import clear_embedding_cache  # noqa: E402
from collation.claims.conflicts import find_conflicts  # noqa: E402
from collation.claims.extract import extract_claims  # noqa: E402
from collation.claims.independence import document_origins  # noqa: E402
from collation.config import Options  # noqa: E402
from collation.evaluate.conflicts import Analyser, read_event  # noqa: E402
from collation.ids import document_id  # noqa: E402
from collation.records import Document  # noqa: E402


def _copies(documents: list[Document], k: int) -> list[Document]:
    """The corpus k times; copy j gets a marker line so ids (content hashes) differ."""
    out = list(documents)
    for j in range(1, k):
        for d in documents:
            text = d.text + f"\n\nCopy {j}."
            out.append(dataclasses.replace(d, id=document_id(text), text=text, source=f"{d.source}#{j}"))
    return out


def bench(folder: Path, scale: int, options: Options) -> dict[str, object]:
    documents = _copies(read_event(folder, options), scale)
    analyser = Analyser(options)
    entities = analyser.run(documents).entities  # parse, earlier stages, model loading
    clear_embedding_cache()
    per_doc = analyser._per_doc
    parsed = analyser._parsed
    from collation.resolve.entities import entity_index

    entity_of = entity_index(entities)
    t0 = time.perf_counter()
    claims = [
        c for d in documents for c in extract_claims(
            d, parsed[d.id], mentions=per_doc[d.id][0], entity_of=entity_of,
            times=per_doc[d.id][1], quantities=per_doc[d.id][2],
        )
    ]
    t1 = time.perf_counter()
    origins = document_origins(documents)
    propositions = align_claims(claims, documents, origins, entities=entities, options=options)
    t2 = time.perf_counter()
    conflicts = find_conflicts(documents, claims, propositions, entities=entities)
    t3 = time.perf_counter()
    words = sum(len(d.text.split()) for d in documents)
    total = t3 - t0
    return {
        "folder": str(folder),
        "scale": scale,
        "documents": len(documents),
        "words": words,
        "claims": len(claims),
        "propositions": len(propositions),
        "conflicts": len(conflicts),
        "extract_s": round(t1 - t0, 3),
        "independence_align_s": round(t2 - t1, 3),
        "conflicts_s": round(t3 - t2, 3),
        "claims_per_s": round(len(claims) / total, 1),
        "words_per_s": round(words / total, 1),
        "extract_words_per_s": round(words / (t1 - t0), 1) if t1 > t0 else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--scale", default="1", help="comma-separated corpus multiples")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    folders = args.folders or [
        p for p in (ROOT / "examples" / "corpus", ROOT.parent / "shared" / "corpora" / "seeds")
        if p.is_dir()
    ][:1]
    options = Options(quiet=True)
    rows = [
        bench(folder, int(k), options) for folder in folders for k in args.scale.split(",")
    ]
    if args.json:
        print(json.dumps({"machine": platform.machine(), "rows": rows}, indent=1))
        return
    keys = list(rows[0])
    print("\t".join(keys))
    for row in rows:
        print("\t".join(str(row[k]) for k in keys))


if __name__ == "__main__":
    main()
