"""The history tab every object page shows: its audit events, a page at a time, rendered by one partial."""

from dataclasses import dataclass

from .audit import history_for

HISTORY_PAGE_SIZE = 20


@dataclass
class HistoryPage:
    """One page of an object's events, newest first, with links to the newer and older pages.

    Unlike a Paginator page it never counts the events: one query reads the page and one event more, which says
    whether there is an older page.
    """

    object_list: list
    number: int
    has_older: bool

    def __iter__(self):
        return iter(self.object_list)

    def __len__(self):
        return len(self.object_list)

    def has_next(self) -> bool:
        return self.has_older

    def has_previous(self) -> bool:
        return self.number > 1

    def has_other_pages(self) -> bool:
        return self.has_next() or self.has_previous()

    def next_page_number(self) -> int:
        return self.number + 1

    def previous_page_number(self) -> int:
        return self.number - 1


def history_page(obj, page_number=1) -> HistoryPage:
    """Page ``page_number`` (1 = newest; anything that is not a positive number is 1) of ``obj``'s events."""
    try:
        number = max(1, int(page_number))
    except (TypeError, ValueError):
        number = 1
    start = (number - 1) * HISTORY_PAGE_SIZE
    events = list(history_for(obj)[start:start + HISTORY_PAGE_SIZE + 1])
    if not events and number > 1:  # past the end, as Paginator.get_page would: the newest page instead
        return history_page(obj, 1)
    return HistoryPage(events[:HISTORY_PAGE_SIZE], number, len(events) > HISTORY_PAGE_SIZE)


class HistoryMixin:
    """For a DetailView whose get_object() already enforces scope: adds `history_page` to the context."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["history_page"] = history_page(self.object, self.request.GET.get("history_page", 1))
        return context
