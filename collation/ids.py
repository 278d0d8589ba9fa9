"""Deterministic content-hash ids: the same content always gets the same id."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable


def content_hash(*parts: str, length: int = 16) -> str:
    """Hex digest of the parts joined by a separator that cannot occur in NFC text."""
    h = hashlib.sha256()
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:length]


def document_id(text: str) -> str:
    """Id of a document: a hash of its exact text, so re-ingest is idempotent."""
    return "d" + content_hash(text)


def record_id(prefix: str, *parts: str) -> str:
    """Id of a derived record (entity, claim, conflict ...) from the parts that define it."""
    return prefix + content_hash(*parts, length=12)


def set_id(prefix: str, members: Iterable[str]) -> str:
    """Id of a group defined by its members, independent of their order."""
    return record_id(prefix, *sorted(members))
