"""PolNeAR attribution scorer: ``collate eval attribution --data .../polnear/data/dev``.

Data: a split folder with ``text/NAME.txt`` and ``attributions/NAME_XXXX.ann`` (brat
standoff; ``XXXX`` names the annotator). ``T`` lines are spans typed Source, Cue, Content
(Content may be discontinuous: ``start end;start end``); ``E`` lines tie them into one
attribution (``Attribution:T4 Content:T3 Cue:T2 Source:T1``; ``Attribution-no-source``
has no Source; ``Content2`` adds a second content span). When several annotators did one
text, the first annotation file in name order is the gold, so each text counts once.

Prediction: the text is split into paragraphs (the first is the headline), parsed with the
configured spaCy pipeline, and ``claims.attribution.find_frames`` runs on every sentence,
with stance and intention cues ("urged", "wants", "praised") switched on because PolNeAR
annotates them. PolNeAR is univocal, so only outermost frames count and cues inside
quotations are dropped.
A frame gives a source span (or none), a cue span (the cue with its auxiliaries, "has
learned") and a content span (the hull of its content tokens; the previous sentence for
"This was reported by X").

Metrics (fractions in [0, 1], one-to-one greedy matching):

* ``f1`` (with ``precision``, ``recall``): whole attributions, matched when source, cue and
  content spans all overlap (a missing source matches a missing source);
* ``source_f1``, ``cue_f1``, ``content_f1``: each span type on its own, matched by overlap;
* ``exact_f1`` and ``*_exact_f1``: the same with exact boundaries, after trimming
  whitespace, punctuation and quote marks at both ends of both spans.

PolNeAR reports 92.3 % attribution-wise agreement between annotators (README).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Options
from ..errors import EvalError

HUMAN_AGREEMENT = 0.923
_TRIM = " \t\n\r.,;:!?\"'\u201c\u201d\u2018\u2019()[]\u2014-"

Span = tuple[int, int]


@dataclass(frozen=True)
class Attr:
    """One attribution as character spans (a span list may be empty or discontinuous)."""

    source: tuple[Span, ...]
    cue: tuple[Span, ...]
    content: tuple[Span, ...]


def read_ann(text: str) -> list[Attr]:
    """Attributions of one brat standoff file."""
    spans: dict[str, tuple[str, tuple[Span, ...]]] = {}
    events = []
    for line in text.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            head = parts[1].split(" ", 1)
            if len(head) < 2:
                continue
            label, ranges = head
            pieces = []
            for rng in ranges.split(";"):
                a, b = rng.split()
                pieces.append((int(a), int(b)))
            spans[parts[0]] = (label, tuple(pieces))
        elif line.startswith("E") and len(parts) >= 2:
            events.append(parts[1].split())
    out = []
    for roles in events:
        got: dict[str, list[Span]] = {"Source": [], "Cue": [], "Content": []}
        for role in roles:
            if ":" not in role:
                continue
            name, ref = role.split(":", 1)
            if ref not in spans:
                continue
            name = re.sub(r"\d+$", "", name)
            if name in got:
                got[name].extend(spans[ref][1])
        if got["Cue"] or got["Content"]:
            out.append(Attr(tuple(got["Source"]), tuple(got["Cue"]), tuple(sorted(got["Content"]))))
    return out


def _trimmed(text: str, span: Span) -> Span:
    a, b = span
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


def _overlap(x: Iterable[Span], y: Iterable[Span]) -> bool:
    return any(a < d and c < b for a, b in x for c, d in y)


def _exact(text: str, x: tuple[Span, ...], y: tuple[Span, ...]) -> bool:
    tx = sorted(_trimmed(text, s) for s in x)
    ty = sorted(_trimmed(text, s) for s in y)
    return tx == ty


def _chars(doc: Any, offset: int, lo: int, hi: int) -> Span:
    """Text offsets of the token range ``[lo, hi)`` of a paragraph starting at ``offset``."""
    return offset + doc[lo].idx, offset + doc[hi - 1].idx + len(doc[hi - 1].text)


def predict(text: str, nlp: Any) -> list[Attr]:
    """Our attributions for one raw text (see the module docstring)."""
    from ..claims.attribution import find_frames, quote_regions

    out: list[Attr] = []
    # Wire copy writes quotation marks as doubled apostrophes (''Yes,'' he said), which
    # the tagger reads badly: parse a same-length copy with a plain quote mark instead.
    parsed_text = text.replace("''", '" ').replace("``", ' "')
    paragraphs = [
        (m.start(), m.group()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", parsed_text)
    ]
    docs = nlp.pipe([p for _, p in paragraphs], batch_size=32)
    previous: Span | None = None
    pending: list[tuple[tuple[Span, ...], tuple[Span, ...]]] = []
    for k, ((offset, _), doc) in enumerate(zip(paragraphs, docs, strict=True)):
        regions = quote_regions(doc.text)
        for sent in doc.sents:
            sent_span = (offset + sent.start_char, offset + sent.end_char)
            # "X says:" ending a line: its content is this sentence.
            out.extend(Attr(src, cue, (sent_span,)) for src, cue in pending)
            pending = []
            frames = find_frames(sent, regions, headline=k == 0, stance=True)
            # PolNeAR is univocal (a token belongs to one attribution): keep the outermost
            # frames only, and none whose cue is inside a quotation.
            frames = [
                f for f in frames if not any(a <= doc[f.cue[0]].idx < b for a, b in regions)
            ]
            inside = {i for f in frames for i in f.content}
            frames = [f for f in frames if f.cue[0] not in inside]
            for frame in frames:
                source = (_chars(doc, offset, *_source_tokens(doc, frame)),) if frame.source else ()
                cue = (_chars(doc, offset, *frame.cue_range),)
                if frame.kind == "next" and frame.cue_lemma == ":":
                    # "NY Daily News:" that the parser cut off: the rest of its line.
                    start = doc[frame.cue[0]].idx + 1
                    end = doc.text.find("\n", start)
                    end = len(doc.text) if end < 0 else end
                    out.append(Attr(source, cue, (_trimmed(text, (offset + start, offset + end)),)))
                    continue
                if frame.kind == "next":
                    pending.append((source, cue))
                    continue
                if frame.kind == "previous":
                    if previous is None:
                        continue
                    content: tuple[Span, ...] = (previous,)
                else:
                    toks = [i for i in frame.content if not doc[i].is_space]
                    if not toks:
                        continue
                    content = (_chars(doc, offset, min(toks), max(toks) + 1),)
                out.append(Attr(source, cue, content))
            previous = sent_span
    return out


def _source_tokens(doc: Any, frame: Any) -> tuple[int, int]:
    """The source's token range as PolNeAR marks it: a relative pronoun ("Barkley, who
    said ...") is the source there, where claims take its antecedent."""
    cue = doc[frame.cue[0]]
    if cue.dep_ == "relcl":
        for child in cue.children:
            if child.dep_ == "nsubj" and child.tag_ in ("WP", "WDT"):
                return child.i, child.i + 1
    assert frame.source is not None
    return frame.source[0], frame.source[1]


def _match(gold: list[Attr], pred: list[Attr], same: Any) -> int:
    """Greedy one-to-one matches under the predicate ``same(gold, pred)``."""
    used: set[int] = set()
    hits = 0
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and same(g, p):
                used.add(j)
                hits += 1
                break
    return hits


def _prf(hits: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(text, gold annotation) pairs, one annotation per text."""
    texts = {p.stem: p for p in folder.rglob("*.txt") if p.parent.name == "text"}
    chosen: dict[str, Path] = {}
    for ann in sorted(folder.rglob("*.ann")):
        stem = re.sub(r"_[0-9a-f]{4}$", "", ann.stem)
        if stem in texts and stem not in chosen:
            chosen[stem] = ann
    return [(texts[s], chosen[s]) for s in sorted(chosen)]


def evaluate(data: Path, options: Options, **kwargs: Any) -> dict[str, Any]:
    """Score our attribution frames against PolNeAR gold (see the module docstring)."""
    from ..nlp.models import load_spacy

    pairs = _pairs(Path(data))
    if not pairs:
        raise EvalError(f"no PolNeAR text/ + attributions/ pairs under {data}")
    limit = kwargs.get("limit")
    if limit:
        pairs = pairs[: int(limit)]
    nlp = load_spacy(options.spacy_model)
    counts = {k: 0 for k in ("gold", "pred", "f1", "exact", "source", "cue", "content",
                             "source_exact", "cue_exact", "content_exact", "gold_source",
                             "pred_source")}
    for text_path, ann_path in pairs:
        text = text_path.read_text(encoding="utf-8")
        gold = read_ann(ann_path.read_text(encoding="utf-8"))
        pred = predict(text, nlp)
        counts["gold"] += len(gold)
        counts["pred"] += len(pred)
        counts["f1"] += _match(gold, pred, lambda g, p: (
            _overlap(g.cue, p.cue) and _overlap(g.content, p.content)
            and (_overlap(g.source, p.source) if g.source or p.source else True)
        ))
        counts["exact"] += _match(gold, pred, lambda g, p, t=text: (
            _exact(t, g.cue, p.cue) and _exact(t, g.content, p.content)
            and _exact(t, g.source, p.source)
        ))
        for part in ("source", "cue", "content"):
            gs = [g for g in gold if getattr(g, part)]
            ps = [p for p in pred if getattr(p, part)]
            if part == "source":
                counts["gold_source"] += len(gs)
                counts["pred_source"] += len(ps)
            counts[part] += _match(gs, ps, lambda g, p, a=part: _overlap(getattr(g, a), getattr(p, a)))
            counts[part + "_exact"] += _match(
                gs, ps, lambda g, p, a=part, t=text: _exact(t, getattr(g, a), getattr(p, a))
            )
    n_gold, n_pred = counts["gold"], counts["pred"]
    precision, recall, f1 = _prf(counts["f1"], n_gold, n_pred)
    out: dict[str, Any] = {
        "documents": len(pairs),
        "gold_attributions": n_gold,
        "predicted_attributions": n_pred,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "exact_f1": _prf(counts["exact"], n_gold, n_pred)[2],
        "human_agreement": HUMAN_AGREEMENT,
    }
    for part in ("source", "cue", "content"):
        ng = counts["gold_source"] if part == "source" else n_gold
        np_ = counts["pred_source"] if part == "source" else n_pred
        p, r, f = _prf(counts[part], ng, np_)
        out[f"{part}_precision"], out[f"{part}_recall"], out[f"{part}_f1"] = p, r, f
        out[f"{part}_exact_f1"] = _prf(counts[part + "_exact"], ng, np_)[2]
    return out
