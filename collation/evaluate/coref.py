"""Cross-document entity coreference: CoNLL F1 (mean of MUC, B3, CEAF-e) on ECB+ and NewsWCL50.

``collate eval coref --data PATH`` where PATH is the ECB+ folder (CAT XML files) or the
NewsWCL50 folder (matched sentences and annotations). Two settings:

* ``gold``: the annotated mentions (their strings and types) are given to our resolver
  (``entities.resolve_with``), which clusters them within and across documents; this is the
  setting of the published ECB+ anchor (entities 82.0, Held et al. 2021, test topics);
* ``predicted``: our own mention extraction (spaCy + designations) runs on the text; a
  predicted mention counts as a gold one when their character spans overlap by at least
  half of each (one-to-one, best overlap first), otherwise it is a spurious mention.

Clusters are formed within each topic (ECB+ topic, NewsWCL50 event) and scored over all
topics together with singletons kept, as the reference CoNLL scorer does. The scorers are
implemented here: MUC (Vilain et al. 1995), B3 (Bagga & Baldwin 1998), CEAF-e with phi4 and
an optimal (Kuhn-Munkres) alignment (Luo 2005).
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Options
from ..errors import EvalError
from ..ids import content_hash
from ..records import Document, Mention, Segment

Cluster = frozenset[Hashable]


# ---------------------------------------------------------------- scorers


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _partitions(cluster: Cluster, other: dict[Hashable, int]) -> int:
    """Number of pieces ``cluster`` falls into under the other side's clustering."""
    seen: set[int] = set()
    lone = 0
    for m in cluster:
        c = other.get(m)
        if c is None:
            lone += 1
        else:
            seen.add(c)
    return len(seen) + lone


def _membership(clusters: Sequence[Cluster]) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def muc(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[float, float, float]:
    """MUC precision, recall, F1 (links; singletons contribute nothing)."""
    key_of, resp_of = _membership(key), _membership(response)
    r_num = sum(len(k) - _partitions(k, resp_of) for k in key)
    r_den = sum(len(k) - 1 for k in key)
    p_num = sum(len(r) - _partitions(r, key_of) for r in response)
    p_den = sum(len(r) - 1 for r in response)
    recall = r_num / r_den if r_den else 0.0
    precision = p_num / p_den if p_den else 0.0
    return precision, recall, _f1(precision, recall)


def _overlaps(a: Sequence[Cluster], b: Sequence[Cluster]) -> list[dict[int, int]]:
    b_of = _membership(b)
    out = []
    for cluster in a:
        counts: dict[int, int] = defaultdict(int)
        for m in cluster:
            j = b_of.get(m)
            if j is not None:
                counts[j] += 1
        out.append(counts)
    return out


def b_cubed(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[float, float, float]:
    """B3 precision, recall, F1 (per mention; twinless mentions score zero)."""
    key_total = sum(len(k) for k in key)
    resp_total = sum(len(r) for r in response)
    recall_sum = sum(
        n * n / len(k)
        for k, ov in zip(key, _overlaps(key, response), strict=True)
        for n in ov.values()
    )
    precision_sum = sum(
        n * n / len(r)
        for r, ov in zip(response, _overlaps(response, key), strict=True)
        for n in ov.values()
    )
    recall = recall_sum / key_total if key_total else 0.0
    precision = precision_sum / resp_total if resp_total else 0.0
    return precision, recall, _f1(precision, recall)


def ceaf_e(key: Sequence[Cluster], response: Sequence[Cluster]) -> tuple[float, float, float]:
    """Entity-based CEAF with phi4 = 2|K&R| / (|K| + |R|) and an optimal one-to-one alignment."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    if not key or not response:
        return 0.0, 0.0, 0.0
    sim = np.zeros((len(key), len(response)))
    for i, ov in enumerate(_overlaps(key, response)):
        for j, n in ov.items():
            sim[i, j] = 2 * n / (len(key[i]) + len(response[j]))
    rows, cols = linear_sum_assignment(sim, maximize=True)
    total = float(sim[rows, cols].sum())
    recall = total / len(key)
    precision = total / len(response)
    return precision, recall, _f1(precision, recall)


def conll_scores(key: Sequence[Cluster], response: Sequence[Cluster]) -> dict[str, float]:
    """MUC, B3 and CEAF-e precision/recall/F1 and their F1 mean (CoNLL F1), as fractions."""
    out: dict[str, float] = {}
    for name, fn in (("muc", muc), ("b3", b_cubed), ("ceafe", ceaf_e)):
        p, r, f = fn(key, response)
        out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = (
            round(p, 4),
            round(r, 4),
            round(f, 4),
        )
    out["conll_f1"] = round((out["muc_f1"] + out["b3_f1"] + out["ceafe_f1"]) / 3, 4)
    return out


# ---------------------------------------------------------------- corpus model


@dataclass
class GoldMention:
    doc: str
    start: int
    end: int
    label: str
    cluster: str


@dataclass
class Topic:
    name: str
    documents: list[Document] = field(default_factory=list)
    mentions: list[GoldMention] = field(default_factory=list)
    scope: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    """doc id -> character ranges that were annotated (predicted mentions outside are ignored)."""


def _document(name: str, text: str) -> Document:
    return Document(
        id="d" + content_hash(name, text),
        source=name,
        title=None,
        outlet=None,
        url=None,
        published=None,
        published_basis=None,
        language="en",
        text=text,
        segments=(Segment(0, len(text), "body"),),
    )


# ---------------------------------------------------------------- ECB+

#: ECB+ tags that are entities (participants, locations, times), as in the literature.
_ECB_ENTITY_PREFIXES = ("HUMAN_PART", "NON_HUMAN_PART", "LOC_", "TIME_")
_ECB_LABELS = {
    "HUMAN_PART_PER": "PERSON",
    "HUMAN_PART_ORG": "ORG",
    "HUMAN_PART_GPE": "GPE",
    "HUMAN_PART_FAC": "FAC",
    "HUMAN_PART_VEH": "PRODUCT",
    "HUMAN_PART_MET": "ORG",
    "HUMAN_PART_GENERIC": "GENERIC",
    "HUMAN_PART": "PERSON",
    "NON_HUMAN_PART": "PRODUCT",
    "NON_HUMAN_PART_GENERIC": "GENERIC",
    "LOC_GEO": "GPE",
    "LOC_FAC": "FAC",
    "LOC_OTHER": "LOC",
}


def _ecb_selected(root: Path) -> dict[tuple[str, str], set[int]] | None:
    path = next(iter(sorted(root.rglob("ECBplus_coreference_sentences.csv"))), None)
    if path is None:
        return None
    out: dict[tuple[str, str], set[int]] = defaultdict(set)
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            out[(row["Topic"].strip(), row["File"].strip())].add(int(row["Sentence Number"]))
    return out


def load_ecbplus(root: Path, topics: set[str] | None = None) -> list[Topic]:
    """Topics of ECB+ with documents rebuilt from tokens and gold entity mentions."""
    selected = _ecb_selected(root)
    files = sorted(root.rglob("*_*ecb*.xml"))
    if not files:
        raise EvalError(f"no ECB+ CAT XML files under {root}")
    by_topic: dict[str, Topic] = {}
    for path in files:
        match = re.match(r"(\d+)_(\d+ecb(?:plus)?)\.xml$", path.name)
        if match is None:
            continue
        topic_name, file_name = match.group(1), match.group(2)
        if topics is not None and topic_name not in topics:
            continue
        sentences = selected.get((topic_name, file_name), set()) if selected is not None else None
        topic = by_topic.setdefault(topic_name, Topic(topic_name))
        _read_ecb_file(path, topic, sentences)
    return [by_topic[k] for k in sorted(by_topic, key=int)]


def _read_ecb_file(path: Path, topic: Topic, sentences: set[int] | None) -> None:
    root = ET.parse(path).getroot()
    tokens = root.findall("token")
    parts: list[str] = []
    offsets: dict[str, tuple[int, int, int]] = {}
    pos, last_sentence = 0, None
    for tok in tokens:
        sentence = int(tok.get("sentence", "0"))
        if last_sentence is not None:
            sep = "\n" if sentence != last_sentence else " "
            parts.append(sep)
            pos += 1
        word = tok.text or ""
        offsets[tok.get("t_id", "")] = (pos, pos + len(word), sentence)
        parts.append(word)
        pos += len(word)
        last_sentence = sentence
    text = "".join(parts)
    document = _document(path.name, text)
    topic.documents.append(document)
    sentence_ranges: dict[int, list[int]] = defaultdict(list)
    for start, end, sentence in offsets.values():
        sentence_ranges[sentence] += [start, end]
    keep = (
        sorted(sentence_ranges) if sentences is None else sorted(sentences & set(sentence_ranges))
    )
    topic.scope[document.id] = [(min(sentence_ranges[s]), max(sentence_ranges[s])) for s in keep]

    markables = root.find("Markables")
    relations = root.find("Relations")
    if markables is None:
        return
    spans: dict[str, tuple[int, int, str, int]] = {}
    instance_of: dict[str, str] = {}
    for element in markables:
        m_id = element.get("m_id", "")
        anchors = [
            offsets[a.get("t_id", "")]
            for a in element.findall("token_anchor")
            if a.get("t_id") in offsets
        ]
        if element.get("instance_id"):
            instance_of[m_id] = element.get("instance_id", "")
        if anchors and element.tag.startswith(_ECB_ENTITY_PREFIXES):
            start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
            spans[m_id] = (start, end, element.tag, anchors[0][2])
    cluster_of: dict[str, str] = {}
    if relations is not None:
        for rel in relations:
            target = rel.find("target")
            if target is None:
                continue
            t_id = target.get("m_id", "")
            if rel.tag == "CROSS_DOC_COREF":
                chain = f"x:{instance_of.get(t_id, rel.get('note', t_id))}"
            else:
                chain = f"i:{path.name}:{t_id}"
            for source in rel.findall("source"):
                cluster_of[source.get("m_id", "")] = chain
    for m_id, (start, end, tag, sentence) in sorted(spans.items(), key=lambda kv: kv[1]):
        if sentences is not None and sentence not in sentences:
            continue
        label = _ECB_LABELS.get(tag, "TIME" if tag.startswith("TIME_") else "OTHER")
        chain = cluster_of.get(m_id, f"s:{path.name}:{m_id}")
        topic.mentions.append(GoldMention(document.id, start, end, label, f"{topic.name}/{chain}"))


# ---------------------------------------------------------------- NewsWCL50

#: NewsWCL50 code types that are entities (actions, events and framing properties are not).
_WCL_LABELS = {
    "ACTOR": "PERSON",
    "ACTOR-I": "ORG",
    "COUNTRY": "GPE",
    "GROUP": "NORP",
    "OBJECT": "PRODUCT",
    "MISC": "MISC",
}


def load_newswcl50(root: Path) -> list[Topic]:
    """Events of NewsWCL50 from the sentence-matched texts and their annotations."""
    matched = next(iter(sorted(root.rglob("2-matched"))), None)
    if matched is None:
        raise EvalError(f"no NewsWCL50 '2-matched' folder under {root}")
    topics: dict[str, Topic] = {}
    for sent_file in sorted(matched.rglob("*_sent.txt")):
        stem = sent_file.name[: -len("_sent.txt")]
        ann_file = sent_file.with_name(f"{stem}_annotations.csv")
        if not ann_file.exists():
            continue
        event = stem.split("_", 1)[0]
        topic = topics.setdefault(event, Topic(event))
        lines = sent_file.read_text(encoding="utf-8").split("\n")
        while lines and not lines[-1].strip():
            lines.pop()
        starts, pos = [], 0
        for line in lines:
            starts.append(pos)
            pos += len(line) + 1
        text = "\n".join(lines)
        document = _document(sent_file.name, text)
        topic.documents.append(document)
        topic.scope[document.id] = [(0, len(text))]
        seen: set[tuple[int, int]] = set()
        with ann_file.open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                label = _WCL_LABELS.get(row.get("code_type", ""))
                if label is None:
                    continue
                found = _locate(lines, starts, row)
                if found is None or found in seen:
                    continue
                seen.add(found)
                concept = f"{event}/{row['code_name']}"
                topic.mentions.append(GoldMention(document.id, found[0], found[1], label, concept))
    return [topics[k] for k in sorted(topics, key=int)]


def _locate(lines: list[str], starts: list[int], row: dict[str, str]) -> tuple[int, int] | None:
    """Character span of an annotated mention: its string in its sentence, the occurrence
    nearest the annotated token position."""
    try:
        index, token = int(row["sentence"]), int(row["start"])
    except (KeyError, ValueError):
        return None
    if not 0 <= index < len(lines):
        return None
    sentence, phrase = lines[index], row.get("code_mention", "").strip()
    if not phrase:
        return None
    hits = [m.start() for m in re.finditer(re.escape(phrase), sentence)]
    if not hits:
        hits = [m.start() for m in re.finditer(re.escape(phrase), sentence, re.IGNORECASE)]
    if not hits:
        return None
    best = min(hits, key=lambda h: (abs(len(sentence[:h].split()) - token), h))
    return starts[index] + best, starts[index] + best + len(phrase)


# ---------------------------------------------------------------- running our resolver


def _gold_clusters(topics: Iterable[Topic]) -> list[Cluster]:
    groups: dict[str, set[Hashable]] = defaultdict(set)
    for topic in topics:
        for m in topic.mentions:
            groups[m.cluster].add((m.doc, m.start, m.end))
    return [frozenset(v) for _, v in sorted(groups.items())]


def _response_gold(topics: Sequence[Topic]) -> list[Cluster]:
    from ..resolve.entities import resolve_with
    from ..resolve.gazetteer import default_gazetteer
    from ..resolve.knowledge import KnowledgeBase

    gazetteer, knowledge = default_gazetteer(), KnowledgeBase.build(())
    out: list[Cluster] = []
    for topic in topics:
        texts = {d.id: d.text for d in topic.documents}
        mentions = [
            Mention(m.doc, m.start, m.end, texts[m.doc][m.start : m.end], m.label)
            for m in topic.mentions
        ]
        for entity in resolve_with(topic.documents, mentions, knowledge, gazetteer):
            out.append(frozenset((s.doc, s.start, s.end) for s in entity.mentions))
    return out


def _align(
    predicted: Sequence[tuple[str, int, int]], gold: Sequence[GoldMention]
) -> dict[tuple[str, int, int], Hashable]:
    """Predicted span -> gold mention id when they overlap by half of each (best first)."""
    by_doc: dict[str, list[GoldMention]] = defaultdict(list)
    for g in gold:
        by_doc[g.doc].append(g)
    pairs = []
    for p in predicted:
        for g in by_doc.get(p[0], ()):
            overlap = min(p[2], g.end) - max(p[1], g.start)
            if (
                overlap > 0
                and overlap >= 0.5 * (g.end - g.start)
                and overlap >= 0.5 * (p[2] - p[1])
            ):
                pairs.append((-overlap, p, (g.doc, g.start, g.end)))
    pairs.sort()
    taken_p: set[tuple[str, int, int]] = set()
    taken_g: set[tuple[str, int, int]] = set()
    out: dict[tuple[str, int, int], Hashable] = {}
    for _, p, g_id in pairs:
        if p in taken_p or g_id in taken_g:
            continue
        taken_p.add(p)
        taken_g.add(g_id)
        out[p] = g_id
    return out


def _in_scope(topic: Topic, doc: str, start: int, end: int) -> bool:
    return any(a <= start and end <= b + 1 for a, b in topic.scope.get(doc, ()))


def _response_predicted(topics: Sequence[Topic], options: Options) -> tuple[list[Cluster], int]:
    from ..nlp.models import load_spacy
    from ..nlp.parse import parse_documents
    from ..resolve.entities import resolve_with
    from ..resolve.gazetteer import default_gazetteer
    from ..resolve.knowledge import KnowledgeBase
    from ..resolve.mentions import extract_mentions

    nlp = load_spacy(options.spacy_model)
    gazetteer, knowledge = default_gazetteer(), KnowledgeBase.build(())
    out: list[Cluster] = []
    predicted_total = 0
    for topic in topics:
        parsed = parse_documents(topic.documents, nlp, batch_size=options.batch_size)
        mentions: list[Mention] = []
        for document in topic.documents:
            for m in extract_mentions(document, parsed.get(document.id, [])):
                if _in_scope(topic, m.doc, m.start, m.end):
                    mentions.append(m)
        predicted_total += len(mentions)
        aligned = _align([(m.doc, m.start, m.end) for m in mentions], topic.mentions)
        for entity in resolve_with(topic.documents, mentions, knowledge, gazetteer):
            spans = [(s.doc, s.start, s.end) for s in entity.mentions]
            out.append(frozenset(aligned.get(s, ("predicted",) + s) for s in spans))
    return out, predicted_total


def _split_topics(root: Path, split: str) -> set[str] | None:
    if split == "all":
        return None
    import json

    path = next(iter(sorted(root.rglob("train_val_test_split.json"))), None)
    if path is None:
        raise EvalError(f"--split {split} needs train_val_test_split.json under {root}")
    data = json.loads(path.read_text(encoding="utf-8"))
    if split not in data:
        raise EvalError(f"unknown split {split!r}; choose from all, {', '.join(sorted(data))}")
    return {str(t) for t in data[split]}


def evaluate(data: Path, options: Options, **kwargs: Any) -> dict[str, Any]:
    """Score cross-document entity coreference on ECB+ or NewsWCL50 found under ``data``.

    kwargs: ``setting`` = gold, predicted or both (default both: gold-mention metrics under
    their plain names, predicted-mention metrics prefixed ``predicted_``); ``split`` = all
    (default), train, val or test (ECB+ topics, from the uCDCR split file).
    """
    setting = str(kwargs.get("setting", "both"))
    if setting not in ("gold", "predicted", "both"):
        raise EvalError(f"unknown setting {setting!r}; choose gold, predicted or both")
    data = Path(data)
    if any(data.rglob("*_*ecb*.xml")):
        dataset = "ecbplus"
        topics = load_ecbplus(data, _split_topics(data, str(kwargs.get("split", "all"))))
    elif any(data.rglob("*_sent.txt")):
        dataset = "newswcl50"
        topics = load_newswcl50(data)
    else:
        raise EvalError(f"{data} holds neither ECB+ XML nor NewsWCL50 matched files")
    key = _gold_clusters(topics)
    counts = {
        "dataset": dataset,
        "topics": len(topics),
        "documents": sum(len(t.documents) for t in topics),
        "gold_mentions": sum(len(t.mentions) for t in topics),
        "gold_entities": len(key),
    }
    result: dict[str, Any] = {}
    if setting in ("gold", "both"):
        result = {"setting": "gold-mentions", **counts, **conll_scores(key, _response_gold(topics))}
    if setting in ("predicted", "both"):
        response, n_pred = _response_predicted(topics, options)
        scores = conll_scores(key, response)
        if result:
            # Both settings in one flat object: gold at the top, predicted prefixed.
            result["predicted_mentions"] = n_pred
            result.update({f"predicted_{k}": v for k, v in scores.items()})
        else:
            result = {"setting": "predicted-mentions", **counts, "predicted_mentions": n_pred, **scores}
    return result
