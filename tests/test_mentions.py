"""Mention extraction: spaCy entities repaired, designations, headlines, metonyms, sites.

All texts are written for these tests (invented sentences about real places).
"""

from __future__ import annotations

import pytest

from collation.ids import document_id
from collation.nlp.models import load_spacy
from collation.nlp.parse import parse_documents
from collation.records import Document, Mention, Segment
from collation.resolve import names
from collation.resolve.indoc import _display_name
from collation.resolve.mentions import extract_mentions


def make_doc(
    body: str, headline: str | None = None, extra: tuple[tuple[str, str], ...] = ()
) -> Document:
    """A document with an optional headline segment, a body, and extra labelled segments."""
    parts: list[tuple[str, str]] = []
    if headline is not None:
        parts.append((headline, "headline"))
    parts.append((body, "body"))
    parts.extend(extra)
    text, segments, pos = "", [], 0
    for chunk, kind in parts:
        if text:
            text += "\n\n"
            pos += 2
        segments.append(Segment(pos, pos + len(chunk), kind))
        text += chunk
        pos += len(chunk)
    return Document(
        id=document_id(text),
        source="test",
        title=headline,
        outlet="Test Gazette",
        url=None,
        published=None,
        published_basis=None,
        language="en",
        text=text,
        segments=tuple(segments),
    )


@pytest.fixture(scope="module")
def nlp():
    return load_spacy()


def mentions_of(nlp, doc: Document) -> list[Mention]:
    parsed = parse_documents([doc], nlp)
    return extract_mentions(doc, parsed.get(doc.id, []))


def texts(ms: list[Mention], label: str | None = None) -> list[str]:
    return [m.text for m in ms if label is None or m.label == label]


BODY = (
    "Officials said cargo ships carried parts from Amirabad, Iran, to Makhachkala. "
    "Russia plans to buy Su35 jets, more Su-35 fighters and YAK-130 trainers, while Kyiv "
    "asked for F-16 and MiG-29 aircraft. The drones, sold as Shahed-136/131, were seen near "
    "Primorsko-Akhtarsk. Cases of COVID-19 rose before the G7 meeting in Q3 and the Euro-2024 final."
)


def test_every_mention_slices_back_to_the_text(nlp):
    doc = make_doc(BODY, headline="Parts Shipped Across the Caspian Sea")
    ms = mentions_of(nlp, doc)
    assert ms, "expected some mentions"
    for m in ms:
        assert doc.text[m.start : m.end] == m.text
        assert m.doc == doc.id
        assert m.label in names.ENTITY_LABELS
    assert ms == sorted(ms, key=lambda m: (m.start, m.end, m.label))


def test_designations_found_with_and_without_hyphen(nlp):
    ms = mentions_of(nlp, make_doc(BODY))
    products = texts(ms, "PRODUCT")
    for wanted in ("Su35", "Su-35", "YAK-130", "F-16", "MiG-29", "Shahed-136"):
        assert wanted in products, wanted


def test_slash_designation_yields_both_models(nlp):
    doc = make_doc(BODY)
    ms = mentions_of(nlp, doc)
    products = [m for m in ms if m.label == "PRODUCT"]
    continuation = [m for m in products if m.text == "131"]
    assert len(continuation) == 1
    i = ms.index(continuation[0])
    assert _display_name(doc.text, ms, i) == "Shahed-131"


def test_letter_digit_strings_that_are_not_models(nlp):
    products = texts(mentions_of(nlp, make_doc(BODY)), "PRODUCT")
    for unwanted in ("COVID-19", "G7", "Q3", "Euro-2024"):
        assert unwanted not in products, unwanted


def test_hyphenated_place_is_one_mention_but_pairs_stay_apart(nlp):
    ms = mentions_of(nlp, make_doc(BODY + " The Russia-Iran partnership is deepening."))
    assert "Primorsko-Akhtarsk" in texts(ms)
    assert "Russia-Iran" not in texts(ms)


def test_site_designator_joins_the_name_and_makes_a_facility(nlp):
    doc = make_doc("Work began in the Alabuga special economic zone last spring, officials said.")
    fac = texts(mentions_of(nlp, doc), "FAC")
    assert "Alabuga special economic zone" in fac


def test_leading_article_and_demonym_before_a_site_are_dropped(nlp):
    doc = make_doc("Engineers toured the Russian Alabuga Special Economic Zone on Friday.")
    assert "Alabuga Special Economic Zone" in texts(mentions_of(nlp, doc), "FAC")


def test_title_case_headline_keeps_only_what_the_body_confirms(nlp):
    headline = "Drone Parts Reach Makhachkala As Officials Warn Of Deeper Ties"
    body = "A ferry brought drone parts to Makhachkala on Monday, officials in Baku said."
    ms = mentions_of(nlp, make_doc(body, headline=headline))
    in_headline = [m for m in ms if m.segment == "headline"]
    assert [m.text for m in in_headline] == ["Makhachkala"]


def test_boilerplate_segments_are_ignored(nlp):
    doc = make_doc(
        "Volodymyr Zelenskyy spoke in Kharkiv on Monday.",
        extra=(("Subscribe to the Daily Planet newsletter from London.", "boilerplate"),),
    )
    ms = mentions_of(nlp, doc)
    boiler = next(s for s in doc.segments if s.kind == "boilerplate")
    assert ms and all(not (boiler.start <= m.start < boiler.end) for m in ms)


def test_captions_are_processed_as_their_own_segment(nlp):
    doc = make_doc(
        "The strike hit a depot overnight, officials said.",
        extra=(("A fire burns at a fuel depot in Odesa. Photo: wire service", "caption"),),
    )
    ms = mentions_of(nlp, doc)
    assert any(m.text == "Odesa" and m.segment == "caption" for m in ms)


def test_capital_used_as_an_actor_is_an_organisation(nlp):
    ms = mentions_of(
        nlp,
        make_doc(
            "Moscow rejected the claim. The depot near Moscow burned. The report was dismissed by Tehran."
        ),
    )
    moscow = [m for m in ms if m.text == "Moscow"]
    assert [m.label for m in moscow] == ["ORG", "GPE"]
    assert [m.label for m in ms if m.text == "Tehran"] == ["ORG"]


def test_place_that_is_quiet_is_still_a_place(nlp):
    ms = mentions_of(nlp, make_doc("Kyiv was quiet on Wednesday after a night of air raids."))
    assert [m.label for m in ms if m.text == "Kyiv"] == ["GPE"]


def test_the_plant_refers_to_the_only_named_site(nlp):
    body = (
        "Construction started at the Alabuga Special Economic Zone in Tatarstan. "
        "The plant could open next year, and the facility will employ hundreds."
    )
    ms = mentions_of(nlp, make_doc(body))
    nominal = [m.text for m in ms if m.label == "FAC" and m.text[0] in "Tt"]
    assert nominal == ["The plant", "the facility"]


def test_no_site_reference_when_two_sites_are_named(nlp):
    body = (
        "Parts went to the Alabuga Special Economic Zone and through the Makhachkala port. "
        "The plant could open next year."
    )
    ms = mentions_of(nlp, make_doc(body))
    assert "The plant" not in texts(ms)


def test_glued_caption_text_is_trimmed(nlp):
    doc = make_doc(
        "Smoke over the port. Credit: news agencyRussia claimed the strike."
    )
    ms = mentions_of(nlp, doc)
    assert "agencyRussia" not in texts(ms)
    assert "Russia" in texts(ms)
    assert all(doc.text[m.start : m.end] == m.text for m in ms)
