"""Pure rules of the supervision ledger (挂图作战): no ORM, plain values in, plain values out.

- ``traffic_light`` colours one project for one month (green / yellow / red / grey, with machine reasons);
- ``forecast`` extrapolates the recent progress rate to the expected completion date (预期达不到目标);
- ``draw_sample`` draws the monthly spot check (月抽查) from a published seed (``quarter_seed``, ``monthly_seed``);
- ``coverage`` says which projects the quarterly on-site review (季度现场查看) has not yet seen;
- ``report_status`` places a monthly progress report against its reporting window;
- ``month_floor``, ``month_end``, ``months_between``, ``elapsed_fraction`` are the month arithmetic they share.

Conventions:
- Progress is a cumulative fraction (0.8 = 80 %), ``float`` (an ``int`` or ``Decimal`` is converted).
- A month is named by any of its days and floored to the first; the progress reported "for June" is the
  progress at the end of June.
- Fractions are compared within ``EPSILON`` (1e-9), so exactly 10 percentage points behind is exactly at the
  margin whatever binary rounding makes of 0.4 - 0.3.
- Codes (colours, reasons, report statuses, forecast methods) are stable machine strings; the UI translates them.
- Impossible input (an end before its start, a fraction below 0, an unknown code) raises ``ValueError``.
"""

from __future__ import annotations

import calendar
import datetime
import hashlib
import math
import random
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, fields
from enum import StrEnum
from types import MappingProxyType

EPSILON = 1e-9


class Colour(StrEnum):
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    GREY = "grey"


class Reason(StrEnum):
    """Why a light has its colour; listed in the order ``Light.reasons`` keeps them."""

    COMPLETED = "completed"  # green: actual ≥ 100 %
    NOT_DUE = "not_due"  # grey: before the planned start month, or the month's report is not due yet
    NOT_STARTED = "not_started"  # red: no progress `not_started_red_months` months after the planned start
    FAR_BEHIND = "far_behind"  # red: behind the plan by more than `red_gap`
    BEHIND_PLAN = "behind_plan"  # yellow: behind the plan by more than `yellow_gap`
    MISSING_REPORT = "missing_report"  # yellow: the window closed without a report
    LATE_REPORT = "late_report"  # yellow: the report came after the window closed
    OVERDUE_RECTIFICATION = "overdue_rectification"  # red: a rectification (整改) is past its deadline


class ReportStatus(StrEnum):
    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    NOT_DUE = "not_due"


REASON_COLOUR = MappingProxyType({
    Reason.COMPLETED: Colour.GREEN,
    Reason.NOT_DUE: Colour.GREY,
    Reason.NOT_STARTED: Colour.RED,
    Reason.FAR_BEHIND: Colour.RED,
    Reason.BEHIND_PLAN: Colour.YELLOW,
    Reason.MISSING_REPORT: Colour.YELLOW,
    Reason.LATE_REPORT: Colour.YELLOW,
    Reason.OVERDUE_RECTIFICATION: Colour.RED,
})
_REASON_ORDER = {reason: index for index, reason in enumerate(Reason)}

# How much attention a colour asks for: grey (nothing to judge) and green (on plan) ask for none.
SEVERITY = MappingProxyType({Colour.GREY: 0, Colour.GREEN: 0, Colour.YELLOW: 1, Colour.RED: 2})


def _fraction(value, name: str, *, upper: float | None = None) -> float:
    if isinstance(value, bool):
        raise ValueError(f"{name} must be a number, not a bool")
    number = float(value)
    if not math.isfinite(number) or number < 0 or (upper is not None and number > upper + EPSILON):
        bound = f"0–{upper}" if upper is not None else "≥ 0"
        raise ValueError(f"{name} must be a fraction {bound}, not {value!r}")
    return number


def _as_date(value, name: str) -> datetime.date:
    if isinstance(value, datetime.datetime):
        raise ValueError(f"{name} must be a date, not a datetime (convert with timezone.localdate)")
    if not isinstance(value, datetime.date):
        raise ValueError(f"{name} must be a date, not {type(value).__name__}")
    return value


def _check_period(planned_start, planned_end) -> tuple[datetime.date, datetime.date]:
    start, end = _as_date(planned_start, "planned_start"), _as_date(planned_end, "planned_end")
    if end < start:
        raise ValueError(f"planned_end {end} is before planned_start {start}")
    return start, end


# --- Months --------------------------------------------------------------------------------------------------------


def month_floor(d: datetime.date) -> datetime.date:
    """The first day of the month `d` falls in (a datetime gives the date of its own month)."""
    return datetime.date(d.year, d.month, 1)


def month_end(d: datetime.date) -> datetime.date:
    """The last day of the month `d` falls in."""
    return datetime.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def add_months(d: datetime.date, months: int) -> datetime.date:
    """The first day of the month `months` calendar months after (or before, when negative) the month of `d`."""
    index = d.year * 12 + d.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def months_between(start: datetime.date, end: datetime.date) -> int:
    """Calendar months from the month of `start` to the month of `end`, ignoring the days: signed.

    January → April is 3 (whatever the days), April → January is -3, two days of one month 0. This is how
    "three months after the planned start" is counted: the April report of a project that was to start
    on any day of January is three months after it.
    """
    return (end.year - start.year) * 12 + end.month - start.month


def elapsed_fraction(month: datetime.date, planned_start: datetime.date, planned_end: datetime.date) -> float:
    """The share of the planned duration that has passed by the end of `month`: the time-proportional plan.

    Counted in days, both ends included: (end of month − planned start + 1) ÷ (planned end − planned start + 1),
    0 when the month ends before the start, 1 from the month holding the planned end on. This is the common
    "expected progress = elapsed time ÷ planned duration", measured at the end of the month because the
    report for a month gives the progress at its end. Raises ValueError when planned_end is before planned_start.
    """
    start, end = _check_period(planned_start, planned_end)
    cutoff = month_end(month)
    if cutoff < start:
        return 0.0
    if cutoff >= end:
        return 1.0
    return ((cutoff - start).days + 1) / ((end - start).days + 1)


def expected_progress(*, month: datetime.date, plan, planned_start: datetime.date,
                      planned_end: datetime.date) -> float:
    """What the project should have reached by the end of `month`: the milestone's planned cumulative fraction
    `plan` when there is one, otherwise the time-proportional ``elapsed_fraction``.

    Raises ValueError for a plan outside 0–1 or planned_end before planned_start.
    """
    _check_period(planned_start, planned_end)
    if plan is not None:
        return _fraction(plan, "plan", upper=1.0)
    return elapsed_fraction(month, planned_start, planned_end)


# --- Reporting window -------------------------------------------------------------------------------------------


def report_due_date(month: datetime.date, *, window_close_day: int = 25, due_in_next_month: bool = False):
    """The last day on which the report for `month` is on time: day `window_close_day` of that month, or of the
    next month when `due_in_next_month` (offices whose reports fall due on the 5th of the following month).

    A close day past the end of a short month is the month's last day (31 → 28 February).
    Raises ValueError when window_close_day is not 1–31.
    """
    if isinstance(window_close_day, bool) or not isinstance(window_close_day, int) or not 1 <= window_close_day <= 31:
        raise ValueError(f"window_close_day must be a day 1–31, not {window_close_day!r}")
    due_month = add_months(month, 1) if due_in_next_month else month_floor(month)
    return due_month.replace(day=min(window_close_day, month_end(due_month).day))


def report_status(*, month: datetime.date, submitted_at: datetime.datetime | datetime.date | None,
                  today: datetime.date, window_close_day: int = 25, due_in_next_month: bool = False) -> str:
    """Where the monthly report for `month` stands: "on_time", "late", "missing" or "not_due".

    Submitted on or before the due day (``report_due_date``) → on_time; after it → late. Nothing submitted:
    "not_due" while today is on or before the due day (the window is still open), "missing" after it.
    Only the calendar day of `submitted_at` counts, so pass it in local time (``timezone.localtime``):
    a report sent at 01:00 Beijing time on the 26th is late even though it is still the 25th in UTC.
    Raises ValueError for a close day outside 1–31 or a datetime given as `today`.
    """
    due = report_due_date(month, window_close_day=window_close_day, due_in_next_month=due_in_next_month)
    today = _as_date(today, "today")
    if submitted_at is not None:
        submitted_on = submitted_at.date() if isinstance(submitted_at, datetime.datetime) else submitted_at
        return (ReportStatus.ON_TIME if submitted_on <= due else ReportStatus.LATE).value
    return (ReportStatus.NOT_DUE if today <= due else ReportStatus.MISSING).value


# --- Traffic light -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LightThresholds:
    """The margins of the traffic light, as fractions; the defaults are the practice in the spec (07-domain-facts):
    behind the plan by more than 10 points → yellow, by more than 30 → red, not started 3 months after the
    planned start → red. The Django side builds one from settings with ``from_mapping``.

    Raises ValueError unless 0 ≤ yellow_gap ≤ red_gap ≤ 1 and not_started_red_months ≥ 1.
    """

    yellow_gap: float = 0.10
    red_gap: float = 0.30
    not_started_red_months: int = 3

    def __post_init__(self):
        yellow = _fraction(self.yellow_gap, "yellow_gap", upper=1.0)
        red = _fraction(self.red_gap, "red_gap", upper=1.0)
        if yellow > red:
            raise ValueError(f"yellow_gap {yellow} is larger than red_gap {red}")
        months = self.not_started_red_months
        if isinstance(months, bool) or not isinstance(months, int) or months < 1:
            raise ValueError(f"not_started_red_months must be a whole number ≥ 1, not {months!r}")
        object.__setattr__(self, "yellow_gap", yellow)
        object.__setattr__(self, "red_gap", red)

    @classmethod
    def from_mapping(cls, values: Mapping | None) -> LightThresholds:
        """Thresholds from a settings dict such as {"yellow_gap": 0.1, "red_gap": 0.3}; missing keys keep the
        defaults. Raises ValueError for an unknown key (a typo in settings must not pass silently)."""
        values = dict(values or {})
        unknown = set(values) - {f.name for f in fields(cls)}
        if unknown:
            raise ValueError(f"unknown light thresholds: {', '.join(sorted(unknown))}")
        return cls(**values)


DEFAULT_THRESHOLDS = LightThresholds()


@dataclass(frozen=True)
class Light:
    """One cell of the battle map: a colour and the reasons for it, plain strings, in the order of ``Reason``.

    A green light on plan has no reasons; ``severity`` (0 grey/green, 1 yellow, 2 red) sorts the worst first.
    """

    colour: str
    reasons: tuple[str, ...] = ()

    @property
    def severity(self) -> int:
        return SEVERITY[self.colour]


def _light(reasons: Iterable[Reason]) -> Light:
    ordered = tuple(sorted(set(reasons), key=_REASON_ORDER.__getitem__))
    if not ordered:
        return Light(Colour.GREEN.value)
    colour = max((REASON_COLOUR[r] for r in ordered), key=lambda c: (SEVERITY[c], c == Colour.GREEN))
    return Light(colour.value, tuple(r.value for r in ordered))


def traffic_light(*, month: datetime.date, plan, actual, planned_start: datetime.date, planned_end: datetime.date,
                  report_status: str, overdue_rectifications: int,
                  thresholds: LightThresholds = DEFAULT_THRESHOLDS) -> Light:
    """The colour of a project for `month`, decided in this order:

    1. Completed (actual ≥ 1) → green "completed": a finished project owes no more monthly reports.
    2. Otherwise grey "not_due" when the month is before the month of the planned start, or when the month's
       report is not due yet (`report_status` "not_due"): nothing can be judged.
    3. Otherwise the gap between the expected progress (the milestone `plan`, else ``elapsed_fraction``) and
       `actual`: more than `red_gap` → red "far_behind", more than `yellow_gap` → yellow "behind_plan" (exactly
       at a margin is not more than it); no progress at all `not_started_red_months` or more calendar months
       after the planned start's month → red "not_started" (January start, April report → red); a late or
       missing report → yellow "late_report" / "missing_report".
    4. Whatever the above, a rectification past its deadline → red "overdue_rectification": it stays red until
       the rectification is closed, even on a completed project (整改 comes before 销号).

    The colour is the most severe of the reasons. `actual` is the latest cumulative progress known at the end of
    the month (the caller carries the last report forward); None — the project has never reported — counts as no
    progress, since a supervisor cannot credit what was not reported. Raises ValueError for a fraction below 0
    (or a plan above 1), an unknown report status, a negative count, or planned_end before planned_start.
    """
    expected = expected_progress(month=month, plan=plan, planned_start=planned_start, planned_end=planned_end)
    done = 0.0 if actual is None else _fraction(actual, "actual")
    if report_status not in ReportStatus._value2member_map_:
        raise ValueError(f"unknown report status {report_status!r}")
    if isinstance(overdue_rectifications, bool) or not isinstance(overdue_rectifications, int) \
            or overdue_rectifications < 0:
        raise ValueError(f"overdue_rectifications must be a count ≥ 0, not {overdue_rectifications!r}")

    reasons: list[Reason] = []
    if overdue_rectifications:
        reasons.append(Reason.OVERDUE_RECTIFICATION)
    if done >= 1 - EPSILON:
        return _light([Reason.COMPLETED, *reasons])
    if month_floor(month) < month_floor(planned_start) or report_status == ReportStatus.NOT_DUE:
        return _light([Reason.NOT_DUE, *reasons])

    gap = expected - done
    if gap > thresholds.red_gap + EPSILON:
        reasons.append(Reason.FAR_BEHIND)
    elif gap > thresholds.yellow_gap + EPSILON:
        reasons.append(Reason.BEHIND_PLAN)
    if done <= EPSILON and months_between(planned_start, month) >= thresholds.not_started_red_months:
        reasons.append(Reason.NOT_STARTED)
    if report_status == ReportStatus.MISSING:
        reasons.append(Reason.MISSING_REPORT)
    elif report_status == ReportStatus.LATE:
        reasons.append(Reason.LATE_REPORT)
    return _light(reasons)


# --- Forecast ------------------------------------------------------------------------------------------------------

WINDOW_REPORTS = 6  # the recent rate is fitted over the last two quarters of reports
MIN_SPAN_MONTHS = 3  # a pace is judged over at least a quarter (or the whole plan when it is shorter)
MAX_FORECAST_MONTHS = 1200  # beyond a century the rate is as good as none: no date is given


class ForecastMethod(StrEnum):
    NO_HISTORY = "no_history"  # nothing reported: no rate, no date
    COMPLETED = "completed"  # the target is reached; the date is the end of the month it was first reported
    TOO_EARLY = "too_early"  # the reports span less than a quarter: a rate is shown, no date is forecast
    LINEAR_RECENT = "linear_recent"  # least-squares rate over the recent reports, extrapolated to the target
    STALLED = "stalled"  # the recent rate is zero or negative: the target is never reached at this pace


@dataclass(frozen=True)
class ForecastBasis:
    """What the forecast rests on, for the UI to explain: the method code and its numbers.

    `reports` reports were used, spanning `span_months` months (from the planned start when `anchored`: the
    progress 0 at the start of the planned start month was added to too few reports); `rate` is per month; `remaining`
    is what is left to the target after the last report and `months_needed` is remaining ÷ rate.
    """

    method: str
    reports: int = 0
    span_months: int = 0
    anchored: bool = False
    rate: float | None = None
    remaining: float | None = None
    months_needed: float | None = None

    def __post_init__(self):
        object.__setattr__(self, "method", str(self.method))

    def as_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Forecast:
    """When the project is expected to reach its target and whether it will miss its planned end (预期达不到目标).

    `expected_completion` is a day, interpolated within the month in which the target is expected, or None
    when no date can be said (no history, too early, stalled); `months_used` counts the reports used.
    """

    expected_completion: datetime.date | None
    will_miss: bool
    rate_per_month: float | None
    basis: ForecastBasis
    months_used: int


def _least_squares_slope(points: Sequence[tuple[int, float]]) -> float:
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread = sum((x - mean_x) ** 2 for x, _ in points)
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread


def completion_date(last_month: datetime.date, months_needed: float) -> datetime.date | None:
    """The day `months_needed` (> 0) months after the end of `last_month`, interpolated within its month.

    The target falls in the month ceil(months_needed) after `last_month`, on the day that the fractional part
    reaches (1.5 months after the end of June → 15 or 16 August; exactly 2 → 31 August). Non-decreasing in
    months_needed. None beyond MAX_FORECAST_MONTHS. Raises ValueError when months_needed is not positive.
    """
    if not months_needed > 0:
        raise ValueError(f"months_needed must be positive, not {months_needed!r}")
    if months_needed > MAX_FORECAST_MONTHS:
        return None
    needed = round(months_needed, 9)
    whole = math.ceil(needed)
    target_month = add_months(last_month, whole)
    days = month_end(target_month).day
    day = min(days, max(1, math.ceil((needed - (whole - 1)) * days - EPSILON)))
    return target_month.replace(day=day)


def forecast(*, history: Iterable[tuple[datetime.date, float]], planned_start: datetime.date,
             planned_end: datetime.date, target: float = 1.0, today: datetime.date,
             window: int = WINDOW_REPORTS, min_span_months: int = MIN_SPAN_MONTHS) -> Forecast:
    """Extrapolate the recent pace of a project to its target and say whether it will miss its planned end.

    `history` holds (month, cumulative fraction) reports, in any order. The rate is the least-squares slope
    (fraction per month) over the last `window` reports. While the reports are too few to span the months
    needed to judge a pace (below), and none came before the planned start, the progress 0 at the beginning
    of the planned start month is added as a point (`anchored`): one report in April after a January start is
    a pace over four months. Only then — an anchor behind plenty of reports would hide a recent stall.
    Least squares rather than the average monthly gain: the average gain over a window is (last − first) ÷
    months, so it looks only at the two end reports and one mistyped or later corrected figure there swings it
    fully; the fitted slope weighs every report (for a steady pace with independent errors in the monthly
    figures it is the least-variable estimate: over six reports its variance is about 30 % lower), and a month without
    a report simply leaves a gap in x. Six reports (two quarters) keep the rate recent enough to follow the
    S-curve of building work and long enough to smooth monthly noise. From the last report, the remaining work
    ÷ rate gives the months needed (``completion_date``).

    Decisions, in order:
    - no history: no date, no rate; will_miss only when today is past the planned end (nothing is complete);
    - the last report reaches the target: "completed", dated the end of the month from which every report
      reaches it; will_miss False (it is no longer a project to name in a notice, late or not);
    - today past the planned end and the target not reached: will_miss True whatever the rate (it has missed);
    - the points span less than `min_span_months` months (a quarter, or the whole planned duration when that
      is shorter), even with the anchor: "too_early", no date, will_miss False — one slow month is not a trend;
    - a rate ≤ 0: "stalled", no date, will_miss True — at this pace the target is never reached, and with a
      quarter of flat reports behind it that is what a notice should say;
    - otherwise "linear_recent": will_miss when the expected completion falls after the planned end.

    Raises ValueError for planned_end before planned_start, two reports for one month, a report for a month
    after today's, a negative fraction, a target ≤ 0 or a window below 2.
    """
    start, end = _check_period(planned_start, planned_end)
    today = _as_date(today, "today")
    target = float(target)
    if not math.isfinite(target) or target <= 0:
        raise ValueError(f"target must be a positive fraction, not {target!r}")
    if window < 2:
        raise ValueError(f"window must be at least 2 reports, not {window!r}")
    reports: dict[datetime.date, float] = {}
    for month, value in history:
        key = month_floor(month)
        if key in reports:
            raise ValueError(f"two reports for {key:%Y-%m}")
        if key > month_floor(today):
            raise ValueError(f"a report for {key:%Y-%m} is after today {today}")
        reports[key] = _fraction(value, "actual")
    past_end = today > end

    if not reports:
        return Forecast(None, past_end, None, ForecastBasis(ForecastMethod.NO_HISTORY), 0)

    months = sorted(reports)
    last_month, last = months[-1], reports[months[-1]]
    if last >= target - EPSILON:
        first_done = last_month
        for month in reversed(months):
            if reports[month] < target - EPSILON:
                break
            first_done = month
        return Forecast(month_end(first_done), False, None,
                        ForecastBasis(ForecastMethod.COMPLETED, reports=len(months)), len(months))

    all_points = [(months_between(start, m) + 1, reports[m]) for m in months]
    points = all_points[-window:]
    used = len(points)
    required_span = min(min_span_months, months_between(start, end) + 1)
    anchored = points[0] == all_points[0] and points[0][0] >= 1 and points[-1][0] - points[0][0] < required_span
    if anchored:
        points.insert(0, (0, 0.0))
    span = points[-1][0] - points[0][0]
    rate = _least_squares_slope(points) if span > 0 else 0.0
    remaining = target - last
    basis = dict(reports=used, span_months=span, anchored=anchored, rate=rate, remaining=remaining)

    if span < required_span:
        return Forecast(None, past_end, rate, ForecastBasis(ForecastMethod.TOO_EARLY, **basis), used)
    if rate <= EPSILON:
        return Forecast(None, True, rate, ForecastBasis(ForecastMethod.STALLED, **basis), used)
    months_needed = remaining / rate
    expected = completion_date(last_month, months_needed)
    will_miss = past_end or expected is None or expected > end
    return Forecast(expected, will_miss, rate,
                    ForecastBasis(ForecastMethod.LINEAR_RECENT, months_needed=months_needed, **basis), used)


# --- Spot-check sampling (月抽查) ------------------------------------------------------------------------------------

DEFAULT_SAMPLE_WEIGHTS = MappingProxyType({Colour.RED: 4.0, Colour.YELLOW: 2.0, Colour.GREEN: 1.0, Colour.GREY: 0.5})


@dataclass(frozen=True)
class SampleCandidate:
    """A project that may be drawn for the monthly spot check, with its unit and its current light colour."""

    id: int
    unit_id: int
    light: str


def _seed_int(seed: str) -> int:
    return int.from_bytes(hashlib.sha256(seed.encode("utf-8")).digest(), "big")


def quarter_seed(year: int, quarter: int, salt: str) -> str:
    """The seed to publish for a quarter's spot checks: "2020Q3-" and 16 hex digits of
    sha256("jiceng.ledger.sample|year|quarter|salt").

    `salt` is chosen when the quarter opens (at the meeting, or a public lottery number) so units cannot know the
    draw beforehand; published with the seed afterwards, anyone can recompute both. Raises ValueError for a
    quarter outside 1–4, a year outside 1–9999 or an empty salt.
    """
    if isinstance(quarter, bool) or quarter not in (1, 2, 3, 4):
        raise ValueError(f"quarter must be 1–4, not {quarter!r}")
    if isinstance(year, bool) or not isinstance(year, int) or not 1 <= year <= 9999:
        raise ValueError(f"year must be 1–9999, not {year!r}")
    if not isinstance(salt, str) or not salt.strip():
        raise ValueError("a quarter seed needs a salt (without one the draw can be known in advance)")
    digest = hashlib.sha256(f"jiceng.ledger.sample|{year}|{quarter}|{salt}".encode()).hexdigest()
    return f"{year}Q{quarter}-{digest[:16]}"


def monthly_seed(seed: str, month: datetime.date) -> str:
    """The seed of one month's draw under a published quarter seed: "<seed>/2020-07".

    Each month needs its own: with one seed for the quarter, the same projects would rank first every month.
    """
    return f"{seed}/{month:%Y-%m}"


def draw_sample(*, projects: Iterable[SampleCandidate], size: int, seed: str,
                already_drawn_units_this_quarter: Iterable[int] = frozenset(),
                weights: Mapping[str, float] = DEFAULT_SAMPLE_WEIGHTS) -> list[int]:
    """Draw `size` project ids for the monthly spot check, in draw order, reproducibly from `seed`.

    - Reproducible: the generator is seeded from sha256 of `seed` (never ``hash()``, which changes between runs)
      and the candidates are taken in id order, so the same candidates, seed and weights give the same draw
      whatever order they come in; anyone holding the published seed can re-run it.
    - Weighted without replacement (Efraimidis–Spirakis): each candidate gets u ∈ (0, 1] and the key
      log(u) ÷ weight; the highest keys are drawn. With the default weights a red project is four times, a
      yellow twice and a grey half as likely as a green one to be drawn first.
    - Stratified: first, one project from each unit not yet drawn this quarter, the units ordered by their best
      key (so at most `size` of them, leaning to units with red and yellow projects); then the rest by key.
      Whenever `size` is at least the number of such units, every one of them is drawn this month.
    - No duplicates; a size at least the population returns everyone.

    Raises ValueError for a negative size, two candidates with one id, or a light without a positive weight.
    """
    if isinstance(size, bool) or not isinstance(size, int) or size < 0:
        raise ValueError(f"size must be a count ≥ 0, not {size!r}")
    for colour, weight in weights.items():
        if not (math.isfinite(weight) and weight > 0):
            raise ValueError(f"the weight of {colour!r} must be positive, not {weight!r}")
    candidates = sorted(projects, key=lambda c: c.id)
    for before, after in zip(candidates, candidates[1:], strict=False):
        if before.id == after.id:
            raise ValueError(f"project {before.id} is a candidate twice")
    for candidate in candidates:
        if candidate.light not in weights:
            raise ValueError(f"no sampling weight for light {candidate.light!r}")

    # A published, reproducible draw, not a secret: the Mersenne Twister seeded from the seed's sha256.
    rng = random.Random(_seed_int(seed))  # noqa: S311
    keys = [math.log(1.0 - rng.random()) / weights[c.light] for c in candidates]
    order = [candidates[i] for i in sorted(range(len(candidates)), key=lambda i: (-keys[i], i))]

    drawn: list[SampleCandidate] = []
    already = set(already_drawn_units_this_quarter)
    covered: set[int] = set()
    for candidate in order:
        if len(drawn) >= size:
            break
        if candidate.unit_id not in already and candidate.unit_id not in covered:
            covered.add(candidate.unit_id)
            drawn.append(candidate)
    taken = {c.id for c in drawn}
    for candidate in order:
        if len(drawn) >= size:
            break
        if candidate.id not in taken:
            drawn.append(candidate)
    return [c.id for c in drawn]


# --- Quarterly coverage (季度现场查看) -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Coverage:
    """Which projects the quarter's on-site review has seen: `unvisited` keeps the order of the project list."""

    visited: frozenset
    unvisited: list
    ratio: float


def coverage(*, project_ids: Iterable[Hashable], visits: Iterable[tuple[Hashable, datetime.date]],
             quarter_start: datetime.date, quarter_end: datetime.date) -> Coverage:
    """Whether every project was visited in [quarter_start, quarter_end] (both included), and what is left.

    A visit counts once whatever the number; visits outside the quarter or to projects not in `project_ids`
    (a cancelled project) are ignored; a datetime counts by its date. `ratio` is visited ÷ projects, 1.0 when
    there is no project to visit. Raises ValueError when quarter_end is before quarter_start.
    """
    start, end = _as_date(quarter_start, "quarter_start"), _as_date(quarter_end, "quarter_end")
    if end < start:
        raise ValueError(f"quarter_end {end} is before quarter_start {start}")
    ids = list(dict.fromkeys(project_ids))
    wanted = set(ids)
    visited = set()
    for project_id, day in visits:
        if isinstance(day, datetime.datetime):
            day = day.date()
        if project_id in wanted and start <= day <= end:
            visited.add(project_id)
    unvisited = [pid for pid in ids if pid not in visited]
    return Coverage(frozenset(visited), unvisited, len(visited) / len(ids) if ids else 1.0)
