from django.conf import settings
from django.contrib import admin
from django.contrib.auth.decorators import login_required
from django.urls import include, path
from django.views.generic import RedirectView

from hearth.accounts import views_auth as auth_views
from hearth.api.urls_v1 import api
from hearth.core import views as core_views
from hearth.core import views_app as app_views
from hearth.core import views_tour as tour_views

urlpatterns = [
    path("", core_views.today, name="today"),
    path("healthz", core_views.healthz, name="healthz"),
    path("manifest.webmanifest", app_views.manifest, name="manifest"),
    path("sw.js", app_views.service_worker, name="service_worker"),
    path("offline/", app_views.offline, name="offline"),
    path("welcome/tour/done/", tour_views.tour_done, name="tour_done"),
    path("welcome/tour/<slug:step>/", tour_views.tour, name="tour"),
    path("help/safety/", core_views.help_safety, name="help_safety"),
    path("accounts/signup/", auth_views.SignupView.as_view(), name="account_signup"),
    path("accounts/login/", auth_views.LoginView.as_view(), name="account_login"),
    # allauth's own sessions list: Hearth's page (with API tokens) replaces it.
    path(
        "accounts/sessions/",
        login_required(RedirectView.as_view(pattern_name="accounts:sessions")),
        name="usersessions_list",
    ),
    path("accounts/", include("allauth.urls")),
    path("settings/", include("hearth.accounts.urls")),
    path("settings/tokens/", include("hearth.api.urls")),
    path("settings/data/", include("hearth.privacy.urls")),
    path("couple/", include("hearth.couples.urls")),
    path("talk/", include("hearth.talk.urls")),
    path("together/", include("hearth.together.urls")),
    path("appreciate/", include("hearth.appreciate.urls")),
    path("trust/", include("hearth.trust.urls")),
    path("support/", include("hearth.support.urls")),
    path("insights/", include("hearth.insights.urls")),
    path("nudges/", include("hearth.nudges.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
]

if settings.BENCH:
    # `manage.py bench_load` only: the floor the Today page is measured against.
    urlpatterns.append(path("bench/floor/", core_views.bench_floor))
