import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import IssueStatus, SubmissionStatus
from .models import Issue, Item, Submission


class SubmissionFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("Headline or text"))
    status = django_filters.MultipleChoiceFilter(choices=SubmissionStatus.choices, label=_("Status"))
    unit = django_filters.NumberFilter(field_name="unit_id", label=_("Unit"))
    series = django_filters.NumberFilter(field_name="series_id", label=_("Bulletin"))
    ordering = django_filters.OrderingFilter(fields=(("submitted_at", "submitted_at"), ("created_at", "created_at"),
                                                     ("unit__name", "unit"), ("status", "status"),
                                                     ("headline", "headline")))

    class Meta:
        model = Submission
        fields = ["q", "status", "unit", "series"]

    def filter_q(self, qs, name, value):
        value = value.strip()
        return qs.filter(Q(headline__icontains=value) | Q(body__icontains=value)) if value else qs


class IssueFilterSet(django_filters.FilterSet):
    series = django_filters.NumberFilter(field_name="series_id", label=_("Bulletin"))
    year = django_filters.NumberFilter(label=_("Year"))
    status = django_filters.ChoiceFilter(choices=IssueStatus.choices, label=_("Status"))
    ordering = django_filters.OrderingFilter(fields=(("date", "date"), ("number", "number")))

    class Meta:
        model = Issue
        fields = ["series", "year", "status"]


class ItemFilterSet(django_filters.FilterSet):
    issue = django_filters.NumberFilter(field_name="issue_id")
    source_unit = django_filters.NumberFilter(field_name="source_unit_id")

    class Meta:
        model = Item
        fields = ["issue", "source_unit"]
