from django.urls import path

from hearth.talk import views, views_listening, views_timeouts

app_name = "talk"
urlpatterns = [
    path("", views.home, name="home"),
    path("coach/", views.coach, name="coach"),
    path("today/swap/", views.swap, name="swap"),
    path("questions/<int:pk>/answer/", views.answer, name="answer"),
    path("answers/<int:pk>/react/", views.react, name="react"),
    path("answers/<int:pk>/reply/", views.reply, name="reply"),
    path("archive/", views.archive_page, name="archive"),
    path("repair/", views.repair_phrases, name="repair"),
    path("timeout/", views_timeouts.timeout_page, name="timeout"),
    path("timeout/start/", views_timeouts.timeout_begin, name="timeout_start"),
    path("timeout/<int:pk>/end/", views_timeouts.timeout_end, name="timeout_end"),
    path("debriefs/", views_timeouts.debriefs, name="debriefs"),
    path("listen/", views_listening.listening_home, name="listening"),
    path("listen/start/", views_listening.listening_start, name="listening_start"),
    path("listen/<int:pk>/", views_listening.listening_session, name="listening_session"),
    path("listen/<int:pk>/state/", views_listening.listening_state, name="listening_state"),
    path("listen/<int:pk>/<slug:action>/", views_listening.listening_act, name="listening_act"),
    path("debriefs/<int:pk>/share/", views_timeouts.debrief_share, name="debrief_share"),
]
