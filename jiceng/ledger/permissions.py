"""Who may do what in the ledger, on top of the org scope.

- the responsible unit's reporters (and admins) file monthly reports and answer rectifications;
- supervisors (and admins) whose scope covers the programme's owner unit manage projects, import ledgers,
  run spot checks and reviews, issue notices, return reports and verify rectifications;
- everybody reads what lies in their scope; leaders read and change nothing.
"""

from jiceng.org.choices import Role
from jiceng.org.permissions import scope_of

REPORTER_ROLES = frozenset({Role.REPORTER, Role.ADMIN})
SUPERVISOR_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


def can_view_project(user, project) -> bool:
    scope = scope_of(user)
    return scope.covers(project.unit.division.path) or scope.covers(project.programme.owner_unit.division.path)


def can_supervise(user, programme) -> bool:
    return scope_of(user).covers(programme.owner_unit.division.path, SUPERVISOR_ROLES)


def can_report(user, project) -> bool:
    scope = scope_of(user)
    return scope.superuser or project.unit_id in scope.unit_ids(REPORTER_ROLES)


def can_answer(user, rectification) -> bool:
    return can_report(user, rectification.project)
