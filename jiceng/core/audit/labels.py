"""What the history tab says of an audit event, in words staff read: the action, the field names and the values.

The events keep their codes ("ideas.campaign.closed", {"status": ["open", "closed"]}); this module only turns them
into labels for the screen. An action without a label shows its code, a field its model's verbose name, a value of
a field with choices its label.
"""

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

ACTION_LABELS = {
    "accounts.api_token.issued": gettext_lazy("API token issued"),
    "accounts.api_token.revoked": gettext_lazy("API token revoked"),
    "accounts.user.created": gettext_lazy("Account created"),
    "accounts.user.deactivated": gettext_lazy("Account deactivated"),
    "accounts.user.locked": gettext_lazy("Account locked after failed sign-ins"),
    "accounts.user.logged_in": gettext_lazy("Signed in"),
    "accounts.user.password_changed": gettext_lazy("Password changed"),
    "bulletin.issue.created": gettext_lazy("Issue created"),
    "bulletin.issue.imported": gettext_lazy("Issue imported"),
    "bulletin.issue.published": gettext_lazy("Issue published"),
    "bulletin.item.added": gettext_lazy("Item added to the issue"),
    "bulletin.item.higher_adoption": gettext_lazy("Adoption by a higher office recorded"),
    "bulletin.item.imported": gettext_lazy("Item imported"),
    "bulletin.item.moved": gettext_lazy("Item moved"),
    "bulletin.item.published": gettext_lazy("Item published"),
    "bulletin.item.taken_out": gettext_lazy("Item taken out of the issue"),
    "bulletin.item.updated": gettext_lazy("Item changed"),
    "bulletin.scoring_rule.set": gettext_lazy("Scoring rule set"),
    "bulletin.series.created": gettext_lazy("Bulletin series created"),
    "bulletin.submission.adopted": gettext_lazy("Submission adopted"),
    "bulletin.submission.archived": gettext_lazy("Submission kept on file"),
    "bulletin.submission.created": gettext_lazy("Submission drafted"),
    "bulletin.submission.edited": gettext_lazy("Editor's version saved"),
    "bulletin.submission.returned": gettext_lazy("Submission returned for changes"),
    "bulletin.submission.submitted": gettext_lazy("Submission submitted"),
    "bulletin.submission.unadopted": gettext_lazy("Adoption withdrawn"),
    "bulletin.submission.updated": gettext_lazy("Submission changed"),
    "bulletin.topic.closed": gettext_lazy("Commission closed"),
    "bulletin.topic.created": gettext_lazy("Commission created"),
    "core.attachment.added": gettext_lazy("Attachment added"),
    "core.attachment.archived": gettext_lazy("Attachment archived"),
    "core.calendar.year_set": gettext_lazy("Working-day calendar set"),
    "core.notification.sent": gettext_lazy("Notification sent"),
    "ideas.campaign.closed": gettext_lazy("Campaign closed"),
    "ideas.campaign.created": gettext_lazy("Campaign started"),
    "ideas.campaign.open": gettext_lazy("Campaign opened for suggestions"),
    "ideas.campaign.updated": gettext_lazy("Campaign changed"),
    "ideas.idea.adopted": gettext_lazy("Idea adopted"),
    "ideas.idea.created": gettext_lazy("Idea created"),
    "ideas.idea.declined": gettext_lazy("Idea declined"),
    "ideas.idea.deferred": gettext_lazy("Idea deferred"),
    "ideas.idea.evaluated": gettext_lazy("Idea scored"),
    "ideas.suggestion.categorised": gettext_lazy("Category confirmed"),
    "ideas.suggestion.corrected": gettext_lazy("Suggestion corrected"),
    "ideas.suggestion.merged": gettext_lazy("Merged into an idea"),
    "ideas.suggestion.received": gettext_lazy("Suggestion received"),
    "ideas.suggestion.unmerged": gettext_lazy("Taken out of the idea"),
    "ideas.work_group.created": gettext_lazy("Work group added"),
    "ideas.work_group.updated": gettext_lazy("Work group changed"),
    "ledger.import.done": gettext_lazy("Ledger imported"),
    "ledger.inspection.recorded": gettext_lazy("Inspection recorded"),
    "ledger.milestone.set": gettext_lazy("Monthly milestone set"),
    "ledger.notice.drafted": gettext_lazy("Notice drafted"),
    "ledger.notice.issued": gettext_lazy("Notice issued"),
    "ledger.programme.created": gettext_lazy("Programme created"),
    "ledger.project.close": gettext_lazy("Project closed off (销号)"),
    "ledger.project.complete": gettext_lazy("Project completed"),
    "ledger.project.created": gettext_lazy("Project created"),
    "ledger.project.imported": gettext_lazy("Project imported"),
    "ledger.project.months_imported": gettext_lazy("Monthly plan imported"),
    "ledger.project.resume": gettext_lazy("Project resumed"),
    "ledger.project.start": gettext_lazy("Project started"),
    "ledger.project.suspend": gettext_lazy("Project suspended"),
    "ledger.project.updated": gettext_lazy("Project changed"),
    "ledger.rectification.close": gettext_lazy("Rectification verified and closed"),
    "ledger.rectification.escalated": gettext_lazy("Rectification escalated"),
    "ledger.rectification.opened": gettext_lazy("Rectification required"),
    "ledger.rectification.respond": gettext_lazy("Rectification answered"),
    "ledger.rectification.return": gettext_lazy("Rectification answer returned"),
    "ledger.report.returned": gettext_lazy("Monthly report returned"),
    "ledger.report.submitted": gettext_lazy("Monthly report submitted"),
    "ledger.spot_check.drawn": gettext_lazy("Spot check drawn"),
    "org.division.archived": gettext_lazy("Division archived"),
    "org.division.created": gettext_lazy("Division created"),
    "org.division.moved": gettext_lazy("Division moved"),
    "org.division.restored": gettext_lazy("Division restored"),
    "org.division.updated": gettext_lazy("Division changed"),
    "org.membership.ended": gettext_lazy("Role ended"),
    "org.membership.granted": gettext_lazy("Role granted"),
    "org.party_org.archived": gettext_lazy("Party organisation archived"),
    "org.party_org.created": gettext_lazy("Party organisation created"),
    "org.unit.archived": gettext_lazy("Unit archived"),
    "org.unit.created": gettext_lazy("Unit created"),
    "org.unit.updated": gettext_lazy("Unit changed"),
}


def action_label(action: str) -> str:
    """The action in words, or its code when it has no label."""
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action


def _field(object_type: str, name: str):
    try:
        return apps.get_model(object_type)._meta.get_field(name)
    except (LookupError, ValueError, FieldDoesNotExist):
        return None


def field_label(object_type: str, name: str) -> str:
    """A changed field's name as the object's form shows it (its verbose name), or the name itself."""
    field = _field(object_type, name)
    return str(getattr(field, "verbose_name", "") or name)


def value_label(object_type: str, name: str, value) -> str:
    """A recorded value as staff read it: a choice's label, yes/no, a list joined, a criterion by its name."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return "、".join(value_label(object_type, "", item) for item in value) or "—"
    if isinstance(value, dict):
        if "label" in value:
            return " ".join(str(part) for part in (value["label"], value.get("weight", "")) if part != "")
        return "；".join(f"{key}: {value_label(object_type, '', item)}" for key, item in value.items())
    field = _field(object_type, name) if name else None
    choices = dict(field.flatchoices) if field is not None and field.choices else {}
    return str(choices.get(value, value))
