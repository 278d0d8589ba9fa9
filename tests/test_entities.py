"""Cross-document entities: merging rules, must-not-merge cases, geo, roles, determinism,
and the coreference scorers behind ``collate eval coref``.

The three articles below were written for these tests; they reuse real place names and
designations so that the gazetteer and alias rules have something to resolve.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from collation.config import Options
from collation.evaluate.coref import b_cubed, ceaf_e, conll_scores, muc
from collation.ids import document_id
from collation.nlp.models import load_spacy
from collation.nlp.parse import parse_documents
from collation.records import Document, Entity, Geo, Mention, Segment
from collation.resolve.entities import entity_index, resolve_entities, resolve_with
from collation.resolve.gazetteer import default_gazetteer, distance_km
from collation.resolve.knowledge import KnowledgeBase
from collation.resolve.mentions import extract_mentions


def make_doc(headline: str, body: str, outlet: str) -> Document:
    text = headline + "\n\n" + body
    return Document(
        id=document_id(text),
        source=outlet,
        title=headline,
        outlet=outlet,
        url=None,
        published=None,
        published_basis=None,
        language="en",
        text=text,
        segments=(
            Segment(0, len(headline), "headline"),
            Segment(len(headline) + 2, len(text), "body"),
        ),
    )


LEDGER = make_doc(
    "Cargo Ships Carry Drone Parts Across Caspian",
    "Freighters have carried drone parts from Amirabad, Iran, across the Caspian Sea to "
    "Makhachkala in Dagestan, officials said on Tuesday. National Security Council spokesman "
    "John Kirby said the parts were bound for a factory in the Alabuga Special Economic Zone in "
    "Tatarstan. The plant could open next year, Kirby said. Moscow rejected the claim. Air raid "
    "sirens sounded in Kiev overnight. The drones, known as Geran-2 (Shahed-136), have been used "
    "since last autumn.",
    "Northern Ledger",
)
POST = make_doc(
    "Factory near Yelabuga to build attack drones",
    "A satellite picture shows construction near Yelabuga, about 900 kilometres east of Moscow, "
    "where Russia is assembling Iranian-designed drones. John Kirby, Coordinator for Strategic "
    "Communications at the National Security Council, said Iran also wants Su35 fighter jets. "
    'Russia fields the Shahed-136/131 under the designations "Geran-2" and "Geran-1". '
    "Separately, the UN Security Council met in New York. Kyiv was quiet on Wednesday.",
    "Evening Post",
)
COURIER = make_doc(
    "Talks in Baghdad",
    "The US National Security Council (NSC) said Iraq and Iran held talks. The NSC also said "
    "Russia may sell Su-35 jets and YAK-130 trainers to Tehran. A ferry sailed from Oslo to Kiel "
    "in Germany. The Kremlin declined to comment.",
    "Daily Courier",
)
DOCS = [LEDGER, POST, COURIER]


@pytest.fixture(scope="module")
def mentions() -> list[Mention]:
    nlp = load_spacy()
    parsed = parse_documents(DOCS, nlp)
    return [m for d in DOCS for m in extract_mentions(d, parsed.get(d.id, []))]


@pytest.fixture(scope="module")
def entities(mentions) -> list[Entity]:
    return resolve_entities(DOCS, mentions, Options())


def by_alias(entities: list[Entity], alias: str) -> list[Entity]:
    return [e for e in entities if any(a.name == alias for a in e.aliases)]


def one(entities: list[Entity], alias: str) -> Entity:
    found = by_alias(entities, alias)
    assert len(found) == 1, (alias, [e.name for e in found])
    return found[0]


def aliases(entity: Entity) -> set[str]:
    return {a.name for a in entity.aliases}


# ---------------------------------------------------------------- provenance and shape


def test_every_span_slices_back(entities):
    text = {d.id: d.text for d in DOCS}
    for entity in entities:
        assert entity.mentions
        for span in entity.mentions:
            assert text[span.doc][span.start : span.end] == span.text
        for role in entity.roles:
            assert text[role.span.doc][role.span.start : role.span.end] == role.span.text


def test_every_mention_belongs_to_exactly_one_entity(entities, mentions):
    index = entity_index(entities)
    assert set(index) == {(m.doc, m.start, m.end) for m in mentions}
    assert sum(len(e.mentions) for e in entities) == len(index)


def test_sorted_output_and_alias_documents(entities):
    assert [e.id for e in entities] == sorted(e.id for e in entities)
    assert len({e.id for e in entities}) == len(entities)
    for entity in entities:
        assert list(entity.mentions) == sorted(
            entity.mentions, key=lambda s: (s.doc, s.start, s.end)
        )
        for alias in entity.aliases:
            assert alias.docs and list(alias.docs) == sorted(alias.docs)


def test_input_order_does_not_change_the_result(entities, mentions):
    shuffled = list(mentions)
    random.Random(7).shuffle(shuffled)
    again = resolve_entities(list(reversed(DOCS)), shuffled, Options())
    assert again == entities


# ---------------------------------------------------------------- merges that must happen


def test_exonym_and_endonym_are_one_place(entities):
    kyiv = one(entities, "Kyiv")
    assert "Kiev" in aliases(kyiv)
    assert kyiv.geo is not None and kyiv.geo.country == "UA"
    assert {a.name: len(a.docs) for a in kyiv.aliases} == {"Kiev": 1, "Kyiv": 1}


def test_zone_and_its_town_are_one_site_with_containment(entities):
    site = one(entities, "Alabuga Special Economic Zone")
    assert "Yelabuga" in aliases(site)
    assert site.geo is not None and site.resolution == "resolved"
    assert distance_km(site.geo, Geo(55.76, 52.05, "x", "x")) <= 40
    assert "Tatarstan" in site.contained_in and "Russia" in site.contained_in
    # "The plant" in the same article refers to the site.
    assert any(s.text == "The plant" for s in site.mentions)


def test_designation_aliases_from_the_text(entities):
    assert "Geran-2" in aliases(one(entities, "Shahed-136"))
    assert "Geran-1" in aliases(one(entities, "Shahed-131"))
    su35 = one(entities, "Su35")
    assert "Su-35" in aliases(su35) and su35.type == "PRODUCT"


def test_surname_and_roles(entities):
    kirby = one(entities, "John Kirby")
    assert kirby.type == "PERSON" and kirby.name == "John Kirby"
    assert "Kirby" in aliases(kirby)
    titles = [r.title for r in kirby.roles]
    assert any("spokesman" in t for t in titles)
    assert any(t.startswith("Coordinator for Strategic Communications") for t in titles)
    assert len({r.span.doc for r in kirby.roles}) == 2


def test_acronym_and_qualified_name_join_the_long_form(entities):
    nsc = one(entities, "National Security Council")
    assert {"NSC", "US National Security Council"} <= aliases(nsc)


def test_places_are_geocoded(entities):
    for name, country in (
        ("Makhachkala", "RU"),
        ("Dagestan", "RU"),
        ("Tatarstan", "RU"),
        ("Oslo", "NO"),
    ):
        entity = one(entities, name)
        assert entity.resolution == "resolved" and entity.geo is not None, name
        assert entity.geo.country == country
    amirabad = one(entities, "Amirabad")
    assert amirabad.geo is not None and amirabad.geo.country == "IR" and amirabad.geo.lat > 36.5
    caspian = one(entities, "Caspian Sea")
    assert caspian.geo is not None and caspian.geo.feature == "water"


# ---------------------------------------------------------------- merges that must not happen


def test_security_councils_stay_apart(entities):
    assert one(entities, "UN Security Council").id != one(entities, "National Security Council").id


def test_iran_iraq_kiev_kiel_stay_apart(entities):
    assert one(entities, "Iran").id != one(entities, "Iraq").id
    assert one(entities, "Kiel").id != one(entities, "Kyiv").id
    assert "Kiel" not in aliases(one(entities, "Kyiv"))


def test_different_models_stay_apart(entities):
    ids = {one(entities, n).id for n in ("Shahed-136", "Shahed-131", "Su35", "YAK-130")}
    assert len(ids) == 4


def test_metonym_is_not_the_city(entities):
    moscows = by_alias(entities, "Moscow")
    government = [e for e in moscows if e.metonym_for]
    city = [e for e in moscows if e.metonym_for is None]
    assert len(government) == 1 and len(city) == 1
    assert government[0].metonym_for == "government of Russia" and government[0].geo is None
    assert city[0].geo is not None and city[0].geo.feature == "city"
    assert one(entities, "Kremlin").metonym_for == "government of Russia"


# ---------------------------------------------------------------- rules on hand-made mentions


def manual(text: str, spans: list[tuple[str, str]]) -> tuple[Document, list[Mention]]:
    """A document and mentions of the given (surface, label) pairs, in order of appearance."""
    doc = Document(
        document_id(text),
        "t",
        None,
        None,
        None,
        None,
        None,
        "en",
        text,
        (Segment(0, len(text), "body"),),
    )
    out, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        out.append(Mention(doc.id, start, start + len(surface), surface, label))
        pos = start + len(surface)
    return doc, out


@pytest.fixture(scope="module")
def resolve():
    gazetteer, kb = default_gazetteer(), KnowledgeBase.build(())

    def run(docs: list[Document], ms: list[Mention]) -> list[Entity]:
        return resolve_with(docs, ms, kb, gazetteer)

    return run


def test_also_known_as_and_slash_pairs(resolve):
    doc, ms = manual(
        "The Lancet-3, also known as Izdeliye-53, flew. Engineers copied the Geran-2/Shahed-136.",
        [
            ("Lancet-3", "PRODUCT"),
            ("Izdeliye-53", "PRODUCT"),
            ("Geran-2", "PRODUCT"),
            ("Shahed-136", "PRODUCT"),
        ],
    )
    found = resolve([doc], ms)
    assert len(found) == 2
    assert {frozenset(aliases(e)) for e in found} == {
        frozenset({"Lancet-3", "Izdeliye-53"}),
        frozenset({"Geran-2", "Shahed-136"}),
    }


def test_same_family_slash_is_two_models(resolve):
    doc, ms = manual(
        "Iran offered Su-27/Su-30 jets.",
        [("Iran", "GPE"), ("Su-27", "PRODUCT"), ("Su-30", "PRODUCT")],
    )
    products = [e for e in resolve([doc], ms) if e.type == "PRODUCT"]
    assert len(products) == 2


def test_parenthesised_place_is_containment_not_alias(resolve):
    doc, ms = manual(
        "Boats left Makhachkala (Dagestan) at dawn.", [("Makhachkala", "GPE"), ("Dagestan", "GPE")]
    )
    found = resolve([doc], ms)
    assert len(found) == 2
    city = one(found, "Makhachkala")
    assert city.geo is not None and "Dagestan" in city.contained_in


def test_acronym_long_form_written_in_lower_case(resolve):
    doc, ms = manual(
        "Officials counted unmanned aerial vehicles over the border. Most UAVs were shot down.",
        [("UAVs", "ORG")],
    )
    found = resolve([doc], ms)
    assert len(found) == 1
    assert "unmanned aerial vehicles" in aliases(found[0])
    assert found[0].type == "PRODUCT"


def test_short_site_form_joins_long_form_across_documents(resolve):
    d1, m1 = manual(
        "Trucks reached the Alabuga Special Economic Zone.",
        [("Alabuga Special Economic Zone", "FAC")],
    )
    d2, m2 = manual("Inside the Alabuga SEZ, work continued.", [("Alabuga SEZ", "FAC")])
    found = resolve([d1, d2], m1 + m2)
    assert len(found) == 1 and aliases(found[0]) == {"Alabuga Special Economic Zone", "Alabuga SEZ"}


def test_transliteration_variants_of_a_person_merge(resolve):
    d1, m1 = manual("Volodymyr Zelenskyy spoke.", [("Volodymyr Zelenskyy", "PERSON")])
    d2, m2 = manual("Volodymyr Zelensky spoke again.", [("Volodymyr Zelensky", "PERSON")])
    d3, m3 = manual("Vladimir Zelenko did not.", [("Vladimir Zelenko", "PERSON")])
    found = resolve([d1, d2, d3], m1 + m2 + m3)
    assert len(found) == 2
    assert {"Volodymyr Zelenskyy", "Volodymyr Zelensky"} in [aliases(e) for e in found]


def test_ambiguous_surname_is_not_merged(resolve):
    d1, m1 = manual("Joe Biden spoke.", [("Joe Biden", "PERSON")])
    d2, m2 = manual("Hunter Biden spoke.", [("Hunter Biden", "PERSON")])
    d3, m3 = manual("Biden said nothing.", [("Biden", "PERSON")])
    found = resolve([d1, d2, d3], m1 + m2 + m3)
    assert len(found) == 3


def test_unique_surname_merges_across_documents(resolve):
    d1, m1 = manual("Joe Biden spoke.", [("Joe Biden", "PERSON")])
    d2, m2 = manual("Biden said nothing.", [("Biden", "PERSON")])
    found = resolve([d1, d2], m1 + m2)
    assert len(found) == 1 and found[0].name == "Joe Biden"


def test_fuzzy_spelling_needs_confirmation(resolve):
    d1, m1 = manual("Maxar Technologies released images.", [("Maxar Technologies", "ORG")])
    d2, m2 = manual("Maxar Technolgies released more.", [("Maxar Technolgies", "ORG")])
    d3, m3 = manual("Planet Labs released none.", [("Planet Labs", "ORG")])
    found = resolve([d1, d2, d3], m1 + m2 + m3)
    assert len(found) == 2
    d4, m4 = manual("Iran spoke.", [("Iran", "ORG")])
    d5, m5 = manual("Iraq spoke.", [("Iraq", "ORG")])
    assert len(resolve([d4, d5], m4 + m5)) == 2


def test_unknown_place_is_reported_with_candidates_not_guessed(resolve):
    doc, ms = manual(
        "Trucks left Russia for Makhachkalla and Zzyxtowne.",
        [("Russia", "GPE"), ("Makhachkalla", "GPE"), ("Zzyxtowne", "GPE")],
    )
    found = resolve([doc], ms)
    misspelt, unknown = one(found, "Makhachkalla"), one(found, "Zzyxtowne")
    assert misspelt.geo is None and misspelt.resolution == "unresolved"
    assert "Makhachkala" in [c.name for c in misspelt.candidates]
    assert unknown.geo is None and unknown.resolution == "unresolved" and unknown.candidates == ()


def test_honorific_and_middle_initial_variants_merge(resolve):
    d1, m1 = manual("John F. Kirby spoke.", [("John F. Kirby", "PERSON")])
    d2, m2 = manual("Mr. John Kirby spoke again.", [("Mr. John Kirby", "PERSON")])
    found = resolve([d1, d2], m1 + m2)
    assert len(found) == 1
    assert aliases(found[0]) == {"John F. Kirby", "John Kirby"}


def test_town_tagged_as_organisation_joins_the_town(resolve):
    d1, m1 = manual("A ferry reached Kiel at dawn.", [("Kiel", "ORG")])
    d2, m2 = manual("Sailors in Kiel, Germany, cheered.", [("Kiel", "GPE"), ("Germany", "GPE")])
    found = resolve([d1, d2], m1 + m2)
    kiel = one(found, "Kiel")
    assert len(kiel.mentions) == 2 and kiel.geo is not None and kiel.geo.country == "DE"


def test_ids_are_stable_across_runs(resolve):
    doc, ms = manual("Voronezh was hit.", [("Voronezh", "GPE")])
    first, second = resolve([doc], ms), resolve([doc], ms)
    assert [e.id for e in first] == [e.id for e in second]
    assert first[0].id.startswith("e") and first[0].geo is not None


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(6)), st.sets(st.integers(0, 5), min_size=1))
def test_order_and_subsets_keep_spans_exact(order, keep):
    """Any subset of mentions, in any order: every mention lands in one entity, spans are
    exact, and the result does not depend on the order."""
    doc, ms = manual(
        "Kiev and Kyiv differ from Kiel; Joe Biden met Biden; the Su-35 is a Su35.",
        [
            ("Kiev", "GPE"),
            ("Kyiv", "GPE"),
            ("Kiel", "GPE"),
            ("Joe Biden", "PERSON"),
            ("Biden", "PERSON"),
            ("Su-35", "PRODUCT"),
        ],
    )
    chosen = [ms[i] for i in order if i in keep]
    gazetteer, kb = default_gazetteer(), KnowledgeBase.build(())
    found = resolve_with([doc], chosen, kb, gazetteer)
    assert found == resolve_with([doc], sorted(chosen, key=lambda m: m.start), kb, gazetteer)
    index = entity_index(found)
    assert set(index) == {(m.doc, m.start, m.end) for m in chosen}
    for entity in found:
        for span in entity.mentions:
            assert doc.text[span.start : span.end] == span.text


# ---------------------------------------------------------------- coreference scorers


def clusters(*groups: str) -> list[frozenset[str]]:
    return [frozenset(g) for g in groups]


def test_scorers_perfect_response():
    key = clusters("abc", "de", "f")
    scores = conll_scores(key, key)
    assert scores["conll_f1"] == 1.0 and scores["muc_f1"] == 1.0


def test_muc_known_values():
    # Key {a,b,c}; response {a,b} {c}: one link missed, none wrong.
    p, r, f = muc(clusters("abc"), clusters("ab", "c"))
    assert (p, r) == (1.0, 0.5) and f == pytest.approx(2 / 3)
    # Over-merging: key {a,b} {c,d}; response {a,b,c,d}.
    p, r, _ = muc(clusters("ab", "cd"), clusters("abcd"))
    assert (p, r) == (pytest.approx(2 / 3), 1.0)


def test_b_cubed_known_values():
    p, r, _ = b_cubed(clusters("abc"), clusters("ab", "c"))
    assert p == 1.0 and r == pytest.approx((2 * (2 / 3) + 1 / 3) / 3)
    p, r, _ = b_cubed(clusters("ab", "cd"), clusters("abcd"))
    assert p == pytest.approx(0.5) and r == 1.0


def test_ceaf_e_known_values():
    # phi4({a,b,c},{a,b}) = 2*2/5 = 0.8 and {c} is left unaligned.
    p, r, _ = ceaf_e(clusters("abc"), clusters("ab", "c"))
    assert r == pytest.approx(0.8) and p == pytest.approx(0.4)
    # The optimal alignment, not a greedy one: key {a,b} {c,d,e}, response {a,b,c} {d,e}.
    p, r, _ = ceaf_e(clusters("ab", "cde"), clusters("abc", "de"))
    assert r == pytest.approx((0.8 + 0.8) / 2) and p == pytest.approx((0.8 + 0.8) / 2)


def test_twinless_mentions_cost_precision():
    key = clusters("ab")
    response = clusters("ab", "xy")
    scores = conll_scores(key, response)
    assert scores["muc_r"] == 1.0 and scores["muc_p"] == 0.5
    assert scores["b3_p"] == 0.5 and scores["ceafe_p"] == 0.5
