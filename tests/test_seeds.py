"""Acceptance checks on the seed corpus (read from ../shared at test time, never copied).

The seeds are five outlets' reports of one statement; these tests pin the behaviours the
issues name: furniture labelled, names merged, places geocoded, dates inferred,
quantities normalised, conflicts found and single-source claims flagged.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture(scope="module")
def data(seeds_run: Path) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((seeds_run / "collation.json").read_text(encoding="utf-8"))
    return result


def _doc(data: dict[str, Any], prefix: str) -> dict[str, Any]:
    return next(d for d in data["documents"] if Path(d["source"]).name.startswith(prefix))


def _kind_at(doc: dict[str, Any], needle: str) -> str:
    at = doc["text"].index(needle)
    for seg in doc["segments"]:
        if seg["start"] <= at < seg["end"]:
            return str(seg["kind"])
    return "none"


def _entity_with(data: dict[str, Any], *names: str) -> dict[str, Any] | None:
    """The entity holding every one of ``names``, as an alias or a whole word of one."""

    def holds(aliases: set[str], name: str) -> bool:
        return any(re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", a) for a in aliases)

    for e in data["entities"]:
        aliases = {a["name"].lower() for a in e["aliases"]} | {e["name"].lower()}
        if all(holds(aliases, n.lower()) for n in names):
            return e
    return None


def test_five_documents_with_furniture_labelled(data: dict[str, Any]) -> None:
    assert len(data["documents"]) == 5
    furniture = {
        "001": ["Share it...", "Leave a Reply", "Your email address will not be published"],
        "004": ["World News"],
        "000": ["LOOK."],
    }
    for prefix, needles in furniture.items():
        doc = _doc(data, prefix)
        for needle in needles:
            assert _kind_at(doc, needle) == "boilerplate", (prefix, needle)
    # 004 ends with a byline and an author bio: its last two non-empty lines are furniture
    tail = _doc(data, "004")
    lines = [ln for ln in tail["text"].splitlines() if ln.strip()]
    for line in lines[-2:]:
        assert _kind_at(tail, line.strip()) == "boilerplate"
    cap = _doc(data, "003")
    assert _kind_at(cap, "Photo credits") in ("caption", "boilerplate")
    assert _kind_at(cap, "He also added") == "body"
    for doc in data["documents"]:
        assert doc["segments"][0]["kind"] == "headline"


def test_entities_merge_variants_and_keep_others_apart(data: dict[str, Any]) -> None:
    alabuga = _entity_with(data, "Alabuga", "Yelabuga")
    assert alabuga is not None and alabuga["geo"] is not None
    assert math.dist((alabuga["geo"]["lat"], alabuga["geo"]["lon"]), (55.76, 52.05)) < 0.6
    for pair in (("Kiev", "Kyiv"), ("Shahed-136", "Geran-2"), ("Su35", "Su-35"), ("John Kirby", "Kirby")):
        assert _entity_with(data, *pair) is not None, pair
    kirby = _entity_with(data, "John Kirby")
    assert kirby is not None and len({r["title"].lower() for r in kirby["roles"]}) >= 2
    nsc = _entity_with(data, "National Security Council")
    unsc = _entity_with(data, "UN Security Council")
    assert nsc is not None and unsc is not None and nsc["id"] != unsc["id"]


def test_places_geocoded_and_unresolved_reported(data: dict[str, Any]) -> None:
    for name in ("Makhachkala", "Amirabad", "Primorsko-Akhtarsk", "Voronezh", "Tatarstan", "Dagestan",
                 "Moscow", "Caspian Sea"):
        places = [e for e in data["entities"] if e["geo"] and _entity_with({"entities": [e]}, name)]
        assert places, name
    amirabad = _entity_with(data, "Amirabad")
    assert amirabad is not None and amirabad["geo"]["country"] == "IR"
    sisha = _entity_with(data, "Sisha")
    assert sisha is not None and sisha["geo"] is None and sisha["resolution"] != "resolved"


def test_publication_dates_inferred_or_from_text(data: dict[str, Any]) -> None:
    for doc in data["documents"]:
        assert doc["published"] in ("2023-06-09", "2023-06-10"), doc["source"]
        assert doc["published_basis"] in ("text", "inferred")
    assert _doc(data, "003")["published_basis"] == "text"


def _time_of(data: dict[str, Any], prefix: str, text: str) -> dict[str, Any]:
    doc = _doc(data, prefix)
    return next(t for t in data["times"] if t["doc"] == doc["id"] and text.lower() in t["text"].lower())


def test_times_normalised(data: dict[str, Any]) -> None:
    friday = _time_of(data, "000", "Friday")
    assert friday["start"] == friday["end"] == "2023-06-09"
    early_next = _time_of(data, "001", "early next year")
    early_2024 = _time_of(data, "003", "early 2024")
    assert (early_next["start"], early_next["end"]) == (early_2024["start"], early_2024["end"])
    assert early_next["start"] == "2024-01-01"
    october = _time_of(data, "002", "October last year")
    assert october["start"] == "2022-10-01" and october["end"] == "2022-10-31"
    late_may = _time_of(data, "004", "late May")
    assert late_may["start"].startswith("2023-05-") and late_may["end"] == "2023-05-31"


def _quantity(data: dict[str, Any], prefix: str, text: str) -> dict[str, Any]:
    doc = _doc(data, prefix)
    return next(q for q in data["quantities"] if q["doc"] == doc["id"] and text in q["text"])


def test_distances_are_intervals_in_km(data: dict[str, Any]) -> None:
    q900 = _quantity(data, "000", "900")
    q1100 = _quantity(data, "001", "1,100")
    several = _quantity(data, "002", "several hundred")
    assert q900["unit"] == q1100["unit"] == several["unit"] == "km"
    assert q900["high"] < q1100["low"]
    assert several["low"] <= 900 <= several["high"] and several["low"] <= 1100 <= several["high"]
    hundreds = _quantity(data, "003", "hundreds")
    assert hundreds["dimension"] == "count" and hundreds["low"] >= 100


def test_conflicts_found(data: dict[str, Any]) -> None:
    kinds: dict[str, list[dict[str, Any]]] = {}
    for c in data["conflicts"]:
        kinds.setdefault(c["kind"], []).append(c)

    def texts(c: dict[str, Any]) -> str:
        return " | ".join(v["text"] for v in c["values"])

    assert any("900" in texts(c) and "1,100" in texts(c) for c in kinds.get("quantity", []))
    assert any("900" in texts(c) or "1,100" in texts(c) for c in kinds.get("reference", []))
    near = [c for c in kinds.get("place", []) + kinds.get("reference", []) if "near" in texts(c).lower()]
    near_docs = {Path(next(d["source"] for d in data["documents"] if d["id"] == v["doc"])).name[:3]
                 for c in near for v in c["values"]}
    assert {"001", "004"} <= near_docs
    assert kinds.get("polarity"), "Iran's denial against the US assertions"
    assert any("broad" in texts(c) and "full-scale" in texts(c) for c in kinds.get("quote", []))
    for c in data["conflicts"]:
        if c["kind"] == "quantity":
            assert "several hundred" not in texts(c)


def test_single_source_claims_flagged(data: dict[str, Any]) -> None:
    for needle in ("90 percent", "Primorsko-Akhtarsk", "400 drones", "14 million", "Voronezh"):
        carrying = [c for c in data["claims"] if any(needle in e["text"] for e in c["evidence"])]
        assert carrying, needle
        assert all(c["single_source"] for c in carrying), needle


def test_propositions_carried_by_all_five(data: dict[str, Any]) -> None:
    widest = sorted((len(set(c["docs"])) for c in data["claims"]), reverse=True)
    assert widest and widest[0] == 5
    assert sum(1 for n in widest if n >= 4) >= 3
