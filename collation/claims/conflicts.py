"""Conflicts: where reports disagree with each other, with themselves, or with the world.

Input: a story's documents, claims, propositions (``align``) and resolved entities.
Output: ``Conflict`` records sorted by kind then id, each with the competing values (exact
spans and normalised values), the claims involved and a one-line summary.

Checks, in order (``find_conflicts``; the value checks live in ``conflict_values``):

1. quantity: two figures for the same distance ("N km east of X", same X and a compatible
   located place) or for the same counted thing in two reports of one fact that cannot
   describe one value (``conflict_rules.quantities_compatible``);
2. reference: a stated distance between two resolved places against the great-circle
   distance from the gazetteer;
3. place: "near X" against a stated distance from X whose lower bound is beyond
   ``NEAR_MAX_KM``; two reports of one fact located in incompatible places;
4. time: two reports of one fact dated to non-overlapping intervals;
5. polarity: a party denies (or a report negates) what others assert;
6. quote: one speaker quoted with different words for the same statement;
7. modality: one proposition hedged in one outlet and stated as fact in another, when the
   two claims predicate the same thing (``same_predicate``); a source's "believes" or
   "estimates" is attribution, not a hedge (``modality.detect_modality``).

A factual disagreement (1, 3, 4, 5) whose values all come from one document is reported
as ``internal`` (typically a headline its own body contradicts). Compatible values never
conflict ("several hundred miles" fits both 900 and 1,100 km), and paraphrase alone
never does: wording differences count only for direct quotes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from ..records import CONFLICT_KINDS, Claim, Conflict, Document, Entity, Proposition
from ..unionfind import DisjointSets
from . import conflict_rules as rules
from . import conflict_values as values_check
from .common import (
    claim_text,
    quote_words,
    same_wording,
    speaker_key,
    speaker_name,
    word_overlap,
    wording_difference,
    words,
)
from .conflict_story import Story, docs_of, make_conflict, make_value, quoted
from .similarity import QUOTE_COSINE, QUOTE_OVERLAP

#: Similarity (embedding cosine) above which a denial is matched to an assertion.
POLARITY_SIM = 0.55
#: Similarity, or Dice overlap of content words, above which two quotes by one speaker
#: render the same statement (the thresholds alignment uses).
QUOTE_SIM = QUOTE_COSINE
#: Similarity a hedged and an asserted claim of one proposition must reach to be compared.
MODALITY_SIM = 0.5
#: Most assertions listed against one denial.
MAX_COUNTERPARTS = 6


def _denier(claim: Claim) -> tuple[str | None, list[str]]:
    """Key and name words of who denies (the innermost link), for the party test."""
    if not claim.chain:
        return None, []
    link = claim.chain[-1]
    return link.entity, words(link.source)


class _Positive:
    """An assertion and what the denial test asks of it, computed once per story: a
    story of hundreds of articles pairs every denial with thousands of assertions."""

    __slots__ = ("claim", "speaker", "words", "text", "predicates")

    def __init__(self, claim: Claim, story: Story) -> None:
        self.claim = claim
        self.speaker = speaker_key(claim)
        self.words = frozenset(words(claim.span.text))
        self.text = claim_text(claim)
        self.predicates = story.predicates(claim.span.text)


class _Assertions:
    """A story's assertions, indexed by verb class and by id, so that a denial is only
    tested against those it could contradict: a shared verb class or a shared
    proposition (``_polarity_pairs`` rejects every other pair)."""

    def __init__(self, positives: list[Claim], story: Story) -> None:
        self.items = [_Positive(c, story) for c in positives]
        self.index = {c.id: i for i, c in enumerate(positives)}
        self.by_class: dict[str, list[int]] = defaultdict(list)
        for i, item in enumerate(self.items):
            for cls in item.predicates.classes:
                self.by_class[cls].append(i)

    def candidates(self, story: Story, neg: Claim, classes: frozenset[str]) -> list[_Positive]:
        """The assertions sharing a verb class or a proposition with ``neg``, in order."""
        chosen: set[int] = set()
        for cls in classes:
            chosen.update(self.by_class.get(cls, ()))
        for prop in story.props_of.get(neg.id, ()):
            chosen.update(self.index[c] for c in prop.claims if c in self.index)
        return [self.items[i] for i in sorted(chosen)]


def _sentence_of(story: Story, claim: Claim) -> str:
    """The sentence around a claim (punctuation and line breaks bound it)."""
    text = story.docs[claim.span.doc].text
    lo = max(text.rfind(". ", 0, claim.span.start), text.rfind("\n", 0, claim.span.start)) + 1
    ends = [i for i in (text.find(". ", claim.span.end), text.find("\n", claim.span.end)) if i >= 0]
    hi = min(ends) if ends else len(text)
    return text[lo:hi]


def _polarity_pairs(story: Story, neg: Claim, assertions: _Assertions) -> list[Claim]:
    """Assertions a negative claim contradicts, best first (at most one per document)."""
    key, name = _denier(neg)
    speaker = speaker_key(neg)
    own = story.predicates(neg.span.text)
    nouns = own.nouns or story.predicates(_sentence_of(story, neg)).nouns
    context = _negative_context(neg)
    cue = neg.modality_cue.lower() if neg.modality_cue else None
    # The party test: the denier is named in the assertion (by entity, by the last word
    # of the entity's name, or by the last word of the source's surface).
    key_words = (
        frozenset(words(story.entity_name[key])[-1:]) if key and key in story.entity_name else None
    )
    last = name[-1] if name else None
    scored = []
    for cand in assertions.candidates(story, neg, own.classes):
        pos = cand.claim
        if speaker is not None and cand.speaker == speaker:
            continue  # one party saying two things does not deny itself
        if pos.span.doc == neg.span.doc and pos.span.start == neg.span.start:
            continue
        if cue and cue in cand.words:
            continue  # the same negation ("found no irregularities") missed on one side
        same_prop = story.same_prop(neg.id, pos.id)
        sim = story.sim(context, cand.text)
        if not same_prop:
            named = (
                (bool(key) and key in pos.entities)
                or (key_words is not None and key_words <= cand.words)
                or (last is not None and last in cand.words)
            )
            if name and not named:
                continue
            if not own.classes & cand.predicates.classes:
                continue
            if not (nouns & cand.predicates.nouns) and sim < POLARITY_SIM:
                continue
        scored.append((-(sim + same_prop), pos.span.doc, pos.span.start, pos))
    scored.sort(key=lambda x: x[:3])
    best: dict[str, Claim] = {}
    for _, doc, _, pos in scored:
        best.setdefault(doc, pos)
    return list(best.values())[:MAX_COUNTERPARTS]


def _negative_context(claim: Claim) -> str:
    """A denial's content with the denier as its subject ("Iran having sent any since")."""
    if claim.chain and claim.chain[-1].source and claim.modality_cue and claim.modality_cue in (
        claim.chain[-1].cue or ""
    ):
        return f"{claim.chain[-1].source} {claim.span.text}"
    return claim.span.text


def _polarity_conflicts(story: Story) -> list[Conflict]:
    """A party denies (or a report negates) what others assert.

    A negative claim contradicts a positive one by another speaker when both are in one
    proposition, or when (1) the denying party is named in the assertion, (2) their
    predicates belong to one class ("sent" / "supplied" / "shipped": a transfer) and (3)
    they share a noun or are close in meaning. Denials in one proposition (several
    outlets reporting one denial) make one conflict.
    """
    negatives = [c for c in story.claims if c.polarity == "negative"]
    positives = [c for c in story.claims if c.polarity == "positive"]
    if not negatives or not positives:
        return []
    story.vectors([_negative_context(c) for c in negatives] + [claim_text(c) for c in positives])
    story.prefetch_predicates(
        [c.span.text for c in negatives + positives] + [_sentence_of(story, c) for c in negatives]
    )
    assertions = _Assertions(positives, story)
    groups: dict[str, tuple[list[Claim], dict[str, Claim]]] = {}
    for neg in negatives:
        counter = _polarity_pairs(story, neg, assertions)
        if not counter:
            continue
        props = story.props_of.get(neg.id, [])
        key = props[0].id if props else neg.id
        negs, pos = groups.setdefault(key, ([], {}))
        negs.append(neg)
        for p in counter:
            pos.setdefault(p.id, p)
    out = []
    for key in sorted(groups):
        negs, pos_map = groups[key]
        counter = sorted(pos_map.values(), key=lambda c: (c.span.doc, c.span.start))
        first = negs[0]
        who = speaker_name(first)
        cue_word = (first.chain[-1].cue or "") if first.chain else ""
        denied = bool(first.modality_cue) and (first.modality_cue or "") in cue_word
        verb = "denies" if denied else "says the opposite:"
        asserted_by = sorted({speaker_name(p) for p in counter})
        summary = (
            f"{who} ({docs_of(story, (n.span.doc for n in negs))}) {verb} "
            f"{quoted(first.span.text, 60)}, which {', '.join(asserted_by[:3])} "
            f"assert ({docs_of(story, (p.span.doc for p in counter))})"
        )
        values = [make_value(n.span, f"negative: {n.modality_cue or 'not'}") for n in negs]
        values += [make_value(p.span, f"asserted by {speaker_name(p)}") for p in counter]
        claims = [n.id for n in negs] + [p.id for p in counter]
        out.append(make_conflict("polarity", summary, claims, values))
    return out


def _quote_conflicts(story: Story) -> list[Conflict]:
    quotes = [c for c in story.claims if c.quote == "direct" and c.quote_span is not None]
    story.vectors(claim_text(c) for c in quotes)
    sets = DisjointSets(c.id for c in quotes)

    for i, a in enumerate(quotes):
        ka = speaker_key(a)
        if ka is None:
            continue
        for b in quotes[i + 1 :]:
            if b.span.doc == a.span.doc or speaker_key(b) != ka:
                continue
            wa, wb = quote_words(a), quote_words(b)
            if same_wording(wa, wb):
                continue
            if word_overlap(wa, wb) >= QUOTE_OVERLAP or story.sim(claim_text(a), claim_text(b)) >= QUOTE_SIM:
                sets.union(a.id, b.id)
    groups: dict[str, list[Claim]] = defaultdict(list)
    for c in quotes:
        groups[sets.find(c.id)].append(c)
    out = []
    for group in groups.values():
        if len({c.span.doc for c in group}) < 2:
            continue
        group.sort(key=lambda c: (c.span.doc, c.span.start))
        first = group[0]
        values = [make_value(first.quote_span or first.span, quoted(claim_text(first), 60))]
        diffs = []
        for other in group[1:]:
            left, right = wording_difference(quote_words(first), quote_words(other))
            if left or right:
                diffs.append(f"\u201c{left}\u201d ({story.label(first.span.doc)}) vs "
                             f"\u201c{right}\u201d ({story.label(other.span.doc)})")
            values.append(make_value(other.quote_span or other.span, quoted(claim_text(other), 60)))
        who = speaker_name(first)
        detail = "; ".join(diffs[:3]) if diffs else "different wording"
        summary = f"{who} is quoted in different words for one statement: {detail}"
        out.append(make_conflict("quote", summary, (c.id for c in group), values))
    return out


def _modality_conflicts(story: Story) -> list[Conflict]:
    out = []
    for prop in story.props:
        members = story.members(prop)
        hedged = [c for c in members if c.modality == "hedged"]
        firm = [c for c in members if c.modality in ("asserted", "future")]
        if not hedged or not firm:
            continue
        story.vectors(claim_text(c) for c in members)
        story.prefetch_predicates(c.span.text for c in members)
        chosen_h: dict[str, Claim] = {}
        chosen_f: dict[str, Claim] = {}
        for h in hedged:
            for f in firm:
                if h.span.doc == f.span.doc:
                    continue
                if story.sim(claim_text(h), claim_text(f)) < MODALITY_SIM:
                    continue
                if not same_predicate(story, h, f):
                    continue
                chosen_h.setdefault(h.span.doc, h)
                chosen_f.setdefault(f.span.doc, f)
        if not chosen_h or not chosen_f:
            continue
        hs = [chosen_h[d] for d in sorted(chosen_h)]
        fs = [chosen_f[d] for d in sorted(chosen_f)]
        cues = sorted({h.modality_cue or "hedged" for h in hs})
        summary = (
            f"Hedged ({', '.join(cues)}) in {docs_of(story, chosen_h)} but stated as "
            f"{'fact' if any(f.modality == 'asserted' for f in fs) else 'certain future'} in "
            f"{docs_of(story, chosen_f)}: {quoted(fs[0].span.text, 70)}"
        )
        values = [make_value(h.span, f"hedged: {h.modality_cue or ''}".strip()) for h in hs]
        values += [
            make_value(f.span, f.modality if not f.modality_cue else f"{f.modality}: {f.modality_cue}")
            for f in fs
        ]
        out.append(make_conflict("modality", summary, (c.id for c in hs + fs), values))
    return out


def same_predicate(story: Story, a: Claim, b: Claim) -> bool:
    """Whether two claims predicate the same thing (a shared verb or adjective stem, or
    verb class): "could be operational" and "can operate" do; "a plant in X could be
    operational" and "the plant is being established in X" share a place, not what they
    say of it, so one's hedge says nothing about the other's fact."""
    pa, pb = story.predicates(a.span.text), story.predicates(b.span.text)
    return bool(pa.heads & pb.heads or pa.classes & pb.classes)


def find_conflicts(
    documents: Sequence[Document],
    claims: Sequence[Claim],
    propositions: Sequence[Proposition],
    *,
    entities: Sequence[Entity] = (),
) -> list[Conflict]:
    """All conflicts of a story; see the module docstring for the checks."""
    story = Story(documents, claims, propositions, entities)
    statements = rules.distance_statements(story.claims, story.finder)
    nears = rules.near_statements(story.claims, story.finder)
    skip = {(s.quantity.span.doc, s.quantity.span.start) for s in statements}
    found: list[Conflict] = []
    found += values_check.distance_conflicts(story, statements)
    found += values_check.reference_conflicts(story, statements)
    found += values_check.near_conflicts(story, nears, statements)
    found += values_check.pair_conflicts(story, values_check.comparable_pairs(story), skip)
    found += _polarity_conflicts(story)
    found += _quote_conflicts(story)
    found += _modality_conflicts(story)
    unique = {c.id: c for c in found}
    order = {k: i for i, k in enumerate(CONFLICT_KINDS)}
    return sorted(unique.values(), key=lambda c: (order.get(c.kind, 99), c.id))
