"""Who may do what with suggestion campaigns, on top of the org scope.

- staff of the owner unit (and units above it) and the campaign's work-group members enter, sort and merge
  suggestions and evaluate ideas;
- administrators and supervisors covering the owner unit decide (adopt / defer / decline);
- residents use only the public pages (no account) and never see personal data;
- leaders read and change nothing.
"""

from jiceng.org.choices import Role
from jiceng.org.permissions import scope_of

STAFF_ROLES = frozenset({Role.ADMIN, Role.SUPERVISOR, Role.REPORTER, Role.COMMUNITY_WORKER, Role.WORK_GROUP})
DECIDER_ROLES = frozenset({Role.ADMIN, Role.SUPERVISOR})


def _path(campaign) -> str:
    return campaign.owner_unit.division.path


def can_view(user, campaign) -> bool:
    return scope_of(user).covers(_path(campaign)) or campaign.work_groups.filter(members=user).exists()


def can_work(user, campaign) -> bool:
    if scope_of(user).covers(_path(campaign), STAFF_ROLES):
        return True
    return getattr(user, "is_authenticated", False) and campaign.work_groups.filter(members=user).exists()


def can_decide(user, campaign) -> bool:
    return scope_of(user).covers(_path(campaign), DECIDER_ROLES)


def can_manage(user, unit) -> bool:
    return scope_of(user).covers(unit.division.path, DECIDER_ROLES)


def can_start_campaigns(user) -> bool:
    """Whether the user runs any unit's campaigns (the units are ``selectors.units_managed_by``)."""
    return scope_of(user).has_role(*DECIDER_ROLES)


def units_held(user) -> frozenset[int]:
    """The units in which the user holds an administrator's or supervisor's role themselves."""
    return scope_of(user).unit_ids(DECIDER_ROLES)
