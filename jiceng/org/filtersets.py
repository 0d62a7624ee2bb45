"""One filterset per model: the page list, the API and the export use the same filters."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import DivisionKind, UnitKind
from .models import Division, Unit


class CommaSplittingField(django_filters.fields.MultipleChoiceField):
    """Accepts ?kind=community&kind=village as well as ?kind=community,village."""

    def clean(self, value):
        if value is not None:
            value = [v.strip() for item in value for v in str(item).split(",") if v.strip()]
        return super().clean(value)


class KindFilter(django_filters.MultipleChoiceFilter):
    field_class = CommaSplittingField


class DivisionFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("Name or code"))
    kind = KindFilter(choices=DivisionKind.choices, label=_("Kind"))
    parent = django_filters.NumberFilter(field_name="parent_id", label=_("Parent"))
    under = django_filters.NumberFilter(method="filter_under", label=_("Anywhere under"))
    unmanaged = django_filters.BooleanFilter(label=_("Unmanaged compound"))
    ordering = django_filters.OrderingFilter(
        fields=(("name", "name"), ("path", "path"), ("code", "code"), ("parent__name", "parent"),
                ("created_at", "created_at")),
    )

    class Meta:
        model = Division
        fields = ["q", "kind", "parent", "under", "unmanaged"]

    def filter_q(self, qs, name, value):
        value = value.strip()
        return qs.filter(Q(name__icontains=value) | Q(code__startswith=value)) if value else qs

    def filter_under(self, qs, name, value):
        ancestor = Division.objects.filter(pk=value).only("path").first()
        if ancestor is None:
            return qs.none()
        return qs.filter(path__startswith=ancestor.path)


class CompoundFilterSet(DivisionFilterSet):
    street = django_filters.NumberFilter(method="filter_under", label=_("Street or town"))
    community = django_filters.NumberFilter(field_name="parent_id", label=_("Community or village"))
    ordering = django_filters.OrderingFilter(
        fields=(("name", "name"), ("parent__name", "community"), ("parent__parent__name", "street"),
                ("unmanaged", "unmanaged"), ("code", "code")),
    )

    class Meta:
        model = Division
        fields = ["q", "street", "community", "unmanaged"]


class UnitFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="filter_q", label=_("Name"))
    kind = django_filters.MultipleChoiceFilter(choices=UnitKind.choices, label=_("Kind"))
    division = django_filters.NumberFilter(field_name="division_id", label=_("Division"))
    ordering = django_filters.OrderingFilter(fields=(("name", "name"), ("division__path", "division")))

    class Meta:
        model = Unit
        fields = ["q", "kind", "division"]

    def filter_q(self, qs, name, value):
        value = value.strip()
        return qs.filter(Q(name__icontains=value) | Q(short_name__icontains=value)) if value else qs
