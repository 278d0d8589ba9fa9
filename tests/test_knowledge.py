"""User knowledge: watchlist (YAML/CSV) merges, places and links; FollowTheMoney links."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from collation.config import Options
from collation.errors import MalformedInput
from collation.ids import document_id
from collation.records import Document, Entity, Mention, Segment
from collation.resolve.entities import resolve_entities
from collation.resolve.knowledge import load_ftm, load_knowledge, load_watchlist

WATCHLIST_YAML = """
- name: Islamic Revolutionary Guard Corps
  type: ORG
  aliases: [IRGC, Sepah]
- name: Engels-2 air base
  type: FAC
  aliases: Engels airfield | Engels-2
  lat: 51.48
  lon: 46.21
  country: RU
- name: Petra Holm
  type: person
"""

WATCHLIST_CSV = (
    "name,type,aliases,lat,lon\n"
    "Islamic Revolutionary Guard Corps,ORG,IRGC|Sepah,,\n"
    "Engels-2 air base,FAC,Engels airfield;Engels-2,51.48,46.21\n"
)

FTM_LINES = [
    {
        "id": "ftm-person-1",
        "schema": "Person",
        "properties": {"name": ["Ivan Petrovsky"], "alias": ["I. Petrovsky"]},
    },
    {"id": "ftm-company-1", "schema": "Company", "properties": {"name": ["Kama Drone Works"]}},
    {"id": "ftm-address-1", "schema": "Address", "properties": {"full": ["1 Main Street"]}},
]


def doc_with(text: str, spans: list[tuple[str, str]]) -> tuple[Document, list[Mention]]:
    doc = Document(
        document_id(text),
        "t",
        None,
        None,
        None,
        None,
        None,
        "en",
        text,
        (Segment(0, len(text), "body"),),
    )
    out, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        out.append(Mention(doc.id, start, start + len(surface), surface, label))
        pos = start + len(surface)
    return doc, out


def corpus() -> tuple[list[Document], list[Mention]]:
    d1, m1 = doc_with(
        "Sepah commanders visited the Engels airfield, said Ivan Petrovsky of Kama Drone Works.",
        [
            ("Sepah", "ORG"),
            ("Engels airfield", "FAC"),
            ("Ivan Petrovsky", "PERSON"),
            ("Kama Drone Works", "ORG"),
        ],
    )
    d2, m2 = doc_with(
        "The Islamic Revolutionary Guard Corps denied it; Petra Holm, an analyst, doubted that.",
        [("Islamic Revolutionary Guard Corps", "ORG"), ("Petra Holm", "PERSON")],
    )
    return [d1, d2], m1 + m2


def find(entities: list[Entity], alias: str) -> Entity:
    hits = [e for e in entities if any(a.name == alias for a in e.aliases)]
    assert len(hits) == 1, alias
    return hits[0]


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    yaml_file = tmp_path / "watch.yaml"
    yaml_file.write_text(WATCHLIST_YAML, encoding="utf-8")
    csv_file = tmp_path / "watch.csv"
    csv_file.write_text(WATCHLIST_CSV, encoding="utf-8")
    ftm_file = tmp_path / "entities.ftm.json"
    ftm_file.write_text("\n".join(json.dumps(x) for x in FTM_LINES) + "\n", encoding="utf-8")
    return {"yaml": yaml_file, "csv": csv_file, "ftm": ftm_file}


def test_watchlist_yaml_and_csv_read_the_same_entries(files):
    from_yaml = {e.ref: e for e in load_watchlist(files["yaml"])}
    from_csv = {e.ref: e for e in load_watchlist(files["csv"])}
    irgc = "watchlist:islamic-revolutionary-guard-corps"
    assert from_yaml[irgc].aliases == from_csv[irgc].aliases == ("IRGC", "Sepah")
    engels = from_yaml["watchlist:engels-2-air-base"]
    assert engels.geo is not None and (engels.geo.lat, engels.geo.lon) == (51.48, 46.21)
    assert engels.geo.gazetteer_id == "user:engels-2-air-base" and engels.geo.country == "RU"
    assert from_yaml["watchlist:petra-holm"].label == "PERSON"


def test_watchlist_aliases_merge_and_link(files):
    docs, mentions = corpus()
    entities = resolve_entities(docs, mentions, Options(aliases_file=files["yaml"]))
    irgc = find(entities, "Sepah")
    assert {a.name for a in irgc.aliases} == {"Sepah", "Islamic Revolutionary Guard Corps"}
    assert irgc.name == "Islamic Revolutionary Guard Corps"
    assert irgc.external_ids == ("watchlist:islamic-revolutionary-guard-corps",)


def test_watchlist_coordinates_place_the_site(files):
    docs, mentions = corpus()
    entities = resolve_entities(docs, mentions, Options(aliases_file=files["csv"]))
    engels = find(entities, "Engels airfield")
    assert engels.resolution == "resolved" and engels.geo is not None
    assert engels.geo.gazetteer_id.startswith("user:")


def test_without_knowledge_nothing_is_merged_or_linked(files):
    docs, mentions = corpus()
    entities = resolve_entities(docs, mentions, Options())
    assert find(entities, "Sepah").id != find(entities, "Islamic Revolutionary Guard Corps").id
    assert all(not e.external_ids for e in entities)


def test_ftm_links_people_and_companies_only(files):
    entries = load_ftm(files["ftm"])
    assert sorted(e.ref for e in entries) == ["ftm:ftm-company-1", "ftm:ftm-person-1"]
    docs, mentions = corpus()
    entities = resolve_entities(docs, mentions, Options(ftm_file=files["ftm"]))
    assert find(entities, "Ivan Petrovsky").external_ids == ("ftm:ftm-person-1",)
    assert find(entities, "Kama Drone Works").external_ids == ("ftm:ftm-company-1",)
    assert find(entities, "Petra Holm").external_ids == ()


def test_type_must_fit(files, tmp_path):
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text("- name: Kama Drone Works\n  type: PERSON\n", encoding="utf-8")
    docs, mentions = corpus()
    entities = resolve_entities(docs, mentions, Options(aliases_file=wrong))
    assert find(entities, "Kama Drone Works").external_ids == ()


def test_both_files_together(files):
    kb = load_knowledge(files["yaml"], files["ftm"])
    refs = [e.ref for e in kb.entries]
    assert refs == sorted(refs) and len(refs) == 5
    assert [e.ref for e in kb.matches("SEPAH", "ORG")] == [
        "watchlist:islamic-revolutionary-guard-corps"
    ]
    assert kb.matches("Sepah", "PERSON") == []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("bad.yaml", "name: [unclosed"),
        ("notalist.yaml", "just a string"),
        ("noname.yaml", "- type: ORG\n  aliases: [X]\n"),
        ("badtype.yaml", "- name: X\n  type: SPACESHIP\n"),
        ("badcoord.csv", "name,type,aliases,lat,lon\nX,FAC,,north,east\n"),
    ],
)
def test_malformed_watchlists_raise_coded_errors(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(MalformedInput) as info:
        load_watchlist(path)
    assert info.value.code == "E105"


def test_malformed_ftm_and_missing_files(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json}\n", encoding="utf-8")
    with pytest.raises(MalformedInput):
        load_ftm(bad)
    with pytest.raises(MalformedInput):
        load_watchlist(tmp_path / "missing.yaml")
