from django import forms
from django.utils.translation import gettext_lazy as _

from jiceng.core.forms import MultipleImageField, StyledForm

from .choices import Channel
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
    compound = forms.TypedChoiceField(label=_("Compound"), coerce=int)
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices)
    text = forms.CharField(label=_("What the resident said"), widget=forms.Textarea(
        attrs={"rows": 3, "autofocus": True, "data-enter-submits": "1"}))
    name = forms.CharField(label=_("Resident's name"), max_length=50, required=False)
    phone = forms.CharField(label=_("Mobile"), max_length=20, required=False)
    photos = MultipleImageField(label=_("Photos"), required=False, max_files=MAX_PHOTOS)

    def __init__(self, *args, compounds, **kwargs):
        """``compounds``: the campaign's compounds, already loaded (the page lists them too: one query for both)."""
        super().__init__(*args, **kwargs)
        self.compounds = {compound.pk: compound for compound in compounds}
        self.fields["compound"].choices = [("", "—")] + [(pk, c.name) for pk, c in self.compounds.items()]

    def clean_compound(self):
        return self.compounds[self.cleaned_data["compound"]]


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
    compound = forms.TypedChoiceField(label=_("Compound of the rows that name none"), coerce=int, required=False,
                                      empty_value=None)
    channel = forms.ChoiceField(label=_("Channel of the rows that name none"), choices=Channel.choices,
                                initial=Channel.WECHAT)
    skip_bad_rows = forms.BooleanField(label=_("Import the valid rows and skip the bad ones"), required=False)

    def __init__(self, *args, compounds, **kwargs):
        super().__init__(*args, **kwargs)
        self.compounds = {compound.pk: compound for compound in compounds}
        self.fields["compound"].choices = [("", "—")] + [(pk, c.name) for pk, c in self.compounds.items()]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload

    def clean_compound(self):
        pk = self.cleaned_data["compound"]
        return None if pk is None else self.compounds[pk]
