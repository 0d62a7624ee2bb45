from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from jiceng.core.models import TimeStampedModel
from jiceng.org.models import Division, Unit

from .choices import InspectionKind, NoticeStatus, ProjectStatus, RectificationStatus, ReportStatus


class Programme(TimeStampedModel):
    """A programme of work (专项工作) such as 美丽人居建设 2020, owned by a unit with a leader in charge."""

    name = models.CharField(_("name"), max_length=100)
    year = models.PositiveSmallIntegerField(_("year"))
    owner_unit = models.ForeignKey(Unit, verbose_name=_("owner unit"), on_delete=models.PROTECT,
                                   related_name="ledger_programmes")
    leader_in_charge = models.CharField(_("leader in charge"), max_length=50, blank=True)
    description = models.TextField(_("description"), blank=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    class Meta:
        ordering = ["-year", "name"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        constraints = [models.UniqueConstraint(fields=["name"], condition=Q(archived_at__isnull=True),
                                               name="ledger_programme_unique_name")]

    def __str__(self):
        return self.name


class Project(TimeStampedModel):
    """A project (项目/任务) of a programme: who answers for it, where, when, and its annual target."""

    TRANSITIONS = {
        "start": ({ProjectStatus.NOT_STARTED}, ProjectStatus.IN_PROGRESS),
        "complete": ({ProjectStatus.IN_PROGRESS, ProjectStatus.NOT_STARTED}, ProjectStatus.COMPLETED),
        "close": ({ProjectStatus.COMPLETED}, ProjectStatus.CLOSED),
        "suspend": ({ProjectStatus.NOT_STARTED, ProjectStatus.IN_PROGRESS}, ProjectStatus.SUSPENDED),
        "resume": ({ProjectStatus.SUSPENDED}, ProjectStatus.IN_PROGRESS),
    }

    programme = models.ForeignKey(Programme, verbose_name=_("programme"), on_delete=models.PROTECT,
                                  related_name="projects")
    name = models.CharField(_("name"), max_length=200)
    unit = models.ForeignKey(Unit, verbose_name=_("responsible unit"), on_delete=models.PROTECT,
                             related_name="ledger_projects")
    person = models.CharField(_("responsible person"), max_length=50, blank=True)
    location = models.ForeignKey(Division, verbose_name=_("location"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="ledger_projects")
    planned_start = models.DateField(_("planned start"))
    planned_end = models.DateField(_("planned end"))
    target = models.CharField(_("annual target"), max_length=300, blank=True)
    target_quantity = models.DecimalField(_("target quantity"), max_digits=12, decimal_places=2, null=True,
                                          blank=True)
    category = models.CharField(_("category"), max_length=50, blank=True)
    note = models.CharField(_("note"), max_length=300, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ProjectStatus.choices,
                              default=ProjectStatus.NOT_STARTED, db_index=True)
    latest_actual = models.DecimalField(_("latest progress"), max_digits=5, decimal_places=4, null=True, blank=True)
    light = models.CharField(_("light"), max_length=10, blank=True, db_index=True)
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)

    class Meta:
        ordering = ["programme", "unit__name", "name"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            models.UniqueConstraint(fields=["programme", "name"], condition=Q(archived_at__isnull=True),
                                    name="ledger_project_unique_name"),
            models.CheckConstraint(condition=Q(planned_end__gte=models.F("planned_start")),
                                   name="ledger_project_end_after_start"),
        ]
        indexes = [models.Index(fields=["unit", "status"], name="ledger_project_unit_idx")]

    def __str__(self):
        return self.name

    def can(self, verb: str) -> bool:
        return self.status in self.TRANSITIONS[verb][0]


class Milestone(TimeStampedModel):
    """The planned cumulative progress (0–1) of a project at the end of a month, with an optional deliverable."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="milestones")
    month = models.DateField(_("month"))
    planned = models.DecimalField(_("planned progress"), max_digits=5, decimal_places=4, null=True, blank=True)
    deliverable = models.CharField(_("deliverable"), max_length=200, blank=True)

    class Meta:
        ordering = ["project", "month"]
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        constraints = [models.UniqueConstraint(fields=["project", "month"], name="ledger_milestone_unique_month")]

    def __str__(self):
        return f"{self.project} {self.month:%Y-%m}"


class ProgressReport(TimeStampedModel):
    """A unit's monthly report (进度填报): cumulative progress at the month's end, what was done, photos."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="reports")
    month = models.DateField(_("month"))
    actual = models.DecimalField(_("progress"), max_digits=5, decimal_places=4)
    narrative = models.TextField(_("what was done"), blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ReportStatus.choices,
                              default=ReportStatus.SUBMITTED)
    submitted_at = models.DateTimeField(_("submitted at"))
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    return_reason = models.TextField(_("reason for return"), blank=True)
    imported = models.BooleanField(_("imported"), default=False)

    class Meta:
        ordering = ["project", "month"]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        constraints = [models.UniqueConstraint(fields=["project", "month"], name="ledger_report_unique_month")]
        indexes = [models.Index(fields=["month", "project"], name="ledger_report_month_idx")]

    def __str__(self):
        return f"{self.project} {self.month:%Y-%m}"


class Inspection(TimeStampedModel):
    """A spot check (月抽查) or a quarterly on-site review (季度现场查看) of one project."""

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="inspections")
    kind = models.CharField(_("kind"), max_length=20, choices=InspectionKind.choices)
    date = models.DateField(_("date"))
    inspector = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+")
    findings = models.TextField(_("findings"), blank=True)
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    draw = models.ForeignKey("SpotCheckDraw", null=True, blank=True, on_delete=models.PROTECT,
                             related_name="inspections")

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("inspection")
        verbose_name_plural = _("inspections")

    def __str__(self):
        return f"{self.get_kind_display()} {self.project} {self.date}"


class SpotCheckDraw(TimeStampedModel):
    """A published, reproducible draw of projects for one month's spot checks."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="draws")
    month = models.DateField(_("month"))
    seed = models.CharField(_("published seed"), max_length=100)
    size = models.PositiveSmallIntegerField(_("sample size"))
    project_ids = models.JSONField(_("projects drawn"), default=list)

    class Meta:
        ordering = ["-month"]
        verbose_name = _("spot-check draw")
        verbose_name_plural = _("spot-check draws")
        constraints = [models.UniqueConstraint(fields=["programme", "month"], name="ledger_draw_unique_month")]

    def __str__(self):
        return f"{self.programme} {self.month:%Y-%m}"


class Notice(TimeStampedModel):
    """A quarterly notice (季度通报) naming the projects behind or expected to miss their target."""

    programme = models.ForeignKey(Programme, on_delete=models.PROTECT, related_name="notices")
    year = models.PositiveSmallIntegerField(_("year"))
    quarter = models.PositiveSmallIntegerField(_("quarter"))
    doc_number = models.CharField(_("document number"), max_length=50, blank=True)
    title = models.CharField(_("title"), max_length=200)
    date = models.DateField(_("date"))
    status = models.CharField(_("status"), max_length=20, choices=NoticeStatus.choices, default=NoticeStatus.DRAFT)
    issued_at = models.DateTimeField(_("issued at"), null=True, blank=True)
    rectify_workdays = models.PositiveSmallIntegerField(_("working days to rectify"), default=15)

    class Meta:
        ordering = ["-year", "-quarter"]
        verbose_name = _("notice")
        verbose_name_plural = _("notices")
        constraints = [models.UniqueConstraint(fields=["programme", "year", "quarter"], name="ledger_notice_unique")]

    def __str__(self):
        return self.title


class NoticeEntry(models.Model):
    """A project named in a notice, with why (behind plan, expected to miss) and the light at the time."""

    notice = models.ForeignKey(Notice, on_delete=models.PROTECT, related_name="entries")
    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="notice_entries")
    reason = models.CharField(_("reason"), max_length=300)
    light = models.CharField(_("light"), max_length=10)
    actual = models.DecimalField(_("progress"), max_digits=5, decimal_places=4, null=True)
    planned = models.DecimalField(_("planned progress"), max_digits=5, decimal_places=4, null=True)

    class Meta:
        ordering = ["notice", "project__unit__name", "project__name"]
        constraints = [models.UniqueConstraint(fields=["notice", "project"], name="ledger_noticeentry_unique")]

    def __str__(self):
        return f"{self.notice} · {self.project}"


class Rectification(TimeStampedModel):
    """An item to put right (整改), raised by an inspection or a notice, with a deadline in working days."""

    TRANSITIONS = {
        "respond": ({RectificationStatus.OPEN, RectificationStatus.RETURNED}, RectificationStatus.RESPONDED),
        "return": ({RectificationStatus.RESPONDED}, RectificationStatus.RETURNED),
        "close": ({RectificationStatus.RESPONDED}, RectificationStatus.CLOSED),
    }

    project = models.ForeignKey(Project, on_delete=models.PROTECT, related_name="rectifications")
    inspection = models.ForeignKey(Inspection, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="rectifications")
    notice = models.ForeignKey(Notice, null=True, blank=True, on_delete=models.PROTECT, related_name="rectifications")
    description = models.TextField(_("what must be put right"))
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=20, choices=RectificationStatus.choices,
                              default=RectificationStatus.OPEN, db_index=True)
    response = models.TextField(_("the unit's answer"), blank=True)
    responded_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    verification = models.TextField(_("verification"), blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated at"), null=True, blank=True)

    class Meta:
        ordering = ["deadline", "id"]
        verbose_name = _("rectification")
        verbose_name_plural = _("rectifications")

    def __str__(self):
        return f"{self.project}: {self.description[:30]}"

    def can(self, verb: str) -> bool:
        return self.status in self.TRANSITIONS[verb][0]


class ProjectMonth(models.Model):
    """One cell of the battle map: a project's plan, actual, report status and light for a month.

    Derived data, rewritten by the services whenever a milestone, report or rectification changes and by the
    daily `ledger_refresh` (a report becomes late when the window closes without any write), so that the
    battle map of thousands of projects is one query.
    """

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="cells")
    month = models.DateField()
    planned = models.DecimalField(max_digits=5, decimal_places=4, null=True)
    actual = models.DecimalField(max_digits=5, decimal_places=4, null=True)
    report_status = models.CharField(max_length=10)
    light = models.CharField(max_length=10)
    reasons = models.JSONField(default=list)

    class Meta:
        ordering = ["project", "month"]
        constraints = [models.UniqueConstraint(fields=["project", "month"], name="ledger_cell_unique_month")]
        indexes = [models.Index(fields=["month", "light"], name="ledger_cell_month_light_idx")]

    def __str__(self):
        return f"{self.project_id} {self.month:%Y-%m} {self.light}"
