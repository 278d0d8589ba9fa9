"""Story clustering scores: B3 precision/recall/F1 and pairwise F1 against gold groups.

Two data sets are understood (``--data`` may point at either, or at a folder holding one):

1. giveme5w1h ``news_cluster_data``: news-please JSON, one article per file; the gold story
   is ``newsCluster.EventId``. Documents get title, outlet, url and the publication day.
2. ECB+ (a folder with ``ECB+/<topic>/<topic>_<n>ecb[plus].xml``): document-to-subtopic
   clustering; the gold group of a document is its topic plus its half (``ecb`` or
   ``ecbplus``), which describe two different real events of the same kind (for example two
   different office shootings). All topics are clustered together as one mixed corpus.
   Texts are rebuilt from the tokens; the ``ecbplus`` source URL (sentence 0) is dropped from
   the text and kept as ``url``. ECB+ has no publication dates, so this set measures
   clustering by text alone.

Metrics (implemented here): B3 averages, over documents, the precision and recall of the
predicted cluster of each document against its gold cluster (Bagga & Baldwin 1998); pairwise
precision/recall count document pairs placed together.
"""

from __future__ import annotations

import dataclasses
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from ..config import Options
from ..errors import EvalError
from ..ids import document_id
from ..records import Document

# --------------------------------------------------------------------------- metrics


def _f1(p: float, r: float) -> float:
    return 0.0 if p + r == 0 else 2 * p * r / (p + r)


def b3_scores(gold: Mapping[str, str], predicted: Mapping[str, str]) -> tuple[float, float, float]:
    """B3 precision, recall and F1 over the items of ``gold`` (item -> cluster label).

    Items missing from ``predicted`` count as singletons.
    """
    items = sorted(gold)
    if not items:
        return 0.0, 0.0, 0.0
    pred = {i: predicted.get(i, "\x00" + i) for i in items}
    joint = Counter((gold[i], pred[i]) for i in items)
    gold_size = Counter(gold[i] for i in items)
    pred_size = Counter(pred[i] for i in items)
    precision = sum(joint[(gold[i], pred[i])] / pred_size[pred[i]] for i in items) / len(items)
    recall = sum(joint[(gold[i], pred[i])] / gold_size[gold[i]] for i in items) / len(items)
    return precision, recall, _f1(precision, recall)


def pairwise_scores(
    gold: Mapping[str, str], predicted: Mapping[str, str]
) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1: pairs of items put in one cluster.

    With no pair on one side the matching score is 1.0 (nothing to get wrong).
    """
    items = sorted(gold)
    pred = {i: predicted.get(i, "\x00" + i) for i in items}

    def pairs(sizes: Counter[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in sizes.values())

    both = pairs(Counter((gold[i], pred[i]) for i in items))
    gold_pairs = pairs(Counter(gold[i] for i in items))
    pred_pairs = pairs(Counter(pred[i] for i in items))
    precision = both / pred_pairs if pred_pairs else 1.0
    recall = both / gold_pairs if gold_pairs else 1.0
    return precision, recall, _f1(precision, recall)


def score_partition(gold: Mapping[str, str], predicted: Mapping[str, str]) -> dict[str, float]:
    """All metrics as one dict (keys match ``collate eval clustering --json``)."""
    bp, br, bf = b3_scores(gold, predicted)
    pp, pr, pf = pairwise_scores(gold, predicted)
    return {
        "b3_precision": bp,
        "b3_recall": br,
        "b3_f1": bf,
        "pairwise_precision": pp,
        "pairwise_recall": pr,
        "pairwise_f1": pf,
    }


# --------------------------------------------------------------------------- loaders


def load_news_cluster(folder: Path) -> tuple[list[Document], dict[str, str]]:
    """giveme5w1h news_cluster_data: documents and doc id -> gold EventId."""
    documents: dict[str, Document] = {}
    gold: dict[str, str] = {}
    for path in sorted(folder.rglob("*.json")):
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise EvalError(f"cannot read {path}: {exc}") from exc
        cluster = record.get("newsCluster") if isinstance(record, dict) else None
        if not isinstance(cluster, dict) or "EventId" not in cluster:
            continue
        title = (record.get("title") or "").strip() or None
        body = (record.get("text") or "").strip()
        text = f"{title}\n\n{body}" if title else body
        if not text:
            continue
        published = record.get("date_publish") or None
        doc = Document(
            id=document_id(text),
            source=str(path),
            title=title,
            outlet=record.get("source_domain"),
            url=record.get("url"),
            published=published[:10] if published else None,
            published_basis="metadata" if published else None,
            language=record.get("language"),
            text=text,
            format="json",
        )
        documents[doc.id] = doc
        gold[doc.id] = str(cluster["EventId"])
    return [documents[k] for k in sorted(documents)], gold


_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}]|'s\b|n't\b|'re\b|'ll\b|'ve\b|'d\b|'m\b)")
_NO_SPACE_AFTER = re.compile(r"([(\[{$]) ")


def _detokenise(tokens: Sequence[str]) -> str:
    text = " ".join(tokens)
    text = _NO_SPACE_BEFORE.sub(r"\1", text)
    text = _NO_SPACE_AFTER.sub(r"\1", text)
    return text.replace("`` ", "\u201c").replace(" ''", "\u201d")


def load_ecbplus(folder: Path) -> tuple[list[Document], dict[str, str]]:
    """ECB+ documents and doc id -> gold subtopic (``<topic>ecb`` / ``<topic>ecbplus``)."""
    documents: dict[str, Document] = {}
    gold: dict[str, str] = {}
    pattern = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")
    for path in sorted(folder.rglob("*.xml")):
        match = pattern.match(path.name)
        if not match:
            continue
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as exc:
            raise EvalError(f"cannot read {path}: {exc}") from exc
        sentences: dict[int, list[str]] = {}
        for token in root.iter("token"):
            sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
        url = None
        lines = []
        for number in sorted(sentences):
            words = sentences[number]
            joined = "".join(words)
            if number == 0 and match.group(3) == "ecbplus" and joined.startswith("http"):
                url = joined
                continue
            lines.append(_detokenise(words))
        text = "\n".join(lines).strip()
        if not text:
            continue
        doc = Document(
            id=document_id(text),
            source=str(path),
            title=None,
            outlet=None,
            url=url,
            published=None,
            published_basis=None,
            language="en",
            text=text,
            format="xml",
        )
        documents[doc.id] = doc
        gold[doc.id] = match.group(1) + match.group(3)
    return [documents[k] for k in sorted(documents)], gold


def load_clustering_data(data: Path) -> tuple[str, list[Document], dict[str, str]]:
    """Recognise the data set under ``data``: (name, documents, gold)."""
    if data.is_dir() and any(data.rglob("*ecbplus.xml")):
        documents, gold = load_ecbplus(data)
        name = "ecbplus"
    else:
        folder = data if data.is_dir() else data.parent
        documents, gold = load_news_cluster(folder)
        name = "giveme5w1h"
    if not documents:
        raise EvalError(f"no clustering gold found under {data}")
    return name, documents, gold


# --------------------------------------------------------------------------- evaluate

#: Values tried for each setting by ``sweep=True`` (one setting varied at a time).
SWEEP: dict[str, tuple[float, ...]] = {
    "edge_threshold": (0.5, 0.6, 0.7, 0.8, 0.9),
    "merge_threshold": (0.5, 0.6, 0.65, 0.7, 0.75, 0.8, 0.9),
    "key_weight": (0.0, 0.75, 1.5, 2.25),
    "time_weight": (0.0, 0.1, 0.2, 0.3, 0.4),
    "common_key_neighbours": (0, 2, 5, 20),
    "key_neighbours": (5, 20, 100),
    "merge_pass": (0, 1),
}


def half_split(gold: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """The gold stories in two halves, for a check of generality.

    By the parity of the number a story label starts with (giveme5w1h ``EventId``; the ECB+
    topic, so that both subtopics of a topic stay in one half), else alternately in sorted
    label order.
    """
    labels = sorted(set(gold.values()))
    numbers = {label: re.match(r"\d+", label) for label in labels}
    numbered = all(numbers.values())
    side = {
        label: (int(numbers[label].group(0)) if numbered else index) % 2  # type: ignore[union-attr]
        for index, label in enumerate(labels)
    }
    return {
        name: {doc: label for doc, label in gold.items() if side[label] == parity}
        for name, parity in (("even", 0), ("odd", 1))
    }


def score_features(
    features: Sequence[Any], gold: Mapping[str, str], settings: Any
) -> tuple[dict[str, float], int]:
    """Cluster ``features`` (of the documents in ``gold``) as one corpus and score them."""
    from ..stories.cluster import cluster_features

    chosen = [f for f in features if f.id in gold]
    stories, _, _ = cluster_features(chosen, state=None, settings=settings)
    predicted = {doc: story.id for story in stories for doc in story.documents}
    return score_partition(gold, predicted), len(stories)


def evaluate(data: Path, options: Options, **kwargs: Any) -> dict[str, Any]:
    """Cluster the documents under ``data`` as one corpus and score against the gold.

    Keyword arguments: ``sweep=True`` adds ``sensitivity``: the scores with one setting varied
    at a time around the configured ones (a guard against tuning to this data);
    ``halves=True`` adds ``halves``: each half of the gold stories (``half_split``)
    clustered as a corpus of its own and scored.
    """
    from ..stories.cluster import StorySettings
    from ..stories.features import document_features

    name, documents, gold = load_clustering_data(Path(data))
    settings = StorySettings.from_options(options)
    features = document_features(
        documents,
        mode=settings.embedding,
        model=settings.model,
        batch_size=settings.batch_size,
        passages=settings.passages,
    )
    metrics, predicted_count = score_features(features, gold, settings)
    result: dict[str, Any] = {
        "dataset": name,
        "documents": len(documents),
        "gold_stories": len(set(gold.values())),
        "predicted_stories": predicted_count,
        **metrics,
    }
    if kwargs.get("halves"):
        result["halves"] = {}
        for half, half_gold in half_split(gold).items():
            scores, count = score_features(features, half_gold, settings)
            result["halves"][half] = {
                **scores,
                "documents": len(half_gold),
                "gold_stories": len(set(half_gold.values())),
                "predicted_stories": count,
            }
    if kwargs.get("sweep"):
        table: dict[str, dict[str, dict[str, float]]] = {}
        for field_name, values in SWEEP.items():
            table[field_name] = {}
            for value in values:
                varied = StorySettings(**{**dataclasses.asdict(settings), field_name: value})
                scores, count = score_features(features, gold, varied)
                table[field_name][str(value)] = {
                    "b3_f1": scores["b3_f1"],
                    "pairwise_f1": scores["pairwise_f1"],
                    "stories": count,
                }
        result["sensitivity"] = table
    return result
