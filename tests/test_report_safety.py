"""Hostile text in every field: nothing executes, loads, links or reorders the page.

The fixture threads ``<script>``, ``"><img onerror>``, ``<svg onload>``, attribute
breakers, a ``javascript:`` URL, Markdown link and image syntax, a ``</style>`` breaker and
a right-to-left override through titles, outlets, URLs, article text, entity names,
aliases, roles, claims, conflict summaries and values, timeline labels and skipped inputs.
(The browser half of this check is in test_browser.py.)
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import networkx as nx
import pytest
from lxml import etree
from lxml import html as lxml_html
from markdown_it import MarkdownIt

from collation.records import Analysis
from collation.report import write_reports
from collation.report.escape import md, md_link, safe_url
from collation.report.html import asset

from .report_fixture import (
    HOSTILE,
    JS_URL,
    MD_IMAGE,
    MD_LINK,
    RTL,
    SCRIPT,
    rich_analysis,
    validate_ftm,
)

#: Elements (and classes) whose CSS isolates their bidirectional text from the page.
ISOLATING_TAGS = {"bdi", "q", "td", "li", "title", "text"}
ISOLATING_CLASSES = {"prop-text", "passage-text", "quote"}
ALLOWED_META = {"charset", "Content-Security-Policy", "referrer", "viewport", "generator"}


@pytest.fixture(scope="module")
def analysis() -> Analysis:
    return rich_analysis(hostile=True)


@pytest.fixture(scope="module")
def out(analysis: Analysis, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    write_reports(analysis, folder)
    return folder


@pytest.fixture(scope="module")
def page(out: Path) -> lxml_html.HtmlElement:
    return lxml_html.fromstring((out / "report.html").read_bytes())


def test_fixture_really_is_hostile(analysis: Analysis) -> None:
    doc = next(d for d in analysis.documents if d.url == JS_URL)
    assert SCRIPT in doc.text and SCRIPT in (doc.title or "") and SCRIPT in (doc.outlet or "")
    assert all(h in analysis.conflicts[0].summary for h in HOSTILE)
    assert any(RTL in a.name for e in analysis.entities for a in e.aliases) or any(
        RTL in e.name for e in analysis.entities
    )


def test_only_our_own_script_and_style(page: lxml_html.HtmlElement) -> None:
    scripts, styles = page.cssselect("script"), page.cssselect("style")
    assert len(scripts) == 1 and scripts[0].text == asset("report.js")
    assert len(styles) == 1 and styles[0].text == asset("report.css")


def test_no_injected_elements_or_handlers(page: lxml_html.HtmlElement) -> None:
    for el in page.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.split("}")[-1]
        assert tag not in {"img", "iframe", "object", "embed", "link", "base", "form", "input"}
        for name in el.attrib:
            assert not name.lower().startswith("on"), (tag, name)
        if tag == "svg":
            assert el.get("class") in {"map", "timeline", "graph"}
        if tag == "meta":
            assert (el.get("http-equiv") or el.get("name") or "charset") in ALLOWED_META


def test_links_are_fragments_or_web_urls(page: lxml_html.HtmlElement) -> None:
    hrefs = [a.get("href") for a in page.iter("a")]
    assert hrefs
    for href in hrefs:
        assert href.startswith(("#", "http://", "https://")), href
    assert "javascript:" not in " ".join(hrefs)
    sources = page.get_element_by_id("sources").text_content()
    assert JS_URL + " (not a web link)" in sources  # shown as text, not as a link


def test_hostile_strings_are_shown_as_text(page: lxml_html.HtmlElement) -> None:
    for sid in ("account", "disagreements", "sources", "entities", "timeline", "passages"):
        text = page.get_element_by_id(sid).text_content()
        for hostile in HOSTILE:
            assert hostile in text, (sid, hostile)
    assert page.find(".//title").text_content().startswith("Turbine blades shipped")
    assert SCRIPT in page.find(".//title").text_content()


def test_right_to_left_overrides_are_isolated(page: lxml_html.HtmlElement) -> None:
    found = 0
    for el in page.iter():
        if not isinstance(el.tag, str):
            continue
        for text, owner in ((el.text, el), (el.tail, el.getparent())):
            if not text or RTL[0] not in text:
                continue
            found += 1
            node = owner
            while node is not None:
                tag = node.tag.split("}")[-1] if isinstance(node.tag, str) else ""
                classes = set((node.get("class") or "").split())
                if tag in ISOLATING_TAGS or classes & ISOLATING_CLASSES:
                    break
                assert tag not in {"section", "body", "main", "header"}, etree.tostring(owner)[:200]
                node = node.getparent()
            assert node is not None
    assert found > 10


def test_layout_sections_survive(page: lxml_html.HtmlElement) -> None:
    ids = [s.get("id") for s in page.cssselect("main > section")]
    assert ids == [
        "account",
        "disagreements",
        "single-source",
        "timeline",
        "map",
        "graph",
        "entities",
        "sources",
        "passages",
    ]
    assert len(page.cssselect("#map g.marker")) == 4


def test_markdown_cannot_inject_links_images_or_html(out: Path) -> None:
    text = (out / "report.md").read_text(encoding="utf-8")
    rendered = MarkdownIt("commonmark").enable("table").render(text)
    tree = lxml_html.fromstring(f"<div>{rendered}</div>")
    for tag in ("script", "img", "svg", "iframe", "style", "object"):
        assert not tree.findall(f".//{tag}"), tag
    for a in tree.iter("a"):
        assert a.get("href").startswith(("https://", "http://")), a.get("href")
    assert len(tree.findall(".//h1")) == 1 and len(tree.findall(".//h2")) == 8
    shown = tree.text_content()
    for hostile in (SCRIPT, MD_LINK, MD_IMAGE):
        assert hostile in shown
    for line in text.splitlines():
        if RTL[0] in line:
            assert "\u2068" in line and "\u2069" in line


def test_exports_still_parse(out: Path) -> None:
    exports = out / "exports"
    g = nx.read_gexf(exports / "graph.gexf")
    assert any(SCRIPT in g.nodes[n]["label"] for n in g.nodes)
    geo = json.loads((exports / "places.geojson").read_text(encoding="utf-8"))
    assert geo["features"]
    with (exports / "csv" / "documents.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert any(SCRIPT in r["outlet"] for r in rows)
    lines = (exports / "entities.ftm.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    validate_ftm(records)
    articles = [r for r in records if r["schema"] == "Article"]
    assert all(
        "javascript:" not in u for r in articles for u in r["properties"].get("sourceUrl", [])
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " https://example.org/",
        "data:text/html,<script>1</script>",
        "//example.org/x",
        "/etc/passwd",
        "https://example.org/\u202ecod.exe",
        'https://example.org/"onmouseover="x',
        "https://exa mple.org/",
        "file:///etc/passwd",
        "https:///nohost",
    ],
)
def test_safe_url_refuses(url: str) -> None:
    assert safe_url(url) is None


def test_safe_url_keeps_web_links() -> None:
    for url in ("https://example.org/a?b=1&c=2#x", "http://example.org"):
        assert safe_url(url) == url


def test_markdown_escape() -> None:
    assert md("[x](javascript:alert(1))") == "\\[x\\](javascript:alert(1))"
    assert md("# not a heading\nsecond line") == "\\# not a heading second line"
    assert md("1. not a list") == "1\\. not a list"
    assert md("<b>&amp;</b>") == "\\<b\\>\\&amp;\\</b\\>"
    assert md("R&D file_name _x_ a&b") == "R&D file_name \\_x\\_ a&b"
    assert md("a | b") == "a \\| b"
    assert md(RTL) == "\u2068" + RTL + "\u2069"
    assert md_link("t", "javascript:x") == "t"
    assert md_link("t", "https://e.org/a|b") == "[t](<https://e.org/a%7Cb>)"
