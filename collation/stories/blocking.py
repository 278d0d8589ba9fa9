"""Candidate pairs for story clustering: key blocking with a bounded neighbourhood per key.

Two documents are compared only when they share a *blocking key* (a rare name or place, see
``features.is_blocking_key``). Comparing every pair inside a key's bucket costs the square of
the bucket's size, and a key that is rare in English can still be frequent in one corpus: a
given name that recurs across hundreds of stories, an outlet's name in its own boilerplate,
a person in the news every day for a year. So each bucket is kept in time order (dated
documents by day, then undated ones; ties by document id) and a document is paired, through
that key, only with the ``key_neighbours`` documents on either side of it in that order
(the *sorted neighbourhood*). A bucket no larger than ``key_neighbours + 1`` is compared in
full, exactly as before; a larger one costs ``size * key_neighbours`` pairs instead of
``size**2 / 2``, so the number of candidate pairs grows linearly with the corpus.

In a large bucket the neighbours a document meets are the ones published closest to it: a
frequent key is used only within a time window that narrows as the key gets more frequent.
Articles about one event that share a frequent key are published close together, so they
stay neighbours; two different events months apart that share it stop being compared.

Incremental runs. Unlike the old all-pairs rule, whether a pair is a candidate now depends
on the other documents of the bucket, but only in one direction: adding documents can only
push two old documents further apart in a bucket's order, never closer. So the old-old pairs
a new run stops comparing are exactly the pairs that new documents got inserted between
(``lost_pairs``). When such a pair was an edge, the blocks holding it are recomputed from
scratch; every other old block is carried over. That keeps incremental runs equal to a full
run on the union (see ``cluster.py``).
"""

from __future__ import annotations

from typing import Any

import numpy as np

#: Source incidences handled per step when generating pairs (memory: chunk * (2k + 1) pairs).
SOURCE_CHUNK = 4096


class KeyIndex:
    """The documents of every blocking key, each bucket in time order.

    ``blocking`` is the binary document x key matrix (CSR, rows sorted by document id);
    ``reach`` gives, per key (column), how many neighbours on each side a document meets in
    that key's bucket; ``dated`` and ``days`` describe the rows. Incidence arrays are sorted
    by (key, undated, day, row); ``start``/``end`` give each incidence's bucket bounds in
    those arrays and ``reach`` its bucket's reach.
    """

    def __init__(self, blocking: Any, reach: Any, dated: Any, days: Any) -> None:
        csc = blocking.tocsc()
        csc.sort_indices()
        counts = np.diff(csc.indptr)
        key = np.repeat(np.arange(csc.shape[1], dtype=np.int64), counts)
        row = csc.indices.astype(np.int64)
        reach = np.asarray(reach, dtype=np.int64)
        opens = reach[key] > 0  # keys that open no pairs are left out of the index
        key, row = key[opens], row[opens]
        order = np.lexsort((row, np.where(dated[row], days[row], 0), ~dated[row], key))
        self.key = key[order]
        self.row = row[order]
        self.reach = reach[self.key]
        self.start = np.searchsorted(self.key, self.key, side="left")
        self.end = np.searchsorted(self.key, self.key, side="right")

    def __len__(self) -> int:
        return len(self.row)


def _expand(lo: Any, hi: Any) -> tuple[Any, Any]:
    """For ranges [lo, hi] (inclusive; empty when hi < lo): (range number, value) pairs."""
    lengths = np.maximum(hi - lo + 1, 0)
    total = int(lengths.sum())
    owner = np.repeat(np.arange(len(lo)), lengths)
    offsets = np.arange(total) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    return owner, lo[owner] + offsets


def _within_window(dated: Any, days: Any, a: Any, b: Any, window: int) -> Any:
    """Pairs that may be compared in time: both dated and close enough, or either undated."""
    both = dated[a] & dated[b]
    return ~both | (np.abs(days[a] - days[b]) <= window)


def _sorted_unique(values: Any) -> Any:
    """Sorted distinct values (a plain sort: faster than ``np.unique`` on large int arrays)."""
    values = np.sort(values)
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _codes_to_pairs(codes: list[Any], n: int) -> tuple[Any, Any]:
    if not codes:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    unique = _sorted_unique(np.concatenate(codes))
    return unique // n, unique % n


def candidate_pairs(
    index: KeyIndex,
    dated: Any,
    days: Any,
    fresh: Any,
    *,
    window: int,
    subset: Any | None = None,
) -> tuple[Any, Any]:
    """Candidate pairs (low row, high row), unique and sorted, with at least one fresh side.

    A pair is a candidate when, in the bucket of some key both documents carry, they are at
    most that bucket's reach apart, and they were published at most ``window`` days apart
    (or either is undated). ``fresh`` is a boolean mask over rows; ``subset`` (row indices)
    restricts both sides, keeping each document's place in the whole corpus's buckets.
    """
    n = len(dated)
    if subset is None:
        active = np.ones(len(index), dtype=bool)
    else:
        member = np.zeros(n, dtype=bool)
        member[np.asarray(subset)] = True
        active = member[index.row]
    sources = np.flatnonzero(active & fresh[index.row])
    codes: list[Any] = []
    for begin in range(0, len(sources), SOURCE_CHUNK):
        source = sources[begin : begin + SOURCE_CHUNK]
        reach = index.reach[source]
        lo = np.maximum(index.start[source], source - reach)
        hi = np.minimum(index.end[source] - 1, source + reach)
        owner, target = _expand(lo, hi)
        source_pos = source[owner]
        keep = (target != source_pos) & active[target]
        a = index.row[source_pos[keep]]
        b = index.row[target[keep]]
        target_kept = target[keep]
        # A pair of two fresh documents is reached from both sides: keep it once.
        once = ~fresh[b] | (source_pos[keep] < target_kept)
        once &= _within_window(dated, days, a, b, window)
        a, b = a[once], b[once]
        codes.append(_sorted_unique(np.minimum(a, b) * n + np.maximum(a, b)))
    return _codes_to_pairs(codes, n)


def lost_pairs(
    index: KeyIndex, dated: Any, days: Any, new: Any, *, window: int
) -> tuple[Any, Any]:
    """Old-old pairs that were candidates through some key before ``new`` rows were added,
    and are not candidates through that key any more (new documents came between them).

    ``index`` is the union's index; ``new`` a boolean mask of the rows added by this run.
    A pair may still be a candidate through another key; callers treat the result as a
    superset of the pairs that stopped being compared.
    """
    n = len(dated)
    old = np.flatnonzero(~new[index.row])
    if len(old) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    key = index.key[old]
    rank = old - index.start[old]  # place in the union's bucket
    end = np.searchsorted(key, key, side="right")  # bucket ends among old incidences
    reach = index.reach[old]
    # Old partners at most ``reach`` old places ahead were candidates; those of them now more
    # than ``reach`` union places ahead are lost. Union places grow with old places inside a
    # bucket, so the lost partners are a suffix of that range: find its first one.
    span = int(rank.max()) + int(reach.max()) + 2
    composite = key * span + rank
    first_lost = np.searchsorted(composite, composite + reach, side="right")
    position = np.arange(len(old))
    lo = np.maximum(first_lost, position + 1)
    hi = np.minimum(end - 1, position + reach)
    owner, target = _expand(lo, hi)
    a = index.row[old[owner]]
    b = index.row[old[target]]
    keep = _within_window(dated, days, a, b, window)
    a, b = a[keep], b[keep]
    return _codes_to_pairs([np.minimum(a, b) * n + np.maximum(a, b)], n)
