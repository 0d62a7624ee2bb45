from django.urls import path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("series", views.SeriesViewSet, basename="bulletin-series")
router.register("submissions", views.SubmissionViewSet, basename="bulletin-submission")
router.register("issues", views.IssueViewSet, basename="bulletin-issue")
router.register("items", views.ItemViewSet, basename="bulletin-item")
router.register("topics", views.TopicViewSet, basename="bulletin-topic")
urlpatterns = [path("statistics/", views.StatisticsView.as_view(), name="bulletin-statistics"), *router.urls]
