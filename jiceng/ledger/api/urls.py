from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("programmes", views.ProgrammeViewSet, basename="ledger-programme")
router.register("projects", views.ProjectViewSet, basename="ledger-project")
router.register("notices", views.NoticeViewSet, basename="ledger-notice")
router.register("rectifications", views.RectificationViewSet, basename="ledger-rectification")
urlpatterns = router.urls
