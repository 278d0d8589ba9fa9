"""Story clustering: group documents about one real-world event, in full or incremental runs.

Reads ``Document`` records (and optionally the entity stage's keys); adds ``Story`` records.
This is the one stage that looks at the whole corpus. The method, in order:

1. Features per document (``features.py``): an int8 vector of the article (lead and the
   following passages), entity/place keys, publication day. Each is a function of that
   document alone.
2. Candidate pairs (``blocking.py``): two documents are compared only when they share a key
   and are near each other in that key's time-ordered bucket: within ``key_neighbours``
   places for a rare key (a full name or a rare word such as "Kharkiv"), within
   ``common_key_neighbours`` for a commoner one ("Google", "Panama"). The number of pairs
   therefore grows linearly with the corpus, however often a key recurs.
3. Pair score (``scoring.py``) = cosine(article vectors) + ``key_weight`` * weighted key
   overlap - ``time_weight`` * time penalty: a function of the two documents alone.
4. Blocks: connected components of the graph of pairs scoring at least ``edge_threshold``.
5. Each block is re-clustered (``refine.py``): average linkage over all its pairs, cut at
   ``merge_threshold``, then a merge pass that joins clusters by content and by their time
   gap relative to their own spread. Single links chain (flood A - flood report - flood B);
   average linkage splits such chains where the members do not agree as a group.

Why this is exact incrementally. Step 5 and the story records are pure functions of a
block's members. New documents add edges that touch them; they can also remove old pairs
from the candidates, when they fall between two old documents in a key's bucket (and only
then: see ``blocking.lost_pairs``). So the union's blocks are the old blocks that lost no
edge, merged through the edges of the new documents and of the members of the old blocks
that did lose one, which are all scored again. An incremental run therefore re-clusters
only those blocks, carries every other story over unchanged, and returns what a full run
on the union returns. Documents are processed sorted by id, so input order does not matter
either.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..config import Options
from ..errors import StageError
from ..records import Document, Story
from . import blocking
from .features import DocFeatures, document_features
from .incremental import ClusterState, changed_story_ids
from .label import make_story
from .refine import refine_blocks
from .scoring import (
    FeatureTable,
    StorySettings,
    block_scores,
    candidate_pairs,
    components,
    pair_scores,
)

__all__ = [
    "ClusterState",
    "FeatureTable",
    "StorySettings",
    "block_scores",
    "candidate_pairs",
    "cluster_features",
    "cluster_stories",
    "pair_scores",
]


def _lost_edge_rows(table: FeatureTable, new: Any, settings: StorySettings) -> Any:
    """Rows of old documents joined by an old edge that the new documents may have cut."""
    left, right = blocking.lost_pairs(
        table.index,
        table.dated,
        table.days,
        new,
        window=settings.key_days,
    )
    linked = pair_scores(table, left, right, settings) >= settings.edge_threshold
    rows = np.zeros(len(table), dtype=bool)
    rows[left[linked]] = True
    rows[right[linked]] = True
    return rows


def _new_documents(
    documents: Sequence[Document], known: frozenset[str]
) -> list[Document]:
    unique: dict[str, Document] = {}
    for document in documents:
        if document.id not in known and document.id not in unique:
            unique[document.id] = document
    return [unique[k] for k in sorted(unique)]


def cluster_stories(
    documents: Sequence[Document],
    *,
    state: ClusterState | None = None,
    keys: Mapping[str, frozenset[str]] | None = None,
    options: Options,
) -> tuple[list[Story], ClusterState, frozenset[str]]:
    """Cluster documents into stories, extending ``state`` when given.

    ``documents``: the new documents (ones already in ``state`` are ignored). ``keys``: doc id
    -> normalised entity/place keys from the entity stage; documents without an entry get
    cheap keys from capitalised words. Returns all stories sorted by id, the new state, and the
    ids of stories that are new or changed members. Raises ``StageError`` when ``state`` was
    built with another embedding model.
    """
    settings = StorySettings.from_options(options)
    known = state.document_ids() if state is not None else frozenset()
    new_documents = _new_documents(documents, known)
    if state is not None and state.features_fingerprint != settings.features_fingerprint():
        raise StageError(
            f"stored stories were built with {state.features_fingerprint!r}, not "
            f"{settings.features_fingerprint()!r}; re-run clustering on all documents"
        )
    new_features = document_features(
        new_documents,
        keys=keys,
        mode=settings.embedding,
        model=settings.model,
        batch_size=settings.batch_size,
        passages=settings.passages,
    )
    return cluster_features(new_features, state=state, settings=settings)


def cluster_features(
    new_features: Sequence[DocFeatures],
    *,
    state: ClusterState | None,
    settings: StorySettings,
) -> tuple[list[Story], ClusterState, frozenset[str]]:
    """``cluster_stories`` from ready features (lets evaluation sweep settings cheaply)."""
    known = state.document_ids() if state is not None else frozenset()
    unique = {f.id: f for f in new_features if f.id not in known}
    new_features = [unique[k] for k in sorted(unique)]
    old_features = list(state.documents) if state is not None else []
    features = sorted(old_features + new_features, key=lambda f: f.id)
    table = FeatureTable(features, settings)
    index = {doc_id: row for row, doc_id in enumerate(table.ids)}
    rescore = state is None or state.scoring_fingerprint != settings.scoring_fingerprint()

    # 1. Edges touching fresh documents: the new ones, and the members of every old block
    # that may have lost an edge (new documents came between two of its members in a key's
    # order, see blocking.py); all documents when the scoring settings changed.
    fresh = np.zeros(len(table), dtype=bool)
    old_blocks = [] if rescore or state is None else list(state.blocks)
    groups = [np.array([index[m] for m in block], dtype=np.int64) for block in old_blocks]
    if rescore:
        fresh[:] = True
    else:
        fresh[[index[f.id] for f in new_features]] = True
        cut = _lost_edge_rows(table, fresh.copy(), settings)
        if cut.any():
            clean = [not cut[rows].any() for rows in groups]
            for rows, keep in zip(groups, clean, strict=True):
                fresh[rows] |= not keep
            old_blocks = [b for b, keep in zip(old_blocks, clean, strict=True) if keep]
            groups = [g for g, keep in zip(groups, clean, strict=True) if keep]
    left, right = candidate_pairs(table, fresh, settings)
    scores = pair_scores(table, left, right, settings)
    linked = scores >= settings.edge_threshold

    # 2. Blocks: old blocks that kept their edges stay joined; new edges merge them.
    labels = components(len(table), left[linked], right[linked], groups)
    members_of: dict[int, list[int]] = {}
    for row, label in enumerate(labels):
        members_of.setdefault(int(label), []).append(row)
    blocks = sorted(tuple(table.ids[r] for r in rows) for rows in members_of.values())

    # 3. Re-cluster blocks that changed; carry the others' stories over untouched.
    unchanged = set(old_blocks) & set(blocks)
    old_stories = list(state.stories) if state is not None else []
    carried_docs = {d for block in unchanged for d in block}
    stories = [s for s in old_stories if s.documents and s.documents[0] in carried_docs]
    todo = [
        np.array([index[m] for m in block], dtype=np.int64)
        for block in blocks
        if block not in unchanged
    ]
    for cluster in refine_blocks(table, todo, settings):
        stories.append(make_story([table.features[r] for r in cluster]))
    stories.sort(key=lambda s: s.id)
    new_state = ClusterState(
        features_fingerprint=settings.features_fingerprint(),
        scoring_fingerprint=settings.scoring_fingerprint(),
        documents=tuple(features),
        blocks=tuple(blocks),
        stories=tuple(stories),
    )
    return stories, new_state, changed_story_ids(old_stories, stories)
