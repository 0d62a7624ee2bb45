import re

from django import forms
from django.utils.translation import gettext_lazy as _

from jiceng.core.forms import MultipleImageField, StyledForm, offer

from .choices import DEFAULT_CRITERIA, CampaignStatus, Channel
from .importing import MAX_BYTES
from .services import MAX_PHOTOS


class PublicSuggestionForm(StyledForm):
    text = forms.CharField(label=_("Your suggestion"), max_length=1000,
                           widget=forms.Textarea(attrs={"rows": 5, "placeholder": _("e.g. the stairwell light in "
                                                                                    "building 3 is broken")}))
    name = forms.CharField(label=_("Name (optional)"), max_length=50, required=False)
    phone = forms.CharField(label=_("Mobile (optional, only for the staff to call you back)"), max_length=20,
                            required=False, widget=forms.TextInput(attrs={"inputmode": "tel"}))
    photos = MultipleImageField(label=_("Photos (optional, at most 3)"), required=False, max_files=MAX_PHOTOS)
    answer = forms.CharField(label=_("Answer"), max_length=4, widget=forms.TextInput(attrs={"inputmode": "numeric"}))
    token = forms.CharField(widget=forms.HiddenInput)
    website = forms.CharField(required=False, widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}))


class StaffSuggestionForm(StyledForm):
    compound = forms.TypedChoiceField(label=_("Compound"))
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    text = forms.CharField(label=_("What the resident said"), widget=forms.Textarea(
        attrs={"rows": 3, "autofocus": True, "data-enter-submits": "1"}))
    name = forms.CharField(label=_("Resident's name"), max_length=50, required=False)
    phone = forms.CharField(label=_("Mobile"), max_length=20, required=False)
    photos = MultipleImageField(label=_("Photos"), required=False, max_files=MAX_PHOTOS)
    said_at = forms.DateTimeField(label=_("Said at (if not just now)"), required=False,
                                  widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
                                  input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M", "%Y-%m-%d"])

    def __init__(self, *args, compounds, **kwargs):
        """``compounds``: the campaign's compounds, already loaded (the page lists them too: one query for both)."""
        super().__init__(*args, **kwargs)
        offer(self.fields["compound"], compounds, label=lambda c: c.name, blank=True)


class CorrectionForm(StyledForm):
    text = forms.CharField(label=_("The corrected words"), max_length=1000, widget=forms.Textarea(
        attrs={"rows": 4, "autofocus": True}))


class IdeaForm(StyledForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    category = forms.ChoiceField(label=_("Category"), required=False)

    def __init__(self, *args, categories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [("", "—")] + [(c, c) for c in categories]


class ChatImportForm(StyledForm):
    file = forms.FileField(label=_("Chat-group export or spreadsheet (.xlsx or .csv)"))
    compound = forms.TypedChoiceField(label=_("Compound of the rows that name none"), required=False,
                                      empty_value=None)
    channel = forms.ChoiceField(label=_("Channel of the rows that name none"), choices=Channel.choices,
                                initial=Channel.WECHAT)
    skip_bad_rows = forms.BooleanField(label=_("Import the valid rows and skip the bad ones"), required=False)

    def __init__(self, *args, compounds, **kwargs):
        super().__init__(*args, **kwargs)
        offer(self.fields["compound"], compounds, label=lambda c: c.name, blank=True)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


_RE_CRITERION = re.compile(r"^(?P<label>.+?)(?:[\s:：,，=]+(?P<weight>[0-9]+(?:\.[0-9]+)?)\s*(?P<percent>%?))?$")
_RE_LIST_SPLIT = re.compile(r"[\n,，、;；]+")


def criteria_text(criteria) -> str:
    """The criteria as the form shows them: one per line, name and weight."""
    return "\n".join(f"{c['label']} {c['weight']:g}" for c in criteria)


class CampaignForm(StyledForm):
    title = forms.CharField(label=_("Title"), max_length=200)
    starts_on = forms.DateField(label=_("Starts on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    ends_on = forms.DateField(label=_("Ends on"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"))
    compounds = forms.TypedMultipleChoiceField(label=_("Compounds"), widget=forms.CheckboxSelectMultiple)
    categories = forms.CharField(label=_("Categories (one a line)"), widget=forms.Textarea(attrs={"rows": 5}))
    criteria = forms.CharField(label=_("Evaluation criteria (name and weight, one a line)"),
                               widget=forms.Textarea(attrs={"rows": 4}))
    public_intake = forms.BooleanField(label=_("Residents may submit online (QR posters)"), required=False)

    def __init__(self, *args, compounds, previous_criteria=(), **kwargs):
        """``compounds``: the divisions that may be chosen, loaded once; ``previous_criteria``: the campaign's, so
        that a criterion keeps its key (and its scores) when only its weight changes."""
        super().__init__(*args, **kwargs)
        offer(self.fields["compounds"], compounds,
              label=lambda c: f"{c.name}（{_('unmanaged')}）" if c.unmanaged else c.name)
        self.previous_criteria = list(previous_criteria) or list(DEFAULT_CRITERIA)

    def clean_categories(self):
        return [part.strip() for part in _RE_LIST_SPLIT.split(self.cleaned_data["categories"]) if part.strip()]

    def clean_criteria(self):
        keys = {c["label"]: c["key"] for c in self.previous_criteria}
        criteria, used = [], set()
        for line in self.cleaned_data["criteria"].splitlines():
            line = line.strip()
            if not line:
                continue
            match = _RE_CRITERION.match(line)
            label, weight = match["label"].strip(), float(match["weight"] or 1)
            key = keys.get(label)
            if key is None or key in used:
                key = next(f"c{n}" for n in range(1, 100) if f"c{n}" not in used and f"c{n}" not in keys.values())
            used.add(key)
            criteria.append({"key": key, "label": label, "weight": weight})
        return criteria


class CampaignMoveForm(StyledForm):
    status = forms.ChoiceField(choices=CampaignStatus.choices, widget=forms.HiddenInput)
    reason = forms.CharField(label=_("Reason (optional)"), max_length=500, required=False)


class WorkGroupForm(StyledForm):
    name = forms.CharField(label=_("Name"), max_length=100)
    compounds = forms.TypedMultipleChoiceField(label=_("Compounds"), widget=forms.CheckboxSelectMultiple)
    members = forms.TypedMultipleChoiceField(label=_("Members"), required=False, widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, compounds, members, **kwargs):
        super().__init__(*args, **kwargs)
        offer(self.fields["compounds"], compounds, label=lambda c: c.name)
        offer(self.fields["members"], members, label=lambda m: m.get_full_name() or m.username)
