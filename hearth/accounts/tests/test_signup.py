import pytest
from django.test import Client

from hearth.accounts.models import User

pytestmark = pytest.mark.django_db


def signup(client: Client, **overrides):
    data = {
        "email": "river@example.com",
        "password1": "a-long-Password-42",
        "display_name": "River",
    }
    data.update(overrides)
    return client.post("/accounts/signup/", data)


def test_it_signs_up_with_email_password_and_name():
    client = Client()
    response = signup(client)
    assert response.status_code == 302
    user = User.objects.get(email="river@example.com")
    assert user.display_name == "River"
    assert user.password.startswith(("md5$", "argon2"))  # hashed, never plain
    assert "Bring your partner in" in client.get("/").content.decode()


def test_it_lowercases_the_email():
    signup(Client(), email="River.Stone@Example.COM")
    assert User.objects.filter(email="river.stone@example.com").exists()


def test_it_welcomes_emoji_and_right_to_left_names():
    signup(Client(), display_name="نور 🌙")
    assert User.objects.get().display_name == "نور 🌙"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("display_name", "x" * 61, "at most 60 characters"),
        ("display_name", "Sam\x07", "control character"),
        ("display_name", "\u202eSam", "control character"),
        ("display_name", "", "This field is required"),
        ("email", "not-an-email", "valid email"),
        ("email", "a" * 250 + "@example.com", "at most 254"),
        ("password1", "short", "too short"),
        ("password1", "password123", "too common"),
        ("password1", "x" * 200, "at most 128"),
    ],
)
def test_it_refuses_bad_input_and_stores_nothing(field, value, message):
    response = signup(Client(), **{field: value})
    assert response.status_code == 400  # the form again, with the message
    assert message.lower() in response.content.decode().lower()
    assert not User.objects.exists()


def test_it_refuses_a_second_account_for_the_same_email():
    signup(Client())
    response = signup(Client(), email="RIVER@example.com")
    assert "already registered" in response.content.decode()
    assert User.objects.count() == 1


def test_it_allows_a_64_character_passphrase():
    passphrase = "correct horse battery staple and a long walk by the sea at dusk!"
    assert len(passphrase) >= 64
    response = signup(Client(), password1=passphrase)
    assert response.status_code == 302
    assert User.objects.get().check_password(passphrase)
