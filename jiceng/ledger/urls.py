from django.urls import path

from . import views

app_name = "ledger"
urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("inbox/", views.InboxView.as_view(), name="inbox"),
    path("programmes/<int:pk>/map/", views.BattleMapView.as_view(), name="map"),
    path("programmes/<int:pk>/charts/", views.ChartsView.as_view(), name="charts"),
    path("programmes/<int:pk>/notices/", views.NoticeListView.as_view(), name="notices"),
    path("programmes/<int:pk>/draw/", views.DrawView.as_view(), name="draw"),
    path("programmes/<int:pk>/import/", views.ImportView.as_view(), name="import"),
    path("projects/<int:pk>/", views.ProjectDetailView.as_view(), name="project"),
    path("projects/<int:pk>/report/", views.ReportView.as_view(), name="report"),
    path("projects/<int:pk>/inspect/", views.InspectionView.as_view(), name="inspect"),
    path("reports/<int:pk>/return/", views.ReportReturnView.as_view(), name="report_return"),
    path("rectifications/<int:pk>/<str:verb>/", views.RectificationActionView.as_view(), name="rectification"),
    path("notices/<int:pk>/", views.NoticeDetailView.as_view(), name="notice"),
    path("notices/<int:pk>/issue/", views.NoticeIssueView.as_view(), name="notice_issue"),
    path("notices/<int:pk>/draft/", views.NoticeDraftView.as_view(), name="notice_draft"),
]
