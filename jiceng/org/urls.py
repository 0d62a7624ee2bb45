from django.urls import path

from . import views

app_name = "org"
urlpatterns = [
    path("", views.TreeView.as_view(), name="tree"),
    path("divisions/<int:pk>/", views.DivisionDetailView.as_view(), name="division"),
    path("divisions/<int:pk>/children/", views.TreeChildrenView.as_view(), name="division_children"),
    path("divisions/<int:pk>/add/", views.DivisionCreateView.as_view(), name="division_add"),
    path("divisions/<int:pk>/edit/", views.DivisionUpdateView.as_view(), name="division_edit"),
    path("divisions/<int:pk>/archive/", views.DivisionArchiveView.as_view(), name="division_archive"),
    path("compounds/", views.CompoundListView.as_view(), name="compounds"),
    path("units/", views.UnitListView.as_view(), name="units"),
    path("units/<int:pk>/", views.UnitDetailView.as_view(), name="unit"),
    path("units/<int:pk>/edit/", views.UnitUpdateView.as_view(), name="unit_edit"),
    path("units/<int:pk>/archive/", views.UnitArchiveView.as_view(), name="unit_archive"),
]
