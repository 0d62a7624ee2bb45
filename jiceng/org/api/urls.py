from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("divisions", views.DivisionViewSet, basename="division")
router.register("units", views.UnitViewSet, basename="unit")
router.register("party-organizations", views.PartyOrganizationViewSet, basename="party-organization")
urlpatterns = router.urls
