"""Modality and polarity of one claim: asserted, hedged, future or negated.

Input: the spaCy tokens of one claim unit (its head and the tokens it covers) and the
class of the innermost attribution cue. Output: ``(modality, cue, polarity)`` where the
cue is the word that decided it ("could", "probably", "denies", "not").

Precedence follows what a reader loses first: a denial or negation flips the claim, so
it wins over a hedge; a hedge ("will probably be built") weakens a future, so it wins
over the future marker; only a claim with none of these is "asserted".
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

#: Modal auxiliaries that weaken a statement to a possibility or expectation. "can" is
#: left out on purpose: "the factory can operate at full capacity" states an ability
#: as fact, and news contrasts exactly that with "could be operational".
HEDGE_MODALS = frozenset({"could", "may", "might", "should", "would", "ought"})
#: Auxiliaries that put the claim in the future.
FUTURE_MODALS = frozenset({"will", "shall", "'ll", "wo"})
#: Adverbs that hedge the clause they modify.
HEDGE_ADVERBS = frozenset(
    {
        "probably", "possibly", "likely", "perhaps", "maybe", "reportedly", "allegedly",
        "apparently", "presumably", "supposedly", "purportedly", "seemingly", "potentially",
        "conceivably", "arguably", "ostensibly", "roughly", "unlikely", "tentatively",
        "evidently",
    }
)
#: Adjectives that hedge the noun they modify ("the alleged site").
HEDGE_ADJECTIVES = frozenset(
    {
        "alleged", "suspected", "purported", "presumed", "possible", "probable",
        "apparent", "supposed", "reported", "unconfirmed", "putative", "likely",
    }
)
#: Verbs heading a clause that present it as an appearance or inference ("this
#: indicates a deepening partnership").
HEDGE_VERBS = frozenset({"appear", "seem", "suggest", "indicate", "imply"})
#: Perception verbs: "could be seen from the town" reports what was possible to see (a
#: fact), not a possibility.
PERCEPTION_VERBS = frozenset(
    {"see", "hear", "smell", "feel", "notice", "spot", "observe", "detect", "sense"}
)
#: Dependency labels of the arguments a hedging adjective must qualify to hedge the
#: claim: "the alleged site is in X" or "they found the suspected leak", not "images of
#: the alleged site" (where the hedge is on a detail, not on what the claim states).
HEDGED_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "ROOT"})
#: Verbs or predicates that present the content as planned or expected.
FUTURE_VERBS = frozenset({"plan", "intend", "aim", "schedule", "expect", "set", "due", "prepare"})
#: Words that negate the clause they attach to.
NEGATORS = frozenset({"not", "n't", "never", "no", "neither", "nor", "nobody", "nothing", "none"})
#: Determiners/pronouns that negate when they fill the subject or object ("no action").
NEGATIVE_ARGUMENTS = frozenset({"no", "nobody", "nothing", "none", "neither"})

#: Dependency labels that open a new clause: cues inside such a clause belong to it.
CLAUSE_DEPS = frozenset({"ccomp", "relcl", "advcl", "csubj", "csubjpass", "acl", "parataxis", "conj"})


def own_clause_tokens(head: Any, tokens: Iterable[Any]) -> list[Any]:
    """Tokens of ``tokens`` whose nearest clause head is ``head`` (not a nested clause)."""
    out = []
    for tok in tokens:
        node = tok
        inside = True
        while node.i != head.i:
            if node.dep_ in CLAUSE_DEPS and node.i != head.i and node.pos_ in ("VERB", "AUX"):
                inside = False
                break
            if node.head.i == node.i:  # reached the root without meeting head
                break
            node = node.head
        if inside:
            out.append(tok)
    return out


def _verb_chain(head: Any) -> list[Any]:
    """The head plus the xcomp verbs it governs ("appears to be deepening")."""
    chain = [head]
    frontier = [head]
    while frontier:
        tok = frontier.pop()
        for child in tok.children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX", "ADJ"):
                chain.append(child)
                frontier.append(child)
    return chain


def _qualifies_claim(adjective: Any, head: Any, chain_ids: set[int]) -> bool:
    """Whether a hedging adjective qualifies an argument of the claim's predicate (its
    subject, object or attribute) or the claim's head itself."""
    noun = adjective.head
    if noun.i == head.i:
        return True
    return noun.dep_ in HEDGED_ARGUMENTS and noun.head.i in chain_ids


def detect_modality(
    head: Any, tokens: Iterable[Any], cue_class: str | None = None, cue_text: str | None = None,
    reporting_past: bool = False, cue_named: bool = True,
) -> tuple[str, str | None, str]:
    """Return ``(modality, modality_cue, polarity)`` for a claim unit.

    ``cue_class`` is the class of the innermost attribution cue (``denial``, ``belief`` ...)
    and ``cue_text`` its surface; ``reporting_past`` says whether that cue is in the past
    tense, which turns a back-shifted "would" into a future rather than a hedge;
    ``cue_named`` says whether the cue has a named source. A belief cue with a named
    source ("U.S. intelligence estimates that P", "officials believe P") is attribution:
    the source holds P, and the chain records how; only an impersonal one ("P is
    believed", "it is thought that P") hedges P itself.
    """
    unit = own_clause_tokens(head, tokens)
    chain = _verb_chain(head)
    chain_ids = {t.i for t in chain}

    # 1. Denial by the speaker: "Iran denies having sent any".
    if cue_class == "denial":
        return "negated", cue_text, "negative"
    # 2. Grammatical negation of the predicate or of its subject/object.
    for tok in unit:
        low = tok.lower_
        if tok.dep_ == "neg" and tok.head.i in chain_ids:
            return "negated", tok.text, "negative"
        if low == "never" and tok.head.i in chain_ids:
            return "negated", tok.text, "negative"
        if low in NEGATIVE_ARGUMENTS:
            direct = tok.head.i in chain_ids and tok.dep_ in ("nsubj", "nsubjpass", "dobj")
            via_det = (
                tok.dep_ == "det"
                and tok.head.dep_ in ("nsubj", "nsubjpass", "dobj")
                and tok.head.head.i in chain_ids
            )
            if direct or via_det:
                return "negated", tok.text, "negative"
    # 3. Hedges: nobody in particular believes it, a modal, a hedging adverb, adjective
    #    or verb.
    if cue_class == "belief" and not cue_named:
        return "hedged", cue_text, "positive"
    future_cue: str | None = None
    for tok in chain:
        if tok.lemma_.lower() in HEDGE_VERBS and tok.pos_ == "VERB":
            return "hedged", tok.text, "positive"
    for tok in unit:
        low = tok.lower_
        if tok.dep_ == "aux" and tok.head.i in chain_ids:
            if low == "would" and reporting_past:
                future_cue = future_cue or tok.text
                continue
            if low in HEDGE_MODALS and not (
                low in ("could", "might") and tok.head.lemma_.lower() in PERCEPTION_VERBS
            ):
                return "hedged", tok.text, "positive"
            if low in FUTURE_MODALS:
                future_cue = future_cue or tok.text
        if low in HEDGE_ADVERBS and tok.pos_ == "ADV":
            return "hedged", tok.text, "positive"
        if low in HEDGE_ADJECTIVES and tok.dep_ == "amod" and _qualifies_claim(tok, head, chain_ids):
            return "hedged", tok.text, "positive"
    # 4. Future or planned: "will", "plans to", "is expected to", "is going to".
    if future_cue:
        return "future", future_cue, "positive"
    for tok in chain:
        lemma = tok.lemma_.lower()
        has_xcomp = any(c.dep_ == "xcomp" for c in tok.children)
        if lemma in FUTURE_VERBS and has_xcomp:
            return "future", tok.text, "positive"
        if lemma == "go" and tok.tag_ == "VBG" and has_xcomp:
            return "future", tok.text, "positive"
    return "asserted", None, "positive"
