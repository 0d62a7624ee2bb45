from django.conf import settings
from django.urls import include, path
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from jiceng.core.middleware import build_csp


class SwaggerView(SpectacularSwaggerSplitView):
    """Swagger UI from the locally installed sidecar; its script is served separately so the CSP needs no inline JS.

    Its template carries one inline <style>, so this page alone allows inline styles.
    """

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        policy = dict(settings.JICENG_CSP)
        policy["style-src"] = ["'self'", "'unsafe-inline'"]
        response["Content-Security-Policy"] = build_csp(policy)
        return response


urlpatterns = [
    path("auth/", include("jiceng.accounts.api.urls")),
    path("org/", include("jiceng.org.api.urls")),
    path("ledger/", include("jiceng.ledger.api.urls")),
    path("ideas/", include("jiceng.ideas.api.urls")),
    path("bulletin/", include("jiceng.bulletin.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SwaggerView.as_view(url_name="api-schema"), name="api-docs"),
]
