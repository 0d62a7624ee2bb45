from django.conf import settings

from .navigation import navigation_for


def site(request):
    """The site frame: navigation entries the user may open, the unread notification count."""
    user = getattr(request, "user", None)
    unread = 0
    if user is not None and user.is_authenticated:
        from .selectors import unread_notification_count

        unread = unread_notification_count(user)
    return {
        "nav_entries": navigation_for(request),
        "unread_notifications": unread,
        "site_debug": settings.DEBUG,
    }
