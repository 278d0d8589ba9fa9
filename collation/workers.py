"""Per-story analysis on every core: a pool of forked worker processes.

Input: the stories to analyse, the store they are in, ``Options``. Output: for each
story, in the order given, its updated documents, its ``StoryResults``, the stage
failures and the seconds each stage took.

Stories are independent of each other, so they are the unit of parallel work: every
stage (parsing, entities, claims, alignment, conflicts) runs in parallel, not only spaCy.
Models and the gazetteer are loaded once in the parent before forking, so each worker
shares them copy-on-write instead of loading its own (``warm_up``). Workers read their
stories' documents from the store themselves, which keeps the parent's memory flat: only
story ids go out and one story's results come back at a time.

Output is byte-identical to the single-process path because a story's analysis depends
only on that story: each worker runs the same ``analyse_story`` with one thread, and
the per-process embedding cache is cleared before every story (``analyse_story``).
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import shutil
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .config import Options
from .errors import CollationError
from .records import Document, Story
from .report import write_reports
from .store import Store

T = TypeVar("T")

#: Stories with at least this many documents are parsed with spaCy's own ``n_process``
#: when they are analysed alone (one big story cannot use the story pool).
LARGE_STORY = 40


@dataclass(frozen=True)
class StoryOutcome:
    """What analysing one story produced."""

    story: Story
    documents: list[Document]
    results: Any
    """``store.StoryResults``."""
    failures: list[Any]
    """``pipeline.StageFailure`` records."""
    seconds: dict[str, float]


def worker_count(options: Options) -> int:
    """``Options.workers``, with 0 meaning every core this process may use."""
    if options.workers > 0:
        return options.workers
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def warm_up(options: Options) -> None:
    """Load every model and table the stages use, so forked workers inherit them."""
    from .nlp.models import embed, load_spacy
    from .nlp.quantity_units import warm_units
    from .resolve.gazetteer import default_gazetteer

    load_spacy(options.spacy_model)
    with contextlib.suppress(CollationError):  # the conflict checks' lemmatiser
        load_spacy()
    embed(["warm up"], options.embedding_model)
    default_gazetteer().prepare()
    warm_units()
    try:  # word frequencies for claim similarity (optional dependency)
        from wordfreq import zipf_frequency

        zipf_frequency("warm", "en")
    except ImportError:
        pass


# State of a worker process, set once by ``_init`` (a forked child inherits the rest).
_WORKER: dict[str, Any] = {}


def _init(db_path: str, options: Options) -> None:
    import torch

    # One thread per worker: the workers already fill the cores, and more threads would
    # only contend with each other.
    torch.set_num_threads(1)
    _WORKER["db"] = db_path
    _WORKER["options"] = options


def _analyse_one(db_path: Path, story: Story, options: Options, n_process: int) -> StoryOutcome:
    """Read one story's documents from the store and run every per-story stage."""
    from .pipeline import analyse_story, new_run

    with Store(db_path, readonly=True) as store:
        documents = store.load_documents(story.documents)
    run = new_run()
    docs, results = analyse_story(story, documents, options, run, n_process=n_process)
    return StoryOutcome(story, docs, results, list(run.failures), dict(run.seconds))


def _analyse(story: Story) -> StoryOutcome:
    return _analyse_one(Path(_WORKER["db"]), story, _WORKER["options"], 1)


def analyse_stories(
    stories: Sequence[Story], db_path: Path, options: Options
) -> Iterator[StoryOutcome]:
    """Analyse ``stories`` (all in the store at ``db_path``), yielding outcomes in order.

    One worker, or one story: in this process (a lone large story still parses with
    several spaCy processes). Otherwise a pool of forked workers, one story per task.
    """
    workers = min(worker_count(options), len(stories))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for story in stories:
            procs = worker_count(options) if len(story.documents) >= LARGE_STORY else 1
            yield _analyse_one(db_path, story, options, procs)
        return
    warm_up(options)
    # Objects alive now are shared with the workers; freezing them keeps the collector
    # from touching (and so copying) every page of the models in each child.
    gc.collect()
    gc.freeze()
    try:
        yield from _pool_map(
            _analyse, stories, workers, "analysing stories",
            initializer=_init, initargs=(str(db_path), options),
        )
    finally:
        gc.unfreeze()


def _pool_map(
    func: Callable[[Any], T], jobs: Sequence[Any], workers: int, doing: str,
    initializer: Callable[..., None] | None = None, initargs: tuple[Any, ...] = (),
) -> Iterator[T]:
    """``func`` over ``jobs`` in forked worker processes, results in job order.

    Chunksize 1 keeps a big job from holding up a batch of small ones. A worker that dies
    (the out-of-memory killer) is a clear error, not a hang.
    """
    try:
        with ProcessPoolExecutor(
            workers, mp_context=multiprocessing.get_context("fork"),
            initializer=initializer, initargs=initargs,
        ) as pool:
            yield from pool.map(func, jobs, chunksize=1)
    except BrokenProcessPool as exc:
        raise CollationError(
            f"a worker process died while {doing} (out of memory?); "
            "rerun with fewer workers, e.g. --workers 1"
        ) from exc


def _write_story(args: tuple[str, str, str | None, int]) -> list[Path]:
    db_path, out, story_id, combined_max = args
    with Store(Path(db_path), readonly=True) as store:
        if story_id is not None:
            return write_reports(store.read_analysis(story_id), Path(out) / "stories" / story_id)
        if len(store.document_ids()) <= combined_max:
            analysis = store.read_analysis()
            return write_reports(analysis, Path(out), story_index=analysis.stories)
        return _write_index_only(store, Path(out))


def _write_index_only(store: Store, out: Path) -> list[Path]:
    """A corpus too large for one report: the story index and a streamed collation.json."""
    from . import __version__
    from .contract import write_json
    from .records import Analysis
    from .report.data import ReportData
    from .report.stories import index_html
    from .store.stream import contract_sections

    # A combined report from an earlier, smaller run would now be stale and incomplete.
    for name in ("report.html", "report.md"):
        (out / name).unlink(missing_ok=True)
    shutil.rmtree(out / "exports", ignore_errors=True)
    light = Analysis(documents=tuple(store.load_documents()), stories=tuple(store.stories()))
    html = index_html(
        light, light.stories, title=ReportData(light, None).title,
        generator=f"collation {__version__}", combined=False,
    )
    index = out / "index.html"
    with index.open("w", encoding="utf-8", newline="") as fh:
        fh.write(html)
    return sorted([index, write_json(out / "collation.json", contract_sections(store))])


def write_story_reports(
    story_ids: Sequence[str | None], db_path: Path, out: Path, options: Options
) -> list[Path]:
    """Write ``out/stories/<id>/`` (reports and exports) for each story, in parallel;
    ``None`` writes the whole store's reports, with the story index, into ``out``.

    Returns the paths written, story by story in the order given.
    """
    jobs = [(str(db_path), str(out), story_id, options.combined_report_max) for story_id in story_ids]
    workers = min(worker_count(options), len(jobs))
    if workers <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [path for job in jobs for path in _write_story(job)]
    return [
        path for paths in _pool_map(_write_story, jobs, workers, "writing reports") for path in paths
    ]
