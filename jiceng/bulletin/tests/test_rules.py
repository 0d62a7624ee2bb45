from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jiceng.bulletin.choices import AdoptionLevel, Numbering, ScoreKey
from jiceng.bulletin.rules import PrintedFact, SubmittedFact, TopicFact, next_issue_number, unit_statistics

START, END = date(2020, 1, 1), date(2020, 12, 31)


@pytest.mark.parametrize(("numbering", "existing", "year", "expected"), [
    (Numbering.PER_YEAR, [], 2020, 1),
    (Numbering.PER_YEAR, [(2020, 43), (2020, 44)], 2020, 45),
    (Numbering.PER_YEAR, [(2020, 44)], 2021, 1),
    (Numbering.RUNNING, [(2020, 44)], 2021, 45),
    (Numbering.RUNNING, [(2019, 3), (2020, 1)], 2020, 4),
])
def test_issue_numbers_restart_each_year_or_run_on(numbering, existing, year, expected):
    assert next_issue_number(numbering, existing, year) == expected


@given(st.lists(st.tuples(st.integers(2018, 2022), st.integers(1, 300)), max_size=30), st.integers(2018, 2022))
def test_the_next_number_is_never_taken(existing, year):
    for numbering in Numbering.values:
        number = next_issue_number(numbering, existing, year)
        taken = {n for y, n in existing if numbering == Numbering.RUNNING or y == year}
        assert number not in taken and number >= 1


def test_points_follow_the_scoring_rules():
    rows = unit_statistics(start=START, end=END,
                           submitted=[SubmittedFact(1, date(2020, 3, 1)), SubmittedFact(1, date(2020, 3, 2))],
                           printed=[PrintedFact(1, date(2020, 3, 9), is_lead=True, commissioned=True,
                                                higher_levels=(AdoptionLevel.CITY,), instructions=1)],
                           scores={ScoreKey.SUBMITTED: 1, ScoreKey.ADOPTED_LEAD: 5, ScoreKey.COMMISSIONED: 2,
                                   ScoreKey.HIGHER_CITY: 5, ScoreKey.INSTRUCTION: 3})
    (row,) = rows
    assert (row.submitted, row.adopted, row.lead, row.commissioned, row.higher, row.instructions) == (2, 1, 1, 1, 1, 1)
    assert row.points == Decimal(2 + 5 + 2 + 5 + 3)
    assert row.adoption_rate == 0.5


def test_an_imported_item_counts_as_submitted_and_adopted():
    (row,) = unit_statistics(start=START, end=END, submitted=[],
                             printed=[PrintedFact(7, date(2020, 6, 8), is_lead=False, from_submission=False)])
    assert (row.submitted, row.adopted, row.adoption_rate) == (1, 1, 1.0)


def test_facts_outside_the_period_do_not_count():
    rows = unit_statistics(start=START, end=END, submitted=[SubmittedFact(1, date(2021, 1, 1))],
                           printed=[PrintedFact(1, date(2019, 12, 31), is_lead=False)])
    assert rows == []


def test_a_missed_commission_costs_points():
    rows = unit_statistics(start=START, end=END, submitted=[], printed=[],
                           topics=[TopicFact(date(2020, 5, 1), frozenset({1, 2}), frozenset({2}))],
                           scores={ScoreKey.COMMISSIONED_MISSED: -1})
    by_unit = {r.unit_id: r for r in rows}
    assert by_unit[1].commissioned_missed == 1 and by_unit[1].points == Decimal(-1)
    assert by_unit[2].commissioned_missed == 0


def test_a_unit_with_nothing_still_appears_with_no_rate():
    (row,) = unit_statistics(start=START, end=END, submitted=[], printed=[], unit_ids=[5])
    assert row.submitted == 0 and row.adoption_rate is None and row.points == 0


def test_ties_share_a_rank():
    rows = unit_statistics(start=START, end=END, submitted=[],
                           printed=[PrintedFact(u, date(2020, 2, 2), is_lead=False) for u in (1, 2, 3, 3)])
    assert [(r.unit_id, r.rank) for r in rows] == [(3, 1), (1, 2), (2, 2)]


def _workdays(a, b):
    from jiceng.core.workdays import package_calendar

    return package_calendar().workdays_between(a, b)


@pytest.mark.parametrize(("today", "delivered", "expected"), [
    (date(2020, 9, 21), False, None),          # 7 working days before
    (date(2020, 9, 28), False, "remind"),      # Monday before a Wednesday deadline
    (date(2020, 9, 30), False, "remind"),      # the deadline itself
    (date(2020, 10, 1), False, "overdue"),     # National Day: passed
    (date(2020, 9, 28), True, None),
    (date(2020, 10, 9), True, None),
])
def test_topic_reminders_count_working_days(today, delivered, expected):
    from jiceng.bulletin.rules import topic_reminder

    assert topic_reminder(deadline=date(2020, 9, 30), today=today, delivered=delivered, remind_before=2,
                          workdays_until=_workdays) == expected


def test_the_weekend_before_a_deadline_is_not_counted():
    from jiceng.bulletin.rules import topic_reminder

    # Friday 2020-06-12 → Tuesday 2020-06-16 is two working days away, not four calendar days.
    assert topic_reminder(deadline=date(2020, 6, 16), today=date(2020, 6, 12), delivered=False, remind_before=2,
                          workdays_until=_workdays) == "remind"
