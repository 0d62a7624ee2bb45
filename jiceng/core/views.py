from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from django.views.generic import ListView, TemplateView

from .tasks_registry import tasks_for


class HomeView(LoginRequiredMixin, TemplateView):
    """The home page: my tasks (from every module that registers some) and the latest notifications."""

    template_name = "core/home.html"

    def get_context_data(self, **kwargs):
        from .selectors import notifications_for

        context = super().get_context_data(**kwargs)
        context["tasks"] = tasks_for(self.request.user)
        context["notifications"] = notifications_for(self.request.user).filter(read_at__isnull=True)[:5]
        return context


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)


class NotificationListView(LoginRequiredMixin, ListView):
    """The user's own notifications, newest first, unread ones in bold; a constant number of queries per page."""

    template_name = "core/notifications.html"
    paginate_by = 30

    def get_queryset(self):
        from .selectors import notifications_for

        return notifications_for(self.request.user)


@login_required
def notification_open(request, pk):
    """Mark one of the user's notifications read and follow its link (another user's id: 404)."""
    from . import notifications
    from .selectors import notifications_for

    notification = get_object_or_404(notifications_for(request.user), pk=pk)
    notifications.mark_read(actor=request.user, notification=notification)
    target = notification.url if url_has_allowed_host_and_scheme(notification.url, {request.get_host()}) else ""
    return redirect(target or "core:notifications")


@login_required
@require_POST
def notifications_read_all(request):
    """Mark all of the user's notifications read (POST only) and go back to the list."""
    from . import notifications

    notifications.mark_all_read(actor=request.user)
    return redirect("core:notifications")


class SearchView(LoginRequiredMixin, TemplateView):
    """One search box across modules, Chinese word segmentation, scope respected."""

    template_name = "core/search.html"

    def get_context_data(self, **kwargs):
        from . import search

        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()[:100]
        context["search_query"] = query
        context["page_obj"] = search.search_page(self.request.user, query, self.request.GET.get("page", 1))
        return context
