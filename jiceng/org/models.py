from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from jiceng.core.models import TimeStampedModel

from . import rules
from .choices import DivisionKind, PartyOrgKind, Role, UnitKind


class Division(TimeStampedModel):
    """A node of the administrative tree: district → street/town → community/village → compound.

    `path` is a materialised path ("00000001/00000007/") so "everything under X"
    is one indexed prefix query. Written only by org.services; archived, never deleted.
    """

    name = models.CharField(_("name"), max_length=100)
    kind = models.CharField(_("kind"), max_length=20, choices=DivisionKind.choices)
    parent = models.ForeignKey("self", verbose_name=_("parent"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="children")
    path = models.CharField(max_length=255, unique=True, editable=False)
    depth = models.PositiveSmallIntegerField(default=1, editable=False)
    code = models.CharField(_("division code"), max_length=12, blank=True,
                            help_text=_("Statistical division code: 6, 9 or 12 digits."))
    unmanaged = models.BooleanField(_("unmanaged compound"), default=False,
                                    help_text=_("No property company and no owning employer (无主管楼院)."))
    is_demo = models.BooleanField(_("demo data"), default=False)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    class Meta:
        ordering = ["path"]
        verbose_name = _("division")
        verbose_name_plural = _("divisions")
        indexes = [
            models.Index(fields=["path"], name="org_division_path_idx", opclasses=["varchar_pattern_ops"]),
            models.Index(fields=["kind", "unmanaged"], name="org_division_kind_idx"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], condition=Q(archived_at__isnull=True),
                                    name="org_division_unique_name_in_parent"),
            models.CheckConstraint(condition=Q(unmanaged=False) | Q(kind=DivisionKind.COMPOUND),
                                   name="org_division_unmanaged_only_compound"),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        parent_kind = self.parent.kind if self.parent_id else None
        if not rules.can_nest(parent_kind, self.kind):
            raise ValidationError({"kind": _("A %(child)s cannot be placed under a %(parent)s.") % {
                "child": self.get_kind_display(),
                "parent": self.parent.get_kind_display() if self.parent_id else _("the top of the tree"),
            }})
        if self.code and not rules.is_valid_code(self.code):
            raise ValidationError({"code": _("A division code has 6, 9 or 12 digits.")})
        if self.unmanaged and self.kind != DivisionKind.COMPOUND:
            raise ValidationError({"unmanaged": _("Only a compound can be marked unmanaged.")})

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None

    @property
    def full_code(self) -> str:
        return rules.full_code(self.code)


class Unit(TimeStampedModel):
    """A body that owns work (an office, a street office, a community committee), sitting at a division."""

    name = models.CharField(_("full name"), max_length=150)
    short_name = models.CharField(_("short name"), max_length=50, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=UnitKind.choices, default=UnitKind.OTHER)
    division = models.ForeignKey(Division, verbose_name=_("division"), on_delete=models.PROTECT, related_name="units")
    parent = models.ForeignKey("self", verbose_name=_("higher unit"), null=True, blank=True, on_delete=models.PROTECT,
                               related_name="subunits")
    credit_code = models.CharField(_("unified social credit code"), max_length=18, blank=True)
    is_demo = models.BooleanField(_("demo data"), default=False)
    sort_order = models.PositiveIntegerField(_("order"), default=0)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    class Meta:
        ordering = ["division__path", "sort_order", "name"]
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        constraints = [
            models.UniqueConstraint(fields=["name"], condition=Q(archived_at__isnull=True),
                                    name="org_unit_unique_active_name"),
        ]

    def __str__(self):
        return self.short_name or self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class PartyOrganization(TimeStampedModel):
    """A party committee, general branch or branch; belongs to a unit (机关党支部) or a compound (楼院党支部)."""

    name = models.CharField(_("name"), max_length=150)
    kind = models.CharField(_("kind"), max_length=20, choices=PartyOrgKind.choices, default=PartyOrgKind.BRANCH)
    division = models.ForeignKey(Division, verbose_name=_("division"), on_delete=models.PROTECT,
                                 related_name="party_organizations")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="party_organizations")
    parent = models.ForeignKey("self", verbose_name=_("higher organisation"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="children")
    is_demo = models.BooleanField(_("demo data"), default=False)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    class Meta:
        ordering = ["division__path", "name"]
        verbose_name = _("party organisation")
        verbose_name_plural = _("party organisations")
        constraints = [
            models.UniqueConstraint(fields=["division", "name"], condition=Q(archived_at__isnull=True),
                                    name="org_partyorg_unique_name_in_division"),
        ]

    def __str__(self):
        return self.name


class Membership(TimeStampedModel):
    """A user's role in a unit. Ending a membership keeps the row (ended_at)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.PROTECT,
                             related_name="memberships")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(_("role"), max_length=30, choices=Role.choices)
    ended_at = models.DateTimeField(_("ended at"), null=True, blank=True)

    class Meta:
        ordering = ["unit__name", "role"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "unit", "role"], condition=Q(ended_at__isnull=True),
                                    name="org_membership_unique_active"),
        ]

    def __str__(self):
        return f"{self.user} · {self.unit} · {self.get_role_display()}"
