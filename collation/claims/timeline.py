"""Timeline: dated claims grouped by interval and proposition.

Input: claims (with their ``TimeValue`` records) and propositions. Output:
``TimelineEntry`` records sorted by start date (open starts first), end date and label.
One entry per (interval, proposition): five outlets dating one statement to "early next
year" give one entry listing all five; two intervals for one proposition give two entries
(and a ``time`` conflict, found by ``conflicts``). Intervals open at both ends and
undated claims are left out: they cannot be placed on a line.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Claim, Proposition, TimelineEntry
from .common import claim_text

#: Longest label, in characters (labels are verbatim proposition wording, cut at a word).
LABEL_CHARS = 140


def _label(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= LABEL_CHARS:
        return text
    cut = text[:LABEL_CHARS].rsplit(" ", 1)[0]
    return cut + "\u2026"


def build_timeline(claims: Sequence[Claim], propositions: Sequence[Proposition]) -> list[TimelineEntry]:
    """One entry per (interval, proposition); see the module docstring."""
    prop_of = {cid: p for p in propositions for cid in p.claims}
    groups: dict[tuple[str | None, str | None, str, str], list[Claim]] = {}
    precision: dict[tuple[str | None, str | None, str, str], str] = {}
    for claim in sorted(claims, key=lambda c: (c.span.doc, c.span.start, c.span.end, c.id)):
        prop = prop_of.get(claim.id)
        label = _label(prop.text if prop else claim_text(claim))
        pid = prop.id if prop else claim.id
        for t in claim.times:
            if t.start is None and t.end is None:
                continue
            key = (t.start, t.end, pid, label)
            groups.setdefault(key, []).append(claim)
            # The finest precision any report gives for the interval.
            precision.setdefault(key, t.precision)
    entries = []
    for key, members in groups.items():
        start, end, _, label = key
        entries.append(
            TimelineEntry(
                start=start, end=end, label=label, precision=precision[key],
                claims=tuple(sorted({c.id for c in members})),
                docs=tuple(sorted({c.span.doc for c in members})),
            )
        )
    return sorted(entries, key=lambda e: (e.start or "", e.end or "9999", e.label, e.claims))
