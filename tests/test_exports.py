"""Exports load in their own ecosystems: csv, networkx (GEXF), GeoJSON, FollowTheMoney."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from collation.contract import analysis_to_json, dumps
from collation.records import Analysis
from collation.report import write_reports
from collation.report.data import ReportData
from collation.report.exports import to_csv
from collation.report.graph import build_graph

from .report_fixture import rich_analysis, validate_ftm


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return rich_analysis()


@pytest.fixture(scope="module")
def out(analysis: Analysis, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("exports")
    write_reports(analysis, folder)
    return folder


def _csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_json_contract_is_the_leads_serialisation(out: Path, analysis: Analysis) -> None:
    text = (out / "collation.json").read_text(encoding="utf-8")
    assert text == dumps(analysis_to_json(analysis))
    assert len(json.loads(text)["documents"]) == len(analysis.documents)


def test_csv_tables_match_the_records(out: Path, analysis: Analysis) -> None:
    folder = out / "exports" / "csv"
    assert len(_csv(folder / "documents.csv")) == len(analysis.documents)
    assert len(_csv(folder / "claims.csv")) == len(analysis.claims)
    assert len(_csv(folder / "entities.csv")) == len(analysis.entities)
    assert len(_csv(folder / "propositions.csv")) == len(analysis.propositions)
    assert len(_csv(folder / "mentions.csv")) == len(analysis.mentions)
    assert len(_csv(folder / "conflict_values.csv")) == sum(
        len(c.values) for c in analysis.conflicts
    )
    texts = {d.id: d.text for d in analysis.documents}
    for row in _csv(folder / "claims.csv"):
        assert texts[row["doc"]][int(row["start"]) : int(row["end"])] == row["text"]
    aliases = _csv(folder / "aliases.csv")
    assert {"Danzig"} <= {r["alias"] for r in aliases if r["outlet"] == "Kustbladet"}
    places = {r["name"]: r for r in _csv(folder / "entities.csv")}
    assert float(places["Gdańsk"]["lat"]) == pytest.approx(54.35205)
    graph = build_graph(analysis)
    assert len(_csv(folder / "graph_edges.csv")) == len(graph.edges)
    assert len(_csv(folder / "routes.csv")) == 1


def test_csv_neutralises_spreadsheet_formulas() -> None:
    text = to_csv(["a", "b", "c"], [['=HYPERLINK("x")', -3, "+1"], ["@SUM(A1)", 2.5, "plain"]])
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[1] == ['\'=HYPERLINK("x")', "-3", "'+1"]
    assert rows[2] == ["'@SUM(A1)", "2.5", "plain"]


def test_gexf_loads_in_networkx(out: Path, analysis: Analysis) -> None:
    g = nx.read_gexf(out / "exports" / "graph.gexf")
    graph = build_graph(analysis)
    assert g.number_of_nodes() == len(graph.nodes)
    assert g.number_of_edges() == len(graph.edges)
    labels = {g.nodes[n]["label"]: g.nodes[n] for n in g.nodes}
    assert labels["Gdańsk"]["kind"] == "place"
    assert labels["Gdańsk"]["lat"] == pytest.approx(54.35205)
    assert labels["Ilse Marten"]["kind"] == "actor"
    veldmark = next(n for n in g.nodes if g.nodes[n]["label"] == "Veldmark Energy")
    gdansk = next(n for n in g.nodes if g.nodes[n]["label"] == "Gdańsk")
    edge = g.edges[veldmark, gdansk]
    assert edge["label"] == "said the convoy would reach"
    assert edge["weight"] == 3.0 and edge["support"] == 3


def test_geojson_has_valid_points_and_routes(out: Path, analysis: Analysis) -> None:
    data = json.loads((out / "exports" / "places.geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    resolved = {
        e.id: e for e in analysis.entities if e.geo is not None and e.resolution == "resolved"
    }
    points = [f for f in data["features"] if f["geometry"]["type"] == "Point"]
    lines = [f for f in data["features"] if f["geometry"]["type"] == "LineString"]
    assert {f["id"] for f in points} == set(resolved)
    for feature in data["features"]:
        coords = feature["geometry"]["coordinates"]
        pairs = [coords] if feature["geometry"]["type"] == "Point" else coords
        for lon, lat in pairs:
            assert -180 <= lon <= 180 and -90 <= lat <= 90
    for f in points:
        geo = resolved[f["id"]].geo
        assert geo is not None and f["geometry"]["coordinates"] == [geo.lon, geo.lat]
    assert len(lines) == 1
    assert lines[0]["properties"]["stop_names"] == ["Rotterdam", "Kiel Canal", "Gdańsk"]
    assert len(lines[0]["geometry"]["coordinates"]) == 3
    gdansk = next(f for f in points if f["properties"]["name"] == "Gdańsk")
    used = {n["name"]: n["outlets"] for n in gdansk["properties"]["names_used"]}
    assert used["Danzig"] == ["Baltic Wire", "Kustbladet"]


def _ftm(out: Path) -> list[dict[str, Any]]:
    lines = (out / "exports" / "entities.ftm.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_followthemoney_entities_validate(out: Path, analysis: Analysis) -> None:
    records = _ftm(out)
    validate_ftm(records)
    by_schema: dict[str, list[dict[str, Any]]] = {}
    for r in records:
        by_schema.setdefault(r["schema"], []).append(r)
    assert len(by_schema["Article"]) == len(analysis.documents)
    assert [p["properties"]["name"] for p in by_schema["Person"]] == [["Ilse Marten"]]
    assert by_schema["Person"][0]["properties"]["position"] == ["spokeswoman"]
    addresses = {a["properties"]["full"][0]: a for a in by_schema["Address"]}
    assert addresses["Gdańsk"]["properties"]["country"] == ["pl"]
    assert "latitude" not in addresses["Port Velden"]["properties"]
    assert by_schema["UnknownLink"] and by_schema["Mention"] and by_schema["Note"]
    data = ReportData(analysis)
    notes = {n["properties"]["name"][0] for n in by_schema["Note"]}
    assert {i.proposition.text for i in data.account + data.single_source} <= notes
