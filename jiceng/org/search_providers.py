"""Divisions and units in the one search box, limited by scope."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from jiceng.core import search

from .models import Division, Unit
from .permissions import scope_of


def _division_document(d: Division):
    if d.is_archived:
        return None
    parts = [d.get_kind_display(), d.code, _("unmanaged compound") if d.unmanaged else ""]
    if d.parent_id:
        parts.append(d.parent.name)
    return search.SearchDocument(title=d.name, body=" ".join(str(p) for p in parts if p),
                                 url=reverse("org:division", args=[d.pk]), scope_path=d.path)


def _unit_document(u: Unit):
    if u.is_archived:
        return None
    return search.SearchDocument(title=u.name, body=f"{u.short_name} {u.get_kind_display()} {u.division.name}",
                                 url=reverse("org:unit", args=[u.pk]), scope_path=u.division.path)


search.set_scope_filter(lambda user, field: scope_of(user).q(field),
                        lambda user: bool(scope_of(user).grants) or scope_of(user).superuser)
search.register(search.SearchProvider(
    model_label="org.division", module=str(_("Organisation")),
    get_object=lambda pk: Division.objects.select_related("parent").filter(pk=pk).first(),
    document=_division_document,
    queryset=lambda: Division.objects.filter(archived_at__isnull=True).only("pk"),
))
search.register(search.SearchProvider(
    model_label="org.unit", module=str(_("Organisation")),
    get_object=lambda pk: Unit.objects.select_related("division").filter(pk=pk).first(),
    document=_unit_document,
    queryset=lambda: Unit.objects.filter(archived_at__isnull=True).only("pk"),
))
