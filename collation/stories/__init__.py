"""Stories: near-duplicate groups and clustering of mixed corpora into events.

``near_duplicate_groups`` finds wire copies and light rewrites; ``cluster_stories`` groups
documents about one real-world event, fully or incrementally from a ``ClusterState``.
See docs/stories.md.
"""

from __future__ import annotations

from .cluster import ClusterState, StorySettings, cluster_stories
from .dedup import near_duplicate_groups
from .incremental import changed_story_ids, retired_stories

__all__ = [
    "ClusterState",
    "StorySettings",
    "changed_story_ids",
    "cluster_stories",
    "near_duplicate_groups",
    "retired_stories",
]
