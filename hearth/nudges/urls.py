from django.urls import path

from hearth.nudges import views

app_name = "nudges"
urlpatterns = [
    path("", views.home, name="home"),
    path("seen/", views.seen, name="seen"),
    path("settings/", views.settings_page, name="settings"),
    path("thinking-of-you/", views.thinking_of_you, name="thinking_of_you"),
]
