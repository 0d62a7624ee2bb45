from django.urls import path

from . import views

app_name = "bulletin"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("submissions/", views.SubmissionListView.as_view(), name="submissions"),
    path("submissions/new/", views.SubmissionCreateView.as_view(), name="submission_new"),
    path("submissions/<int:pk>/", views.SubmissionDetailView.as_view(), name="submission"),
    path("submissions/<int:pk>/edit/", views.SubmissionEditView.as_view(), name="submission_edit"),
    path("submissions/<int:pk>/<str:verb>/", views.SubmissionActionView.as_view(), name="submission_action"),
    path("issues/", views.IssueListView.as_view(), name="issues"),
    path("issues/new/", views.IssueCreateView.as_view(), name="issue_new"),
    path("issues/<int:pk>/", views.IssueDetailView.as_view(), name="issue"),
    path("issues/<int:pk>/download.<str:fmt>", views.IssueDownloadView.as_view(), name="issue_download"),
    path("issues/<int:pk>/<str:verb>/", views.IssueActionView.as_view(), name="issue_action"),
    path("items/<int:pk>/<str:verb>/", views.ItemActionView.as_view(), name="item_action"),
    path("topics/", views.TopicListView.as_view(), name="topics"),
    path("topics/new/", views.TopicCreateView.as_view(), name="topic_new"),
    path("topics/<int:pk>/", views.TopicDetailView.as_view(), name="topic"),
    path("import/", views.ImportView.as_view(), name="import"),
    path("statistics/", views.StatisticsView.as_view(), name="statistics"),
]
