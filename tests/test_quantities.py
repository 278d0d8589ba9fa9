"""Quantities: hedges, vague magnitudes, units, money, counts, traps, comparison, scorer."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from collation.config import Options
from collation.evaluate.quantities import evaluate as evaluate_newsquant
from collation.ids import document_id
from collation.nlp.quantities import compatible, extract_quantities, find_quantities, in_span
from collation.records import Document, Quantity, Segment


def one(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, [q.span.text for q in found]
    return found[0]


def test_about_900_km_and_about_1100_km_do_not_overlap() -> None:
    near = one("The depot lies about 900 kilometers north of the capital.")
    far = one("The depot lies about 1,100 km north of the capital.")
    assert (near.unit, far.unit, near.dimension) == ("km", "km", "length")
    assert near.low is not None and near.high is not None and far.low is not None
    assert near.low < 900 < near.high < far.low < 1100
    assert near.hedge == "about"
    assert compatible(near, far) is False


def test_several_hundred_miles_in_km_contains_900_and_overlaps_1100() -> None:
    vague = one("The dam sits several hundred miles upstream.")
    assert vague.unit == "km" and vague.low is not None and vague.high is not None
    assert vague.low < 900 < vague.high
    assert vague.low < 1100 < vague.high
    far = one("The dam sits about 1,100 km upstream.")
    assert compatible(vague, far) is True


def test_miles_are_converted_with_pint() -> None:
    value = one("The convoy drove 50 miles.")
    assert value.value == pytest.approx(80.4672)
    assert value.low == value.high == value.value


def test_hundreds_of_drones_is_a_count_interval_of_drones() -> None:
    value = one("The army has received hundreds of cheap drones.")
    assert (value.unit, value.dimension, value.thing) == ("count", "count", "drones")
    assert (value.low, value.high) == (200.0, 999.0)
    exact = one("It used up most of the 400 drones it had bought.")
    assert (exact.value, exact.thing) == (400.0, "drones")
    assert compatible(value, exact) is True
    assert compatible(exact, one("The unit lost 400 tanks.")) is None  # different things


@pytest.mark.parametrize(("text", "low", "high", "hedge"), [
    ("Guards stopped at least 90 percent of the boats.", 90.0, 100.0, "at least"),
    ("The flood displaced almost 14 million people.", 12.6e6, 14e6, "almost"),
    ("The flood displaced nearly 2,000 people.", 1800.0, 2000.0, "nearly"),
    ("Turnout was around 60 percent.", 55.0, 65.0, "around"),  # rounded to tens: +-5
    ("The ferry carried approximately 500 passengers.", 450.0, 550.0, "approximately"),
    ("The firm hired more than 700 engineers.", 700.0, 800.0, "more than"),
    ("The grant is worth up to $8 million.", 0.0, 8e6, "up to"),
    ("Fewer than 20 percent replied.", 10.0, 20.0, "fewer than"),
])
def test_hedges_widen_as_documented(text: str, low: float, high: float, hedge: str) -> None:
    value = one(text)
    assert value.low == pytest.approx(low)
    assert value.high == pytest.approx(high)
    assert value.hedge == hedge


@pytest.mark.parametrize(("text", "low", "high"), [
    ("Dozens of villagers fled.", 24.0, 99.0),
    ("A few thousand fans waited outside.", 2000.0, 5000.0),
    ("Tens of thousands of workers marched.", 20000.0, 99999.0),
    ("Thousands of homes lost power.", 2000.0, 9999.0),
])
def test_vague_magnitudes(text: str, low: float, high: float) -> None:
    value = one(text)
    assert (value.low, value.high, value.dimension) == (low, high, "count")


def test_money_keeps_its_currency() -> None:
    dollars = one("The deal is worth $800 million.")
    assert (dollars.unit, dollars.value, dollars.dimension) == ("USD", 8e8, "currency")
    euros = one("They paid €2.5bn for it.")
    assert (euros.unit, euros.value) == ("EUR", 2.5e9)
    aussie = one("A fine of 10.5 million Australian dollars was set.")
    assert (aussie.unit, aussie.value) == ("AUD", 10.5e6)
    cents = one("Shares rose 19 cents.")
    assert (cents.unit, cents.value) == ("USD", 0.19)
    rate = one("Crude traded at $58.24 a barrel.")
    assert (rate.unit, rate.value) == ("USD/barrel", 58.24)
    assert compatible(dollars, euros) is None


def test_percentages_and_ranges() -> None:
    assert one("Inflation hit 4.5% in the spring.").unit == "percent"
    assert one("Inflation hit 4.5 per cent.").value == 4.5
    pair = one("Forecasts range between $62 and $68 per share.")
    assert (pair.low, pair.high, pair.unit, pair.value) == (62.0, 68.0, "USD/share", None)
    span = one("Growth of 5 to 7 per cent is expected.")
    assert (span.low, span.high, span.unit) == (5.0, 7.0, "percent")
    speed = one("Winds of 15-22 mph were recorded.")
    assert speed.unit == "km/h" and speed.low == pytest.approx(24.14016)


@pytest.mark.parametrize("text", [
    "The Shahed-136 drones and Su-35 jets flew past YAK-130 trainers.",
    "An F-16 and a MiG-29 escorted the convoy.",
    "COVID-19 rules ended.",
    "The treaty was signed on June 9, 2023 in 2019 terms.",
    "The meeting starts at 10:30 p.m. sharp.",
    "Call 555-201-9876 for details.",
    "They won 3-1 at home.",
    "He finished 3rd in the race.",
    "The iPhone 14 and Windows 11 launched.",
    "Send letters to 221 Baker Street.",
    "The No. 1 seed lost.",
])
def test_traps_give_no_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_spans_slice_back_and_are_deterministic() -> None:
    text = ("About 900 kilometers away, hundreds of drones and the 400 drones it kept cost "
            "$1.2 billion; at least 90 percent flew 5 to 7 miles.")
    first = find_quantities(text, doc_id="d9")
    assert len(first) == 6
    for value in first:
        assert text[value.span.start : value.span.end] == value.span.text
        assert value.span.doc == "d9"
    assert first == find_quantities(text, doc_id="d9")


def test_extract_quantities_skips_boilerplate() -> None:
    text = "Dam report\nThe dam holds 40 million cubic metres.\nWin 500 dollars now!"
    body = text.index("The dam")
    footer = text.index("Win")
    document = Document(id=document_id(text), source="t", title=None, outlet=None, url=None,
                        published=None, published_basis=None, language="en", text=text,
                        segments=(Segment(0, body - 1, "headline"), Segment(body, footer - 1, "body"),
                                  Segment(footer, len(text), "boilerplate")))
    found = extract_quantities(document)
    assert [q.span.text for q in found] == ["40 million cubic metres"]
    assert found[0].span.doc == document.id
    assert in_span(found, body, footer) == tuple(found)


def test_newsquant_scorer(tmp_path: Path) -> None:
    items: list[dict[str, Any]] = [
        {"text": "The tunnel is 8 miles long and cost $2 billion.",
         "quantities": [{"change": "=", "value": "8.0", "unit": "miles", "normalized_unit": "mile"},
                        {"change": "=", "value": "2000000000.0", "unit": "$",
                         "normalized_unit": "dollar"}]},
        {"text": "Fares will rise 3 to 5 percent.",
         "quantities": [{"change": "up", "value": "3.0-5.0", "unit": "percent",
                         "normalized_unit": "percentage"}]},
        {"text": "Nothing to count here.", "quantities": []},
    ]
    path = tmp_path / "NewsQuant.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    result = evaluate_newsquant(path, Options())
    assert result["value_f1"] == result["value_unit_f1"] == 1.0
    items[0]["quantities"][0]["normalized_unit"] = "kilometre"
    path.write_text(json.dumps(items), encoding="utf-8")
    result = evaluate_newsquant(path, Options())
    assert result["value_f1"] == 1.0
    assert result["value_unit_f1"] == pytest.approx(2 / 3)


def test_every_unit_converts_to_its_normal_unit() -> None:
    from collation.nlp.quantity_units import SYMBOL_UNITS, WORD_UNITS, convert, factor

    for spec in {*WORD_UNITS.values(), *SYMBOL_UNITS.values()}:
        assert factor(spec) > 0, spec.name
    assert convert(1.0, WORD_UNITS["decades"]) == pytest.approx(3652.5)  # not pint's log "decade"
    assert convert(212.0, WORD_UNITS["fahrenheit"]) == pytest.approx(100.0)


# -- units and counts read from the surrounding phrase ------------------------------------------

def test_cents_take_a_rate_and_the_span_ends_on_the_word() -> None:
    text = "The chain lost 47 cents per share, against 52 cents a year earlier."
    found = find_quantities(text)
    assert [q.span.text for q in found] == ["47 cents per share", "52 cents"]
    assert found[0].unit == "USD/share" and found[0].low == pytest.approx(0.47)
    assert all(text[q.span.start:q.span.end] == q.span.text for q in found)


def test_one_of_the_superlative_counts_one_of_them() -> None:
    found = one("The lighthouse is one of the oldest stone towers on the coast.")
    assert (found.value, found.thing, found.unit) == (1.0, "towers", "count")
    assert find_quantities("He was one of them.") == []


def test_a_fraction_of_a_unit_takes_the_unit() -> None:
    cup = one("The recipe needs 1/4 of a US pint of cream.")
    walk = one("The depot is a third of a mile from the gate.")
    assert (cup.unit, walk.unit) == ("L", "km")
    assert cup.value == pytest.approx(0.25 * 0.473176, rel=1e-3)
    assert walk.value == pytest.approx(1.609344 / 3, rel=1e-3)


def test_part_of_a_stated_whole_borrows_its_currency() -> None:
    found = find_quantities("The fund has raised 40 million of the 250 million euros it seeks.")
    assert [(q.span.text, q.unit, q.value) for q in found] == [
        ("40 million", "EUR", 40e6), ("250 million euros", "EUR", 250e6)]


def test_from_to_range_may_have_a_time_between_its_ends() -> None:
    found = one("The coin slid from $61,200 at 9.30pm on Sunday to $58,950.")
    assert (found.low, found.high, found.unit) == (58950.0, 61200.0, "USD")
    mileage = one("Economy improved from 31 mpg in 2015 to 36 mpg.")
    assert (mileage.low, mileage.high, mileage.unit) == (31.0, 36.0, "mpg")
    # Two separate figures with a clause between them stay separate.
    assert len(find_quantities("Sales fell from $5 million, while costs rose to $7 million.")) == 2


def test_camel_case_product_names_are_not_counts() -> None:
    assert find_quantities("The iPad 9 costs less this year.") == []


@pytest.mark.parametrize("text, unit", [
    ("The capacitor in the flash unit stores 4.7 F of charge.", "F"),
    ("Readings of 95 F were logged as the heat wave peaked.", "degC"),
    ("A ferry ticket to the island costs 60 kn in summer.", "HRK"),
    ("The patrol boat reached 28 kn in calm sea.", "km/h"),
    ("She has worked at the mill for 12 a and knows every loom.", "day"),
])
def test_ambiguous_symbols_are_read_from_their_sentence(text: str, unit: str) -> None:
    assert one(text).unit == unit


def test_ambiguous_symbol_without_a_cue_is_left_alone() -> None:
    found = one("The bakery sells 40 a day.")
    assert found.unit is None


def test_age_after_a_verb_of_becoming() -> None:
    found = one("She will be 41 by the time the trial opens.")
    assert found.unit == "years of age" and found.value == 41.0
    assert one("The backlog will be 41 by Friday.").unit is None


def test_newsquant_names_fractions_and_superlatives_as_cqe_does() -> None:
    from collation.evaluate.quantities import unit_name
    from collation.nlp.quantities import scan_quantities

    text = "Two-thirds of the voters live near one of the largest ports, half of which ..."
    names = [unit_name(q, text) for q in scan_quantities(text)]
    assert names == ["% voters", "large port", "% -"]
