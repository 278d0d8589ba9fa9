"""Claim extraction: units, segments, modality, slots and provenance (own sentences)."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from collation.claims.extract import extract_claims
from collation.ids import document_id
from collation.nlp.models import load_spacy
from collation.nlp.parse import parse_documents
from collation.records import Claim, Document, Mention, Quantity, Segment, Span, TimeValue

from .claims_fixtures import story_documents


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_spacy()


def run(nlp: Any, text: str, **kwargs: Any) -> tuple[Document, list[Claim]]:
    doc = story_documents({"Test Outlet": text})[0]
    return doc, extract_claims(doc, parse_documents([doc], nlp).get(doc.id, []), **kwargs)


def find(claims: list[Claim], words: str) -> Claim:
    hits = [c for c in claims if words in c.span.text]
    assert hits, f"no claim containing {words!r} in {[c.span.text for c in claims]}"
    return hits[0]


@pytest.mark.parametrize(
    ("sentence", "modality", "cue", "polarity"),
    [
        ("The tunnel could open in May.", "hedged", "could", "positive"),
        ("The tunnel will probably open in May.", "hedged", "probably", "positive"),
        ("The tunnel will open in May.", "future", "will", "positive"),
        ("The tunnel is expected to open in May.", "future", "expected", "positive"),
        ("The tunnel can carry four lanes of traffic.", "asserted", None, "positive"),
        ("The tunnel did not open in May.", "negated", "not", "negative"),
        ("The tunnel never opened to traffic.", "negated", "never", "negative"),
        ("The tunnel opened in May.", "asserted", None, "positive"),
        ("The tunnel appears to be leaking at the north end.", "hedged", "appears", "positive"),
        # "could" with a verb of perception reports what was possible to see: a fact.
        ("The tunnel lights could be seen from the harbour.", "asserted", None, "positive"),
        ("The tunnel inspection indicates a serious leak.", "hedged", "indicates", "positive"),
        # A hedging adjective on what the claim is about hedges it; on a detail it does not.
        ("The tunnel workers found the alleged leak near the exit.", "hedged", "alleged", "positive"),
        ("The tunnel workers photographed the entrance of the alleged smuggling route.",
         "asserted", None, "positive"),
    ],
)
def test_modality(nlp: Any, sentence: str, modality: str, cue: str | None, polarity: str) -> None:
    _, claims = run(nlp, "Tunnel news\n\n" + sentence)
    claim = find(claims, sentence.split()[1])
    assert (claim.modality, claim.modality_cue, claim.polarity) == (modality, cue, polarity)


def test_outlet_voice_has_empty_chain(nlp: Any) -> None:
    _, claims = run(nlp, "Tunnel news\n\nThe tunnel opened to traffic on Monday.")
    claim = find(claims, "The tunnel opened")
    assert claim.chain == () and claim.quote == "none" and claim.segment == "body"


def test_coordination_relative_and_participle_clauses_split(nlp: Any) -> None:
    _, claims = run(
        nlp,
        "Tunnel news\n\nThe city has not only finished the tunnel but is also planning a "
        "second bore.\n\nThe mayor praised the crews, thanking them for working through "
        "the winter.\n\nWorkers sealed the old shaft, which had flooded twice last year.",
    )
    texts = [c.span.text for c in claims]
    assert any(t.startswith("The city has not only finished the tunnel") for t in texts)
    assert any(t.startswith("is also planning a second bore") for t in texts)
    assert any(t.startswith("thanking them for working") for t in texts)
    assert any(t == "the old shaft, which had flooded twice last year" for t in texts)
    # The main clause keeps its own words (the coordinated part is cut off).
    assert not any(t.endswith("but") or t.endswith("and") for t in texts)


def test_only_headline_and_body_segments_give_claims(nlp: Any) -> None:
    text = (
        "City tunnel opens to traffic\n\nThe tunnel opened on Monday.\n\n"
        "A worker checks the lights in the tunnel."
    )
    doc = story_documents({"Test Outlet": text})[0]
    caption = doc.segments[2]
    doc = dataclasses.replace(
        doc, segments=(doc.segments[0], doc.segments[1], dataclasses.replace(caption, kind="caption"))
    )
    claims = extract_claims(doc, parse_documents([doc], nlp)[doc.id])
    assert {c.segment for c in claims} <= {"headline", "body"}
    assert not any("checks the lights" in c.span.text for c in claims)
    assert any(c.segment == "headline" for c in claims)


def test_fragments_without_a_predicate_are_not_claims(nlp: Any) -> None:
    _, claims = run(nlp, "Tunnel news\n\nMore photos\n\nShare this.\n\nThe tunnel opened.")
    texts = [c.span.text for c in claims]
    assert "The tunnel opened" in texts
    assert not any("photos" in t or "Share" in t for t in texts)


def test_slots_are_the_records_inside_the_span(nlp: Any) -> None:
    text = "Tunnel news\n\nThe Harbour Tunnel opened in Bergen on 4 May with 300 workers present."
    doc = story_documents({"Test Outlet": text})[0]

    def span(words: str) -> Span:
        start = text.index(words)
        return Span(doc.id, start, start + len(words), words)

    place = span("Bergen")
    mentions = [Mention(doc.id, place.start, place.end, "Bergen", "GPE")]
    when = TimeValue(span("4 May"), "2024-05-04", "2024-05-04", "day", "2024-05-04")
    outside = TimeValue(span("Tunnel news"), "2024-01-01", "2024-12-31", "year", "2024")
    workers = Quantity(span("300 workers"), 300.0, 300.0, "count", "count", "workers", value=300.0)
    parsed = parse_documents([doc], nlp)[doc.id]
    claims = extract_claims(
        doc, parsed, mentions=mentions, entity_of={(doc.id, place.start, place.end): "e-bergen"},
        times=[when, outside], quantities=[workers],
    )
    claim = find(claims, "The Harbour Tunnel opened")
    assert claim.entities == ("e-bergen",) and claim.places == ("e-bergen",)
    assert claim.times == (when,)
    assert claim.quantities == (workers,)


def test_ids_offsets_and_order_are_deterministic(nlp: Any) -> None:
    text = (
        "Tunnel opens after delays\n\nThe tunnel opened on Monday, the mayor said.\n\n"
        "\u201cIt was worth the wait,\u201d she said, adding that tolls would start in June."
    )
    doc, first = run(nlp, text)
    _, second = run(nlp, text)
    assert [c.id for c in first] == [c.id for c in second]
    assert [(c.span.start, c.span.end) for c in first] == sorted(
        (c.span.start, c.span.end) for c in first
    )
    assert len({c.id for c in first}) == len(first)
    for claim in first:
        assert doc.text[claim.span.start : claim.span.end] == claim.span.text
        assert claim.span.doc == doc.id


def test_segments_from_a_cleaner_with_offsets_into_the_full_text(nlp: Any) -> None:
    # Body paragraphs as separate segments, with boilerplate between them.
    text = "Tunnel opens\nShare this article\nThe tunnel opened on Monday, officials said."
    doc = Document(
        id=document_id(text), source="t.txt", title="Tunnel opens", outlet="T", url=None,
        published="2024-05-06", published_basis="metadata", language="en", text=text,
        segments=(
            Segment(0, 12, "headline"), Segment(13, 31, "boilerplate"), Segment(32, len(text), "body"),
        ),
    )
    claims = extract_claims(doc, parse_documents([doc], nlp)[doc.id])
    claim = find(claims, "The tunnel opened on Monday")
    assert text[claim.span.start : claim.span.end] == "The tunnel opened on Monday"
    assert [(a.source, a.cue) for a in claim.chain] == [("officials", "said")]
    assert not any("Share" in c.span.text for c in claims)
