"""Store: migrations, idempotent writes, lossless round trip of every record type."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from collation.ids import document_id, record_id
from collation.records import (
    Alias,
    Attribution,
    Claim,
    Conflict,
    ConflictValue,
    Document,
    Entity,
    Geo,
    Mention,
    Proposition,
    Quantity,
    Role,
    Segment,
    Skipped,
    Span,
    Story,
    TimelineEntry,
    TimeValue,
)
from collation.store import Store, StoryResults
from collation.store.schema import SCHEMA_VERSION

words = st.text(alphabet="abcdefghijklmnopqrstuvwxyzé ,.ÄД\u200f\"'<>&", min_size=1, max_size=40)


@st.composite
def documents(draw: st.DrawFn) -> Document:
    text = draw(st.text(min_size=5, max_size=300))
    cuts = sorted(set(draw(st.lists(st.integers(0, len(text)), max_size=6))) | {0, len(text)})
    kinds = ("headline", "dateline", "body", "caption", "boilerplate")
    segments = tuple(
        Segment(a, b, draw(st.sampled_from(kinds)), draw(st.sampled_from(["", "share-prompt"])))
        for a, b in zip(cuts, cuts[1:], strict=False)
        if b > a
    )
    return Document(
        id=document_id(text),
        source=draw(words),
        title=draw(st.none() | words),
        outlet=draw(st.none() | words),
        url=draw(st.none() | st.just("https://example.org/a?b=1&c=<x>")),
        published=draw(st.none() | st.dates().map(lambda d: d.isoformat())),
        published_basis=draw(st.none() | st.sampled_from(["metadata", "text", "inferred"])),
        language=draw(st.none() | st.just("en")),
        text=text,
        segments=segments,
        published_confidence=draw(st.none() | st.floats(0, 1)),
    )


def _span(doc: Document, a: int, b: int) -> Span:
    a, b = sorted((min(a, len(doc.text)), min(b, len(doc.text))))
    return Span(doc.id, a, b, doc.text[a:b])


def _story_results(doc: Document, n: int) -> StoryResults:
    s1, s2 = _span(doc, 0, n), _span(doc, n // 2, n + 3)
    geo = Geo(55.75, 37.62, "geonames:524901", "Moscow", "city", "RU")
    entity = Entity(
        id=record_id("e", "GPE", "moscow"),
        name="Moscow",
        type="GPE",
        aliases=(Alias("Moscow", (doc.id,)),),
        mentions=(s1,),
        geo=geo,
        resolution="resolved",
        candidates=(geo,),
        roles=(Role("capital", s2),),
        contained_in=("Russia",),
    )
    tv = TimeValue(s2, "2023-06-09", "2023-06-09", "day", "2023-06-09", anchor="2023-06-10", note="Friday")
    qty = Quantity(s1, 810.0, 990.0, "km", "length", None, "about", 900.0)
    claim = Claim(
        id=record_id("c", doc.id, "0"),
        span=s1,
        segment="body",
        chain=(Attribution("Officials", None, "said", s2),),
        quote="direct",
        quote_span=s2,
        modality="hedged",
        modality_cue="could",
        entities=(entity.id,),
        times=(tv,),
        quantities=(qty,),
    )
    prop = Proposition("p1", s1.text, (claim.id,), (doc.id,), ("o1",), True)
    conflict = Conflict("x1", "quantity", "900 km vs 1,100 km", (claim.id,), (ConflictValue(s1, "900 km"),), "902 km")
    story = Story("s1", "A story", "2023-06-09", "2023-06-10", (doc.id,))
    return StoryResults(
        story=story,
        mentions=[Mention(doc.id, s1.start, s1.end, s1.text, "GPE")],
        entities=[entity],
        times=[tv],
        quantities=[qty],
        claims=[claim],
        propositions=[prop],
        conflicts=[conflict],
        timeline=[TimelineEntry("2023-06-09", "2023-06-09", "Friday", "day", (claim.id,), (doc.id,))],
        origins={doc.id: "o1"},
    )


def test_migrations_set_version_and_reopen(tmp_path: Path) -> None:
    path = tmp_path / "c.db"
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
    with Store(path) as store:  # reopening applies nothing twice
        assert store.schema_version == SCHEMA_VERSION
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"documents", "segments", "entities", "claims", "conflicts", "documents_fts"} <= tables


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=documents(), n=st.integers(1, 20))
def test_round_trip_is_lossless(tmp_path_factory, doc: Document, n: int) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("rt") / "c.db"
    results = _story_results(doc, n)
    with Store(path) as store:
        store.upsert_documents([doc])
        store.set_stories([results.story])
        store.replace_story(results)
        store.set_skipped([Skipped("bad.bin", "binary file", "E102")])
        analysis = store.read_analysis()
    assert analysis.documents == (doc,)
    assert list(analysis.entities) == results.entities
    assert list(analysis.claims) == results.claims
    assert list(analysis.times) == results.times
    assert list(analysis.quantities) == results.quantities
    assert list(analysis.propositions) == results.propositions
    assert list(analysis.conflicts) == results.conflicts
    assert list(analysis.timeline) == results.timeline
    assert analysis.stories == (results.story,)
    assert analysis.origins == results.origins
    assert analysis.skipped == (Skipped("bad.bin", "binary file", "E102"),)


def test_rewriting_same_records_changes_nothing(tmp_path: Path) -> None:
    text = "Officials said the plant is about 900 km east of Moscow."
    doc = Document(document_id(text), "a.txt", None, None, None, None, None, "en", text,
                   (Segment(0, len(text), "body"),))
    results = _story_results(doc, 20)
    path = tmp_path / "c.db"
    for _ in range(2):
        with Store(path) as store:
            store.upsert_documents([doc])
            store.set_stories([results.story])
            store.replace_story(results)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM mentions").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM conflict_values").fetchone()[0] == 1
    hits = conn.execute("SELECT rowid FROM documents_fts WHERE documents_fts MATCH 'Moscow'").fetchall()
    assert len(hits) == 1


def test_dropped_story_loses_its_rows(tmp_path: Path) -> None:
    text = "A sentence about Moscow and a plant."
    doc = Document(document_id(text), "a.txt", None, None, None, None, None, "en", text,
                   (Segment(0, len(text), "body"),))
    results = _story_results(doc, 10)
    with Store(tmp_path / "c.db") as store:
        store.upsert_documents([doc])
        store.set_stories([results.story])
        store.replace_story(results)
        store.set_stories([Story("s2", "Other", None, None, (doc.id,))])
        analysis = store.read_analysis()
    assert analysis.entities == () and analysis.claims == () and analysis.conflicts == ()
    assert [s.id for s in analysis.stories] == ["s2"]


def test_entities_of_two_stories_merge_by_id(tmp_path: Path) -> None:
    t1, t2 = "Moscow said yes.", "In Moscow, no."
    d1 = Document(document_id(t1), "1.txt", None, None, None, None, None, "en", t1, (Segment(0, len(t1), "body"),))
    d2 = Document(document_id(t2), "2.txt", None, None, None, None, None, "en", t2, (Segment(0, len(t2), "body"),))
    r1, r2 = _story_results(d1, 6), _story_results(d2, 9)
    r2.story = Story("s2", "B", None, None, (d2.id,))
    r2.propositions, r2.conflicts, r2.claims = [], [], []
    with Store(tmp_path / "c.db") as store:
        store.upsert_documents([d1, d2])
        store.set_stories([r1.story, r2.story])
        store.replace_story(r1)
        store.replace_story(r2)
        analysis = store.read_analysis()
        only_two = store.read_analysis("s2")
    (moscow,) = analysis.entities
    assert {s.doc for s in moscow.mentions} == {d1.id, d2.id}
    assert [d.id for d in only_two.documents] == [d2.id]
