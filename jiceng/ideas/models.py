from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.core.crypto import EncryptedTextField
from jiceng.core.models import TimeStampedModel
from jiceng.org.models import Division, Unit

from .choices import CampaignStatus, Channel, IdeaStatus


class Campaign(TimeStampedModel):
    """A campaign collecting residents' suggestions (征集“金点子”) in a set of compounds."""

    owner_unit = models.ForeignKey(Unit, verbose_name=_("owner unit"), on_delete=models.PROTECT,
                                   related_name="idea_campaigns")
    title = models.CharField(_("title"), max_length=200)
    code = models.SlugField(_("public code"), max_length=40, unique=True,
                            help_text=_("Part of the address printed on the posters."))
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    compounds = models.ManyToManyField(Division, verbose_name=_("compounds"), related_name="idea_campaigns")
    categories = models.JSONField(_("categories"), default=list)
    criteria = models.JSONField(_("evaluation criteria"), default=list)
    public_intake = models.BooleanField(_("residents may submit online"), default=True)
    status = models.CharField(_("status"), max_length=20, choices=CampaignStatus.choices,
                              default=CampaignStatus.OPEN)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def __str__(self):
        return self.title


class WorkGroup(TimeStampedModel):
    """Street staff sent to some compounds to collect suggestions (工作组)."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="work_groups")
    name = models.CharField(_("name"), max_length=100)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("members"), blank=True,
                                     related_name="idea_work_groups")
    compounds = models.ManyToManyField(Division, verbose_name=_("compounds"), related_name="idea_work_groups")

    class Meta:
        ordering = ["campaign", "name"]
        verbose_name = _("work group")
        verbose_name_plural = _("work groups")

    def __str__(self):
        return self.name


class Idea(TimeStampedModel):
    """A golden idea (金点子): what a work group makes of one or more suggestions, then evaluated and decided."""

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="ideas")
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    category = models.CharField(_("category"), max_length=50, blank=True)
    feasibility = models.TextField(_("feasibility notes"), blank=True)
    compound = models.ForeignKey(Division, verbose_name=_("compound"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="ideas")
    status = models.CharField(_("status"), max_length=20, choices=IdeaStatus.choices, default=IdeaStatus.DRAFT,
                              db_index=True)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    project_id_ref = models.PositiveBigIntegerField(_("ledger project"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["campaign", "-created_at"]
        verbose_name = _("idea")
        verbose_name_plural = _("ideas")

    def __str__(self):
        return self.title


class Suggestion(TimeStampedModel):
    """A resident's own words, kept unchanged (corrections are new versions), with how they reached us.

    The name and phone are optional, encrypted at rest, masked on staff screens and never shown publicly.
    """

    campaign = models.ForeignKey(Campaign, on_delete=models.PROTECT, related_name="suggestions")
    compound = models.ForeignKey(Division, verbose_name=_("compound"), on_delete=models.PROTECT,
                                 related_name="suggestions")
    channel = models.CharField(_("channel"), max_length=20, choices=Channel.choices)
    text = models.TextField(_("the resident's words"))
    said_at = models.DateTimeField(_("said at"), null=True, blank=True,
                                   help_text=_("When the resident said it, if known (a chat message's time); "
                                               "otherwise the time it was recorded counts."))
    name = EncryptedTextField(_("name"), blank=True, default="")
    phone = EncryptedTextField(_("phone"), blank=True, default="")
    phone_index = models.CharField(max_length=64, blank=True, db_index=True)
    receipt = models.CharField(_("receipt code"), max_length=12, unique=True)
    category = models.CharField(_("category"), max_length=50, blank=True)
    suggested_category = models.CharField(_("suggested category"), max_length=50, blank=True)
    idea = models.ForeignKey(Idea, verbose_name=_("idea"), null=True, blank=True, on_delete=models.PROTECT,
                             related_name="suggestions")
    supersedes = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="corrections")
    entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")
        indexes = [models.Index(fields=["campaign", "compound"], name="ideas_suggestion_campaign_idx")]

    def __str__(self):
        return self.text[:40]


class Evaluation(TimeStampedModel):
    """One evaluator's scores (0–10 per criterion) for an idea."""

    idea = models.ForeignKey(Idea, on_delete=models.PROTECT, related_name="evaluations")
    evaluator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    scores = models.JSONField(_("scores"))
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["idea", "evaluator"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [models.UniqueConstraint(fields=["idea", "evaluator"], name="ideas_evaluation_unique")]

    def __str__(self):
        return f"{self.idea} · {self.evaluator}"


