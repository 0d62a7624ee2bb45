"""A form base that gives every widget its Bootstrap class, so templates can render fields plainly."""

from django import forms


class StyledForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "form-check-input"
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleImageField(forms.FileField):
    """Several files from one input (photos from a phone's camera or gallery); the content is checked later by the
    attachment service, never here by name."""

    def __init__(self, *args, max_files: int | None = None, **kwargs):
        self.max_files = max_files
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": "image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        from django.core.exceptions import ValidationError
        from django.utils.translation import gettext as _

        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        if self.max_files is not None and len(files) > self.max_files:
            raise ValidationError(_("At most %(count)d photos, please.") % {"count": self.max_files},
                                  code="too_many_files")
        return [super(MultipleImageField, self).clean(f, initial) for f in files]


def offer(field: forms.TypedChoiceField | forms.TypedMultipleChoiceField, objects, *, label=str, blank: bool = False):
    """Let a typed choice field offer objects the view has already loaded, and clean to those objects: the page
    and the form share one query, and a forged id is refused as an invalid choice like any other."""
    by_pk = {obj.pk: obj for obj in objects}
    field.choices = ([("", "—")] if blank else []) + [(pk, label(obj)) for pk, obj in by_pk.items()]
    field.coerce = lambda value: by_pk[int(value)]
