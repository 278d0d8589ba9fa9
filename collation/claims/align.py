"""Alignment: claims that say the same thing across documents become one proposition.

Input: every claim of a story, its documents, their origins (``independence``) and the
resolved entities. Output: ``Proposition`` records (every claim in one, a few in two: see
``_second_memberships``), sorted by
id, each listing its claims, documents and origins, ``single_source`` (one origin only)
and ``same_quote_variants`` (the same speaker quoted in different words).

Similarity of two claims (``similarity.similarity_matrix``) mixes sentence embeddings,
shared specific words and entities, agreement of times and figures, and a shared located
town or site; pairs that share only the story's topic words lose, and two body claims of
one document lose. One speaker's direct quotes that render one statement are forced
together.

Claims are clustered by average linkage (every member must be similar to the group on
average, which avoids the chaining that single linkage causes between loosely related
sentences) and cut at ``THRESHOLD``. Input order does not matter: claims are sorted by
(document id, offsets) first, and ids are content hashes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..config import Options
from ..ids import set_id
from ..records import Claim, Document, Entity, Proposition
from ..unionfind import DisjointSets
from .common import claim_text, embed_texts, quote_words, same_wording, speaker_key, words
from .similarity import similarity_matrix

#: Average-linkage similarity above which claims form one proposition. Paraphrases of one
#: statement score about 0.55-0.9 with the shipped MiniLM model and the weights of
#: ``similarity``, two statements about the same actors but different facts about
#: 0.3-0.55; the value was set on the test fixtures and the seed corpus (docs/claims.md),
#: so treat it as a default to revisit on other corpora ([stages.claims] align_threshold).
THRESHOLD = 0.56
#: How much more than the threshold a claim must match a second proposition by.
SECOND_MARGIN = 0.05
#: Most claims aligned in one dense similarity matrix (``claim_blocks`` splits larger
#: stories); its memory grows with the square, about 100 MB at this size.
MAX_DENSE = 2000


def _sort_key(claim: Claim) -> tuple[str, int, int, str]:
    return (claim.span.doc, claim.span.start, claim.span.end, claim.id)


def cluster(sim: Any, threshold: float) -> list[int]:
    """Average-linkage cluster label per row of a similarity matrix (labels by first row)."""
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    n = sim.shape[0]
    if n == 0:
        return []
    if n == 1:
        return [0]
    dist = np.clip(1.0 - sim, 0.0, 2.0).astype("float64")
    dist = (dist + dist.T) / 2.0
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    raw = fcluster(tree, t=1.0 - threshold, criterion="distance")
    # Relabel by first occurrence so labels depend only on the (sorted) input.
    relabel: dict[int, int] = {}
    return [relabel.setdefault(int(x), len(relabel)) for x in raw]


def quote_variants(claims: Sequence[Claim]) -> bool:
    """Whether direct quotes by one speaker among ``claims`` differ in wording."""
    quoted = [c for c in claims if c.quote == "direct" and c.quote_span is not None]
    for i, a in enumerate(quoted):
        for b in quoted[i + 1 :]:
            if a.span.doc == b.span.doc:
                continue
            ka, kb = speaker_key(a), speaker_key(b)
            if ka is None or ka != kb:
                continue
            if not same_wording(quote_words(a), quote_words(b)):
                return True
    return False


def align_claims(
    claims: Sequence[Claim],
    documents: Sequence[Document],
    origins: Mapping[str, str],
    *,
    entities: Sequence[Entity] = (),
    options: Options,
) -> list[Proposition]:
    """Group claims into propositions; see the module docstring."""
    ordered = sorted(claims, key=_sort_key)
    if not ordered:
        return []
    settings = options.extra.get("claims", {}) if isinstance(options.extra, dict) else {}
    threshold = float(settings.get("align_threshold", THRESHOLD))
    if len(ordered) <= MAX_DENSE:
        return _align(ordered, documents, origins, entities, options, threshold)
    out: list[Proposition] = []
    for block in claim_blocks(ordered, options):
        out += _align([ordered[i] for i in block], documents, origins, entities, options, threshold)
    return sorted(out, key=lambda p: p.id)


def claim_blocks(claims: Sequence[Claim], options: Options) -> list[list[int]]:
    """Indexes of ``claims`` split into blocks of at most ``MAX_DENSE`` similar claims.

    A story of hundreds of articles has tens of thousands of claims, and the dense
    similarity matrix grows with their square (a 14,000-claim story needed more than
    20 GB). Blocks are cut by recursive halving along the main direction of the claims'
    embeddings, so paraphrases, which lie close together, mostly stay in one block;
    claims of different blocks are never aligned.
    """
    import numpy as np

    vectors = np.asarray(
        embed_texts([claim_text(c) for c in claims], options.embedding_model, options.batch_size),
        dtype="float64",
    ).reshape(len(claims), -1)

    def split(indices: list[int]) -> list[list[int]]:
        if len(indices) <= MAX_DENSE:
            return [indices]
        chunk = vectors[indices]
        sub = chunk - chunk.mean(axis=0)
        # Power iteration from a fixed start: the same direction on every run.
        direction = np.ones(sub.shape[1]) / np.sqrt(sub.shape[1])
        for _ in range(30):
            direction = sub.T @ (sub @ direction)
            direction /= np.linalg.norm(direction) or 1.0
        # Rounded, so last-bit differences between BLAS builds cannot reorder claims.
        projection = np.round(sub @ direction, 6).tolist()
        order = sorted(range(len(indices)), key=lambda k: (projection[k], indices[k]))
        half = len(order) // 2
        return split(sorted(indices[k] for k in order[:half])) + split(
            sorted(indices[k] for k in order[half:])
        )

    return split(list(range(len(claims))))


def _align(
    ordered: Sequence[Claim],
    documents: Sequence[Document],
    origins: Mapping[str, str],
    entities: Sequence[Entity],
    options: Options,
    threshold: float,
) -> list[Proposition]:
    """Dense alignment of claims sorted by ``_sort_key``."""
    known = {d.id for d in documents}
    sim = similarity_matrix(ordered, entities, options, documents, origins)
    labels = cluster(sim, threshold)
    groups: dict[int, list[int]] = {}
    for idx, label in enumerate(labels):
        groups.setdefault(label, []).append(idx)
    extra = _second_memberships(ordered, sim, labels, groups, threshold)
    groups, extra = _merge_mutual(groups, extra, labels)
    # A group whose every claim also joined one other proposition is part of it: kept
    # beside it, it would repeat that proposition (and a lone claim would look
    # single-source).
    joined_to = {i: label for label, members in extra.items() for i in members}
    groups = {
        label: members for label, members in groups.items()
        if len({joined_to.get(i, -1) for i in members} - {-1}) != 1
        or any(i not in joined_to for i in members)
    }
    out = []
    for label, primary in groups.items():
        members = primary + [i for i in extra.get(label, []) if i not in primary]
        group = [ordered[i] for i in members]
        # Representative wording: the most readable member (a whole sentence before a
        # clause fragment or a headline), then the one most similar to the others.
        best = max(
            members,
            key=lambda i: (-readability_rank(ordered[i]), float(sim[i, members].sum()), -i),
        )
        docs = sorted({c.span.doc for c in group})
        group_origins = sorted({origins.get(d, d) for d in docs if d in known or d in origins})
        if not group_origins:
            group_origins = sorted({origins.get(d, d) for d in docs})
        out.append(
            Proposition(
                id=set_id("p", [c.id for c in group]),
                text=claim_text(ordered[best]),
                claims=tuple(sorted(c.id for c in group)),
                docs=tuple(docs),
                origins=tuple(group_origins),
                single_source=len(group_origins) <= 1,
                same_quote_variants=quote_variants(group),
            )
        )
    return sorted(out, key=lambda p: p.id)


#: First words of a clause that cannot stand alone as a sentence: the rest of a
#: coordinated predicate ("is also cooperating ..."), the content of an accusation or
#: denial ("using drones in Ukraine", "to sending drones ..."), a participle.
_FRAGMENT_STARTS = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could",
     "to", "of", "for", "with", "by", "from", "having", "being", "also", "not"}
)


def readability_rank(claim: Claim) -> int:
    """0 for a claim that reads as a sentence, 1 for a lower-case clause ("the plant
    could ..."), 2 for a headline (title case, no verb inflection), 3 for a fragment
    that needs the sentence around it ("using drones in Ukraine", "Ukraine of using
    drones": the content of "accused X of ...")."""
    toks = words(claim_text(claim))
    if not toks:
        return 3
    first = toks[0]
    if first in _FRAGMENT_STARTS or first.endswith("ing") or (len(toks) > 1 and toks[1] == "of"):
        return 3
    if claim.segment == "headline":
        return 2
    text = claim_text(claim).lstrip("\"'\u201c\u2018(")
    return 0 if text[:1].isupper() or text[:1].isdigit() else 1


def _second_memberships(
    ordered: Sequence[Claim], sim: Any, labels: list[int], groups: dict[int, list[int]],
    threshold: float,
) -> dict[int, list[int]]:
    """Group label -> claims that also belong there.

    One sentence can state two facts ("a plant in the Alabuga zone could be operational
    early next year" gives the site and the date). A claim also joins the one other
    multi-document proposition whose two closest members from other documents it
    matches at least ``SECOND_MARGIN`` above the threshold. The margin keeps a claim that
    the clustering put elsewhere, and that matches a second proposition only as well as
    a loose member would, in one proposition.
    """
    docs = {label: {ordered[m].span.doc for m in members} for label, members in groups.items()}
    extra: dict[int, list[int]] = {}
    for i, claim in enumerate(ordered):
        best: tuple[float, int] | None = None
        for label, members in groups.items():
            if label == labels[i] or len(docs[label]) < 2:
                continue
            others = [m for m in members if ordered[m].span.doc != claim.span.doc]
            if not others:
                continue
            # Close to at least two members (a proposition gathers several wordings, and a
            # second fact in a sentence matches its closest paraphrases, not all of them).
            top = sorted((float(x) for x in sim[i, others]), reverse=True)[:2]
            score = sum(top) / len(top)
            if score < threshold + SECOND_MARGIN:
                continue
            if best is None or (score, -label) > (best[0], -best[1]):
                best = (score, label)
        if best is not None:
            extra.setdefault(best[1], []).append(i)
    return extra


def _merge_mutual(
    groups: dict[int, list[int]], extra: dict[int, list[int]], labels: list[int]
) -> tuple[dict[int, list[int]], dict[int, list[int]]]:
    """Merge two groups that each take a second member from the other: they are one
    proposition split by the clustering (two sets of wordings of one fact)."""
    sets = DisjointSets(groups)
    find = sets.find

    takes = {(labels[i], label) for label, members in extra.items() for i in members}
    for a, b in sorted(takes):
        if (b, a) in takes:
            sets.union(a, b)
    merged: dict[int, list[int]] = {}
    merged_extra: dict[int, list[int]] = {}
    for label in sorted(groups):
        root = find(label)
        merged.setdefault(root, []).extend(groups[label])
        merged_extra.setdefault(root, []).extend(extra.get(label, []))
    for root, members in merged.items():
        members.sort()
        merged_extra[root] = sorted({i for i in merged_extra[root] if i not in members})
    return merged, merged_extra


def proposition_of(propositions: Sequence[Proposition]) -> dict[str, Proposition]:
    """Claim id -> the proposition that holds it."""
    return {cid: p for p in propositions for cid in p.claims}


__all__ = ["align_claims", "cluster", "proposition_of", "quote_variants", "similarity_matrix"]
