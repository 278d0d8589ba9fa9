"""Relation graph of actors, places and products, built from claims.

Two entities are linked when one claim mentions both. The edge label is the wording
between the two mentions when it is short enough to read as a relation ("is shipping
equipment to", "bought"); otherwise the pair is only marked as co-mentioned. Support is the
number of documents with such a claim, so a link many outlets report draws thicker than
one a single article makes. This reads recorded spans only; no language model is run.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..records import Analysis, Claim, Entity

#: Entity type -> node kind. NORP ("Iranian") acts as an actor in news wording.
NODE_KINDS = {
    "PERSON": "actor",
    "ORG": "actor",
    "NORP": "actor",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "PRODUCT": "product",
}
CO_MENTIONED = "co-mentioned"
#: Longest wording between two mentions still shown as the relation.
MAX_LABEL_WORDS = 6
#: A claim naming more entities than this links only its first ones (lists of names
#: would otherwise add a quadratic number of weak edges).
MAX_ENTITIES_PER_CLAIM = 8

_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*")
_EDGE_WORDS = frozenset({"the", "a", "an", "its", "their", "his", "her", "and", "that", "which"})


def node_kind(entity: Entity) -> str | None:
    """Node kind of an entity, or None when it does not belong in the graph.

    A place that stands for an institution ("Moscow said") acts in the story, so it is
    drawn as an actor.
    """
    kind = NODE_KINDS.get(entity.type)
    if kind == "place" and entity.metonym_for:
        return "actor"
    return kind


def relation_label(between: str) -> str:
    """The relation worded between two mentions, or ``CO_MENTIONED``."""
    # A clause or list boundary between the two names means the words are not a relation.
    if any(
        mark in between for mark in (".", ",", ";", ":", "?", "!", "(", ")", "\n", "“", "”", '"')
    ):
        return CO_MENTIONED
    if between.strip() in ("'s", "’s", "'", "’"):
        return "’s"  # "Russia's Alabuga zone": a possessive is a relation of its own
    words = [w.lower() for w in _WORD_RE.findall(between)]
    if words == ["and"] or words == ["or"]:
        return words[0]
    while words and words[0] in _EDGE_WORDS:
        words.pop(0)
    while words and words[-1] in _EDGE_WORDS:
        words.pop()
    if not words or len(words) > MAX_LABEL_WORDS:
        return CO_MENTIONED
    return " ".join(words)


@dataclass(frozen=True)
class GraphNode:
    id: str
    name: str
    kind: str
    """actor, place or product."""
    type: str
    """Entity type (PERSON, ORG, GPE ...)."""
    documents: int
    mentions: int


@dataclass(frozen=True)
class GraphEdge:
    source: str
    target: str
    label: str
    """Most frequent wording of the relation."""
    labels: tuple[tuple[str, int], ...]
    """Every wording with the number of claims that used it."""
    claims: tuple[str, ...]
    docs: tuple[str, ...]
    origins: int
    """Independence groups among ``docs``."""

    @property
    def support(self) -> int:
        """Documents that state this link."""
        return len(self.docs)


@dataclass(frozen=True)
class RelationGraph:
    nodes: tuple[GraphNode, ...]
    edges: tuple[GraphEdge, ...]

    def strongest(self, max_nodes: int, max_edges: int) -> RelationGraph:
        """The best-supported part, small enough to draw legibly."""
        weight: Counter[str] = Counter()
        for e in self.edges:
            weight[e.source] += e.support
            weight[e.target] += e.support
        ranked = sorted(
            (n for n in self.nodes if weight[n.id]),
            key=lambda n: (-weight[n.id], -n.documents, n.name.casefold(), n.id),
        )
        keep = {n.id for n in ranked[:max_nodes]}
        edges = [e for e in self.edges if e.source in keep and e.target in keep][:max_edges]
        used = {e.source for e in edges} | {e.target for e in edges}
        return RelationGraph(tuple(n for n in self.nodes if n.id in used), tuple(edges))


def claim_mentions(
    analysis: Analysis, entities: dict[str, Entity]
) -> dict[str, list[tuple[int, int, str]]]:
    """For each claim, the (start, end, entity id) mentions inside its span, in text order.

    Entities the claim lists but whose mention is not inside the span (found through
    coreference, say) are appended with offsets (-1, -1).
    """
    by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for entity in entities.values():
        for span in entity.mentions:
            by_doc[span.doc].append((span.start, span.end, entity.id))
    for spans in by_doc.values():
        spans.sort()
    out: dict[str, list[tuple[int, int, str]]] = {}
    for claim in analysis.claims:
        out[claim.id] = _mentions_in(claim, by_doc.get(claim.span.doc, []))
    return out


def _mentions_in(claim: Claim, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    lo = bisect.bisect_left(spans, (claim.span.start, -1, ""))
    found: list[tuple[int, int, str]] = []
    seen: set[str] = set()
    last_end = -1
    for start, end, ent in spans[lo:]:
        if start >= claim.span.end:
            break
        if end > claim.span.end or start < last_end:
            continue  # crosses the claim boundary or nests inside the previous mention
        last_end = end
        if ent not in seen:
            seen.add(ent)
            found.append((start, end, ent))
    for ent in sorted(set(claim.entities) | set(claim.places)):
        if ent not in seen:
            seen.add(ent)
            found.append((-1, -1, ent))
    return found


def build_graph(analysis: Analysis) -> RelationGraph:
    """Nodes for graph-worthy entities met in claims, edges for pairs that share a claim."""
    entities = {e.id: e for e in analysis.entities}
    kinds = {eid: k for eid, e in entities.items() if (k := node_kind(e)) is not None}
    texts = {d.id: d.text for d in analysis.documents}
    claim_docs = {c.id: c.span.doc for c in analysis.claims}
    dated: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for tv in analysis.times:
        dated[tv.span.doc].append((tv.span.start, tv.span.end))
    labels: dict[tuple[str, str], Counter[tuple[str, str, str]]] = defaultdict(Counter)
    claims: dict[tuple[str, str], set[str]] = defaultdict(set)
    docs: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim_id, found in sorted(claim_mentions(analysis, entities).items()):
        found = [m for m in found if m[2] in kinds][:MAX_ENTITIES_PER_CLAIM]
        if len(found) < 2:
            continue
        doc = claim_docs[claim_id]
        text = texts.get(doc, "")
        for i, (_, e1, a) in enumerate(found):
            for j in range(i + 1, len(found)):
                s2, b = found[j][0], found[j][2]
                if a == b:
                    continue
                # Only neighbours are worded: the words between non-neighbours belong to
                # the mention in the middle ("X to Y via Z" does not link X and Z by "to").
                worded = j == i + 1 and e1 >= 0 and s2 >= 0 and e1 <= s2
                label = (
                    relation_label(_blank(text, e1, s2, dated.get(doc, [])))
                    if worded
                    else CO_MENTIONED
                )
                key = (a, b) if a < b else (b, a)
                labels[key][(label, a, b)] += 1
                claims[key].add(claim_id)
                docs[key].add(doc)
    edges = []
    for key in sorted(labels):
        counted = labels[key]
        wording: Counter[str] = Counter()
        for (label, _, _), n in counted.items():
            wording[label] += n
        best = sorted(
            counted.items(),
            # a worded relation beats "and", which beats mere co-mention
            key=lambda kv: (
                kv[0][0] == CO_MENTIONED,
                kv[0][0] in ("and", "or"),
                -kv[1],
                len(kv[0][0]),
                kv[0],
            ),
        )[0][0]
        edge_docs = tuple(sorted(docs[key]))
        edges.append(
            GraphEdge(
                source=best[1],
                target=best[2],
                label=best[0],
                labels=tuple(sorted(wording.items(), key=lambda kv: (-kv[1], kv[0]))),
                claims=tuple(sorted(claims[key])),
                docs=edge_docs,
                origins=len({analysis.origins.get(d, d) for d in edge_docs}),
            )
        )
    edges.sort(key=lambda e: (-e.support, -len(e.claims), e.source, e.target))
    used = {e.source for e in edges} | {e.target for e in edges}
    nodes = []
    for eid in sorted(used):
        ent = entities[eid]
        ent_docs = {m.doc for m in ent.mentions} | {d for al in ent.aliases for d in al.docs}
        nodes.append(
            GraphNode(eid, ent.name, kinds[eid], ent.type, len(ent_docs), len(ent.mentions))
        )
    nodes.sort(key=lambda n: (n.kind, n.name.casefold(), n.id))
    return RelationGraph(tuple(nodes), tuple(edges))


def _blank(text: str, start: int, end: int, skip: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with time expressions blanked out: "left on Tuesday for" is
    worded "left for", since when something happened is not part of the relation."""
    chars = list(text[start:end])
    for a, b in skip:
        for i in range(max(a, start), min(b, end)):
            chars[i - start] = " "
    return "".join(chars)
