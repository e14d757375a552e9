from django.urls import path

from hearth.together import views, views_memories, views_rituals

app_name = "together"
urlpatterns = [
    path("", views.home, name="home"),
    path("ideas/", views.ideas, name="ideas"),
    path("dates/", views.dates, name="dates"),
    path("dates/new/", views.date_new, name="date_new"),
    path("dates/<int:pk>/", views.date_detail, name="date"),
    path("dates/<int:pk>/suggest/", views.date_suggest, name="date_suggest"),
    path("dates/<int:pk>/rate/", views.date_rate, name="date_rate"),
    path("dates/<int:pk>/<slug:action>/", views.date_act, name="date_act"),
    path("rituals/", views_rituals.rituals, name="rituals"),
    path("rituals/<int:pk>/", views_rituals.ritual_detail, name="ritual"),
    path("rituals/<int:pk>/<slug:action>/", views_rituals.ritual_change, name="ritual_change"),
    path("calendar/", views_rituals.calendar, name="calendar"),
    path("calendar/<str:token>.ics", views_rituals.feed, name="feed"),
    path("present/", views_memories.present, name="present"),
    path("present/start/", views_memories.present_begin, name="present_start"),
    path("present/<int:pk>/end/", views_memories.present_stop, name="present_end"),
    path("bucket/", views_memories.bucket, name="bucket"),
    path("bucket/<int:pk>/<slug:action>/", views_memories.bucket_change, name="bucket_change"),
    path("memories/", views_memories.memories, name="memories"),
    path("memories/<int:pk>/", views_memories.memory_detail, name="memory"),
    path("memories/<int:pk>/reflect/", views_memories.memory_reflect, name="memory_reflect"),
    path("memories/<int:pk>/photos/", views_memories.memory_photo_add, name="memory_photo_add"),
    path("memories/<int:pk>/remove/", views_memories.memory_remove, name="memory_remove"),
    path("photos/<int:pk>/", views_memories.photo, name="photo"),
    path("photos/<int:pk>/remove/", views_memories.photo_remove, name="photo_remove"),
]
