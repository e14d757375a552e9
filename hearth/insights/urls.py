from django.urls import path

from hearth.insights import views, views_pulse, views_week

app_name = "insights"
urlpatterns = [
    path("", views.home, name="home"),
    path("week/", views_week.week, name="week"),
    path("pulse/", views_pulse.pulse, name="pulse"),
]
