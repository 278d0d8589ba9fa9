"""Story records from member features: stable id, human label and period.

Every value here is a pure function of the story's member set, so a full run and an
incremental run that end with the same members produce the same ``Story``.

Id rule: ``record_id("s", anchor)`` where the anchor is the member published first (undated
documents sort after every dated one; ties and undated members by document id). A story
that grows with later articles keeps its id; two stories merged by a bridging article keep
the id of the older one. Only an article published *before* the anchor (a late backfill)
moves the id; ``incremental.retired_stories`` maps the old id to the new one then.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import numpy as np

from ..ids import record_id
from ..records import Story
from .features import DocFeatures, day_string

#: Longest label, in characters; headlines past this are cut at a word boundary.
MAX_LABEL = 120


def anchor_key(features: DocFeatures) -> tuple[int, int, str]:
    """Sort key that puts a story's anchor document first."""
    if features.day is None:
        return (1, 0, features.id)
    return (0, features.day, features.id)


def story_id(members: Sequence[DocFeatures]) -> str:
    """Id of the story: a hash of its anchor document's id (see module docstring)."""
    anchor = min(members, key=anchor_key)
    return record_id("s", anchor.id)


def representative(members: Sequence[DocFeatures]) -> DocFeatures:
    """The member closest to the story's centroid (ties: lowest document id)."""
    ordered = sorted(members, key=lambda f: f.id)
    if len(ordered) <= 2:
        return ordered[0]
    matrix = np.stack([np.frombuffer(f.vector, dtype=np.int8) for f in ordered]).astype(np.int64)
    # Integer arithmetic keeps the choice exact and independent of summation order.
    scores = matrix @ matrix.sum(axis=0)
    best = int(np.argmax(scores))  # argmax returns the first maximum: the lowest id
    return ordered[best]


def shared_keys_label(members: Sequence[DocFeatures], top: int = 3) -> str:
    """Fallback label: the keys most members share (ties alphabetical)."""
    counts = Counter(k for f in members for k in f.keys)
    best = sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[:top]
    return ", ".join(k for k, _ in best)


def story_label(members: Sequence[DocFeatures]) -> str:
    """A short human label.

    1. The headline of the most central member.
    2. Else the keys most members share.
    3. Else ``"untitled story"``.
    """
    title = representative(members).title.strip()
    if title:
        if len(title) > MAX_LABEL:
            title = title[:MAX_LABEL].rsplit(" ", 1)[0] + "…"
        return title
    keys = shared_keys_label(members)
    return keys or "untitled story"


def make_story(members: Sequence[DocFeatures]) -> Story:
    """The ``Story`` record for one cluster of documents."""
    days = sorted(f.day for f in members if f.day is not None)
    return Story(
        id=story_id(members),
        label=story_label(members),
        start=day_string(days[0]) if days else None,
        end=day_string(days[-1]) if days else None,
        documents=tuple(sorted(f.id for f in members)),
    )

