"""What every list page shares: one filterset, sorting, pagination, an htmx partial and an XLSX export."""

from django.conf import settings
from django.core.exceptions import ValidationError

from .errors import DomainError


class FilteredListMixin:
    """For a ListView: set `filterset_class`, implement `base_queryset()`; optionally `export(queryset)`.

    `?format=xlsx` returns the export of the whole filtered list (not just the page);
    an htmx request gets `partial_template_name`.
    """

    filterset_class = None
    partial_template_name = None

    def get_paginate_by(self, queryset):
        return settings.JICENG_PAGE_SIZE

    def base_queryset(self):
        raise NotImplementedError

    def get_queryset(self):
        self.filterset = self.filterset_class(self.request.GET or None, queryset=self.base_queryset(),
                                              request=self.request)
        if self.filterset.is_bound and not self.filterset.is_valid():
            return self.base_queryset().none()
        return self.filterset.qs

    def get(self, request, *args, **kwargs):
        if request.GET.get("format") == "xlsx" and hasattr(self, "export"):
            return self.export(self.get_queryset())
        return super().get(request, *args, **kwargs)

    def get_template_names(self):
        if getattr(self.request, "htmx", False) and self.partial_template_name:
            return [self.partial_template_name]
        return super().get_template_names()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filterset"] = self.filterset
        context["ordering"] = self.request.GET.get("ordering", "")
        return context


def form_errors_from(form, error) -> None:
    """Put a service's refusal onto a form, field by field where the error names a field."""
    if isinstance(error, ValidationError) and hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            target = field if field in form.fields else None
            for message in messages:
                form.add_error(target, message)
    elif isinstance(error, ValidationError):
        for message in error.messages:
            form.add_error(None, message)
    elif isinstance(error, DomainError):
        form.add_error(error.field if error.field in form.fields else None, str(error.message))
    else:
        raise error
