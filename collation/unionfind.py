"""Disjoint sets (union-find), shared by every stage that groups things transitively.

The smallest key always stays the root, so groups never depend on the order in which
unions happen: that is what keeps grouping stages byte-for-byte deterministic.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any, Generic, Protocol, TypeVar


class _Ordered(Hashable, Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


K = TypeVar("K", bound=_Ordered)


class DisjointSets(Generic[K]):
    """Union-find with path halving over hashable, ordered keys."""

    def __init__(self, items: Iterable[K] = ()) -> None:
        self.parent: dict[K, K] = {k: k for k in items}

    def add(self, key: K) -> None:
        self.parent.setdefault(key, key)

    def find(self, key: K) -> K:
        parent = self.parent
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    def union(self, a: K, b: K) -> None:
        """Join the sets of ``a`` and ``b`` (adding either if new)."""
        self.add(a)
        self.add(b)
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    def groups(self) -> list[list[K]]:
        """Every set as a sorted list, sets ordered by their smallest member."""
        out: dict[K, list[K]] = {}
        for key in sorted(self.parent):
            out.setdefault(self.find(key), []).append(key)
        return [out[root] for root in sorted(out)]
