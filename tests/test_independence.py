"""Independence groups: near-duplicates, wire credits, shared passages (own texts)."""

from __future__ import annotations

import random

from collation.claims.independence import (
    SHARED_QUOTE_RUN,
    SHARED_RUN,
    document_origins,
    wire_credits,
)
from collation.ids import set_id

from .claims_fixtures import story_documents

PROSE = (
    "The night ferry from the northern islands ran aground on a sandbank shortly after "
    "midnight while the crew was changing shifts in heavy rain and strong winds from the west"
)
QUOTE = (
    "We did everything we could to keep the passengers calm and warm while we waited for the "
    "tugs to arrive and we are grateful to every volunteer who came out in the storm to help us"
)


def docs(texts: dict[str, str]) -> list:
    return story_documents(texts)


def test_credit_lines_name_agencies_but_photo_credits_do_not() -> None:
    [doc] = docs({"A": "Ferry aground\n\nBody.\n\nThe Associated Press contributed to this report."})
    assert wire_credits(doc) == frozenset({"ap"})
    [doc] = docs({"B": "Ferry aground\n\nOSLO (Reuters) - A ferry ran aground on Sunday."})
    assert wire_credits(doc) == frozenset({"reuters"})
    [doc] = docs({"C": "Ferry aground\n\nBy Kari Holm, AFP\n\nA ferry ran aground."})
    assert wire_credits(doc) == frozenset({"afp"})
    [doc] = docs({"D": "Ferry aground\n\nThe ferry on the rocks. Photo via AP\n\n(c) Reuters"})
    assert wire_credits(doc) == frozenset()


def test_same_agency_credit_is_one_origin() -> None:
    d = docs({
        "A": "Ferry aground in the north\n\nA ferry hit a sandbank.\n\nReuters contributed reporting.",
        "B": "Sandbank stops ferry\n\nPassengers were taken off.\n\nReuters contributed to this story.",
        "C": "Ferry story\n\nOur reporter saw the ferry from the shore.",
    })
    origins = document_origins(d, near_duplicates={})
    by_outlet = {doc.outlet: origins[doc.id] for doc in d}
    assert by_outlet["A"] == by_outlet["B"] != by_outlet["C"]
    members = sorted(doc.id for doc in d if doc.outlet in ("A", "B"))
    assert by_outlet["A"] == set_id("o", members)


def test_long_shared_prose_links_but_short_overlap_does_not() -> None:
    words = PROSE.split()
    assert len(words) >= SHARED_RUN
    d = docs({
        "A": f"Ferry aground\n\n{PROSE}. Nobody was hurt.",
        "B": f"Islands ferry stuck\n\nCoast guard says: {PROSE}.",
        "C": f"Ferry news\n\n{' '.join(words[:8])} according to our reporter on the island.",
    })
    origins = document_origins(d, near_duplicates={})
    by_outlet = {doc.outlet: origins[doc.id] for doc in d}
    assert by_outlet["A"] == by_outlet["B"]
    assert by_outlet["C"] != by_outlet["A"]


def test_long_identical_quote_links_only_above_the_quote_threshold() -> None:
    assert len(QUOTE.split()) >= SHARED_QUOTE_RUN
    short = " ".join(QUOTE.split()[:SHARED_RUN + 2])  # long for prose, short for a quote
    d = docs({
        "A": f"Ferry aground\n\nThe captain said: \u201c{QUOTE}.\u201d",
        "B": f"Captain thanks volunteers\n\n\u201c{QUOTE},\u201d the captain told reporters.",
        "C": f"Ferry rescue\n\n\u201c{short},\u201d the captain said.",
        "D": f"Rescue at sea\n\nThe captain said \u201c{short}\u201d in a radio interview.",
    })
    origins = document_origins(d, near_duplicates={})
    by_outlet = {doc.outlet: origins[doc.id] for doc in d}
    assert by_outlet["A"] == by_outlet["B"]
    # C and D share a 22-word quotation with each other and with A/B: not enough.
    assert by_outlet["C"] != by_outlet["D"]
    assert by_outlet["C"] != by_outlet["A"]


def test_near_duplicate_groups_are_honoured_and_order_does_not_matter() -> None:
    d = docs({
        "A": "Ferry aground\n\nA ferry hit a sandbank.",
        "B": "Ferry stuck\n\nThe ferry is stuck.",
        "C": "Ferry news\n\nTugs pulled the ferry free.",
    })
    ids = {doc.outlet: doc.id for doc in d}
    groups = {ids["A"]: "g1", ids["B"]: "g1", ids["C"]: "g2"}
    first = document_origins(d, near_duplicates=groups)
    assert first[ids["A"]] == first[ids["B"]] != first[ids["C"]]
    shuffled = list(d)
    random.Random(7).shuffle(shuffled)
    assert document_origins(shuffled, near_duplicates=groups) == first
    assert set(first) == {doc.id for doc in d}
