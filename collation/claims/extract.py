"""Sentence -> atomic claims, with attribution chain, quotation and modality.

Input: one ``Document``, its parsed segments (``nlp.parse.parse_documents``) and, when the
earlier stages ran, its mentions, the mention -> entity map, times and quantities.
Output: ``Claim`` records sorted by position. Only headline and body segments give
claims (captions, datelines and boilerplate do not).

Per sentence:

1. find attribution frames (``attribution.find_frames``) and nest them: a frame whose
   cue lies inside another frame's content is its inner link, so "Kirby said U.S.
   intelligence believes P" gives P with the chain Kirby -> U.S. intelligence;
2. a sentence with no frame is the outlet's own voice, except a sentence that is mostly
   inside a quotation, which continues the quotation's speaker, and a sentence followed
   by "This was reported by X", which gets X;
3. the content of each innermost frame is split into atomic units: coordinated
   predicates ("received drones but is also cooperating"), non-restrictive relative
   clauses ("the plant, which could become operational") and participial clauses after
   a comma ("..., transporting them across the sea");
4. each unit becomes a ``Claim`` whose ``span`` is the unit (the clause that states it),
   with ``quote_span`` set when the unit is a direct quotation, modality and polarity
   from ``modality.detect_modality``, and the entities, places, times and quantities
   whose spans lie inside it.

Pronoun sources ("he stressed") take the latest named person who spoke in the same
document; "it"/"they" take the latest speaker of the matching kind; "the same source"
takes the latest speaker. A resolved link points at the antecedent's span.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..ids import record_id
from ..nlp.parse import ParsedSegment
from ..records import Attribution, Claim, Document, Mention, Quantity, Span, TimeValue
from .attribution import PRONOUN_SOURCES, Frame, find_frames, quote_regions
from .modality import detect_modality

#: Segment kinds that state claims.
CLAIM_SEGMENTS = ("headline", "body")
#: Mention labels that denote places.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: A unit needs at least this many word tokens to be a claim ("Share it" is not).
MIN_UNIT_WORDS = 3
#: Share of a sentence's words inside quotation marks above which it is a quotation.
QUOTE_SHARE = 0.6
#: Leading words dropped from a claim span ("that Iran ...", "but denies ...").
LEADING_DROP = frozenset({"that", "whether", "if", "and", "but", "or", "while", "so", "then"})
#: Cue classes whose content may be a noun phrase ("denied the accusations").
NOMINAL_CLASSES = frozenset({"accusation", "denial", "admission"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
WH_WORDS = frozenset({"which", "who", "whom", "whose"})


@dataclass
class _Link:
    """An attribution link under construction (offsets are document offsets)."""

    source: str
    entity: str | None
    cue: str
    span: Span | None
    cue_class: str
    cue_past: bool
    person: bool

    def record(self) -> Attribution:
        return Attribution(source=self.source, entity=self.entity, cue=self.cue, span=self.span)


@dataclass
class _Unit:
    """One claim under construction."""

    segment: str
    head: Any
    tokens: list[Any]
    offset: int
    chain: list[_Link] = field(default_factory=list)
    regions: list[tuple[int, int]] = field(default_factory=list)


class _Context:
    """Per-document state: text, mention lookup and the speakers seen so far."""

    def __init__(
        self, document: Document, mentions: Sequence[Mention],
        entity_of: Mapping[tuple[str, int, int], str] | None,
    ) -> None:
        self.document = document
        self.mentions = sorted(
            (m for m in mentions if m.doc == document.id), key=lambda m: (m.start, m.end)
        )
        self.entity_of = entity_of or {}
        self.speakers: list[_Link] = []

    def span(self, start: int, end: int) -> Span:
        return Span(self.document.id, start, end, self.document.text[start:end])

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def link_for(self, ps: ParsedSegment, rng: tuple[int, int] | None, frame: Frame,
                 cue: str, cls: str) -> _Link:
        doc = ps.parsed
        cue_tok = doc[frame.cue[0]]
        past = cue_tok.tag_ in ("VBD", "VBN")
        if rng is None:
            return _Link("", None, cue, None, cls, past, False)
        start = ps.offset + doc[rng[0]].idx
        end = ps.offset + doc[rng[1] - 1].idx + len(doc[rng[1] - 1].text)
        words = [t.lower_ for t in doc[rng[0] : rng[1]]]
        text = self.document.text[start:end]
        # 1. anaphoric sources take an earlier speaker
        antecedent = self._antecedent(words)
        if antecedent is not None:
            return _Link(
                antecedent.source, antecedent.entity, cue, antecedent.span, cls, past,
                antecedent.person,
            )
        # 2. a named source: link the mention that best covers its head
        entity, person = self._entity(start, end, doc[rng[0] : rng[1]])
        link = _Link(text, entity, cue, self.span(start, end), cls, past, person)
        self.speakers.append(link)
        return link

    def _antecedent(self, words: list[str]) -> _Link | None:
        if not self.speakers:
            return None
        if len(words) == 1 and words[0] in PRONOUN_SOURCES:
            pron = words[0]
            if pron in ("he", "she"):
                return next((s for s in reversed(self.speakers) if s.person), None)
            if pron == "it":
                return next((s for s in reversed(self.speakers) if not s.person), None)
            if pron == "they":
                return self.speakers[-1]
            return None
        if "same" in words and words[0] == "the":
            return self.speakers[-1]
        return None

    def _entity(self, start: int, end: int, tokens: Any) -> tuple[str | None, bool]:
        """The entity a source names and whether the source is a person. A source is a
        person when its head word is part of a person's name: "The Biden administration"
        names a person but is an institution (so "it" can refer to it)."""
        found = self.mentions_in(start, end)
        rank = {"PERSON": 0, "ORG": 1, "NORP": 2, "GPE": 3}
        inside = {t.i for t in tokens}
        heads = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
        # ``start`` is the document offset of the first token of ``tokens``.
        head_at = start + heads[0].idx - tokens[0].idx if heads else -1
        if found:
            best = min(found, key=lambda m: (rank.get(m.label, 4), -m.end))
            eid = self.entity_of.get((best.doc, best.start, best.end))
            person = any(
                m.label == "PERSON" and m.start <= head_at < m.end for m in found
            ) if head_at >= 0 else best.label == "PERSON"
            return eid, person
        person = any(t.ent_type_ == "PERSON" for t in heads)
        return None, person


def _char_range(ps: ParsedSegment, tokens: Sequence[Any]) -> tuple[int, int]:
    first, last = tokens[0], tokens[-1]
    return ps.offset + first.idx, ps.offset + last.idx + len(last.text)


def _trim_unit(tokens: list[Any]) -> list[Any]:
    """Drop edge punctuation, complementisers and conjunctions from a sorted token list."""
    start, end = 0, len(tokens)
    while start < end and (
        tokens[start].is_punct
        or tokens[start].is_space
        or (tokens[start].lower_ in LEADING_DROP and tokens[start].dep_ in ("mark", "cc", "advmod"))
    ):
        start += 1
    while end > start and (
        tokens[end - 1].is_punct
        or tokens[end - 1].is_space
        or (tokens[end - 1].lower_ in LEADING_DROP and tokens[end - 1].dep_ in ("cc", "mark"))
    ):
        end -= 1
    return tokens[start:end]


def _is_nonrestrictive(rel: Any) -> bool:
    left = rel.left_edge
    if left.lower_ not in WH_WORDS and not (
        left.dep_ == "prep" and any(c.lower_ in WH_WORDS for c in left.children)
    ):
        return False
    return left.i > 0 and rel.doc[left.i - 1].text == ","


def split_units(head: Any, tokens: set[int]) -> list[tuple[Any, set[int]]]:
    """Split one content region into atomic (head, token set) units.

    Coordinated predicates with their own verb, non-restrictive relative clauses and
    comma-separated participial clauses each state something a reader can check on its
    own, so each becomes a unit; the rest stays with the head.
    """
    doc = head.doc
    main = set(tokens)
    units: list[tuple[Any, set[int]]] = []
    for child in head.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and child.i in main:
            sub = {t.i for t in child.subtree} & main
            main -= sub
            for tok in head.children:  # the coordinator and the comma before it
                if tok.dep_ in ("cc", "punct") and child.i > tok.i > head.i and tok.i in main:
                    if all(doc[j].i not in main or doc[j].is_punct or doc[j].dep_ == "cc"
                           for j in range(tok.i, child.left_edge.i)):
                        main.discard(tok.i)
            units.extend(split_units(child, sub))
        elif (
            child.dep_ == "advcl"
            and child.tag_ in ("VBG", "VBN")
            and child.i > head.i
            and child.i in main
            and not any(c.dep_ in ("mark",) or c.dep_ in SUBJECT_DEPS for c in child.children)
            and child.left_edge.i > 0
            and doc[child.left_edge.i - 1].text == ","
        ):
            sub = {t.i for t in child.subtree} & main
            main -= sub
            units.extend(split_units(child, sub))
    for i in sorted(main):
        tok = doc[i]
        if tok.dep_ == "relcl" and i in main and _is_nonrestrictive(tok):
            rel = {t.i for t in tok.subtree} & main
            noun = {t.i for t in tok.head.subtree} & (main | rel)
            main -= rel
            units.append((tok, noun))
    return [(head, main), *units]


def _has_predicate(tokens: Sequence[Any], headline: bool, nominal: bool = False) -> bool:
    """Whether tokens can state a claim: enough words and a verb (``nominal`` content,
    as in "accused Iran of complicity", needs no verb: the cue is the predicate)."""
    words = [t for t in tokens if not t.is_punct and not t.is_space]
    if len(words) < MIN_UNIT_WORDS:
        return False
    if not nominal and not any(t.pos_ in ("VERB", "AUX") for t in words):
        return False
    return headline or any(t.dep_ in SUBJECT_DEPS for t in words) or words[0].dep_ != "ROOT"


class _Builder:
    """Turns one document's parsed segments into units, then claims."""

    def __init__(self, ctx: _Context) -> None:
        self.ctx = ctx
        self.units: list[_Unit] = []
        self.previous: list[_Unit] = []
        self.quote_speaker: list[_Link] | None = None
        self.next_chain: list[_Link] | None = None

    def run(self, parsed: Sequence[ParsedSegment]) -> None:
        for ps in sorted(parsed, key=lambda p: p.offset):
            if ps.segment.kind not in CLAIM_SEGMENTS:
                continue
            doc = ps.parsed
            regions = quote_regions(doc.text)
            sentences = []
            sent_frames_cache: dict[int, list[Frame]] = {}
            frames = []
            for sent in doc.sents:
                tokens = list(sent)
                if ps.segment.kind == "headline":
                    # "Headline | Section | Site": only the first part is the headline.
                    cut = next((k for k, t in enumerate(tokens) if t.text == "|"), None)
                    tokens = tokens[:cut] if cut is not None else tokens
                if sent.start not in sent_frames_cache:
                    sent_frames_cache[sent.start] = find_frames(
                        sent, regions, headline=ps.segment.kind == "headline"
                    )
                for piece in _lines(tokens):
                    ids = {t.i for t in piece}
                    sentences.append((sent, piece))
                    frames.append([f for f in sent_frames_cache[sent.start] if f.cue[0] in ids])
            region_speaker = self._region_speakers(ps, frames, regions)
            for (sent, tokens), sent_frames in zip(sentences, frames, strict=True):
                self._sentence(ps, sent, tokens, sent_frames, regions, region_speaker)

    def _region_speakers(
        self, ps: ParsedSegment, frames: list[list[Frame]], regions: list[tuple[int, int]],
    ) -> dict[int, Frame]:
        """Quotation region index -> the frame that attributes part of it."""
        out: dict[int, Frame] = {}
        doc = ps.parsed
        for sent_frames in frames:
            for frame in sent_frames:
                for k, (a, b) in enumerate(regions):
                    if k not in out and any(a <= doc[i].idx < b for i in frame.content):
                        out[k] = frame
        return out

    def _sentence(
        self, ps: ParsedSegment, sent: Any, tokens: list[Any], frames: list[Frame],
        regions: list[tuple[int, int]], region_speaker: dict[int, Frame],
    ) -> None:
        seg = ps.segment.kind
        headline = seg == "headline"
        allowed = {t.i for t in tokens}
        # "Reporter X says:" ending a line introduces the next sentence: it gets X.
        introduced, self.next_chain = self.next_chain, None
        for frame in frames:
            if frame.kind == "next":
                self.next_chain = self._frame_links(ps, frame)
        frames = [f for f in frames if f.kind != "next"]
        main_frames = [f for f in frames if f.kind != "previous"]
        for frame in frames:
            if frame.kind == "previous" and self.previous:
                link = self._link(ps, frame)
                for unit in self.previous:
                    if not unit.chain:
                        unit.chain.append(link)
        if not main_frames:
            if any(f.kind == "previous" for f in frames):
                self.previous = []
                return
            words = [t for t in tokens if not t.is_punct and not t.is_space]
            quoted = [t for t in words if any(a <= t.idx < b for a, b in regions)]
            chain: list[_Link] = []
            if introduced:
                chain = introduced
                self.quote_speaker = introduced if quoted else None
            elif words and len(quoted) / len(words) >= QUOTE_SHARE:
                chain = self._quote_chain(ps, quoted, regions, region_speaker)
            else:
                self.quote_speaker = None
            ids = {t.i for t in tokens}
            root = min(tokens, key=lambda t: (_depth_within(t, ids), t.i))
            has_subject = headline or any(t.dep_ in SUBJECT_DEPS for t in tokens)
            if (
                not _has_predicate(tokens, headline)
                or root.pos_ not in ("VERB", "AUX")
                or not has_subject
            ):
                self.previous = []
                return
            made = self._units(ps, seg, root, {t.i for t in tokens}, chain, regions)
            self.previous = [u for u in made if not u.chain]
            return
        self.previous = []
        links = {id(f): self._frame_links(ps, f) for f in main_frames}
        parents = self._parents(main_frames)
        cues = {f.cue[0] for f in main_frames}
        for frame in main_frames:
            chain = []
            node: Frame | None = frame
            seen = 0
            while node is not None and seen < 6:
                chain = links[id(node)] + chain
                node = parents.get(id(node))
                seen += 1
            # "The report suggests that P, and construction is underway": a clause
            # coordinated with the cue verb, with its own subject, is said by whoever
            # says the cue clause (the outlet here), not by the cue's source.
            outer = chain[: -len(links[id(frame)])]
            for conj in ps.parsed[frame.cue[0]].children:
                if (
                    conj.dep_ == "conj" and conj.pos_ in ("VERB", "AUX") and conj.i not in cues
                    and conj.i in allowed
                    and any(c.dep_ in SUBJECT_DEPS for c in conj.children)
                ):
                    sub = {t.i for t in conj.subtree} & allowed
                    self._units(ps, seg, conj, sub, list(outer), regions)
            own = set(frame.content) & allowed
            for other in main_frames:
                if other is not frame and other.cue[0] in frame.content:
                    cue_tok = ps.parsed[other.cue[0]]
                    if cue_tok.dep_ == "conj":
                        # A coordinated cue ("... and blamed Ukraine") takes its whole clause.
                        own -= {t.i for t in cue_tok.subtree}
                    own -= set(other.content)
                    own -= set(range(*other.cue_range))
                    own -= set(other.cue)
                    if other.source:
                        own -= set(range(*other.source))
            if frame.source:
                own -= set(range(*frame.source))
            own -= set(range(*frame.cue_range))
            if not own or frame.head is None:
                continue
            head = ps.parsed[frame.head]
            if head.i not in own:
                head = min((ps.parsed[i] for i in own), key=lambda t: len(list(t.ancestors)))
            words = [ps.parsed[i] for i in sorted(own)]
            nominal = frame.cue_class in NOMINAL_CLASSES
            if not _has_predicate(words, True, nominal):
                continue
            made = self._units(ps, seg, head, own, chain, regions, nominal)
            if any(u.regions for u in made):
                self.quote_speaker = chain

    def _quote_chain(
        self, ps: ParsedSegment, quoted: list[Any], regions: list[tuple[int, int]],
        region_speaker: dict[int, Frame],
    ) -> list[_Link]:
        for k, (a, b) in enumerate(regions):
            if k in region_speaker and any(a <= t.idx < b for t in quoted):
                return self._frame_links(ps, region_speaker[k])
        return list(self.quote_speaker or [])

    def _frame_links(self, ps: ParsedSegment, frame: Frame) -> list[_Link]:
        links = [self._link(ps, frame)]
        if frame.inner_source is not None:
            links.append(self.ctx.link_for(ps, frame.inner_source, frame, "citing", "speech"))
        return links

    def _link(self, ps: ParsedSegment, frame: Frame) -> _Link:
        doc = ps.parsed
        if frame.kind in ("according", "colon"):
            cue = doc[frame.cue_range[0] : frame.cue_range[1]].text
        else:
            cue = " ".join(doc[i].text for i in frame.cue)
        return self.ctx.link_for(ps, frame.source, frame, cue, frame.cue_class)

    @staticmethod
    def _parents(frames: list[Frame]) -> dict[int, Frame]:
        """Each frame's tightest enclosing frame (the one whose content holds its cue)."""
        parents: dict[int, Frame] = {}
        for inner in frames:
            best: Frame | None = None
            for outer in frames:
                if outer is inner or inner.cue[0] not in outer.content:
                    continue
                if _coordinated_cue(inner, outer):
                    continue
                if best is None or len(outer.content) < len(best.content):
                    best = outer
            if best is not None:
                parents[id(inner)] = best
        return parents

    def _units(
        self, ps: ParsedSegment, seg: str, head: Any, tokens: set[int], chain: list[_Link],
        regions: list[tuple[int, int]], nominal: bool = False,
    ) -> list[_Unit]:
        doc = ps.parsed
        made = []
        for unit_head, unit_tokens in split_units(head, tokens):
            toks = _trim_unit([doc[i] for i in sorted(unit_tokens)])
            if not _has_predicate(toks, True, nominal and unit_head.i == head.i):
                continue
            a, b = toks[0].idx, toks[-1].idx + len(toks[-1].text)
            inside = [(max(a, ra), min(b, rb)) for ra, rb in regions if ra < b and rb > a]
            unit = _Unit(seg, unit_head, toks, ps.offset, list(chain), inside)
            self.units.append(unit)
            made.append(unit)
        return made


def _lines(tokens: list[Any]) -> list[list[Any]]:
    """Split a parser sentence at line breaks: a line break in news text always ends a
    sentence (paragraphs, subheads, captions glued to the next paragraph)."""
    pieces: list[list[Any]] = [[]]
    for tok in tokens:
        if "\n" in tok.text or (tok.is_space and "\n" in tok.whitespace_):
            pieces.append([])
            continue
        pieces[-1].append(tok)
        if "\n" in tok.whitespace_:
            pieces.append([])
    return [p for p in pieces if any(not t.is_space for t in p)]


def _depth_within(tok: Any, ids: set[int]) -> int:
    """Number of ancestors of ``tok`` inside the token set ``ids``."""
    return sum(1 for a in tok.ancestors if a.i in ids)


def _coordinated_cue(inner: Frame, outer: Frame) -> bool:
    """"X admitted that P but denies Q": the parser often hangs "denies" under P; a cue
    verb conjoined to the outer content head without its own subject shares the outer
    source instead of being nested under it."""
    return inner.kind == "clause" and inner.source == outer.source and inner.source is not None


def _claim(ctx: _Context, unit: _Unit, times: Sequence[TimeValue],
           quantities: Sequence[Quantity]) -> Claim:
    doc_id = ctx.document.id
    start = unit.offset + unit.tokens[0].idx
    end = unit.offset + unit.tokens[-1].idx + len(unit.tokens[-1].text)
    span = ctx.span(start, end)
    quote = "indirect" if unit.chain else "none"
    quote_span = None
    words = [t for t in unit.tokens if not t.is_punct]
    if unit.regions:
        qa, qb = max(unit.regions, key=lambda r: r[1] - r[0])
        quoted = [t for t in words if any(ra <= t.idx < rb for ra, rb in unit.regions)]
        if words and len(quoted) / len(words) >= 0.5:
            text = ctx.document.text
            qa, qb = unit.offset + qa, unit.offset + qb
            while qa < qb and text[qa].isspace():
                qa += 1
            while qb > qa and (text[qb - 1].isspace() or text[qb - 1] in ",.;:"):
                qb -= 1
            if qb > qa:
                quote, quote_span = "direct", ctx.span(qa, qb)
    inner = unit.chain[-1] if unit.chain else None
    modality, cue, polarity = detect_modality(
        unit.head, unit.tokens, inner.cue_class if inner else None,
        inner.cue if inner else None, reporting_past=bool(inner and inner.cue_past),
        cue_named=bool(inner and inner.source.strip()),
    )
    inside = ctx.mentions_in(start, end)
    entities = sorted({ctx.entity_of[k] for m in inside if (k := (m.doc, m.start, m.end)) in ctx.entity_of})
    places = sorted(
        {ctx.entity_of[k] for m in inside
         if m.label in PLACE_LABELS and (k := (m.doc, m.start, m.end)) in ctx.entity_of}
    )
    claim_times = tuple(
        sorted(
            (t for t in times if t.span.doc == doc_id and start <= t.span.start and t.span.end <= end),
            key=lambda t: (t.span.start, t.span.end),
        )
    )
    claim_quantities = tuple(
        sorted(
            (q for q in quantities
             if q.span.doc == doc_id and start <= q.span.start and q.span.end <= end),
            key=lambda q: (q.span.start, q.span.end),
        )
    )
    chain = tuple(link.record() for link in unit.chain)
    cid = record_id(
        "c", doc_id, str(start), str(end), modality, polarity,
        *(f"{a.source}|{a.cue}" for a in chain),
    )
    return Claim(
        id=cid, span=span, segment=unit.segment, chain=chain, quote=quote, quote_span=quote_span,
        modality=modality, modality_cue=cue, polarity=polarity, entities=tuple(entities),
        places=tuple(places), times=claim_times, quantities=claim_quantities,
    )


def extract_claims(
    document: Document,
    parsed: Sequence[ParsedSegment],
    *,
    mentions: Sequence[Mention] = (),
    entity_of: Mapping[tuple[str, int, int], str] | None = None,
    times: Sequence[TimeValue] = (),
    quantities: Sequence[Quantity] = (),
) -> list[Claim]:
    """Atomic claims of one document, sorted by span; see the module docstring."""
    ctx = _Context(document, mentions, entity_of)
    builder = _Builder(ctx)
    builder.run([ps for ps in parsed if ps.doc_id == document.id])
    claims: dict[tuple[int, int], Claim] = {}
    for unit in builder.units:
        claim = _claim(ctx, unit, times, quantities)
        key = (claim.span.start, claim.span.end)
        # The same clause reached twice (nested frame and its parent) keeps the longer chain.
        if key not in claims or len(claim.chain) > len(claims[key].chain):
            claims[key] = claim
    return sorted(claims.values(), key=lambda c: (c.span.start, c.span.end, c.id))
