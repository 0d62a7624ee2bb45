""""My tasks" from the ledger: this month's reports, returned reports and rectifications to answer."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from jiceng.core.tasks_registry import TaskItem
from jiceng.org.permissions import scope_of

from . import permissions, rules, selectors
from .models import ProgressReport, Project


def tasks_for(user) -> list[TaskItem]:
    unit_ids = scope_of(user).unit_ids(permissions.REPORTER_ROLES)
    if not unit_ids:
        return []
    today = timezone.localdate()
    month = rules.month_floor(today)
    items = []
    pending = Project.objects.filter(unit_id__in=unit_ids, archived_at__isnull=True, planned_start__lte=today,
                                     planned_end__gte=month).exclude(reports__month=month).count()
    if pending:
        items.append(TaskItem(title=_("%(count)d projects to report for this month") % {"count": pending},
                              url=reverse("ledger:inbox"), module="ledger"))
    for report in ProgressReport.objects.filter(project__unit_id__in=unit_ids, status="returned").select_related(
            "project")[:10]:
        items.append(TaskItem(title=_("Correct the report: %(project)s") % {"project": report.project.name},
                              url=reverse("ledger:project", args=[report.project_id]), module="ledger"))
    for item in selectors.open_rectifications_for_units(unit_ids)[:20]:
        items.append(TaskItem(title=_("Put right: %(project)s") % {"project": item.project.name},
                              url=reverse("ledger:project", args=[item.project_id]), module="ledger",
                              due=item.deadline, overdue=item.deadline < today))
    return items
