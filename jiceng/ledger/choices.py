from django.db import models
from django.utils.translation import gettext_lazy as _


class ProjectStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")
    CLOSED = "closed", _("Closed (销号)")
    SUSPENDED = "suspended", _("Suspended")


class ReportStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned")
    ACCEPTED = "accepted", _("Accepted")


class InspectionKind(models.TextChoices):
    SPOT_CHECK = "spot_check", _("Monthly spot check")
    QUARTERLY = "quarterly", _("Quarterly on-site review")


class NoticeStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    ISSUED = "issued", _("Issued")


class RectificationStatus(models.TextChoices):
    OPEN = "open", _("Open")
    RESPONDED = "responded", _("Answered")
    RETURNED = "returned", _("Answer returned")
    CLOSED = "closed", _("Closed (销号)")


class Light(models.TextChoices):
    GREEN = "green", _("On plan")
    YELLOW = "yellow", _("Behind")
    RED = "red", _("Far behind")
    GREY = "grey", _("Not due")
