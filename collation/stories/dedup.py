"""Near-duplicate groups: wire copies and light rewrites of one text (syndication).

Reads ``Document`` records; returns doc id -> group id. The groups feed the independence
counts: ten outlets running one agency story are one source, not ten.

Method: word 3-gram shingles of the article body (no headline: outlets re-headline the
copy they run; no captions or boilerplate), MinHash signatures (datasketch, fixed seed) and LSH banding to find candidate
pairs without comparing all pairs; each candidate is then confirmed on the exact shingle sets,
so LSH false positives never merge groups. A pair is a near-duplicate when

1. the Jaccard similarity of the shingle sets is at least ``threshold`` (copies, rewrites
   that change a few words or the headline), or
2. at least ``CONTAINMENT`` of the shorter text's shingles occur in the longer one and the
   shorter has at least ``MIN_CONTAINED`` shingles (a copy cut short by the outlet, or a
   copy with an extra paragraph appended).

Groups are the connected components of confirmed pairs; ``ids.set_id("g", members)``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from datasketch import MinHash, MinHashLSH

from ..ids import set_id
from ..records import Document
from ..unionfind import DisjointSets
from .features import body_text

#: Share of the shorter text's shingles found in the longer that marks a truncated copy.
CONTAINMENT = 0.9
#: Fewest shingles a text needs before containment alone can call it a copy: a two-line
#: brief is contained in many long articles without being a copy of any.
MIN_CONTAINED = 40
#: Seed of the MinHash permutations: fixed so groups are identical run to run.
SEED = 1
#: Words per shingle.
SHINGLE = 3

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE) -> frozenset[str]:
    """Lower-cased word n-grams; a text shorter than ``size`` words is one shingle."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < size:
        return frozenset([" ".join(words)]) if words else frozenset()
    return frozenset(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))


def _is_duplicate(a: frozenset[str], b: frozenset[str], threshold: float) -> bool:
    if not a or not b:
        return False
    inter = len(a & b)
    if inter / len(a | b) >= threshold:
        return True
    smaller = min(len(a), len(b))
    return smaller >= MIN_CONTAINED and inter / smaller >= CONTAINMENT


@lru_cache(maxsize=8)
def _lsh_params(threshold: float, num_perm: int) -> tuple[int, int]:
    """LSH bands and rows for ``threshold`` (datasketch finds them by numerical
    integration, which took longer than the rest of a small story's deduplication)."""
    lsh = MinHashLSH(threshold=max(0.1, min(threshold, 0.9) * 0.6), num_perm=num_perm)
    return int(lsh.b), int(lsh.r)


def near_duplicate_groups(
    documents: Sequence[Document], *, threshold: float = 0.7, num_perm: int = 128
) -> dict[str, str]:
    """Every document id -> its near-duplicate group id (singletons get their own group)."""
    by_id = {d.id: d for d in documents}
    ids = sorted(by_id)
    sets = {doc_id: shingles(body_text(by_id[doc_id])) for doc_id in ids}
    # LSH at a lower threshold than the confirmation test, so that truncated copies (high
    # containment, lower Jaccard) still come up as candidates.
    lsh = MinHashLSH(num_perm=num_perm, params=_lsh_params(threshold, num_perm))
    copies = DisjointSets(ids)
    find = copies.find

    for doc_id in ids:
        signature = MinHash(num_perm=num_perm, seed=SEED)
        for shingle in sorted(sets[doc_id]):
            signature.update(shingle.encode("utf-8"))
        if sets[doc_id]:
            for other in sorted(lsh.query(signature)):
                if _is_duplicate(sets[doc_id], sets[other], threshold):
                    copies.union(doc_id, other)
            lsh.insert(doc_id, signature)
    members: dict[str, list[str]] = {}
    for doc_id in ids:
        members.setdefault(find(doc_id), []).append(doc_id)
    out: dict[str, str] = {}
    for group in members.values():
        group_id = set_id("g", group)
        for doc_id in group:
            out[doc_id] = group_id
    return dict(sorted(out.items()))
