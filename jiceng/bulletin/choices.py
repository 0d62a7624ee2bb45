from django.db import models
from django.utils.translation import gettext_lazy as _


class Numbering(models.TextChoices):
    PER_YEAR = "per_year", _("Restart every year")
    RUNNING = "running", _("Running number")


class SubmissionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for revision")
    ADOPTED = "adopted", _("Adopted")
    ARCHIVED = "archived", _("Archived for reference")


class IssueStatus(models.TextChoices):
    DRAFT = "draft", _("Being compiled")
    PUBLISHED = "published", _("Published")


class TopicStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class AdoptionLevel(models.TextChoices):
    DISTRICT = "district", _("District")
    CITY = "city", _("City")
    PROVINCE = "province", _("Province")
    NATIONAL = "national", _("National")


class ScoreKey(models.TextChoices):
    """What earns or costs a unit points in the annual information assessment (rules as data)."""

    SUBMITTED = "submitted", _("Each item submitted")
    ADOPTED_SHORT = "adopted_short", _("Adopted as a short item")
    ADOPTED_LEAD = "adopted_lead", _("Adopted as the lead article")
    COMMISSIONED = "commissioned", _("Commissioned piece delivered")
    COMMISSIONED_MISSED = "commissioned_missed", _("Commissioned piece missed or late")
    HIGHER_CITY = "higher_city", _("Adopted by the city")
    HIGHER_PROVINCE = "higher_province", _("Adopted by the province")
    HIGHER_NATIONAL = "higher_national", _("Adopted nationally")
    INSTRUCTION = "instruction", _("Leader's written instruction (批示)")


DEFAULT_SCORES = {
    ScoreKey.SUBMITTED: 0.5,
    ScoreKey.ADOPTED_SHORT: 2,
    ScoreKey.ADOPTED_LEAD: 5,
    ScoreKey.COMMISSIONED: 2,
    ScoreKey.COMMISSIONED_MISSED: -1,
    ScoreKey.HIGHER_CITY: 5,
    ScoreKey.HIGHER_PROVINCE: 10,
    ScoreKey.HIGHER_NATIONAL: 20,
    ScoreKey.INSTRUCTION: 5,
}
