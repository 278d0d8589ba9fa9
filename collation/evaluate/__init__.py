"""Benchmark scorers behind ``collate eval TASK --data PATH``.

Each task lives in its own module exposing ``evaluate(data: Path, options: Options) ->
dict[str, float | int | str]``; metric values are fractions in [0, 1]. ``--data`` is a
file or a folder; folders are searched recursively for that set's annotated files.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path
from typing import Any

from ..config import Options
from ..errors import EvalError

#: task name -> (module, one-line description)
TASKS: dict[str, tuple[str, str]] = {
    "extraction": ("collation.evaluate.extraction", "HTML -> article text, 4-gram shingle P/R/F1 (AEB)"),
    "timex": ("collation.evaluate.timex", "TempEval-3 TIMEX3 value and extent F1"),
    "quantities": ("collation.evaluate.quantities", "NewsQuant value and value+unit F1"),
    "coref": ("collation.evaluate.coref", "cross-document entity coreference, CoNLL F1 (ECB+, NewsWCL50)"),
    "clustering": ("collation.evaluate.clustering", "story clustering B3 and pairwise F1"),
    "attribution": ("collation.evaluate.attribution", "PolNeAR source/cue/content span F1"),
    "claimdiff": ("collation.evaluate.claimdiff", "ClaimDiff strengthen/weaken detection"),
    "conflicts": ("collation.evaluate.conflicts", "injected-edit conflict detection on an event folder"),
}


def run_eval(task: str, data: Path, options: Options | None = None, **kwargs: Any) -> dict[str, Any]:
    """Score ``task`` on ``data`` and return its metrics."""
    if task not in TASKS:
        raise EvalError(f"unknown task {task!r}; choose from {', '.join(sorted(TASKS))}")
    if not Path(data).exists():
        raise EvalError(f"--data {data} does not exist")
    module = importlib.import_module(TASKS[task][0])
    accepted = inspect.signature(module.evaluate).parameters
    takes_any = any(p.kind is inspect.Parameter.VAR_KEYWORD for p in accepted.values())
    unknown = sorted(k for k in kwargs if k not in accepted)
    if unknown and not takes_any:
        known = sorted(k for k in accepted if k not in ("data", "options"))
        raise EvalError(f"task {task!r} has no option {', '.join(unknown)}; it takes: {', '.join(known) or 'none'}")
    result: dict[str, Any] = module.evaluate(Path(data), options or Options(), **kwargs)
    return result
