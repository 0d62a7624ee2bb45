"""Ledger projects in the one search box, limited by the responsible unit's scope."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from jiceng.core import search

from .models import Project


def _document(project: Project):
    if project.archived_at:
        return None
    return search.SearchDocument(
        title=project.name, body=f"{project.programme.name} {project.unit.name} {project.target} {project.category}",
        url=reverse("ledger:project", args=[project.pk]), scope_path=project.unit.division.path)


search.register(search.SearchProvider(
    model_label="ledger.project", module=str(_("Ledger")),
    get_object=lambda pk: Project.objects.select_related("programme", "unit__division").filter(pk=pk).first(),
    document=_document,
    queryset=lambda: Project.objects.filter(archived_at__isnull=True).only("pk"),
))
