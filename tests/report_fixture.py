"""A hand-built ``Analysis`` with every record type filled, for the report tests.

The corpus is invented (an imaginary shipment of turbine blades from Rotterdam to Gdańsk
reported by four imaginary outlets); the places and their coordinates are real so the map
has something to draw. ``rich_analysis(hostile=True)`` threads hostile markup, a
``javascript:`` URL, Markdown injection and right-to-left overrides through every text
field, including the article text that citations quote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from followthemoney import model
from followthemoney.types import registry

from collation.ids import document_id, record_id
from collation.records import (
    Alias,
    Analysis,
    Attribution,
    Claim,
    Conflict,
    ConflictValue,
    Document,
    Entity,
    Geo,
    Mention,
    Proposition,
    Quantity,
    Role,
    Segment,
    Skipped,
    Span,
    Story,
    TimelineEntry,
    TimeValue,
)

#: Hostile strings; each would execute, load something or reorder the page if a writer
#: forgot to escape. ``window.__pwned`` is what the browser test watches.
SCRIPT = "<script>window.__pwned=1</script>"
IMG = '"><img src=x onerror="window.__pwned=2">'
JS_URL = "javascript:window.__pwned=3"
SVG = "<svg onload=window.__pwned=4></svg>"
ATTR = "' onmouseover='window.__pwned=5' x='"
RTL = "\u202egnp.exe"
MD_LINK = "[click me](javascript:window.__pwned=6)"
MD_IMAGE = "![pixel](https://tracker.invalid/p.png)"
STYLE_BREAK = "</style><style>body{display:none}</style>"
HOSTILE = (SCRIPT, IMG, SVG, ATTR, RTL, MD_LINK, MD_IMAGE, STYLE_BREAK)


@dataclass
class _Doc:
    """Builds a Document and hands out spans by searching its text."""

    text: str
    outlet: str
    title: str
    url: str | None
    published: str
    basis: str
    source: str
    boilerplate: tuple[str, ...] = ()
    id: str = field(init=False)

    def __post_init__(self) -> None:
        self.id = document_id(self.text)

    def span(self, needle: str, nth: int = 0) -> Span:
        start = -1
        for _ in range(nth + 1):
            start = self.text.index(needle, start + 1)
        return Span(self.id, start, start + len(needle), needle)

    def document(self) -> Document:
        segments = []
        head_end = self.text.index("\n")
        segments.append(Segment(0, head_end, "headline", "first-line"))
        cursor = head_end
        furniture = sorted(self.text.index(b) for b in self.boilerplate)
        for start in furniture:
            end = start + next(len(b) for b in self.boilerplate if self.text.index(b) == start)
            if start > cursor:
                segments.append(Segment(cursor, start, "body", ""))
            segments.append(Segment(start, end, "boilerplate", "share-prompt"))
            cursor = end
        if cursor < len(self.text):
            segments.append(Segment(cursor, len(self.text), "body", ""))
        return Document(
            id=self.id,
            source=self.source,
            title=self.title,
            outlet=self.outlet,
            url=self.url,
            published=self.published,
            published_basis=self.basis,
            language="en",
            text=self.text,
            segments=tuple(segments),
            format="html",
            published_confidence=1.0 if self.basis == "metadata" else 0.6,
            author=None,
        )


def _docs(h: bool) -> tuple[_Doc, _Doc, _Doc, _Doc]:
    """Four invented articles; with ``h`` every free-text field carries hostile strings."""
    x = (lambda s: s) if not h else (lambda s: s + " " + " ".join(HOSTILE))
    a = _Doc(
        text=(
            f"Turbine blades head for Gdańsk{' ' + SCRIPT if h else ''}\n\n"
            "ROTTERDAM, 11 March — Twelve VX-9 turbine blades set off on Monday from Rotterdam "
            f"to Gdańsk via the Kiel Canal, the operator Veldmark Energy said.{' ' + IMG if h else ''}"
            "\n\n“The convoy will reach Gdańsk within four days,” said Ilse Marten, a spokeswoman "
            "for Veldmark Energy.\n\nThe route covers about 900 kilometres. Installation is "
            f"planned for May 2024.{' ' + RTL + ' ' + MD_LINK if h else ''}\n\n"
            "Subscribe to our newsletter for more shipping news."
        ),
        outlet=x("Northern Ledger"),
        title=x("Turbine blades head for Gdańsk"),
        url=JS_URL if h else "https://northern-ledger.example/2024/03/turbines",
        published="2024-03-12",
        basis="metadata",
        source="corpus/northern-ledger.html",
        boilerplate=("Subscribe to our newsletter for more shipping news.",),
    )
    b_text = (
        f"Wind parts head east{' ' + SVG if h else ''}\n\n"
        "Fourteen VX-9 turbine blades set off from Rotterdam on Tuesday for Gdańsk, Veldmark "
        "Energy said. The blades travel through the Kiel Canal.\n\n"
        "Ilse Marten of Veldmark Energy said the convoy would reach Danzig harbour within "
        f"four days.{' ' + STYLE_BREAK if h else ''}\n\n"
        "The route covers about 900 kilometres. Installation is planned for May 2024.\n\n"
        "Port Velden officials declined to comment.\n\nShare this article"
    )
    b = _Doc(
        text=b_text,
        outlet=x("Baltic Wire"),
        title=x("Wind parts head east"),
        url="https://balticwire.example/news/wind-parts?id=7&ref=a|b",
        published="2024-03-12",
        basis="text",
        source="corpus/baltic-wire.json#1",
        boilerplate=("Share this article",),
    )
    c = _Doc(
        text=b_text.replace("Wind parts head east", "Blades on the move"),
        outlet=x("Kustbladet"),
        title=x("Blades on the move"),
        url=None,
        published="2024-03-13",
        basis="inferred",
        source="corpus/kustbladet.txt",
        boilerplate=("Share this article",),
    )
    d = _Doc(
        text=(
            f"Convoy questions{' ' + ATTR if h else ''}\n\n"
            "Some reports say the blades are headed to Szczecin instead. Veldmark Energy "
            "denies any change of plan this week.\n\nThe Iranian-built cranes at the quay "
            f"were not used.{' ' + MD_IMAGE if h else ''}"
        ),
        outlet=x("Harbour Times") if h else "\u0647\u0627\u0631\u0628\u0631 Harbour Times",
        title=x("Convoy questions"),
        url="https://harbour-times.example/convoy",
        published="2024-03-14",
        basis="metadata",
        source="corpus/harbour-times.warc#3",
    )
    return a, b, c, d


def _entity(
    name: str,
    etype: str,
    spans: list[tuple[str, Span]],
    *,
    geo: Geo | None = None,
    resolution: str = "n/a",
    roles: tuple[Role, ...] = (),
    candidates: tuple[Geo, ...] = (),
    contained_in: tuple[str, ...] = (),
) -> Entity:
    aliases: dict[str, set[str]] = {}
    for alias, span in spans:
        aliases.setdefault(alias, set()).add(span.doc)
    return Entity(
        id=record_id("e", etype, name),
        name=name,
        type=etype,
        aliases=tuple(Alias(n, tuple(sorted(d))) for n, d in sorted(aliases.items())),
        mentions=tuple(sorted((s for _, s in spans), key=lambda s: (s.doc, s.start))),
        geo=geo,
        resolution=resolution,
        candidates=candidates,
        roles=roles,
        contained_in=contained_in,
    )


def _claim(doc: _Doc, sentence: str, **kw: Any) -> Claim:
    span = doc.span(sentence)
    return Claim(
        id=record_id("c", doc.id, str(span.start), sentence), span=span, segment="body", **kw
    )


def rich_analysis(hostile: bool = False) -> Analysis:
    """Every record type filled; ``hostile`` threads hostile strings through every field."""
    h = hostile
    x = (lambda s: s) if not h else (lambda s: s + " " + " ".join(HOSTILE))
    a, b, c, d = _docs(h)

    def both(needle: str, nth: int = 0) -> list[tuple[str, Span]]:
        return [(needle, b.span(needle, nth)), (needle, c.span(needle, nth))]

    rotterdam = _entity(
        x("Rotterdam"),
        "GPE",
        [("ROTTERDAM", a.span("ROTTERDAM")), ("Rotterdam", a.span("Rotterdam", 0))]
        + both("Rotterdam"),
        geo=Geo(51.9225, 4.47917, "geonames:2747891", x("Rotterdam"), "city", "NL"),
        resolution="resolved",
        contained_in=(x("South Holland"), "Netherlands"),
    )
    gdansk = _entity(
        x("Gdańsk"),
        "GPE",
        [("Gdańsk", a.span("Gdańsk", 1)), ("Gdańsk", a.span("Gdańsk", 2))]
        + both("Gdańsk")
        + both("Danzig"),
        geo=Geo(54.35205, 18.64637, "geonames:3099434", "Gdańsk", "city", "PL"),
        resolution="resolved",
    )
    kiel = _entity(
        x("Kiel Canal"),
        "LOC",
        [("Kiel Canal", a.span("Kiel Canal"))] + both("Kiel Canal"),
        geo=Geo(54.2, 9.6, "water:kiel-canal", "Kiel Canal", "water", "DE"),
        resolution="resolved",
    )
    szczecin = _entity(
        "Szczecin",
        "GPE",
        [("Szczecin", d.span("Szczecin"))],
        geo=Geo(53.42894, 14.55302, "geonames:3083829", "Szczecin", "city", "PL"),
        resolution="resolved",
    )
    velden = _entity(
        x("Port Velden"),
        "GPE",
        both("Port Velden"),
        resolution="unresolved",
    )
    harbour = _entity(
        "Danzig harbour",
        "FAC",
        both("Danzig harbour"),
        resolution="ambiguous",
        candidates=(
            Geo(54.40, 18.66, "user:port-of-gdansk", x("Port of Gdańsk"), "facility", "PL"),
        ),
    )
    veldmark = _entity(
        x("Veldmark Energy"),
        "ORG",
        [
            ("Veldmark Energy", a.span("Veldmark Energy", 0)),
            ("Veldmark Energy", a.span("Veldmark Energy", 1)),
        ]
        + both("Veldmark Energy", 0)
        + both("Veldmark Energy", 1)
        + [("Veldmark Energy", d.span("Veldmark Energy"))],
    )
    marten = _entity(
        x("Ilse Marten"),
        "PERSON",
        [("Ilse Marten", a.span("Ilse Marten"))] + both("Ilse Marten"),
        roles=(Role(x("spokeswoman"), a.span("spokeswoman")),),
    )
    vx9 = _entity(
        x("VX-9"),
        "PRODUCT",
        [("VX-9", a.span("VX-9"))] + both("VX-9"),
    )
    iranian = _entity("Iranian", "NORP", [("Iranian", d.span("Iranian"))])
    entities = tuple(
        sorted(
            (rotterdam, gdansk, kiel, szczecin, velden, harbour, veldmark, marten, vx9, iranian),
            key=lambda e: e.id,
        )
    )

    t_mon = TimeValue(
        a.span("on Monday"), "2024-03-11", "2024-03-11", "day", "2024-03-11", anchor="2024-03-12"
    )
    t_dateline = TimeValue(a.span("11 March"), "2024-03-11", "2024-03-11", "day", "2024-03-11")
    t_tue = TimeValue(
        b.span("on Tuesday"),
        "2024-03-12",
        "2024-03-12",
        "day",
        "2024-03-12",
        anchor="2024-03-12",
        ambiguous=True,
        note=x("or the Tuesday before"),
    )
    t_may = [
        TimeValue(doc.span("May 2024"), "2024-05-01", "2024-05-31", "month", "2024-05")
        for doc in (a, b, c)
    ]
    t_week = TimeValue(d.span("this week"), "2024-03-11", "2024-03-17", "week", "2024-W11")
    times = tuple(
        sorted([t_mon, t_dateline, t_tue, t_week, *t_may], key=lambda t: (t.span.doc, t.span.start))
    )

    q12 = Quantity(a.span("Twelve"), 12, 12, "count", "count", x("turbine blades"), value=12)
    q14 = [
        Quantity(doc.span("Fourteen"), 14, 14, "count", "count", "turbine blades", value=14)
        for doc in (b, c)
    ]
    q900 = [
        Quantity(
            doc.span("about 900 kilometres"),
            810,
            990,
            "km",
            "length",
            None,
            hedge="about",
            value=900,
        )
        for doc in (a, b, c)
    ]
    quantities = tuple(sorted([q12, *q14, *q900], key=lambda q: (q.span.doc, q.span.start)))

    said = Attribution(x("Veldmark Energy"), veldmark.id, "said", None)
    c_a1 = _claim(
        a,
        "Twelve VX-9 turbine blades set off on Monday from Rotterdam to Gdańsk via "
        "the Kiel Canal, the operator Veldmark Energy said.",
        chain=(said,),
        entities=(veldmark.id, vx9.id),
        places=(rotterdam.id, gdansk.id, kiel.id),
        times=(t_mon,),
        quantities=(q12,),
    )
    c_b1, c_c1 = (
        _claim(
            doc,
            "Fourteen VX-9 turbine blades set off from Rotterdam on Tuesday for Gdańsk, "
            "Veldmark Energy said.",
            chain=(said,),
            entities=(veldmark.id, vx9.id),
            places=(rotterdam.id, gdansk.id),
        )
        for doc in (b, c)
    )
    marten_says = Attribution(x("Ilse Marten"), marten.id, "said", a.span("said Ilse Marten"))
    quote = "The convoy will reach Gdańsk within four days,"
    c_a2 = _claim(
        a,
        f"“{quote}” said Ilse Marten, a spokeswoman for Veldmark Energy.",
        chain=(marten_says,),
        quote="direct",
        quote_span=a.span(quote),
        entities=(marten.id, veldmark.id),
        places=(gdansk.id,),
    )
    c_b2, c_c2 = (
        _claim(
            doc,
            "Ilse Marten of Veldmark Energy said the convoy would reach Danzig harbour "
            "within four days.",
            chain=(Attribution("Ilse Marten", marten.id, "said"),),
            quote="indirect",
            modality="future",
            modality_cue="would",
            entities=(marten.id, veldmark.id),
        )
        for doc in (b, c)
    )
    c_route = [_claim(doc, "The route covers about 900 kilometres.") for doc in (a, b, c)]
    c_install = [
        _claim(
            doc, "Installation is planned for May 2024.", modality="future", modality_cue="planned"
        )
        for doc in (a, b, c)
    ]
    c_velden = [_claim(doc, "Port Velden officials declined to comment.") for doc in (b, c)]
    c_d1 = _claim(
        d,
        "Some reports say the blades are headed to Szczecin instead.",
        modality="hedged",
        modality_cue="Some reports say",
        places=(szczecin.id,),
    )
    c_d2 = _claim(
        d,
        "Veldmark Energy denies any change of plan this week.",
        polarity="negative",
        entities=(veldmark.id,),
        times=(t_week,),
    )
    claims = tuple(
        sorted(
            [c_a1, c_b1, c_c1, c_a2, c_b2, c_c2, *c_route, *c_install, *c_velden, c_d1, c_d2],
            key=lambda cl: cl.id,
        )
    )

    origins = {a.id: "g-ledger", b.id: "g-wire", c.id: "g-wire", d.id: "g-harbour"}

    def prop(text: str, members: list[Claim], same_quote: bool = False) -> Proposition:
        docs = tuple(sorted({m.span.doc for m in members}))
        groups = tuple(sorted({origins[doc] for doc in docs}))
        return Proposition(
            record_id("p", *sorted(m.id for m in members)),
            text,
            tuple(sorted(m.id for m in members)),
            docs,
            groups,
            single_source=len(groups) < 2,
            same_quote_variants=same_quote,
        )

    propositions = tuple(
        sorted(
            [
                prop(c_a1.span.text, [c_a1, c_b1, c_c1]),
                prop(c_a2.span.text, [c_a2, c_b2, c_c2], same_quote=True),
                prop(c_route[0].span.text, c_route),
                prop(c_install[0].span.text, c_install),
                prop(c_velden[0].span.text, c_velden),
                prop(c_d1.span.text, [c_d1]),
                prop(c_d2.span.text, [c_d2]),
            ],
            key=lambda p: p.id,
        )
    )

    conflict_list = [
        Conflict(
            record_id("x", "quantity"),
            "quantity",
            x("Outlets disagree on how many blades left: 12 or 14."),
            (c_a1.id, c_b1.id, c_c1.id),
            (
                ConflictValue(q12.span, x("12 blades")),
                *(ConflictValue(q.span, "14 blades") for q in q14),
            ),
        ),
        Conflict(
            record_id("x", "time"),
            "time",
            x("Departure day: Monday 11 or Tuesday 12 March."),
            (c_a1.id, c_b1.id),
            (ConflictValue(t_mon.span, "2024-03-11"), ConflictValue(t_tue.span, "2024-03-12")),
        ),
        Conflict(
            record_id("x", "reference"),
            "reference",
            x("The stated distance is shorter than the great-circle distance."),
            tuple(cl.id for cl in c_route),
            (ConflictValue(q900[0].span, "900 km"),),
            reference=x("984 km (great-circle Rotterdam–Gdańsk)"),
        ),
    ]
    conflicts = tuple(sorted(conflict_list, key=lambda cf: cf.id))

    timeline = (
        TimelineEntry(
            "2024-03-11", "2024-03-11", x("Blades leave Rotterdam"), "day", (c_a1.id,), (a.id,)
        ),
        TimelineEntry(
            "2024-03-11",
            "2024-03-17",
            "Veldmark Energy denies a change of plan",
            "week",
            (c_d2.id,),
            (d.id,),
        ),
        TimelineEntry(
            "2024-03-12",
            "2024-03-12",
            "Blades leave Rotterdam (second account)",
            "day",
            (c_b1.id,),
            (b.id,),
        ),
        TimelineEntry(
            "2024-05-01",
            "2024-05-31",
            "Installation planned",
            "month",
            tuple(cl.id for cl in c_install),
            (a.id, b.id, c.id),
        ),
    )
    documents = tuple(
        sorted((a.document(), b.document(), c.document(), d.document()), key=lambda doc: doc.id)
    )
    mentions = tuple(
        sorted(
            (Mention(s.doc, s.start, s.end, s.text, e.type) for e in entities for s in e.mentions),
            key=lambda m: (m.doc, m.start, m.end),
        )
    )
    story = Story(
        record_id("s", "turbines"),
        x("Turbine blades shipped from Rotterdam to Gdańsk"),
        "2024-03-11",
        "2024-03-14",
        tuple(sorted(doc.id for doc in documents)),
    )
    return Analysis(
        documents=documents,
        skipped=(Skipped(x("feeds/broken.xml"), x("not a feed: no <item> elements"), "E105"),),
        mentions=mentions,
        entities=entities,
        times=times,
        quantities=quantities,
        claims=claims,
        propositions=propositions,
        conflicts=conflicts,
        timeline=timeline,
        stories=(story,),
        origins=origins,
    )


def empty_analysis() -> Analysis:
    """Documents only: what a run looks like before the NLP stages produce anything."""
    text = "A lone note\n\nNothing else was extracted from this text."
    doc = Document(document_id(text), "note.txt", "A lone note", None, None, None, None, "en", text)
    return Analysis(documents=(doc,))


def validate_ftm(records: list[dict[str, Any]]) -> None:
    """Each record is a concrete FtM schema, every property exists and every value is one
    its type accepts unchanged, required properties are there and references resolve."""
    ids = {r["id"] for r in records}
    assert len(ids) == len(records)
    for record in records:
        schema = model.get(record["schema"])
        assert schema is not None and not schema.abstract, record["schema"]
        assert schema.validate(cast(Any, record)) is None
        for name in schema.required:
            assert record["properties"].get(name), (record["schema"], name)
        for name, values in record["properties"].items():
            prop = schema.properties.get(name)
            assert prop is not None, (record["schema"], name)
            for value in values:
                assert prop.type.clean(value) == value, (name, value)
                if prop.type == registry.entity:
                    assert value in ids, (name, value)
        proxy = model.get_proxy(record, cleaned=False)
        assert proxy.schema is schema
