"""The ledger's pure rules: traffic light, forecast, spot-check sampling, quarterly coverage, reporting window."""

import os
import random
import subprocess
import sys
from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from jiceng.ledger.rules import (
    DEFAULT_THRESHOLDS,
    MAX_FORECAST_MONTHS,
    REASON_COLOUR,
    SEVERITY,
    Colour,
    Light,
    LightThresholds,
    Reason,
    SampleCandidate,
    add_months,
    completion_date,
    coverage,
    draw_sample,
    elapsed_fraction,
    expected_progress,
    forecast,
    month_end,
    month_floor,
    monthly_seed,
    months_between,
    quarter_seed,
    report_due_date,
    report_status,
    traffic_light,
)

JAN, DEC = date(2020, 1, 1), date(2020, 12, 31)
STATUSES = ("on_time", "late", "missing", "not_due")


def light(**overrides) -> Light:
    """A project planned over 2020, reported on time for June at 50 %, unless overridden."""
    arguments = dict(month=date(2020, 6, 1), plan=None, actual=0.5, planned_start=JAN, planned_end=DEC,
                     report_status="on_time", overdue_rectifications=0)
    arguments.update(overrides)
    return traffic_light(**arguments)


# --- Months ----------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("day", "first", "last"), [
    (date(2020, 6, 17), date(2020, 6, 1), date(2020, 6, 30)),
    (date(2020, 2, 29), date(2020, 2, 1), date(2020, 2, 29)),
    (date(2021, 2, 1), date(2021, 2, 1), date(2021, 2, 28)),
    (date(2020, 12, 31), date(2020, 12, 1), date(2020, 12, 31)),
])
def test_a_month_runs_from_its_first_to_its_last_day(day, first, last):
    assert (month_floor(day), month_end(day)) == (first, last)


def test_the_month_of_a_datetime_is_a_date():
    assert month_floor(datetime(2020, 6, 17, 9, 30)) == date(2020, 6, 1)


@pytest.mark.parametrize(("start", "end", "months"), [
    (date(2020, 1, 1), date(2020, 4, 1), 3),
    (date(2020, 1, 31), date(2020, 4, 1), 3),
    (date(2020, 1, 1), date(2020, 1, 31), 0),
    (date(2020, 1, 31), date(2020, 2, 1), 1),
    (date(2020, 11, 15), date(2021, 2, 1), 3),
    (date(2020, 4, 1), date(2020, 1, 1), -3),
])
def test_months_between_counts_calendar_months_and_ignores_the_days(start, end, months):
    assert months_between(start, end) == months


@pytest.mark.parametrize(("day", "months", "expected"), [
    (date(2020, 6, 17), 1, date(2020, 7, 1)),
    (date(2020, 11, 30), 2, date(2021, 1, 1)),
    (date(2020, 1, 31), -1, date(2019, 12, 1)),
    (date(2020, 6, 1), 0, date(2020, 6, 1)),
])
def test_adding_months_lands_on_the_first_of_the_month(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(("month", "start", "end", "expected"), [
    (date(2019, 12, 1), JAN, DEC, 0.0),
    (date(2020, 1, 1), JAN, DEC, 31 / 366),
    (date(2020, 6, 1), JAN, DEC, 182 / 366),
    (date(2020, 12, 1), JAN, DEC, 1.0),
    (date(2021, 3, 1), JAN, DEC, 1.0),
    (date(2020, 1, 1), date(2020, 1, 15), date(2020, 3, 14), 17 / 60),
    (date(2020, 2, 1), date(2020, 1, 15), date(2020, 3, 14), 46 / 60),
    (date(2020, 3, 1), date(2020, 3, 14), date(2020, 3, 14), 1.0),
    (date(2020, 2, 1), date(2020, 3, 14), date(2020, 3, 14), 0.0),
])
def test_elapsed_fraction_is_the_share_of_planned_days_gone_by_the_end_of_the_month(month, start, end, expected):
    assert elapsed_fraction(month, start, end) == pytest.approx(expected)


def test_elapsed_fraction_refuses_an_end_before_the_start():
    with pytest.raises(ValueError, match="before planned_start"):
        elapsed_fraction(date(2020, 6, 1), DEC, JAN)


@given(st.dates(date(2018, 1, 1), date(2024, 12, 31)), st.integers(0, 1500), st.integers(-30, 60))
def test_elapsed_fraction_grows_from_zero_to_one_month_by_month(start, days, offset):
    end = start + timedelta(days=days)
    month = add_months(start, offset)
    now, later = elapsed_fraction(month, start, end), elapsed_fraction(add_months(month, 1), start, end)
    assert 0.0 <= now <= later <= 1.0


def test_expected_progress_is_the_milestone_when_there_is_one_and_the_time_share_otherwise():
    assert expected_progress(month=date(2020, 6, 1), plan=0.7, planned_start=JAN, planned_end=DEC) == 0.7
    assert expected_progress(month=date(2020, 6, 1), plan=None, planned_start=JAN, planned_end=DEC) \
        == pytest.approx(182 / 366)
    assert expected_progress(month=date(2020, 6, 1), plan=Decimal("0.25"), planned_start=JAN, planned_end=DEC) == 0.25


# --- Traffic light: the margins --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("plan", "actual", "colour", "reasons"), [
    (0.5, 0.5, "green", ()),
    (0.5, 0.9, "green", ()),
    (0.5, 0.41, "green", ()),
    (0.5, 0.4, "green", ()),  # exactly 10 points behind is not more than 10
    (0.4, 0.3, "green", ()),  # 0.4 - 0.3 is 0.10000000000000003 in binary: still exactly 10 points
    (0.5, 0.39, "yellow", ("behind_plan",)),
    (0.6, 0.3, "yellow", ("behind_plan",)),  # exactly 30 points behind is not more than 30
    (1.0, 0.7, "yellow", ("behind_plan",)),  # 1.0 - 0.7 is 0.30000000000000004 in binary
    (0.7, 0.4, "yellow", ("behind_plan",)),
    (0.6, 0.29, "red", ("far_behind",)),
    (1.0, 0.05, "red", ("far_behind",)),
])
def test_the_light_turns_yellow_beyond_ten_points_behind_plan_and_red_beyond_thirty(plan, actual, colour, reasons):
    result = light(month=date(2020, 6, 1), plan=plan, actual=actual)
    assert (result.colour, result.reasons) == (colour, reasons)


@pytest.mark.parametrize(("actual", "colour"), [(0.40, "green"), (0.38, "yellow"), (0.19, "red")])
def test_without_a_milestone_the_plan_is_time_proportional(actual, colour):
    # End of June 2020 is 182 of 366 days: 49.7 % expected.
    assert light(month=date(2020, 6, 1), plan=None, actual=actual).colour == colour


def test_a_project_past_its_planned_end_is_measured_against_the_whole_target():
    assert light(month=date(2021, 2, 1), plan=None, actual=0.75).reasons == ("behind_plan",)
    assert light(month=date(2021, 2, 1), plan=None, actual=0.65).reasons == ("far_behind",)


def test_the_margins_come_from_the_thresholds():
    strict = LightThresholds(yellow_gap=0.05, red_gap=0.2)
    assert light(plan=0.5, actual=0.44, thresholds=strict).colour == "yellow"
    assert light(plan=0.5, actual=0.29, thresholds=strict).colour == "red"
    assert light(plan=0.5, actual=0.29).colour == "yellow"


def test_equal_margins_skip_yellow():
    thresholds = LightThresholds(yellow_gap=0.2, red_gap=0.2)
    assert light(plan=0.5, actual=0.3, thresholds=thresholds).colour == "green"
    assert light(plan=0.5, actual=0.29, thresholds=thresholds).reasons == ("far_behind",)


# --- Traffic light: not started, completed, grey ----------------------------------------------------------------------

LONG_END = date(2021, 12, 31)  # a two-year project: no progress in the first months is not yet "far behind"


@pytest.mark.parametrize(("month", "actual", "colour", "reasons"), [
    (date(2020, 1, 1), 0.0, "green", ()),
    (date(2020, 2, 1), 0.0, "green", ()),
    (date(2020, 3, 1), 0.0, "green", ()),
    (date(2020, 4, 1), 0.0, "red", ("not_started",)),
    (date(2020, 4, 1), None, "red", ("not_started",)),
    (date(2020, 4, 1), 0.01, "green", ()),
    (date(2020, 7, 1), 0.0, "red", ("not_started",)),
])
def test_no_progress_three_months_after_the_planned_start_is_red(month, actual, colour, reasons):
    result = light(month=month, plan=0.0, actual=actual, planned_start=date(2020, 1, 20), planned_end=LONG_END)
    assert (result.colour, result.reasons) == (colour, reasons)


def test_the_not_started_grace_comes_from_the_thresholds():
    thresholds = LightThresholds(not_started_red_months=2)
    result = light(month=date(2020, 3, 1), plan=0.0, actual=0.0, planned_end=LONG_END, thresholds=thresholds)
    assert result.reasons == ("not_started",)


@pytest.mark.parametrize("overrides", [
    dict(actual=1.0),
    dict(actual=1.0, report_status="missing"),
    dict(actual=1.0, report_status="late", plan=1.0),
    dict(actual=1.0, month=date(2021, 6, 1)),
    dict(actual=1.0, month=date(2019, 11, 1)),
    dict(actual=1.2),
    dict(actual=Decimal("1.00")),
    dict(actual=59 / 59),
])
def test_a_completed_project_is_green_whatever_else(overrides):
    result = light(**overrides)
    assert (result.colour, result.reasons) == ("green", ("completed",))


def test_a_completed_project_with_an_overdue_rectification_stays_red():
    result = light(actual=1.0, overdue_rectifications=1)
    assert (result.colour, result.reasons) == ("red", ("completed", "overdue_rectification"))


@pytest.mark.parametrize("overrides", [
    dict(month=date(2020, 2, 1), planned_start=date(2020, 3, 10), actual=None, report_status="missing"),
    dict(month=date(2019, 12, 1), actual=0.0),
    dict(month=date(2020, 2, 1), planned_start=date(2020, 3, 1), actual=0.2, plan=0.9),
    dict(report_status="not_due", actual=None),
    dict(report_status="not_due", actual=0.0, plan=1.0, month=date(2020, 9, 1)),
])
def test_the_light_is_grey_before_the_start_or_while_nothing_is_due(overrides):
    result = light(**overrides)
    assert (result.colour, result.reasons) == ("grey", ("not_due",))


def test_the_start_month_itself_is_judged():
    result = light(month=date(2020, 3, 1), planned_start=date(2020, 3, 31), actual=0.0, report_status="missing")
    assert result.reasons == ("missing_report",)


def test_an_overdue_rectification_turns_even_a_grey_month_red():
    result = light(report_status="not_due", overdue_rectifications=2)
    assert (result.colour, result.reasons) == ("red", ("not_due", "overdue_rectification"))


@pytest.mark.parametrize(("status", "colour", "reasons"), [
    ("on_time", "green", ()),
    ("late", "yellow", ("late_report",)),
    ("missing", "yellow", ("missing_report",)),
])
def test_a_late_or_missing_report_is_yellow(status, colour, reasons):
    result = light(plan=0.5, actual=0.5, report_status=status)
    assert (result.colour, result.reasons) == (colour, reasons)


def test_an_overdue_rectification_is_red_on_plan():
    result = light(plan=0.5, actual=0.6, overdue_rectifications=1)
    assert (result.colour, result.reasons) == ("red", ("overdue_rectification",))


def test_every_reason_is_kept_in_a_stable_order():
    result = light(month=date(2020, 9, 1), plan=0.9, actual=None, report_status="missing", overdue_rectifications=1)
    assert result.colour == "red"
    assert result.reasons == ("not_started", "far_behind", "missing_report", "overdue_rectification")


def test_a_never_reported_project_counts_as_no_progress():
    result = light(month=date(2020, 2, 1), plan=0.2, actual=None, report_status="missing")
    assert result.reasons == ("behind_plan", "missing_report")


def test_the_light_is_plain_strings():
    result = light(plan=0.9, actual=0.1, report_status="late")
    assert type(result.colour) is str and all(type(reason) is str for reason in result.reasons)
    assert result.severity == 2


@pytest.mark.parametrize(("overrides", "message"), [
    (dict(planned_start=DEC, planned_end=JAN), "before planned_start"),
    (dict(actual=-0.1), "actual"),
    (dict(actual=float("nan")), "actual"),
    (dict(plan=1.5), "plan"),
    (dict(plan=-0.01), "plan"),
    (dict(report_status="submitted"), "report status"),
    (dict(overdue_rectifications=-1), "overdue_rectifications"),
    (dict(overdue_rectifications=True), "overdue_rectifications"),
    (dict(planned_start=datetime(2020, 1, 1, 8)), "datetime"),
])
def test_the_light_refuses_impossible_input(overrides, message):
    with pytest.raises(ValueError, match=message):
        light(**overrides)


@pytest.mark.parametrize("values", [
    dict(yellow_gap=0.4, red_gap=0.3),
    dict(yellow_gap=-0.1),
    dict(red_gap=1.5),
    dict(not_started_red_months=0),
    dict(not_started_red_months=2.5),
    dict(not_started_red_months=True),
])
def test_thresholds_refuse_margins_that_make_no_sense(values):
    with pytest.raises(ValueError):
        LightThresholds(**values)


def test_thresholds_default_to_the_practice_in_the_spec():
    assert (DEFAULT_THRESHOLDS.yellow_gap, DEFAULT_THRESHOLDS.red_gap, DEFAULT_THRESHOLDS.not_started_red_months) \
        == (0.10, 0.30, 3)


def test_thresholds_are_built_from_a_settings_mapping():
    assert LightThresholds.from_mapping(None) == DEFAULT_THRESHOLDS
    assert LightThresholds.from_mapping({"red_gap": 0.25}) == LightThresholds(red_gap=0.25)
    with pytest.raises(ValueError, match="red_gpa"):
        LightThresholds.from_mapping({"red_gpa": 0.25})


# --- Traffic light: properties ---------------------------------------------------------------------------------------

progress = st.one_of(st.none(), st.floats(0, 1.2, allow_nan=False))
thresholds_strategy = st.tuples(st.floats(0, 1), st.floats(0, 1), st.integers(1, 12)).map(
    lambda t: LightThresholds(yellow_gap=min(t[0], t[1]), red_gap=max(t[0], t[1]), not_started_red_months=t[2]))


@st.composite
def light_inputs(draw):
    start = draw(st.dates(date(2019, 1, 1), date(2022, 12, 31)))
    end = start + timedelta(days=draw(st.integers(0, 1000)))
    return dict(
        month=add_months(start, draw(st.integers(-4, 40))),
        plan=draw(st.one_of(st.none(), st.floats(0, 1))),
        actual=draw(progress),
        planned_start=start,
        planned_end=end,
        report_status=draw(st.sampled_from(STATUSES)),
        overdue_rectifications=draw(st.integers(0, 3)),
        thresholds=draw(thresholds_strategy),
    )


def _done(actual):
    return 0.0 if actual is None else actual


@given(light_inputs(), progress)
def test_the_light_never_gets_better_when_progress_falls(inputs, other):
    higher, lower = sorted([inputs["actual"], other], key=_done, reverse=True)
    before = traffic_light(**{**inputs, "actual": higher})
    after = traffic_light(**{**inputs, "actual": lower})
    assert after.severity >= before.severity


@given(light_inputs(), st.integers(1, 3))
def test_the_light_never_gets_better_when_a_rectification_becomes_overdue(inputs, more):
    before = traffic_light(**inputs)
    after = traffic_light(**{**inputs, "overdue_rectifications": inputs["overdue_rectifications"] + more})
    assert after.severity >= before.severity and after.colour == "red"


@given(light_inputs(), st.floats(0, 1))
def test_the_light_never_gets_better_when_the_plan_asks_for_more(inputs, other):
    low, high = sorted([inputs["plan"] if inputs["plan"] is not None else 0.0, other])
    before = traffic_light(**{**inputs, "plan": low})
    after = traffic_light(**{**inputs, "plan": high})
    assert after.severity >= before.severity


@given(light_inputs())
def test_the_colour_is_the_most_severe_of_the_reasons(inputs):
    result = traffic_light(**inputs)
    assert result.colour in {c.value for c in Colour}
    assert len(set(result.reasons)) == len(result.reasons)
    assert list(result.reasons) == [r.value for r in Reason if r.value in result.reasons]
    if not result.reasons:
        assert result.colour == "green"
    else:
        assert result.severity == max(SEVERITY[REASON_COLOUR[r]] for r in result.reasons)
        assert result.colour in {REASON_COLOUR[r] for r in result.reasons}


# --- Traffic light: the seed ------------------------------------------------------------------------------------------


def test_meeting_venues_in_59_communities_at_80_percent_in_june_are_green():
    # 在全区59个城乡社区推广居民议事场所建设，现已完成80%: a 2020 project with a December target.
    result = light(month=date(2020, 6, 1), plan=None, actual=0.8, planned_start=JAN, planned_end=DEC)
    assert (result.colour, result.reasons) == ("green", ())
    assert light(month=date(2020, 6, 1), plan=0.5, actual=47 / 59).colour == "green"


def test_a_project_not_started_in_april_after_a_january_start_is_red():
    result = light(month=date(2020, 4, 1), plan=None, actual=0.0, planned_start=JAN, planned_end=DEC)
    assert result.colour == "red" and "not_started" in result.reasons


def test_a_slow_project_with_an_overdue_notice_rectification_is_red():
    # 对预期达不到目标的项目进行通报，限期整改: the deadline passed without the rectification being closed.
    result = light(month=date(2020, 10, 1), plan=0.8, actual=0.75, overdue_rectifications=1)
    assert (result.colour, result.reasons) == ("red", ("overdue_rectification",))


# --- Reporting window ------------------------------------------------------------------------------------------------

JUNE = date(2020, 6, 1)


@pytest.mark.parametrize(("submitted_at", "today", "status"), [
    (datetime(2020, 6, 20, 10), date(2020, 6, 20), "on_time"),
    (datetime(2020, 6, 25, 23, 59), date(2020, 7, 3), "on_time"),
    (datetime(2020, 6, 26, 0, 1), date(2020, 7, 3), "late"),
    (date(2020, 8, 2), date(2020, 8, 2), "late"),
    (None, date(2020, 6, 1), "not_due"),
    (None, date(2020, 6, 25), "not_due"),
    (None, date(2020, 6, 26), "missing"),
    (None, date(2021, 1, 1), "missing"),
    (None, date(2020, 5, 20), "not_due"),
])
def test_the_report_is_due_by_the_25th_of_its_month(submitted_at, today, status):
    assert report_status(month=JUNE, submitted_at=submitted_at, today=today) == status


@pytest.mark.parametrize(("submitted_at", "today", "status"), [
    (datetime(2020, 6, 30, 18), date(2020, 7, 1), "on_time"),
    (datetime(2020, 7, 5, 17), date(2020, 7, 6), "on_time"),
    (datetime(2020, 7, 6, 9), date(2020, 7, 6), "late"),
    (None, date(2020, 6, 26), "not_due"),
    (None, date(2020, 7, 5), "not_due"),
    (None, date(2020, 7, 6), "missing"),
])
def test_some_offices_take_the_report_until_the_5th_of_the_next_month(submitted_at, today, status):
    assert report_status(month=JUNE, submitted_at=submitted_at, today=today, window_close_day=5,
                         due_in_next_month=True) == status


@pytest.mark.parametrize(("month", "close_day", "next_month", "due"), [
    (date(2020, 6, 1), 25, False, date(2020, 6, 25)),
    (date(2020, 6, 18), 25, False, date(2020, 6, 25)),
    (date(2020, 2, 1), 31, False, date(2020, 2, 29)),
    (date(2021, 2, 1), 30, False, date(2021, 2, 28)),
    (date(2020, 12, 1), 5, True, date(2021, 1, 5)),
    (date(2020, 1, 1), 31, True, date(2020, 2, 29)),
])
def test_the_due_day_is_clamped_to_the_end_of_a_short_month(month, close_day, next_month, due):
    assert report_due_date(month, window_close_day=close_day, due_in_next_month=next_month) == due


@pytest.mark.parametrize("close_day", [0, 32, -1, True, 25.0])
def test_a_close_day_outside_the_month_is_refused(close_day):
    with pytest.raises(ValueError, match="window_close_day"):
        report_status(month=JUNE, submitted_at=None, today=JUNE, window_close_day=close_day)


def test_today_must_be_a_date():
    with pytest.raises(ValueError, match="datetime"):
        report_status(month=JUNE, submitted_at=None, today=datetime(2020, 6, 1, 9))


@given(st.dates(date(2019, 1, 1), date(2022, 12, 31)), st.one_of(st.none(), st.dates(date(2019, 1, 1),
       date(2023, 6, 30))), st.dates(date(2019, 1, 1), date(2023, 6, 30)), st.integers(1, 31), st.booleans())
def test_a_report_is_on_time_or_late_once_submitted_and_missing_only_after_the_due_day(
        month, submitted_on, today, close_day, next_month):
    status = report_status(month=month, submitted_at=submitted_on, today=today, window_close_day=close_day,
                           due_in_next_month=next_month)
    due = report_due_date(month, window_close_day=close_day, due_in_next_month=next_month)
    if submitted_on is None:
        assert status == ("not_due" if today <= due else "missing")
    else:
        assert status == ("on_time" if submitted_on <= due else "late")


def test_the_status_feeds_the_light():
    status = report_status(month=JUNE, submitted_at=None, today=date(2020, 6, 26))
    assert light(plan=0.5, actual=0.5, report_status=status).reasons == ("missing_report",)


# --- Forecast --------------------------------------------------------------------------------------------------------


def months_from(first: date, values) -> list[tuple[date, float]]:
    return [(add_months(first, i), value) for i, value in enumerate(values)]


def run(history, *, start=JAN, end=DEC, today=date(2020, 7, 3), **extra):
    return forecast(history=history, planned_start=start, planned_end=end, today=today, **extra)


def test_meeting_venues_at_80_percent_in_june_are_expected_in_august():
    # Six reports rising 15 points a month to 80 % in June: 20 points left, 1⅓ months → 11 August.
    result = run(months_from(JAN, [0.05, 0.2, 0.35, 0.5, 0.65, 0.8]))
    assert result.basis.method == "linear_recent" and result.months_used == 6
    assert result.rate_per_month == pytest.approx(0.15)
    assert result.expected_completion == date(2020, 8, 11)
    assert result.will_miss is False
    assert result.basis.remaining == pytest.approx(0.2) and result.basis.months_needed == pytest.approx(4 / 3)


def test_a_project_without_reports_has_no_forecast():
    result = run([])
    assert (result.expected_completion, result.will_miss, result.rate_per_month, result.months_used) \
        == (None, False, None, 0)
    assert result.basis.method == "no_history"


def test_a_project_without_reports_past_its_end_has_missed():
    assert run([], today=date(2021, 1, 4)).will_miss is True


def test_a_completed_project_is_dated_by_the_month_it_reached_the_target():
    result = run(months_from(date(2020, 3, 1), [0.3, 0.7, 1.0, 1.0]))
    assert result.basis.method == "completed"
    assert (result.expected_completion, result.will_miss) == (date(2020, 5, 31), False)


def test_a_completion_that_was_corrected_down_counts_from_the_last_time_it_was_reached():
    result = run(months_from(date(2020, 4, 1), [1.0, 0.95, 1.0]))
    assert result.expected_completion == date(2020, 6, 30)


def test_a_project_completed_after_its_end_is_no_longer_expected_to_miss():
    result = run(months_from(date(2020, 10, 1), [0.6, 0.8, 0.9, 1.0]), today=date(2021, 2, 1))
    assert result.will_miss is False and result.expected_completion == date(2021, 1, 31)


def test_a_partial_target_is_completed_when_reached():
    result = run(months_from(JAN, [0.3, 0.6, 0.85]), target=0.8)
    assert result.basis.method == "completed" and result.expected_completion == date(2020, 3, 31)


def test_a_target_reached_exactly_at_the_planned_end_is_not_missed():
    # Start in March, 10 points a month from 0: 40 % in June, 60 points left → six months → 31 December.
    history = months_from(date(2020, 3, 1), [0.1, 0.2, 0.3, 0.4])
    on_time = run(history, start=date(2020, 3, 1))
    assert on_time.rate_per_month == pytest.approx(0.1)
    assert (on_time.expected_completion, on_time.will_miss) == (DEC, False)
    assert run(history, start=date(2020, 3, 1), end=date(2020, 12, 30)).will_miss is True


def test_a_slow_project_is_expected_to_miss():
    result = run(months_from(JAN, [0.05, 0.1, 0.15, 0.2, 0.25, 0.3]))
    assert result.expected_completion == date(2021, 8, 31)
    assert result.will_miss is True


def test_the_rate_follows_the_last_six_reports():
    history = months_from(JAN, [0.1, 0.2, 0.3, 0.4, 0.42, 0.44, 0.46, 0.48, 0.5, 0.52])
    result = run(history, end=date(2021, 12, 31), today=date(2020, 11, 2))
    assert result.months_used == 6 and not result.basis.anchored
    assert result.rate_per_month == pytest.approx(0.02)


def test_one_odd_report_at_the_edge_of_the_window_sways_the_fit_less_than_the_average_gain():
    # Ten points a month, but January was typed as 30 %: the average gain (50 − 30) ÷ 5 says 4 points a month.
    history = months_from(JAN, [0.3, 0.1, 0.2, 0.3, 0.4, 0.5])
    average_gain = (0.5 - 0.3) / 5
    rate = run(history, today=date(2020, 6, 30)).rate_per_month
    assert rate == pytest.approx(1 / 17.5)
    assert abs(rate - 0.1) < abs(average_gain - 0.1)


def test_the_order_of_the_history_does_not_matter():
    history = months_from(JAN, [0.05, 0.2, 0.35, 0.5, 0.65, 0.8])
    shuffled = list(history)
    random.Random(4).shuffle(shuffled)
    assert run(shuffled) == run(history)


def test_months_without_a_report_leave_a_gap_in_the_fit():
    history = [(date(2020, 1, 1), 0.1), (date(2020, 2, 1), 0.2), (date(2020, 5, 1), 0.5), (date(2020, 6, 1), 0.6)]
    assert run(history).rate_per_month == pytest.approx(0.1)


def test_one_report_is_measured_from_the_planned_start():
    result = run([(date(2020, 4, 1), 0.2)], end=date(2020, 12, 31), today=date(2020, 5, 2))
    assert result.basis.anchored and result.months_used == 1 and result.basis.span_months == 4
    assert result.rate_per_month == pytest.approx(0.05)
    assert result.expected_completion == date(2021, 8, 31) and result.will_miss is True


@pytest.mark.parametrize(("values", "method"), [
    ([0.0], "too_early"),
    ([0.0, 0.0], "too_early"),
    ([0.0, 0.0, 0.0], "stalled"),
    ([0.02, 0.05], "too_early"),
    ([0.02, 0.05, 0.09], "linear_recent"),
])
def test_a_pace_is_only_judged_over_a_quarter(values, method):
    result = run(months_from(JAN, values), today=date(2020, 4, 1))
    assert result.basis.method == method
    if method == "too_early":
        assert (result.expected_completion, result.will_miss) == (None, False)


def test_a_short_project_is_judged_over_its_whole_duration():
    result = run(months_from(JAN, [0.2, 0.4]), end=date(2020, 2, 29), today=date(2020, 2, 27))
    assert result.basis.method == "linear_recent" and result.will_miss is True


@pytest.mark.parametrize("values", [[0.3, 0.3, 0.3, 0.3], [0.4, 0.35, 0.3, 0.3], [0.0, 0.0, 0.0, 0.0]])
def test_flat_or_falling_progress_over_a_quarter_is_stalled_and_will_miss(values):
    result = run(months_from(date(2020, 3, 1), values))
    assert result.basis.method == "stalled"
    assert (result.expected_completion, result.will_miss) == (None, True)
    assert result.rate_per_month <= 0


def test_a_project_past_its_end_has_missed_whatever_its_pace():
    history = months_from(date(2020, 8, 1), [0.5, 0.6, 0.7, 0.8, 0.9])
    result = run(history, today=date(2021, 1, 10))
    assert result.will_miss is True and result.expected_completion == date(2021, 1, 31)


def test_reports_after_the_planned_end_keep_the_forecast_going():
    history = months_from(date(2020, 9, 1), [0.5, 0.55, 0.6, 0.65, 0.7, 0.75])
    result = run(history, today=date(2021, 3, 1))
    assert result.will_miss is True and result.expected_completion == date(2021, 7, 31)


def test_a_project_too_early_to_judge_but_past_its_end_has_missed():
    result = run([(date(2020, 5, 1), 0.5)], start=date(2020, 5, 1), end=date(2020, 6, 30), today=date(2020, 7, 2))
    assert result.basis.method == "too_early" and result.will_miss is True


def test_early_reports_before_the_planned_start_drop_the_start_anchor():
    result = run(months_from(date(2019, 11, 1), [0.1, 0.2, 0.3, 0.4]))
    assert not result.basis.anchored and result.rate_per_month == pytest.approx(0.1)


def test_a_crawling_rate_gives_no_date_beyond_a_century():
    history = months_from(JAN, [0.1, 0.1, 0.1, 0.1, 0.1, 0.1 + 5 * 1e-5])
    result = run(history)
    assert result.basis.method == "linear_recent" and result.expected_completion is None and result.will_miss


def test_the_basis_is_a_plain_dict_for_the_screen():
    basis = run(months_from(JAN, [0.05, 0.2, 0.35, 0.5, 0.65, 0.8])).basis.as_dict()
    assert basis["method"] == "linear_recent" and type(basis["method"]) is str
    assert set(basis) == {"method", "reports", "span_months", "anchored", "rate", "remaining", "months_needed"}


@pytest.mark.parametrize(("arguments", "message"), [
    (dict(history=[(JAN, 0.1), (date(2020, 1, 20), 0.2)]), "two reports"),
    (dict(history=[(date(2020, 8, 1), 0.1)]), "after today"),
    (dict(history=[(JAN, -0.1)]), "actual"),
    (dict(history=[], start=DEC, end=JAN), "before planned_start"),
    (dict(history=[], target=0), "target"),
    (dict(history=[], window=1), "window"),
])
def test_the_forecast_refuses_impossible_input(arguments, message):
    history = arguments.pop("history")
    with pytest.raises(ValueError, match=message):
        run(history, **arguments)


@pytest.mark.parametrize(("months_needed", "expected"), [
    (1.0, date(2020, 7, 31)),
    (0.5, date(2020, 7, 16)),
    (1.5, date(2020, 8, 16)),
    (2.0, date(2020, 8, 31)),
    (0.01, date(2020, 7, 1)),
    (6.0, date(2020, 12, 31)),
])
def test_the_completion_date_is_interpolated_within_its_month(months_needed, expected):
    assert completion_date(date(2020, 6, 1), months_needed) == expected


def test_the_completion_date_needs_a_positive_count():
    with pytest.raises(ValueError):
        completion_date(JUNE, 0)
    assert completion_date(JUNE, MAX_FORECAST_MONTHS + 1) is None


@given(st.floats(1e-6, MAX_FORECAST_MONTHS), st.floats(1e-6, MAX_FORECAST_MONTHS))
def test_the_completion_date_never_comes_earlier_when_more_months_are_needed(a, b):
    low, high = sorted([a, b])
    assert JUNE < completion_date(JUNE, low) <= completion_date(JUNE, high)


@given(st.floats(0.05, 0.95), st.floats(0.001, 0.15), st.floats(0.001, 0.15), st.integers(0, 24))
def test_the_forecast_date_is_monotone_in_the_rate(last, rate_a, rate_b, shift):
    # Six reports ending at the same figure: a faster pace finishes no later and misses no more often.
    slow, fast = sorted([rate_a, rate_b])
    assume(last - 5 * fast >= 0)
    first = add_months(JAN, shift)
    today = add_months(first, 6)

    def run_at(rate):
        return run(months_from(first, [last - (5 - i) * rate for i in range(6)]), today=today)

    slower, faster = run_at(slow), run_at(fast)
    assert slower.basis.method == faster.basis.method == "linear_recent"
    if slower.expected_completion is not None:
        assert faster.expected_completion <= slower.expected_completion
    assert faster.will_miss <= slower.will_miss


@given(st.lists(st.floats(0, 1.1), min_size=0, max_size=14), st.integers(0, 14), st.integers(0, 30))
def test_the_forecast_is_consistent_whatever_the_history(values, start_shift, end_days):
    start = add_months(date(2020, 1, 10), start_shift - 2)
    end = add_months(start, end_days // 2) + timedelta(days=end_days)
    today = add_months(JAN, len(values)) + timedelta(days=3)
    result = run(months_from(JAN, values), start=start, end=end, today=today)
    if result.expected_completion is not None and result.basis.method == "linear_recent":
        assert result.expected_completion > month_end(add_months(JAN, len(values) - 1))
        assert result.will_miss == (today > end or result.expected_completion > end)
    if result.basis.method == "completed":
        assert result.will_miss is False and result.months_used == len(values)
    else:
        assert 0 <= result.months_used <= min(6, len(values))
    if result.basis.method == "stalled":
        assert result.will_miss is True


# --- Spot-check sampling ---------------------------------------------------------------------------------------------

LIGHTS = ("red", "yellow", "green", "grey")
SEED = "2020Q3-e25be81f140bf92a/2020-07"


def candidates(count: int, units: int = 7) -> list[SampleCandidate]:
    return [SampleCandidate(i, 100 + i % units, LIGHTS[i % 4]) for i in range(1, count + 1)]


def test_a_published_seed_replays_the_same_draw():
    # Pinned: a seed published in a notice must give this draw in every later version of the code.
    assert draw_sample(projects=candidates(30), size=8, seed=SEED, already_drawn_units_this_quarter={101, 102}) \
        == [25, 28, 5, 17, 20, 22, 16, 21]


def test_the_draw_does_not_depend_on_the_order_of_the_candidates():
    projects = candidates(40)
    shuffled = list(projects)
    random.Random(1).shuffle(shuffled)
    assert draw_sample(projects=shuffled, size=10, seed=SEED, already_drawn_units_this_quarter=set()) \
        == draw_sample(projects=projects, size=10, seed=SEED, already_drawn_units_this_quarter=set())


def test_the_draw_does_not_depend_on_the_interpreters_hash_seed():
    code = ("from jiceng.ledger.rules import SampleCandidate as C, draw_sample;"
            "print(draw_sample(projects=[C(i, i % 5, ('red', 'green')[i % 2]) for i in range(50)], size=9,"
            " seed='2020Q3-abc', already_drawn_units_this_quarter={1, 2}))")
    outputs = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,  # noqa: S603
                       env={**os.environ, "PYTHONHASHSEED": hash_seed}).stdout
        for hash_seed in ("1", "2", "random")
    }
    assert len(outputs) == 1


def test_another_seed_gives_another_draw():
    one = draw_sample(projects=candidates(40), size=10, seed=SEED, already_drawn_units_this_quarter=set())
    other = draw_sample(projects=candidates(40), size=10, seed=SEED + "x", already_drawn_units_this_quarter=set())
    assert one != other


def test_units_not_yet_drawn_this_quarter_come_first():
    drawn = draw_sample(projects=candidates(28), size=10, seed=SEED, already_drawn_units_this_quarter={100, 101, 102})
    first_units = [100 + pid % 7 for pid in drawn[:4]]
    assert sorted(first_units) == [103, 104, 105, 106]


def test_when_units_outnumber_the_sample_each_unit_is_drawn_at_most_once():
    projects = [SampleCandidate(i, i // 3, "green") for i in range(30)]  # ten units of three
    drawn = draw_sample(projects=projects, size=4, seed=SEED, already_drawn_units_this_quarter=set())
    assert len({pid // 3 for pid in drawn}) == 4


def test_three_monthly_draws_cover_every_unit_over_the_quarter():
    projects = [SampleCandidate(i, i % 12, LIGHTS[i % 3]) for i in range(60)]
    seed = quarter_seed(2020, 3, "区委社治委")
    drawn_units: set[int] = set()
    for month in (7, 8, 9):
        drawn = draw_sample(projects=projects, size=4, seed=monthly_seed(seed, date(2020, month, 1)),
                            already_drawn_units_this_quarter=drawn_units)
        drawn_units |= {pid % 12 for pid in drawn}
    assert drawn_units == set(range(12))


def _share_of_first_draws(projects, wanted, weights=None):
    extra = {"weights": weights} if weights else {}
    hits = sum(draw_sample(projects=projects, size=1, seed=f"s{n}", already_drawn_units_this_quarter=set(),
                           **extra) == [wanted] for n in range(400))
    return hits / 400


def test_red_projects_are_drawn_four_times_as_often_as_green():
    # Red weight 4 against green 1: drawn first 4 times in 5.
    share = _share_of_first_draws([SampleCandidate(1, 1, "green"), SampleCandidate(2, 1, "red")], 2)
    assert 0.72 < share < 0.88


def test_yellow_projects_are_drawn_twice_as_often_as_grey_ones_four_times():
    share = _share_of_first_draws([SampleCandidate(1, 1, "grey"), SampleCandidate(2, 1, "yellow")], 2)
    assert 0.72 < share < 0.88


def test_the_weights_are_parameters():
    even = {"red": 1, "yellow": 1, "green": 1, "grey": 1}
    share = _share_of_first_draws([SampleCandidate(1, 1, "green"), SampleCandidate(2, 1, "red")], 2, even)
    assert 0.4 < share < 0.6


@pytest.mark.parametrize("size", [30, 31, 1000])
def test_a_sample_as_large_as_the_population_takes_everyone(size):
    drawn = draw_sample(projects=candidates(30), size=size, seed=SEED, already_drawn_units_this_quarter=set())
    assert sorted(drawn) == list(range(1, 31))


def test_an_empty_sample_or_population_draws_nobody():
    assert draw_sample(projects=candidates(5), size=0, seed=SEED, already_drawn_units_this_quarter=set()) == []
    assert draw_sample(projects=[], size=5, seed=SEED, already_drawn_units_this_quarter=set()) == []


@pytest.mark.parametrize(("projects", "size", "weights", "message"), [
    (candidates(3), -1, None, "size"),
    (candidates(3), True, None, "size"),
    ([SampleCandidate(1, 1, "red"), SampleCandidate(1, 2, "green")], 1, None, "twice"),
    ([SampleCandidate(1, 1, "blue")], 1, None, "blue"),
    (candidates(3), 1, {"red": 4, "yellow": 2, "green": 0, "grey": 1}, "positive"),
])
def test_the_draw_refuses_impossible_input(projects, size, weights, message):
    extra = {"weights": weights} if weights else {}
    with pytest.raises(ValueError, match=message):
        draw_sample(projects=projects, size=size, seed=SEED, already_drawn_units_this_quarter=set(), **extra)


sample_populations = st.lists(
    st.tuples(st.integers(1, 12), st.sampled_from(LIGHTS)), min_size=0, max_size=40,
).map(lambda rows: [SampleCandidate(i, unit, colour) for i, (unit, colour) in enumerate(rows, start=1)])


@given(sample_populations, st.integers(0, 50), st.text(max_size=12), st.sets(st.integers(1, 12)))
def test_the_draw_is_deterministic_unique_and_within_the_population(projects, size, seed, already):
    drawn = draw_sample(projects=projects, size=size, seed=seed, already_drawn_units_this_quarter=already)
    assert drawn == draw_sample(projects=list(reversed(projects)), size=size, seed=seed,
                                already_drawn_units_this_quarter=set(already))
    assert len(drawn) == len(set(drawn)) == min(size, len(projects))
    assert set(drawn) <= {p.id for p in projects}


@given(sample_populations, st.integers(0, 10), st.text(max_size=12), st.sets(st.integers(1, 12)))
def test_the_draw_covers_every_unit_not_yet_drawn_when_it_is_large_enough(projects, extra, seed, already):
    unit_of = {p.id: p.unit_id for p in projects}
    pending = {p.unit_id for p in projects} - already
    drawn = draw_sample(projects=projects, size=len(pending) + extra, seed=seed,
                        already_drawn_units_this_quarter=already)
    assert {unit_of[pid] for pid in drawn[:len(pending)]} == pending


def test_a_quarter_seed_is_published_as_year_quarter_and_digest():
    seed = quarter_seed(2020, 3, "美丽人居")
    assert seed == "2020Q3-e25be81f140bf92a"
    assert seed == quarter_seed(2020, 3, "美丽人居")
    assert len({seed, quarter_seed(2020, 4, "美丽人居"), quarter_seed(2020, 3, "美丽人居 "),
                quarter_seed(2021, 3, "美丽人居")}) == 4
    assert monthly_seed(seed, date(2020, 7, 15)) == "2020Q3-e25be81f140bf92a/2020-07"


@pytest.mark.parametrize(("year", "quarter", "salt"), [
    (2020, 0, "x"), (2020, 5, "x"), (2020, True, "x"), (0, 1, "x"), (2020, 1, ""), (2020, 1, "  "),
])
def test_a_quarter_seed_needs_a_real_quarter_and_a_salt(year, quarter, salt):
    with pytest.raises(ValueError):
        quarter_seed(year, quarter, salt)


# --- Quarterly coverage ----------------------------------------------------------------------------------------------

Q3_START, Q3_END = date(2020, 7, 1), date(2020, 9, 30)


def test_coverage_lists_the_projects_left_to_visit_in_their_order():
    result = coverage(project_ids=[5, 3, 9, 1], visits=[(3, date(2020, 7, 8)), (1, date(2020, 9, 2))],
                      quarter_start=Q3_START, quarter_end=Q3_END)
    assert result.visited == {3, 1} and result.unvisited == [5, 9] and result.ratio == 0.5


@pytest.mark.parametrize(("day", "counts"), [
    (date(2020, 6, 30), False), (Q3_START, True), (Q3_END, True), (date(2020, 10, 1), False),
    (datetime(2020, 9, 30, 23, 30), True),
])
def test_a_visit_counts_only_inside_the_quarter(day, counts):
    result = coverage(project_ids=[1], visits=[(1, day)], quarter_start=Q3_START, quarter_end=Q3_END)
    assert (result.visited == {1}) is counts


def test_repeated_visits_and_visits_to_other_projects_change_nothing():
    visits = [(1, date(2020, 7, 2)), (1, date(2020, 8, 2)), (99, date(2020, 8, 3))]
    result = coverage(project_ids=[1, 2, 2], visits=visits, quarter_start=Q3_START, quarter_end=Q3_END)
    assert (result.visited, result.unvisited, result.ratio) == ({1}, [2], 0.5)


def test_every_compound_visited_is_full_coverage_and_none_to_visit_is_too():
    compounds = range(1, 135)  # 全区134个无主管楼院
    full = coverage(project_ids=compounds, visits=[(c, date(2020, 8, 1)) for c in compounds],
                    quarter_start=Q3_START, quarter_end=Q3_END)
    assert full.ratio == 1.0 and full.unvisited == []
    assert coverage(project_ids=[], visits=[], quarter_start=Q3_START, quarter_end=Q3_END).ratio == 1.0


def test_coverage_refuses_a_quarter_ending_before_it_starts():
    with pytest.raises(ValueError, match="before quarter_start"):
        coverage(project_ids=[1], visits=[], quarter_start=Q3_END, quarter_end=Q3_START)


@given(st.lists(st.integers(1, 30), max_size=30),
       st.lists(st.tuples(st.integers(1, 40), st.dates(date(2020, 5, 1), date(2020, 11, 30))), max_size=60))
def test_visited_and_unvisited_split_the_projects(ids, visits):
    result = coverage(project_ids=ids, visits=visits, quarter_start=Q3_START, quarter_end=Q3_END)
    assert result.visited | set(result.unvisited) == set(ids)
    assert not result.visited & set(result.unvisited)
    assert len(result.unvisited) == len(set(result.unvisited))
    assert result.ratio == (len(result.visited) / len(set(ids)) if ids else 1.0)
