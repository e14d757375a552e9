"""PRODUCT D6: the operators' admin manages accounts and content, never private entries."""

import pytest
from allauth.mfa.models import Authenticator
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from hearth.accounts.visibility import model_labels
from hearth.appreciate.services import favourite_add, gesture_log
from hearth.conftest_helpers import login_client
from hearth.core.registry import content_libraries
from hearth.couples.models import Couple, CoupleOwned
from hearth.tests.factories import UserFactory, couple_of

pytestmark = pytest.mark.django_db

GESTURE = "Warmed the car before your early shift"
FAVOURITE = "Pancakes on a slow Sunday"


@pytest.fixture
def operator(db):
    return UserFactory.create(email="ops@example.com", is_staff=True, is_superuser=True)


@pytest.fixture
def entries(owner, partner):
    couple = couple_of(owner)
    gesture_log(user=owner, couple=couple, style="service", text=GESTURE)
    favourite_add(user=owner, style="time", text=FAVOURITE)
    return couple


def test_no_model_holding_what_people_write_has_an_admin():
    private = model_labels()  # everything "What my partner can see" lists
    for model in admin.site._registry:
        assert not issubclass(model, CoupleOwned), f"{model._meta.label} is couple-owned"
        assert model._meta.label not in private, f"{model._meta.label} holds people's words"


def test_it_manages_accounts_couples_and_every_content_library():
    registered = {model._meta.label for model in admin.site._registry}
    assert {"accounts.User", "couples.Couple", "api.ApiToken"} <= registered
    for name, library in content_libraries().items():
        assert library.model._meta.label in registered, name  # type: ignore[attr-defined]


def test_an_operator_opens_every_list_and_form(operator, entries):
    for library in content_libraries().values():
        library.load()
    Authenticator.objects.create(user=operator, type="totp", data={"secret": "JBSWY3DPEHPK3PXP"})
    client = login_client(operator)
    assert client.get("/admin/").status_code == 200
    for model, model_admin in admin.site._registry.items():
        info = (model._meta.app_label, model._meta.model_name)
        changelist = client.get(reverse("admin:{}_{}_changelist".format(*info)))
        assert changelist.status_code == 200, model._meta.label
        if model_admin.has_add_permission(changelist.wsgi_request):
            add = client.get(reverse("admin:{}_{}_add".format(*info)))
            assert add.status_code == 200, model._meta.label
        first = model._default_manager.first()
        if first is not None:
            change = client.get(reverse("admin:{}_{}_change".format(*info), args=[first.pk]))
            assert change.status_code == 200, model._meta.label
            assert "JBSWY3DPEHPK3PXP" not in change.content.decode()


def test_a_person_and_a_couple_show_none_of_their_words(operator, owner, entries):
    client = login_client(operator)
    pages = [
        reverse("admin:accounts_user_change", args=[owner.pk]),
        reverse("admin:accounts_user_delete", args=[owner.pk]),
        reverse("admin:couples_couple_change", args=[entries.pk]),
        reverse("admin:couples_couple_delete", args=[entries.pk]),
        reverse("admin:accounts_user_changelist") + "?q=olive",
    ]
    for path in pages:
        response = client.get(path)
        page = response.content.decode()
        assert response.status_code == 200, path
        assert GESTURE not in page and FAVOURITE not in page, path


def test_a_person_in_the_admin_shows_no_sign_of_when_they_last_used_hearth(operator, owner):
    owner.last_login = timezone.now()
    owner.save(update_fields=["last_login"])
    page = (
        login_client(operator)
        .get(reverse("admin:accounts_user_change", args=[owner.pk]))
        .content.decode()
    )
    assert "Last login" not in page and "last_login" not in page


def test_deleting_a_person_says_how_many_entries_go_with_them(operator, owner, entries):
    page = (
        login_client(operator)
        .get(reverse("admin:accounts_user_delete", args=[owner.pk]))
        .content.decode()
    )
    assert "<li>Gestures: 1</li>" in page and "<li>Favourites: 1</li>" in page
    response = login_client(operator).post(
        reverse("admin:accounts_user_delete", args=[owner.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert Couple.objects.filter(pk=entries.pk).exists()


def test_people_who_are_not_operators_are_sent_to_the_admin_login(owner, partner):
    response = login_client(owner).get("/admin/accounts/user/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
