"""The main job: inputs -> documents -> stories -> per-story analysis -> store -> outputs.

Stages are plain functions from their own modules; this module only orders them,
catches a stage's failure once at its boundary (recording document id and reason),
and carries on. Only stories that are new or grew are analysed again, so adding files
to an output directory re-analyses just the stories they join.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO

from .config import Options
from .errors import CollationError, StageError, StrictModeError
from .records import (
    Analysis,
    Claim,
    Document,
    Mention,
    Quantity,
    Segment,
    Skipped,
    Story,
    TimeValue,
)
from .store import Store, StoryResults

log = logging.getLogger("collation")

#: Called as progress(stage, done, total); the CLI draws bars from it.
Progress = Callable[[str, int, int], None]

DB_NAME = "collation.db"
JSON_NAME = "collation.json"
STATE_KEY = "stories"


@dataclass(frozen=True)
class StageFailure:
    """A stage that failed on one document or story; its output for that item is dropped."""

    stage: str
    item: str
    reason: str


@dataclass(frozen=True)
class RunSummary:
    """What a run did, for the CLI's closing summary."""

    out_dir: Path
    documents_read: int
    documents_new: int
    skipped: tuple[Skipped, ...]
    stories: int
    stories_analysed: tuple[str, ...]
    failures: tuple[StageFailure, ...]
    outputs: tuple[Path, ...]
    seconds: float
    stage_seconds: dict[str, float] = field(default_factory=dict)
    """Seconds per stage; per-story stages are summed over worker processes."""
    analyse_seconds: float = 0.0
    """Wall time of the per-story analysis (all workers together)."""


class _Run:
    """Mutable bookkeeping for one run (timings and failures)."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress or (lambda stage, done, total: None)
        self.failures: list[StageFailure] = []
        self.seconds: dict[str, float] = {}

    def fail(self, stage: str, item: str, exc: BaseException) -> None:
        reason = str(exc) or type(exc).__name__
        log.warning("%s failed on %s: %s", stage, item, reason)
        self.failures.append(StageFailure(stage, item, reason.splitlines()[0]))

    def timed(self, stage: str, started: float) -> None:
        self.seconds[stage] = self.seconds.get(stage, 0.0) + time.perf_counter() - started


def _segment(document: Document, run: _Run) -> Document:
    from .clean import segment_document

    try:
        return segment_document(document)
    except Exception as exc:  # stage boundary: keep the document, unlabelled as body
        run.fail("clean", document.id, exc)
        body = (Segment(0, len(document.text), "body", "unsegmented"),) if document.text else ()
        return replace(document, segments=body)


def read_documents(
    paths: Sequence[str],
    options: Options,
    *,
    stdin: BinaryIO | None = None,
    run: _Run | None = None,
) -> tuple[list[Document], list[Skipped]]:
    """Ingest and clean every input. Duplicate texts keep the first source in sorted order."""
    from .ingest import read_inputs

    run = run or _Run(None)
    documents: dict[str, Document] = {}
    skipped: list[Skipped] = []
    started = time.perf_counter()
    for item in read_inputs(paths, options, stdin=stdin):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        if item.id in documents and documents[item.id].source <= item.source:
            continue
        documents[item.id] = _segment(item, run)
        run.progress("read", len(documents), 0)
    run.timed("read+clean", started)
    return [documents[k] for k in sorted(documents)], skipped


def _per_document(
    stage: str, documents: Iterable[Document], func: Callable[[Document], list[Any]], run: _Run
) -> dict[str, list[Any]]:
    started = time.perf_counter()
    out: dict[str, list[Any]] = {}
    for document in documents:
        try:
            out[document.id] = list(func(document))
        except Exception as exc:  # stage boundary
            run.fail(stage, document.id, exc)
            out[document.id] = []
    run.timed(stage, started)
    return out


def _story_stage(stage: str, story: Story, default: Any, func: Callable[[], Any], run: _Run) -> Any:
    started = time.perf_counter()
    try:
        return func()
    except Exception as exc:  # stage boundary
        run.fail(stage, story.id, exc)
        return default
    finally:
        run.timed(stage, started)


def new_run(progress: Progress | None = None) -> _Run:
    """Fresh bookkeeping (failures, stage seconds) for a run or one worker's story."""
    return _Run(progress)


def analyse_story(
    story: Story,
    documents: Sequence[Document],
    options: Options,
    run: _Run | None = None,
    *,
    n_process: int = 1,
) -> tuple[list[Document], StoryResults]:
    """Every per-story stage, in dependency order. Returns updated documents and results.

    ``n_process`` spaCy processes parse the story (``workers.analyse_stories`` uses more
    than one only for a large story analysed alone).
    """
    from .claims.align import align_claims
    from .claims.common import clear_embedding_cache
    from .claims.conflicts import find_conflicts
    from .claims.extract import extract_claims
    from .claims.independence import document_origins
    from .claims.timeline import build_timeline
    from .nlp.models import load_spacy
    from .nlp.parse import parse_documents
    from .nlp.pubdate import infer_publication_dates
    from .nlp.quantities import extract_quantities
    from .nlp.times import extract_times
    from .resolve.entities import entity_index, resolve_entities
    from .resolve.mentions import extract_mentions
    from .stories.dedup import near_duplicate_groups

    run = run or _Run(None)
    # A story's result must not depend on which stories this process analysed before
    # (vectors of one text can differ in the last bits with the batch it was embedded in).
    clear_embedding_cache()
    docs = sorted(documents, key=lambda d: d.id)
    docs = _story_stage("pubdate", story, docs, lambda: list(infer_publication_dates(docs)), run)

    started = time.perf_counter()
    try:
        parsed = parse_documents(
            docs, load_spacy(options.spacy_model), batch_size=options.batch_size, n_process=n_process
        )
    except CollationError:
        raise  # a missing model is the user's to fix, not a per-story hiccup
    except Exception as exc:
        run.fail("parse", story.id, exc)
        parsed = {}
    run.timed("parse", started)

    mentions = _per_document("mentions", docs, lambda d: extract_mentions(d, parsed.get(d.id, [])), run)
    times = _per_document("times", docs, lambda d: extract_times(d, d.published), run)
    quantities = _per_document("quantities", docs, extract_quantities, run)
    all_mentions: list[Mention] = [m for d in docs for m in mentions[d.id]]
    entities = _story_stage(
        "entities", story, [], lambda: resolve_entities(docs, all_mentions, options), run
    )
    entity_of = entity_index(entities)
    claims = _per_document(
        "claims",
        docs,
        lambda d: extract_claims(
            d,
            parsed.get(d.id, []),
            mentions=mentions[d.id],
            entity_of=entity_of,
            times=times[d.id],
            quantities=quantities[d.id],
        ),
        run,
    )
    all_claims: list[Claim] = [c for d in docs for c in claims[d.id]]
    duplicates = _story_stage("dedup", story, None, lambda: near_duplicate_groups(docs), run)
    origins = _story_stage(
        "independence", story, {d.id: d.id for d in docs}, lambda: document_origins(docs, duplicates), run
    )
    propositions = _story_stage(
        "align",
        story,
        [],
        lambda: align_claims(all_claims, docs, origins, entities=entities, options=options),
        run,
    )
    conflicts = _story_stage(
        "conflicts",
        story,
        [],
        lambda: find_conflicts(docs, all_claims, propositions, entities=entities),
        run,
    )
    timeline = _story_stage("timeline", story, [], lambda: build_timeline(all_claims, propositions), run)
    all_times: list[TimeValue] = [t for d in docs for t in times[d.id]]
    all_quantities: list[Quantity] = [q for d in docs for q in quantities[d.id]]
    return docs, StoryResults(
        story=story,
        mentions=all_mentions,
        entities=list(entities),
        times=all_times,
        quantities=all_quantities,
        claims=all_claims,
        propositions=list(propositions),
        conflicts=list(conflicts),
        timeline=list(timeline),
        origins=dict(origins),
    )


def collate(
    paths: Sequence[str],
    out_dir: Path | str,
    options: Options | None = None,
    *,
    stdin: BinaryIO | None = None,
    progress: Progress | None = None,
    rebuild: bool = False,
) -> RunSummary:
    """Run the whole job on ``paths`` into ``out_dir`` (store, collation.json, reports)."""
    from .stories.cluster import ClusterState, cluster_stories
    from .workers import analyse_stories

    options = options or Options()
    out = Path(out_dir)
    run = _Run(progress)
    t0 = time.perf_counter()
    documents, skipped = read_documents(paths, options, stdin=stdin, run=run)
    if options.strict and skipped:
        first = skipped[0]
        raise StrictModeError(f"{len(skipped)} input(s) skipped; first: {first.source}: {first.reason}")

    with Store(out / DB_NAME) as store:
        known = store.document_ids()
        new_docs = [d for d in documents if d.id not in known]
        store.upsert_documents(new_docs)
        store.set_skipped(skipped)

        started = time.perf_counter()
        raw_state = None if rebuild else store.get_state(STATE_KEY)
        try:
            state = ClusterState.from_json(raw_state) if raw_state else None
            cluster_input = new_docs if state is not None else store.load_documents()
            stories, state, changed = cluster_stories(cluster_input, state=state, options=options)
        except StageError as exc:
            # A store written with other clustering settings or another model: its state
            # cannot be extended exactly, so cluster everything again (ids may change).
            run.fail("stories", "state", exc)
            rebuild = True
            stories, state, changed = cluster_stories(store.load_documents(), state=None, options=options)
        store.set_state(STATE_KEY, state.to_json())
        run.timed("stories", started)
        store.set_stories(stories)

        todo = [s for s in stories if s.id in changed or rebuild or s.id == options.story]
        run.progress("analyse", 0, len(todo))
        started = time.perf_counter()
        for number, outcome in enumerate(analyse_stories(todo, store.path, options), 1):
            run.failures.extend(outcome.failures)
            for stage, seconds in outcome.seconds.items():
                run.seconds[stage] = run.seconds.get(stage, 0.0) + seconds
            store.upsert_documents(outcome.documents)
            store.replace_story(outcome.results)
            run.progress("analyse", number, len(todo))
        analyse_wall = time.perf_counter() - started

        started = time.perf_counter()
        outputs = write_outputs(store, out, options)
        run.timed("outputs", started)

    return RunSummary(
        out_dir=out,
        documents_read=len(documents),
        documents_new=len(new_docs),
        skipped=tuple(skipped),
        stories=len(stories),
        stories_analysed=tuple(s.id for s in todo),
        failures=tuple(run.failures),
        outputs=tuple(outputs),
        seconds=time.perf_counter() - t0,
        stage_seconds=dict(run.seconds),
        analyse_seconds=analyse_wall,
    )


def write_outputs(store: Store, out: Path, options: Options) -> list[Path]:
    """collation.json plus the reports, all from the store (so ``collate report`` shares it).

    With several stories, each also gets its own folder under ``stories/``; those are
    written by worker processes (``workers.write_story_reports``).
    """
    from .contract import write_json
    from .report import write_reports
    from .store.stream import contract_sections
    from .workers import write_story_reports

    if options.story is not None:
        json_path = write_json(out / JSON_NAME, contract_sections(store))
        return [json_path, *write_story_reports([options.story], store.path, out, options)]
    stories = store.stories()
    if len(stories) > 1:
        # None stands for the whole store's report and index (it writes collation.json
        # too); a worker writes it while others write the stories' folders.
        return write_story_reports([None, *[s.id for s in stories]], store.path, out, options)
    return write_reports(store.read_analysis(), out)


def load_analysis(out_dir: Path | str, story: str | None = None) -> Analysis:
    """Read a finished run back from ``out_dir/collation.db``."""
    with Store(Path(out_dir) / DB_NAME) as store:
        return store.read_analysis(story)


def regenerate(out_dir: Path | str, options: Options | None = None) -> list[Path]:
    """``collate report``: rewrite the outputs from the store without re-running NLP."""
    out = Path(out_dir)
    if not (out / DB_NAME).exists():
        raise CollationError(f"no {DB_NAME} in {out}; run `collate run ... --out {out}` first")
    with Store(out / DB_NAME) as store:
        return write_outputs(store, out, options or Options())
