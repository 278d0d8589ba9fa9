"""An invented four-outlet story for the claims tests (all text written for these tests).

A battery factory burns in Grenoble. The reports plant one instance of every conflict
kind and every non-conflict trap:

* quantity: 120 workers (Alpine Daily, Rhone Courier) vs 1,200 (Valley Wire); 480 km vs
  650 km from Paris;
* reference: 650 km against the great-circle Paris-Grenoble distance (about 480 km);
* place: "near Paris" (Alpine Daily headline) against the stated distances, and Grenoble
  against Marseille (Valley Wire) for the fire;
* internal: Alpine Daily's headline says "near Paris", its body says 480 km;
* time: Tuesday vs Monday for the fire;
* polarity: the operator denies that safety rules were broken; inspectors say they were;
* quote: the fire chief quoted as "The blaze is under control" and "The fire is now under
  control";
* modality: the factory "could reopen next spring" vs "will reopen next spring".

Traps that must not conflict: "several hundred kilometres" (fits 480 and 650), "more than
100 workers" (fits 120), "this week" (contains Tuesday), a partial quote of the chief's
words, and Metro Post's paraphrase of the fire. Only Metro Post reports the council
meeting (a single-source claim).
"""

from __future__ import annotations

from dataclasses import replace

from collation.ids import document_id
from collation.records import Document, Segment

PUBLISHED = "2024-03-14"

STORY: dict[str, str] = {
    "Alpine Daily": """Fire destroys battery factory near Paris

A fire destroyed a battery factory in Grenoble on Tuesday, the regional prefect said.

The plant lies about 480 kilometres south-east of Paris.

About 120 workers were evacuated, firefighters said.

\u201cThe blaze is under control,\u201d fire chief Marc Delorme said.

Voltaria, the company that runs the plant, denies that safety rules were broken.

The factory could reopen next spring, the company said.""",
    "Rhone Courier": """Grenoble battery plant destroyed by fire

A fire destroyed a battery factory in Grenoble on Tuesday, according to the regional prefect.

The site is about 650 km south-east of Paris.

About 120 workers were evacuated, according to firefighters.

\u201cThe fire is now under control,\u201d fire chief Marc Delorme said.

State inspectors said that safety rules were broken at the plant.

The factory will reopen next spring, the company said.""",
    "Valley Wire": """Battery factory fire forces evacuation

A fire destroyed a battery factory in Marseille on Monday, officials said.

The plant is several hundred kilometres south-east of Paris.

About 1,200 workers were evacuated, firefighters said.

Fire chief Marc Delorme said the blaze was \u201cunder control\u201d by the evening.""",
    "Metro Post": """Flames gut Grenoble battery plant

Flames gutted a battery plant in Grenoble this week, the regional prefect said.

More than 100 workers were evacuated, firefighters said.

The plant sits several hundred kilometres south-east of Paris.

The city council will meet on Friday to discuss new zoning rules for industrial sites.""",
}


def story_documents(story: dict[str, str] | None = None) -> list[Document]:
    """Documents with a headline segment and one body segment per paragraph."""
    docs = []
    for outlet, text in sorted((story or STORY).items()):
        segments = []
        pos = 0
        for k, para in enumerate(text.split("\n\n")):
            start = text.index(para, pos)
            end = start + len(para)
            segments.append(Segment(start, end, "headline" if k == 0 else "body"))
            pos = end
        title = text.split("\n", 1)[0]
        docs.append(
            Document(
                id=document_id(text), source=f"{outlet}.txt", title=title, outlet=outlet,
                url=None, published=PUBLISHED, published_basis="metadata", language="en",
                text=text, segments=tuple(segments),
            )
        )
    return docs


def with_text(document: Document, text: str) -> Document:
    """A copy of ``document`` with new text (segments recomputed from paragraphs)."""
    new = story_documents({document.outlet or "x": text})[0]
    return replace(new, outlet=document.outlet, source=document.source)
