"""Temporal expressions: news-style resolution, intervals, open intervals, traps, scorer."""

from __future__ import annotations

from pathlib import Path

import pytest

from collation.evaluate.timex import read_timeml, score_documents
from collation.ids import document_id
from collation.nlp.times import extract_times, find_times, in_span
from collation.records import Document, Segment, TimeValue

ANCHOR = "2023-06-10"  # a Saturday


def one(text: str, anchor: str | None = ANCHOR, contains: str | None = None) -> TimeValue:
    values = find_times(text, anchor)
    if contains is not None:
        values = [v for v in values if contains in v.span.text]
    assert len(values) == 1, [v.span.text for v in values]
    return values[0]


def test_bare_weekday_in_past_report_is_most_recent_one() -> None:
    value = one("The minister said on Friday that talks had stalled.")
    assert (value.start, value.end, value.precision) == ("2023-06-09", "2023-06-09", "day")
    assert value.anchor == ANCHOR


def test_weekday_in_future_sentence_points_forward() -> None:
    value = one("The committee will vote on Tuesday.", anchor="2023-06-07")
    assert value.start == "2023-06-13"


def test_early_next_year_equals_early_2024() -> None:
    relative = one("The bridge could reopen early next year.")
    absolute = one("The bridge could reopen in early 2024.")
    assert (relative.start, relative.end) == (absolute.start, absolute.end) == \
        ("2024-01-01", "2024-04-30")
    assert relative.modifier == absolute.modifier == "early"
    assert relative.value == absolute.value == "2024"


def test_bare_past_month_is_the_most_recent_one() -> None:
    value = one("Photographs taken in April show the new hangar.")
    assert (value.start, value.end, value.precision) == ("2023-04-01", "2023-04-30", "month")
    assert not value.ambiguous


def test_month_with_day_part_and_year() -> None:
    value = one("The survey was done in early April 2023 by a drone.")
    assert (value.start, value.end) == ("2023-04-01", "2023-04-10")


def test_last_april_is_ambiguous_and_says_so() -> None:
    value = one("Last April, the port authority approved the plan.")
    assert value.start == "2023-04-01"
    assert value.ambiguous
    assert "2022" in value.note


def test_month_last_year() -> None:
    value = one("In October last year, the mayor resigned.")
    assert (value.start, value.end) == ("2022-10-01", "2022-10-31")


def test_late_may_is_last_third_of_month() -> None:
    value = one("Storms hit the coast in late May.")
    assert (value.start, value.end, value.modifier) == ("2023-05-21", "2023-05-31", "late")


def test_since_opens_the_interval() -> None:
    value = one("Exports have fallen since May.")
    assert value.span.text == "since May"
    assert (value.start, value.end, value.modifier) == ("2023-05-01", None, "since")


def test_until_and_before_close_the_interval() -> None:
    until = one("The road stays shut until the end of the year.")
    assert (until.start, until.end, until.modifier) == (None, "2023-12-31", "until")
    before = one("Ballots must arrive before July 2023.")
    assert (before.start, before.end, before.modifier) == (None, "2023-06-30", "before")


def test_earlier_this_week_stops_before_the_anchor() -> None:
    value = one("Earlier this week, the council met twice.")
    assert (value.start, value.end, value.value) == ("2023-06-05", "2023-06-09", "2023-W23")


def test_deictic_days() -> None:
    assert one("The strike began yesterday.").start == "2023-06-09"
    assert one("Markets open tomorrow.").start == "2023-06-11"
    assert one("Results are due today.").start == ANCHOR


def test_last_month_and_two_years_ago() -> None:
    assert one("Prices rose last month.").value == "2023-05"
    ago = one("The firm was founded two years ago.")
    assert (ago.value, ago.precision) == ("2021", "year")


def test_quarters_seasons_decades_and_mid_year() -> None:
    quarter = one("Sales fell in the third quarter of 2022.")
    assert (quarter.value, quarter.start, quarter.end) == ("2022-Q3", "2022-07-01", "2022-09-30")
    autumn = one("Wreckage was found in autumn 2022.")
    assert (autumn.value, autumn.precision, autumn.start) == ("2022-FA", "season", "2022-09-01")
    decade = one("Growth was fast in the 1990s.")
    assert (decade.value, decade.start, decade.end) == ("199", "1990-01-01", "1999-12-31")
    mid = one("The line will open in mid-2025.")
    assert (mid.start, mid.end, mid.modifier) == ("2025-05-01", "2025-08-31", "mid")


def test_full_dates_in_both_orders_and_clock_time() -> None:
    assert one("Signed on 10 June, 2023 in Geneva.").start == "2023-06-10"
    assert one("Signed on June 10, 2023 in Geneva.").start == "2023-06-10"
    clock = one("The blast happened at 10:30 p.m. on Tuesday.")
    assert clock.value == "2023-06-06T22:30"


def test_durations_are_found_but_not_put_on_the_timeline() -> None:
    text = "He served three years in prison and is now free."
    duration = one(text, contains="years")
    assert (duration.value, duration.start, duration.end) == ("P3Y", None, None)
    document = Document(id=document_id(text), source="t", title=None, outlet=None, url=None,
                        published=None, published_basis=None, language="en", text=text)
    assert extract_times(document, ANCHOR) == []
    anchored = one("Imports doubled over the past two years.")
    assert (anchored.value, anchored.start, anchored.end) == ("P2Y", "2021-06-11", ANCHOR)


def test_unanchored_relative_keeps_precision_absolute_still_resolves() -> None:
    relative = one("The envoy arrived on Friday.", anchor=None)
    assert (relative.start, relative.end, relative.precision) == (None, None, "day")
    assert "unanchored" in relative.note
    assert relative.anchor is None
    absolute = one("The envoy arrived on 9 June 2023.", anchor=None)
    assert absolute.start == "2023-06-09"


@pytest.mark.parametrize("text", [
    "The Shahed-136 and Su-35 were shown with a YAK-130 and an F-16.",
    "COVID-19 cases fell as the 737 fleet returned.",
    "She may march with the group.",
    "April Smith and June Carter sang.",
])
def test_traps_give_no_times(text: str) -> None:
    assert find_times(text, ANCHOR) == []


def test_spans_slice_back_and_output_is_deterministic() -> None:
    text = ("On Friday, officials said the plant could run early next year. Since May, "
            "shipments rose; in late May and on June 2, 2023 more came. Two years ago it was idle.")
    first = find_times(text, ANCHOR, doc_id="d1", offset=0)
    assert len(first) >= 6
    for value in first:
        assert text[value.span.start : value.span.end] == value.span.text
        assert value.span.doc == "d1"
    assert first == find_times(text, ANCHOR, doc_id="d1", offset=0)
    shifted = find_times(text, ANCHOR, doc_id="d1", offset=100)
    assert [v.span.start for v in shifted] == [v.span.start + 100 for v in first]


def test_extract_times_skips_boilerplate_and_keeps_document_offsets() -> None:
    text = "Port reopens\nThe port reopened on Friday after repairs.\nSubscribe by Monday!"
    body_start = text.index("The port")
    footer_start = text.index("Subscribe")
    segments = (Segment(0, body_start - 1, "headline"), Segment(body_start, footer_start - 1, "body"),
                Segment(footer_start, len(text), "boilerplate"))
    document = Document(id=document_id(text), source="t", title=None, outlet=None, url=None,
                        published=None, published_basis=None, language="en", text=text,
                        segments=segments)
    values = extract_times(document, ANCHOR)
    assert [v.span.text for v in values] == ["Friday"]
    assert values[0].span.doc == document.id
    assert text[values[0].span.start : values[0].span.end] == "Friday"
    assert in_span(values, body_start, footer_start) == tuple(values)
    assert in_span(values, footer_start, len(text)) == ()


_TML = """<?xml version="1.0" ?>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="2023-06-10" temporalFunction="false" functionInDocument="CREATION_TIME">20230610</TIMEX3></DCT>
<TEXT>
The ferry company said on <TIMEX3 tid="t1" type="DATE" value="2023-06-09">Friday</TIMEX3> that fares rose <TIMEX3 tid="t2" type="DATE" value="2023-05">last month</TIMEX3> &amp; will fall in <TIMEX3 tid="t3" type="DATE" value="2024">2024</TIMEX3>.
</TEXT>
</TimeML>
"""


def test_timeml_reader_and_scorer(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(_TML, encoding="utf-8")
    document = read_timeml(path)
    assert document.dct == "2023-06-10"
    assert [g.text for g in document.timexes] == ["Friday", "last month", "2024"]
    assert "&" in document.text
    perfect = score_documents([document])
    assert perfect["value_f1"] == perfect["strict_f1"] == perfect["relaxed_f1"] == 1.0
    wrong = document.__class__(document.name, "2022-06-10", document.text, document.timexes)
    shifted = score_documents([wrong])
    assert shifted["relaxed_f1"] == 1.0
    assert shifted["value_f1"] < 1.0  # relative values now resolve against the wrong anchor


# -- clause tense (timex_tense) ----------------------------------------------------------------

WEDNESDAY = "2023-06-07"


@pytest.mark.parametrize("text, expected", [
    # a future auxiliary earlier in the clause wins over adjectival participles between
    ("The agency will publish a detailed, long-awaited dossier on Friday.", "2023-06-09"),
    ("Engineers will hold a closed-door meeting and set out the findings on Friday.",
     "2023-06-09"),
    ("The storm will hit the northern islands on Friday.", "2023-06-09"),
    ("The ferry operator is to resume crossings on Friday.", "2023-06-09"),
    ("On Friday, the assembly will debate the bill.", "2023-06-09"),
    # past tense, same weekday
    ("Rebels hit the northern islands on Friday.", "2023-06-02"),
    ("On Friday, the assembly debated the bill.", "2023-06-02"),
    ("Neither envoy could be reached on Friday.", "2023-06-02"),
    ("The licence had been due to lapse on Friday.", "2023-06-02"),
    # a verb of another clause after a comma does not decide
    ("Friday's ruling by the panel, which will meet again soon, surprised many.", "2023-06-02"),
])
def test_weekday_follows_the_tense_of_its_own_clause(text: str, expected: str) -> None:
    assert one(text, anchor=WEDNESDAY, contains="Friday").start == expected


def test_future_seen_from_the_past_takes_the_nearest_day() -> None:
    # Written on a Wednesday: the nearest Friday is two days ahead, the nearest Monday two
    # days back, whatever the main verb's tense.
    ahead = one("The mayor said the council would vote on Friday.", anchor=WEDNESDAY)
    back = one("The mayor said the council would vote on Monday.", anchor=WEDNESDAY)
    assert (ahead.start, back.start) == ("2023-06-09", "2023-06-05")


def test_past_plan_with_infinitive_takes_the_nearest_month() -> None:
    # In late October, "agreed to buy ... in February" is next February, "in June" last June.
    ahead = one("The utility agreed to buy the wind farm in February.", anchor="2023-10-25")
    back = one("The utility agreed to buy the wind farm in June.", anchor="2023-10-25")
    assert (ahead.start, back.start) == ("2024-02-01", "2023-06-01")


def test_until_and_by_look_forward_unless_the_clause_is_pluperfect() -> None:
    ahead = one("The contractors have until Thursday to reply.", anchor=WEDNESDAY)
    back = one("Until Thursday, the police had not named a suspect.", anchor=WEDNESDAY)
    # "until" opens the interval to the past; its end is the Thursday meant.
    assert (ahead.start, ahead.end, ahead.modifier) == (None, "2023-06-08", "until")
    assert back.end == "2023-06-01"


def test_planned_for_a_day_depends_on_the_clause_verb() -> None:
    cancelled = one("A vigil planned for Saturday was cancelled.", anchor=WEDNESDAY)
    planned = one("Farmers planned a tractor convoy on Saturday.", anchor=WEDNESDAY)
    assert (cancelled.start, planned.start) == ("2023-06-03", "2023-06-10")


def test_a_one_digit_day_ends_its_sentence() -> None:
    # Without the sentence break after "June 7." the future "will" would leak into it.
    text = "The levy took effect on June 7. On Monday the board will review it."
    monday = [v for v in find_times(text, WEDNESDAY) if v.span.text.endswith("Monday")]
    assert [v.start for v in monday] == ["2023-06-12"]


def test_previous_and_next_are_told_from_the_day_last_mentioned() -> None:
    text = ("The index closed on Friday, May 26, below the previous Friday. "
            "The ship docked on Monday, May 29. It sailed the next morning.")
    values = {v.span.text: v for v in find_times(text, WEDNESDAY)}
    assert values["previous Friday"].start == "2023-05-19"
    assert values["the next morning"].value == "2023-05-30TMO"


def test_week_of_a_date_and_a_second_conjoined_day() -> None:
    week = one("Hearings are set for the week of March 6.", anchor="2023-02-20")
    assert (week.start, week.end, week.value) == ("2023-03-06", "2023-03-12", "2023-W10")
    days = find_times("The summit runs on April 24 and 25 in Oslo.", "2023-02-20")
    assert [(v.span.text, v.start) for v in days] == [("April 24", "2023-04-24"),
                                                        ("25", "2023-04-25")]


def test_vague_stretches_are_durations_of_unknown_length() -> None:
    recent = one("Prices have climbed in recent weeks.")
    coming = one("More rain is due in the coming months.")
    bare = one("The two villages have quarrelled for years.")
    assert (recent.value, coming.value, bare.value) == ("PXW", "PXM", "PXY")
    assert recent.start is recent.end is None
    # A vague stretch is not a point on the timeline: extract_times leaves it out.
    text = "Prices have climbed in recent weeks."
    document = Document(id=document_id(text), source="t", title=None, outlet=None, url=None,
                        published=None, published_basis=None, language="en", text=text)
    assert extract_times(document, ANCHOR) == []


def test_long_term_before_a_noun_is_an_adjective() -> None:
    assert find_times("They praised the long-term partnership.", ANCHOR) == []
    assert one("Rates should fall in the long term.").value == "FUTURE_REF"
