"""Shared lookups for the conflict checks: the story's claims, propositions, embeddings,
lemmatised predicates and place finder, plus helpers that build ``Conflict`` records."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from ..ids import record_id
from ..records import Claim, Conflict, ConflictValue, Document, Entity, Proposition, Span
from . import conflict_rules as rules
from .common import embed_texts, words

#: Kinds that become ``internal`` when every value comes from one document.
FACTUAL = frozenset({"quantity", "place", "time", "polarity"})

#: Verb classes: predicates that state the same kind of event. A denial of "sending"
#: contradicts a claim of "supplying" or "shipping".
VERB_CLASSES: dict[str, str] = {
    **dict.fromkeys(
        ("send", "supply", "ship", "provide", "deliver", "transfer", "give", "sell", "export",
         "transport", "smuggle", "hand", "furnish", "arm"), "transfer"),
    **dict.fromkeys(("attack", "strike", "hit", "bomb", "shell", "target", "fire", "raid",
                     "shoot"), "attack"),
    **dict.fromkeys(("use", "employ", "deploy", "operate", "utilize"), "use"),
    **dict.fromkeys(("build", "construct", "establish", "produce", "manufacture", "assemble"),
                    "build"),
    **dict.fromkeys(("help", "assist", "aid", "support", "back", "fund", "finance"), "help"),
    **dict.fromkeys(("kill", "die", "murder", "slay", "execute"), "kill"),
    **dict.fromkeys(("arrest", "detain", "jail", "imprison", "capture"), "arrest"),
    **dict.fromkeys(("buy", "purchase", "acquire", "obtain", "receive", "import"), "acquire"),
    **dict.fromkeys(("meet", "visit", "talk", "negotiate"), "meet"),
}
#: Verbs that carry no event of their own (auxiliaries, reporting and aspect verbs).
LIGHT_VERBS = frozenset(
    {"be", "have", "do", "make", "take", "get", "go", "come", "say", "continue", "keep", "seem",
     "appear", "become", "begin", "start", "try", "want", "need", "deny", "admit", "claim",
     "reject", "dismiss", "accuse", "tell", "state", "report", "add", "stop", "cease"}
)

#: Verbs that predicate nothing of their own for ``Predicates.heads`` (auxiliaries,
#: reporting and stance verbs); unlike ``LIGHT_VERBS`` it keeps "start", "stop", "make".
HEAD_STOP = frozenset(
    {"be", "have", "do", "get", "say", "tell", "state", "report", "add", "claim", "deny",
     "admit", "seem", "appear", "continue", "keep", "accuse", "reject", "dismiss"}
)


class Predicates:
    """What a text states happened: verb classes and noun lemmas, and ``heads``, the
    five-letter stems of its verbs and adjectives ("could be operational" and "can
    operate" share "opera"), which tell whether two claims predicate the same thing."""

    __slots__ = ("classes", "nouns", "heads")

    def __init__(
        self, classes: frozenset[str], nouns: frozenset[str], heads: frozenset[str] = frozenset()
    ) -> None:
        self.classes = classes
        self.nouns = nouns
        self.heads = heads


def predicates_of(texts: Sequence[str]) -> list[Predicates]:
    """Verb classes and nouns of each text: spaCy lemmas (1), else plain words (2)."""
    try:
        from ..nlp.models import load_spacy

        nlp = load_spacy()
    except Exception:  # 2. no pipeline: words stand in for lemmas
        out = []
        for text in texts:
            toks = words(text)
            found = frozenset(VERB_CLASSES.get(w, "") for w in toks) - {""}
            out.append(Predicates(found, frozenset(toks), frozenset(w[:5] for w in toks)))
        return out
    # 1. lemmas from the tagger (the parser and NER are not needed)
    results = []
    with nlp.select_pipes(disable=[p for p in ("parser", "ner") if p in nlp.pipe_names]):
        for doc in nlp.pipe(texts, batch_size=64):
            classes: set[str] = set()
            nouns: set[str] = set()
            heads: set[str] = set()
            for tok in doc:
                lemma = tok.lemma_.lower()
                if tok.pos_ == "VERB" and lemma not in HEAD_STOP:
                    heads.add(lemma[:5])
                if tok.pos_ == "VERB" and lemma not in LIGHT_VERBS:
                    classes.add(VERB_CLASSES.get(lemma, lemma))
                elif tok.pos_ == "ADJ" and len(lemma) > 2 and _predicative(tok):
                    heads.add(lemma[:5])
                elif tok.pos_ in ("NOUN", "PROPN") and len(lemma) > 1:
                    nouns.add(lemma.rstrip("s") if tok.pos_ == "NOUN" else lemma)
            results.append(Predicates(frozenset(classes), frozenset(nouns), frozenset(heads)))
    return results


def _predicative(adjective: Any) -> bool:
    """An adjective after a verb ("could be (fully) operational next year") or not followed
    by what it modifies, unlike "special economic zone" (the tagger runs without the
    parser here)."""
    doc = adjective.doc
    k = adjective.i - 1
    while k >= 0 and doc[k].pos_ == "ADV":
        k -= 1
    if k >= 0 and doc[k].pos_ in ("AUX", "VERB"):
        return True
    nxt = doc[adjective.i + 1] if adjective.i + 1 < len(doc) else None
    return nxt is None or nxt.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")


class Story:
    """Lookups shared by the checks."""

    def __init__(
        self, documents: Sequence[Document], claims: Sequence[Claim],
        propositions: Sequence[Proposition], entities: Sequence[Entity],
    ) -> None:
        self.docs = {d.id: d for d in documents}
        self.claims = sorted(
            (c for c in claims if c.span.doc in self.docs),
            key=lambda c: (c.span.doc, c.span.start, c.span.end, c.id),
        )
        self.claim = {c.id: c for c in self.claims}
        self.props = sorted(propositions, key=lambda p: p.id)
        #: Claim id -> the propositions holding it (a claim stating two facts is in two).
        self.props_of: dict[str, list[Proposition]] = {}
        #: Claim id -> the claim sets of its propositions, for ``same_prop``: a giant
        #: story's propositions hold hundreds of claims, too many to scan per pair.
        self._prop_sets: dict[str, list[frozenset[str]]] = {}
        for prop in self.props:
            members = frozenset(prop.claims)
            for cid in prop.claims:
                self.props_of.setdefault(cid, []).append(prop)
                self._prop_sets.setdefault(cid, []).append(members)
        self.finder = rules.PlaceFinder(documents, entities)
        self.entity_name = {e.id: e.name for e in entities}
        self._vectors: dict[str, Any] = {}
        self._predicates: dict[str, Predicates] = {}

    def label(self, doc_id: str) -> str:
        """Short name of a document for summaries: outlet, else file name."""
        doc = self.docs.get(doc_id)
        if doc is None:
            return doc_id
        if doc.outlet:
            return doc.outlet
        source = doc.source.rstrip("/").rsplit("/", 1)[-1]
        return source or doc_id

    def same_prop(self, a: str, b: str) -> bool:
        """Whether two claims share a proposition."""
        return any(b in members for members in self._prop_sets.get(a, ()))

    def members(self, prop: Proposition) -> list[Claim]:
        return [self.claim[c] for c in prop.claims if c in self.claim]

    def vectors(self, texts: Iterable[str]) -> dict[str, Any]:
        """Embeddings of texts, computed once per story."""
        missing = sorted({t for t in texts if t not in self._vectors})
        if missing:
            for text, vec in zip(missing, embed_texts(missing), strict=True):
                self._vectors[text] = vec
        return self._vectors

    def predicates(self, text: str) -> Predicates:
        """Verb classes and noun lemmas of a text (lemmatised once per text)."""
        if text not in self._predicates:
            self.prefetch_predicates([text])
        return self._predicates[text]

    def prefetch_predicates(self, texts: Iterable[str]) -> None:
        missing = sorted({t for t in texts if t not in self._predicates})
        for text, preds in zip(missing, predicates_of(missing), strict=True):
            self._predicates[text] = preds

    def sim(self, a: str, b: str) -> float:
        vecs = self._vectors
        if a not in vecs or b not in vecs:  # the checks prefetch, so this is rare
            self.vectors([a, b])
        return float(vecs[a] @ vecs[b])


def make_value(span: Span, normalized: str) -> ConflictValue:
    return ConflictValue(span=span, normalized=normalized)


def make_conflict(
    kind: str, summary: str, claims: Iterable[str], values: Iterable[ConflictValue],
    reference: str | None = None,
) -> Conflict:
    """A conflict with sorted, de-duplicated values and an id from its kind and spans;
    a factual kind whose values all come from one document becomes ``internal``."""
    vals = sorted(
        {(v.span.doc, v.span.start, v.span.end): v for v in values}.values(),
        key=lambda v: (v.span.doc, v.span.start, v.span.end, v.normalized),
    )
    if kind in FACTUAL and len({v.span.doc for v in vals}) == 1:
        kind = "internal"
    cid = record_id("x", kind, *(f"{v.span.doc}:{v.span.start}:{v.span.end}" for v in vals))
    return Conflict(
        id=cid, kind=kind, summary=summary, claims=tuple(sorted(set(claims))), values=tuple(vals),
        reference=reference,
    )


def quoted(text: str, limit: int = 80) -> str:
    """Text in curly quotes, cut at ``limit`` characters."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "\u2026"
    return "\u201c" + text + "\u201d"


def docs_of(story: Story, items: Iterable[str]) -> str:
    """Outlet labels of some documents, sorted, comma-separated."""
    return ", ".join(story.label(d) for d in sorted(set(items)))
