from django.urls import path

from hearth.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.settings_page, name="settings"),
]
