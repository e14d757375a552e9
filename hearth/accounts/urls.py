from django.urls import path

from hearth.accounts import views, views_sessions

app_name = "accounts"
urlpatterns = [
    path("", views.settings_page, name="settings"),
    path("sessions/", views_sessions.sessions_page, name="sessions"),
    path("sessions/<int:pk>/sign-out/", views_sessions.session_end, name="session_end"),
    path(
        "sessions/sign-out-everywhere-else/",
        views_sessions.sessions_end_others,
        name="sessions_end_others",
    ),
    path("privacy/", views.partner_can_see, name="partner_can_see"),
]
