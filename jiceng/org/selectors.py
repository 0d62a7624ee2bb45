"""Reads of the org app, always limited to what the user may see (`visible_to`)."""

from django.db.models import Count, Q

from .choices import DivisionKind
from .models import Division, Membership, PartyOrganization, Unit
from .permissions import scope_of
from .rules import LEVEL_KINDS


def divisions_visible_to(user, *, include_archived: bool = False):
    qs = Division.objects.filter(scope_of(user).q("path"))
    if not include_archived:
        qs = qs.filter(archived_at__isnull=True)
    return qs


def division_roots_for(user):
    """The top nodes of the user's tree: the divisions of their grants that no other grant covers."""
    scope = scope_of(user)
    if scope.superuser:
        return Division.objects.filter(parent__isnull=True, archived_at__isnull=True)
    return Division.objects.filter(path__in=scope.prefixes(), archived_at__isnull=True)


def subtree(division, *, include_self: bool = True):
    """Everything under a division, in one indexed prefix query."""
    qs = Division.objects.filter(path__startswith=division.path, archived_at__isnull=True)
    if not include_self:
        qs = qs.exclude(pk=division.pk)
    return qs


def children_with_counts(user, division):
    return (
        divisions_visible_to(user)
        .filter(parent=division)
        .annotate(child_count=Count("children", filter=Q(children__archived_at__isnull=True)))
        .order_by("sort_order", "name", "id")
    )


def ancestors(division):
    """The chain from the root to the division's parent (names for breadcrumbs)."""
    from .rules import ancestor_paths

    return list(Division.objects.filter(path__in=ancestor_paths(division.path)).order_by("depth"))


def compounds_visible_to(user):
    return (
        divisions_visible_to(user)
        .filter(kind=DivisionKind.COMPOUND)
        .select_related("parent", "parent__parent")
    )


def level_ancestor(division, level: str):
    """The division's ancestor (or itself) at a level: 'street' (street or town), 'community' (community or village)."""
    kinds = LEVEL_KINDS[level]
    node = division
    while node is not None and node.kind not in kinds:
        node = node.parent
    return node


def units_visible_to(user, *, include_archived: bool = False):
    qs = Unit.objects.filter(scope_of(user).q("division__path")).select_related("division", "parent")
    if not include_archived:
        qs = qs.filter(archived_at__isnull=True)
    return qs


def party_orgs_visible_to(user):
    return (
        PartyOrganization.objects.filter(scope_of(user).q("division__path"), archived_at__isnull=True)
        .select_related("division", "unit", "parent")
    )


def memberships_of_unit(unit):
    return Membership.objects.filter(unit=unit, ended_at__isnull=True).select_related("user").order_by("role", "id")


def unit_users(unit, roles) -> list:
    """The users holding one of `roles` in `unit` now (to notify them)."""
    return [m.user for m in Membership.objects.filter(unit=unit, role__in=roles, ended_at__isnull=True)
            .select_related("user")]


def units_of_user(user):
    return Unit.objects.filter(memberships__user=user, memberships__ended_at__isnull=True).distinct()


def unit_by_name(name: str):
    """A unit by full or short name (for importers); None when unknown or ambiguous."""
    name = (name or "").strip()
    if not name:
        return None
    matches = list(Unit.objects.filter(Q(name=name) | Q(short_name=name), archived_at__isnull=True)[:2])
    return matches[0] if len(matches) == 1 else None
