"""The working-day calendar: the pure rules against the package's data, then the database-backed default calendar."""

import datetime

import chinese_calendar
import pytest
from django.test.utils import override_settings
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from jiceng.accounts import services as accounts_services
from jiceng.core import workdays
from jiceng.core.cn import format_cn_date
from jiceng.core.errors import DomainError, PermissionDenied
from jiceng.core.models import AuditEvent, CalendarDay, CalendarYear
from jiceng.core.workdays import CalendarRangeError, WorkCalendar, package_calendar

D = datetime.date
ONE_DAY = datetime.timedelta(days=1)
# Invented for the tests: not the State Council's real 2027 arrangement.
DAYS_2027 = [
    (D(2027, 1, 1), False, "元旦"),
    *[(D(2027, 2, day), False, "春节") for day in range(5, 12)],
    (D(2027, 2, 20), True, "春节调休"),
]


@pytest.fixture(autouse=True)
def _fresh_calendar():
    workdays.calendar_invalidate()
    yield
    workdays.calendar_invalidate()


@pytest.fixture
def admin(db):
    return accounts_services.user_create(actor=None, username="calendar_admin", password="Test-pass-2020",
                                         is_superuser=True)


def _each_day(first: D, last: D):
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


def _naive_add(start: D, n: int) -> D:
    """The definition, one day at a time, with the package's own is_workday as the oracle."""
    if n == 0:
        day = start
        while not chinese_calendar.is_workday(day):
            day += ONE_DAY
        return day
    day, left = start, n
    while left:
        day += ONE_DAY
        if chinese_calendar.is_workday(day):
            left -= 1
    return day


known_days = st.dates(min_value=D(2004, 1, 1), max_value=D(2026, 12, 31))
early_days = st.dates(min_value=D(2004, 1, 1), max_value=D(2026, 6, 30))
counts = st.integers(min_value=0, max_value=100)


# --- the pure rules over the package's data --------------------------------------------------------------------

def test_every_packaged_day_agrees_with_the_chinese_calendar_package():
    calendar = package_calendar()

    disagreements = [day for day in _each_day(D(2004, 1, 1), D(2026, 12, 31))
                     if calendar.is_workday(day) != chinese_calendar.is_workday(day)]

    assert disagreements == []


@pytest.mark.parametrize("n", [0, 1, 2, 5, 10, 20])
def test_add_workdays_agrees_with_counting_one_day_at_a_time_for_every_day_of_2020(n):
    calendar = package_calendar()

    wrong = [day for day in _each_day(D(2020, 1, 1), D(2020, 12, 31))
             if calendar.add_workdays(day, n) != _naive_add(day, n)]

    assert wrong == []


def test_one_working_day_after_30_september_2020_is_9_october_across_national_day_and_mid_autumn():
    assert package_calendar().add_workdays(D(2020, 9, 30), 1) == D(2020, 10, 9)


def test_within_five_working_days_of_30_september_2020_ends_on_14_october():
    # 9 Oct (Fri), 10 Oct (Sat, a make-up day), 12, 13, 14 Oct.
    assert package_calendar().add_workdays(D(2020, 9, 30), 5) == D(2020, 10, 14)


def test_sunday_27_september_2020_was_a_make_up_workday():
    assert package_calendar().is_workday(D(2020, 9, 27)) is True


def test_thursday_1_october_2020_was_a_holiday():
    assert package_calendar().is_workday(D(2020, 10, 1)) is False


def test_an_ordinary_saturday_is_not_a_workday():
    assert package_calendar().is_workday(D(2020, 6, 6)) is False


def test_zero_workdays_from_a_workday_is_that_day():
    assert package_calendar().add_workdays(D(2020, 6, 8), 0) == D(2020, 6, 8)


def test_zero_workdays_from_a_holiday_is_the_next_workday():
    assert package_calendar().add_workdays(D(2020, 10, 1), 0) == D(2020, 10, 9)


def test_next_workday_after_a_friday_before_a_make_up_saturday_is_the_saturday():
    assert package_calendar().next_workday(D(2020, 10, 9)) == D(2020, 10, 10)


def test_workdays_between_counts_the_end_but_not_the_start():
    assert package_calendar().workdays_between(D(2020, 6, 8), D(2020, 6, 12)) == 4


def test_workdays_between_backwards_is_negative():
    assert package_calendar().workdays_between(D(2020, 6, 12), D(2020, 6, 8)) == -4


def test_2026_is_known():
    assert package_calendar().is_workday(D(2026, 12, 31)) is True


def test_a_day_in_2027_raises_a_calendar_range_error_naming_2027():
    with pytest.raises(CalendarRangeError) as caught:
        package_calendar().is_workday(D(2027, 1, 4))

    assert caught.value.year == 2027
    assert "2027" in str(caught.value.message) and "2026" in str(caught.value.message)


def test_the_range_error_message_asks_for_the_missing_year():
    with translation.override("en"), pytest.raises(CalendarRangeError) as caught:
        package_calendar().is_workday(D(2028, 3, 1))

    assert str(caught.value.message) == (
        "Holiday data only covers the years up to 2026, so working days in 2028 cannot be computed. "
        "An administrator needs to enter the holidays of 2027."
    )


def test_the_range_error_is_a_domain_error_with_a_stable_code():
    with pytest.raises(DomainError) as caught:
        package_calendar().is_workday(D(2027, 1, 4))

    assert caught.value.as_dict()["code"] == "calendar_range"


def test_a_count_running_past_the_known_years_raises_naming_the_next_year():
    with pytest.raises(CalendarRangeError) as caught:
        package_calendar().add_workdays(D(2026, 12, 25), 10)

    assert caught.value.year == 2027


def test_a_day_before_the_known_years_raises_naming_its_year():
    with pytest.raises(CalendarRangeError) as caught:
        package_calendar().is_workday(D(2003, 12, 31))

    assert caught.value.year == 2003 and "2004" in str(caught.value.message)


def test_a_negative_count_is_refused():
    with pytest.raises(ValueError):
        package_calendar().add_workdays(D(2020, 6, 8), -1)


def test_a_datetime_is_refused_rather_than_silently_truncated():
    with pytest.raises(TypeError):
        package_calendar().is_workday(datetime.datetime(2020, 6, 8, 9, 0))


def test_a_hand_built_calendar_applies_its_overrides_over_the_weekday_rule():
    calendar = WorkCalendar.build(first_year=2030, last_year=2030,
                                  overrides=[(D(2030, 1, 1), False), (D(2030, 1, 5), True)])

    assert [calendar.is_workday(d) for d in (D(2030, 1, 1), D(2030, 1, 2), D(2030, 1, 5), D(2030, 1, 6))] == [
        False, True, True, False]


@given(early_days, counts)
def test_add_workdays_always_lands_on_a_workday(start, n):
    assert package_calendar().is_workday(package_calendar().add_workdays(start, n))


@given(early_days, st.integers(min_value=1, max_value=100))
def test_workdays_between_a_day_and_n_workdays_later_is_n(start, n):
    calendar = package_calendar()

    assert calendar.workdays_between(start, calendar.add_workdays(start, n)) == n


@given(early_days, st.integers(min_value=1, max_value=100))
def test_add_workdays_is_strictly_after_the_start_for_n_of_one_or_more(start, n):
    assert package_calendar().add_workdays(start, n) > start


@given(early_days, st.integers(min_value=1, max_value=100))
def test_add_workdays_grows_strictly_with_n_from_one(start, n):
    calendar = package_calendar()

    assert calendar.add_workdays(start, n) < calendar.add_workdays(start, n + 1)


@given(early_days)
def test_zero_workdays_is_never_later_than_one(start):
    calendar = package_calendar()

    assert calendar.add_workdays(start, 0) <= calendar.add_workdays(start, 1)


@given(early_days, early_days, st.integers(min_value=0, max_value=30))
def test_add_workdays_never_goes_back_when_the_start_moves_later(a, b, n):
    calendar = package_calendar()
    earlier, later = min(a, b), max(a, b)

    assert calendar.add_workdays(earlier, n) <= calendar.add_workdays(later, n)


@given(known_days, known_days, known_days)
def test_workdays_between_adds_up_over_consecutive_spans(a, b, c):
    calendar = package_calendar()

    assert calendar.workdays_between(a, b) + calendar.workdays_between(b, c) == calendar.workdays_between(a, c)


@given(early_days)
def test_next_workday_has_no_workday_between_it_and_the_day(day):
    calendar = package_calendar()

    assert calendar.workdays_between(day, calendar.next_workday(day)) == 1


# --- the default calendar: the package plus the database -------------------------------------------------------

def test_the_default_calendar_knows_2026_without_any_rows(db):
    assert workdays.default_calendar().known_until == 2026


def test_the_default_calendar_is_built_with_one_query(db, django_assert_num_queries):
    with django_assert_num_queries(1):
        workdays.default_calendar()


def test_the_default_calendar_is_kept_between_calls(db, django_assert_num_queries):
    workdays.default_calendar()

    with django_assert_num_queries(0):
        workdays.add_workdays(D(2020, 9, 30), 1)


def test_the_shortcuts_use_the_default_calendar(db):
    assert workdays.add_workdays(D(2020, 9, 30), 1) == D(2020, 10, 9)


def test_2027_raises_until_it_is_entered(db):
    with pytest.raises(CalendarRangeError) as caught:
        workdays.is_workday(D(2027, 1, 4))

    assert "2027" in str(caught.value.message)


def test_entering_2027_through_the_service_extends_the_range(admin, django_capture_on_commit_callbacks):
    workdays.default_calendar()

    with django_capture_on_commit_callbacks(execute=True):
        workdays.calendar_year_set(actor=admin, year=2027, days=DAYS_2027, source="测试数据")

    assert workdays.default_calendar().known_until == 2027
    assert workdays.add_workdays(D(2027, 2, 4), 1) == D(2027, 2, 12)
    assert workdays.is_workday(D(2027, 2, 20)) is True


def test_entering_a_year_writes_its_rows_and_one_audit_event(admin):
    calendar_year = workdays.calendar_year_set(actor=admin, year=2027, days=DAYS_2027, source="测试数据")

    assert CalendarDay.objects.filter(date__year=2027).count() == len(DAYS_2027)
    event = AuditEvent.objects.get(action="core.calendar.year_set")
    assert event.object_id == str(calendar_year.pk) and event.actor_id == admin.pk
    assert event.changes["days"][1][0] == ["2027-01-01", False, "元旦"]


def test_re_entering_a_year_replaces_its_days(admin):
    workdays.calendar_year_set(actor=admin, year=2027, days=DAYS_2027, source="第一版")

    workdays.calendar_year_set(actor=admin, year=2027, days=DAYS_2027[:1], source="更正")

    assert list(CalendarDay.objects.filter(date__year=2027).values_list("date", flat=True)) == [D(2027, 1, 1)]
    assert CalendarYear.objects.get(year=2027).source == "更正"


def test_a_day_entered_directly_is_noticed_after_the_recheck_interval(db):
    workdays.default_calendar()
    CalendarYear.objects.create(year=2027, source="直接录入")

    with override_settings(JICENG_CALENDAR_RECHECK_SECONDS=0):
        assert workdays.default_calendar().known_until == 2027


def test_an_unchanged_database_is_rechecked_without_rebuilding(db, django_assert_num_queries):
    workdays.default_calendar()

    with override_settings(JICENG_CALENDAR_RECHECK_SECONDS=0), django_assert_num_queries(2):
        workdays.default_calendar()


def test_an_entered_day_can_correct_a_packaged_year(admin, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        workdays.calendar_year_set(actor=admin, year=2020, days=[(D(2020, 6, 8), False, "测试更正")], source="测试")

    assert workdays.is_workday(D(2020, 6, 8)) is False


def test_a_year_after_a_gap_is_refused(admin):
    with pytest.raises(DomainError) as caught:
        workdays.calendar_year_set(actor=admin, year=2028, days=[(D(2028, 1, 1), False, "元旦")], source="")

    assert caught.value.code == "calendar_year_gap" and "2027" in str(caught.value.message)
    assert not CalendarYear.objects.exists()


def test_a_day_outside_the_year_is_refused(admin):
    with pytest.raises(DomainError) as caught:
        workdays.calendar_year_set(actor=admin, year=2027, days=[(D(2028, 1, 1), False, "元旦")], source="")

    assert caught.value.code == "calendar_day_outside_year"
    assert not CalendarDay.objects.exists()


def test_a_day_listed_twice_is_refused(admin):
    with pytest.raises(DomainError) as caught:
        workdays.calendar_year_set(actor=admin, year=2027, days=[DAYS_2027[0], DAYS_2027[0]], source="")

    assert caught.value.code == "calendar_day_repeated"


def test_an_empty_year_is_refused(admin):
    with pytest.raises(DomainError) as caught:
        workdays.calendar_year_set(actor=admin, year=2027, days=[], source="")

    assert caught.value.code == "calendar_empty"


def test_a_user_without_the_permission_may_not_enter_a_year(db):
    clerk = accounts_services.user_create(actor=None, username="clerk", password="Test-pass-2020")

    with pytest.raises(PermissionDenied):
        workdays.calendar_year_set(actor=clerk, year=2027, days=DAYS_2027, source="")
    assert not CalendarYear.objects.exists()


# --- Chinese dates -------------------------------------------------------------------------------------------

def test_a_date_is_written_the_chinese_way_without_leading_zeros():
    assert format_cn_date(D(2020, 6, 8)) == "2020年6月8日"


def test_an_aware_datetime_is_written_as_its_local_date():
    late_utc = datetime.datetime(2020, 6, 8, 20, 0, tzinfo=datetime.UTC)

    assert format_cn_date(late_utc) == "2020年6月9日"


def test_no_date_is_written_as_nothing():
    assert format_cn_date(None) == ""
