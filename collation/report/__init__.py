"""Reports and exports written from an ``Analysis`` (no language processing is re-run).

``write_reports`` writes, into one folder::

    report.html                  self-contained page (docs/report.md)
    report.md                    the same sections as Markdown
    collation.json               the JSON contract (collation.contract.analysis_to_json)
    exports/csv/<table>.csv      one CSV per table
    exports/graph.gexf           relation graph for Gephi / networkx
    exports/places.geojson       resolved places and routes
    exports/entities.ftm.jsonl   FollowTheMoney entities for Aleph

and, when ``story_index`` holds more than one story, ``index.html`` listing them, each
linking to ``stories/<story id>/report.html`` (the caller writes those folders by calling
``write_reports`` once per story with that story's analysis).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from ..records import Analysis, Story
from .data import ReportData
from .exports import csv_tables, to_geojson, to_gexf
from .ftm import to_ftm_jsonl
from .geo import Route, find_routes
from .graph import RelationGraph, build_graph
from .html import render_html
from .markdown import render_markdown
from .stories import index_html

__all__ = [
    "build_graph",
    "find_routes",
    "render_report_html",
    "render_report_markdown",
    "write_reports",
]


def _generator() -> str:
    from .. import __version__

    return f"collation {__version__}"


def _write(path: Path, text: str, written: list[Path]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # newline="" keeps "\n" on every platform, so files are byte-identical everywhere.
    with path.open("w", encoding="utf-8", errors="replace", newline="") as fh:
        fh.write(text)
    written.append(path)


def _views(
    analysis: Analysis, title: str | None
) -> tuple[ReportData, RelationGraph, tuple[Route, ...]]:
    return ReportData(analysis, title), build_graph(analysis), find_routes(analysis)


def render_report_html(analysis: Analysis, *, title: str | None = None) -> str:
    """The HTML report as a string."""
    data, graph, routes = _views(analysis, title)
    return render_html(data, graph, routes, generator=_generator())


def render_report_markdown(analysis: Analysis, *, title: str | None = None) -> str:
    """The Markdown report as a string."""
    data, graph, routes = _views(analysis, title)
    return render_markdown(data, graph, routes, generator=_generator())


def _contract_json(analysis: Analysis) -> str:
    from ..contract import analysis_to_json, dumps

    return dumps(analysis_to_json(analysis))


def write_reports(
    analysis: Analysis,
    out_dir: Path,
    *,
    title: str | None = None,
    story_index: Sequence[Story] | None = None,
) -> list[Path]:
    """Write the HTML and Markdown reports and every export into ``out_dir``.

    Returns the paths written, sorted. Same analysis -> byte-identical files.
    """
    out_dir = Path(out_dir)
    generator = _generator()
    written: list[Path] = []
    data, graph, routes = _views(analysis, title)
    _write(out_dir / "report.html", render_html(data, graph, routes, generator=generator), written)
    _write(
        out_dir / "report.md", render_markdown(data, graph, routes, generator=generator), written
    )
    _write(out_dir / "collation.json", _contract_json(analysis), written)
    exports = out_dir / "exports"
    for name, text in sorted(csv_tables(data, graph, routes).items()):
        _write(exports / "csv" / f"{name}.csv", text, written)
    _write(exports / "graph.gexf", to_gexf(data, graph), written)
    _write(exports / "places.geojson", to_geojson(data, routes), written)
    _write(exports / "entities.ftm.jsonl", to_ftm_jsonl(data, graph), written)
    stories = list(story_index or ())
    if len(stories) > 1:
        _write(
            out_dir / "index.html",
            index_html(analysis, stories, title=data.title, generator=generator),
            written,
        )
    return sorted(written)
