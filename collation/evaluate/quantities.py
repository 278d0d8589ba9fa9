"""NewsQuant (CQE) quantity scorer: value F1 and value+unit F1.

``--data`` is NewsQuant.json (or a folder holding it): a JSON list of
``{"text": ..., "quantities": [{"value": "275.0" | "252.0-287.0", "normalized_unit": ...}]}``.
Each sentence is tagged with ``collation.nlp.quantities.scan_quantities`` and compared with
its gold quantities the way the CQE evaluation (Almasian et al., EMNLP 2023) counts them:

* a value matches when the numbers agree within a relative tolerance of 1e-5 (a range
  matches a range with both ends equal, in the order written);
* value+unit also needs the normalised unit names to agree (lower-cased);
* per sentence, gold quantities are visited in unit-name order; each takes the first system
  quantity with a matching value (a system quantity is used up only when its unit matches
  too), and at most as many values count as there are gold quantities;
* precision = correct / system quantities, recall = correct / gold quantities.

``value_f1_one_to_one`` is the stricter variant in which every system quantity can match
only one gold quantity. Our stated units are mapped to the unit names NewsQuant uses by a
small general table (``UNIT_NAMES``); counted nouns are compared as lower-cased phrases with
a singular head, as CQE lemmatises them.
"""

from __future__ import annotations

import json
import math
import re
from pathlib import Path
from typing import Any

from ..config import Options
from ..errors import EvalError
from ..nlp.quantities import QuantityMatch, scan_quantities
from ..nlp.quantity_nouns import singular

#: Our canonical unit names -> the names NewsQuant's normaliser gives the same units.
UNIT_NAMES = {
    "times": "count",
    "percentage point": "percentage point",
    "year of age": "year of age",
}
Value = float | tuple[float, float]


def _gold_value(text: str) -> Value:
    text = text.strip()
    if "E" not in text and not text.startswith("-") and "-" in text:
        first, second = text.split("-", 1)
        return float(first), float(second)
    return float(text)


def _system_value(found: QuantityMatch) -> Value:
    if len(found.stated) == 2:
        return found.stated[0], found.stated[1]
    return found.stated[0]


#: Irregular superlatives -> the base adjective (CQE lemmatises unit phrases: "best" -> "good").
_SUPERLATIVES = {"best": "good", "worst": "bad", "most": "", "least": "", "furthest": "far",
                 "farthest": "far"}
_NOT_SUPERLATIVE = frozenset({"interest", "forest", "contest", "protest", "honest", "modest",
                              "west", "rest", "test", "request", "guest", "chest", "harvest",
                              "conquest", "arrest", "unrest", "inquest", "earnest"})


def _base_adjective(word: str) -> str:
    """"largest" -> "large", "biggest" -> "big", "happiest" -> "happy", "best" -> "good"."""
    if word in _SUPERLATIVES:
        return _SUPERLATIVES[word]
    if not word.endswith("est") or len(word) < 6 or word in _NOT_SUPERLATIVE:
        return word
    stem = word[:-3]
    if stem.endswith("i"):
        return stem[:-1] + "y"
    if len(stem) > 2 and stem[-1] == stem[-2] and stem[-1] not in "aeiouls":
        return stem[:-1]  # biggest, hottest
    single_vowel = len(stem) > 2 and stem[-2] in "aeiou" and stem[-3] not in "aeiou"
    if stem.endswith(("rg", "ng")) and stem[-3] == "a" or (
            single_vowel and stem[-1] not in "aeiouwxyl"):
        return stem + "e"  # largest, strangest; latest, widest, closest, safest
    return stem


def unit_name(found: QuantityMatch, text: str) -> str:
    """Our stated unit in NewsQuant's naming ("-" for none)."""
    name = found.stated_unit
    if found.dimension == "percent" and found.unit == "percent" and name not in (
            "percentage", "percentage point", "basis point"):
        # A share written as a fraction ("two-thirds of the voters", "one out of three
        # Germans"): NewsQuant names it "%" plus what it is a share of ("-" for nothing).
        return "% " + (name.lower() if name else "-")
    if name is None:
        return "-"
    if found.thing is not None and found.dimension == "count":
        words = [_base_adjective(w) for w in name.lower().split()]
        words = [w for w in words if w]
        per = words.index("per") if "per" in words else len(words)
        words[per - 1] = singular(words[per - 1])
        return " ".join(words)
    if name.startswith("penny") and re.search(r"\dp\b|\d\s+p\b", text[found.start : found.end]):
        # CQE's unit list reads the symbol "p" as "point" (and the word "pence" as "penny").
        name = "point" + name[len("penny"):]
    return UNIT_NAMES.get(name, name).lower()


def _values_match(gold: Value, system: Value) -> bool:
    if isinstance(gold, tuple) != isinstance(system, tuple):
        return False
    if isinstance(gold, tuple) and isinstance(system, tuple):
        return all(math.isclose(g, s, rel_tol=1e-5, abs_tol=1e-8) for g, s in zip(gold, system, strict=True))
    assert isinstance(gold, float) and isinstance(system, float)
    return math.isclose(gold, system, rel_tol=1e-5, abs_tol=1e-8)


def _f1(correct: int, system: int, gold: int) -> tuple[float, float, float]:
    precision = correct / system if system else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _load(data: Path) -> list[dict[str, Any]]:
    path = data
    if data.is_dir():
        candidates = sorted(data.rglob("NewsQuant.json"))
        if not candidates:
            raise EvalError(f"no NewsQuant.json under {data}")
        path = candidates[0]
    try:
        items = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvalError(f"cannot read {path}: {exc}") from exc
    if not isinstance(items, list):
        raise EvalError(f"{path}: expected a JSON list of sentences")
    return items


def score_items(items: list[dict[str, Any]], *, details: bool = False) -> dict[str, Any]:
    """Tag every sentence and compute value and value+unit P/R/F1."""
    n_gold = n_system = value_ok = unit_ok = strict_ok = 0
    errors: list[dict[str, Any]] = []
    for item in items:
        text = item["text"]
        gold = sorted(item.get("quantities", []), key=lambda q: q["normalized_unit"])
        found = scan_quantities(text)
        system = sorted(((_system_value(f), unit_name(f, text), f) for f in found),
                        key=lambda t: t[1])
        n_gold += len(gold)
        n_system += len(system)
        remaining = list(system)
        budget = len(gold)
        used_strict: set[int] = set()
        for quantity in gold:
            g_value = _gold_value(quantity["value"])
            g_unit = quantity["normalized_unit"].lower()
            for index, (s_value, _, _) in enumerate(system):
                if index not in used_strict and _values_match(g_value, s_value):
                    used_strict.add(index)
                    strict_ok += 1
                    break
            for candidate in remaining:
                if not _values_match(g_value, candidate[0]):
                    continue
                if budget > 0:
                    value_ok += 1
                    budget -= 1
                if candidate[1] == g_unit:
                    unit_ok += 1
                    remaining.remove(candidate)
                    break
        if details:
            errors.append({"text": text,
                           "gold": [(q["value"], q["normalized_unit"]) for q in gold],
                           "system": [(v, u, text[f.start:f.end]) for v, u, f in system]})
    vp, vr, vf = _f1(value_ok, n_system, n_gold)
    up, ur, uf = _f1(unit_ok, n_system, n_gold)
    sp, sr, sf = _f1(strict_ok, n_system, n_gold)
    result: dict[str, Any] = {
        "value_f1": vf, "value_precision": vp, "value_recall": vr,
        "value_unit_f1": uf, "value_unit_precision": up, "value_unit_recall": ur,
        "value_f1_one_to_one": sf,
        "sentences": len(items), "gold_quantities": n_gold, "system_quantities": n_system,
    }
    if details:
        result["items"] = errors
    return result


def evaluate(data: Path, options: Options, **kwargs: Any) -> dict[str, Any]:
    """Score the quantity normaliser on NewsQuant-format data."""
    return score_items(_load(Path(data)), details=bool(kwargs.get("details", False)))
