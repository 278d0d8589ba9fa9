"""Near-duplicate groups: wire copies, rewrites and truncated copies group; others do not."""

from __future__ import annotations

import dataclasses

from collation.ids import document_id, set_id
from collation.stories.dedup import near_duplicate_groups, shingles

from .story_fixtures import ARTICLES, WIRE_COPY, make_document


def _variant(article: dict[str, str], **changes: str) -> dict[str, str]:
    return {**article, **changes}


def test_wire_copy_grouped_with_original_and_others_apart() -> None:
    documents = [make_document(a) for a in ARTICLES] + [make_document(WIRE_COPY)]
    groups = near_duplicate_groups(documents)
    original, copy = documents[0].id, documents[-1].id
    assert groups[original] == groups[copy]
    assert groups[original] == set_id("g", [original, copy])
    # Every other article (same event or not) stays in its own group.
    others = [d.id for d in documents[1:-1]]
    assert len({groups[d] for d in others}) == len(others)
    for doc_id in others:
        assert groups[doc_id] == set_id("g", [doc_id])
    assert set(groups) == {d.id for d in documents}


def test_light_rewrite_grouped() -> None:
    base = ARTICLES[5]
    rewritten = _variant(
        base,
        outlet="rewrite.example",
        title="Russian drones set Odesa grain terminal on fire",
        text=base["text"]
        .replace("overnight", "during the night")
        .replace("three dock workers were injured", "three dock workers were hurt"),
    )
    documents = [make_document(base), make_document(rewritten), make_document(ARTICLES[6])]
    groups = near_duplicate_groups(documents)
    assert groups[documents[0].id] == groups[documents[1].id]
    # The other outlet's independent report of the same attack is not a copy.
    assert groups[documents[2].id] != groups[documents[0].id]


def test_truncated_copy_grouped_by_containment() -> None:
    base = dict(ARTICLES[0])
    base["text"] = base["text"] + " " + ARTICLES[2]["text"]  # a longer original
    sentences = base["text"].split(". ")
    truncated = _variant(base, outlet="short.example", text=". ".join(sentences[:4]) + ".")
    documents = [make_document(base), make_document(truncated)]
    a, b = (shingles(d.text) for d in documents)
    assert len(a & b) / len(a | b) < 0.7  # Jaccard alone would miss it
    groups = near_duplicate_groups(documents)
    assert groups[documents[0].id] == groups[documents[1].id]


def test_groups_do_not_depend_on_input_order() -> None:
    documents = [make_document(a) for a in ARTICLES] + [make_document(WIRE_COPY)]
    forward = near_duplicate_groups(documents)
    backward = near_duplicate_groups(list(reversed(documents)))
    assert forward == backward
    assert list(forward) == sorted(forward)


def test_empty_and_duplicate_inputs() -> None:
    assert near_duplicate_groups([]) == {}
    document = make_document(ARTICLES[9])
    empty = dataclasses.replace(document, id=document_id(""), text="", title=None)
    groups = near_duplicate_groups([document, document, empty])
    assert groups == {
        document.id: set_id("g", [document.id]),
        empty.id: set_id("g", [empty.id]),
    }
