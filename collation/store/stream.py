"""``collation.json`` for a whole store, read section by section.

Input: an open ``Store``. Output: the contract's top-level keys with their values, in
the contract's order, where every large section is an iterator over the store's rows
(``contract.write_json`` writes those item by item). The file is byte-identical to
``dumps(analysis_to_json(store.read_analysis()))`` (a test checks it), but memory no
longer grows with the corpus: only one chunk of records and a few id maps are held.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from itertools import groupby
from typing import Any, TypeVar

from .. import __version__
from ..codec import from_plain
from ..contract import (
    SCHEMA_VERSION,
    conflict_json,
    document_json,
    entity_json,
    proposition_json,
    quantity_json,
    skipped_json,
    story_json,
    time_json,
    timeline_json,
)
from ..records import (
    Claim,
    Conflict,
    Document,
    Entity,
    Proposition,
    Quantity,
    TimelineEntry,
    TimeValue,
)
from .db import Store, _merge_entities, _timeline_key

T = TypeVar("T")

#: Records decoded per query while streaming.
CHUNK = 1000
_PER_DOC_ORDER = 'ORDER BY doc_id, start, "end", rowid'


def _rows(store: Store, cls: type[T], sql: str, params: Iterable[Any] = ()) -> Iterator[T]:
    cursor = store.conn.execute(sql, tuple(params))
    while rows := cursor.fetchmany(CHUNK):
        for row in rows:
            yield from_plain(cls, json.loads(row[0]))


def _by_id(store: Store, cls: type[T], table: str, ids: list[str]) -> dict[str, T]:
    out: dict[str, T] = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        for key, record in store.conn.execute(
            f"SELECT id, record FROM {table} WHERE id IN ({marks})", chunk
        ):
            out[key] = from_plain(cls, json.loads(record))
    return out


def _documents(store: Store) -> Iterator[dict[str, Any]]:
    origins = dict(store.conn.execute("SELECT doc_id, origin FROM origins"))
    story_of: dict[str, str] = {}
    for story in store.stories():  # as analysis_to_json: a later story wins
        story_of.update(dict.fromkeys(story.documents, story.id))
    for document in _rows(store, Document, "SELECT record FROM documents ORDER BY id"):
        yield document_json(document, origins.get(document.id), story_of.get(document.id))


def _entities(store: Store) -> Iterator[dict[str, Any]]:
    rows = _rows(store, Entity, "SELECT record FROM entities ORDER BY id, story_id")
    for _, same in groupby(rows, key=lambda e: e.id):
        yield entity_json(_merge_entities(list(same))[0])


def _propositions(store: Store) -> Iterator[dict[str, Any]]:
    rows = _rows(store, Proposition, "SELECT record FROM propositions ORDER BY id")
    while chunk := [p for _, p in zip(range(CHUNK), rows, strict=False)]:
        claims = _by_id(store, Claim, "claims", sorted({c for p in chunk for c in p.claims}))
        yield from (proposition_json(p, claims) for p in chunk)


def _proposition_of(store: Store, claims: set[str]) -> dict[str, str]:
    """Claim id -> proposition id for ``claims``; a claim in two propositions maps to
    the later id, as ``analysis_to_json`` maps it."""
    out: dict[str, str] = {}
    for proposition, claim in store.conn.execute(
        "SELECT proposition_id, claim_id FROM proposition_claims ORDER BY proposition_id"
    ):
        if claim in claims:
            out[claim] = proposition
    return out


def contract_sections(store: Store) -> Iterator[tuple[str, Any]]:
    """The top-level keys of ``collation.json`` and their values, streamed."""
    conflicts = list(_rows(store, Conflict, "SELECT record FROM conflicts ORDER BY id"))
    timeline = sorted(
        _rows(store, TimelineEntry, 'SELECT record FROM timeline ORDER BY start, "end", label, rowid'),
        key=_timeline_key,
    )
    wanted = {c for x in conflicts for c in x.claims} | {c for t in timeline for c in t.claims}
    proposition_of = _proposition_of(store, wanted)
    yield "schema_version", SCHEMA_VERSION
    yield "generator", f"collation {__version__}"
    yield "documents", _documents(store)
    yield "entities", _entities(store)
    yield "claims", _propositions(store)
    yield "conflicts", (conflict_json(x, proposition_of) for x in conflicts)
    yield "timeline", (timeline_json(t, proposition_of) for t in timeline)
    yield "stories", (story_json(s) for s in store.stories())
    yield "times", (time_json(t) for t in _rows(
        store, TimeValue, f"SELECT record FROM times {_PER_DOC_ORDER}"))
    yield "quantities", (quantity_json(q) for q in _rows(
        store, Quantity, f"SELECT record FROM quantities {_PER_DOC_ORDER}"))
    yield "skipped", (skipped_json(s) for s in store.skipped())
