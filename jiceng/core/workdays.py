"""Working days under China's official holiday calendar, 调休 make-up workdays included.

The rules are pure methods of a `WorkCalendar` value (no database inside):

    calendar = default_calendar()               # the package's data plus the years entered by an administrator
    due = calendar.add_workdays(issued_on, 5)   # "within 5 working days" of issued_on

and module-level shortcuts (`is_workday`, `add_workdays`, `workdays_between`,
`next_workday`) that take an optional `calendar=` and otherwise use
`default_calendar()`.

Conventions:
- `add_workdays(start, n)` with n ≥ 1 counts working days *after* `start`:
  the result is the n-th working day following it, whether or not `start`
  itself is a working day ("within 5 working days from 30 September 2020"
  ends on 14 October 2020). With n = 0 it is `start` when that is a working
  day, else the next working day (the first day a duty can be done).
- `workdays_between(a, b)` counts the working days in (a, b]: `a` excluded,
  `b` included, so `workdays_between(d, add_workdays(d, n)) == n` for n ≥ 1.
  With b before a it is minus the count of (b, a].
- `next_workday(day)` is the first working day strictly after `day`.

The calendar knows a contiguous range of years: the holiday table of the
`chinese_calendar` package (2004 up to the last year it was released with)
extended by every year an administrator has entered through
`calendar_year_set` (CalendarYear + CalendarDay rows, which may also correct
a packaged day). Asking about a day outside that range — or a count that runs
past its end — raises CalendarRangeError naming the year, never guesses.
"""

import datetime
import functools
import threading
import time
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models, transaction
from django.db.models import Count, Max, Value
from django.utils.translation import gettext_lazy as _

from . import audit
from .errors import DomainError, PermissionDenied
from .models import CalendarDay, CalendarYear

DEFAULT_RECHECK_SECONDS = 60
SATURDAY = 5


class CalendarRangeError(DomainError):
    """A date (or a count of working days) falls in a year whose holidays the calendar does not know."""

    code = "calendar_range"

    def __init__(self, *, year: int, known_from: int, known_until: int):
        self.year = year
        self.known_from = known_from
        self.known_until = known_until
        if year > known_until:
            message = _(
                "Holiday data only covers the years up to %(known_until)s, so working days in %(year)s cannot be "
                "computed. An administrator needs to enter the holidays of %(missing)s."
            ) % {"known_until": known_until, "year": year, "missing": known_until + 1}
        else:
            message = _(
                "Holiday data starts in %(known_from)s, so working days in %(year)s cannot be computed."
            ) % {"known_from": known_from, "year": year}
        super().__init__(message, details={"year": year, "known_from": known_from, "known_until": known_until})


def _as_date(value) -> datetime.date:
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise TypeError(f"a datetime.date is expected, not {type(value).__name__} (convert with timezone.localdate)")
    return value


@dataclass(frozen=True)
class WorkCalendar:
    """Which days are working days in the years first_year..last_year (inclusive).

    A day is a working day when it is in `work_days` (a 调休 make-up day), not
    when it is in `days_off` (a holiday), and otherwise when it is Monday to
    Friday. Build one with `WorkCalendar.build`; it is immutable and can be
    shared between threads.
    """

    first_year: int
    last_year: int
    days_off: frozenset[datetime.date]
    work_days: frozenset[datetime.date]
    _workdays: tuple[datetime.date, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        if self.first_year > self.last_year:
            raise ValueError("a calendar needs at least one year")
        day = datetime.date(self.first_year, 1, 1)
        end = datetime.date(self.last_year, 12, 31)
        one = datetime.timedelta(days=1)
        workdays = []
        while day <= end:
            if self._rule(day):
                workdays.append(day)
            day += one
        object.__setattr__(self, "_workdays", tuple(workdays))

    @classmethod
    def build(cls, *, first_year: int, last_year: int, overrides: Iterable[tuple[datetime.date, bool]]):
        """A calendar from (day, is_workday) overrides of the weekday rule; later overrides win."""
        status: dict[datetime.date, bool] = {}
        for day, is_work in overrides:
            status[day] = bool(is_work)
        return cls(
            first_year=first_year,
            last_year=last_year,
            days_off=frozenset(d for d, w in status.items() if not w),
            work_days=frozenset(d for d, w in status.items() if w),
        )

    def _rule(self, day: datetime.date) -> bool:
        if day in self.work_days:
            return True
        if day in self.days_off:
            return False
        return day.weekday() < SATURDAY

    @property
    def known_until(self) -> int:
        """The last year whose holidays the calendar knows."""
        return self.last_year

    def covers(self, day: datetime.date) -> bool:
        return self.first_year <= _as_date(day).year <= self.last_year

    def _check(self, day) -> datetime.date:
        day = _as_date(day)
        if not self.first_year <= day.year <= self.last_year:
            raise CalendarRangeError(year=day.year, known_from=self.first_year, known_until=self.last_year)
        return day

    def _beyond(self) -> CalendarRangeError:
        return CalendarRangeError(year=self.last_year + 1, known_from=self.first_year, known_until=self.last_year)

    def is_workday(self, day: datetime.date) -> bool:
        """Whether `day` is a working day; raises CalendarRangeError outside the known years."""
        return self._rule(self._check(day))

    def add_workdays(self, start: datetime.date, n: int) -> datetime.date:
        """The n-th working day after `start` (n ≥ 1), or for n = 0 `start` itself if it is a working day, else the
        next one. Raises CalendarRangeError if `start` or the result lies outside the known years, ValueError for a
        negative n.
        """
        start = self._check(start)
        if not isinstance(n, int) or n < 0:
            raise ValueError(f"n must be a whole number of working days, 0 or more, not {n!r}")
        if n == 0:
            index = bisect_left(self._workdays, start)
        else:
            index = bisect_right(self._workdays, start) + n - 1
        if index >= len(self._workdays):
            raise self._beyond()
        return self._workdays[index]

    def next_workday(self, day: datetime.date) -> datetime.date:
        """The first working day strictly after `day`; raises CalendarRangeError outside the known years."""
        return self.add_workdays(day, 1)

    def workdays_between(self, a: datetime.date, b: datetime.date) -> int:
        """The number of working days in (a, b] (negative when b is before a); raises CalendarRangeError outside the
        known years.
        """
        a, b = self._check(a), self._check(b)
        return bisect_right(self._workdays, b) - bisect_right(self._workdays, a)


# --- the data: the package's table and the years an administrator entered ------------------------------------

@functools.lru_cache(maxsize=1)
def _package_table() -> tuple[int, int, tuple[tuple[datetime.date, bool], ...]]:
    from chinese_calendar import constants

    years = [d.year for d in constants.holidays]
    overrides = [(d, False) for d in constants.holidays] + [(d, True) for d in constants.workdays]
    return min(years), max(years), tuple(sorted(overrides))


@functools.lru_cache(maxsize=1)
def package_calendar() -> WorkCalendar:
    """The calendar of the installed `chinese_calendar` data alone (no database)."""
    first, last, overrides = _package_table()
    return WorkCalendar.build(first_year=first, last_year=last, overrides=overrides)


def _extend(first: int, last: int, entered: set[int]) -> tuple[int, int]:
    """The contiguous range of known years: the package's, widened by adjacent entered years."""
    while last + 1 in entered:
        last += 1
    while first - 1 in entered:
        first -= 1
    return first, last


def calendar_from_rows(day_rows: Iterable[tuple[datetime.date, bool]], entered_years: Iterable[int]) -> WorkCalendar:
    """The package's calendar extended by entered years and corrected by entered days (a pure function)."""
    package_first, package_last, overrides = _package_table()
    first, last = _extend(package_first, package_last, set(entered_years))
    return WorkCalendar.build(first_year=first, last_year=last, overrides=[*overrides, *day_rows])


def _load_rows() -> tuple[list, list, tuple]:
    """All CalendarDay and CalendarYear rows in one query, and their fingerprint."""
    day_rows = CalendarDay.objects.order_by().annotate(
        calendar_year=Value(None, output_field=models.IntegerField())
    ).values_list("date", "is_workday", "calendar_year", "updated_at")
    year_rows = CalendarYear.objects.order_by().annotate(
        calendar_date=Value(None, output_field=models.DateField()),
        calendar_is_workday=Value(None, output_field=models.BooleanField()),
    ).values_list("calendar_date", "calendar_is_workday", "year", "updated_at")
    days, years = [], []
    for date, is_work, year, updated_at in day_rows.union(year_rows, all=True):
        if year is None:
            days.append((date, is_work, updated_at))
        else:
            years.append((year, updated_at))
    fingerprint = (
        len(days), max((row[2] for row in days), default=None),
        len(years), max((row[1] for row in years), default=None),
    )
    return days, years, fingerprint


def _fingerprint() -> tuple:
    day_state = CalendarDay.objects.aggregate(n=Count("id"), latest=Max("updated_at"))
    year_state = CalendarYear.objects.aggregate(n=Count("id"), latest=Max("updated_at"))
    return day_state["n"], day_state["latest"], year_state["n"], year_state["latest"]


@dataclass
class _Cached:
    calendar: WorkCalendar
    fingerprint: tuple
    checked_at: float


_cached: _Cached | None = None
_cache_lock = threading.Lock()


def calendar_invalidate() -> None:
    """Forget this process's calendar; the next `default_calendar()` reloads it from the database."""
    global _cached
    with _cache_lock:
        _cached = None


def default_calendar() -> WorkCalendar:
    """The platform's calendar: the package's holidays plus the years and days entered in the database.

    Built with one query and kept for the life of the process. The service
    `calendar_year_set` drops it when its transaction commits; other processes
    (and edits made around the service) are noticed by a cheap check of the
    tables' row counts and latest change, at most every
    settings.JICENG_CALENDAR_RECHECK_SECONDS (default 60).
    """
    global _cached
    now = time.monotonic()
    recheck = getattr(settings, "JICENG_CALENDAR_RECHECK_SECONDS", DEFAULT_RECHECK_SECONDS)
    cached = _cached
    if cached is not None and now - cached.checked_at < recheck:
        return cached.calendar
    if cached is not None and _fingerprint() == cached.fingerprint:
        cached.checked_at = now
        return cached.calendar
    days, years, fingerprint = _load_rows()
    calendar = calendar_from_rows([(d, w) for d, w, _ in days], [y for y, _ in years])
    with _cache_lock:
        _cached = _Cached(calendar=calendar, fingerprint=fingerprint, checked_at=now)
    return calendar


# --- shortcuts over the default calendar ----------------------------------------------------------------------

def is_workday(day: datetime.date, *, calendar: WorkCalendar | None = None) -> bool:
    """Whether `day` is a working day (see WorkCalendar.is_workday); raises CalendarRangeError."""
    return (calendar or default_calendar()).is_workday(day)


def add_workdays(start: datetime.date, n: int, *, calendar: WorkCalendar | None = None) -> datetime.date:
    """The n-th working day after `start` (see the module's conventions); raises CalendarRangeError."""
    return (calendar or default_calendar()).add_workdays(start, n)


def workdays_between(a: datetime.date, b: datetime.date, *, calendar: WorkCalendar | None = None) -> int:
    """The number of working days in (a, b]; raises CalendarRangeError."""
    return (calendar or default_calendar()).workdays_between(a, b)


def next_workday(day: datetime.date, *, calendar: WorkCalendar | None = None) -> datetime.date:
    """The first working day after `day`; raises CalendarRangeError."""
    return (calendar or default_calendar()).next_workday(day)


# --- the service ---------------------------------------------------------------------------------------------

def _days_state(year: int) -> list[list]:
    rows = CalendarDay.objects.filter(date__year=year).order_by("date").values_list("date", "is_workday", "name")
    return [[d.isoformat(), w, n] for d, w, n in rows]


def calendar_year_set(*, actor, year: int, days: list[tuple[datetime.date, bool, str]], source: str) -> CalendarYear:
    """Enter (or replace) one year's official holidays and make-up workdays, as the State Council's notice sets them.

    `days` lists every day that departs from the Monday–Friday rule for that
    year: (date, is_workday, name), e.g. (2027-01-01, False, "元旦") or a
    Sunday that is worked (…, True, "春节调休"). The year must be next to the
    known range (enter 2027 before 2028); a year already known may be
    re-entered to correct it, which replaces its entered days. Writes the rows
    and an audit event in one transaction; the calendar reloads after commit.

    Raises PermissionDenied unless the actor (None: the system) may change
    calendar years, DomainError for days outside the year, repeated days or an
    empty list, a year not adjacent to the known range, and ValidationError for
    invalid fields.
    """
    if actor is not None and not actor.has_perm("core.change_calendaryear"):
        raise PermissionDenied()
    entries = [(_as_date(day), is_work, (name or "").strip()) for day, is_work, name in days]
    if not entries:
        raise DomainError(_("Enter the holidays of the year: the list of days is empty."), code="calendar_empty")
    for day, _is_work, _name in entries:
        if day.year != year:
            raise DomainError(_("%(date)s is not in %(year)s.") % {"date": day.isoformat(), "year": year},
                              code="calendar_day_outside_year")
    seen: set[datetime.date] = set()
    for day, _is_work, _name in entries:
        if day in seen:
            raise DomainError(_("%(date)s is listed twice.") % {"date": day.isoformat()}, code="calendar_day_repeated")
        seen.add(day)

    package_first, package_last, _overrides = _package_table()
    entered = set(CalendarYear.objects.values_list("year", flat=True)) - {year}
    first, last = _extend(package_first, package_last, entered)
    if year > last + 1 or year < first - 1:
        missing = last + 1 if year > last else first - 1
        raise DomainError(_("Enter the holidays of %(missing)s first.") % {"missing": missing},
                          code="calendar_year_gap")

    calendar_year = CalendarYear.objects.filter(year=year).first() or CalendarYear(year=year)
    before = {"source": calendar_year.source, "days": _days_state(year)} if calendar_year.pk else None
    calendar_year.source = (source or "").strip()
    calendar_year.full_clean()
    rows = [CalendarDay(date=day, is_workday=bool(is_work), name=name) for day, is_work, name in sorted(entries)]
    for row in rows:
        row.full_clean(validate_unique=False)
    with transaction.atomic():
        calendar_year.save()
        CalendarDay.objects.filter(date__year=year).delete()
        CalendarDay.objects.bulk_create(rows)
        audit.record(actor=actor, action="core.calendar.year_set", obj=calendar_year, before=before,
                     after={"source": calendar_year.source, "days": _days_state(year)})
        transaction.on_commit(calendar_invalidate)
    return calendar_year
