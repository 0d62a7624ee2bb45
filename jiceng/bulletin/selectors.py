"""Reads of the bulletin, limited to what the user may see."""

from datetime import date

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from jiceng.org.models import Unit
from jiceng.org.permissions import scope_of

from . import permissions, rules
from .choices import IssueStatus, SubmissionStatus, TopicStatus
from .models import HigherAdoption, Issue, Item, Series, Submission, Topic


def series_visible_to(user):
    scope = scope_of(user)
    if not (scope.superuser or scope.grants):
        return Series.objects.none()
    return Series.objects.filter(archived_at__isnull=True).select_related("office__division")


def edited_series_ids(user) -> list[int]:
    return [s.pk for s in series_visible_to(user) if permissions.is_editor_of(user, s)]


def issues_visible_to(user):
    scope = scope_of(user)
    if not (scope.superuser or scope.grants):
        return Issue.objects.none()
    condition = Q(status=IssueStatus.PUBLISHED) | Q(series_id__in=edited_series_ids(user))
    return (Issue.objects.filter(condition).select_related("series")
            .annotate(item_count=Count("items", filter=Q(items__archived_at__isnull=True))))


def items_of(issue):
    return (Item.objects.filter(issue=issue, archived_at__isnull=True)
            .select_related("source_unit", "submission").order_by("position"))


def submissions_visible_to(user):
    scope = scope_of(user)
    # Drafts stay with the unit that writes them; everything else is visible down the tree.
    condition = scope.q("unit__division__path") & (~Q(status=SubmissionStatus.DRAFT) | Q(
        unit_id__in=list(scope.unit_ids())))
    edited = edited_series_ids(user)
    if edited:
        condition |= Q(series_id__in=edited) & ~Q(status=SubmissionStatus.DRAFT)
    return (Submission.objects.filter(condition)
            .select_related("unit", "series", "author", "topic").prefetch_related(
                Prefetch("items", queryset=Item.objects.filter(archived_at__isnull=True).select_related("issue"))))


def topics_visible_to(user):
    scope = scope_of(user)
    edited = edited_series_ids(user)
    condition = Q(units__in=list(scope.unit_ids())) | Q(series_id__in=edited)
    if scope.superuser:
        condition = Q()
    return Topic.objects.filter(condition).distinct().select_related("series").prefetch_related("units")


def open_topics_for_unit_ids(unit_ids):
    return (Topic.objects.filter(units__in=list(unit_ids), status=TopicStatus.OPEN).distinct()
            .select_related("series").order_by("deadline"))


def returned_for_unit_ids(unit_ids):
    return Submission.objects.filter(unit_id__in=list(unit_ids), status=SubmissionStatus.RETURNED).select_related(
        "series")


def awaiting_review(user):
    edited = edited_series_ids(user)
    return Submission.objects.filter(series_id__in=edited, status=SubmissionStatus.SUBMITTED).select_related(
        "unit", "series")


def statistics(series, *, start: date, end: date, scores: dict | None = None):
    """Per-unit statistics for one series over a period, with the Unit objects attached (`.unit`)."""
    submitted = [
        rules.SubmittedFact(unit_id=u, submitted_on=timezone.localdate(at))
        for u, at in Submission.objects.filter(series=series, submitted_at__isnull=False,
                                               submitted_at__date__gte=start, submitted_at__date__lte=end)
        .values_list("unit_id", "submitted_at")
    ]
    higher = {}
    for item_id, level, instruction in HigherAdoption.objects.filter(item__issue__series=series).values_list(
            "item_id", "level", "instruction"):
        levels, count = higher.get(item_id, ((), 0))
        higher[item_id] = (levels + (level,), count + (1 if instruction else 0))
    printed = []
    rows = (Item.objects.filter(issue__series=series, issue__status=IssueStatus.PUBLISHED, archived_at__isnull=True,
                                source_unit__isnull=False, issue__date__gte=start, issue__date__lte=end)
            .values_list("id", "source_unit_id", "issue__date", "is_lead", "submission_id", "submission__topic_id"))
    for item_id, unit_id, issue_date, is_lead, submission_id, topic_id in rows:
        levels, instructions = higher.get(item_id, ((), 0))
        printed.append(rules.PrintedFact(unit_id=unit_id, issue_date=issue_date, is_lead=is_lead,
                                         commissioned=topic_id is not None, from_submission=submission_id is not None,
                                         higher_levels=levels, instructions=instructions))
    topic_list = list(Topic.objects.filter(series=series, deadline__gte=start, deadline__lte=end)
                      .prefetch_related("units"))
    delivered: dict[int, set[int]] = {t.pk: set() for t in topic_list}
    deadlines = {t.pk: t.deadline for t in topic_list}
    received = Submission.objects.filter(topic__in=topic_list, submitted_at__isnull=False)
    for topic_id, unit_id, at in received.values_list("topic_id", "unit_id", "submitted_at"):
        if timezone.localdate(at) <= deadlines[topic_id]:
            delivered[topic_id].add(unit_id)
    topics = [rules.TopicFact(deadline=t.deadline, unit_ids=frozenset(u.pk for u in t.units.all()),
                              delivered_in_time=frozenset(delivered[t.pk])) for t in topic_list]
    rule_scores = {r.key: r.points for r in series.scoring_rules.all()}
    result = rules.unit_statistics(start=start, end=end, submitted=submitted, printed=printed, topics=topics,
                                   scores={**rule_scores, **(scores or {})})
    units = Unit.objects.in_bulk([s.unit_id for s in result])
    for s in result:
        s.unit = units.get(s.unit_id)
    return result
