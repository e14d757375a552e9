from django.urls import path

from hearth.support import views

app_name = "support"
urlpatterns = [
    path("", views.home, name="home"),
    path("check-ins/", views.history, name="history"),
    path("check-ins/<int:pk>/reply/", views.check_in_answer, name="check_in_reply"),
    path("bids/", views.bid_new, name="bid_new"),
    path("bids/<int:pk>/answer/", views.bid_reply, name="bid_answer"),
    path("needs-map/", views.needs_map, name="needs_map"),
    path("good-news/", views.good_news, name="good_news"),
    path("good-news/<int:pk>/cheer/", views.cheer, name="cheer"),
    path("love-map/", views.love_map, name="love_map"),
    path("love-map/guess/", views.love_map_guess, name="love_map_guess"),
    path("love-map/guesses/<int:pk>/mark/", views.love_map_mark, name="love_map_mark"),
]
