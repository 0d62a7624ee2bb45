import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.utils.translation import gettext as _

LAST_SEEN_KEY = "jiceng_last_seen"
RENEW_AFTER_SECONDS = 60


class IdleTimeoutMiddleware:
    """Ends a signed-in session after SESSION_COOKIE_AGE seconds without a request.

    The session is renewed (and so its cookie and expiry pushed back) at most once
    a minute, instead of writing the session on every request.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            last_seen = request.session.get(LAST_SEEN_KEY)
            if last_seen is not None and now - last_seen > settings.SESSION_COOKIE_AGE:
                logout(request)
                messages.info(request, _("You were signed out after a period of inactivity."))
            elif last_seen is None or now - last_seen >= RENEW_AFTER_SECONDS:
                request.session[LAST_SEEN_KEY] = now
        return self.get_response(request)
