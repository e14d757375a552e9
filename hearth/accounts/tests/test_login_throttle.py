import pytest
from django.test import Client

from hearth.accounts import throttle
from hearth.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

STRANGER_IP = "203.0.113.66"
OWNER_IP = "198.51.100.7"


def attempt(client: Client, email: str, password: str, ip: str, **headers):
    return client.post(
        "/accounts/login/", {"login": email, "password": password}, REMOTE_ADDR=ip, headers=headers
    )


def test_it_logs_in_with_the_right_password(owner):
    response = attempt(Client(), owner.email, PASSWORD, OWNER_IP)
    assert response.status_code == 302
    assert throttle.DEVICE_COOKIE in response.cookies


def test_it_stops_a_guesser_after_a_few_failures(owner):
    stranger = Client()
    for _ in range(throttle.PER_ACCOUNT_AND_SOURCE.attempts):
        assert attempt(stranger, owner.email, "wrong-guess-1", STRANGER_IP).status_code == 400
    # Even the right password is refused from the guesser's machine now.
    response = attempt(stranger, owner.email, PASSWORD, STRANGER_IP)
    assert response.status_code == 400
    assert "Too many sign-in attempts" in response.content.decode()


def test_a_stranger_cannot_lock_the_owner_out(owner):
    stranger = Client()
    for _ in range(throttle.PER_ACCOUNT_AND_SOURCE.attempts * 3):
        attempt(stranger, owner.email, "wrong-guess-1", STRANGER_IP)
    response = attempt(Client(), owner.email, PASSWORD, OWNER_IP)
    assert response.status_code == 302


def test_the_owners_known_device_gets_in_even_from_the_strangers_network(owner):
    # The owner signed in on this phone before, then someone at home starts guessing.
    phone = Client()
    attempt(phone, owner.email, PASSWORD, OWNER_IP)
    phone.post("/accounts/logout/")
    housemate = Client()
    for _ in range(throttle.PER_IP.attempts + 5):
        attempt(housemate, owner.email, "wrong-guess-1", OWNER_IP)
    assert attempt(housemate, owner.email, PASSWORD, OWNER_IP).status_code == 400
    assert attempt(phone, owner.email, PASSWORD, OWNER_IP).status_code == 302


def test_a_forged_forwarded_for_header_does_not_reset_the_count(owner):
    stranger = Client()
    for n in range(throttle.PER_ACCOUNT_AND_SOURCE.attempts):
        attempt(stranger, owner.email, "wrong", STRANGER_IP, X_Forwarded_For=f"192.0.2.{n}")
    response = attempt(stranger, owner.email, PASSWORD, STRANGER_IP, X_Forwarded_For="192.0.2.99")
    assert response.status_code == 400


def test_one_machine_guessing_many_accounts_is_stopped(db):
    stranger = Client()
    for n in range(throttle.PER_IP.attempts):
        attempt(stranger, f"someone{n}@example.com", "wrong", STRANGER_IP)
    response = attempt(stranger, "another@example.com", "wrong", STRANGER_IP)
    assert "Too many sign-in attempts" in response.content.decode()


def test_a_device_cookie_for_another_account_gives_no_exemption(owner, loner):
    phone = Client()
    attempt(phone, loner.email, PASSWORD, STRANGER_IP)
    phone.post("/accounts/logout/")
    for _ in range(throttle.PER_ACCOUNT_AND_SOURCE.attempts):
        attempt(phone, owner.email, "wrong", STRANGER_IP)
    assert attempt(phone, owner.email, PASSWORD, STRANGER_IP).status_code == 400
