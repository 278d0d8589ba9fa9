"""Attribution: cues, sources, nested chains, quotes and pronoun sources (own sentences)."""

from __future__ import annotations

from typing import Any

import pytest

from collation.claims.attribution import find_frames, quote_regions
from collation.claims.extract import extract_claims
from collation.nlp.models import load_spacy
from collation.nlp.parse import parse_documents
from collation.records import Claim

from .claims_fixtures import story_documents


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_spacy()


def claims_of(nlp: Any, text: str) -> list[Claim]:
    """Claims of one invented article whose first paragraph is its headline."""
    doc = story_documents({"Test Outlet": text})[0]
    parsed = parse_documents([doc], nlp)
    return extract_claims(doc, parsed.get(doc.id, []))


def find(claims: list[Claim], words: str) -> Claim:
    hits = [c for c in claims if words in c.span.text]
    assert hits, f"no claim containing {words!r} in {[c.span.text for c in claims]}"
    return hits[0]


def chain(claim: Claim) -> list[tuple[str, str | None]]:
    return [(a.source, a.cue) for a in claim.chain]


def test_quote_regions_pair_curly_and_straight_quotes() -> None:
    text = 'He said \u201cgo now\u201d and then "stop here" again.'
    assert [text[a:b] for a, b in quote_regions(text)] == ["go now", "stop here"]
    # An apostrophe-like straight quote inside a word does not open a quotation.
    assert quote_regions("the mayor's car") == []


def test_frame_source_cue_content(nlp: Any) -> None:
    doc = nlp("The harbour master said that two ferries collided near the pier.")
    sent = next(doc.sents)
    frames = find_frames(sent, quote_regions(doc.text))
    assert len(frames) == 1
    frame = frames[0]
    assert frame.source is not None
    assert doc[frame.source[0] : frame.source[1]].text == "The harbour master"
    assert frame.cue_lemma == "say"
    content = " ".join(doc[i].text for i in frame.content)
    assert "two ferries collided near the pier" in content


def test_said_verb_with_its_auxiliary_is_the_cue_range(nlp: Any) -> None:
    doc = nlp("The newspaper has learned that the bridge was closed for repairs.")
    frame = find_frames(next(doc.sents), [])[0]
    assert doc[frame.cue_range[0] : frame.cue_range[1]].text == "has learned"


def test_inverted_report_and_according_to(nlp: Any) -> None:
    claims = claims_of(
        nlp,
        "Ferry crash\n\nTwo ferries collided near the pier, the harbour master said.\n\n"
        "According to a statement by the coast guard, nobody was injured.",
    )
    collided = find(claims, "Two ferries collided")
    assert chain(collided) == [("the harbour master", "said")]
    assert collided.quote == "indirect"
    injured = find(claims, "nobody was injured")
    assert chain(injured) == [("the coast guard", "According to")]
    assert injured.polarity == "negative"


def test_nested_chain_outermost_first(nlp: Any) -> None:
    claims = claims_of(
        nlp,
        "Ferry crash\n\nThe minister said that investigators believe the captain ignored "
        "a warning.",
    )
    claim = find(claims, "the captain ignored a warning")
    assert chain(claim) == [("The minister", "said"), ("investigators", "believe")]
    # A named source's belief is attribution (the chain says "believe"), not a hedge.
    assert claim.modality == "asserted" and claim.modality_cue is None


def test_impersonal_belief_hedges_but_a_named_believer_does_not(nlp: Any) -> None:
    claims = claims_of(
        nlp,
        "Ferry crash\n\nThe ferry is believed to have carried about 300 passengers.\n\n"
        "Coast guard officials estimate that the ferry carried about 300 passengers.",
    )
    impersonal = find(claims, "The ferry")
    named = find(claims, "the ferry carried about 300 passengers")
    assert impersonal.modality == "hedged" and impersonal.modality_cue == "believed"
    assert named.modality == "asserted"
    assert [link.cue for link in named.chain] == ["estimate"]


def test_citing_adds_an_inner_source(nlp: Any) -> None:
    claims = claims_of(
        nlp,
        "Ferry crash\n\nThe Harbour Gazette, citing port officials, reported that the "
        "ferry was overloaded.",
    )
    claim = find(claims, "the ferry was overloaded")
    assert chain(claim) == [("The Harbour Gazette", "reported"), ("port officials", "citing")]


def test_admission_and_denial_are_siblings_not_nested(nlp: Any) -> None:
    claims = claims_of(
        nlp,
        "Ferry crash\n\nThe operator admitted that it had sold too many tickets but denies "
        "ignoring the weather warning.",
    )
    admitted = find(claims, "sold too many tickets")
    denied = find(claims, "ignoring the weather warning")
    assert chain(admitted) == [("The operator", "admitted")]
    assert [a.cue for a in denied.chain] == ["denies"]
    assert denied.chain[0].source == "The operator"
    assert denied.polarity == "negative" and denied.modality == "negated"
    assert admitted.polarity == "positive"


def test_accusation_takes_the_accused_and_the_charge(nlp: Any) -> None:
    claims = claims_of(
        nlp, "Ferry crash\n\nThe union accused the operator of cutting safety drills."
    )
    claim = find(claims, "the operator of cutting safety drills")
    assert chain(claim) == [("The union", "accused")]


def test_this_was_reported_by_attaches_to_previous_sentence(nlp: Any) -> None:
    claims = claims_of(
        nlp,
        "Ferry crash\n\nTwo ferries collided near the pier on Sunday. This was reported by "
        "harbour master Ines Brandt.",
    )
    claim = find(claims, "Two ferries collided")
    assert chain(claim) == [("harbour master Ines Brandt", "reported")]
    assert not any(c.span.text.startswith("This was reported") for c in claims)


def test_headline_colon_source(nlp: Any) -> None:
    claims = claims_of(nlp, "Coast guard: two ferries collided near the pier\n\nBody text here.")
    claim = find(claims, "two ferries collided")
    assert claim.segment == "headline"
    assert chain(claim) == [("Coast guard", ":")]


def test_direct_quote_and_quote_continuation(nlp: Any) -> None:
    claims = claims_of(
        nlp,
        "Ferry crash\n\n\u201cWe lost radio contact at noon,\u201d captain Ola Berg said. "
        "\u201cThe fog came in very fast.\u201d",
    )
    first = find(claims, "We lost radio contact")
    assert first.quote == "direct"
    assert first.quote_span is not None
    assert first.quote_span.text == "We lost radio contact at noon"
    second = find(claims, "The fog came in very fast")
    assert second.quote == "direct"
    assert chain(second) == chain(first) == [("captain Ola Berg", "said")]


def test_pronoun_source_takes_the_last_named_person(nlp: Any) -> None:
    claims = claims_of(
        nlp,
        "Ferry crash\n\nMayor Anna Lind said the pier will be rebuilt.\n\n"
        "She stressed that the ferry service would resume on Monday.",
    )
    claim = find(claims, "the ferry service would resume")
    assert claim.chain[0].source == "Mayor Anna Lind"
    assert claim.chain[0].span is not None
    assert claim.chain[0].span.text == "Mayor Anna Lind"


def test_chain_spans_slice_the_text(nlp: Any) -> None:
    text = (
        "Ferry crash\n\nThe minister said that investigators believe the captain ignored "
        "a warning.\n\n\u201cWe will find out,\u201d she said."
    )
    doc = story_documents({"Test Outlet": text})[0]
    for claim in extract_claims(doc, parse_documents([doc], nlp)[doc.id]):
        assert doc.text[claim.span.start : claim.span.end] == claim.span.text
        for link in claim.chain:
            if link.span is not None:
                assert doc.text[link.span.start : link.span.end] == link.span.text == link.source
        if claim.quote_span is not None:
            q = claim.quote_span
            assert doc.text[q.start : q.end] == q.text


# --- constructions added for attribution recall (invented sentences) ----------------


def frames_of(nlp: Any, text: str, *, headline: bool = False, stance: bool = False) -> tuple[Any, list[Any]]:
    doc = nlp(text)
    regions = quote_regions(doc.text)
    out = [f for sent in doc.sents for f in find_frames(sent, regions, headline=headline, stance=stance)]
    return doc, out


def text_of(doc: Any, rng: tuple[int, int] | None) -> str:
    return doc[rng[0] : rng[1]].text if rng else ""


def content_of(doc: Any, frame: Any) -> str:
    return " ".join(doc[i].text for i in frame.content)


def test_participle_reports_what_its_noun_says(nlp: Any) -> None:
    doc, frames = frames_of(nlp, "Police received several calls saying a boat had capsized near the pier.")
    [frame] = [f for f in frames if f.cue_lemma == "say"]
    assert text_of(doc, frame.source) == "several calls"
    assert "a boat had capsized" in content_of(doc, frame)


def test_coordinated_reports_keep_their_own_content(nlp: Any) -> None:
    doc, frames = frames_of(
        nlp,
        "Most passengers said the crossing was calm, and a few said the crew had been rude.",
    )
    says = sorted((f for f in frames if f.cue_lemma == "say"), key=lambda f: f.cue[0])
    assert len(says) == 2
    assert "crew" not in content_of(doc, says[0])
    assert "the crew had been rude" in content_of(doc, says[1])


def test_pro_clause_answer_and_relative_pronoun_source(nlp: Any) -> None:
    doc, frames = frames_of(nlp, "Asked whether the fares were fair, 40 percent of riders said so.")
    said = next(f for f in frames if f.cue_lemma == "say")
    assert content_of(doc, said) == "so" and "percent" in text_of(doc, said.source)
    asked = next(f for f in frames if f.cue_lemma == "ask")
    # Whoever asked is not named: the riders answered, they did not ask.
    assert asked.source is None


def test_doubled_apostrophes_are_quotation_marks(nlp: Any) -> None:
    text = "''The pier is closed,'' the harbour master said. It's the captain''s call."
    regions = quote_regions(text)
    assert [text[a:b] for a, b in regions][0] == "The pier is closed,"
    doc, frames = frames_of(nlp, "''The pier is closed until Friday,'' the harbour master said.")
    [frame] = frames
    assert text_of(doc, frame.source) == "the harbour master"
    assert "closed until Friday" in content_of(doc, frame)


def test_added_that_is_a_report_but_added_a_thing_is_not(nlp: Any) -> None:
    doc, frames = frames_of(nlp, "The mayor added that the pier would reopen in May.")
    assert [f.cue_lemma for f in frames] == ["add"]
    _, none = frames_of(nlp, "The crew added a second lifeboat to the ferry.")
    assert none == []


def test_colon_attributions(nlp: Any) -> None:
    doc, frames = frames_of(nlp, "Harbour chief: I fear the pier will not reopen", headline=True)
    assert frames[0].kind == "colon" and text_of(doc, frames[0].source) == "Harbour chief"
    doc, body = frames_of(nlp, "Ferry captain Ana Diaz: \u201cWe never left port that day.\u201d")
    assert [f.kind for f in body] == ["colon"] and "Ana Diaz" in text_of(doc, body[0].source)
    # A label is not a source, and a colon in plain prose attributes nothing.
    _, label = frames_of(nlp, "The Latest: ferries resume on the northern route", headline=True)
    assert label == []
    _, prose = frames_of(nlp, "The plan has two parts: new ferries and a longer pier.")
    assert prose == []


def test_line_ending_report_attributes_the_next_sentence(nlp: Any) -> None:
    claims = claims_of(
        nlp,
        "Ferry news\n\nThe harbour master told reporters:\n\n"
        "\u201cThe second ferry will resume service on Friday.\u201d",
    )
    claim = find(claims, "second ferry will resume")
    assert claim.chain and claim.chain[0].source == "The harbour master"


def test_evidentials_are_sourceless_frames_only_for_attribution_scoring(nlp: Any) -> None:
    doc, frames = frames_of(nlp, "The new timetable appears to suit commuters.", stance=True)
    [frame] = frames
    assert frame.source is None and "suit commuters" in content_of(doc, frame)
    _, plain = frames_of(nlp, "The new timetable appears to suit commuters.")
    assert plain == []


def test_it_refers_to_an_institution_named_after_a_person(nlp: Any) -> None:
    claims = claims_of(
        nlp,
        "Ferry news\n\nPort officials said the pier was safe.\n\n"
        "The Rivera administration stated in May that it suspected the ferry was overloaded.",
    )
    claim = find(claims, "the ferry was overloaded")
    assert [a.source for a in claim.chain] == ["The Rivera administration"] * 2
    # A named believer is attribution: the claim is not hedged by "suspected".
    assert claim.modality == "asserted"
