from django import forms
from django.utils.translation import gettext_lazy as _

from jiceng.core.forms import StyledForm

from . import rules
from .choices import DivisionKind, UnitKind
from .models import Unit


class DivisionCreateForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=100)
    kind = forms.ChoiceField(label=_("Kind"), choices=())
    code = forms.CharField(label=_("Division code"), max_length=12, required=False,
                           help_text=_("Statistical division code: 6, 9 or 12 digits."))
    unmanaged = forms.BooleanField(label=_("Unmanaged compound"), required=False)

    def __init__(self, *args, parent, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = rules.CHILD_KINDS.get(parent.kind, ())
        self.fields["kind"].choices = [(k, DivisionKind(k).label) for k in allowed]


class DivisionUpdateForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=100)
    code = forms.CharField(label=_("Division code"), max_length=12, required=False,
                           help_text=_("Statistical division code: 6, 9 or 12 digits."))
    unmanaged = forms.BooleanField(label=_("Unmanaged compound"), required=False)
    sort_order = forms.IntegerField(label=_("Order"), min_value=0, required=False)

    def __init__(self, *args, division, **kwargs):
        super().__init__(*args, **kwargs)
        if division.kind != DivisionKind.COMPOUND:
            del self.fields["unmanaged"]

    def clean_sort_order(self):
        return self.cleaned_data.get("sort_order") or 0


class UnitForm(StyledForm):
    name = forms.CharField(label=_("Full name"), max_length=150)
    short_name = forms.CharField(label=_("Short name"), max_length=50, required=False)
    kind = forms.ChoiceField(label=_("Kind"), choices=UnitKind.choices)
    parent = forms.ModelChoiceField(label=_("Higher unit"), queryset=Unit.objects.none(), required=False)
    credit_code = forms.CharField(label=_("Unified social credit code"), max_length=18, required=False)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = units
