"""Scope and permissions in one place: who sees what, who may change what.

A user's scope is resolved once per request from their memberships: a set of
(division path, role) grants. Reading an object needs any grant whose path is
a prefix of the object's path; changing it needs a grant with a role that the
action allows. Leaders read everything in their scope and change nothing.
Every page, API endpoint, export and service asks these functions.
"""

from dataclasses import dataclass

from django.db.models import Q

from . import rules
from .choices import Role

ADMIN_ROLES = frozenset({Role.ADMIN})
ALL_ROLES = frozenset(Role.values)


@dataclass(frozen=True)
class Grant:
    path: str
    role: str
    unit_id: int


@dataclass(frozen=True)
class Scope:
    """What one user may reach: the superuser flag and the (path, role, unit) grants of active memberships."""

    user_id: int | None
    superuser: bool
    grants: tuple[Grant, ...]

    def prefixes(self, roles=None) -> tuple[str, ...]:
        return rules.minimal_prefixes(g.path for g in self.grants if roles is None or g.role in roles)

    def covers(self, path: str, roles=None) -> bool:
        if self.superuser:
            return True
        return any(path.startswith(p) for p in self.prefixes(roles))

    def q(self, field: str, roles=None) -> Q:
        """A filter limiting `field` (a division path) to the scope: one indexed prefix test per covering grant."""
        if self.superuser:
            return Q()
        prefixes = self.prefixes(roles)
        if not prefixes:
            return Q(pk__in=[])
        condition = Q()
        for prefix in prefixes:
            condition |= Q(**{f"{field}__startswith": prefix})
        return condition

    def has_role(self, *roles) -> bool:
        return self.superuser or any(g.role in roles for g in self.grants)

    def roles(self) -> frozenset[str]:
        return frozenset(g.role for g in self.grants)

    def unit_ids(self, roles=None) -> frozenset[int]:
        return frozenset(g.unit_id for g in self.grants if roles is None or g.role in roles)


EMPTY_SCOPE = Scope(user_id=None, superuser=False, grants=())


def scope_of(user) -> Scope:
    """The user's scope, computed with one query and kept on the user object for the rest of the request."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return EMPTY_SCOPE
    cached = getattr(user, "_jiceng_scope", None)
    if cached is not None:
        return cached
    from .models import Membership

    rows = (
        Membership.objects.filter(user=user, ended_at__isnull=True, unit__archived_at__isnull=True)
        .values_list("unit__division__path", "role", "unit_id")
    )
    scope = Scope(user_id=user.pk, superuser=user.is_superuser, grants=tuple(Grant(*row) for row in rows))
    user._jiceng_scope = scope
    return scope


def forget_scope(user) -> None:
    if hasattr(user, "_jiceng_scope"):
        del user._jiceng_scope


def _division_path(obj) -> str:
    if hasattr(obj, "path"):
        return obj.path
    return obj.division.path


def can_view(user, obj) -> bool:
    """Any role in a unit at or above the object's division."""
    return scope_of(user).covers(_division_path(obj))


def can_manage_division(user, division) -> bool:
    """Create children under, edit, move or archive a division: administrators whose scope covers it."""
    return scope_of(user).covers(division.path, ADMIN_ROLES)


def can_manage_unit(user, unit) -> bool:
    return scope_of(user).covers(unit.division.path, ADMIN_ROLES)


def can_manage_party_org(user, party_org) -> bool:
    return scope_of(user).covers(party_org.division.path, ADMIN_ROLES)


def can_manage_memberships(user, unit) -> bool:
    return scope_of(user).covers(unit.division.path, ADMIN_ROLES)


def can_export(user) -> bool:
    return bool(scope_of(user).grants) or scope_of(user).superuser
