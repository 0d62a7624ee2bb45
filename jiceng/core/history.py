"""The history tab every object page shows: its audit events, paginated, rendered by one partial."""

from django.core.paginator import Paginator

from .audit import history_for

HISTORY_PAGE_SIZE = 20


def history_page(obj, page_number=1):
    return Paginator(history_for(obj), HISTORY_PAGE_SIZE).get_page(page_number)


class HistoryMixin:
    """For a DetailView whose get_object() already enforces scope: adds `history_page` to the context."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history_page"] = history_page(self.object, self.request.GET.get("history_page", 1))
        return context
