"""What story clustering keeps between runs, and how a new run compares with the last.

``ClusterState`` holds, per document, the features clustering used (int8 lead vector, keys,
day, headline); the *blocks* (connected components of the similarity graph, see
``cluster.py``); and the stories. Keeping per-document features rather than only story
centroids is what makes an incremental run exact: when new documents join a block, that
block is re-clustered from its members' stored features, giving the result a full run on the
union would give, while blocks no new document touches are carried over untouched.

State size: about 0.8 KB per document in JSON (512 characters of base64 vector plus keys).
Keys are interned when read: the same name recurs across thousands of documents.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import StageError
from ..records import Story
from .features import DocFeatures, decode_vector, encode_vector

#: Bumped when the state layout changes; older states are refused with a clear error.
STATE_VERSION = 1


@dataclass(frozen=True)
class ClusterState:
    """Everything a later run needs to extend this run's stories exactly."""

    features_fingerprint: str
    """Embedding mode and model the stored vectors came from; a run with another refuses."""
    scoring_fingerprint: str
    """Scoring settings (weights, thresholds); a run with others re-clusters every block."""
    documents: tuple[DocFeatures, ...]
    """Per-document features, sorted by id."""
    blocks: tuple[tuple[str, ...], ...]
    """Connected components of the edge graph: sorted member ids, blocks sorted."""
    stories: tuple[Story, ...]
    """All stories, sorted by id."""

    def document_ids(self) -> frozenset[str]:
        """Ids of every document the state has seen."""
        return frozenset(f.id for f in self.documents)

    def to_json(self) -> str:
        """Compact, deterministic JSON (sorted keys) for the store."""
        payload: dict[str, Any] = {
            "version": STATE_VERSION,
            "features_fingerprint": self.features_fingerprint,
            "scoring_fingerprint": self.scoring_fingerprint,
            "documents": [
                {
                    "id": f.id,
                    "day": f.day,
                    "keys": sorted(f.keys),
                    "vector": encode_vector(f.vector),
                    "title": f.title,
                }
                for f in self.documents
            ],
            "blocks": [list(b) for b in self.blocks],
            "stories": [
                {
                    "id": s.id,
                    "label": s.label,
                    "start": s.start,
                    "end": s.end,
                    "documents": list(s.documents),
                }
                for s in self.stories
            ],
        }
        return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> ClusterState:
        """Inverse of ``to_json``; raises ``StageError`` on a malformed or foreign state."""
        try:
            payload = json.loads(text)
            if payload.get("version") != STATE_VERSION:
                raise StageError(
                    f"story state version {payload.get('version')!r} is not {STATE_VERSION}; "
                    "re-run clustering from the documents"
                )
            documents = tuple(
                DocFeatures(
                    id=str(d["id"]),
                    day=None if d["day"] is None else int(d["day"]),
                    keys=frozenset(sys.intern(str(k)) for k in d["keys"]),
                    vector=decode_vector(d["vector"]),
                    title=str(d["title"]),
                )
                for d in payload["documents"]
            )
            blocks = tuple(tuple(str(m) for m in b) for b in payload["blocks"])
            stories = tuple(
                Story(
                    id=str(s["id"]),
                    label=str(s["label"]),
                    start=s["start"],
                    end=s["end"],
                    documents=tuple(str(m) for m in s["documents"]),
                )
                for s in payload["stories"]
            )
            return cls(
                features_fingerprint=str(payload["features_fingerprint"]),
                scoring_fingerprint=str(payload["scoring_fingerprint"]),
                documents=documents,
                blocks=blocks,
                stories=stories,
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise StageError(f"story state is not readable: {exc}") from exc


def changed_story_ids(old: Iterable[Story], new: Iterable[Story]) -> frozenset[str]:
    """Ids of stories that are new or whose members differ from the old story of that id."""
    before = {s.id: s.documents for s in old}
    return frozenset(s.id for s in new if before.get(s.id) != s.documents)


def retired_stories(old: ClusterState, new: ClusterState) -> dict[str, str]:
    """Old story id -> id of the story that now holds its anchor document.

    Only stories whose id disappeared are listed: merged into an older story, or re-anchored
    by a backfilled article published before their first one. Lets a store redirect links.
    """
    current = {s.id for s in new.stories}
    home: Mapping[str, str] = {d: s.id for s in new.stories for d in s.documents}
    days = {f.id: f.day for f in old.documents}
    out: dict[str, str] = {}
    for story in old.stories:
        if story.id in current:
            continue
        anchor = min(
            story.documents,
            key=lambda d: (days.get(d) is None, days.get(d) or 0, d),
        )
        if anchor in home:
            out[story.id] = home[anchor]
    return dict(sorted(out.items()))
