from django.db import models
from django.utils.translation import gettext_lazy as _

from .base import TimeStampedModel


class CalendarDay(TimeStampedModel):
    """A day whose working status the State Council's notice sets for a year the installed data does not know.

    The packaged holiday table covers years up to a "known until" year; an
    administrator enters the next year's holidays and 调休 make-up days here
    (and marks the year complete) when the State Council publishes them.
    """

    date = models.DateField(_("date"), unique=True)
    is_workday = models.BooleanField(_("working day"))
    name = models.CharField(_("name"), max_length=50, blank=True)

    class Meta:
        ordering = ["date"]
        verbose_name = _("calendar day")
        verbose_name_plural = _("calendar days")

    def __str__(self):
        return f"{self.date} {self.name}"


class CalendarYear(TimeStampedModel):
    """A year whose holidays have been entered in full, extending the known range of the working-day calendar."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["year"]
        verbose_name = _("calendar year")
        verbose_name_plural = _("calendar years")

    def __str__(self):
        return str(self.year)
