"""The site frame: the only place that knows every app."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from jiceng.core import views as core_views

urlpatterns = [
    path("", core_views.HomeView.as_view(), name="home"),
    path("accounts/", include("jiceng.accounts.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("core/", include("jiceng.core.urls")),
    path("org/", include("jiceng.org.urls")),
    path("ledger/", include("jiceng.ledger.urls")),
    path("ideas/", include("jiceng.ideas.urls")),
    path("p/ideas/", include("jiceng.ideas.public_urls")),
    path("bulletin/", include("jiceng.bulletin.urls")),
    path("api/", include("jiceng.api_urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler403 = "jiceng.core.views.permission_denied"
handler404 = "jiceng.core.views.page_not_found"
handler500 = "jiceng.core.views.server_error"
