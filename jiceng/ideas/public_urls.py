from django.urls import path

from . import views

app_name = "ideas_public"
urlpatterns = [
    path("status/", views.public_status, name="status"),
    path("receipt/<str:receipt>/", views.public_receipt, name="receipt"),
    path("<slug:code>/adopted/", views.public_board, name="board"),
    path("<slug:code>/<int:compound_id>/", views.PublicIntakeView.as_view(), name="intake"),
]
