"""Clusters inside a block: average linkage, then a merge pass at the level of clusters.

A block (a connected component of the edge graph, see ``cluster.py``) can chain two events
of one kind together through a single strong pair. Each block is therefore re-clustered from
all its pairs, in two steps, both pure functions of the block's members (which is what keeps
incremental runs exact):

1. **Average linkage** over the pair scores, cut where the average drops below
   ``merge_threshold``. The pair scores carry a time penalty per pair, so two bursts of
   coverage a few weeks apart stay apart even when they read alike.
2. **Merge pass.** The clusters of step 1 are merged again, greedily, best pair first, when
   their average *content* score (without the pair time penalty) minus a time penalty on the
   gap between their periods is still at least ``merge_threshold``. The gap is measured
   between the clusters' periods (from the last article of one to the first of the other,
   0 when they overlap) and scaled down by how long the longer of the two already runs: a
   story covered for two months absorbs a follow-up ten days after its last article, while
   two one-day events ten days apart stay apart. Step 1 alone cannot do this: it penalises
   each pair by its own distance, so the first and the last article of a long story count
   against each other.

Scores of all the blocks of a run are computed in large vectorised batches: there is one
small block per story in a typical corpus, and a call per block costs more than its scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy.cluster.hierarchy import linkage

from .scoring import (
    FeatureTable,
    StorySettings,
    candidate_pairs,
    components,
    condensed_content,
    pair_penalties,
    pair_scores,
    time_penalty,
)

#: Pairs scored per batch of small blocks (memory: about 40 bytes per pair).
BATCH_PAIRS = 1_000_000
#: Blocks at least this large are scored as one matrix product instead (BLAS is faster
#: than gathering the rows of each pair once a block's pairs outnumber its rows enough).
DENSE_BLOCK = 300
#: Blocks split into more clusters than this skip the merge pass (its cost is cubic).
MERGE_PASS_LIMIT = 400


def split_large(
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
    labels = components(len(table), left[keep], right[keep], [])[members]
    out: list[Any] = []
    for label in np.unique(labels):
        part = members[labels == label]
        out.extend(split_large(table, part, settings, threshold + 0.05))
    return out


def refine_blocks(
    table: FeatureTable, blocks: Sequence[Any], settings: StorySettings
) -> list[Any]:
    """Clusters (arrays of row indices, sorted) of each block (row indices sorted by id)."""
    out: list[Any] = []
    todo: list[Any] = []
    for block in blocks:
        if len(block) == 1:
            out.append(block)
            continue
        for part in split_large(table, block, settings, settings.edge_threshold + 0.05):
            if len(part) == 1 or len(part) > settings.max_block:
                # 1. singletons need nothing; 2. an unsplittable giant block stays one story.
                out.append(part)
            elif len(part) >= DENSE_BLOCK:
                out.extend(_refine_dense(table, part, settings))
            else:
                todo.append(part)
    batch: list[Any] = []
    pairs = 0
    for part in todo:
        batch.append(part)
        pairs += len(part) * (len(part) - 1) // 2
        if pairs >= BATCH_PAIRS:
            out.extend(_refine_batch(table, batch, settings))
            batch, pairs = [], 0
    if batch:
        out.extend(_refine_batch(table, batch, settings))
    return out


def _refine_batch(
    table: FeatureTable, parts: Sequence[Any], settings: StorySettings
) -> list[Any]:
    """Score the pairs of several blocks at once, then cluster each block."""
    uppers = [np.triu_indices(len(part), k=1) for part in parts]
    left = np.concatenate([part[i] for part, (i, _) in zip(parts, uppers, strict=True)])
    right = np.concatenate([part[j] for part, (_, j) in zip(parts, uppers, strict=True)])
    content = pair_scores(table, left, right, settings, timed=False)
    penalty = pair_penalties(table, left, right, settings)
    out: list[Any] = []
    offset = 0
    for part, (i, j) in zip(parts, uppers, strict=True):
        end = offset + len(i)
        out.extend(
            _refine_part(table, part, i, j, content[offset:end], penalty[offset:end], settings)
        )
        offset = end
    return out


def _refine_dense(table: FeatureTable, part: Any, settings: StorySettings) -> list[Any]:
    """Score one large block as a matrix, then cluster it like the batched ones."""
    upper_i, upper_j = (x.astype(np.int32) for x in np.triu_indices(len(part), k=1))
    content = condensed_content(table, part, settings)
    penalty = pair_penalties(table, part[upper_i], part[upper_j], settings)
    return _refine_part(table, part, upper_i, upper_j, content, penalty, settings)


def _refine_part(
    table: FeatureTable,
    members: Any,
    upper_i: Any,
    upper_j: Any,
    content: Any,
    penalty: Any,
    settings: StorySettings,
) -> list[Any]:
    """Step 1 (average linkage) and step 2 (merge pass) for one block of >= 2 members.

    ``content`` and ``penalty`` are condensed (pairs i < j in ``np.triu_indices`` order).
    """
    ceiling = 1.0 + settings.key_weight
    scores = content - settings.time_weight * penalty
    distances = np.clip(ceiling - scores, 0.0, None)
    tree = linkage(distances, method="average")
    labels = _cut(tree, len(members), ceiling - settings.merge_threshold)
    count = int(labels.max()) + 1
    if count > 1 and settings.merge_pass and count <= MERGE_PASS_LIMIT:
        labels = _merge_pass(table, members, upper_i, upper_j, content, labels, settings)
    return [members[labels == label] for label in range(int(labels.max()) + 1)]


def _cut(tree: Any, n: int, height: float) -> Any:
    """Flat clusters of an average-linkage tree: merges at or below ``height``.

    Labels 0, 1, ... in order of each cluster's first member. Average linkage is monotone
    (scipy returns merges by increasing height), so the kept merges are a prefix.
    """
    leader = list(range(n))

    def find(x: int) -> int:
        while leader[x] != x:
            leader[x] = leader[leader[x]]
            x = leader[x]
        return x

    representative = list(range(n)) + [0] * max(0, n - 1)
    for step, (a, b, distance, _) in enumerate(tree):
        if distance > height:
            break
        ra, rb = find(representative[int(a)]), find(representative[int(b)])
        leader[max(ra, rb)] = min(ra, rb)
        representative[n + step] = min(ra, rb)
    return _relabel(np.array([find(x) for x in range(n)], dtype=np.int64))


def _relabel(labels: Any) -> Any:
    """Labels renumbered 0, 1, ... in order of first appearance."""
    _, first, inverse = np.unique(labels, return_index=True, return_inverse=True)
    rank = np.empty(len(first), dtype=np.int64)
    rank[np.argsort(first, kind="stable")] = np.arange(len(first))
    return rank[inverse.ravel()]


def _merge_pass(
    table: FeatureTable,
    members: Any,
    upper_i: Any,
    upper_j: Any,
    content: Any,
    labels: Any,
    settings: StorySettings,
) -> Any:
    """Greedy merging of a block's clusters by average content and relative time gap."""
    count = int(labels.max()) + 1
    sums = np.zeros((count, count), dtype=np.float64)
    np.add.at(sums, (labels[upper_i], labels[upper_j]), content)
    sums = sums + sums.T - np.diag(np.diag(sums))
    sizes = np.bincount(labels, minlength=count).astype(np.float64)
    dated = table.dated[members]
    days = table.days[members].astype(np.float64)
    start = np.full(count, np.inf)
    end = np.full(count, -np.inf)
    np.minimum.at(start, labels[dated], days[dated])
    np.maximum.at(end, labels[dated], days[dated])
    grace = float(max(1, settings.time_grace_days))
    alive = np.ones(count, dtype=bool)
    merged_into = np.arange(count)
    while alive.sum() > 1:
        live = np.flatnonzero(alive)
        mean = sums[np.ix_(live, live)] / np.outer(sizes[live], sizes[live])
        has_day = np.isfinite(start[live])
        both = has_day[:, None] & has_day[None, :]
        lo, hi = np.where(has_day, start[live], 0.0), np.where(has_day, end[live], 0.0)
        later_start = np.maximum(lo[:, None], lo[None, :])
        gap = np.maximum(0.0, later_start - np.minimum(hi[:, None], hi[None, :]))
        spread = np.maximum((hi - lo)[:, None], (hi - lo)[None, :])
        # A long story's own spread shrinks the gap: relative, not absolute, distance.
        relative = gap * grace / np.maximum(grace, spread)
        penalty = np.where(both, time_penalty(settings, relative), 0.0)
        linked = mean - settings.time_weight * penalty
        linked[np.tril_indices(len(live))] = -np.inf
        best = int(np.argmax(linked))  # first maximum: ties go to the lowest labels
        a, b = divmod(best, len(live))
        if linked[a, b] < settings.merge_threshold:
            break
        keep, drop = live[a], live[b]
        sums[keep, :] += sums[drop, :]
        sums[:, keep] += sums[:, drop]
        sizes[keep] += sizes[drop]
        start[keep] = min(start[keep], start[drop])
        end[keep] = max(end[keep], end[drop])
        alive[drop] = False
        merged_into[merged_into == drop] = keep
    return _relabel(merged_into[labels])
