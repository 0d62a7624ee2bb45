"""From a read ledger (importer.read_ledger) to projects, milestones and monthly reports — idempotently.

Nothing is written unless the file has no error, or the user chose to skip the bad rows; importing the same
file twice changes nothing (the second run counts every project as unchanged).
"""

import calendar
import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from jiceng.core import audit
from jiceng.core.errors import PermissionDenied
from jiceng.org import selectors as org_selectors
from jiceng.org.models import Unit

from . import cells, permissions
from .importer import read_ledger
from .models import Milestone, ProgressReport, Project

QUANT = Decimal("0.0001")


@dataclass
class ImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_rows: list[dict] = field(default_factory=list)
    errors: list[dict] = field(default_factory=list)
    projects: list[dict] = field(default_factory=list)
    written: bool = False

    def as_json(self, *, with_projects: bool = False) -> dict:
        data = {"created": self.created, "updated": self.updated, "unchanged": self.unchanged,
                "skipped_rows": self.skipped_rows, "errors": self.errors}
        if with_projects:
            data["projects"] = self.projects
        return data


def unit_resolver(name: str) -> str | None:
    unit = org_selectors.unit_by_name(name)
    return unit.name if unit else None


def _date(text: str | None, *, end: bool, year: int) -> dt.date:
    if not text:
        return dt.date(year, 12, 31) if end else dt.date(year, 1, 1)
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return dt.date(*parts)
    y, m = parts
    return dt.date(y, m, calendar.monthrange(y, m)[1] if end else 1)


def _month(text: str) -> dt.date:
    y, m = (int(p) for p in text.split("-")[:2])
    return dt.date(y, m, 1)


def _q(value) -> Decimal | None:
    return Decimal(str(value)).quantize(QUANT) if value is not None else None


def _imported_at(month: dt.date) -> dt.datetime:
    """An imported report counts as filed on time: noon of the month's last day."""
    last = dt.date(month.year, month.month, calendar.monthrange(month.year, month.month)[1])
    return timezone.make_aware(dt.datetime(last.year, last.month, min(last.day, 25), 12, 0))


def ledger_import(*, actor, programme, data: bytes, dry_run: bool = False, skip_bad_rows: bool = False,
                  today: dt.date | None = None) -> ImportResult:
    """Read an XLSX ledger and bring it into a programme. Raises LedgerFileError for a hostile or broken file,
    PermissionDenied when the actor may not manage the programme."""
    if actor is not None and not permissions.can_supervise(actor, programme):
        raise PermissionDenied()
    read = read_ledger(data, unit_resolver=unit_resolver, today=today or dt.date(programme.year, 12, 31))
    result = ImportResult(errors=[e.as_json() for e in read.errors],
                          skipped_rows=[s.as_json() for s in read.skipped_rows],
                          projects=[p.as_json() for p in read.projects])
    if read.errors and skip_bad_rows:
        bad_rows = sorted({e.row for e in read.errors})
        messages = {}
        for error in read.errors:
            messages.setdefault(error.row, []).append(f"{error.column}: {error.message}")
        result.skipped_rows += [{"row": row, "why": "；".join(messages[row])} for row in bad_rows]
        result.skipped_rows.sort(key=lambda s: s["row"])
        result.errors = []
    if result.errors:
        return result
    units = {u.name: u for u in Unit.objects.filter(name__in={p.unit for p in read.projects})}
    existing = {p.name: p for p in Project.objects.filter(programme=programme, archived_at__isnull=True)}
    with transaction.atomic():
        for row in read.projects:
            outcome = _apply(actor=actor, programme=programme, row=row, unit=units[row.unit],
                             project=existing.get(row.name), today=today)
            setattr(result, outcome, getattr(result, outcome) + 1)
        if dry_run:
            transaction.set_rollback(True)
        else:
            audit.record(actor=actor, action="ledger.import.done", obj=programme,
                         payload={"created": result.created, "updated": result.updated,
                                  "unchanged": result.unchanged, "skipped_rows": len(result.skipped_rows)})
            result.written = True
    return result


def _apply(*, actor, programme, row, unit, project, today) -> str:
    fields = {
        "unit": unit, "person": row.person, "target": row.target,
        "target_quantity": row.target_quantity.quantize(Decimal("0.01")) if row.target_quantity is not None else None,
        "category": row.category, "note": row.note[:300],
        "planned_start": _date(row.planned_start, end=False, year=programme.year),
        "planned_end": _date(row.planned_end, end=True, year=programme.year),
    }
    plans = {_month(m): _q(v.get("plan")) for m, v in row.monthly.items() if v.get("plan") is not None}
    actuals = {_month(m): _q(v.get("actual")) for m, v in row.monthly.items() if v.get("actual") is not None}
    if project is None:
        project = Project(programme=programme, name=row.name, **fields)
        project.full_clean()
        project.save()
        outcome = "created"
        audit.record(actor=actor, action="ledger.project.imported", obj=project,
                     after=audit.snapshot(project), payload={"row": row.row})
    else:
        before = audit.snapshot(project)
        for key, value in fields.items():
            setattr(project, key, value)
        project.full_clean()
        changed = audit.snapshot(project) != before
        if changed:
            project.save()
            audit.record(actor=actor, action="ledger.project.updated", obj=project, before=before,
                         after=audit.snapshot(project), payload={"row": row.row, "import": True})
        outcome = "updated" if changed else "unchanged"
    old_plans = {m.month: m.planned for m in Milestone.objects.filter(project=project)}
    old_actuals = {r.month: r.actual for r in ProgressReport.objects.filter(project=project)}
    monthly_changed = False
    for month, value in plans.items():
        if old_plans.get(month) != value:
            Milestone.objects.update_or_create(project=project, month=month, defaults={"planned": value})
            monthly_changed = True
    for month, value in actuals.items():
        if old_actuals.get(month) != value:
            ProgressReport.objects.update_or_create(project=project, month=month, defaults={
                "actual": value, "submitted_at": _imported_at(month), "imported": True, "submitted_by": actor})
            monthly_changed = True
    if monthly_changed:
        audit.record(actor=actor, action="ledger.project.months_imported", obj=project,
                     payload={"plan": {f"{m:%Y-%m}": str(v) for m, v in plans.items()},
                              "actual": {f"{m:%Y-%m}": str(v) for m, v in actuals.items()}})
        if outcome == "unchanged":
            outcome = "updated"
    if outcome != "unchanged":
        cells.refresh_project(project, today=today)
    return outcome
