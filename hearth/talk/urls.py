from django.urls import path

from hearth.talk import views

app_name = "talk"
urlpatterns = [
    path("", views.home, name="home"),
    path("today/swap/", views.swap, name="swap"),
    path("questions/<int:pk>/answer/", views.answer, name="answer"),
    path("answers/<int:pk>/react/", views.react, name="react"),
    path("answers/<int:pk>/reply/", views.reply, name="reply"),
    path("archive/", views.archive_page, name="archive"),
    path("repair/", views.repair_phrases, name="repair"),
]
