"""Value conflicts: distances, "near X", the gazetteer, and figures, places and dates that
two reports of one fact state differently.

Which claims are compared (``comparable_pairs``): two claims of different documents (or a
headline and a body claim of one document) that are in one proposition and at least
``PAIR_SIM`` similar, or that are at least ``CROSS_SIM`` similar wherever alignment put
them. For dates only (``event_pairs``), two dated claims at least ``PAIR_SIM`` similar
are also compared when they share an event verb and a noun ("the fire started on
Monday" / "the fire, which started on Tuesday"): a report giving another day for the
same event is often worded apart enough for alignment to keep it separate. For counted
figures only (``figure_pairs``), two figures of different documents are also compared
when the clauses around them, figures left out, are at least ``FIGURE_SIM`` similar and
share a noun besides the counted thing ("nine people were treated in hospital" inside a
long sentence about something else, against "14 people were taken to hospital"). A proposition can gather loosely related statements, and comparing their dates or
figures would report differences between two events as a conflict; two very similar
claims that alignment kept apart (a headline against a body sentence) still describe one
fact. Incompatible values found on such pairs are grouped into connected components, one
conflict each.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ..records import Claim, Conflict, ConflictValue
from ..unionfind import DisjointSets
from . import conflict_rules as rules
from .common import claim_text
from .conflict_story import Story, docs_of, make_conflict, make_value

#: Similarity two claims of one proposition need before their values are compared.
PAIR_SIM = 0.6
#: Similarity at which any two claims are compared.
CROSS_SIM = 0.7
#: Similarity two clauses around counted figures need before the figures are compared.
FIGURE_SIM = 0.7
#: Where a clause ends: punctuation, coordinating and subordinating conjunctions.
_CLAUSE_BREAK = re.compile(
    r"[,;:.!?()\n\u2013\u2014]|\b(?:and|but|while|after|before|when|as|because|although|"
    r"though|whereas|since|until)\b",
    re.I,
)


class _Clash:
    """Union-find over incompatible values: each connected component is one conflict."""

    def __init__(self) -> None:
        self.sets: DisjointSets[Any] = DisjointSets()
        self.item: dict[Any, Any] = {}

    def add(self, ka: Any, a: Any, kb: Any, b: Any) -> None:
        self.item[ka], self.item[kb] = a, b
        self.sets.union(ka, kb)

    def groups(self) -> list[list[Any]]:
        return [[self.item[k] for k in group] for group in self.sets.groups()]


def distance_conflicts(story: Story, statements: list[rules.DistanceStatement]) -> list[Conflict]:
    """Figures for one distance that cannot both be right (900 km vs 1,100 km).

    Two statements measure one distance when their origins are one place (or one origin
    is unnamed) and their located places are compatible (or unknown), but not when both
    the origin and the located place are unknown.
    """
    clash = _Clash()
    for i, a in enumerate(statements):
        for b in statements[i + 1 :]:
            if a.claim.id == b.claim.id:
                continue
            if a.origin and b.origin and a.origin.key != b.origin.key:
                continue
            if not (a.origin and b.origin) and not (a.target and b.target):
                continue
            scale = max(_low_km(a), _low_km(b), 1.0)
            if a.target and b.target and not rules.same_target(a.target, b.target, scale):
                continue
            if rules.quantities_compatible(a.quantity, b.quantity) is False:
                clash.add((a.span.doc, a.span.start), a, (b.span.doc, b.span.start), b)
    out = []
    for group in clash.groups():
        sts: list[rules.DistanceStatement] = sorted(group, key=lambda s: (s.span.doc, s.span.start))
        keys = {(s.span.doc, s.span.start) for s in sts}
        origin_key = next((s.origin.key for s in sts if s.origin), None)
        target_place = next((s.target for s in sts if s.target), None)
        fitting = sorted({
            story.label(s.span.doc) for s in statements
            if (s.span.doc, s.span.start) not in keys and s.origin and s.origin.key == origin_key
            and (s.target is None or target_place is None
                 or rules.same_target(s.target, target_place, max(_low_km(s), 1.0)))
        })
        origin = next((s.origin.name for s in sts if s.origin), "the story's place")
        target = next((s.target.name for s in sts if s.target), "the site")
        stated = " vs ".join(
            f"{rules.describe_quantity(s.quantity)} ({story.label(s.span.doc)})" for s in sts
        )
        summary = f"Distance of {target} from {origin}: {stated}"
        if fitting:
            summary += f"; vaguer figures ({', '.join(fitting)}) fit all of them"
        out.append(
            make_conflict(
                "quantity", summary, (s.claim.id for s in sts),
                (make_value(s.span, rules.format_quantity(s.quantity)) for s in sts),
            )
        )
    return out


def reference_conflicts(story: Story, statements: list[rules.DistanceStatement]) -> list[Conflict]:
    out = []
    for st in statements:
        gap = rules.reference_gap(st)
        if gap is None or not gap[1]:
            continue
        d = gap[0]
        assert st.target is not None and st.origin is not None
        stated = rules.format_quantity(st.quantity)
        note = " (a road distance can be longer)" if (st.quantity.value or 0) > d else ""
        measured = " (measured from there by other reports)" if st.inferred else ""
        summary = (
            f"{story.label(st.span.doc)} puts {st.target.name} {stated} from "
            f"{st.origin.name}{measured}; the great-circle distance is about {d:,.0f} km{note}"
        )
        reference = f"great-circle distance {st.origin.name} - {st.target.name}: {d:,.0f} km (gazetteer)"
        out.append(make_conflict("reference", summary, [st.claim.id], [make_value(st.span, stated)], reference))
    return out


def _low_km(st: rules.DistanceStatement) -> float:
    q = st.quantity
    if q.low is not None:
        return q.low
    return q.value if q.value is not None else 0.0


def near_conflicts(
    story: Story, nears: list[rules.NearStatement], statements: list[rules.DistanceStatement]
) -> list[Conflict]:
    out = []
    by_place: dict[str, list[rules.NearStatement]] = defaultdict(list)
    for near in nears:
        by_place[near.place.key].append(near)
    for key, group in sorted(by_place.items()):
        fars = [
            s for s in statements
            if s.origin is not None and s.origin.key == key and _low_km(s) > rules.NEAR_MAX_KM
        ]
        name = group[0].place.name
        near_docs = {n.span.doc for n in group}
        far_docs = {s.span.doc for s in fars}
        if fars and far_docs - near_docs or fars and len(near_docs | far_docs) > 1:
            stated = "; ".join(
                f"{rules.describe_quantity(s.quantity)} ({story.label(s.span.doc)})" for s in fars
            )
            summary = (
                f"\u201cnear {name}\u201d ({docs_of(story, near_docs)}) against stated distances "
                f"from {name}: {stated}"
            )
            values = [make_value(n.span, f"near {name} (<= {rules.NEAR_MAX_KM:.0f} km)") for n in group]
            values += [make_value(s.span, rules.format_quantity(s.quantity)) for s in fars]
            claims = [n.claim.id for n in group] + [s.claim.id for s in fars]
            out.append(make_conflict("place", summary, claims, values))
        for doc in sorted(near_docs & far_docs):
            own_n = [n for n in group if n.span.doc == doc]
            own_f = [s for s in fars if s.span.doc == doc]
            where = "its headline" if any(n.claim.segment == "headline" for n in own_n) else "it"
            summary = (
                f"{story.label(doc)}: {where} says \u201cnear {name}\u201d but the report also "
                f"gives {', '.join(rules.describe_quantity(s.quantity) for s in own_f)} from {name}"
            )
            values = [make_value(n.span, f"near {name}") for n in own_n]
            values += [make_value(s.span, rules.format_quantity(s.quantity)) for s in own_f]
            out.append(make_conflict("internal", summary, [c.claim.id for c in own_n + own_f], values))
    return out


# 1, 3, 4. values inside one proposition ----------------------------------------------


def comparable_pairs(story: Story) -> list[tuple[Claim, Claim]]:
    """Claim pairs whose stated values should agree (see the module docstring)."""
    import numpy as np

    claims = story.claims
    if len(claims) < 2:
        return []
    vecs = story.vectors(claim_text(c) for c in claims)
    matrix = np.stack([vecs[claim_text(c)] for c in claims])
    pairs = []
    for i, j, value in similar_pairs(matrix, PAIR_SIM):
        a, b = claims[i], claims[j]
        if a.span.doc == b.span.doc and a.segment == b.segment:
            continue
        if story.same_prop(a.id, b.id) or value >= CROSS_SIM:
            pairs.append((a, b))
    return pairs


#: Rows of the similarity matrix computed at once when a story has more claims than this
#: (a story of hundreds of articles: the whole matrix would take gigabytes).
DENSE_ROWS = 2000


def similar_pairs(matrix: Any, threshold: float) -> Iterator[tuple[int, int, float]]:
    """Index pairs ``i < j`` of unit vectors at least ``threshold`` similar, with the
    similarity, row by row. Small inputs use the whole matrix at once; large ones go
    ``DENSE_ROWS`` rows at a time, so memory grows with the rows, not their square."""
    import numpy as np

    n = matrix.shape[0]
    step = n if n <= DENSE_ROWS else DENSE_ROWS
    for start in range(0, n, step):
        block = matrix[start : start + step] @ matrix.T
        rows, cols = np.nonzero(np.triu(block >= threshold, k=1 + start))
        for r, j in zip(rows.tolist(), cols.tolist(), strict=True):
            yield start + r, j, block[r, j]


def event_pairs(story: Story) -> list[tuple[Claim, Claim]]:
    """Dated claim pairs of different documents, at least ``PAIR_SIM`` similar, that
    state one event: a shared verb stem (``Predicates.heads``) and a shared noun."""
    import numpy as np

    dated = [c for c in story.claims if rules.event_time(c) is not None]
    if len(dated) < 2:
        return []
    vecs = story.vectors(claim_text(c) for c in dated)
    story.prefetch_predicates(c.span.text for c in dated)
    matrix = np.stack([vecs[claim_text(c)] for c in dated])
    pairs = []
    for i, j, _ in similar_pairs(matrix, PAIR_SIM):
        a, b = dated[i], dated[j]
        if a.span.doc == b.span.doc:
            continue
        pa, pb = story.predicates(a.span.text), story.predicates(b.span.text)
        if pa.heads & pb.heads and pa.nouns & pb.nouns:
            pairs.append((a, b))
    return pairs


def pair_conflicts(
    story: Story, pairs: list[tuple[Claim, Claim]], skip: set[tuple[str, int]]
) -> list[Conflict]:
    """Figures, places and dates that compared claims state incompatibly."""
    return (
        _quantity_conflicts(story, pairs, skip)
        + _place_conflicts(story, pairs)
        + _time_conflicts(story, _union(pairs, event_pairs(story)))
    )


def _union(
    first: list[tuple[Claim, Claim]], second: list[tuple[Claim, Claim]]
) -> list[tuple[Claim, Claim]]:
    """Both pair lists, each unordered pair once, in first-seen order."""
    seen: set[tuple[str, str]] = set()
    out = []
    for a, b in first + second:
        key = (a.id, b.id) if a.id <= b.id else (b.id, a.id)
        if key not in seen:
            seen.add(key)
            out.append((a, b))
    return out


def figure_clause(story: Story, claim: Claim, q: Any) -> str:
    """The clause around a counted figure inside its claim, with the figure replaced by
    the counted thing: "nine people were treated in hospital" -> "people were treated in
    hospital", so that the number itself does not sway the comparison."""
    text = story.docs[claim.span.doc].text
    lo = claim.span.start
    for match in _CLAUSE_BREAK.finditer(text, claim.span.start, q.span.start):
        lo = match.end()
    after = _CLAUSE_BREAK.search(text, q.span.end, claim.span.end)
    hi = after.start() if after else claim.span.end
    return " ".join(f"{text[lo:q.span.start]}{q.thing or ''}{text[q.span.end:hi]}".split())


def figure_pairs(story: Story, skip: set[tuple[str, int]]) -> list[tuple[Any, Any]]:
    """Counted figures of different documents whose clauses state one fact (see the
    module docstring): ((claim, quantity), (claim, quantity)) pairs."""
    import numpy as np

    found = [
        (c, q) for c in story.claims for q in c.quantities
        if q.dimension == "count" and q.thing and (q.span.doc, q.span.start) not in skip
        and c.span.start <= q.span.start and q.span.end <= c.span.end
    ]
    if len(found) < 2:
        return []
    clauses = [figure_clause(story, c, q) for c, q in found]
    vecs = story.vectors(clauses)
    story.prefetch_predicates(clauses)
    matrix = np.stack([vecs[t] for t in clauses])
    sim = matrix @ matrix.T
    pairs = []
    for i, j in zip(*np.nonzero(np.triu(sim >= FIGURE_SIM, k=1)), strict=True):
        (ca, qa), (cb, qb) = found[int(i)], found[int(j)]
        if ca.span.doc == cb.span.doc or not rules.same_thing(qa, qb):
            continue
        things = {(qa.thing or "").lower().rstrip("s"), (qb.thing or "").lower().rstrip("s")}
        shared = story.predicates(clauses[int(i)]).nouns & story.predicates(clauses[int(j)]).nouns
        if shared - things - rules.PEOPLE:
            pairs.append((found[int(i)], found[int(j)]))
    return pairs


def _quantity_conflicts(
    story: Story, pairs: list[tuple[Claim, Claim]], skip: set[tuple[str, int]]
) -> list[Conflict]:
    clash = _Clash()
    for (a, qa), (b, qb) in figure_pairs(story, skip):
        if rules.quantities_compatible(qa, qb) is False:
            clash.add((qa.span.doc, qa.span.start), (a, qa), (qb.span.doc, qb.span.start), (b, qb))
    for a, b in pairs:
        for qa in a.quantities:
            for qb in b.quantities:
                if (qa.span.doc, qa.span.start) in skip or (qb.span.doc, qb.span.start) in skip:
                    continue
                if not rules.same_thing(qa, qb):
                    continue
                dims = (qa.dimension, qa.unit or "")
                # With several figures of one kind in a claim, only a named thing pairs them.
                if not (qa.thing and qb.thing) and (
                    sum((q.dimension, q.unit or "") == dims for q in a.quantities) > 1
                    or sum((q.dimension, q.unit or "") == dims for q in b.quantities) > 1
                ):
                    continue
                if rules.quantities_compatible(qa, qb) is False:
                    clash.add((qa.span.doc, qa.span.start), (a, qa), (qb.span.doc, qb.span.start), (b, qb))
    out = []
    for group in clash.groups():
        quantities = [q for _, q in group]
        what = next((q.thing for q in quantities if q.thing), None) or "the figure"
        out.append(
            make_conflict(
                "quantity", f"Different figures for {what}: {_grouped(story, quantities)}",
                (c.id for c, _ in group),
                (make_value(q.span, rules.format_quantity(q)) for q in quantities),
            )
        )
    return out


def _grouped(story: Story, quantities: list[Any]) -> str:
    """"1200 (A) vs 120 (B, C); more than 100 (D)": the figure most others contradict
    first, then the compatible figures grouped by value."""
    def clashes(q: Any) -> int:
        return sum(rules.quantities_compatible(q, o) is False for o in quantities)

    ordered = sorted(quantities, key=lambda q: (-clashes(q), q.span.doc, q.span.start))
    odd = [q for q in ordered if clashes(q) == clashes(ordered[0])]
    rest = [q for q in ordered if q not in odd]

    def listing(qs: list[Any]) -> str:
        by_value: dict[str, list[str]] = {}
        for q in qs:
            by_value.setdefault(rules.describe_quantity(q), []).append(story.label(q.span.doc))
        return "; ".join(f"{v} ({', '.join(sorted(set(d)))})" for v, d in by_value.items())

    return listing(odd) + (f" vs {listing(rest)}" if rest else "")


def _place_conflicts(story: Story, pairs: list[tuple[Claim, Claim]]) -> list[Conflict]:
    """Reports of one fact that put it in incompatible places ("in Grenoble" vs "in
    Marseille", "near Moscow" vs "in Yelabuga", 900 km away)."""
    locs: dict[str, list[rules.Place]] = {}
    nears: set[tuple[str, int]] = set()

    def places(c: Claim) -> list[rules.Place]:
        if c.id not in locs:
            for n in rules.near_statements([c], story.finder):
                nears.add((n.span.doc, n.place.span.start))
            locs[c.id] = [
                p for p in rules.location_places(c, story.finder)
                if p.geo is not None and p.geo.feature in rules.POINT_FEATURES
            ]
        return locs[c.id]

    clash = _Clash()
    for a, b in pairs:
        la, lb = places(a), places(b)
        if not la or not lb or any(rules.places_compatible(x, y) for x in la for y in lb):
            continue
        for x in la:
            for y in lb:
                clash.add((x.span.doc, x.span.start), (a, x), (y.span.doc, y.span.start), (b, y))
    out = []
    for group in clash.groups():
        values = []
        for _, p in group:
            near = (p.span.doc, p.span.start) in nears
            values.append(make_value(p.span, f"near {p.name}" if near else p.name))
        listed = "; ".join(f"{v.normalized} ({story.label(v.span.doc)})" for v in values)
        out.append(
            make_conflict(
                "place", f"Reports place it in different locations: {listed}",
                (c.id for c, _ in group), values,
            )
        )
    return out


def _time_conflicts(story: Story, pairs: list[tuple[Claim, Claim]]) -> list[Conflict]:
    clash = _Clash()
    for a, b in pairs:
        ta, tb = rules.event_time(a), rules.event_time(b)
        if ta is None or tb is None or rules.times_overlap(ta, tb) is not False:
            continue
        clash.add((ta.span.doc, ta.span.start), (a, ta), (tb.span.doc, tb.span.start), (b, tb))
    out = []
    for group in clash.groups():
        values: list[ConflictValue] = []
        for _, t in group:
            if t.start is None:
                shown = f"{t.span.text} (no date)"
            else:
                shown = t.start if t.start == t.end else f"{t.start}..{t.end}"
            values.append(make_value(t.span, str(shown)))
        listed = "; ".join(
            f"{v.span.text} = {v.normalized} ({story.label(v.span.doc)})" for v in values
        )
        out.append(
            make_conflict(
                "time", f"Reports date it differently: {listed}", (c.id for c, _ in group), values
            )
        )
    return out

