"""Recomputing a project's battle-map cells and its current light from its milestones, reports and
rectifications, through the pure rules. Called by the services after every change and by `ledger_refresh`."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.utils import timezone

from . import rules
from .choices import ProjectStatus, RectificationStatus
from .models import Project, ProjectMonth

DEFAULTS = {"yellow_gap": 0.10, "red_gap": 0.30, "not_started_red_months": 3, "window_close_day": 25,
            "due_in_next_month": False}


def ledger_settings() -> dict:
    return {**DEFAULTS, **getattr(settings, "JICENG_LEDGER", {})}


def thresholds() -> rules.LightThresholds:
    conf = ledger_settings()
    return rules.LightThresholds(yellow_gap=conf["yellow_gap"], red_gap=conf["red_gap"],
                                 not_started_red_months=conf["not_started_red_months"])


def _fraction(value) -> float | None:
    return float(value) if value is not None else None


def month_list(start: date, end: date) -> list[date]:
    """The first days of every month from `start`'s month to `end`'s month, both included."""
    return [rules.add_months(start, i) for i in range(rules.months_between(start, end) + 1)]


def project_months(project: Project) -> list[date]:
    return month_list(project.planned_start, project.planned_end)


def refresh_project(project: Project, *, today: date | None = None) -> Project:
    """Rewrite the project's cells for every month of its plan, and its current light and latest progress."""
    today = today or timezone.localdate()
    conf = ledger_settings()
    limits = thresholds()
    plans = {m.month: _fraction(m.planned) for m in project.milestones.all()}
    reports = {r.month: r for r in project.reports.all()}
    rectifications = list(project.rectifications.exclude(status=RectificationStatus.CLOSED).values_list(
        "deadline", flat=True))
    cells, latest, current = [], None, None
    for month in project_months(project):
        report = reports.get(month)
        status = rules.report_status(month=month, submitted_at=report.submitted_at if report else None, today=today,
                                     window_close_day=conf["window_close_day"],
                                     due_in_next_month=conf["due_in_next_month"])
        actual = _fraction(report.actual) if report else None
        if actual is not None:
            latest = actual
        if month > rules.month_floor(today):  # the future is not coloured
            cells.append(ProjectMonth(project=project, month=month, planned=plans.get(month), actual=None,
                                      report_status=status, light="grey", reasons=["not_due"]))
            continue
        month_end = rules.month_end(month)
        overdue = sum(1 for deadline in rectifications if deadline < min(today, month_end))
        light = rules.traffic_light(month=month, plan=plans.get(month), actual=latest if actual is None else actual,
                                    planned_start=project.planned_start, planned_end=project.planned_end,
                                    report_status=status, overdue_rectifications=overdue, thresholds=limits)
        cells.append(ProjectMonth(project=project, month=month, planned=plans.get(month), actual=actual,
                                  report_status=status, light=light.colour, reasons=list(light.reasons)))
        if month <= rules.month_floor(today):
            current = light.colour
    ProjectMonth.objects.filter(project=project).delete()
    ProjectMonth.objects.bulk_create(cells)
    project.light = current or "grey"
    project.latest_actual = Decimal(str(round(latest, 4))) if latest is not None else None
    if project.status == ProjectStatus.NOT_STARTED and latest:
        project.status = ProjectStatus.IN_PROGRESS
    if project.status in (ProjectStatus.NOT_STARTED, ProjectStatus.IN_PROGRESS) and latest is not None and latest >= 1:
        project.status = ProjectStatus.COMPLETED
    Project.objects.filter(pk=project.pk).update(light=project.light, latest_actual=project.latest_actual,
                                                 status=project.status)
    return project
