from django.db import models
from django.utils.translation import gettext_lazy as _


class DivisionKind(models.TextChoices):
    DISTRICT = "district", _("District")
    STREET = "street", _("Street")
    TOWN = "town", _("Town")
    COMMUNITY = "community", _("Community")
    VILLAGE = "village", _("Village")
    COMPOUND = "compound", _("Compound")


class UnitKind(models.TextChoices):
    PARTY_COMMITTEE = "party_committee", _("Party committee")
    PARTY_OFFICE = "party_office", _("Party committee office or department")
    GOVERNMENT = "government", _("People's government")
    DEPARTMENT = "department", _("Government department")
    STREET_OFFICE = "street_office", _("Street office")
    TOWN_GOVERNMENT = "town_government", _("Town government")
    COMMUNITY_COMMITTEE = "community_committee", _("Community or village committee")
    OTHER = "other", _("Other")


class PartyOrgKind(models.TextChoices):
    COMMITTEE = "committee", _("Party committee (党委)")
    GENERAL_BRANCH = "general_branch", _("General party branch (党总支)")
    BRANCH = "branch", _("Party branch (党支部)")


class Role(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    LEADER = "leader", _("Leader")
    SUPERVISOR = "supervisor", _("Supervisor")
    REPORTER = "reporter", _("Reporter")
    EDITOR = "editor", _("Editor")
    COMMUNITY_WORKER = "community_worker", _("Community worker")
    WORK_GROUP = "work_group", _("Work group member")
