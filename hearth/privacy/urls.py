from django.urls import path

from hearth.privacy import views

app_name = "privacy"
urlpatterns = [
    path("export/", views.export_page, name="export"),
    path("export/download/", views.export_download, name="export_download"),
    path("delete/", views.delete_page, name="delete"),
    path("notices/<int:pk>/dismiss/", views.notice_dismiss, name="notice_dismiss"),
]
