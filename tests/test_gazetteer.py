"""Offline gazetteer and geocoding: lookups, distances, disambiguation, never guessing."""

from __future__ import annotations

import pytest

from collation.records import Geo
from collation.resolve.gazetteer import (
    capital_country,
    default_gazetteer,
    demonym_country,
    distance_km,
    in_bbox,
)
from collation.resolve.geocode import PlaceContext, PlaceQuery, query_names, resolve_place
from collation.resolve.water import WATER_BODIES


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


def first(gaz, name: str, feature: str | None = None) -> Geo:
    for geo in gaz.lookup(name):
        if feature is None or geo.feature == feature:
            return geo
    raise AssertionError(f"{name} not found")


def test_haversine_moscow_to_yelabuga(gaz):
    moscow = first(gaz, "Moscow", "city")
    yelabuga = first(gaz, "Yelabuga", "city")
    assert distance_km(moscow, yelabuga) == pytest.approx(902, abs=5)
    assert distance_km(moscow, moscow) == 0.0


def test_distance_is_symmetric_and_handles_the_antimeridian():
    a = Geo(0.0, 179.5, "x:a", "a")
    b = Geo(0.0, -179.5, "x:b", "b")
    assert distance_km(a, b) == pytest.approx(111.2, abs=1)
    assert distance_km(a, b) == distance_km(b, a)


def test_exonym_and_endonym_share_an_id_but_lookalikes_do_not(gaz):
    kiev = [g.gazetteer_id for g in gaz.lookup("Kiev") if g.feature == "city"]
    kyiv = [g.gazetteer_id for g in gaz.lookup("Kyiv") if g.feature == "city"]
    kiel = [g.gazetteer_id for g in gaz.lookup("Kiel") if g.feature == "city"]
    assert kiev and kiev[0] in kyiv
    assert kiev[0] not in kiel


def test_iran_and_iraq_are_different_countries(gaz):
    iran = first(gaz, "Iran", "country")
    iraq = first(gaz, "Iraq", "country")
    assert (iran.country, iraq.country) == ("IR", "IQ")
    assert iran.gazetteer_id != iraq.gazetteer_id


def test_get_by_id(gaz):
    moscow = first(gaz, "Moscow", "city")
    assert gaz.get(moscow.gazetteer_id) == moscow
    assert gaz.get("geonames:0") is None


def test_alternate_names_and_lookup_keys(gaz):
    assert first(gaz, "Alabuga").name == "Yelabuga"  # a GeoNames alternate name
    assert first(gaz, "primorsko akhtarsk").name == "Primorsko-Akhtarsk"
    assert first(gaz, "U.S.", "country").country == "US"


def test_regions_have_positions_inside_their_country(gaz):
    tatarstan = gaz.place(first(gaz, "Tatarstan", "region").gazetteer_id)
    dagestan = first(gaz, "Dagestan", "region")
    assert tatarstan is not None and tatarstan.containers == ("Russia",)
    assert 54 < tatarstan.geo.lat < 57 and 47 < tatarstan.geo.lon < 55
    assert 41 < dagestan.lat < 45 and 45 < dagestan.lon < 49


def test_small_places_have_their_containers(gaz):
    amirabads = [gaz.place(g.gazetteer_id) for g in gaz.lookup("Amirabad")]
    caspian = [p for p in amirabads if p and p.geo.country == "IR" and p.geo.lat > 36.5]
    assert caspian, "the Caspian port of Amirabad should be a candidate"
    assert "Iran" in caspian[0].containers


def test_water_bodies(gaz):
    for name in ("Caspian Sea", "Black Sea", "Sea of Azov", "Strait of Hormuz", "Dnieper"):
        geo = first(gaz, name)
        assert geo.feature == "water" and geo.gazetteer_id.startswith("water:")
    for body in WATER_BODIES:
        south, west, north, east = body.bbox
        assert south < north
        assert in_bbox(Geo(body.lat, body.lon, "x", "x"), body.bbox, margin=0.5), body.name


def test_demonyms_and_capitals():
    assert demonym_country("iranian") == "IR"
    assert demonym_country("ukrainian") == "UA"
    assert demonym_country("british") == "GB"
    assert demonym_country("korean") is None  # two Koreas: no guess
    assert capital_country("moscow") == "RU"
    assert capital_country("tehran") == "IR"
    assert capital_country("yelabuga") is None


def test_query_names_strip_administrative_words():
    assert "Tatarstan" in query_names("Republic of Tatarstan")
    assert "Voronezh" in query_names("Voronezh region")


def ctx(*countries: str) -> PlaceContext:
    return PlaceContext(countries=set(countries))


def test_population_and_country_context_pick_the_city(gaz):
    res = resolve_place(gaz, PlaceQuery(("Voronezh",), ("d1",)), {"d1": ctx("RU")}, ctx("RU"))
    assert res.status == "resolved" and res.place is not None
    assert res.place.geo.country == "RU" and res.place.geo.feature == "city"


def test_story_water_body_picks_the_port_on_its_shore(gaz):
    caspian = gaz.place("water:caspian-sea")
    story = PlaceContext(countries={"IR", "RU"}, waters=[caspian] if caspian else [])
    res = resolve_place(gaz, PlaceQuery(("Amirabad",), ("d1",)), {"d1": story}, story)
    assert res.status == "resolved" and res.place is not None
    assert res.place.geo.country == "IR"
    assert distance_km(res.place.geo, Geo(36.85, 53.37, "x", "x")) < 40


def test_no_context_means_no_guess(gaz):
    res = resolve_place(gaz, PlaceQuery(("Amirabad",), ("d1",)), {}, PlaceContext())
    assert res.status in ("ambiguous", "unresolved")
    assert res.place is None and len(res.candidates) >= 2


def test_stated_container_decides(gaz):
    query = PlaceQuery(("Amirabad",), ("d1",), containers=("Pakistan",))
    res = resolve_place(gaz, query, {}, PlaceContext())
    assert res.place is not None and res.place.geo.country == "PK"


def test_unknown_name_is_unresolved(gaz):
    res = resolve_place(gaz, PlaceQuery(("Qqzzvvxx",), ("d1",)), {}, ctx("RU"))
    assert res.status == "unresolved" and res.place is None


def test_capital_beats_smaller_namesakes(gaz):
    query = PlaceQuery(
        ("Washington",), ("d1",), containers=("United States",), site="seat of power"
    )
    res = resolve_place(gaz, query, {"d1": ctx("US")}, ctx("US"))
    assert res.place is not None
    assert distance_km(res.place.geo, Geo(38.9, -77.04, "x", "x")) < 20


def test_suggestions_for_a_misspelling(gaz):
    suggested = gaz.suggest("Makhachkalla", ["RU"])
    assert suggested and suggested[0].geo.name == "Makhachkala"
    assert all(p.geo.country == "FR" for p in gaz.suggest("Makhachkalla", ["FR"]))
