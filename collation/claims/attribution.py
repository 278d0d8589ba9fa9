"""Attribution frames: who is said to say what, found in a dependency parse.

Input: one parsed sentence (a spaCy ``Span``) and the quotation regions of its segment.
Output: ``Frame`` records, each naming a cue ("said", "according to", "believe",
"denies"), its source (a token range, or None for an unnamed source such as "it was
reported") and its content (the token indices of what is attributed).

The rules are general patterns of English news reporting, not lists of names:

1. reporting verb with a clausal complement: "Kirby said (that) P", "officials believe P";
2. the inverted form "P, Kirby said" (the parser makes P a ``ccomp`` or the verb a
   ``parataxis``);
3. a reporting verb whose complement is a direct quotation in the same sentence;
4. accusation/denial/admission verbs with nominal or gerund complements:
   "accused Iran of supplying drones", "denies having sent any", "admitted to sending";
5. "according to X" (X may be "a statement by Y", "information from Y": Y is the source);
6. "X, citing Y, reports P": Y becomes the inner link of X's frame;
7. passive "This was reported by X": the content is the previous sentence;
8. headline "X: P" (a short source before a colon).

Nesting ("Kirby said U.S. intelligence believes P") is not resolved here: a frame whose
cue lies inside another frame's content is that frame's inner link; ``extract`` builds the
chains.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

#: Reporting cues by lemma, with the class that later decides modality and polarity.
#: ``speech``: neutral report; ``belief``: epistemic (hedges the content); ``denial``:
#: negates it; ``admission``: concedes it; ``accusation``: charges someone with it;
#: ``finding``: a discovery or evidence verb that needs a clause ("found that").
CUE_CLASS: dict[str, str] = {
    **dict.fromkeys(
        (
            "say", "tell", "state", "report", "announce", "add", "stress", "note", "explain",
            "write", "declare", "reiterate", "repeat", "emphasize", "emphasise", "insist",
            "argue", "assert", "maintain", "warn", "reveal", "disclose", "testify", "tweet",
            "comment", "remark", "respond", "reply", "answer", "recall", "describe",
            "predict", "promise", "pledge", "vow", "threaten", "urge", "mention", "observe",
            "contend", "caution", "complain", "boast", "counter", "retort", "inform",
            "assure", "clarify", "specify", "announce", "post", "acknowledge", "claim",
            "allege", "continue", "ask", "question", "wonder", "quote", "point",
            "joke", "quip", "shout", "chant", "yell", "scream", "exclaim", "whisper",
            "muse", "tout", "lament", "recount", "read", "concede", "boast", "brag",
            "proclaim", "remind", "suggest",
        ),
        "speech",
    ),
    **dict.fromkeys(
        (
            "believe", "think", "suspect", "estimate", "assess", "expect", "fear", "hope",
            "doubt", "assume", "suppose", "guess", "feel", "reckon", "speculate", "suggest",
            "worry", "calculate", "project", "forecast", "consider",
        ),
        "belief",
    ),
    **dict.fromkeys(
        ("deny", "reject", "dismiss", "refute", "dispute", "rebut", "disavow", "contest"),
        "denial",
    ),
    **dict.fromkeys(("admit", "concede", "confess", "confirm"), "admission"),
    **dict.fromkeys(("accuse", "blame", "charge"), "accusation"),
    **dict.fromkeys(
        (
            "urge", "want", "demand", "support", "back", "praise", "criticize", "criticise",
            "condemn", "welcome", "endorse", "oppose", "propose", "thank", "mock", "refuse",
            "call", "vow", "plan", "intend", "prefer", "recommend", "insist", "request",
            "applaud", "slam", "blast", "decry", "defend", "dismiss", "vote", "favor", "decline",
            "favour", "tout", "hail", "denounce", "reject",
        ),
        "stance",
    ),
    **dict.fromkeys(
        (
            "find", "discover", "learn", "know", "show", "indicate", "determine", "conclude",
            "establish", "prove", "demonstrate", "realize", "understand", "hear", "signal",
            "imply", "confirm",
        ),
        "finding",
    ),
}
CUE_CLASS["confirm"] = "admission"
CUE_CLASS["claim"] = "speech"
CUE_CLASS["allege"] = "speech"
CUE_CLASS["insist"] = "speech"
CUE_CLASS["dismiss"] = "denial"
CUE_CLASS["reject"] = "denial"
CUE_CLASS["tout"] = "speech"
CUE_CLASS["vow"] = "speech"
CUE_CLASS["suggest"] = "belief"
CUE_CLASS["concede"] = "admission"

#: Cues that only count with a clause or a quotation as content. "continue" and "add"
#: report speech only when they introduce a quote ("He continued, '...'"); finding and
#: belief verbs need a clause ("found that ..."), otherwise "found the wreckage" would
#: become an attribution.
NEEDS_CLAUSE = frozenset(
    {lemma for lemma, cls in CUE_CLASS.items() if cls in ("finding", "belief")}
    | {"report", "announce", "reveal", "post", "point", "continue", "quote", "question"}
)
QUOTE_ONLY = frozenset({"continue", "add", "read"})
#: Participles that report what the noun they modify says: "911 calls saying shots had
#: been fired", "a statement claiming responsibility".
REPORTING_PARTICIPLES = frozenset(
    {"say", "claim", "state", "warn", "argue", "allege", "assert", "report", "announce",
     "insist", "suggest", "indicate", "confirm", "deny"}
)
#: One-word answers that stand for a clause: "55 percent said so", "most said yes".
PRO_CLAUSES = frozenset({"so", "yes", "no"})

#: Nouns that name a vehicle of information rather than its source: in "according to a
#: statement by Kirby" the source is Kirby, not the statement.
INFO_NOUNS = frozenset(
    {
        "statement", "report", "information", "data", "finding", "assessment", "estimate",
        "analysis", "document", "filing", "release", "announcement", "survey", "poll",
        "study", "review", "tally", "figure", "account", "record", "reporting", "remark",
        "comment", "testimony", "briefing", "interview", "post", "letter", "memo", "note",
        "video", "footage", "image", "photo", "transcript", "count", "intelligence",
    }
)
#: Verbs that take a raised subject in the passive: "X is said/believed to be ...".
RAISING = frozenset(
    {
        "say", "believe", "think", "report", "know", "estimate", "suspect", "understand",
        "allege", "consider", "rumor", "rumour", "fear", "reckon", "presume", "assume", "claim",
        "expect",
    }
)
#: Nouns that carry content in "repeated claims that P", "denied reports that P".
CONTENT_NOUNS = frozenset(
    {
        "claim", "allegation", "report", "accusation", "assertion", "warning", "statement",
        "charge", "suggestion", "assessment", "belief", "view", "rumor", "rumour", "notion",
        "idea", "contention", "insistence", "conclusion", "finding", "estimate", "fear",
    }
)
#: Pronoun and anaphor sources that ``extract`` resolves to an earlier speaker.
PRONOUN_SOURCES = frozenset({"he", "she", "they", "it", "we", "i"})

OPEN_QUOTES = "\u201c\u201e\u00ab\u2039"
CLOSE_QUOTES = "\u201d\u00bb\u203a"
#: Quotation marks, including the doubled apostrophes and backticks of typewriter-era
#: and wire copy (``On espere,'' he said).
_QUOTE_RE = re.compile(r"''|``|[\"\u201c\u201d\u201e\u00ab\u00bb\u2039\u203a]")


@dataclass(frozen=True)
class Frame:
    """One attribution in one sentence; token indices are positions in the spaCy ``Doc``."""

    cue: tuple[int, ...]
    """Token indices of the cue words ("according", "to"), without auxiliaries."""
    cue_range: tuple[int, int]
    """Token range of the cue with its auxiliaries ("has learned"), end exclusive."""
    cue_lemma: str
    cue_class: str
    """speech, belief, denial, admission, accusation, finding, according, colon."""
    source: tuple[int, int] | None
    """Token range of the source phrase; None when unnamed ("it was reported")."""
    content: tuple[int, ...]
    """Sorted token indices of the attributed content (empty for ``previous``)."""
    head: int | None
    """Head token of the content clause."""
    kind: str
    """clause, quote, previous (content is the preceding sentence), next (content is the
    following sentence: "X said:" ending its line), pro ("said so"), according, colon."""
    inner_source: tuple[int, int] | None = None
    """Source cited by this frame's source ("X, citing Y, said"): token range of Y."""
    inner_cue: str | None = None


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Character ranges strictly inside quotation marks, in order.

    Curly quotes pair by direction; straight quotes alternate. An unclosed quote at the
    end of a paragraph is closed at the paragraph end, which is how news continues a
    quotation into the next paragraph.
    """
    regions: list[tuple[int, int]] = []
    open_at: int | None = None
    for match in _QUOTE_RE.finditer(text):
        ch, pos = match.group(), match.start()
        if open_at is not None and "\n\n" in text[open_at:pos]:
            regions.append((open_at, open_at + text[open_at:pos].index("\n\n")))
            open_at = None
        if ch == "``":
            open_at = pos + 2
        elif ch == "''":
            # Doubled apostrophes toggle like a straight quote mark.
            if open_at is None:
                open_at = pos + 2
            else:
                regions.append((open_at, pos))
                open_at = None
        elif ch in OPEN_QUOTES:
            open_at = pos + 1
        elif ch in CLOSE_QUOTES:
            if open_at is not None:
                regions.append((open_at, pos))
                open_at = None
        else:  # straight quote: toggles
            if open_at is None:
                # An apostrophe-like straight quote inside a word is not a quotation mark.
                if pos > 0 and text[pos - 1].isalnum() and pos + 1 < len(text) and text[pos + 1].isalnum():
                    continue
                open_at = pos + 1
            else:
                regions.append((open_at, pos))
                open_at = None
    if open_at is not None:
        end = text.find("\n", open_at)
        regions.append((open_at, len(text) if end < 0 else end))
    return [(a, b) for a, b in regions if b > a]


def _trim_range(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Drop punctuation and quote marks at both ends of a token range."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def source_range(tok: Any) -> tuple[int, int]:
    """Token range of the noun phrase headed by ``tok``, cut before appositions and
    relative clauses that follow a comma ("Kirby, who ..., said" -> "Kirby")."""
    left = tok.left_edge.i
    right = tok.right_edge.i + 1
    for child in tok.rights:
        if child.dep_ in ("appos", "relcl", "acl", "punct") and child.i > tok.i:
            comma_before = child.i > 0 and tok.doc[child.i - 1].text in (",", "(", "\u2014", "-")
            if child.dep_ == "punct" or comma_before:
                right = min(right, child.left_edge.i)
    return _trim_range(tok.doc, left, max(right, tok.i + 1))


def _subject(verb: Any) -> tuple[Any | None, bool]:
    """The source token of a reporting verb and whether the verb is passive.

    Follows conjunctions and control ("went on to say") up to the verb that has a
    subject; a relative pronoun subject ("officials who said") is replaced by its
    antecedent.
    """
    node = verb
    if verb.tag_ == "VBN" and verb.dep_ == "advcl" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children
    ):
        # "Asked whether P, 72 percent said ...": whoever asked is not named; the main
        # clause's subject is the one who was asked.
        return None, True
    for _ in range(4):
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in node.children)
        if passive:
            for child in node.children:
                if child.dep_ == "agent":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            return pobj, True
            return None, True
        for child in node.children:
            if child.dep_ == "nsubj":
                if child.tag_ in ("WP", "WDT") and node.dep_ == "relcl":
                    return node.head, False
                return child, False
        if node.dep_ in ("conj", "xcomp", "advcl") and node.head.i != node.i:
            head = node.head
            if (
                node.dep_ == "conj"
                and node.lemma_.lower() in CUE_CLASS
                and head.dep_ == "ccomp"
                and head.head.lemma_.lower() in CUE_CLASS
            ):
                # "X admitted that P but denies Q": the parser hangs "denies" under P, but
                # it is X who denies; climb to the outer cue.
                head = head.head
            node = head
            continue
        break
    return _misattached_subject(verb), False


def _misattached_subject(verb: Any) -> Any | None:
    """The subject of a reporting verb that the parser hung under one of its clauses:
    inverted "'P,' said Senator Kirk, becoming ..." (Kirk the subject of "becoming"), or
    "Mr. Slinker, whose start-up uses data, said P" (Slinker the subject of "uses")."""
    doc = verb.doc
    nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
    if nxt is not None and nxt.dep_ in ("nsubj", "nsubjpass") and nxt.pos_ in ("PROPN", "NOUN"):
        return nxt
    for child in verb.children:
        if child.dep_ != "ccomp" or child.i > verb.i:
            continue
        for subj in child.children:
            right = subj.right_edge.i
            if (
                subj.dep_ == "nsubj" and subj.pos_ == "PROPN"
                and subj.left_edge.i == child.left_edge.i
                and right + 1 < verb.i and doc[right + 1].text == ","
            ):
                return subj
    return None


def _clause_tokens(head: Any, exclude: set[int]) -> list[int]:
    return sorted(t.i for t in head.subtree if t.i not in exclude)


def _content_children(verb: Any, cls: str) -> tuple[list[int], Any | None, str]:
    """Content tokens governed by a reporting verb, its head and the frame kind."""
    ccomps = [c for c in verb.children if c.dep_ == "ccomp"]
    if ccomps:
        tokens = sorted({t.i for c in ccomps for t in c.subtree})
        return tokens, ccomps[0], "clause"
    if cls == "accusation":
        # "accused Iran of supplying drones": the accused party plus what they are accused of.
        objs = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
        # The parser hangs "of <charge>" on the verb or on the accused.
        preps = [
            c for node in [verb, *objs] for c in node.children
            if c.dep_ == "prep" and c.lower_ in ("of", "for")
        ]
        if preps:
            tokens = sorted({t.i for c in objs + preps for t in c.subtree})
            head = next((g for g in preps[0].children if g.dep_ in ("pcomp", "pobj")), preps[0])
            return tokens, head, "clause"
    if cls == "stance":
        # "urged Congress to act", "wants the law repealed", "called for an inquiry".
        xcomps = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
        objs = [c for c in verb.children if c.dep_ == "dobj"]
        if xcomps:
            tokens = sorted({t.i for c in xcomps + objs for t in c.subtree})
            return tokens, xcomps[0], "clause"
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "for"]
        if objs or preps:
            tokens = sorted({t.i for c in objs + preps for t in c.subtree})
            return tokens, (objs + preps)[0], "stance"
        return [], None, ""
    if cls in ("denial", "admission", "speech", "belief", "finding"):
        xcomps = [c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")]
        raising = (
            verb.lemma_.lower() in RAISING
            and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
            and any(
                x.lemma_ in ("be", "have") or any(a.lemma_ in ("be", "have") for a in x.children)
                for x in xcomps
            )
        )
        if xcomps and (cls in ("denial", "admission") or raising):
            # "denies having sent", "is believed to be building" (the subject is content).
            subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
            tokens = sorted({t.i for c in xcomps + subj for t in c.subtree})
            return tokens, xcomps[0], "clause"
        if cls in ("denial", "admission"):
            for child in verb.children:
                if child.dep_ == "prep" and child.lower_ == "to":
                    for g in child.children:
                        if g.dep_ in ("pcomp", "pobj"):
                            return sorted(t.i for t in child.subtree), g, "clause"
                if child.dep_ == "dobj" and child.lower_ not in PRONOUN_SOURCES:
                    if cls == "denial" or child.tag_ == "VBG":
                        return sorted(t.i for t in child.subtree), child, "clause"
    for child in verb.children:
        # "reiterated claims that P", "repeated allegations that P": the noun's clause.
        if child.dep_ in ("dobj", "nsubjpass") and child.lemma_.lower() in CONTENT_NOUNS:
            clause = next(
                (g for g in child.children if g.dep_ in ("acl", "ccomp", "relcl")
                 and any(m.dep_ == "mark" and m.lower_ == "that" for m in g.children)),
                None,
            )
            if clause is not None:
                return sorted(t.i for t in clause.subtree), clause, "clause"
    if cls in ("speech", "belief"):
        for child in verb.children:
            if child.lower_ in PRO_CLAUSES and child.dep_ in ("advmod", "dobj", "intj", "ccomp"):
                # "55 percent said so": the answer stands for the clause asked about.
                return [child.i], child, "pro"
    if verb.dep_ == "parataxis" and verb.head.i != verb.i:
        # "P, he said": the whole sentence except the reporting clause.
        sent = verb.sent
        own = {t.i for t in verb.subtree}
        tokens = [t.i for t in sent if t.i not in own and not t.is_punct]
        head = verb.head
        return tokens, head, "clause"
    return [], None, ""


def _cue_range(verb: Any) -> tuple[int, int]:
    """The cue verb with its auxiliaries and particles ("has learned", "pointed out")."""
    start = verb.i
    for child in verb.lefts:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i >= start - 3:
            start = min(start, child.i)
    end = verb.i + 1
    for child in verb.rights:
        if child.dep_ == "prt" and child.i == end:
            end += 1
    return start, end


def _in_quote(tok: Any, regions: list[tuple[int, int]]) -> bool:
    return any(a <= tok.idx < b for a, b in regions)


#: Reporting verbs whose nominal object is what is reported ("announced his
#: resignation"): attribution corpora count it; a claim needs a clause, so only the
#: ``stance`` mode of ``find_frames`` takes it.
NOMINAL_REPORTS = frozenset({"announce", "reveal", "report", "disclose", "confirm", "unveil"})


def _verb_frame(
    verb: Any, regions: list[tuple[int, int]], stance: bool = False
) -> Frame | None:
    lemma = verb.lemma_.lower()
    cls = CUE_CLASS[lemma]
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and (
        lemma in REPORTING_PARTICIPLES or cls == "stance"
    ):
        return _participle_frame(verb, cls)
    if verb.pos_ != "VERB" or verb.dep_ in ("amod", "compound", "acl", "nmod"):
        return None
    if any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return None  # "as previously reported": a pointer, not an attribution
    if lemma == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return None
    sent = verb.sent
    tokens, head, kind = _content_children(verb, cls)
    if head is not None and lemma in QUOTE_ONLY and not any(
        _in_quote(verb.doc[i], regions) for i in tokens
    ) and not any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children):
        # "added a second bore" is no report; "added that P" and "added, 'P'" are.
        tokens, head, kind = [], None, ""
    if head is None and cls in ("speech", "admission", "denial") and not _in_quote(verb, regions):
        # A reporting verb introducing a quotation elsewhere in the sentence.
        text = verb.doc.text
        line_start = text.rfind("\n", 0, verb.idx) + 1
        line_end = text.find("\n", verb.idx)
        line_end = len(text) if line_end < 0 else line_end
        quoted = [
            t.i for t in sent
            if _in_quote(t, regions) and not t.is_punct and line_start <= t.idx < line_end
        ]
        if quoted:
            tokens = quoted
            head = max((sent.doc[i] for i in quoted), key=lambda t: -len(list(t.ancestors)))
            kind = "quote"
    if head is None and stance and lemma in NOMINAL_REPORTS:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON"), None)
        if obj is not None:
            tokens, head, kind = sorted(t.i for t in obj.subtree), obj, "nominal"
    if head is None:
        subj_pass = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if subj_pass and subj_pass[0].lower_ in ("this", "that", "these", "it") and cls in (
            "speech",
            "admission",
            "finding",
        ):
            # "This was reported by Kirby": the content is the preceding sentence.
            source_tok, _ = _subject(verb)
            return Frame(
                cue=(verb.i,), cue_range=_cue_range(verb), cue_lemma=lemma, cue_class=cls,
                source=source_range(source_tok) if source_tok is not None else None,
                content=(), head=None, kind="previous",
            )
        return _next_frame(verb, cls)
    if (
        lemma in NEEDS_CLAUSE and kind == "clause" and head.pos_ not in ("VERB", "AUX")
        and cls not in ("denial", "admission", "accusation")
    ):
        return None
    source_tok, passive = _subject(verb)
    source = source_range(source_tok) if source_tok is not None else None
    if source_tok is not None and source_tok.lower_ in ("it",) and passive:
        source = None
    if source is None and not passive and kind != "quote":
        # An active reporting verb without any subject is usually a parse fragment.
        if verb.dep_ not in ("ROOT", "parataxis"):
            return None
    cue_tokens = (verb.i,) + tuple(
        c.i for c in verb.children if c.dep_ == "prt" and lemma == "point"
    )
    content = tuple(i for i in tokens if not (source and source[0] <= i < source[1]))
    return Frame(
        cue=cue_tokens, cue_range=_cue_range(verb), cue_lemma=lemma, cue_class=cls,
        source=source, content=content, head=head.i, kind=kind,
    )


def _participle_frame(verb: Any, cls: str) -> Frame | None:
    """"911 calls saying shots had been fired": the noun the participle modifies is the
    source and the participle's clause the content."""
    ccomps = [c for c in verb.children if c.dep_ == "ccomp"]
    if cls == "stance":
        # "the Super PAC backing Jeb Bush": what the noun supports or wants.
        ccomps = [c for c in verb.children if c.dep_ in ("dobj", "xcomp", "ccomp")]
    if not ccomps:
        return None
    tokens = tuple(sorted({t.i for c in ccomps for t in c.subtree}))
    noun = verb.head
    source = _trim_range(verb.doc, noun.left_edge.i, max(noun.i + 1, verb.left_edge.i))
    return Frame(
        cue=(verb.i,), cue_range=_cue_range(verb), cue_lemma=verb.lemma_.lower(),
        cue_class=cls, source=source, content=tokens, head=ccomps[0].i, kind="clause",
    )


def _next_frame(verb: Any, cls: str) -> Frame | None:
    """"Reporter X says:" ending its line: the content is what follows (the next
    sentence or paragraph), as news introduces a long quotation."""
    doc = verb.doc
    # Skip what the verb governs before the colon ("told reporters on Friday:").
    governed = {
        t.i for c in verb.children if c.i > verb.i
        and c.dep_ in ("dobj", "dative", "prt", "npadvmod", "advmod", "prep") for t in c.subtree
    }
    after = [t for t in doc[verb.i + 1 :] if not t.is_space and t.i not in governed]
    rest = [t for t in after if t.text != ":"]
    if cls not in ("speech", "admission", "denial") or not after or after[0].text != ":":
        return None
    line_end = doc.text.find("\n", after[0].idx)
    if rest and (line_end < 0 or rest[0].idx < line_end):
        return None
    source_tok, _ = _subject(verb)
    if source_tok is None:
        return None
    return Frame(
        cue=(verb.i,), cue_range=_cue_range(verb), cue_lemma=verb.lemma_.lower(),
        cue_class=cls, source=source_range(source_tok), content=(), head=None, kind="next",
    )


#: Verbs that present their clause as an impression nobody in particular holds ("the
#: style appears to resonate", "it seems that P"): attribution corpora mark them as
#: source-less attributions; for claims they are hedges (``modality.HEDGE_VERBS``).
EVIDENTIALS = frozenset({"seem", "appear"})


def _evidential_frame(verb: Any) -> Frame | None:
    """"X appears to P" / "It seems that P": a frame without a source."""
    parts = [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]
    if not parts:
        return None
    subj = [c for c in verb.children if c.dep_ == "nsubj" and c.lower_ != "it"]
    tokens = sorted({t.i for c in parts + subj for t in c.subtree})
    return Frame(
        cue=(verb.i,), cue_range=_cue_range(verb), cue_lemma=verb.lemma_.lower(),
        cue_class="belief", source=None, content=tuple(tokens), head=parts[0].i,
        kind="clause",
    )


def _according_frame(tok: Any) -> Frame | None:
    """"according to X", "according to a statement by X"."""
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    if to is None:
        return None
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    src = pobj
    if pobj.lemma_.lower() in INFO_NOUNS:
        for child in pobj.children:
            if child.dep_ == "poss":
                src = child
                break
            if child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
                inner = next((g for g in child.children if g.dep_ == "pobj"), None)
                if inner is not None:
                    src = inner
                    break
    # The content is the clause the phrase modifies, minus the phrase itself.
    node = tok.head
    while node.head.i != node.i and node.pos_ not in ("VERB", "AUX"):
        node = node.head
    own = {t.i for t in tok.subtree}
    sent = tok.sent
    if node.pos_ in ("VERB", "AUX"):
        tokens = [i for i in _clause_tokens(node, own) if not sent.doc[i].is_punct]
    else:
        tokens = [t.i for t in sent if t.i not in own and not t.is_punct]
    if not tokens:
        return None
    return Frame(
        cue=(tok.i, to.i), cue_range=(tok.i, to.i + 1), cue_lemma="according to",
        cue_class="according", source=source_range(src), content=tuple(tokens),
        head=node.i, kind="according",
    )


def _colon_frame(sent: Any, regions: list[tuple[int, int]], headline: bool) -> Frame | None:
    """"Source: claim": a headline ("Pentagon: strike hit a depot") or a body line whose
    claim is a quotation ("Pollster Ann Lee: “Early wins matter.”"). The source is a short
    noun phrase (no verb, not "The Latest"); a headline claim needs a verb."""
    colon = next((t for t in sent if t.text == ":"), None)
    if colon is None:
        return None
    prefix = [t for t in sent if t.i < colon.i and not t.is_space]
    rest = [t for t in sent if t.i > colon.i and not t.is_space]
    if not 1 <= len(prefix) <= 7 or prefix[0].tag_ in ("DT", "PRP", "WP", "CD"):
        return None
    # Title-case headlines mislead the tagger ("Wash Post Fact-Check" starts with a
    # verb): there a capitalised name counts as a noun phrase.
    title = headline and all(t.text[:1].isupper() or t.is_punct for t in prefix)
    if not title and (
        not any(t.pos_ in ("PROPN", "NOUN") for t in prefix)
        or any(t.pos_ in ("VERB", "AUX") or t.tag_ in ("PRP", "WP") for t in prefix)
    ):
        return None
    if not rest:
        # The parser ended the sentence at the colon ("NY Daily News:" + claim): the
        # claim is the next sentence of the line.
        line_end = sent.doc.text.find("\n", colon.idx)
        after = sent.doc.text[colon.idx + 1 : None if line_end < 0 else line_end]
        if not (headline or after.lstrip()[:1] in "\"\u201c\u2018") or len(after.split()) < 3:
            return None
        start, end = _trim_range(sent.doc, prefix[0].i, colon.i)
        return Frame(
            cue=(colon.i,), cue_range=(colon.i, colon.i + 1), cue_lemma=":",
            cue_class="colon", source=(start, end), content=(), head=None, kind="next",
        )
    if len(rest) < 3:
        return None
    quoted = _in_quote(rest[0], regions) or rest[0].text in "\"\u201c\u2018'"
    if not headline and not quoted:
        return None
    if headline and not quoted and not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return None
    start, end = _trim_range(sent.doc, prefix[0].i, colon.i)
    content = tuple(t.i for t in rest if not t.is_punct)
    head = next((t for t in rest if t.dep_ == "ROOT"), None)
    if head is None:
        head = min(rest, key=lambda t: len(list(t.ancestors)))
    return Frame(
        cue=(colon.i,), cue_range=(colon.i, colon.i + 1), cue_lemma=":", cue_class="colon",
        source=(start, end), content=content, head=head.i, kind="colon",
    )


def _split_siblings(frames: list[Frame], doc: Any) -> list[Frame]:
    """Cut out of a frame's content the relative, coordinated or appended clause of
    another cue: in "three-quarters said P, and 4 in 10 said Q", "six in 10 said P; 46
    percent said Q" or "a sentence, which I said was not a prison term", Q and the
    relative clause belong to their own cue, not to the first frame's content."""
    out = []
    for frame in frames:
        content = set(frame.content)
        for other in frames:
            cue = doc[other.cue[0]]
            if other is frame or cue.i not in content:
                continue
            if cue.dep_ not in ("relcl", "conj", "parataxis"):
                continue
            if other.source is None and cue.dep_ != "relcl":
                continue
            content -= {t.i for t in cue.subtree}
        if len(content) != len(frame.content) and content:
            frame = Frame(
                cue=frame.cue, cue_range=frame.cue_range, cue_lemma=frame.cue_lemma,
                cue_class=frame.cue_class, source=frame.source, content=tuple(sorted(content)),
                head=frame.head if frame.head in content else min(content), kind=frame.kind,
                inner_source=frame.inner_source, inner_cue=frame.inner_cue,
            )
        out.append(frame)
    return out


def find_frames(
    sent: Any, regions: list[tuple[int, int]], *, headline: bool = False, stance: bool = False
) -> list[Frame]:
    """All attribution frames of one sentence, in token order.

    ``regions`` are the quotation character ranges of the sentence's spaCy ``Doc``
    (see ``quote_regions``). "X, citing Y," is folded into X's frame as its inner source.
    ``stance`` also returns stance and intention cues ("urged", "wants", "praised"),
    which attribution corpora annotate but which state no checkable claim of the source,
    so claim extraction leaves them out.
    """
    frames: list[Frame] = []
    citing: dict[int, tuple[int, int]] = {}
    for tok in sent:
        low = tok.lower_
        if low == "according":
            frame = _according_frame(tok)
            if frame is not None:
                frames.append(frame)
            continue
        lemma = tok.lemma_.lower()
        if lemma in ("cite", "quote") and tok.tag_ == "VBG" and tok.dep_ in ("advcl", "xcomp", "acl"):
            obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
            if obj is not None:
                target = tok.head
                if target.dep_ == "appos" or target.pos_ not in ("VERB", "AUX"):
                    target = target.head
                citing[target.i] = source_range(obj)
            continue
        if stance and lemma in EVIDENTIALS and tok.pos_ == "VERB":
            frame = _evidential_frame(tok)
            if frame is not None:
                frames.append(frame)
            continue
        if lemma in CUE_CLASS and tok.pos_ == "VERB":
            if CUE_CLASS[lemma] == "stance" and not stance:
                continue
            frame = _verb_frame(tok, regions, stance)
            if frame is not None:
                frames.append(frame)
    colon = _colon_frame(sent, regions, headline)
    if colon is not None and not any(f.cue[0] < colon.cue[0] for f in frames):
        # "Cruz: 'I fear the same is true'": the colon frame is the outer one.
        frames.insert(0, colon)
    frames = _split_siblings(frames, sent.doc)
    out = []
    for frame in frames:
        if frame.cue[0] in citing:
            frame = Frame(
                cue=frame.cue, cue_range=frame.cue_range, cue_lemma=frame.cue_lemma,
                cue_class=frame.cue_class, source=frame.source, content=frame.content,
                head=frame.head, kind=frame.kind, inner_source=citing[frame.cue[0]],
                inner_cue="citing",
            )
        out.append(frame)
    return out
