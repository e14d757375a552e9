from django.urls import path

from hearth.trust import views

app_name = "trust"
urlpatterns = [
    path("", views.home, name="home"),
    path("promises/", views.promises, name="promises"),
    path("promises/<int:pk>/", views.promise_detail, name="promise"),
    path("promises/<int:pk>/renegotiate/", views.promise_change, name="promise_change"),
    path("promises/<int:pk>/<slug:action>/", views.promise_act, name="promise_act"),
    path("share/", views.sharing, name="sharing"),
    path("share/start/", views.sharing_start, name="sharing_start"),
    path("rounds/<int:pk>/", views.round_page, name="round"),
    path("rounds/<int:pk>/share/", views.round_share, name="round_share"),
    path("rounds/<int:pk>/respond/", views.round_respond, name="round_respond"),
    path("rounds/<int:pk>/pass/", views.round_skip, name="round_pass"),
    path("shares/<int:pk>/withdraw/", views.share_take_back, name="share_withdraw"),
    path("repair/", views.repair, name="repair"),
    path("apologies/<int:pk>/answer/", views.apology_reply, name="apology_answer"),
]
