"""HTML and Markdown reports from a hand-built analysis: sections, citations, map,
timeline, graph, story index, determinism."""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import re
from pathlib import Path

import numpy as np
import pytest
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from collation.records import Alias, Analysis, Entity, Geo, Span, Story
from collation.report import write_reports
from collation.report.basemap import (
    HEIGHT,
    WIDTH,
    build_basemap,
    clip_ring,
    fit_viewport,
    simplify,
)
from collation.report.data import ReportData
from collation.report.geo import core_places, find_routes, route_role
from collation.report.graph import CO_MENTIONED, build_graph, relation_label
from collation.report.html import SECTIONS

from .report_fixture import empty_analysis, rich_analysis


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return rich_analysis()


@pytest.fixture(scope="module")
def out(analysis: Analysis, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("report")
    write_reports(analysis, folder)
    return folder


@pytest.fixture(scope="module")
def page(out: Path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring((out / "report.html").read_bytes())


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_writes_every_output(out: Path, analysis: Analysis, tmp_path: Path) -> None:
    written = write_reports(analysis, tmp_path)
    assert written == sorted(written)
    names = {str(p.relative_to(tmp_path)) for p in written}
    for expected in (
        "report.html",
        "report.md",
        "collation.json",
        "exports/graph.gexf",
        "exports/places.geojson",
        "exports/entities.ftm.jsonl",
        "exports/csv/documents.csv",
        "exports/csv/claims.csv",
        "exports/csv/conflict_values.csv",
    ):
        assert expected in names
    assert all(p.stat().st_size > 0 for p in written)
    assert "index.html" not in names  # one story: no index page


def test_same_input_gives_byte_identical_files(analysis: Analysis, tmp_path: Path) -> None:
    write_reports(analysis, tmp_path / "a")
    write_reports(analysis, tmp_path / "b")
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_output_does_not_depend_on_record_order(analysis: Analysis, tmp_path: Path) -> None:
    """Stages sort their tuples, but the report must not rely on it."""
    shuffled = dataclasses.replace(
        analysis,
        documents=analysis.documents[::-1],
        entities=analysis.entities[::-1],
        claims=analysis.claims[::-1],
        propositions=analysis.propositions[::-1],
        conflicts=analysis.conflicts[::-1],
        timeline=analysis.timeline[::-1],
        times=analysis.times[::-1],
        mentions=analysis.mentions[::-1],
        quantities=analysis.quantities[::-1],
    )
    write_reports(analysis, tmp_path / "a")
    write_reports(shuffled, tmp_path / "b")
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    a.pop("collation.json"), b.pop("collation.json")  # the lead's contract keeps input order
    assert a == b


def test_every_section_is_in_the_markup(page: lxml_html.HtmlElement) -> None:
    for sid, title in SECTIONS:
        section = page.get_element_by_id(sid)
        assert section.tag == "section"
        assert section.find("h2").text_content() == title
        assert section.text_content().strip() != title  # it has a body


def test_header_counts(page: lxml_html.HtmlElement, analysis: Analysis) -> None:
    stats = {
        dt.text_content(): int(dd.text_content())
        for dt, dd in zip(page.cssselect(".stats dt"), page.cssselect(".stats dd"), strict=True)
    }
    assert stats["documents"] == len(analysis.documents)
    assert stats["outlets"] == len({d.outlet for d in analysis.documents})
    assert stats["independent origins"] == len(set(analysis.origins.values()))
    assert page.cssselect("h1")[0].text_content() == analysis.stories[0].label
    assert "11 March 2024 – 14 March 2024" in page.cssselect(".period")[0].text_content()


def test_every_account_sentence_is_cited_verbatim(
    page: lxml_html.HtmlElement, analysis: Analysis
) -> None:
    texts = {d.id: d.text for d in analysis.documents}
    props = page.cssselect("#account article.prop") + page.cssselect("#single-source .prop")
    assert len(props) == len(analysis.propositions)
    for prop in props:
        cites = prop.cssselect("a.cite")
        assert cites, prop.text_content()
        for a in cites:
            doc, start, end = a.get("data-doc"), int(a.get("data-start")), int(a.get("data-end"))
            quote = a.getparent().cssselect("q.quote")[0].text_content()
            assert quote == texts[doc][start:end]
            assert a.get("href") == f"#src-{doc}-{start}-{end}"


def test_each_citation_links_to_a_highlighted_passage(
    page: lxml_html.HtmlElement, analysis: Analysis
) -> None:
    texts = {d.id: d.text for d in analysis.documents}
    targets = {a.get("href")[1:] for a in page.cssselect("a.cite")}
    assert targets
    for target in targets:
        block = page.get_element_by_id(target)
        assert "passage" in block.get("class")
        doc, start, end = (
            block.get("data-doc"),
            int(block.get("data-start")),
            int(block.get("data-end")),
        )
        marks = block.cssselect("mark")
        assert len(marks) == 1 and marks[0].text_content() == texts[doc][start:end]
        context = block.cssselect(".passage-text")[0].text_content().strip(" …")
        assert context in texts[doc]  # the context is also verbatim


def test_single_source_and_corroborated_are_separated(page: lxml_html.HtmlElement) -> None:
    account = page.get_element_by_id("account").text_content()
    single = page.get_element_by_id("single-source").text_content()
    assert "Port Velden officials declined to comment." in single  # 2 outlets, one origin
    assert "Port Velden officials declined to comment." not in account
    assert "Szczecin" in single and "Szczecin" not in account
    first = page.cssselect("#account .prop-text")[0].text_content()
    assert first.startswith("Twelve VX-9 turbine blades")  # story order among equals


def test_citations_flag_denials_and_hedges(page: lxml_html.HtmlElement) -> None:
    """A denial cited beside a statement must not read as support for it."""
    stances = {}
    for li in page.cssselect(".cites li"):
        badge = li.cssselect(".stance")
        stances[li.cssselect("q.quote")[0].text_content()] = (
            badge[0].text_content() if badge else ""
        )
    assert stances["Veldmark Energy denies any change of plan this week."] == "denied"
    assert stances["Some reports say the blades are headed to Szczecin instead."] == "hedged"
    assert stances["The route covers about 900 kilometres."] == ""
    marten = "Ilse Marten of Veldmark Energy said the convoy would reach Danzig harbour within four days."
    assert stances[marten] == "future"


def test_disagreements_show_values_side_by_side(page: lxml_html.HtmlElement) -> None:
    rows = page.cssselect("#disagreements tbody tr")
    assert len(rows) == 3
    by_kind = {r.cssselect(".badge")[0].text_content(): r for r in rows}
    quantity = by_kind["quantity"]
    values = [li.text_content() for li in quantity.cssselect("ul.values li")]
    assert any("Northern Ledger" in v and "12 blades" in v for v in values)
    assert sum("14 blades" in v for v in values) == 2
    assert "984 km" in by_kind["reference"].text_content()


def test_sources_show_dates_groups_and_furniture(
    page: lxml_html.HtmlElement, analysis: Analysis
) -> None:
    rows = page.cssselect("#sources tbody tr")
    assert len(rows) == len(analysis.documents)
    text = page.get_element_by_id("sources").text_content()
    assert "inferred" in text
    assert "Subscribe to our newsletter for more shipping news." in text
    shared = [r.cssselect("td")[0].text_content() for r in rows if "(2 docs)" in r.text_content()]
    assert shared == ["Baltic Wire", "Kustbladet"]  # one origin: the syndicated copy
    assert "feeds/broken.xml" in text  # skipped inputs are listed


def test_entities_list_aliases_by_outlet(page: lxml_html.HtmlElement) -> None:
    rows = {r.cssselect("td")[0].text_content(): r for r in page.cssselect("#entities tbody tr")}
    gdansk = rows["Gdańsk"].cssselect("ul.aliases li")
    danzig = next(li.text_content() for li in gdansk if li.text_content().startswith("Danzig"))
    assert "Baltic Wire" in danzig and "Kustbladet" in danzig and "Northern Ledger" not in danzig
    assert "spokeswoman" in rows["Ilse Marten"].text_content()


def test_map_has_one_marker_per_resolved_place(
    page: lxml_html.HtmlElement, analysis: Analysis
) -> None:
    resolved = {e.id for e in analysis.entities if e.geo is not None and e.resolution == "resolved"}
    markers = page.cssselect("#map svg g.marker")
    assert {m.get("data-entity") for m in markers} == resolved
    assert len(markers) == len(resolved)
    assert page.cssselect("#map svg path.land")  # basemap drawn from Natural Earth
    unresolved = {li.get("data-unresolved") for li in page.cssselect("#map li[data-unresolved]")}
    assert unresolved == {
        e.id for e in analysis.entities if e.type in ("GPE", "LOC", "FAC") and e.id not in resolved
    }
    for m in markers:
        x, y = (float(v) for v in re.findall(r"[-\d.]+", m.get("transform")))
        assert 0 <= x <= WIDTH and 0 <= y <= HEIGHT


def test_far_away_places_are_pinned_not_fitted(analysis: Analysis, tmp_path: Path) -> None:
    doc = next(d for d in analysis.documents if "quay" in d.text)
    at = doc.text.index("quay")
    office = Entity(
        id="e-far-office",
        name="Far office",
        type="FAC",
        aliases=(Alias("quay", (doc.id,)),),
        mentions=(Span(doc.id, at, at + 4, "quay"),),
        geo=Geo(38.8977, -77.0365, "user:far-office", "Far office", "facility", "US"),
        resolution="resolved",
    )
    far = dataclasses.replace(analysis, entities=(*analysis.entities, office))
    located = [e for e in far.entities if e.geo is not None and e.resolution == "resolved"]
    assert "e-far-office" not in {e.id for e in core_places(located)}
    write_reports(far, tmp_path)
    page = lxml_html.fromstring((tmp_path / "report.html").read_bytes())
    classes = {m.get("data-entity"): m.get("class") for m in page.cssselect("#map g.marker")}
    assert classes.pop("e-far-office") == "marker offmap"
    assert set(classes.values()) == {"marker"}  # the Baltic places keep their scale
    assert "1:10m" in page.cssselect("#map figcaption")[0].text_content()


def test_route_is_read_from_from_via_to_wording(
    analysis: Analysis, page: lxml_html.HtmlElement
) -> None:
    routes = find_routes(analysis)
    names = {e.id: e.name for e in analysis.entities}
    assert [[names[s] for s in r.stops] for r in routes] == [["Rotterdam", "Kiel Canal", "Gdańsk"]]
    assert routes[0].roles == ("origin", "via", "destination")
    assert len(page.cssselect("#map polyline.route")) == 1


@pytest.mark.parametrize(
    ("prefix", "role"),
    [
        ("shipped equipment from ", "origin"),
        ("flew out of ", "origin"),
        ("then on to the ", "destination"),
        ("was shipped to ", "destination"),
        ("crossed into ", "destination"),
        ("sailing via the ", "via"),
        ("through ", "via"),
        ("according to ", None),
        ("next to ", None),
        ("spoke with ", None),
        ("sanctions to ", None),
    ],
)
def test_route_roles(prefix: str, role: str | None) -> None:
    assert route_role(prefix) == role


def test_timeline_draws_precision(page: lxml_html.HtmlElement) -> None:
    bars = page.cssselect("#timeline svg rect.bar")
    assert len(bars) == 4
    widths = {b.get("class").split()[1]: float(b.get("width")) for b in bars}
    day, week, month = widths["p-day"], widths["p-week"], widths["p-month"]
    assert month > 3.5 * week > 0 and week > day
    assert abs(month / week - 31 / 7) < 0.05  # drawn to scale: a month spans 31 days here
    assert "May 2024" in page.get_element_by_id("timeline").text_content()


def test_relation_graph(analysis: Analysis, page: lxml_html.HtmlElement) -> None:
    graph = build_graph(analysis)
    names = {n.id: n.name for n in graph.nodes}
    edges = {(names[e.source], names[e.target]): e for e in graph.edges}
    said = edges[("Veldmark Energy", "Gdańsk")]
    assert said.label == "said the convoy would reach" and said.support == 3 and said.origins == 2
    wordings = dict(edges[("Rotterdam", "Gdańsk")].labels)
    assert wordings["for"] == 1  # Baltic Wire: its "on Tuesday" is a time, not the relation
    assert wordings["on tuesday for"] == 1  # Kustbladet: no time was recorded there
    assert "Iranian" not in names.values()  # named in a claim-less sentence only
    assert {n.kind for n in graph.nodes} == {"actor", "place", "product"}
    drawn = page.cssselect("#graph svg g.node")
    assert len(drawn) == len(graph.nodes)
    assert len(page.cssselect("#graph tbody tr")) == len(graph.edges)


@pytest.mark.parametrize(
    ("between", "label"),
    [
        (" is shipping equipment to ", "is shipping equipment to"),
        (" and ", "and"),
        (", the operator ", CO_MENTIONED),
        (" bought the ", "bought"),
        ("’s ", "’s"),
        (". Later, ", CO_MENTIONED),
        (" said that officials from several agencies had met ", CO_MENTIONED),
    ],
)
def test_relation_label(between: str, label: str) -> None:
    assert relation_label(between) == label


def test_empty_analysis_says_not_available(tmp_path: Path) -> None:
    write_reports(empty_analysis(), tmp_path)
    page = lxml_html.fromstring((tmp_path / "report.html").read_bytes())
    for sid in ("account", "disagreements", "single-source", "timeline", "graph", "entities"):
        note = page.get_element_by_id(sid).cssselect(".na")
        assert note and "run" in note[0].text_content(), sid
    assert page.cssselect("#map svg")  # the map frame is still drawn
    assert not page.cssselect("#map g.marker")
    md = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert md.count("Not available in this run") >= 4


def test_csp_forbids_the_network_and_admits_only_the_inline_code(
    out: Path, page: lxml_html.HtmlElement
) -> None:
    meta = page.cssselect("meta[http-equiv='Content-Security-Policy']")[0].get("content")
    rules = dict(r.strip().split(" ", 1) for r in meta.split(";"))
    assert rules["default-src"] == "'none'"
    for tag, rule in (("script", "script-src"), ("style", "style-src")):
        elements = page.cssselect(tag)
        assert len(elements) == 1
        digest = hashlib.sha256(elements[0].text.encode("utf-8")).digest()
        assert rules[rule] == "'sha256-" + base64.b64encode(digest).decode() + "'"
    raw = (out / "report.html").read_text(encoding="utf-8")
    assert not re.search(r"\b(src|srcset|poster|data)\s*=", raw.replace("data-", "data_"))
    assert "@import" not in raw and "url(http" not in raw and "<link" not in raw
    for a in page.cssselect("a[href]"):
        assert a.get("href").startswith(("#", "https://", "http://"))


def test_markdown_has_the_same_sections_and_citations(out: Path, analysis: Analysis) -> None:
    text = (out / "report.md").read_text(encoding="utf-8")
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "What is reported",
        "Disagreements",
        "Single-source claims",
        "Timeline",
        "Places and routes",
        "Relations",
        "Entities and names",
        "Sources",
    ]
    rendered = MarkdownIt("commonmark").enable("table").render(text)
    tree = lxml_html.fromstring(rendered)
    assert len(tree.cssselect("table")) >= 4
    shown = tree.text_content()
    for prop in analysis.propositions:
        assert prop.text in shown  # escaping is undone by any Markdown renderer
    account = text.split("## What is reported")[1].split("## Disagreements")[0]
    items = re.findall(r"^\d+\. \*\*", account, flags=re.M)
    assert len(items) == sum(not p.single_source for p in analysis.propositions)
    # every numbered statement is followed by at least one quoted citation line
    for block in re.split(r"^\d+\. ", account, flags=re.M)[1:]:
        assert re.search(r"^   - .+: “.+”$", block, flags=re.M), block


def test_story_index(analysis: Analysis, tmp_path: Path) -> None:
    docs = sorted(d.id for d in analysis.documents)
    stories = [
        Story("s-one", "Turbines leave port", "2024-03-11", "2024-03-13", tuple(docs[:3])),
        Story("s-two", "Crane questions", "2024-03-14", "2024-03-14", tuple(docs[3:])),
    ]
    both = dataclasses.replace(analysis, stories=tuple(stories))
    write_reports(both, tmp_path, story_index=stories)
    index = lxml_html.fromstring((tmp_path / "index.html").read_bytes())
    links = [a.get("href") for a in index.cssselect("#stories a")]
    assert links == ["stories/s-one/report.html", "stories/s-two/report.html"]
    sizes = [td.text_content() for td in index.cssselect("#stories td.num")]
    assert sizes == ["3", "1"]
    assert index.cssselect("a[href='report.html']")
    assert not index.cssselect("script")


def test_basemap_geometry() -> None:
    view = fit_viewport([(4.47917, 51.9225), (18.64637, 54.35205)])
    for lon, lat in ((4.47917, 51.9225), (18.64637, 54.35205)):
        x, y = view.point(lon, lat)
        assert 0 < x < WIDTH and 0 < y < HEIGHT
    base = build_basemap(view)
    assert base is not None and base.land and base.source.startswith("Natural Earth")
    wide = build_basemap(fit_viewport([(-75.0, 40.0), (139.0, 35.0)]), frozenset({"JP"}))
    assert wide is not None and wide.highlighted and "1:110m" in wide.source
    ring = np.array([[-50.0, 10.0], [50.0, 10.0], [50.0, 20.0], [-50.0, 20.0], [-50.0, 10.0]])
    clipped = clip_ring(ring, (0.0, 0.0, 20.0, 30.0))
    assert clipped[:, 0].min() >= 0 and clipped[:, 0].max() <= 20
    line = np.column_stack((np.linspace(0, 100, 500), np.zeros(500)))
    simple = simplify(line, 0.5)
    assert len(simple) == 2 and simple[0][0] == 0 and simple[-1][0] == 100


def test_report_data_skips_spans_that_do_not_slice(analysis: Analysis) -> None:
    """A citation is only ever built from a span that slices its document."""
    data = ReportData(analysis)
    claim = analysis.claims[0]
    bad = dataclasses.replace(claim.span, end=10**9)
    assert data.citation(bad) is None
    assert data.citation(claim.span) is not None
