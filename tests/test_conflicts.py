"""Conflicts: each kind and each non-conflict trap, by hand-built records and on the
invented four-outlet story (all text written for these tests)."""

from __future__ import annotations

import random
from typing import Any

import pytest

from collation.claims.conflict_rules import quantities_compatible
from collation.claims.conflicts import find_conflicts
from collation.config import Options
from collation.evaluate.conflicts import Analyser, ClaimRun
from collation.ids import document_id, record_id, set_id
from collation.records import (
    Attribution,
    Claim,
    Conflict,
    Document,
    Proposition,
    Quantity,
    Segment,
    Span,
    TimeValue,
)

from .claims_fixtures import story_documents

# --- hand-built records --------------------------------------------------------------


def doc(outlet: str, text: str) -> Document:
    return Document(
        id=document_id(text), source=f"{outlet}.txt", title=None, outlet=outlet, url=None,
        published="2024-03-14", published_basis="metadata", language="en", text=text,
        segments=(Segment(0, len(text), "body"),),
    )


def span(d: Document, words: str) -> Span:
    start = d.text.index(words)
    return Span(d.id, start, start + len(words), words)


def claim(d: Document, words: str, **fields: Any) -> Claim:
    s = span(d, words)
    return Claim(id=record_id("c", d.id, str(s.start), str(s.end)), span=s, segment=fields.pop("segment", "body"), **fields)


def km(d: Document, words: str, low: float | None, high: float | None, value: float | None) -> Quantity:
    return Quantity(span(d, words), low, high, "km", "length", None, None, value)


def one_prop(*claims: Claim) -> Proposition:
    docs = tuple(sorted({c.span.doc for c in claims}))
    return Proposition(
        id=set_id("p", [c.id for c in claims]), text=claims[0].span.text,
        claims=tuple(sorted(c.id for c in claims)), docs=docs, origins=docs,
        single_source=len(docs) == 1,
    )


def kinds(conflicts: list[Conflict]) -> list[str]:
    return sorted(c.kind for c in conflicts)


def said(source: str, cue: str = "said") -> tuple[Attribution, ...]:
    return (Attribution(source=source, entity=None, cue=cue),)


def test_distance_figures_conflict_but_a_vague_figure_fits_both() -> None:
    a = doc("A", "The depot lies about 900 km east of Moscow.")
    b = doc("B", "The depot lies about 1,100 km east of Moscow.")
    c = doc("C", "The depot lies several hundred miles east of Moscow.")
    ca = claim(a, a.text[:-1], quantities=(km(a, "about 900 km", 850, 950, 900),))
    cb = claim(b, b.text[:-1], quantities=(km(b, "about 1,100 km", 1045, 1155, 1100),))
    cc = claim(c, c.text[:-1], quantities=(km(c, "several hundred miles", 482.8, 1448.4, None),))
    found = find_conflicts([a, b, c], [ca, cb, cc], [one_prop(ca, cb, cc)])
    quantity = [x for x in found if x.kind == "quantity"]
    assert len(quantity) == 1
    assert {v.span.doc for v in quantity[0].values} == {a.id, b.id}
    assert "900" in quantity[0].summary and "1100" in quantity[0].summary


def test_reference_check_against_the_gazetteer() -> None:
    far = doc("A", "The depot in Yelabuga lies about 1,100 km east of Moscow.")
    fair = doc("B", "The depot in Yelabuga lies about 900 km east of Moscow.")
    c_far = claim(far, far.text[:-1], quantities=(km(far, "about 1,100 km", 1045, 1155, 1100),))
    c_fair = claim(fair, fair.text[:-1], quantities=(km(fair, "about 900 km", 850, 950, 900),))
    found = find_conflicts([far, fair], [c_far, c_fair], [one_prop(c_far), one_prop(c_fair)])
    refs = [x for x in found if x.kind == "reference"]
    assert len(refs) == 1
    assert refs[0].values[0].span.doc == far.id
    assert refs[0].reference is not None and "km" in refs[0].reference


def test_near_against_a_stated_distance_across_and_within_documents() -> None:
    a = doc("A", "Fire hits depot near Moscow\nThe depot lies about 900 km east of Moscow.")
    b = doc("B", "The depot lies about 900 km east of Moscow.")
    head = claim(a, "Fire hits depot near Moscow", segment="headline")
    body = claim(a, "The depot lies about 900 km east of Moscow",
                 quantities=(km(a, "about 900 km", 850, 950, 900),))
    other = claim(b, b.text[:-1], quantities=(km(b, "about 900 km", 850, 950, 900),))
    found = find_conflicts([a, b], [head, body, other], [one_prop(head), one_prop(body, other)])
    assert "place" in kinds(found)
    internal = [x for x in found if x.kind == "internal"]
    assert len(internal) == 1 and {v.span.doc for v in internal[0].values} == {a.id}
    assert "headline" in internal[0].summary
    # Both reports give the same figure: no quantity conflict.
    assert "quantity" not in kinds(found)


def test_time_conflict_only_for_disjoint_days() -> None:
    a = doc("A", "A fire destroyed the depot on Monday.")
    b = doc("B", "A fire destroyed the depot on Tuesday.")
    c = doc("C", "A fire destroyed the depot this week.")
    def day(d: Document, w: str, s: str, e: str) -> TimeValue:
        return TimeValue(span(d, w), s, e, "day", s)
    ca = claim(a, a.text[:-1], times=(day(a, "Monday", "2024-03-11", "2024-03-11"),))
    cb = claim(b, b.text[:-1], times=(day(b, "Tuesday", "2024-03-12", "2024-03-12"),))
    cc = claim(c, c.text[:-1], times=(day(c, "this week", "2024-03-11", "2024-03-17"),))
    found = find_conflicts([a, b, c], [ca, cb, cc], [one_prop(ca, cb, cc)])
    times = [x for x in found if x.kind == "time"]
    assert len(times) == 1
    assert {v.span.doc for v in times[0].values} == {a.id, b.id}


def test_time_conflict_across_propositions_needs_one_event() -> None:
    # Alignment kept these apart; they share the verb "begin" and the noun "blaze".
    a = doc("A", "The blaze at the timber yard outside Ravensholm began late on Friday.")
    b = doc("B", "The blaze, which began on Saturday morning, destroyed two sawmills.")
    # Another event on another day: no shared verb or noun, so no conflict.
    c = doc("C", "Volunteers cleared the flooded road on Saturday.")

    def day(d: Document, w: str, s: str) -> TimeValue:
        return TimeValue(span(d, w), s, s, "day", s)
    ca = claim(a, a.text[:-1], times=(day(a, "Friday", "2024-03-08"),))
    cb = claim(b, b.text[:-1], times=(day(b, "Saturday", "2024-03-09"),))
    cc = claim(c, c.text[:-1], times=(day(c, "Saturday", "2024-03-09"),))
    found = find_conflicts([a, b, c], [ca, cb, cc], [one_prop(ca), one_prop(cb), one_prop(cc)])
    times = [x for x in found if x.kind == "time"]
    assert len(times) == 1
    assert {v.span.doc for v in times[0].values} == {a.id, b.id}
    # The same event on the same day is no conflict.
    same = doc("D", "The blaze, which began on Friday evening, destroyed two sawmills.")
    cs = claim(same, same.text[:-1], times=(day(same, "Friday", "2024-03-08"),))
    assert find_conflicts([a, same], [ca, cs], [one_prop(ca), one_prop(cs)]) == []


def test_counted_figures_compared_by_their_clause_across_propositions() -> None:
    # One long sentence about several things against a short one: the claims are far
    # apart, the clauses around "11 people" and "30 people" state one fact.
    a = doc("A", "Two volunteers were hurt and 11 people were treated in hospital after a gas "
                 "leak at the brewery in Ravensholm.")
    b = doc("B", "In all, 30 people were taken to hospital with dizziness, the council said.")
    c = doc("C", "Around 200 people were moved out of nearby homes.")
    fit = doc("E", "In all, 12 people were taken to hospital with dizziness.")

    def count(d: Document, w: str, v: float, thing: str) -> Quantity:
        return Quantity(span(d, w), v, v, "count", "count", thing, None, v)
    ca = claim(a, a.text[:-1], quantities=(count(a, "Two volunteers", 2, "volunteers"),
                                           count(a, "11 people", 11, "people")))
    cb = claim(b, "In all, 30 people were taken to hospital with dizziness",
               quantities=(count(b, "30 people", 30, "people"),))
    cc = claim(c, c.text[:-1], quantities=(count(c, "Around 200 people", 200, "people"),))
    ce = claim(fit, fit.text[:-1], quantities=(count(fit, "12 people", 12, "people"),))
    found = find_conflicts([a, b, c], [ca, cb, cc], [one_prop(ca), one_prop(cb), one_prop(cc)])
    quantity = [x for x in found if x.kind == "quantity"]
    # The evacuees (another clause, no shared noun) are not compared with the patients.
    assert len(quantity) == 1
    assert {v.span.text for v in quantity[0].values} == {"11 people", "30 people"}
    # A compatible figure for the same fact is no conflict.
    assert find_conflicts([a, fit], [ca, ce], [one_prop(ca), one_prop(ce)]) == []


def test_denial_against_assertion_but_not_against_the_same_party() -> None:
    a = doc("A", "Voltaria denies that safety rules were broken.")
    b = doc("B", "Inspectors said that safety rules were broken at the plant.")
    denial = claim(a, "safety rules were broken", chain=said("Voltaria", "denies"),
                   modality="negated", modality_cue="denies", polarity="negative")
    assertion = claim(b, "safety rules were broken at the plant", chain=said("Inspectors"))
    found = find_conflicts([a, b], [denial, assertion], [one_prop(denial, assertion)])
    assert kinds(found) == ["polarity"]
    assert "Voltaria" in found[0].summary and "Inspectors" in found[0].summary
    own = claim(b, "safety rules were broken at the plant", chain=said("Voltaria"))
    assert find_conflicts([a, b], [denial, own], [one_prop(denial, own)]) == []


def test_quote_wording_but_not_an_identical_or_partial_quote() -> None:
    a = doc("A", "\u201cThe blaze is under control,\u201d the fire chief said.")
    b = doc("B", "\u201cThe fire is now under control,\u201d the fire chief said.")
    c = doc("C", "The fire chief said the blaze was \u201cunder control\u201d.")
    def quoted(d: Document, words: str) -> Claim:
        return claim(d, words, chain=said("the fire chief"), quote="direct", quote_span=span(d, words))
    qa = quoted(a, "The blaze is under control")
    qb = quoted(b, "The fire is now under control")
    qc = quoted(c, "under control")
    found = find_conflicts([a, b, c], [qa, qb, qc], [one_prop(qa, qb, qc)])
    quotes = [x for x in found if x.kind == "quote"]
    assert len(quotes) == 1
    assert {v.span.doc for v in quotes[0].values} == {a.id, b.id}
    assert "blaze" in quotes[0].summary and "fire" in quotes[0].summary
    same = doc("D", "\u201cThe blaze is under control,\u201d the fire chief told reporters.")
    qd = quoted(same, "The blaze is under control")
    assert [x for x in find_conflicts([a, same], [qa, qd], [one_prop(qa, qd)]) if x.kind == "quote"] == []


def test_modality_hedged_against_asserted_but_not_between_hedges() -> None:
    a = doc("A", "The factory could reopen next spring.")
    b = doc("B", "The factory will reopen next spring.")
    c = doc("C", "The factory may reopen next spring.")
    ca = claim(a, a.text[:-1], modality="hedged", modality_cue="could")
    cb = claim(b, b.text[:-1], modality="future", modality_cue="will")
    cc = claim(c, c.text[:-1], modality="hedged", modality_cue="may")
    found = find_conflicts([a, b, c], [ca, cb, cc], [one_prop(ca, cb, cc)])
    assert kinds(found) == ["modality"]
    assert find_conflicts([a, c], [ca, cc], [one_prop(ca, cc)]) == []


def test_paraphrase_alone_is_no_conflict() -> None:
    a = doc("A", "Flames gutted the battery plant on the edge of the city.")
    b = doc("B", "A fire destroyed the battery factory at the city's edge.")
    ca, cb = claim(a, a.text[:-1]), claim(b, b.text[:-1])
    assert find_conflicts([a, b], [ca, cb], [one_prop(ca, cb)]) == []


def test_compatibility_rules() -> None:
    d = doc("A", "x 120 workers, more than 100 workers, about 1,200 workers, hundreds")
    def count(w: str, low: float, high: float, value: float | None) -> Quantity:
        return Quantity(span(d, w), low, high, "count", "count", "workers", None, value)
    q120 = count("120 workers", 120, 120, 120)
    q_more = count("more than 100 workers", 100, 200, 100)
    q1200 = count("about 1,200 workers", 1140, 1260, 1200)
    assert quantities_compatible(q120, q_more) is True
    assert quantities_compatible(q120, q1200) is False
    assert quantities_compatible(q_more, q1200) is False


# --- the invented story through the whole chain --------------------------------------


@pytest.fixture(scope="module")
def story() -> ClaimRun:
    return Analyser(Options()).run(story_documents())


def by_kind(run: ClaimRun, kind: str) -> list[Conflict]:
    return [c for c in run.conflicts if c.kind == kind]


def outlets(run: ClaimRun, conflict: Conflict) -> set[str | None]:
    names = {d.id: d.outlet for d in run.documents}
    return {names[v.span.doc] for v in conflict.values}


def test_story_has_every_conflict_kind(story: ClaimRun) -> None:
    assert {c.kind for c in story.conflicts} == {
        "quantity", "place", "reference", "time", "polarity", "quote", "modality", "internal",
    }


def test_story_quantities(story: ClaimRun) -> None:
    summaries = [c.summary for c in by_kind(story, "quantity")]
    assert any("480" in s and "650" in s for s in summaries)
    assert any("1200" in s and "120 " in s for s in summaries)
    for conflict in by_kind(story, "quantity"):
        # "several hundred kilometres" fits both distances: never a conflicting value.
        assert not any("several hundred" in v.span.text for v in conflict.values)


def test_story_reference_place_time_internal(story: ClaimRun) -> None:
    [ref] = by_kind(story, "reference")
    assert outlets(story, ref) == {"Rhone Courier"} and "650" in ref.summary
    places = by_kind(story, "place")
    assert any("Marseille" in c.summary and "Grenoble" in c.summary for c in places)
    assert any("near Paris" in c.summary for c in places)
    [time] = by_kind(story, "time")
    assert outlets(story, time) == {"Valley Wire", "Alpine Daily", "Rhone Courier"}
    assert not any(v.span.text == "this week" for v in time.values)
    [internal] = by_kind(story, "internal")
    assert outlets(story, internal) == {"Alpine Daily"}


def test_story_polarity_quote_modality(story: ClaimRun) -> None:
    [polarity] = by_kind(story, "polarity")
    assert outlets(story, polarity) == {"Alpine Daily", "Rhone Courier"}
    [quote] = by_kind(story, "quote")
    assert outlets(story, quote) == {"Alpine Daily", "Rhone Courier"}  # not the partial quote
    [modality] = by_kind(story, "modality")
    assert outlets(story, modality) == {"Alpine Daily", "Rhone Courier"}


def test_story_conflicts_do_not_depend_on_input_order(story: ClaimRun) -> None:
    docs = story_documents()
    random.Random(11).shuffle(docs)
    again = Analyser(Options()).run(docs)
    assert again.conflicts == story.conflicts
    assert again.propositions == story.propositions


def test_conflict_values_slice_their_documents(story: ClaimRun) -> None:
    texts = {d.id: d.text for d in story.documents}
    claim_ids = {c.id for c in story.claims}
    for conflict in story.conflicts:
        assert conflict.summary and conflict.values
        assert set(conflict.claims) <= claim_ids
        for value in conflict.values:
            assert texts[value.span.doc][value.span.start : value.span.end] == value.span.text


def test_modality_needs_one_predicate_and_ignores_a_detail_hedge() -> None:
    a = doc("A", "A depot in Lakeville could be operational next spring.")
    b = doc("B", "The depot is being built in Lakeville.")
    c = doc("C", "The depot can operate at full capacity next spring.")
    ca = claim(a, a.text[:-1], modality="hedged", modality_cue="could")
    cb = claim(b, b.text[:-1])
    cc = claim(c, c.text[:-1])
    # "could be operational" hedges when it opens, not where it is built.
    assert find_conflicts([a, b], [ca, cb], [one_prop(ca, cb)]) == []
    # "can operate" states as fact what "could be operational" hedges.
    assert kinds(find_conflicts([a, c], [ca, cc], [one_prop(ca, cc)])) == ["modality"]


def test_claimdiff_scorer_on_invented_pairs(tmp_path: Any) -> None:
    import json

    from collation.evaluate.claimdiff import evaluate, in_half

    pairs = [
        ("p1", "The city will open a new bridge in May.",
         "A new bridge is set to open in the city in May.", 1, 0),
        ("p2", "The council approved the bridge budget on Monday.",
         "The council did not approve the bridge budget on Monday.", 0, 1),
        ("p3", "Heavy rain flooded the stadium car park.",
         "The orchestra announced its winter programme.", 0, 0),
    ]
    for folder, name, col in (("ClaimDiff-S", "x-strength-train.json", 3),
                              ("ClaimDiff-W", "x-weak-train.json", 4)):
        (tmp_path / folder).mkdir()
        data = [{"pair_id": p[0], "claim_a": p[1], "claim_b": p[2], "relation": p[col]}
                for p in pairs]
        (tmp_path / folder / name).write_text(json.dumps({"data": data}), encoding="utf-8")
    out = evaluate(tmp_path, Options())
    assert out["strength_pairs"] == 3 and out["weak_positives"] == 1
    # The negated pair weakens; the paraphrase strengthens; the unrelated pair does neither.
    assert out["weak_precision"] == 1.0 and out["weak_recall"] == 1.0
    assert out["strength_recall"] == 1.0
    assert out["weak_majority_accuracy"] == pytest.approx(2 / 3)
    # The halves split the pairs.
    items = [{"pair_id": p[0]} for p in pairs]
    assert all(in_half(x, "a") != in_half(x, "b") for x in items)


def test_similar_pairs_in_row_blocks_match_the_whole_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np

    from collation.claims import conflict_values

    rng = np.random.default_rng(7)
    vectors = rng.normal(size=(57, 16)).astype("float32")
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    whole = [(i, j) for i, j, _ in conflict_values.similar_pairs(vectors, 0.3)]
    sim = vectors @ vectors.T
    expected = [(i, j) for i in range(57) for j in range(i + 1, 57) if sim[i, j] >= 0.3]
    assert whole == expected and whole, "the whole-matrix path"
    monkeypatch.setattr(conflict_values, "DENSE_ROWS", 10)  # as for a story of many claims
    blocked = list(conflict_values.similar_pairs(vectors, 0.3))
    assert [(i, j) for i, j, _ in blocked] == whole
    assert all(abs(v - sim[i, j]) < 1e-5 for i, j, v in blocked)


def test_denials_are_tested_against_every_assertion_they_could_contradict(story: ClaimRun) -> None:
    # The index only prunes pairs the denial test rejects anyway: an assertion is a
    # candidate exactly when it shares a verb class or a proposition with the denial.
    from collation.claims.conflict_story import Story
    from collation.claims.conflicts import _Assertions

    lookups = Story(story.documents, story.claims, story.propositions, story.entities)
    negatives = [c for c in lookups.claims if c.polarity == "negative"]
    positives = [c for c in lookups.claims if c.polarity == "positive"]
    assert negatives and positives
    assertions = _Assertions(positives, lookups)
    pruned = 0
    for neg in negatives:
        classes = lookups.predicates(neg.span.text).classes
        expected = [
            p for p in positives
            if lookups.same_prop(neg.id, p.id) or classes & lookups.predicates(p.span.text).classes
        ]
        assert [c.claim for c in assertions.candidates(lookups, neg, classes)] == expected
        pruned += len(positives) - len(expected)
    assert pruned > 0  # the index does prune
