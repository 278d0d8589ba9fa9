"""Alignment into propositions on the invented four-outlet story."""

from __future__ import annotations

import random

import numpy as np
import pytest

from collation.claims.align import align_claims, cluster
from collation.config import Options
from collation.evaluate.conflicts import Analyser, ClaimRun
from collation.records import Claim, Proposition, Span

from .claims_fixtures import story_documents


@pytest.fixture(scope="module")
def story() -> ClaimRun:
    return Analyser(Options()).run(story_documents())


def prop_with(run: ClaimRun, words: str) -> Proposition:
    by_id = {c.id: c for c in run.claims}
    for prop in run.propositions:
        if any(words in by_id[c].span.text for c in prop.claims):
            return prop
    raise AssertionError(f"no proposition with {words!r}")


def outlets(run: ClaimRun, prop: Proposition) -> set[str | None]:
    by_doc = {d.id: d.outlet for d in run.documents}
    return {by_doc[d] for d in prop.docs}


def test_paraphrases_across_outlets_form_one_proposition(story: ClaimRun) -> None:
    fire = prop_with(story, "A fire destroyed a battery factory in Grenoble")
    # Same event, different wording ("Flames gutted a battery plant") and place (Marseille).
    assert outlets(story, fire) >= {"Alpine Daily", "Rhone Courier", "Valley Wire"}
    workers = prop_with(story, "About 120 workers were evacuated")
    assert outlets(story, workers) == {"Alpine Daily", "Rhone Courier", "Valley Wire", "Metro Post"}
    assert not workers.single_source and len(workers.origins) == 4


def test_unrelated_claims_stay_apart(story: ClaimRun) -> None:
    workers = prop_with(story, "About 120 workers were evacuated")
    reopen = prop_with(story, "could reopen next spring")
    assert workers.id != reopen.id
    by_id = {c.id: c for c in story.claims}
    assert not any("reopen" in by_id[c].span.text for c in workers.claims)


def test_every_claim_is_in_a_proposition_and_few_in_two(story: ClaimRun) -> None:
    seen = [c for p in story.propositions for c in p.claims]
    assert set(seen) == {c.id for c in story.claims}
    # A second membership only joins a proposition from another document.
    assert len(seen) - len(set(seen)) <= len(story.claims) // 4
    for prop in story.propositions:
        by_id = {c.id: c for c in story.claims}
        docs = [by_id[c].span.doc for c in prop.claims]
        assert prop.docs == tuple(sorted(set(docs)))


def test_proposition_fields(story: ClaimRun) -> None:
    by_id = {c.id: c for c in story.claims}
    for prop in story.propositions:
        members = [by_id[c] for c in prop.claims]
        # Representative wording is verbatim from a member claim.
        assert any(prop.text in (c.span.text, c.quote_span.text if c.quote_span else "") for c in members)
        assert prop.docs == tuple(sorted({c.span.doc for c in members}))
        assert prop.single_source == (len(prop.origins) == 1)
        assert list(prop.claims) == sorted(prop.claims)


def test_single_source_claims_are_flagged(story: ClaimRun) -> None:
    council = prop_with(story, "The city council will meet on Friday")
    assert council.single_source and len(council.docs) == 1
    fire = prop_with(story, "A fire destroyed a battery factory in Grenoble")
    assert not fire.single_source


def test_translated_quote_variants_are_marked(story: ClaimRun) -> None:
    # "The blaze is under control" and "The fire is now under control", one speaker.
    blaze = prop_with(story, "The blaze is under control")
    fire = prop_with(story, "The fire is now under control")
    assert blaze.id == fire.id
    assert blaze.same_quote_variants
    workers = prop_with(story, "About 120 workers were evacuated")
    assert not workers.same_quote_variants


def test_shuffled_input_gives_identical_propositions(story: ClaimRun) -> None:
    claims = list(story.claims)
    docs = list(story.documents)
    rng = random.Random(3)
    rng.shuffle(claims)
    rng.shuffle(docs)
    again = align_claims(claims, docs, story.origins, entities=story.entities, options=Options())
    assert again == story.propositions


def test_shared_wire_credit_lowers_independent_origins() -> None:
    texts = {
        "North Herald": "Bridge closed after crack found\n\nEngineers closed the river bridge "
        "after finding a crack in a support beam.\n\nThe Associated Press contributed to this report.",
        "South Times": "River bridge shut\n\nThe river bridge was closed after engineers found a "
        "crack in one of its support beams.\n\nThe Associated Press contributed to this report.",
        "East Star": "Crack closes bridge\n\nA crack in a support beam forced engineers to close "
        "the river bridge.",
    }
    run = Analyser(Options()).run(story_documents(texts))
    prop = prop_with(run, "crack")
    assert len(prop.docs) == 3
    assert len(prop.origins) == 2


def test_cluster_labels_follow_input_order() -> None:
    sim = np.array([[1.0, 0.9, 0.1], [0.9, 1.0, 0.2], [0.1, 0.2, 1.0]])
    assert cluster(sim, 0.5) == [0, 0, 1]
    assert cluster(sim[::-1, ::-1].copy(), 0.5) == [0, 1, 1]


def test_claims_from_other_documents_keep_their_own_origin() -> None:
    claim = Claim(id="c1", span=Span("d-x", 0, 4, "Fire"), segment="body")
    props = align_claims([claim], [], {}, options=Options())
    assert len(props) == 1 and props[0].single_source and props[0].origins == ("d-x",)


def test_timeline_groups_dates_by_proposition(story: ClaimRun) -> None:
    from collation.claims.timeline import build_timeline

    entries = build_timeline(story.claims, story.propositions)
    assert entries == sorted(entries, key=lambda e: (e.start or "", e.end or "9999", e.label, e.claims))
    tuesday = [e for e in entries if e.start == "2024-03-12" and e.end == "2024-03-12"]
    monday = [e for e in entries if e.start == "2024-03-11" and e.end == "2024-03-11"]
    assert tuesday and monday
    by_doc = {d.id: d.outlet for d in story.documents}
    assert {by_doc[d] for e in tuesday for d in e.docs} >= {"Alpine Daily", "Rhone Courier"}
    claim_ids = {c.id for c in story.claims}
    assert all(set(e.claims) <= claim_ids and e.label for e in entries)
    shuffled = list(reversed(story.claims))
    assert build_timeline(shuffled, list(reversed(story.propositions))) == entries
