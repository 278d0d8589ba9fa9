"""Throughput of the time and quantity normalisers, side by side with dateparser and quantulum3.

Usage (from the repository root)::

    .venv/bin/python bench/bench_dates_quantities.py \
        --data ../shared/bench/tempeval3/Training/TBAQ-cleaned --sample-words 20000

All tools read the same news text: the TEXT of the TimeML files under ``--data``. Our stages
run over the whole corpus; the baselines (much slower) over its first ``--sample-words``
words, and every stage is also timed on that same sample so the columns compare like with
like. Prints a Markdown table of words per second (best of ``--repeat`` runs, wall clock).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from collation.evaluate.timex import read_timeml  # noqa: E402
from collation.ids import document_id  # noqa: E402
from collation.nlp.pubdate import infer_publication_dates  # noqa: E402
from collation.nlp.quantities import find_quantities  # noqa: E402
from collation.nlp.times import find_times  # noqa: E402
from collation.records import Document  # noqa: E402


def _texts(data: Path) -> list[tuple[str, str]]:
    files = sorted(data.rglob("*.tml")) if data.is_dir() else [data]
    out = []
    for path in files:
        doc = read_timeml(path)
        out.append((doc.text, doc.dct[:10]))
    return out


def _document(text: str, published: str | None) -> Document:
    return Document(id=document_id(text), source="bench", title=None, outlet=None, url=None,
                    published=published, published_basis="metadata" if published else None,
                    language="en", text=text)


def _sample(texts: list[tuple[str, str]], words: int) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    total = 0
    for text, dct in texts:
        if total >= words:
            break
        out.append((text, dct))
        total += len(text.split())
    return out


def _rate(run: Callable[[], object], words: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return words / best if best > 0 else float("inf")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path,
                        default=Path("../shared/bench/tempeval3/Training/TBAQ-cleaned"))
    parser.add_argument("--sample-words", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    texts = _texts(args.data)
    sample = _sample(texts, args.sample_words)
    all_words = sum(len(t.split()) for t, _ in texts)
    sample_words = sum(len(t.split()) for t, _ in sample)

    rows: list[tuple[str, str, float]] = []
    rows.append(("collation times (find_times)", f"corpus, {all_words} words",
                 _rate(lambda: [find_times(t, d) for t, d in texts], all_words, args.repeat)))
    rows.append(("collation quantities (find_quantities)", f"corpus, {all_words} words",
                 _rate(lambda: [find_quantities(t) for t, _ in texts], all_words, args.repeat)))
    rows.append(("collation times (find_times)", f"sample, {sample_words} words",
                 _rate(lambda: [find_times(t, d) for t, d in sample], sample_words, args.repeat)))
    rows.append(("collation quantities (find_quantities)", f"sample, {sample_words} words",
                 _rate(lambda: [find_quantities(t) for t, _ in sample], sample_words, args.repeat)))

    # Publication-date inference: stories of five documents, the first dated by metadata and
    # four undated; every candidate day re-resolves the undated documents' expressions.
    stories = []
    for index in range(0, len(sample) - 4, 5):
        group = sample[index : index + 5]
        stories.append([_document(t, d if k == 0 else None) for k, (t, d) in enumerate(group)])
    story_words = sum(len(doc.text.split()) for story in stories for doc in story)
    rows.append(("collation publication dates (infer_publication_dates)",
                 f"sample as {len(stories)} stories, {story_words} words",
                 _rate(lambda: [infer_publication_dates(story) for story in stories], story_words,
                       args.repeat)))

    from dateparser.search import search_dates  # imported here: slow imports stay out of timing

    def dateparser_run() -> list[object]:
        # Relative dates are resolved against each document's creation time, as ours are.
        return [search_dates(t, languages=["en"],
                             settings={"RELATIVE_BASE": datetime.fromisoformat(d)})
                for t, d in sample]

    rows.append(("dateparser search_dates", f"sample, {sample_words} words",
                 _rate(dateparser_run, sample_words, 1)))
    from quantulum3 import classifier as quantulum_classifier
    from quantulum3 import parser as quantulum

    # quantulum3's bundled unit classifier was pickled with an older scikit-learn and does not
    # load under the installed one; its rule-based disambiguation is used instead.
    quantulum_classifier.USE_CLF = False
    quantulum.parse("warm-up: 3 km")  # first call loads its unit tables, outside the timing
    rows.append(("quantulum3 parse", f"sample, {sample_words} words",
                 _rate(lambda: [quantulum.parse(t) for t, _ in sample], sample_words, 1)))

    print("| stage | text | words/s |")
    print("|---|---|---:|")
    for name, where, rate in rows:
        print(f"| {name} | {where} | {rate:,.0f} |")


if __name__ == "__main__":
    main()
