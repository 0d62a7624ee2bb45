from django import forms
from django.utils.translation import gettext_lazy as _

from jiceng.core.forms import MultipleFileInput, MultipleImageField, StyledForm

from .choices import InspectionKind

MAX_LEDGER_BYTES = 10 * 1024 * 1024


class ReportForm(StyledForm):
    month = forms.ChoiceField(label=_("Month"))
    actual = forms.DecimalField(label=_("Cumulative progress (%)"), min_value=0, max_value=100, decimal_places=1,
                                widget=forms.NumberInput(attrs={"inputmode": "decimal", "step": "1"}))
    narrative = forms.CharField(label=_("What was done this month"), required=False,
                                widget=forms.Textarea(attrs={"rows": 4}))
    photos = MultipleImageField(label=_("Photos"), required=False,
                                widget=MultipleFileInput(attrs={"accept": "image/*", "capture": "environment"}))

    def __init__(self, *args, months, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["month"].choices = [(m.isoformat(), f"{m.year}年{m.month}月") for m in months]


class InspectionForm(StyledForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=InspectionKind.choices)
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    score = forms.IntegerField(label=_("Score"), min_value=0, max_value=100, required=False)
    findings = forms.CharField(label=_("Findings"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    rectification = forms.CharField(label=_("To put right (opens a rectification)"), required=False,
                                    widget=forms.Textarea(attrs={"rows": 2}))
    rectify_workdays = forms.IntegerField(label=_("Working days to rectify"), min_value=1, max_value=120, initial=10)
    photos = MultipleImageField(label=_("Photos"), required=False,
                                widget=MultipleFileInput(attrs={"accept": "image/*", "capture": "environment"}))


class NoticeForm(StyledForm):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    quarter = forms.TypedChoiceField(label=_("Quarter"), coerce=int, choices=[(1, "一"), (2, "二"), (3, "三"),
                                                                             (4, "四")])
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    doc_number = forms.CharField(label=_("Document number"), max_length=50, required=False)
    rectify_workdays = forms.IntegerField(label=_("Working days to rectify"), min_value=1, max_value=120, initial=15)


class ImportForm(StyledForm):
    file = forms.FileField(label=_("Ledger (.xlsx)"))
    skip_bad_rows = forms.BooleanField(label=_("Import the valid rows and skip the bad ones"), required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_LEDGER_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        return upload


class DrawForm(StyledForm):
    month = forms.DateField(label=_("Month"), widget=forms.DateInput(attrs={"type": "month"}, format="%Y-%m"),
                            input_formats=["%Y-%m", "%Y-%m-%d"])
    size = forms.IntegerField(label=_("How many projects"), min_value=1, max_value=500, initial=10)


class TextForm(StyledForm):
    text = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 3}))
