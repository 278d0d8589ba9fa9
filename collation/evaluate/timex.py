"""TempEval-3 Task A (temporal expressions) scorer: extent and value F1 over TimeML files.

``--data`` is a ``.tml`` file or a folder searched recursively. For each file the document
creation time (the TIMEX3 with ``functionInDocument="CREATION_TIME"``) is the anchor and
the ``<TEXT>`` content is tagged with ``collation.nlp.times.scan_times``.

Metrics, as defined in the TempEval-3 task paper (UzZaman et al., SemEval 2013, sec. 4.1):

* strict extent P/R/F1: a system expression matches a gold one when the extents are equal;
* relaxed extent P/R/F1: the extents overlap (pairs are matched one to one, largest overlap
  first);
* value F1 (the official normalisation metric): attribute recall = relaxed matches with the
  right ``value`` / gold expressions, attribute precision = the same / system expressions.

The document creation time itself is not scored. Extents are compared in characters of the
tag-stripped text (the official scorer counts tokens; with whole-word extents both agree).
Signal words that TimeML keeps outside TIMEX3 ("since", "until") are left out of our extents.
Values are compared as exact strings, as the official ``evaluate_entities.py`` does. It
aligns system and gold expressions by overlap before counting; we match one to one (largest
overlap first), which can only count fewer matches when one expression overlaps two (on
TBAQ-cleaned 9 of 1,855 gold expressions are in that situation).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Options
from ..errors import EvalError
from ..nlp.times import scan_times

_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True)
class TimeMLDocument:
    name: str
    dct: str
    text: str
    timexes: tuple[GoldTimex, ...]


def read_timeml(path: Path) -> TimeMLDocument:
    """Parse one TimeML file: creation time, tag-free ``<TEXT>`` content and its TIMEX3s."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    dct_match = re.search(r"<TIMEX3[^>]*functionInDocument=\"CREATION_TIME\"[^>]*>", raw)
    if dct_match is None:
        raise EvalError(f"{path}: no TIMEX3 with functionInDocument=CREATION_TIME")
    dct_attrs = dict(_ATTR.findall(dct_match.group(0)))
    body = re.search(r"<TEXT>(.*?)</TEXT>", raw, re.S)
    if body is None:
        raise EvalError(f"{path}: no <TEXT> element")
    content = body.group(1)
    pieces: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timexes: list[GoldTimex] = []
    position = 0
    for tag in _TAG.finditer(content):
        chunk = html.unescape(content[position : tag.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = tag.end()
        closing, name = tag.group(1) == "/", tag.group(2)
        if name != "TIMEX3":
            continue
        if not closing:
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            open_timex = None
            if attrs.get("functionInDocument") == "CREATION_TIME":
                continue
            timexes.append(GoldTimex(start, length, "", attrs.get("type", ""), attrs.get("value", "")))
    tail = html.unescape(content[position:])
    pieces.append(tail)
    text = "".join(pieces)
    timexes = [GoldTimex(t.start, t.end, text[t.start : t.end], t.type, t.value) for t in timexes]
    return TimeMLDocument(path.name, dct_attrs.get("value", ""), text, tuple(timexes))


def _files(data: Path) -> list[Path]:
    if data.is_file():
        return [data]
    files = sorted(p for p in data.rglob("*.tml") if p.is_file())
    if not files:
        raise EvalError(f"no .tml files under {data}")
    return files


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop surrounding spaces and trailing sentence punctuation from an extent."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;"):
        end -= 1
    return start, end


def _match(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one relaxed matching (largest overlap first): pairs of (pred index, gold index)."""
    pairs = []
    for i, (ps, pe) in enumerate(pred):
        for j, (gs, ge) in enumerate(gold):
            overlap = min(pe, ge) - max(ps, gs)
            if overlap > 0:
                pairs.append((-overlap, i, j))
    pairs.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        out.append((i, j))
    return out


def _f1(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score_documents(documents: list[TimeMLDocument], *, details: bool = False) -> dict[str, Any]:
    """Tag every document and compute the TempEval-3 timex metrics."""
    n_system = n_gold = strict = relaxed = value_ok = type_ok = 0
    errors: list[dict[str, str]] = []
    for doc in documents:
        found = scan_times(doc.text, doc.dct)
        pred = [_trim(doc.text, f.extent_start, f.end) for f in found]
        gold = [(g.start, g.end) for g in doc.timexes]
        n_system += len(pred)
        n_gold += len(gold)
        strict += len(set(pred) & set(gold))
        matched = _match(pred, gold)
        relaxed += len(matched)
        hit_gold = set()
        hit_pred = set()
        for i, j in matched:
            hit_pred.add(i)
            hit_gold.add(j)
            ok = found[i].interval.value == doc.timexes[j].value  # exact, as the official one
            value_ok += ok
            type_ok += found[i].interval.type == doc.timexes[j].type
            if details and not ok:
                errors.append({"doc": doc.name, "kind": "value", "dct": doc.dct,
                               "text": doc.text[pred[i][0] : pred[i][1]],
                               "gold_text": doc.timexes[j].text,
                               "predicted": found[i].interval.value,
                               "gold": doc.timexes[j].value, "rule": found[i].rule})
        if details:
            for i, (s, e) in enumerate(pred):
                if i not in hit_pred:
                    errors.append({"doc": doc.name, "kind": "spurious", "dct": doc.dct,
                                   "text": doc.text[s:e], "predicted": found[i].interval.value,
                                   "rule": found[i].rule,
                                   "context": doc.text[max(0, s - 40) : e + 40].replace("\n", " ")})
            for j, g in enumerate(doc.timexes):
                if j not in hit_gold:
                    errors.append({"doc": doc.name, "kind": "missed", "dct": doc.dct,
                                   "text": g.text, "gold": g.value,
                                   "context": doc.text[max(0, g.start - 40) : g.end + 40]
                                   .replace("\n", " ")})
    sp, sr, sf = _f1(strict, n_system, n_gold)
    rp, rr, rf = _f1(relaxed, n_system, n_gold)
    vp, vr, vf = _f1(value_ok, n_system, n_gold)
    tp, tr, tf = _f1(type_ok, n_system, n_gold)
    result: dict[str, Any] = {
        "value_f1": vf, "value_precision": vp, "value_recall": vr,
        "strict_f1": sf, "strict_precision": sp, "strict_recall": sr,
        "relaxed_f1": rf, "relaxed_precision": rp, "relaxed_recall": rr,
        "type_f1": tf,
        "documents": len(documents), "gold_timexes": n_gold, "system_timexes": n_system,
    }
    if details:
        result["errors"] = errors
    return result


def evaluate(data: Path, options: Options, **kwargs: Any) -> dict[str, Any]:
    """Score the time normaliser on every ``.tml`` file under ``data``."""
    documents = [read_timeml(path) for path in _files(Path(data))]
    return score_documents(documents, details=bool(kwargs.get("details", False)))
