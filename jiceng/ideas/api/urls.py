from django.urls import path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("campaigns", views.CampaignViewSet, basename="ideas-campaign")
router.register("suggestions", views.SuggestionViewSet, basename="ideas-suggestion")
router.register("ideas", views.IdeaViewSet, basename="ideas-idea")
urlpatterns = [
    path("public/challenge/", views.PublicChallengeView.as_view(), name="ideas-public-challenge"),
    path("public/suggestions/", views.PublicSuggestionView.as_view(), name="ideas-public-suggestion"),
    path("public/status/<str:receipt>/", views.PublicStatusView.as_view(), name="ideas-public-status"),
    *router.urls,
]
