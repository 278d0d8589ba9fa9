"""The collation.json contract: schema-valid, deterministic, propositions keep their evidence."""

from __future__ import annotations

import jsonschema
from hypothesis import given, settings

from collation.contract import SCHEMA_VERSION, analysis_to_json, dumps, json_schema
from collation.records import Analysis, Document

from .test_store import _story_results, documents


def _analysis(doc: Document, n: int) -> Analysis:
    r = _story_results(doc, n)
    return Analysis(
        documents=(doc,),
        mentions=tuple(r.mentions),
        entities=tuple(r.entities),
        times=tuple(r.times),
        quantities=tuple(r.quantities),
        claims=tuple(r.claims),
        propositions=tuple(r.propositions),
        conflicts=tuple(r.conflicts),
        timeline=tuple(r.timeline),
        stories=(r.story,),
        origins=r.origins,
    )


@settings(max_examples=30, deadline=None)
@given(doc=documents())
def test_contract_validates_and_serialises_deterministically(doc: Document) -> None:
    analysis = _analysis(doc, 7)
    data = analysis_to_json(analysis)
    jsonschema.Draft202012Validator(json_schema()).validate(data)
    assert data["schema_version"] == SCHEMA_VERSION
    assert dumps(data) == dumps(analysis_to_json(analysis))


def test_conflicts_and_timeline_point_at_propositions() -> None:
    text = "Officials said the plant lies about 900 km east of the capital."
    from collation.ids import document_id
    from collation.records import Segment

    doc = Document(document_id(text), "a.txt", "T", "Outlet", None, None, None, "en", text,
                   (Segment(0, len(text), "body"),))
    data = analysis_to_json(_analysis(doc, 30))
    proposition_ids = {c["id"] for c in data["claims"]}
    (conflict,) = data["conflicts"]
    assert set(conflict["claims"]) <= proposition_ids
    assert conflict["statements"] and conflict["statements"][0] not in proposition_ids
    (claim,) = data["claims"]
    evidence = claim["evidence"][0]
    assert evidence["speaker_text"] == "Officials" and evidence["cue"] == "said"
    assert claim["modality"] == "hedged" and claim["single_source"] is True
    assert claim["quantities"][0]["unit"] == "km"
    assert set(data["timeline"][0]["claims"]) <= proposition_ids


def test_missing_schema_key_is_caught() -> None:
    text = "x y z"
    from collation.ids import document_id

    data = analysis_to_json(Analysis(documents=(Document(document_id(text), "a", None, None, None, None, None,
                                                         None, text),)))
    del data["documents"][0]["published_basis"]
    validator = jsonschema.Draft202012Validator(json_schema())
    assert not validator.is_valid(data)
