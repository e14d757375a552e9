from django.urls import path

from hearth.appreciate import views

app_name = "appreciate"
urlpatterns = [
    path("", views.home, name="home"),
    path("wall/", views.wall, name="wall"),
    path("sent/", views.sent, name="sent"),
    path("notes/<int:pk>/<slug:action>/", views.note_change, name="note_change"),
    path("gestures/", views.gestures, name="gestures"),
    path("gestures/<int:pk>/noticed/", views.gesture_noticed, name="gesture_noticed"),
    path("styles/", views.styles, name="styles"),
    path("styles/favourites/", views.favourite_new, name="favourite_new"),
    path("styles/favourites/<int:pk>/remove/", views.favourite_delete, name="favourite_delete"),
    path("suggestions/<int:pk>/<slug:action>/", views.suggestion_act, name="suggestion_act"),
    path("journal/", views.journal, name="journal"),
    path("journal/<int:pk>/<slug:action>/", views.journal_change, name="journal_change"),
]
