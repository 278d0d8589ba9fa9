"""Versioned SQLite schema. Each migration runs once, in order, inside a transaction.

Every table keeps the record it was made from as JSON in ``record`` (lossless round
trip) beside readable columns for Datasette users. Add a migration; never edit one.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str], ...] = (
    (
        1,
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            source TEXT NOT NULL,
            title TEXT,
            outlet TEXT,
            url TEXT,
            published TEXT,
            published_basis TEXT,
            published_confidence REAL,
            language TEXT,
            format TEXT,
            encoding TEXT,
            author TEXT,
            text TEXT NOT NULL,
            record TEXT NOT NULL
        );
        CREATE TABLE segments (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            kind TEXT NOT NULL,
            reason TEXT,
            text TEXT NOT NULL,
            PRIMARY KEY (doc_id, start)
        );
        CREATE INDEX segments_kind ON segments(kind);
        CREATE TABLE skipped (
            source TEXT PRIMARY KEY,
            code TEXT,
            reason TEXT NOT NULL
        );
        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            label TEXT NOT NULL,
            start TEXT,
            "end" TEXT,
            size INTEGER NOT NULL,
            record TEXT NOT NULL
        );
        CREATE TABLE story_documents (
            story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            PRIMARY KEY (story_id, doc_id)
        );
        CREATE TABLE origins (
            doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            origin TEXT NOT NULL
        );
        CREATE TABLE entities (
            id TEXT NOT NULL,
            story_id TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            lat REAL,
            lon REAL,
            gazetteer_id TEXT,
            resolution TEXT,
            metonym_for TEXT,
            mention_count INTEGER NOT NULL,
            record TEXT NOT NULL,
            PRIMARY KEY (story_id, id)
        );
        CREATE TABLE entity_aliases (
            story_id TEXT NOT NULL,
            entity_id TEXT NOT NULL,
            name TEXT NOT NULL,
            docs TEXT NOT NULL,
            PRIMARY KEY (story_id, entity_id, name)
        );
        CREATE TABLE mentions (
            entity_id TEXT,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            label TEXT,
            segment TEXT,
            record TEXT NOT NULL
        );
        CREATE INDEX mentions_doc ON mentions(doc_id, start);
        CREATE TABLE times (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            value TEXT,
            range_start TEXT,
            range_end TEXT,
            precision TEXT,
            modifier TEXT,
            ambiguous INTEGER,
            record TEXT NOT NULL
        );
        CREATE INDEX times_doc ON times(doc_id, start);
        CREATE TABLE quantities (
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            low REAL,
            high REAL,
            unit TEXT,
            dimension TEXT,
            thing TEXT,
            hedge TEXT,
            record TEXT NOT NULL
        );
        CREATE INDEX quantities_doc ON quantities(doc_id, start);
        CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            segment TEXT,
            speaker TEXT,
            cue TEXT,
            quote TEXT,
            modality TEXT,
            polarity TEXT,
            record TEXT NOT NULL
        );
        CREATE INDEX claims_doc ON claims(doc_id, start);
        CREATE TABLE propositions (
            id TEXT PRIMARY KEY,
            story_id TEXT,
            text TEXT NOT NULL,
            documents INTEGER NOT NULL,
            independent_sources INTEGER NOT NULL,
            single_source INTEGER NOT NULL,
            record TEXT NOT NULL
        );
        CREATE TABLE proposition_claims (
            proposition_id TEXT NOT NULL REFERENCES propositions(id) ON DELETE CASCADE,
            claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
            PRIMARY KEY (proposition_id, claim_id)
        );
        CREATE TABLE conflicts (
            id TEXT PRIMARY KEY,
            story_id TEXT,
            kind TEXT NOT NULL,
            summary TEXT NOT NULL,
            reference TEXT,
            record TEXT NOT NULL
        );
        CREATE TABLE conflict_values (
            conflict_id TEXT NOT NULL REFERENCES conflicts(id) ON DELETE CASCADE,
            doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            text TEXT NOT NULL,
            normalized TEXT
        );
        CREATE TABLE timeline (
            story_id TEXT,
            start TEXT,
            "end" TEXT,
            label TEXT NOT NULL,
            precision TEXT,
            record TEXT NOT NULL
        );
        CREATE TABLE state (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='rowid'
        );
        CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
        END;
        CREATE TRIGGER documents_au AFTER UPDATE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text);
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
        END;
        CREATE VIRTUAL TABLE claims_fts USING fts5(text, content='claims', content_rowid='rowid');
        CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
            INSERT INTO claims_fts(rowid, text) VALUES (new.rowid, new.text);
        END;
        CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, text) VALUES ('delete', old.rowid, old.text);
        END;
        """,
    ),
)

#: The newest schema version; stored in ``PRAGMA user_version``.
SCHEMA_VERSION = MIGRATIONS[-1][0]
