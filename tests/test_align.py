"""Alignment into propositions on the invented four-outlet story."""

from __future__ import annotations

import dataclasses
import random
from typing import Any

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


# --- specific content, located places, second memberships (own fixtures) -------------

STRIKE = {
    "Harbour Times": """Ferry strike halts island crossings

Ferry workers went on strike on Monday, halting all ferry crossings to the island.

The union said the strike would last until Friday.

The union said 80 percent of ferry crews had joined the strike.

The ferry operator said the strike was illegal.""",
    "Island Voice": """Island ferries stop as crews strike

All ferry crossings to the island were suspended on Monday after ferry crews walked out.

The strike will continue until Friday, union leaders said.

The ferry operator accused the union of using the strike to block a merger.

The ferry operator called the strike unlawful.""",
    "Coast Post": """Strike leaves islanders without ferries

Crews on the island ferries began a strike on Monday, and no ferry left the harbour.

Union leaders said the strike would end on Friday.

The ferry operator said the strike broke the law.""",
}


@pytest.fixture(scope="module")
def strike() -> ClaimRun:
    return Analyser(Options()).run(story_documents(STRIKE))


def test_claims_sharing_only_topic_words_stay_apart(strike: ClaimRun) -> None:
    # "ferry", "strike", "union" are in most claims of every report: sharing them says
    # nothing about which fact a sentence states.
    crews = prop_with(strike, "80 percent of ferry crews")
    assert crews.single_source
    merger = prop_with(strike, "block a merger")
    assert merger.id != crews.id
    friday = prop_with(strike, "until Friday")
    assert outlets(strike, friday) >= {"Harbour Times", "Island Voice"}


def test_item_specificity_and_background_rarity() -> None:
    from collation.claims.similarity import background_rarity, item_weights

    # "ferry" is in every claim of both documents (three each), "merge" once in each.
    items = [frozenset({"ferry", "strik"}), frozenset({"ferry", "merge"}), frozenset({"ferry"}),
             frozenset({"ferry"}), frozenset({"ferry", "merge"}), frozenset({"ferry"})]
    weight, spec = item_weights(items, ["a", "a", "a", "b", "b", "b"], {})
    assert spec["merge"] == 1.0 and spec["ferry"] < spec["merge"]
    assert weight["merge"] > weight["ferry"]
    rare = background_rarity(["war", "neutralize"])
    assert rare["war"] < rare["neutr"]


def test_entity_agreement_needs_specific_entities_on_both_sides() -> None:
    from collation.claims.similarity import entity_agreement

    weight = {"E:country": 0.05, "E:townA": 2.0, "E:townB": 2.0, "E:weapon": 2.0}
    kind = {"E:country": "place", "E:townA": "place", "E:townB": "place", "E:weapon": "other"}
    # Only the story's main actor on both sides: no evidence either way.
    assert entity_agreement(frozenset({"E:country"}), frozenset({"E:country"}), weight, 1.0, kind) is None
    # Two different towns: the place slot disagrees.
    assert entity_agreement(frozenset({"E:townA"}), frozenset({"E:townB"}), weight, 1.0, kind) == 0.0
    # A weapon on one side and a town on the other are not compared.
    assert entity_agreement(frozenset({"E:weapon"}), frozenset({"E:townA"}), weight, 1.0, kind) is None


def _located_story() -> tuple[list[Any], list[Claim], list[Any]]:
    from collation.ids import document_id
    from collation.records import Document, Entity, Geo, Segment

    texts = [
        "The new depot will be built near Lakeville, officials said.",
        "Satellite photos show construction at the Lakeville Freight Zone.",
    ]
    docs = [
        Document(id=document_id(t), source=f"{k}.txt", title=None, outlet=f"Outlet {k}",
                 url=None, published=None, published_basis=None, language="en", text=t,
                 segments=(Segment(0, len(t), "body"),))
        for k, t in enumerate(texts)
    ]
    names = ["Lakeville", "Lakeville Freight Zone"]
    mentions = []
    for d, name in zip(docs, names, strict=True):
        start = d.text.index(name)
        mentions.append(Span(d.id, start, start + len(name), name))
    place = Entity(
        id="e-lake", name="Lakeville", type="GPE", aliases=(), mentions=tuple(mentions),
        geo=Geo(lat=10.0, lon=20.0, gazetteer_id="user:lakeville", name="Lakeville", feature="city"),
        resolution="resolved",
    )
    claims = [
        Claim(id=f"c{k}", span=Span(d.id, 0, len(d.text) - 1, d.text[:-1]), segment="body",
              entities=("e-lake",), places=("e-lake",))
        for k, d in enumerate(docs)
    ]
    return docs, claims, [place]


def test_a_shared_located_place_is_strong_evidence() -> None:
    from collation.claims.similarity import located_keys, similarity_matrix

    docs, claims, entities = _located_story()
    keys, _ = located_keys(claims, docs, entities)
    assert keys[0] == keys[1] != frozenset()
    with_place = similarity_matrix(claims, entities, Options(), docs)
    without = similarity_matrix(claims, [], Options(), docs)
    assert with_place[0, 1] > without[0, 1] + 0.15


def test_representative_text_reads_as_a_sentence(monkeypatch: pytest.MonkeyPatch) -> None:
    from collation.claims import align

    def claim_at(doc: str, text: str, segment: str = "body") -> Claim:
        return Claim(id="c-" + doc + text[:5], span=Span(doc, 0, len(text), text), segment=segment)

    claims = [
        claim_at("d1", "using stolen ferries in the harbour"),  # content of "denied using ..."
        claim_at("d2", "Rebels used stolen ferries in the harbour"),
        claim_at("d3", "Rebels Use Stolen Ferries", segment="headline"),
    ]
    sim = np.full((3, 3), 0.9)
    monkeypatch.setattr(align, "similarity_matrix", lambda *a, **k: sim)
    [prop] = align.align_claims(claims, [], {}, options=Options())
    assert prop.text == "Rebels used stolen ferries in the harbour"
    assert align.readability_rank(claims[0]) > align.readability_rank(claims[2]) > 0


def test_second_membership_needs_a_margin_and_absorbs_its_own_group(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from collation.claims import align

    claims = [
        Claim(id=f"c{k}", span=Span(doc, 0, 5, "x" * 5), segment="body")
        for k, doc in enumerate(["d1", "d2", "d3", "d4", "d5"])
    ]
    # c0-c1 one fact; c2-c3 another; c4 states the first fact as well, and matches
    # it well (0.7) though the clustering puts it with c2 and c3.
    sim = np.array([
        [1.0, 0.9, 0.1, 0.1, 0.7],
        [0.9, 1.0, 0.1, 0.1, 0.7],
        [0.1, 0.1, 1.0, 0.9, 0.8],
        [0.1, 0.1, 0.9, 1.0, 0.8],
        [0.7, 0.7, 0.8, 0.8, 1.0],
    ])
    monkeypatch.setattr(align, "similarity_matrix", lambda *a, **k: sim.copy())
    props = align.align_claims(claims, [], {}, options=Options())
    holding = [p for p in props if "c4" in p.claims]
    assert len(holding) == 2  # its own proposition and the first fact's
    # A match only as good as the threshold is not enough for a second membership.
    sim[4, :2] = sim[:2, 4] = align.THRESHOLD + 0.01
    props = align.align_claims(claims, [], {}, options=Options())
    assert len([p for p in props if "c4" in p.claims]) == 1


def test_topic_only_pairs_lose_the_topic_penalty(monkeypatch: pytest.MonkeyPatch) -> None:
    from collation.claims import similarity

    texts = {
        "d1": ["Drones hit the harbour on Monday night",
               "Drone debris was found near the harbour gate",
               "Harbour staff said the drones damaged a fuel depot"],
        "d2": ["Drones struck the harbour overnight",
               "Drone alarms kept harbour workers awake",
               "The harbour fuel depot burned for hours after the drone attack"],
    }
    claims = [
        Claim(id=f"c-{doc}-{k}", span=Span(doc, 100 * k, 100 * k + len(t), t), segment="body")
        for doc, items in texts.items() for k, t in enumerate(items)
    ]
    penalised = similarity.similarity_matrix(claims, [], Options())
    monkeypatch.setattr(similarity, "TOPIC_PENALTY", 0.0)
    plain = similarity.similarity_matrix(claims, [], Options())
    # Debris at the gate and alarms that kept workers awake share only "drone" and
    # "harbour", which every claim of both reports uses.
    assert penalised[1, 4] == pytest.approx(plain[1, 4] - 0.12, abs=1e-5)
    # The fuel depot is specific to two claims: no penalty.
    assert penalised[2, 5] == pytest.approx(plain[2, 5], abs=1e-5)


def test_large_stories_are_aligned_in_blocks(story: ClaimRun, monkeypatch: pytest.MonkeyPatch) -> None:
    from collation.claims import align

    n = len(story.claims)
    monkeypatch.setattr(align, "MAX_DENSE", max(4, n // 3))
    ordered = sorted(story.claims, key=lambda c: (c.span.doc, c.span.start, c.span.end, c.id))
    blocks = align.claim_blocks(ordered, Options())
    assert sorted(i for b in blocks for i in b) == list(range(n)), "a partition of the claims"
    assert len(blocks) >= 3 and all(len(b) <= align.MAX_DENSE for b in blocks)
    assert blocks == align.claim_blocks(list(ordered), Options()), "deterministic"
    props = align_claims(story.claims, story.documents, story.origins, entities=story.entities,
                         options=Options())
    assert {c for p in props for c in p.claims} == {c.id for c in story.claims}
    block_of = {ordered[i].id: k for k, b in enumerate(blocks) for i in b}
    for prop in props:
        assert len({block_of[c] for c in prop.claims}) == 1, "no proposition spans two blocks"
    # Paraphrases lie close together, so the main cross-outlet proposition survives.
    workers = prop_with(dataclasses.replace(story, propositions=props), "About 120 workers")
    assert len(workers.docs) >= 3
