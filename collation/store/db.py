"""Read and write an ``Analysis`` in SQLite.

One writer per store. Writes are batched per story in one transaction, so a run costs
a handful of round trips, not one per document. Per-document rows (mentions, times,
quantities, claims) and story rows (entities, propositions, conflicts, timeline) are
replaced together when a story is recomputed, which keeps incremental runs consistent.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ..codec import from_plain, to_plain
from ..errors import StoreError
from ..records import (
    Alias,
    Analysis,
    Claim,
    Conflict,
    Document,
    Entity,
    Mention,
    Proposition,
    Quantity,
    Skipped,
    Story,
    TimelineEntry,
    TimeValue,
)
from .schema import MIGRATIONS, SCHEMA_VERSION

T = TypeVar("T")


def _dumps(value: Any) -> str:
    return json.dumps(to_plain(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


@dataclass
class StoryResults:
    """Everything computed for one story, written in one transaction."""

    story: Story
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    times: list[TimeValue] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    propositions: list[Proposition] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    timeline: list[TimelineEntry] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict)


class Store:
    """A collation SQLite database (WAL, foreign keys, versioned migrations)."""

    def __init__(self, path: Path | str, *, readonly: bool = False) -> None:
        """Open (creating and migrating) the store; ``readonly`` opens an existing one
        for reading only, as worker processes do while the main process writes."""
        self.path = Path(path)
        try:
            if readonly:
                self.conn = sqlite3.connect(
                    f"{self.path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None
                )
                self.conn.execute("PRAGMA query_only=ON")
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, isolation_level=None)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA foreign_keys=ON")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.migrate()

    # -- lifecycle ---------------------------------------------------------
    def migrate(self) -> None:
        """Apply every migration newer than the file's ``user_version``."""
        current = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if current > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer collation (schema {current} > {SCHEMA_VERSION})"
            )
        for version, sql in MIGRATIONS:
            if version <= current:
                continue
            # executescript commits anything pending, so the migration carries its own
            # BEGIN/COMMIT: a failure leaves the file at the previous version.
            try:
                self.conn.executescript(f"BEGIN;{sql};PRAGMA user_version={version};COMMIT;")
            except sqlite3.Error as exc:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise StoreError(f"migration {version} failed on {self.path}: {exc}") from exc

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def transaction(self) -> _Transaction:
        return _Transaction(self.conn)

    @property
    def schema_version(self) -> int:
        return int(self.conn.execute("PRAGMA user_version").fetchone()[0])

    # -- documents ---------------------------------------------------------
    def document_ids(self) -> set[str]:
        return {row[0] for row in self.conn.execute("SELECT id FROM documents")}

    def upsert_documents(self, documents: Iterable[Document]) -> None:
        """Insert new documents and refresh changed ones (e.g. an inferred date).

        A few statements per batch of documents, not per document: the stored records are
        fetched 500 at a time and compared, and only new or changed rows are written.
        """
        docs = list(documents)
        with self.transaction():
            for chunk in (docs[i : i + 500] for i in range(0, len(docs), 500)):
                marks = ",".join("?" * len(chunk))
                stored = dict(
                    self.conn.execute(
                        f"SELECT id, record FROM documents WHERE id IN ({marks})", [d.id for d in chunk]
                    )
                )
                inserts: list[tuple[Any, ...]] = []
                updates: list[tuple[Any, ...]] = []
                changed: list[Document] = []
                for d in chunk:
                    record = _dumps(d)
                    if stored.get(d.id) == record:
                        continue  # unchanged: a rerun writes nothing
                    values = (
                        d.source, d.title, d.outlet, d.url, d.published, d.published_basis,
                        d.published_confidence, d.language, d.format, d.encoding, d.author, d.text,
                        record, d.id,
                    )
                    (updates if d.id in stored else inserts).append(values)
                    changed.append(d)
                self.conn.executemany(
                    "INSERT INTO documents (source, title, outlet, url, published, published_basis,"
                    " published_confidence, language, format, encoding, author, text, record, id)"
                    " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    inserts,
                )
                self.conn.executemany(
                    "UPDATE documents SET source=?, title=?, outlet=?, url=?, published=?,"
                    " published_basis=?, published_confidence=?, language=?, format=?, encoding=?,"
                    " author=?, text=?, record=? WHERE id=?",
                    updates,
                )
                if not changed:
                    continue
                ids = [d.id for d in changed]
                self.conn.execute(
                    f"DELETE FROM segments WHERE doc_id IN ({','.join('?' * len(ids))})", ids
                )
                self.conn.executemany(
                    'INSERT INTO segments (doc_id, start, "end", kind, reason, text) VALUES (?,?,?,?,?,?)',
                    [
                        (d.id, s.start, s.end, s.kind, s.reason, d.text[s.start : s.end])
                        for d in changed
                        for s in d.segments
                    ],
                )

    def load_documents(self, ids: Iterable[str] | None = None) -> list[Document]:
        if ids is None:
            rows = self.conn.execute("SELECT record FROM documents ORDER BY id").fetchall()
        else:
            wanted = sorted(set(ids))
            rows = []
            for chunk in _chunks(wanted, 500):
                marks = ",".join("?" * len(chunk))
                rows += self.conn.execute(
                    f"SELECT record FROM documents WHERE id IN ({marks}) ORDER BY id", chunk
                ).fetchall()
        return [from_plain(Document, json.loads(r[0])) for r in rows]

    def set_skipped(self, skipped: Sequence[Skipped]) -> None:
        """Replace the list of inputs the latest run could not read."""
        with self.transaction():
            self.conn.execute("DELETE FROM skipped")
            self.conn.executemany(
                "INSERT OR REPLACE INTO skipped (source, code, reason) VALUES (?,?,?)",
                [(s.source, s.code, s.reason) for s in skipped],
            )

    def skipped(self) -> list[Skipped]:
        """Inputs the latest run could not read, by source."""
        return [
            Skipped(source=r[0], reason=r[2], code=r[1] or "")
            for r in self.conn.execute("SELECT source, code, reason FROM skipped ORDER BY source")
        ]

    # -- state -------------------------------------------------------------
    def get_state(self, key: str) -> str | None:
        row = self.conn.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def set_state(self, key: str, value: str) -> None:
        with self.transaction():
            self.conn.execute("INSERT OR REPLACE INTO state (key, value) VALUES (?,?)", (key, value))

    # -- stories -----------------------------------------------------------
    def stories(self) -> list[Story]:
        rows = self.conn.execute("SELECT record FROM stories ORDER BY id").fetchall()
        return [from_plain(Story, json.loads(r[0])) for r in rows]

    def set_stories(self, stories: Sequence[Story]) -> None:
        """Replace the story table; results of stories that no longer exist are dropped."""
        keep = {s.id for s in stories}
        with self.transaction():
            for (old,) in self.conn.execute("SELECT id FROM stories").fetchall():
                if old not in keep:
                    self._delete_story_rows(old, self._story_docs(old))
            self.conn.execute("DELETE FROM story_documents")
            self.conn.execute("DELETE FROM stories")
            for s in stories:
                self.conn.execute(
                    'INSERT INTO stories (id, label, start, "end", size, record) VALUES (?,?,?,?,?,?)',
                    (s.id, s.label, s.start, s.end, len(s.documents), _dumps(s)),
                )
                self.conn.executemany(
                    "INSERT INTO story_documents (story_id, doc_id) VALUES (?,?)",
                    [(s.id, d) for d in s.documents],
                )

    def _story_docs(self, story_id: str) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT doc_id FROM story_documents WHERE story_id=?", (story_id,)
            )
        ]

    def _delete_story_rows(self, story_id: str, doc_ids: Sequence[str]) -> None:
        for table in ("entities", "entity_aliases", "propositions", "conflicts", "timeline"):
            self.conn.execute(f"DELETE FROM {table} WHERE story_id=?", (story_id,))
        for chunk in _chunks(sorted(doc_ids), 500):
            marks = ",".join("?" * len(chunk))
            for table in ("mentions", "times", "quantities", "claims", "origins"):
                self.conn.execute(f"DELETE FROM {table} WHERE doc_id IN ({marks})", chunk)

    def replace_story(self, results: StoryResults) -> None:
        """Write everything computed for one story, replacing what it had."""
        sid = results.story.id
        c = self.conn
        with self.transaction():
            self._delete_story_rows(sid, results.story.documents)
            c.executemany(
                "INSERT OR REPLACE INTO origins (doc_id, origin) VALUES (?,?)",
                sorted(results.origins.items()),
            )
            c.executemany(
                "INSERT INTO entities (id, story_id, name, type, lat, lon, gazetteer_id, resolution,"
                " metonym_for, mention_count, record) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        e.id, sid, e.name, e.type, e.geo.lat if e.geo else None,
                        e.geo.lon if e.geo else None, e.geo.gazetteer_id if e.geo else None,
                        e.resolution, e.metonym_for, len(e.mentions), _dumps(e),
                    )
                    for e in results.entities
                ],
            )
            c.executemany(
                "INSERT OR REPLACE INTO entity_aliases (story_id, entity_id, name, docs) VALUES (?,?,?,?)",
                [(sid, e.id, a.name, json.dumps(list(a.docs))) for e in results.entities for a in e.aliases],
            )
            entity_of = {(s.doc, s.start, s.end): e.id for e in results.entities for s in e.mentions}
            c.executemany(
                'INSERT INTO mentions (entity_id, doc_id, start, "end", text, label, segment, record)'
                " VALUES (?,?,?,?,?,?,?,?)",
                [
                    (entity_of.get((m.doc, m.start, m.end)), m.doc, m.start, m.end, m.text, m.label,
                     m.segment, _dumps(m))
                    for m in results.mentions
                ],
            )
            c.executemany(
                'INSERT INTO times (doc_id, start, "end", text, value, range_start, range_end, precision,'
                " modifier, ambiguous, record) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (t.span.doc, t.span.start, t.span.end, t.span.text, t.value, t.start, t.end,
                     t.precision, t.modifier, int(t.ambiguous), _dumps(t))
                    for t in results.times
                ],
            )
            c.executemany(
                'INSERT INTO quantities (doc_id, start, "end", text, low, high, unit, dimension, thing,'
                " hedge, record) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (q.span.doc, q.span.start, q.span.end, q.span.text, q.low, q.high, q.unit,
                     q.dimension, q.thing, q.hedge, _dumps(q))
                    for q in results.quantities
                ],
            )
            c.executemany(
                'INSERT OR REPLACE INTO claims (id, doc_id, start, "end", text, segment, speaker, cue,'
                " quote, modality, polarity, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (cl.id, cl.span.doc, cl.span.start, cl.span.end, cl.span.text, cl.segment,
                     cl.chain[0].entity if cl.chain else None, cl.chain[0].cue if cl.chain else None,
                     cl.quote, cl.modality, cl.polarity, _dumps(cl))
                    for cl in results.claims
                ],
            )
            c.executemany(
                "INSERT OR REPLACE INTO propositions (id, story_id, text, documents, independent_sources,"
                " single_source, record) VALUES (?,?,?,?,?,?,?)",
                [
                    (p.id, sid, p.text, len(p.docs), len(p.origins), int(p.single_source), _dumps(p))
                    for p in results.propositions
                ],
            )
            c.executemany(
                "INSERT OR IGNORE INTO proposition_claims (proposition_id, claim_id) VALUES (?,?)",
                [(p.id, cid) for p in results.propositions for cid in p.claims],
            )
            c.executemany(
                "INSERT OR REPLACE INTO conflicts (id, story_id, kind, summary, reference, record)"
                " VALUES (?,?,?,?,?,?)",
                [(x.id, sid, x.kind, x.summary, x.reference, _dumps(x)) for x in results.conflicts],
            )
            c.executemany(
                'INSERT INTO conflict_values (conflict_id, doc_id, start, "end", text, normalized)'
                " VALUES (?,?,?,?,?,?)",
                [
                    (x.id, v.span.doc, v.span.start, v.span.end, v.span.text, v.normalized)
                    for x in results.conflicts
                    for v in x.values
                ],
            )
            c.executemany(
                'INSERT INTO timeline (story_id, start, "end", label, precision, record) VALUES (?,?,?,?,?,?)',
                [(sid, t.start, t.end, t.label, t.precision, _dumps(t)) for t in results.timeline],
            )

    # -- reading -----------------------------------------------------------
    def _records(self, cls: type[T], sql: str, params: Sequence[Any] = ()) -> list[T]:
        return [from_plain(cls, json.loads(r[0])) for r in self.conn.execute(sql, params)]

    def read_analysis(self, story_id: str | None = None) -> Analysis:
        """The whole store (or one story) as an ``Analysis``; sorted, deterministic."""
        stories = self.stories()
        if story_id is not None:
            stories = [s for s in stories if s.id == story_id]
            if not stories:
                raise StoreError(f"no story {story_id!r} in {self.path}")
            doc_ids = set(stories[0].documents)
            documents = self.load_documents(doc_ids)
            scope, params = "WHERE story_id=?", [story_id]
        else:
            documents = self.load_documents()
            doc_ids = {d.id for d in documents}
            scope, params = "", []

        def per_doc(cls: type[T], table: str) -> list[T]:
            order = 'ORDER BY doc_id, start, "end", rowid'
            if story_id is None:
                return self._records(cls, f"SELECT record FROM {table} {order}")
            # Filter in SQL (indexed on doc_id): reading every row to keep one story's made
            # writing per-story reports quadratic in the number of stories.
            return self._records(
                cls,
                f"SELECT record FROM {table} WHERE doc_id IN "
                f"(SELECT doc_id FROM story_documents WHERE story_id=?) {order}",
                [story_id],
            )

        entities = _merge_entities(
            self._records(Entity, f"SELECT record FROM entities {scope} ORDER BY id, story_id", params)
        )
        skipped = self.skipped()
        origins = {
            r[0]: r[1]
            for r in self.conn.execute("SELECT doc_id, origin FROM origins ORDER BY doc_id")
            if r[0] in doc_ids
        }
        timeline = self._records(
            TimelineEntry, f"SELECT record FROM timeline {scope} ORDER BY start, \"end\", label, rowid", params
        )
        return Analysis(
            documents=tuple(documents),
            skipped=tuple(skipped) if story_id is None else (),
            mentions=tuple(per_doc(Mention, "mentions")),
            entities=tuple(entities),
            times=tuple(per_doc(TimeValue, "times")),
            quantities=tuple(per_doc(Quantity, "quantities")),
            claims=tuple(per_doc(Claim, "claims")),
            propositions=tuple(
                self._records(Proposition, f"SELECT record FROM propositions {scope} ORDER BY id", params)
            ),
            conflicts=tuple(
                self._records(Conflict, f"SELECT record FROM conflicts {scope} ORDER BY id", params)
            ),
            timeline=tuple(sorted(timeline, key=_timeline_key)),
            stories=tuple(stories),
            origins=origins,
        )


def _timeline_key(t: TimelineEntry) -> tuple[str, str, str, tuple[str, ...]]:
    return (t.start or "", t.end or "", t.label, t.docs)


def _merge_entities(entities: list[Entity]) -> list[Entity]:
    """Entities are resolved per story; the same id in two stories is one real thing."""
    merged: dict[str, Entity] = {}
    for e in entities:
        if e.id not in merged:
            merged[e.id] = e
            continue
        prev = merged[e.id]
        aliases: dict[str, set[str]] = {}
        for a in (*prev.aliases, *e.aliases):
            aliases.setdefault(a.name, set()).update(a.docs)
        merged[e.id] = Entity(
            id=prev.id,
            name=prev.name,
            type=prev.type,
            aliases=tuple(Alias(n, tuple(sorted(d))) for n, d in sorted(aliases.items())),
            mentions=tuple(sorted(set(prev.mentions) | set(e.mentions), key=lambda s: (s.doc, s.start, s.end))),
            geo=prev.geo or e.geo,
            resolution=prev.resolution,
            candidates=prev.candidates,
            roles=tuple(sorted(set(prev.roles) | set(e.roles), key=lambda r: (r.span.doc, r.span.start, r.title))),
            contained_in=prev.contained_in or e.contained_in,
            metonym_for=prev.metonym_for or e.metonym_for,
            external_ids=tuple(sorted(set(prev.external_ids) | set(e.external_ids))),
        )
    return [merged[k] for k in sorted(merged)]


def _chunks(items: Sequence[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


class _Transaction:
    """BEGIN/COMMIT around a block; nested use joins the outer transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.outer = False

    def __enter__(self) -> sqlite3.Connection:
        self.outer = not self.conn.in_transaction
        if self.outer:
            self.conn.execute("BEGIN IMMEDIATE")
        return self.conn

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if not self.outer:
            return
        if exc_type is None:
            self.conn.execute("COMMIT")
        else:
            self.conn.execute("ROLLBACK")
