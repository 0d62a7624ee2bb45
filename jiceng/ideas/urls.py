from django.urls import path

from . import views

app_name = "ideas"
urlpatterns = [
    path("", views.CampaignListView.as_view(), name="campaigns"),
    path("campaigns/new/", views.CampaignCreateView.as_view(), name="campaign_new"),
    path("campaigns/<int:pk>/", views.CampaignView.as_view(), name="campaign"),
    path("campaigns/<int:pk>/settings/", views.CampaignSettingsView.as_view(), name="settings"),
    path("campaigns/<int:pk>/report/", views.CampaignReportView.as_view(), name="report"),
    path("campaigns/<int:pk>/poster/<int:compound_id>.pdf", views.PosterView.as_view(), name="poster"),
    path("campaigns/<int:pk>/import/", views.ImportView.as_view(), name="import"),
    path("suggestions/<int:pk>/correct/", views.SuggestionCorrectView.as_view(), name="correct"),
    path("ideas/<int:pk>/", views.IdeaView.as_view(), name="idea"),
]
