"""Who may do what in the bulletin, on top of the org scope.

- a unit's reporters (and its admins and editors) write and submit that unit's submissions;
- editors whose scope covers the series' office review submissions, compile and publish issues;
- every staff user reads published issues; drafts of issues and of submissions stay with their owners;
- leaders read and change nothing.
"""

from jiceng.org.choices import Role
from jiceng.org.permissions import scope_of

WRITER_ROLES = frozenset({Role.REPORTER, Role.EDITOR, Role.ADMIN, Role.SUPERVISOR})
EDITOR_ROLES = frozenset({Role.EDITOR})
SERIES_ROLES = frozenset({Role.EDITOR, Role.ADMIN})


def _series_path(series) -> str | None:
    return series.office.division.path if series.office_id else None


def is_editor_of(user, series) -> bool:
    """Editors whose scope covers the series' office; for a series without office, district-level editors."""
    scope = scope_of(user)
    path = _series_path(series)
    if path is None:
        return scope.superuser or any(g.role in EDITOR_ROLES and g.path.count("/") == 1 for g in scope.grants)
    return scope.covers(path, EDITOR_ROLES)


def can_manage_series(user, series=None) -> bool:
    scope = scope_of(user)
    if series is None or not series.office_id:
        return scope.superuser or any(g.role in SERIES_ROLES and g.path.count("/") == 1 for g in scope.grants)
    return scope.covers(_series_path(series), SERIES_ROLES)


def can_write_for(user, unit) -> bool:
    """Write and submit for this unit: a writer role in that very unit (not merely above it)."""
    scope = scope_of(user)
    return scope.superuser or unit.pk in scope.unit_ids(WRITER_ROLES)


def can_view_submission(user, submission) -> bool:
    scope = scope_of(user)
    if submission.status == "draft":
        return scope.superuser or submission.unit_id in scope.unit_ids()
    return scope.covers(submission.unit.division.path) or is_editor_of(user, submission.series)


def can_edit_own_submission(user, submission) -> bool:
    return submission.status in ("draft", "returned") and can_write_for(user, submission.unit)


def can_review(user, submission) -> bool:
    return is_editor_of(user, submission.series)


def can_compile(user, issue_or_series) -> bool:
    series = getattr(issue_or_series, "series", issue_or_series)
    return is_editor_of(user, series)


def can_view_issue(user, issue) -> bool:
    scope = scope_of(user)
    if issue.status == "published":
        return scope.superuser or bool(scope.grants)
    return is_editor_of(user, issue.series)
