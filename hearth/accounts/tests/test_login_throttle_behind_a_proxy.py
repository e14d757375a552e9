"""SAFETY.md: a forged X-Forwarded-For does not reset login throttling, also behind a
reverse proxy (TRUSTED_PROXY_COUNT=1), where the proxy appends the real address and a
client may put anything it likes in front of it."""

import pytest
from django.test import Client

from hearth.accounts import throttle
from hearth.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.2"
STRANGER_IP = "203.0.113.66"
OWNER_IP = "198.51.100.7"


@pytest.fixture(autouse=True)
def behind_one_proxy(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1


def attempt(client: Client, email: str, password: str, *, real_ip: str, forged: str = ""):
    """A sign-in through the proxy: it appends the address it saw to what the client sent."""
    forwarded = f"{forged}, {real_ip}" if forged else real_ip
    return client.post(
        "/accounts/login/",
        {"login": email, "password": password},
        REMOTE_ADDR=PROXY,
        headers={"X-Forwarded-For": forwarded},
    )


def test_forged_addresses_in_front_do_not_reset_the_count(owner):
    stranger = Client()
    for n in range(throttle.PER_ACCOUNT_AND_SOURCE.attempts):
        response = attempt(
            stranger, owner.email, "wrong", real_ip=STRANGER_IP, forged=f"192.0.2.{n}"
        )
        assert response.status_code == 400
    response = attempt(stranger, owner.email, PASSWORD, real_ip=STRANGER_IP, forged="192.0.2.99")
    assert response.status_code == 400
    assert "Too many sign-in attempts" in response.content.decode()


def test_forging_cannot_spread_guesses_over_many_accounts(owner):
    stranger = Client()
    for n in range(throttle.PER_IP.attempts):
        attempt(stranger, f"someone{n}@example.com", "wrong", real_ip=STRANGER_IP, forged=f"{n}.1")
    response = attempt(stranger, owner.email, PASSWORD, real_ip=STRANGER_IP, forged="192.0.2.1")
    assert response.status_code == 400


def test_the_owner_behind_the_same_proxy_still_gets_in(owner):
    stranger = Client()
    for _ in range(throttle.PER_ACCOUNT_AND_SOURCE.attempts * 2):
        attempt(stranger, owner.email, "wrong", real_ip=STRANGER_IP, forged=OWNER_IP)
    # The stranger even claimed the owner's address; only the proxy's own entry counts.
    response = attempt(Client(), owner.email, PASSWORD, real_ip=OWNER_IP)
    assert response.status_code == 302
