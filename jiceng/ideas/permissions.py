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
