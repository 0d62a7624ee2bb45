from django import forms
from django.utils.translation import gettext_lazy as _

from jiceng.core.forms import StyledForm
from jiceng.org.models import Unit

from .choices import SubmissionStatus
from .models import Issue, Series, Topic

MAX_IMPORT_BYTES = 20 * 1024 * 1024


def as_queryset(model, objects):
    """Choice fields need a queryset; views hand over lists or querysets of what the user may pick."""
    if hasattr(objects, "all"):
        return objects.all()
    return model.objects.filter(pk__in=[o.pk for o in objects])


class SubmissionForm(StyledForm):
    series = forms.ModelChoiceField(label=_("Bulletin"), queryset=Series.objects.none())
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Unit.objects.none())
    topic = forms.ModelChoiceField(label=_("Commissioned topic"), queryset=Topic.objects.none(), required=False)
    headline = forms.CharField(label=_("Headline"), max_length=200,
                               widget=forms.TextInput(attrs={"autocomplete": "off"}))
    body = forms.CharField(label=_("Body"), widget=forms.Textarea(attrs={"rows": 14}))

    def __init__(self, *args, series, units, topics, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = as_queryset(Series, series)
        self.fields["unit"].queryset = as_queryset(Unit, units)
        self.fields["topic"].queryset = as_queryset(Topic, topics)
        if len(units) == 1:
            self.fields["unit"].initial = units[0].pk
        if len(series) == 1:
            self.fields["series"].initial = series[0].pk


class SubmissionTextForm(StyledForm):
    headline = forms.CharField(label=_("Headline"), max_length=200)
    body = forms.CharField(label=_("Body"), widget=forms.Textarea(attrs={"rows": 14}))


class ReturnForm(StyledForm):
    reason = forms.CharField(label=_("What should be revised"), widget=forms.Textarea(attrs={"rows": 3}))


class AdoptForm(StyledForm):
    issue = forms.ModelChoiceField(label=_("Into issue"), queryset=Issue.objects.none())
    as_lead = forms.BooleanField(label=_("As the lead article"), required=False)

    def __init__(self, *args, issues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["issue"].queryset = issues
        self.fields["issue"].empty_label = None  # the newest issue being compiled is chosen by default


class IssueForm(StyledForm):
    series = forms.ModelChoiceField(label=_("Bulletin"), queryset=Series.objects.none())
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    number = forms.IntegerField(label=_("Number"), min_value=1, required=False,
                                help_text=_("Leave empty to take the next number."))
    is_supplement = forms.BooleanField(label=_("Supplement (增刊)"), required=False)

    def __init__(self, *args, series, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = as_queryset(Series, series)


class ItemForm(StyledForm):
    headline = forms.CharField(label=_("Headline"), max_length=200)
    body = forms.CharField(label=_("Body"), widget=forms.Textarea(attrs={"rows": 10}))
    source_label = forms.CharField(label=_("Source as printed"), max_length=100, required=False,
                                   help_text=_("Leave empty for the office's own article."))
    is_lead = forms.BooleanField(label=_("Lead article"), required=False)


class TopicForm(StyledForm):
    series = forms.ModelChoiceField(label=_("Bulletin"), queryset=Series.objects.none())
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("What is wanted"), widget=forms.Textarea(attrs={"rows": 4}),
                                  required=False)
    units = forms.ModelMultipleChoiceField(label=_("Units asked"), queryset=Unit.objects.none(),
                                           widget=forms.SelectMultiple(attrs={"size": 10}))
    deadline = forms.DateField(label=_("Deadline"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args, series, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = as_queryset(Series, series)
        self.fields["units"].queryset = units


class ImportForm(StyledForm):
    file = forms.FileField(label=_("Old issue (PDF or text)"),
                           help_text=_("A PDF with a text layer, or the text extracted from one (UTF-8)."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is larger than 20 MB."))
        return upload


class StatisticsForm(StyledForm):
    series = forms.ModelChoiceField(label=_("Bulletin"), queryset=Series.objects.none())
    start = forms.DateField(label=_("From"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    end = forms.DateField(label=_("To"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))

    def __init__(self, *args, series, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = as_queryset(Series, series)

    def clean(self):
        data = super().clean()
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The period ends before it starts."))
        return data


STATUS_CHOICES = [("", _("Any status")), *SubmissionStatus.choices]
