"""Every change to the ledger goes through here: programmes, projects, milestones, reports, inspections,
spot-check draws, notices, rectifications and imports.

Keyword-only; permission checked (actor None: the system — the demo, a command); validated; one transaction
with an audit event; battle-map cells recomputed; notifications after commit.
Raises jiceng.core.errors.PermissionDenied, InvalidTransition, DomainError, or Django's ValidationError.
"""

import datetime
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.core import audit
from jiceng.core import notifications as notices
from jiceng.core.errors import DomainError, InvalidTransition, PermissionDenied
from jiceng.core.workdays import add_workdays
from jiceng.org import selectors as org_selectors
from jiceng.org.choices import Role

from . import cells, permissions, rules
from .choices import NoticeStatus, RectificationStatus, ReportStatus
from .models import (
    Inspection,
    Milestone,
    Notice,
    NoticeEntry,
    Programme,
    ProgressReport,
    Project,
    Rectification,
    SpotCheckDraw,
)

PROJECT_FIELDS = ["programme", "name", "unit", "person", "location", "planned_start", "planned_end", "target",
                  "target_quantity", "category", "note", "status"]
REPORT_FIELDS = ["project", "month", "actual", "narrative", "status", "return_reason"]
RECT_FIELDS = ["project", "description", "deadline", "status", "response", "verification"]


def _require(allowed: bool, actor) -> None:
    if actor is not None and not allowed:
        raise PermissionDenied()


def _text(value) -> str:
    return (value or "").replace("\r\n", "\n").strip()


def _fraction(value) -> Decimal | None:
    if value is None:
        return None
    value = Decimal(str(value)).quantize(Decimal("0.0001"))
    if value < 0 or value > 1:
        raise DomainError(_("Progress must lie between 0%% and 100%%."), code="progress_range", field="actual")
    return value


# --- programmes and projects -------------------------------------------------------------------------------------

def programme_create(*, actor, name: str, year: int, owner_unit, leader_in_charge: str = "",
                     description: str = "") -> Programme:
    from jiceng.org.permissions import scope_of

    _require(scope_of(actor).covers(owner_unit.division.path, permissions.SUPERVISOR_ROLES), actor)
    programme = Programme(name=_text(name), year=year, owner_unit=owner_unit, leader_in_charge=_text(leader_in_charge),
                          description=_text(description))
    programme.full_clean()
    with transaction.atomic():
        programme.save()
        audit.record(actor=actor, action="ledger.programme.created", obj=programme,
                     after=audit.snapshot(programme, ["name", "year", "owner_unit", "leader_in_charge"]))
    return programme


def project_create(*, actor, programme: Programme, name: str, unit, planned_start: date, planned_end: date,
                   person: str = "", target: str = "", target_quantity=None, category: str = "", location=None,
                   note: str = "", today: date | None = None) -> Project:
    _require(permissions.can_supervise(actor, programme), actor)
    project = Project(programme=programme, name=_text(name), unit=unit, person=_text(person),
                      planned_start=planned_start, planned_end=planned_end, target=_text(target),
                      target_quantity=target_quantity, category=_text(category), location=location, note=_text(note))
    project.full_clean()
    with transaction.atomic():
        project.save()
        audit.record(actor=actor, action="ledger.project.created", obj=project,
                     after=audit.snapshot(project, PROJECT_FIELDS))
        cells.refresh_project(project, today=today)
    return project


def project_update(*, actor, project: Project, today: date | None = None, **changes) -> Project:
    _require(permissions.can_supervise(actor, project.programme), actor)
    allowed = {"name", "unit", "person", "planned_start", "planned_end", "target", "target_quantity", "category",
               "location", "note"}
    if set(changes) - allowed:
        raise DomainError(_("These fields cannot be changed here: %(fields)s") % {
            "fields": ", ".join(sorted(set(changes) - allowed))})
    before = audit.snapshot(project, PROJECT_FIELDS)
    for field, value in changes.items():
        setattr(project, field, _text(value) if isinstance(value, str) else value)
    project.full_clean()
    after = audit.snapshot(project, PROJECT_FIELDS)
    if before == after:
        return project
    with transaction.atomic():
        project.save()
        audit.record(actor=actor, action="ledger.project.updated", obj=project, before=before, after=after)
        cells.refresh_project(project, today=today)
    return project


def project_transition(*, actor, project: Project, verb: str, reason: str = "") -> Project:
    """close (销号, a completed project), suspend, resume — by a supervisor; start/complete follow the reports."""
    _require(permissions.can_supervise(actor, project.programme), actor)
    if verb not in Project.TRANSITIONS or not project.can(verb):
        raise InvalidTransition()
    before = audit.snapshot(project, ["status"])
    with transaction.atomic():
        project.status = Project.TRANSITIONS[verb][1]
        project.save(update_fields=["status", "updated_at"])
        audit.record(actor=actor, action=f"ledger.project.{verb}", obj=project, before=before,
                     after=audit.snapshot(project, ["status"]), payload={"reason": _text(reason)})
    return project


def milestone_set(*, actor, project: Project, month: date, planned=None, deliverable: str = "",
                  today: date | None = None) -> Milestone:
    _require(permissions.can_supervise(actor, project.programme), actor)
    month = rules.month_floor(month)
    with transaction.atomic():
        milestone, created = Milestone.objects.get_or_create(project=project, month=month)
        before = {"planned": str(milestone.planned) if not created and milestone.planned is not None else None,
                  "deliverable": "" if created else milestone.deliverable}
        milestone.planned = _fraction(planned)
        milestone.deliverable = _text(deliverable)
        milestone.full_clean()
        milestone.save()
        after = {"planned": str(milestone.planned) if milestone.planned is not None else None,
                 "deliverable": milestone.deliverable}
        if created or before != after:
            audit.record(actor=actor, action="ledger.milestone.set", obj=project, before=before, after=after,
                         payload={"month": month.isoformat()})
        cells.refresh_project(project, today=today)
    return milestone


# --- monthly reports ---------------------------------------------------------------------------------------------

def report_submit(*, actor, project: Project, month: date, actual, narrative: str = "", photos=(),
                  today: date | None = None, submitted_at=None) -> ProgressReport:
    """The responsible unit reports cumulative progress for a month (again, if the report was returned).

    Photos are checked by content (core attachments). A later month's report may not show less progress than
    an earlier one (cumulative), which is refused with a clear message.
    """
    from jiceng.core.attachments import attachment_create

    _require(permissions.can_report(actor, project), actor)
    month = rules.month_floor(month)
    today = today or timezone.localdate()
    if month > rules.month_floor(today):
        raise DomainError(_("A report cannot be filed for a month that has not begun."), code="future_month",
                          field="month")
    if not rules.month_floor(project.planned_start) <= month <= rules.month_floor(project.planned_end):
        raise DomainError(_("The month lies outside the project's planned period."), code="month_outside",
                          field="month")
    value = _fraction(actual)
    earlier = project.reports.filter(month__lt=month).order_by("-month").first()
    if earlier is not None and value < earlier.actual:
        raise DomainError(_("Progress is cumulative: %(month)s already reported %(value)s%%.") % {
            "month": f"{earlier.month:%Y-%m}", "value": f"{earlier.actual * 100:.0f}"}, code="progress_decreased",
            field="actual")
    with transaction.atomic():
        report = ProgressReport.objects.select_for_update().filter(project=project, month=month).first()
        before = audit.snapshot(report, REPORT_FIELDS) if report else None
        if report is None:
            report = ProgressReport(project=project, month=month)
        report.actual, report.narrative = value, _text(narrative)
        report.status = ReportStatus.SUBMITTED
        report.return_reason = ""
        report.submitted_at = submitted_at or timezone.now()
        report.submitted_by = actor
        report.full_clean()
        report.save()
        for photo in photos:
            attachment_create(actor=actor, file=photo, owner=report, allowed_kinds=("image",))
        audit.record(actor=actor, action="ledger.report.submitted", obj=project, before=before,
                     after=audit.snapshot(report, REPORT_FIELDS),
                     payload={"month": month.isoformat(), "photos": len(photos)})
        cells.refresh_project(project, today=today)
    return report


def report_return(*, actor, report: ProgressReport, reason: str, today: date | None = None) -> ProgressReport:
    _require(permissions.can_supervise(actor, report.project.programme), actor)
    if not _text(reason):
        raise DomainError(_("Say what should be corrected."), code="reason_required", field="reason")
    if report.status == ReportStatus.RETURNED:
        raise InvalidTransition()
    before = audit.snapshot(report, REPORT_FIELDS)
    with transaction.atomic():
        report.status, report.return_reason = ReportStatus.RETURNED, _text(reason)
        report.save(update_fields=["status", "return_reason", "updated_at"])
        audit.record(actor=actor, action="ledger.report.returned", obj=report.project, before=before,
                     after=audit.snapshot(report, REPORT_FIELDS), payload={"month": report.month.isoformat()})
        notices.notify(
            recipients=org_selectors.unit_users(report.project.unit, [Role.REPORTER]), kind="ledger.report.returned",
            actor=actor, target=report.project, level="reminder", body=report.return_reason,
            title=_("Report returned: %(project)s, %(month)s") % {"project": report.project.name,
                                                                  "month": f"{report.month:%Y-%m}"},
            url=reverse("ledger:project", args=[report.project_id]))
    return report


# --- inspections and spot checks ---------------------------------------------------------------------------------

def inspection_record(*, actor, project: Project, kind: str, date: date, findings: str = "", score=None,
                      photos=(), rectification: str = "", rectify_workdays: int = 10, draw=None) -> Inspection:
    """A spot check or quarterly review; a finding to put right opens a rectification with a deadline."""
    from jiceng.core.attachments import attachment_create

    _require(permissions.can_supervise(actor, project.programme), actor)
    inspection = Inspection(project=project, kind=kind, date=date, inspector=actor, findings=_text(findings),
                            score=score, draw=draw)
    inspection.full_clean()
    with transaction.atomic():
        inspection.save()
        for photo in photos:
            attachment_create(actor=actor, file=photo, owner=inspection, allowed_kinds=("image",))
        audit.record(actor=actor, action="ledger.inspection.recorded", obj=project,
                     payload={"inspection": inspection.pk, "kind": kind, "date": date.isoformat(), "score": score,
                              "findings": inspection.findings})
        if _text(rectification):
            rectification_open(actor=actor, project=project, description=rectification, start=date,
                               workdays=rectify_workdays, inspection=inspection)
    return inspection


def spot_check_draw(*, actor, programme: Programme, month: date, size: int) -> SpotCheckDraw:
    """Draw this month's spot checks with the quarter's published seed: reproducible, every unit within a quarter,
    weighted towards yellow and red projects. Drawing the same month twice returns the first draw."""
    _require(permissions.can_supervise(actor, programme), actor)
    month = rules.month_floor(month)
    existing = SpotCheckDraw.objects.filter(programme=programme, month=month).first()
    if existing:
        return existing
    quarter = (month.month - 1) // 3 + 1
    seed = rules.quarter_seed(month.year, quarter, f"programme-{programme.pk}")
    quarter_start = date(month.year, 3 * quarter - 2, 1)
    drawn_units = set(Project.objects.filter(pk__in=[pid for d in SpotCheckDraw.objects.filter(
        programme=programme, month__gte=quarter_start, month__lt=month) for pid in d.project_ids]).values_list(
        "unit_id", flat=True))
    candidates = [rules.SampleCandidate(id=p.pk, unit_id=p.unit_id, light=p.light or "grey")
                  for p in programme.projects.filter(archived_at__isnull=True).order_by("pk")]
    chosen = rules.draw_sample(projects=candidates, size=size, seed=rules.monthly_seed(seed, month),
                               already_drawn_units_this_quarter=drawn_units)
    with transaction.atomic():
        draw = SpotCheckDraw.objects.create(programme=programme, month=month, seed=seed, size=size,
                                            project_ids=list(chosen))
        audit.record(actor=actor, action="ledger.spot_check.drawn", obj=programme,
                     payload={"month": month.isoformat(), "seed": seed, "projects": list(chosen)})
    return draw


# --- rectifications ------------------------------------------------------------------------------------------------

def rectification_open(*, actor, project: Project, description: str, start: date, workdays: int,
                       inspection=None, notice=None) -> Rectification:
    """An item to put right, due `workdays` working days after `start` (China's holidays and 调休 counted)."""
    _require(permissions.can_supervise(actor, project.programme), actor)
    deadline = add_workdays(start, workdays)
    item = Rectification(project=project, description=_text(description), deadline=deadline, inspection=inspection,
                         notice=notice)
    item.full_clean()
    with transaction.atomic():
        item.save()
        audit.record(actor=actor, action="ledger.rectification.opened", obj=project,
                     payload={"rectification": item.pk, "description": item.description,
                              "deadline": deadline.isoformat(), "workdays": workdays})
        notices.notify(
            recipients=org_selectors.unit_users(project.unit, [Role.REPORTER, Role.LEADER]),
            kind="ledger.rectification.opened", actor=actor, target=project, level="urgent",
            title=_("Rectification due %(deadline)s: %(project)s") % {"deadline": deadline.isoformat(),
                                                                     "project": project.name},
            body=item.description, url=reverse("ledger:project", args=[project.pk]), webhook_owners=[project.unit])
        cells.refresh_project(project)
    return item


def _rect_transition(*, actor, item: Rectification, verb: str, updates: dict, payload=None) -> Rectification:
    if not item.can(verb):
        raise InvalidTransition()
    before = audit.snapshot(item, RECT_FIELDS)
    item.status = Rectification.TRANSITIONS[verb][1]
    for field, value in updates.items():
        setattr(item, field, value)
    item.full_clean()
    item.save()
    audit.record(actor=actor, action=f"ledger.rectification.{verb}", obj=item.project, before=before,
                 after=audit.snapshot(item, RECT_FIELDS), payload={"rectification": item.pk, **(payload or {})})
    cells.refresh_project(item.project)
    return item


def rectification_respond(*, actor, rectification: Rectification, response: str) -> Rectification:
    _require(permissions.can_answer(actor, rectification), actor)
    if not _text(response):
        raise DomainError(_("Say what was done."), code="response_required", field="response")
    with transaction.atomic():
        return _rect_transition(actor=actor, item=rectification, verb="respond",
                                updates={"response": _text(response), "responded_at": timezone.now()})


def rectification_return(*, actor, rectification: Rectification, reason: str) -> Rectification:
    _require(permissions.can_supervise(actor, rectification.project.programme), actor)
    if not _text(reason):
        raise DomainError(_("Say what is still missing."), code="reason_required", field="reason")
    with transaction.atomic():
        item = _rect_transition(actor=actor, item=rectification, verb="return",
                                updates={"verification": _text(reason)})
        notices.notify(
            recipients=org_selectors.unit_users(item.project.unit, [Role.REPORTER]),
            kind="ledger.rectification.returned", actor=actor, target=item.project, level="reminder",
            body=item.verification,
            title=_("Rectification answer returned: %(project)s") % {"project": item.project.name},
            url=reverse("ledger:project", args=[item.project_id]))
        return item


def rectification_close(*, actor, rectification: Rectification, verification: str = "") -> Rectification:
    """The supervisor verifies the answer and closes the item (销号)."""
    _require(permissions.can_supervise(actor, rectification.project.programme), actor)
    with transaction.atomic():
        return _rect_transition(actor=actor, item=rectification, verb="close",
                                updates={"verification": _text(verification), "closed_at": timezone.now()})


def rectifications_escalate(*, today: date, after_workdays: int = 3) -> int:
    """Overdue items not answered `after_workdays` working days past their deadline go to the unit's leaders and
    the programme's supervisors, once. Returns how many were escalated."""
    from jiceng.core.workdays import workdays_between

    count = 0
    overdue = Rectification.objects.filter(status__in=[RectificationStatus.OPEN, RectificationStatus.RETURNED],
                                           deadline__lt=today, escalated_at__isnull=True).select_related(
        "project__unit", "project__programme__owner_unit")
    for item in overdue:
        if workdays_between(item.deadline, today) < after_workdays:
            continue
        with transaction.atomic():
            item.escalated_at = timezone.now()
            item.save(update_fields=["escalated_at", "updated_at"])
            audit.record(actor=None, action="ledger.rectification.escalated", obj=item.project,
                         payload={"rectification": item.pk, "deadline": item.deadline.isoformat()})
            recipients = org_selectors.unit_users(item.project.unit, [Role.LEADER]) + org_selectors.unit_users(
                item.project.programme.owner_unit, [Role.SUPERVISOR])
            notices.notify(recipients=recipients, kind="ledger.rectification.escalated", target=item.project,
                           level="urgent", title=_("Overdue rectification (due %(deadline)s): %(project)s") % {
                           "deadline": item.deadline.isoformat(), "project": item.project.name},
                           body=item.description, url=reverse("ledger:project", args=[item.project_id]))
            cells.refresh_project(item.project, today=today)
        count += 1
    return count


# --- quarterly notices -------------------------------------------------------------------------------------------

def notice_draft(*, actor, programme: Programme, year: int, quarter: int, date: date, doc_number: str = "",
                 rectify_workdays: int = 15, today: date | None = None) -> Notice:
    """Draft the quarter's notice: every project whose light at the quarter's last month is yellow or red, or
    whose forecast says it will miss its target, with the reason. Drafting again replaces the draft's list."""
    _require(permissions.can_supervise(actor, programme), actor)
    if quarter not in (1, 2, 3, 4):
        raise DomainError(_("A quarter is 1, 2, 3 or 4."), code="bad_quarter", field="quarter")
    today = today or timezone.localdate()
    last_month = datetime.date(year, quarter * 3, 1)  # `date` is the notice's date here
    title = _("Notice on the progress of %(programme)s in quarter %(quarter)s of %(year)s") % {
        "programme": programme.name, "quarter": "一二三四"[quarter - 1], "year": year}
    with transaction.atomic():
        notice = Notice.objects.filter(programme=programme, year=year, quarter=quarter).first()
        if notice is not None and notice.status != NoticeStatus.DRAFT:
            raise InvalidTransition(_("This quarter's notice has been issued already."))
        if notice is None:
            notice = Notice(programme=programme, year=year, quarter=quarter)
        notice.title, notice.date, notice.doc_number = title, date, _text(doc_number)
        notice.rectify_workdays = rectify_workdays
        notice.full_clean()
        notice.save()
        NoticeEntry.objects.filter(notice=notice).delete()
        entries = []
        for project in programme.projects.filter(archived_at__isnull=True).select_related("unit").prefetch_related(
                "cells", "reports"):
            cell = next((c for c in project.cells.all() if c.month == last_month), None)
            history = [(r.month, float(r.actual)) for r in project.reports.all() if r.month <= last_month]
            outlook = rules.forecast(history=history, planned_start=project.planned_start,
                                     planned_end=project.planned_end, today=min(today, rules.month_end(last_month)))
            reasons = []
            if cell is not None and cell.light in ("yellow", "red"):
                reasons.append(_("behind plan") if cell.light == "yellow" else _("far behind plan"))
            if outlook.will_miss:
                reasons.append(_("expected to miss the target"))
            if reasons:
                entries.append(NoticeEntry(notice=notice, project=project, reason="、".join(reasons),
                                           light=cell.light if cell else "grey",
                                           actual=cell.actual if cell else None,
                                           planned=cell.planned if cell else None))
        NoticeEntry.objects.bulk_create(entries)
        audit.record(actor=actor, action="ledger.notice.drafted", obj=notice,
                     payload={"projects": [e.project_id for e in entries]})
    return notice


def notice_issue(*, actor, notice: Notice) -> Notice:
    """Issue the notice: each named project gets a rectification due in the notice's working days; units told."""
    _require(permissions.can_supervise(actor, notice.programme), actor)
    if notice.status != NoticeStatus.DRAFT:
        raise InvalidTransition(_("This quarter's notice has been issued already."))
    with transaction.atomic():
        notice.status, notice.issued_at = NoticeStatus.ISSUED, timezone.now()
        notice.save(update_fields=["status", "issued_at", "updated_at"])
        audit.record(actor=actor, action="ledger.notice.issued", obj=notice,
                     payload={"projects": list(notice.entries.values_list("project_id", flat=True))})
        for entry in notice.entries.select_related("project__unit", "project__programme__owner_unit__division"):
            rectification_open(actor=actor, project=entry.project, start=notice.date, workdays=notice.rectify_workdays,
                               notice=notice, description=_("Named in %(notice)s (%(reason)s): put it right.") % {
                                   "notice": notice.title, "reason": entry.reason})
    return notice
