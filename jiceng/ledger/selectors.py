"""Reads of the ledger, limited to what the user may see."""

from django.db.models import Count, Prefetch, Q

from jiceng.org.models import Unit
from jiceng.org.permissions import scope_of

from .choices import RectificationStatus
from .models import Inspection, Notice, Programme, ProgressReport, Project, ProjectMonth, Rectification


def _project_scope(user, prefix: str = ""):
    """Projects of units in scope, or of programmes owned by a unit in scope: two indexed id tests against one
    small subquery on units (rather than prefix tests across joins, which PostgreSQL cannot index)."""
    scope = scope_of(user)
    if scope.superuser:
        return Q()
    units = Unit.objects.filter(scope.q("division__path")).values("pk")
    return Q(**{f"{prefix}unit_id__in": units}) | Q(**{f"{prefix}programme__owner_unit_id__in": units})


def programmes_visible_to(user):
    scope = scope_of(user)
    return (Programme.objects.filter(archived_at__isnull=True)
            .filter(scope.q("owner_unit__division__path") | Q(pk__in=Project.objects.filter(
                scope.q("unit__division__path")).values("programme_id")))
            .select_related("owner_unit__division"))


def projects_visible_to(user):
    return (Project.objects.filter(_project_scope(user), archived_at__isnull=True)
            .select_related("unit", "programme", "location"))


def battle_map(user, *, programme, months, unit_id=None, light=None, q=""):
    """Projects of a programme with their cells for the given months (one query each for projects and cells)."""
    projects = projects_visible_to(user).filter(programme=programme)
    if unit_id:
        projects = projects.filter(unit_id=unit_id)
    if light:
        projects = projects.filter(light=light)
    if q:
        projects = projects.filter(Q(name__icontains=q) | Q(unit__name__icontains=q) | Q(unit__short_name__icontains=q))
    return projects.order_by("unit__sort_order", "unit__name", "name").prefetch_related(
        Prefetch("cells", queryset=ProjectMonth.objects.filter(month__in=months).order_by("month")))


def reports_of(project):
    return ProgressReport.objects.filter(project=project).select_related("submitted_by").order_by("-month")


def inspections_of(project):
    return Inspection.objects.filter(project=project).select_related("inspector").order_by("-date")


def rectifications_visible_to(user):
    return (Rectification.objects.filter(_project_scope(user, "project__"))
            .select_related("project__unit", "project__programme", "notice", "inspection"))


def open_rectifications_for_units(unit_ids):
    return (Rectification.objects.filter(project__unit_id__in=list(unit_ids),
                                         status__in=[RectificationStatus.OPEN, RectificationStatus.RETURNED])
            .select_related("project"))


def notices_visible_to(user):
    return (Notice.objects.filter(programme__in=programmes_visible_to(user).values("pk"))
            .select_related("programme").annotate(project_count=Count("entries")))
