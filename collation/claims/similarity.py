"""Pairwise similarity of a story's claims, the input of alignment (``align``).

    sim = W_EMBED * cosine(embeddings) + W_LEX * words + W_SLOT * slots
          - TOPIC_PENALTY    (the pair shares only the story's topic)
          + PLACE_BONUS      (both locate something at one specific town or site)
          - SAME_DOC_PENALTY (two body claims of one document, or of copies of one report)

* ``cosine``: the sentence model shipped on PyPI (``nlp.models.embed``);
* ``words``: weighted overlap of content words (five-letter stems);
* ``slots``: mean agreement of what both claims fill: named entities of one kind
  (``entity_agreement``; nearby places and a capital used for its government count as
  one), a time, a figure (``_slot_agreement``). Without slots the slot weight goes to the
  embedding.

Words and entities are weighted by how much they say about *which fact* a claim states,
not just what the story is about (``item_weights``): the inverse of how many claims use
them (IDF), times their *specificity*, which falls when a document uses the item in many
of its claims and, for words, when the word is common in general English
(``background_rarity``). "drone", "Russia" and "Ukraine" appear in several claims of
every report of a drone story; a fact every outlet reports ("hundreds of drones", "the
Caspian Sea") appears about once per report. A pair that shares nothing specific (no
specific word or entity, no same time or figure, no specific place) is topic-only:
sentence embeddings rate such pairs high ("Ukraine downed most drones" against "Russia
accused Ukraine of drone attacks", 0.77), so they lose ``TOPIC_PENALTY`` unless their
cosine is that of a close paraphrase (``STRONG_COSINE``).

Where a claim locates something ("in X", "near X", "at X", "this is X") is a slot of its
own: two claims of different reports that locate something at the same specific town or
site (one entity, or places within ``conflict_rules.SAME_PLACE_KM``) gain up to
``PLACE_BONUS``, because reports give one site under different names ("near Yelabuga",
"in the Alabuga zone") that no sentence model knows to be one place. The bonus is full
for a place as specific as a fact and shrinks for a story's recurring place, and needs
a minimal topical relation (``PLACE_MIN_COSINE``).

Sums over sets are taken in sorted order, so the result does not depend on hashing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..config import Options
from ..records import Claim, Document, Entity
from . import conflict_rules as rules
from .common import claim_text, embed_texts, quote_words, speaker_key, word_overlap, words

#: Weights of the similarity terms. The lexical term counters the topic bias of sentence
#: embeddings (every sentence of a drone story is "about drones").
W_EMBED, W_LEX, W_SLOT = 0.55, 0.25, 0.20
#: Slot agreement of two claims that give a time or figure of one kind, different values.
SLOT_FILLED = 0.5
#: Cosine, or content-word overlap, above which two direct quotes by one speaker render
#: one statement.
QUOTE_COSINE = 0.8
QUOTE_OVERLAP = 0.5
#: Similarity given to such a pair so that they always align.
SAME_QUOTE_SIM = 0.95
#: Subtracted from the similarity of two body claims of one document (an article rarely
#: states one fact twice in its body; a headline restating the lead is the exception).
SAME_DOC_PENALTY = 0.15
#: An item (word or entity) used in at most this many claims of each document that uses
#: it is fully specific; above, its specificity falls with the square of the ratio.
SPECIFIC_USES = 2.0
#: Specificity from which a shared item counts as evidence that two claims state one fact.
SPECIFIC_MIN = 0.5
#: Subtracted from topic-only pairs (nothing specific shared) below ``STRONG_COSINE``.
TOPIC_PENALTY = 0.12
STRONG_COSINE = 0.85
#: Added when two claims of different documents locate something at one specific place.
PLACE_BONUS = 0.25
PLACE_MIN_COSINE = 0.1
#: Reference weight of an entity: one in a tenth of the claims, fully specific. Entity
#: sets lighter than ``ENTITY_MIN`` of it (only the story's main actors) are no slot.
ENTITY_REF_SHARE = 0.1
ENTITY_MIN = 0.5
#: General-English Zipf frequency of a common word ("war" 5.5, "said" 6.0), and the
#: least rarity a word keeps (``background_rarity``).
COMMON_ZIPF = 6.0
MIN_RARITY = 0.15
#: Words that do not make a proper-noun key in the no-entities fallback.
_STOP_CAPS = frozenset(
    {"the", "a", "an", "this", "that", "these", "it", "he", "she", "they", "we", "in", "on",
     "but", "and", "according", "as", "at", "from", "last", "after", "before", "since"}
)


def content_stems(text: str) -> frozenset[str]:
    """Content words cut to their first five letters (a crude stemmer that matches
    "operational"/"operate", "materials"/"material" without a lemmatiser)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w[:5] for w in words(text) if w not in STOP_WORDS and len(w) > 1)


def _entity_keymap(entities: Sequence[Entity]) -> dict[str, str]:
    """Entity id -> agreement key: nearby places share one (``place_keys``), and a capital
    used for its government ("Tehran provided ...", ``metonym_for`` "government of Iran")
    counts as the country, so it weighs as little as "Iran" does in an Iran story."""
    keymap = rules.place_keys(entities) if entities else {}
    by_name = {
        e.name.lower(): e.id for e in sorted(entities, key=lambda e: e.id) if e.geo is not None
    }
    for entity in entities:
        if entity.metonym_for:
            country = entity.metonym_for.lower().rsplit(" of ", 1)[-1].strip()
            target = by_name.get(country)
            keymap[entity.id] = keymap.get(target, target) if target else "gov:" + country
    return keymap


def entity_keys(
    claim: Claim, mention_entity: Mapping[tuple[str, int, int], str], keymap: Mapping[str, str]
) -> frozenset[str]:
    """Keys of what a claim names: its entity ids (1), entities whose mentions fall inside
    its span (2), else capitalised words of its text (3)."""
    # 1. the extractor already linked the claim's mentions
    ids = set(claim.entities) | set(claim.places)
    # 2. mentions of resolved entities inside the span
    if not ids and mention_entity:
        for (doc, start, end), eid in mention_entity.items():
            if doc == claim.span.doc and claim.span.start <= start and end <= claim.span.end:
                ids.add(eid)
    if ids:
        return frozenset("E:" + keymap.get(i, i) for i in ids)
    # 3. no entity stage: proper-noun-looking words stand in for entities
    toks = claim_text(claim).split()
    caps = {
        w.strip(".,;:\"'()\u201c\u201d\u2019").lower()
        for k, w in enumerate(toks)
        if k > 0 and w[:1].isupper()
    }
    return frozenset("E:~" + w for w in caps if w and w not in _STOP_CAPS)


def item_weights(
    items: Sequence[frozenset[str]], docs: Sequence[str], background: Mapping[str, float],
) -> tuple[dict[str, float], dict[str, float]]:
    """Weight (IDF x specificity) and specificity of every item of the story's claims.

    ``items[i]`` are the words or entity keys of the claim from document ``docs[i]``.
    IDF counts claims. Specificity is ``min(1, (SPECIFIC_USES / uses) ** 2)``, where
    ``uses`` is the mean number of claims per document that use the item over the
    documents that use it at all, times ``background[item]`` (1 when absent), how rare
    the word is in general English: in a small story "war" or "month" can be as rare
    as "Caspian", but they say much less about which fact a sentence states.
    """
    n = len(items)
    per_doc: dict[str, dict[str, int]] = {}
    for keys, doc in zip(items, docs, strict=True):
        for key in keys:
            counts = per_doc.setdefault(key, {})
            counts[doc] = counts.get(doc, 0) + 1
    weight: dict[str, float] = {}
    specificity: dict[str, float] = {}
    for key, counts in per_doc.items():
        df = sum(counts.values())
        uses = df / len(counts)
        spec = min(1.0, (SPECIFIC_USES / uses) ** 2) * background.get(key, 1.0)
        specificity[key] = spec
        weight[key] = math.log((n + 1) / (df + 0.5)) * spec
    return weight, specificity


def background_rarity(texts: Sequence[str]) -> dict[str, float]:
    """Stem -> rarity in general English, from the Zipf frequency of the most common word
    of the texts with that stem (``wordfreq``): 1 up to ``COMMON_ZIPF`` - 1.5, falling
    linearly to ``MIN_RARITY`` at ``COMMON_ZIPF`` ("war" 5.5, "said" 6.0). Without
    wordfreq every word counts as rare."""
    from spacy.lang.en.stop_words import STOP_WORDS

    try:
        from wordfreq import zipf_frequency
    except ImportError:  # optional: the usage statistics still apply
        return {}
    zipf: dict[str, float] = {}
    for text in texts:
        for w in words(text):
            if w in STOP_WORDS or len(w) <= 1:
                continue
            z = zipf_frequency(w, "en")
            zipf[w[:5]] = max(zipf.get(w[:5], 0.0), z)
    return {
        stem: min(1.0, max(MIN_RARITY, (COMMON_ZIPF - z) / 1.5)) for stem, z in zipf.items()
    }


_NO_KEYS: frozenset[str] = frozenset()


def entity_agreement(
    a: frozenset[str], b: frozenset[str], weight: Mapping[str, float], reference: float,
    kind: Mapping[str, str] | None = None,
) -> float | None:
    """Weighted overlap of the entities of one kind (place, actor, other: ``kind``) that
    both claims name, averaged over the kinds both fill; None when they fill none.

    A kind counts only when both claims name something of it that weighs at least
    ``ENTITY_MIN`` of ``reference``. Like a time or a figure, the slot counts only when
    both claims fill it: two claims that name only the story's main actors ("Ukraine" and
    "Ukraine") agree on nothing in particular, however equal their sets; a claim that
    adds a weapon the other does not name is not contradicting it; two claims that put
    something in different towns disagree.
    """
    kinds = kind or {}
    return _group_agreement(
        _kind_groups(a, weight, kinds), _kind_groups(b, weight, kinds), weight, reference
    )


def _kind_groups(
    keys: frozenset[str], weight: Mapping[str, float], kinds: Mapping[str, str]
) -> dict[str, tuple[frozenset[str], float]]:
    """Entity kind -> the keys of that kind and their summed weight."""
    by_kind: dict[str, set[str]] = {}
    for key in keys:
        by_kind.setdefault(kinds.get(key, "other"), set()).add(key)
    return {
        group: (frozenset(members), sum(weight.get(k, 0.0) for k in sorted(members)))
        for group, members in by_kind.items()
    }


def _group_agreement(
    ga_map: Mapping[str, tuple[frozenset[str], float]],
    gb_map: Mapping[str, tuple[frozenset[str], float]],
    weight: Mapping[str, float], reference: float,
) -> float | None:
    """``entity_agreement`` on keys already grouped by kind (``_kind_groups``)."""
    scores = []
    for group in sorted(ga_map.keys() | gb_map.keys()):
        ga, wa = ga_map.get(group, (_NO_KEYS, 0.0))
        gb, wb = gb_map.get(group, (_NO_KEYS, 0.0))
        if reference > 0 and min(wa, wb) < ENTITY_MIN * reference:
            continue
        if not ga or not gb or wa + wb <= 0:
            scores.append(0.0)  # weighted Dice of an empty side
        else:
            scores.append(2 * sum(weight.get(k, 0.0) for k in sorted(ga & gb)) / (wa + wb))
    return sum(scores) / len(scores) if scores else None


def entity_kinds(entities: Sequence[Entity], keymap: Mapping[str, str]) -> dict[str, str]:
    """Entity key -> place, actor or other (what ``entity_agreement`` compares apart)."""
    out: dict[str, str] = {}
    for entity in sorted(entities, key=lambda e: e.id):
        if entity.type in ("GPE", "LOC", "FAC") or entity.geo is not None:
            group = "place"
        elif entity.type in ("PERSON", "ORG", "NORP"):
            group = "actor"
        else:
            group = "other"
        out.setdefault("E:" + keymap.get(entity.id, entity.id), group)
    return out


def _same_time(ta: Any, tb: Any) -> bool:
    return bool((ta.start, ta.end) == (tb.start, tb.end))


def _same_value(x: Any, y: Any) -> bool:
    return bool((x.low, x.high) == (y.low, y.high))


def _same_slot_quantities(a: Claim, b: Claim) -> list[tuple[Any, Any]]:
    return [
        (x, y) for x in a.quantities for y in b.quantities
        if rules.quantities_compatible(x, y) is not None and rules.same_thing(x, y)
    ]


#: "This is (the) (Russian) X": a copula naming the place identifies where something is.
_IDENTIFIES = re.compile(r"\b(?:is|are|was|were)\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+)?$")


def located_keys(
    claims: Sequence[Claim], documents: Sequence[Document], entities: Sequence[Entity],
) -> tuple[list[frozenset[str]], dict[str, set[str]]]:
    """Per claim, the keys of the towns, zones and sites it locates something at ("in X",
    "near X", "at X", "this is X"; nearby places share a key,
    ``conflict_rules.place_keys``), and for each key the entity ids behind it."""
    if not documents or not entities:
        return [frozenset() for _ in claims], {}
    finder = rules.PlaceFinder(documents, entities)
    behind: dict[str, set[str]] = {}
    for eid, key in finder.keys.items():
        behind.setdefault(key, set()).add(eid)
    out: list[frozenset[str]] = []
    for claim in claims:
        if claim.span.doc not in finder.text:
            out.append(frozenset())
            continue
        text = finder.text[claim.span.doc]
        out.append(
            frozenset(
                p.key for p in finder.in_range(claim.span.doc, claim.span.start, claim.span.end)
                if p.geo is not None and p.geo.feature in rules.POINT_FEATURES
                and (
                    rules.role_of(text, p.span.start) == "location"
                    or _IDENTIFIES.search(text, max(0, p.span.start - 40), p.span.start)
                )
            )
        )
    return out, behind


def similarity_matrix(
    claims: Sequence[Claim], entities: Sequence[Entity], options: Options,
    documents: Sequence[Document] = (), origins: Mapping[str, str] | None = None,
) -> Any:
    """Pairwise claim similarity (numpy array), in the order of ``claims``.

    ``origins`` (document id -> independence group) extends the same-document penalty to
    copies of one report: a wire story and its reprint state each fact once between them.
    """
    import numpy as np

    texts = [claim_text(c) for c in claims]
    vectors = np.asarray(
        embed_texts(texts, options.embedding_model, options.batch_size), dtype="float32"
    ).reshape(len(texts), -1)
    cos = np.clip(vectors @ vectors.T, -1.0, 1.0)
    mention_entity = {(s.doc, s.start, s.end): e.id for e in entities for s in e.mentions}
    keymap = _entity_keymap(entities)
    keys = [entity_keys(c, mention_entity, keymap) for c in claims]
    kinds = entity_kinds(entities, keymap)
    stems = [content_stems(t) for t in texts]
    items = [s | k for s, k in zip(stems, keys, strict=True)]
    docs = [c.span.doc for c in claims]
    weight, specificity = item_weights(items, docs, background_rarity(texts))
    n = len(claims)
    reference = math.log((n + 1) / (n * ENTITY_REF_SHARE + 0.5)) if n else 0.0
    reference = min(reference, math.log((n + 1) / 2.5)) if n > 1 else 0.0
    places, behind = located_keys(claims, documents, entities)
    # A located place is as specific as the entity behind it: "near Moscow" in a story
    # that names Moscow in many claims of every report says little.
    place_spec = {
        key: min(
            (specificity[k] for e in ids if (k := "E:" + keymap.get(e, e)) in specificity),
            default=1.0,
        )
        for key, ids in behind.items()
    }
    # Python lists, not numpy arrays, inside the quadratic loop: setting one numpy element
    # costs more than computing it. Converted to float32 once at the end.
    lex_rows = [[0.0] * n for _ in range(n)]
    slot_rows = [[0.0] * n for _ in range(n)]
    has_rows = [[False] * n for _ in range(n)]
    adjust_rows = [[0.0] * n for _ in range(n)]
    pre = [
        _Precomputed.of(c, k, st, it, weight, specificity, kinds)
        for c, k, st, it in zip(claims, keys, stems, items, strict=True)
    ]
    cos_rows = cos.tolist()
    for i in range(n):
        pi, row = pre[i], cos_rows[i]
        lex_i, slot_i, has_i, adjust_i = lex_rows[i], slot_rows[i], has_rows[i], adjust_rows[i]
        for j in range(i + 1, n):
            pj = pre[j]
            shared = stems[i] & stems[j]
            if shared and pi.stem_weight + pj.stem_weight > 0:
                lex_i[j] = lex_rows[j][i] = (
                    2 * sum(weight.get(k, 0.0) for k in sorted(shared))
                    / (pi.stem_weight + pj.stem_weight)
                )
            value = _slot_agreement(claims[i], claims[j], pi, pj, weight, reference)
            if value is not None:
                slot_i[j] = slot_rows[j][i] = value
                has_i[j] = has_rows[j][i] = True
            place = max(
                (place_spec.get(p, 1.0) for p in places[i] & places[j]), default=0.0
            ) if places[i] and docs[i] != docs[j] else 0.0
            shared_place = place >= SPECIFIC_MIN
            delta = 0.0
            if shared_place and row[j] >= PLACE_MIN_COSINE:
                # In full for a place as specific as a fact; less for the story's
                # recurring places.
                delta += PLACE_BONUS * (place - SPECIFIC_MIN) / (1.0 - SPECIFIC_MIN)
            if row[j] < STRONG_COSINE and not _specific_evidence(
                claims[i], claims[j], pi, pj, shared_place
            ):
                delta -= TOPIC_PENALTY
            adjust_i[j] = adjust_rows[j][i] = delta
    lex = np.array(lex_rows, dtype="float32").reshape(n, n)
    slot = np.array(slot_rows, dtype="float32").reshape(n, n)
    has_slot = np.array(has_rows, dtype=bool).reshape(n, n)
    adjust = np.array(adjust_rows, dtype="float32").reshape(n, n)
    with_slot = W_EMBED * cos + W_LEX * lex + W_SLOT * slot
    without = (W_EMBED + W_SLOT) * cos + W_LEX * lex
    sim = np.where(has_slot, with_slot, without) + adjust
    doc = np.array([(origins or {}).get(d, d) for d in docs])
    body = np.array([c.segment != "headline" for c in claims])
    same_body = (doc[:, None] == doc[None, :]) & body[:, None] & body[None, :]
    sim = np.where(same_body, sim - SAME_DOC_PENALTY, sim)
    # One speaker's direct quotes that render one statement (translations, transcription
    # differences) belong together whatever the rest of the sentence says.
    for i, j in same_quote_pairs(claims, cos):
        sim[i, j] = sim[j, i] = max(float(sim[i, j]), SAME_QUOTE_SIM)
    np.fill_diagonal(sim, 1.0)
    return sim


@dataclass(frozen=True, slots=True)
class _Precomputed:
    """What the pair loop of ``similarity_matrix`` needs of one claim, computed once
    (the loop is quadratic in the story's claims)."""

    stem_weight: float
    keys: frozenset[str]
    groups: dict[str, tuple[frozenset[str], float]]
    """Entity kind -> the claim's keys of that kind and their weight."""
    specific: frozenset[str]
    """Items specific enough to pick out one fact (``SPECIFIC_MIN``)."""
    time: Any

    @classmethod
    def of(
        cls, claim: Claim, keys: frozenset[str], stems: frozenset[str], items: frozenset[str],
        weight: Mapping[str, float], specificity: Mapping[str, float], kinds: Mapping[str, str],
    ) -> _Precomputed:
        return cls(
            stem_weight=sum(weight.get(k, 0.0) for k in sorted(stems)),
            keys=keys,
            groups=_kind_groups(keys, weight, kinds),
            specific=frozenset(k for k in items if specificity.get(k, 0.0) >= SPECIFIC_MIN),
            time=rules.event_time(claim),
        )


def _slot_agreement(
    a: Claim, b: Claim, pa: _Precomputed, pb: _Precomputed,
    weight: Mapping[str, float], reference: float,
) -> float | None:
    """Mean agreement of the slots both claims fill, or None when they share none.

    Entities count by ``entity_agreement``. Times and figures count fully when both
    claims give the same value and ``SLOT_FILLED`` when both fill the slot with different
    values (both dated; both give a figure of one unit and thing): a disagreeing value
    must not pull two reports of one fact apart, or the conflict between them would never
    be found, but "hundreds of drones" twice is better evidence than "hundreds" against
    "400".
    """
    scores = []
    if pa.keys and pb.keys:
        agreement = _group_agreement(pa.groups, pb.groups, weight, reference)
        if agreement is not None:
            scores.append(agreement)
    if pa.time is not None and pb.time is not None:
        scores.append(1.0 if _same_time(pa.time, pb.time) else SLOT_FILLED)
    if a.quantities and b.quantities:
        same_slot = _same_slot_quantities(a, b)
        if same_slot:
            scores.append(1.0 if any(_same_value(x, y) for x, y in same_slot) else SLOT_FILLED)
    return sum(scores) / len(scores) if scores else None


def _specific_evidence(
    a: Claim, b: Claim, pa: _Precomputed, pb: _Precomputed, shared_place: bool
) -> bool:
    """Whether two claims share something that picks out one fact: a specific word or
    entity, the same figure or date, or a specific place they locate something at."""
    if shared_place or pa.specific & pb.specific:
        return True
    if pa.time is not None and pb.time is not None and _same_time(pa.time, pb.time):
        return True
    if not (a.quantities and b.quantities):
        return False
    return any(_same_value(x, y) for x, y in _same_slot_quantities(a, b))


def same_quote_pairs(claims: Sequence[Claim], cos: Any) -> list[tuple[int, int]]:
    """Index pairs of direct quotes by one speaker, in two documents, that are close
    renderings of one statement (cosine at least ``QUOTE_COSINE``, or half their content
    words shared)."""
    quoted = [
        (i, speaker_key(c)) for i, c in enumerate(claims)
        if c.quote == "direct" and c.quote_span is not None
    ]
    pairs = []
    for x, (i, ki) in enumerate(quoted):
        for j, kj in quoted[x + 1 :]:
            if ki is not None and ki == kj and claims[i].span.doc != claims[j].span.doc:
                overlap = word_overlap(quote_words(claims[i]), quote_words(claims[j]))
                if float(cos[i, j]) >= QUOTE_COSINE or overlap >= QUOTE_OVERLAP:
                    pairs.append((i, j))
    return pairs
