"""Publication dates: date lines in text, inference within a story, never inventing one."""

from __future__ import annotations

from collation.ids import document_id
from collation.nlp.pubdate import date_from_text, estimate_publication_date, infer_publication_dates
from collation.records import Document, Segment


def doc(text: str, *, published: str | None = None, basis: str | None = None,
        segments: tuple[Segment, ...] = ()) -> Document:
    return Document(id=document_id(text), source="test", title=None, outlet=None, url=None,
                    published=published, published_basis=basis, language="en", text=text,
                    segments=segments)


def test_date_line_under_headline() -> None:
    text = ("Ferry operator doubles Baltic crossings\n"
            "3 March, 2021 Photo: the harbour at dawn\n"
            "The operator said it would add two ships.")
    assert date_from_text(doc(text)) == ("2021-03-03", 0.8)


def test_dateline_segment_and_published_cue() -> None:
    text = "Harbour fees rise\nOSLO, March 3, 2021\nThe port raised fees."
    start = text.index("OSLO")
    end = text.index("\nThe")
    segments = (Segment(0, start - 1, "headline"), Segment(start, end, "dateline"),
                Segment(end + 1, len(text), "body"))
    assert date_from_text(doc(text, segments=segments)) == ("2021-03-03", 0.9)
    cued = ("Harbour fees rise\nThe port raised fees again.\nShippers complained.\n"
            "Ferries may reroute.\n\nBack to top\nPublished: 4 March 2021")
    assert date_from_text(doc(cued)) == ("2021-03-04", 0.75)


def test_event_dates_in_sentences_are_not_publication_dates() -> None:
    text = ("Probe reaches the outer planet\n"
            "The probe, launched on August 5, 2011, reached orbit after a long cruise.\n"
            "Engineers said the burn went well.")
    assert date_from_text(doc(text)) is None


# An invented story: one outlet dated Saturday 16 March 2024; two undated reports of it.
DATED = ("Rail strike called off\n"
         "Union leaders said on Friday that the rail strike planned for next week is off. "
         "Talks resumed last month.")
UNDATED_FRIDAY = ("Rail union drops strike\n"
                  "The union announced on Friday it would not strike. Negotiations started in "
                  "February.")
UNDATED_YESTERDAY = ("No rail strike after all\n"
                     "Union leaders yesterday cancelled the walkout they had called in February.")


def test_story_inference_from_a_dated_sibling() -> None:
    story = [doc(DATED, published="2024-03-16", basis="metadata"), doc(UNDATED_FRIDAY),
             doc(UNDATED_YESTERDAY)]
    out = infer_publication_dates(story)
    assert [d.text for d in out] == [d.text for d in story]  # same order
    assert out[0] == story[0]  # metadata kept untouched
    for inferred in out[1:]:
        assert inferred.published == "2024-03-16"
        assert inferred.published_basis == "inferred"
        assert inferred.published_confidence is not None
        assert 0 < inferred.published_confidence < 1
    estimate = estimate_publication_date(story[2], [(story[0], __import__("datetime").date(2024, 3, 16))])
    assert any("yesterday=2024-03-15" in item for item in estimate.evidence)
    assert estimate.earliest is not None and estimate.latest is not None
    assert estimate.earliest <= "2024-03-16" <= estimate.latest


def test_text_date_counts_as_evidence_for_siblings() -> None:
    dated = "Rail strike called off\n16 March 2024 Photo: an empty platform\n" + DATED.split("\n", 1)[1]
    out = infer_publication_dates([doc(dated), doc(UNDATED_FRIDAY)])
    assert (out[0].published, out[0].published_basis) == ("2024-03-16", "text")
    assert (out[1].published, out[1].published_basis) == ("2024-03-16", "inferred")


def test_never_invents_a_date_without_evidence() -> None:
    lonely = infer_publication_dates([doc(UNDATED_FRIDAY), doc(UNDATED_YESTERDAY)])
    assert all(d.published is None and d.published_basis is None for d in lonely)
    unrelated = doc("Gardening tips\nWater tomatoes in the evening and mulch the beds.")
    out = infer_publication_dates([doc(DATED, published="2024-03-16", basis="metadata"), unrelated])
    assert out[1].published is None
    assert out[1].published_confidence is None
