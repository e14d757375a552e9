from django.urls import path

from hearth.couples import views

app_name = "couples"
urlpatterns = [
    path("invite/", views.invite, name="invite"),
    path("join/", views.join, name="join"),
    path("join/<str:token>/", views.join_link, name="join_link"),
    path("unlink/", views.unlink, name="unlink"),
    path("time-zone/", views.time_zone, name="time_zone"),
]
