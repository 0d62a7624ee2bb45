from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from jiceng.core.models import TimeStampedModel
from jiceng.org.models import Unit

from .choices import AdoptionLevel, IssueStatus, Numbering, ScoreKey, SubmissionStatus, TopicStatus


class Series(TimeStampedModel):
    """A bulletin (刊物) such as 《上街信息》: its issuing office, numbering and distribution list."""

    name = models.CharField(_("name"), max_length=50, unique=True)
    office = models.ForeignKey(Unit, verbose_name=_("issuing office"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="bulletin_series",
                               help_text=_("Empty for a series imported from another office."))
    office_name = models.CharField(_("office as printed"), max_length=100,
                                   help_text=_("As printed under the masthead, e.g. 中共上街区委办公室."))
    numbering = models.CharField(_("numbering"), max_length=20, choices=Numbering.choices,
                                 default=Numbering.PER_YEAR)
    distribution = models.JSONField(_("distribution"), default=list, blank=True,
                                    help_text=_("Lines of the distribution block, e.g. [[\"报\", \"市委办公厅\"]]."))
    copies = models.PositiveIntegerField(_("copies printed"), null=True, blank=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("bulletin series")
        verbose_name_plural = _("bulletin series")

    def __str__(self):
        return self.name


class ScoringRule(TimeStampedModel):
    """Points a unit earns (or loses) for one kind of event, per series: the assessment rules as data."""

    series = models.ForeignKey(Series, on_delete=models.PROTECT, related_name="scoring_rules")
    key = models.CharField(_("what"), max_length=30, choices=ScoreKey.choices)
    points = models.DecimalField(_("points"), max_digits=6, decimal_places=2)

    class Meta:
        ordering = ["series", "key"]
        verbose_name = _("scoring rule")
        verbose_name_plural = _("scoring rules")
        constraints = [models.UniqueConstraint(fields=["series", "key"], name="bulletin_scoringrule_unique_key")]

    def __str__(self):
        return f"{self.get_key_display()}: {self.points}"


class Topic(TimeStampedModel):
    """A commissioned topic (约稿): the editors ask some units for a piece by a deadline."""

    series = models.ForeignKey(Series, verbose_name=_("series"), on_delete=models.PROTECT, related_name="topics")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    units = models.ManyToManyField(Unit, verbose_name=_("units asked"), related_name="bulletin_topics")
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=20, choices=TopicStatus.choices, default=TopicStatus.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-deadline", "-id"]
        verbose_name = _("commissioned topic")
        verbose_name_plural = _("commissioned topics")

    def __str__(self):
        return self.title


class Submission(TimeStampedModel):
    """An item a unit's reporter sends in (报送信息); the editor's edits are kept beside the original text."""

    TRANSITIONS = {
        "submit": ({SubmissionStatus.DRAFT, SubmissionStatus.RETURNED}, SubmissionStatus.SUBMITTED),
        "return": ({SubmissionStatus.SUBMITTED}, SubmissionStatus.RETURNED),
        "adopt": ({SubmissionStatus.SUBMITTED}, SubmissionStatus.ADOPTED),
        "archive": ({SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED}, SubmissionStatus.ARCHIVED),
    }

    series = models.ForeignKey(Series, verbose_name=_("series"), on_delete=models.PROTECT,
                               related_name="submissions")
    unit = models.ForeignKey(Unit, verbose_name=_("unit"), on_delete=models.PROTECT,
                             related_name="bulletin_submissions")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, blank=True,
                               on_delete=models.PROTECT, related_name="bulletin_submissions")
    topic = models.ForeignKey(Topic, verbose_name=_("commissioned topic"), null=True, blank=True,
                              on_delete=models.PROTECT, related_name="submissions")
    headline = models.CharField(_("headline"), max_length=200)
    body = models.TextField(_("body"))
    edited_headline = models.CharField(_("edited headline"), max_length=200, blank=True)
    edited_body = models.TextField(_("edited body"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=SubmissionStatus.choices,
                              default=SubmissionStatus.DRAFT, db_index=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    return_reason = models.TextField(_("reason for return"), blank=True)
    revision = models.PositiveSmallIntegerField(_("revision"), default=1)
    origin_type = models.CharField(max_length=100, blank=True)
    origin_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-submitted_at", "-created_at", "-id"]
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        indexes = [models.Index(fields=["unit", "status"], name="bulletin_submission_unit_idx")]

    def __str__(self):
        return self.headline

    def _can(self, verb: str) -> bool:
        return self.status in self.TRANSITIONS[verb][0]

    def can_submit(self):
        return self._can("submit")

    def can_return(self):
        return self._can("return")

    def can_adopt(self):
        return self._can("adopt")

    def can_archive(self):
        return self._can("archive")

    def can_edit_text(self):
        """The author may change the text while it is a draft or returned; the editor while it is submitted."""
        return self.status in (SubmissionStatus.DRAFT, SubmissionStatus.RETURNED, SubmissionStatus.SUBMITTED)

    @property
    def final_headline(self) -> str:
        return self.edited_headline or self.headline

    @property
    def final_body(self) -> str:
        return self.edited_body or self.body


class Issue(TimeStampedModel):
    """One issue (期) of a series; frozen once published (corrections are new issues)."""

    series = models.ForeignKey(Series, verbose_name=_("series"), on_delete=models.PROTECT, related_name="issues")
    year = models.PositiveSmallIntegerField(_("year"))
    number = models.PositiveIntegerField(_("number"))
    is_supplement = models.BooleanField(_("supplement (增刊)"), default=False)
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=20, choices=IssueStatus.choices, default=IssueStatus.DRAFT,
                              db_index=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    office_name = models.CharField(_("office as printed"), max_length=100, blank=True)
    imported = models.BooleanField(_("imported from an old issue"), default=False)

    class Meta:
        ordering = ["-date", "-number", "-id"]
        verbose_name = _("issue")
        verbose_name_plural = _("issues")
        constraints = [
            models.UniqueConstraint(fields=["series", "year", "number", "is_supplement"],
                                    name="bulletin_issue_unique_number"),
        ]

    def __str__(self):
        label = _("Supplement %(n)s") if self.is_supplement else _("No. %(n)s")
        return f"{self.series.name} {label % {'n': self.number}}"

    @property
    def is_published(self) -> bool:
        return self.status == IssueStatus.PUBLISHED

    def can_publish(self):
        return self.status == IssueStatus.DRAFT

    def can_change(self):
        return self.status == IssueStatus.DRAFT


class Item(TimeStampedModel):
    """A piece printed in an issue: headline, body and the source unit in parentheses (none for the lead)."""

    issue = models.ForeignKey(Issue, verbose_name=_("issue"), on_delete=models.PROTECT, related_name="items")
    position = models.PositiveSmallIntegerField(_("position"))
    is_lead = models.BooleanField(_("lead article"), default=False)
    headline = models.CharField(_("headline"), max_length=200)
    body = models.TextField(_("body"))
    source_unit = models.ForeignKey(Unit, verbose_name=_("source unit"), null=True, blank=True,
                                    on_delete=models.PROTECT, related_name="bulletin_items")
    source_label = models.CharField(_("source as printed"), max_length=100, blank=True)
    submission = models.ForeignKey(Submission, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="items")
    archived_at = models.DateTimeField(_("taken out at"), null=True, blank=True)

    class Meta:
        ordering = ["issue", "position"]
        verbose_name = _("item")
        verbose_name_plural = _("items")
        constraints = [
            models.UniqueConstraint(fields=["issue", "position"], condition=models.Q(archived_at__isnull=True),
                                    name="bulletin_item_unique_position"),
        ]

    def __str__(self):
        return self.headline


class HigherAdoption(TimeStampedModel):
    """An item taken up by a higher level (市/省) or given a leader's written instruction: extra points."""

    item = models.ForeignKey(Item, verbose_name=_("item"), on_delete=models.PROTECT, related_name="higher_adoptions")
    level = models.CharField(_("level"), max_length=20, choices=AdoptionLevel.choices)
    instruction = models.BooleanField(_("leader's written instruction"), default=False)
    note = models.CharField(_("note"), max_length=200, blank=True)
    date = models.DateField(_("date"))

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("adoption by a higher level")
        verbose_name_plural = _("adoptions by a higher level")

    def __str__(self):
        return f"{self.item} · {self.get_level_display()}"
