"""ClaimDiff scorer: ``collate eval claimdiff --data .../claimdiff``.

Data: JSON files ``{"data": [{"claim_a", "claim_b", "relation", ...}]}``; files under
``ClaimDiff-S`` (or named ``*strength*``) label whether the pair is a *strengthen* pair,
files under ``ClaimDiff-W`` (``*weak*``) whether it is a *weaken* pair. The same pairs
appear in both with disjoint positives: a pair strengthens, weakens, or is unrelated.
Two claims from different outlets on one topic stand in for cross-outlet divergence.

Prediction uses the claims stage, no training:

1. related: cosine of the two claims' sentence embeddings (``nlp.models.embed``) at least
   ``RELATED`` (0.3, picked on the visible train split, where unrelated pairs have a
   median cosine of 0.29 and related ones about 0.45);
2. a related pair *weakens* when the two claims differ in polarity (a denial or negation
   on one side only), when one of them disputes a claim ("rejected the claim", "false",
   "baseless"), or when they give incompatible figures
   (``conflict_rules.quantities_compatible``). A hedge on one side only was tried as a
   fourth signal on the visible split and dropped: it fired on a third of all pairs;
3. a related pair that does not weaken *strengthens*.

Metrics per subset (``strength``, ``weak``): accuracy, precision, recall and F1 of the
positive class, with the majority-class accuracy for reference; ``f1`` and ``accuracy``
are the means over the subsets present.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Options
from ..errors import EvalError

#: Cosine above which two claims are taken to be about one thing.
RELATED = 0.3
#: Words that dispute what someone else claims. Plain contrast markers ("but",
#: "however") are left out: news uses them inside one side of a story all the time.
OPPOSING = frozenset(
    {
        "rejected", "rejects", "reject", "denied", "denies", "deny", "disputed", "disputes",
        "dispute", "refuted", "refutes", "dismissed", "dismisses", "contrary", "false",
        "falsely", "misleading", "contradicts", "contradicted", "unfounded", "baseless",
        "debunked", "disproved",
    }
)


@dataclass(frozen=True)
class Features:
    """What the claims stage reads from one claim text."""

    negative: bool
    hedged: bool
    opposing: bool
    quantities: tuple[Any, ...]


def _subset(path: Path) -> str | None:
    name = (path.parent.name + "/" + path.name).lower()
    if "strength" in name or "claimdiff-s/" in name:
        return "strength"
    if "weak" in name or "claimdiff-w/" in name:
        return "weak"
    return None


def _load(data: Path) -> dict[str, list[dict[str, Any]]]:
    files = [data] if data.is_file() else sorted(data.rglob("*.json"))
    out: dict[str, list[dict[str, Any]]] = {}
    for path in files:
        subset = _subset(path)
        if subset is None:
            continue
        try:
            items = json.loads(path.read_text(encoding="utf-8")).get("data", [])
        except (OSError, json.JSONDecodeError, AttributeError) as exc:
            raise EvalError(f"cannot read ClaimDiff file {path}: {exc}") from exc
        out.setdefault(subset, []).extend(
            x for x in items if {"claim_a", "claim_b", "relation"} <= set(x)
        )
    return out


def _features(texts: list[str], options: Options) -> dict[str, Features]:
    """Polarity, modality, opposition and figures of each text via the claims stage."""
    from ..claims.common import words
    from ..claims.extract import extract_claims
    from ..ids import document_id
    from ..nlp.models import load_spacy
    from ..nlp.parse import parse_documents
    from ..records import Document, Segment

    quantities_of: Callable[[Document], list[Any]] | None
    try:
        from ..nlp.quantities import extract_quantities as quantities_of
    except ImportError:  # quantity stage not installed: figures are not compared
        quantities_of = None

    docs = [
        Document(
            id=document_id(t), source="claimdiff", title=None, outlet=None, url=None,
            published=None, published_basis=None, language="en", text=t,
            segments=(Segment(0, len(t), "body"),),
        )
        for t in texts
    ]
    parsed = parse_documents(docs, load_spacy(options.spacy_model), batch_size=options.batch_size)
    out = {}
    for doc in docs:
        claims = extract_claims(doc, parsed.get(doc.id, []))
        quantities = tuple(quantities_of(doc)) if quantities_of is not None else ()
        out[doc.text] = Features(
            negative=any(c.polarity == "negative" for c in claims),
            hedged=any(c.modality == "hedged" for c in claims),
            opposing=bool(set(words(doc.text)) & OPPOSING),
            quantities=quantities,
        )
    return out


def _weakens(a: Features, b: Features) -> bool:
    from ..claims.conflict_rules import quantities_compatible, same_thing

    if a.negative != b.negative or a.opposing or b.opposing:
        return True
    return any(
        same_thing(x, y) and quantities_compatible(x, y) is False
        for x in a.quantities for y in b.quantities
    )


def evaluate(data: Path, options: Options, **kwargs: Any) -> dict[str, Any]:
    """Score strengthen/weaken prediction per subset (see the module docstring)."""
    from ..claims.common import embed_texts

    subsets = _load(Path(data))
    if not subsets:
        raise EvalError(f"no ClaimDiff strength/weak JSON files under {data}")
    limit = kwargs.get("limit")
    if limit:
        subsets = {k: v[: int(limit)] for k, v in subsets.items()}
    texts = sorted({x[k] for items in subsets.values() for x in items for k in ("claim_a", "claim_b")})
    vectors = dict(zip(texts, embed_texts(texts, options.embedding_model, options.batch_size), strict=True))
    feats = _features(texts, options)
    out: dict[str, Any] = {}
    f1s, accs = [], []
    for subset, items in sorted(subsets.items()):
        tp = fp = fn = tn = 0
        for item in items:
            a, b = item["claim_a"], item["claim_b"]
            related = float(vectors[a] @ vectors[b]) >= RELATED
            weak = related and _weakens(feats[a], feats[b])
            pred = weak if subset == "weak" else related and not weak
            gold = bool(item["relation"])
            tp += pred and gold
            fp += pred and not gold
            fn += gold and not pred
            tn += not pred and not gold
        n = tp + fp + fn + tn
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = (tp + tn) / n if n else 0.0
        positives = tp + fn
        out.update({
            f"{subset}_pairs": n,
            f"{subset}_positives": positives,
            f"{subset}_accuracy": acc,
            f"{subset}_precision": p,
            f"{subset}_recall": r,
            f"{subset}_f1": f,
            f"{subset}_majority_accuracy": max(positives, n - positives) / n if n else 0.0,
        })
        f1s.append(f)
        accs.append(acc)
    out["f1"] = sum(f1s) / len(f1s)
    out["accuracy"] = sum(accs) / len(accs)
    out["related_threshold"] = RELATED
    return out
