"""Pure rules of the bulletin (no ORM): issue numbering, points, statistics and ranking."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from .choices import DEFAULT_SCORES, AdoptionLevel, Numbering, ScoreKey


def next_issue_number(numbering: str, existing: Iterable[tuple[int, int]], year: int) -> int:
    """The number of the next issue: numbers restart each year (per_year) or run on (running).

    `existing` holds the (year, number) of the series' regular issues (supplements are numbered apart).
    """
    existing = list(existing)
    if numbering == Numbering.PER_YEAR:
        numbers = [n for y, n in existing if y == year]
    else:
        numbers = [n for _y, n in existing]
    return max(numbers, default=0) + 1


@dataclass(frozen=True)
class SubmittedFact:
    unit_id: int
    submitted_on: date


@dataclass(frozen=True)
class PrintedFact:
    """An item printed in an issue and credited to a unit; `from_submission` False for imported old issues."""

    unit_id: int
    issue_date: date
    is_lead: bool
    commissioned: bool = False
    from_submission: bool = True
    higher_levels: tuple[str, ...] = ()
    instructions: int = 0


@dataclass(frozen=True)
class TopicFact:
    """A commissioned topic: which units were asked, by when, and which delivered in time."""

    deadline: date
    unit_ids: frozenset[int]
    delivered_in_time: frozenset[int]


@dataclass
class UnitStatistics:
    unit_id: int
    submitted: int = 0
    adopted: int = 0
    lead: int = 0
    commissioned: int = 0
    commissioned_missed: int = 0
    higher: int = 0
    instructions: int = 0
    points: Decimal = Decimal("0")
    breakdown: dict[str, Decimal] = field(default_factory=dict)
    rank: int = 0

    @property
    def adoption_rate(self) -> float | None:
        """Adopted ÷ submitted, or None when the unit submitted nothing."""
        return self.adopted / self.submitted if self.submitted else None


HIGHER_KEYS = {
    AdoptionLevel.CITY: ScoreKey.HIGHER_CITY,
    AdoptionLevel.PROVINCE: ScoreKey.HIGHER_PROVINCE,
    AdoptionLevel.NATIONAL: ScoreKey.HIGHER_NATIONAL,
}


def _in(day: date, start: date, end: date) -> bool:
    return start <= day <= end


def unit_statistics(*, start: date, end: date, submitted: Iterable[SubmittedFact], printed: Iterable[PrintedFact],
                    topics: Iterable[TopicFact] = (), scores: dict | None = None,
                    unit_ids: Iterable[int] = ()) -> list[UnitStatistics]:
    """Per unit over [start, end]: submitted, adopted, rate, points under `scores`; ranked by points.

    An item printed without a submission (an imported old issue) counts as submitted and adopted.
    A topic whose deadline falls in the period costs each asked unit that did not deliver in time.
    Units in `unit_ids` appear even with nothing (so a ranking shows who submitted nothing).
    Ties share a rank (1, 2, 2, 4), then order by adopted, then unit id.
    """
    scores = {k: Decimal(str(v)) for k, v in {**DEFAULT_SCORES, **(scores or {})}.items()}
    stats: dict[int, UnitStatistics] = {uid: UnitStatistics(uid) for uid in unit_ids}

    def of(uid: int) -> UnitStatistics:
        return stats.setdefault(uid, UnitStatistics(uid))

    def add(s: UnitStatistics, key: str, times: int = 1) -> None:
        if times:
            s.breakdown[key] = s.breakdown.get(key, Decimal("0")) + scores[key] * times

    for fact in submitted:
        if _in(fact.submitted_on, start, end):
            of(fact.unit_id).submitted += 1
    for fact in printed:
        if not _in(fact.issue_date, start, end):
            continue
        s = of(fact.unit_id)
        if not fact.from_submission:
            s.submitted += 1
        s.adopted += 1
        if fact.is_lead:
            s.lead += 1
            add(s, ScoreKey.ADOPTED_LEAD)
        else:
            add(s, ScoreKey.ADOPTED_SHORT)
        if fact.commissioned:
            s.commissioned += 1
            add(s, ScoreKey.COMMISSIONED)
        for level in fact.higher_levels:
            if level in HIGHER_KEYS:
                s.higher += 1
                add(s, HIGHER_KEYS[level])
        s.instructions += fact.instructions
        add(s, ScoreKey.INSTRUCTION, fact.instructions)
    for topic in topics:
        if _in(topic.deadline, start, end):
            for uid in sorted(topic.unit_ids):
                s = of(uid)  # every unit asked appears in the ranking
                if uid not in topic.delivered_in_time:
                    s.commissioned_missed += 1
                    add(s, ScoreKey.COMMISSIONED_MISSED)
    for s in stats.values():
        add(s, ScoreKey.SUBMITTED, s.submitted)
        s.points = sum(s.breakdown.values(), Decimal("0"))
    ranked = sorted(stats.values(), key=lambda s: (-s.points, -s.adopted, s.unit_id))
    previous = None
    for index, s in enumerate(ranked, start=1):
        s.rank = previous.rank if previous is not None and previous.points == s.points else index
        previous = s
    return ranked


def topic_reminder(*, deadline: date, today: date, delivered: bool, remind_before: int, workdays_until) -> str | None:
    """What a unit asked for a commissioned piece should get today: "remind" (the deadline is `remind_before`
    working days away or closer), "overdue" (the deadline has passed: 催办), or None (delivered, or not yet).

    `workdays_until(today, deadline)` counts working days after today up to the deadline (the core calendar).
    """
    if delivered:
        return None
    if today > deadline:
        return "overdue"
    return "remind" if workdays_until(today, deadline) <= remind_before else None
