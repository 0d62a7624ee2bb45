"""Every change to divisions, units, party organisations and memberships goes through here.

Each service is keyword-only, checks the actor's permission (actor None means
the system itself: a migration, the demo loader), validates with full_clean,
writes in one transaction and records one audit event.

Raises jiceng.core.errors.PermissionDenied when the actor may not do it,
django.core.exceptions.ValidationError when the data is invalid, and
jiceng.core.errors.DomainError for other refusals.
"""

import uuid

from django.db import transaction
from django.db.models import F, Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from jiceng.core import audit
from jiceng.core.errors import DomainError, PermissionDenied

from . import permissions, rules
from .models import Division, Membership, PartyOrganization, Unit

DIVISION_FIELDS = ["name", "kind", "parent", "code", "unmanaged", "is_demo", "sort_order", "archived_at"]
UNIT_FIELDS = ["name", "short_name", "kind", "division", "parent", "credit_code", "is_demo", "sort_order",
               "archived_at"]
PARTY_ORG_FIELDS = ["name", "kind", "division", "unit", "parent", "is_demo", "archived_at"]


def _require(allowed: bool, actor) -> None:
    if actor is not None and not allowed:
        raise PermissionDenied()


# --- divisions -------------------------------------------------------------------------------------------------

def division_create(*, actor, name: str, kind: str, parent: Division | None = None, code: str = "",
                    unmanaged: bool = False, is_demo: bool = False, sort_order: int = 0) -> Division:
    """Add a division under `parent` (None only for the district at the top, by an administrator of the whole tree)."""
    if parent is not None:
        _require(permissions.can_manage_division(actor, parent), actor)
        if parent.is_archived:
            raise DomainError(_("The parent division is archived."), code="parent_archived")
    else:
        _require(permissions.scope_of(actor).superuser, actor)
    division = Division(name=(name or "").strip(), kind=kind, parent=parent, code=(code or "").strip(),
                        unmanaged=unmanaged, is_demo=is_demo, sort_order=sort_order,
                        path=f"new-{uuid.uuid4().hex}", depth=(parent.depth + 1) if parent else 1)
    division.full_clean()
    with transaction.atomic():
        division.save()
        division.path = rules.child_path(parent.path if parent else "", division.pk)
        division.save(update_fields=["path"])
        audit.record(actor=actor, action="org.division.created", obj=division,
                     after=audit.snapshot(division, DIVISION_FIELDS))
    return division


def division_update(*, actor, division: Division, **changes) -> Division:
    """Change a division's name, code, unmanaged flag or order (not its place: see division_move)."""
    _require(permissions.can_manage_division(actor, division), actor)
    allowed = {"name", "code", "unmanaged", "sort_order"}
    unknown = set(changes) - allowed
    if unknown:
        raise DomainError(_("These fields cannot be changed here: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    before = audit.snapshot(division, DIVISION_FIELDS)
    for field, value in changes.items():
        setattr(division, field, value.strip() if isinstance(value, str) else value)
    division.full_clean()
    after = audit.snapshot(division, DIVISION_FIELDS)
    if before == after:
        return division
    with transaction.atomic():
        division.save()
        audit.record(actor=actor, action="org.division.updated", obj=division, before=before, after=after)
    return division


def division_move(*, actor, division: Division, new_parent: Division) -> Division:
    """Put a division (and everything under it) under another parent, rewriting the subtree's paths in one UPDATE."""
    _require(permissions.can_manage_division(actor, division) and
             permissions.can_manage_division(actor, new_parent), actor)
    if new_parent.path.startswith(division.path):
        raise DomainError(_("A division cannot be moved under itself."), code="move_into_self")
    if not rules.can_nest(new_parent.kind, division.kind):
        raise DomainError(_("A %(child)s cannot be placed under a %(parent)s.") % {
            "child": division.get_kind_display(), "parent": new_parent.get_kind_display()}, code="bad_nesting")
    old_path = division.path
    new_path = rules.child_path(new_parent.path, division.pk)
    depth_change = new_parent.depth + 1 - division.depth
    before = audit.snapshot(division, DIVISION_FIELDS)
    with transaction.atomic():
        Division.objects.filter(path__startswith=old_path).update(
            path=Concat(Value(new_path), Substr("path", len(old_path) + 1)),
            depth=F("depth") + depth_change,
        )
        Division.objects.filter(pk=division.pk).update(parent=new_parent)
        division.refresh_from_db()
        audit.record(actor=actor, action="org.division.moved", obj=division, before=before,
                     after=audit.snapshot(division, DIVISION_FIELDS), payload={"old_path": old_path,
                                                                                  "new_path": new_path})
    return division


def division_archive(*, actor, division: Division) -> Division:
    """Archive a division that has no active children and no active units (nothing is deleted)."""
    _require(permissions.can_manage_division(actor, division), actor)
    if division.is_archived:
        return division
    if division.children.filter(archived_at__isnull=True).exists():
        raise DomainError(_("Archive the divisions under it first."), code="has_children")
    if division.units.filter(archived_at__isnull=True).exists():
        raise DomainError(_("Units still sit at this division; move or archive them first."), code="has_units")
    before = audit.snapshot(division, DIVISION_FIELDS)
    with transaction.atomic():
        division.archived_at = timezone.now()
        division.save(update_fields=["archived_at", "updated_at"])
        audit.record(actor=actor, action="org.division.archived", obj=division, before=before,
                     after=audit.snapshot(division, DIVISION_FIELDS))
    return division


def division_restore(*, actor, division: Division) -> Division:
    _require(permissions.can_manage_division(actor, division), actor)
    if not division.is_archived:
        return division
    if division.parent_id and division.parent.is_archived:
        raise DomainError(_("The parent division is archived."), code="parent_archived")
    before = audit.snapshot(division, DIVISION_FIELDS)
    division.archived_at = None
    division.full_clean()
    with transaction.atomic():
        division.save(update_fields=["archived_at", "updated_at"])
        audit.record(actor=actor, action="org.division.restored", obj=division, before=before,
                     after=audit.snapshot(division, DIVISION_FIELDS))
    return division


# --- units -----------------------------------------------------------------------------------------------------

def unit_create(*, actor, name: str, division: Division, kind: str, short_name: str = "", parent: Unit | None = None,
                credit_code: str = "", is_demo: bool = False, sort_order: int = 0) -> Unit:
    _require(permissions.can_manage_division(actor, division), actor)
    unit = Unit(name=(name or "").strip(), short_name=(short_name or "").strip(), division=division, kind=kind,
                parent=parent, credit_code=_clean_credit_code(credit_code), is_demo=is_demo, sort_order=sort_order)
    unit.full_clean()
    with transaction.atomic():
        unit.save()
        audit.record(actor=actor, action="org.unit.created", obj=unit, after=audit.snapshot(unit, UNIT_FIELDS))
    return unit


def unit_update(*, actor, unit: Unit, **changes) -> Unit:
    _require(permissions.can_manage_unit(actor, unit), actor)
    allowed = {"name", "short_name", "kind", "parent", "credit_code", "sort_order", "division"}
    unknown = set(changes) - allowed
    if unknown:
        raise DomainError(_("These fields cannot be changed here: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    if "division" in changes:
        _require(permissions.can_manage_division(actor, changes["division"]), actor)
    if "credit_code" in changes:
        changes["credit_code"] = _clean_credit_code(changes["credit_code"])
    before = audit.snapshot(unit, UNIT_FIELDS)
    for field, value in changes.items():
        setattr(unit, field, value.strip() if isinstance(value, str) else value)
    unit.full_clean()
    after = audit.snapshot(unit, UNIT_FIELDS)
    if before == after:
        return unit
    with transaction.atomic():
        unit.save()
        audit.record(actor=actor, action="org.unit.updated", obj=unit, before=before, after=after)
    return unit


def unit_archive(*, actor, unit: Unit) -> Unit:
    _require(permissions.can_manage_unit(actor, unit), actor)
    if unit.is_archived:
        return unit
    before = audit.snapshot(unit, UNIT_FIELDS)
    with transaction.atomic():
        unit.archived_at = timezone.now()
        unit.save(update_fields=["archived_at", "updated_at"])
        ended = Membership.objects.filter(unit=unit, ended_at__isnull=True).update(ended_at=unit.archived_at)
        audit.record(actor=actor, action="org.unit.archived", obj=unit, before=before,
                     after=audit.snapshot(unit, UNIT_FIELDS), payload={"memberships_ended": ended})
    return unit


def _clean_credit_code(value: str) -> str:
    """Validate a unified social credit code (统一社会信用代码) with its check character."""
    from django.core.exceptions import ValidationError
    from stdnum.cn import uscc

    value = (value or "").strip().upper()
    if not value:
        return ""
    try:
        return uscc.validate(value)
    except Exception as error:
        raise ValidationError({"credit_code": _("This is not a valid unified social credit code.")}) from error


# --- party organisations ---------------------------------------------------------------------------------------

def party_org_create(*, actor, name: str, division: Division, kind: str, unit: Unit | None = None,
                     parent: PartyOrganization | None = None, is_demo: bool = False) -> PartyOrganization:
    _require(permissions.can_manage_division(actor, division), actor)
    org = PartyOrganization(name=(name or "").strip(), division=division, kind=kind, unit=unit, parent=parent,
                            is_demo=is_demo)
    org.full_clean()
    with transaction.atomic():
        org.save()
        audit.record(actor=actor, action="org.party_org.created", obj=org,
                     after=audit.snapshot(org, PARTY_ORG_FIELDS))
    return org


def party_org_archive(*, actor, party_org: PartyOrganization) -> PartyOrganization:
    _require(permissions.can_manage_party_org(actor, party_org), actor)
    if party_org.archived_at:
        return party_org
    before = audit.snapshot(party_org, PARTY_ORG_FIELDS)
    with transaction.atomic():
        party_org.archived_at = timezone.now()
        party_org.save(update_fields=["archived_at", "updated_at"])
        audit.record(actor=actor, action="org.party_org.archived", obj=party_org, before=before,
                     after=audit.snapshot(party_org, PARTY_ORG_FIELDS))
    return party_org


# --- memberships -----------------------------------------------------------------------------------------------

def membership_grant(*, actor, user, unit: Unit, role: str) -> Membership:
    """Give a user a role in a unit (idempotent: an active identical membership is returned as it is)."""
    _require(permissions.can_manage_memberships(actor, unit), actor)
    existing = Membership.objects.filter(user=user, unit=unit, role=role, ended_at__isnull=True).first()
    if existing:
        return existing
    membership = Membership(user=user, unit=unit, role=role)
    membership.full_clean()
    with transaction.atomic():
        membership.save()
        audit.record(actor=actor, action="org.membership.granted", obj=membership,
                     after={"user": user.pk, "unit": unit.pk, "role": role})
    permissions.forget_scope(user)
    return membership


def membership_end(*, actor, membership: Membership) -> Membership:
    _require(permissions.can_manage_memberships(actor, membership.unit), actor)
    if membership.ended_at:
        return membership
    with transaction.atomic():
        membership.ended_at = timezone.now()
        membership.save(update_fields=["ended_at", "updated_at"])
        audit.record(actor=actor, action="org.membership.ended", obj=membership,
                     before={"ended_at": None}, after={"ended_at": membership.ended_at.isoformat()})
    permissions.forget_scope(membership.user)
    return membership
