import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import (
    TOTP,
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)

from hearth.accounts.models import User
from hearth.api.models import ApiToken, hash_token
from hearth.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_it_signs_up(api_for):
    response = api_for().post(
        "/auth/signup",
        {"email": "Kai@Example.com", "password": "a-long-Password-42", "display_name": "Kai 🌿"},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "kai@example.com"
    assert body["display_name"] == "Kai 🌿"
    assert User.objects.get().check_password("a-long-Password-42")


@pytest.mark.parametrize(
    ("payload", "status", "message"),
    [
        ({"email": "kai@example.com", "password": "a-long-Password-42"}, 422, "display_name"),
        ({"email": 42, "password": "a-long-Password-42", "display_name": "K"}, 422, "email"),
        ({"email": "kai@example.com", "password": ["x"], "display_name": "K"}, 422, "password"),
        (
            {"email": "nope", "password": "a-long-Password-42", "display_name": "K"},
            422,
            "valid e-mail",
        ),
        ({"email": "kai@example.com", "password": "abc", "display_name": "K"}, 400, "too short"),
        (
            {
                "email": "kai@example.com",
                "password": "a-long-Password-42",
                "display_name": "K" * 61,
            },
            422,
            "60 characters",
        ),
        (
            {
                "email": "kai@example.com",
                "password": "a-long-Password-42",
                "display_name": "K\x1b[31m",
            },
            422,
            "control character",
        ),
        (
            {
                "email": "kai@example.com",
                "password": "a-long-Password-42",
                "display_name": "\u202eK",
            },
            422,
            "control character",
        ),
        ({"email": "kai@example.com", "password": "p" * 129, "display_name": "K"}, 422, "password"),
    ],
)
def test_it_refuses_bad_signups_and_stores_nothing(api_for, payload, status, message):
    response = api_for().post("/auth/signup", payload)
    assert response.status_code == status
    assert message in response.json()["detail"]
    assert not User.objects.exists()


def test_it_refuses_a_duplicate_email(api_for, owner):
    response = api_for().post(
        "/auth/signup",
        {"email": owner.email.upper(), "password": "a-long-Password-42", "display_name": "Again"},
    )
    assert response.status_code == 409
    assert User.objects.count() == 1


def test_it_refuses_a_body_that_is_not_json(api_for):
    client = api_for().client
    for body in (b"\xff\xfe\x00not utf-8", b"{not json", b"[]"):
        response = client.post("/api/v1/auth/signup", body, content_type="application/json")
        assert 400 <= response.status_code < 500
    assert not User.objects.exists()


def test_it_refuses_an_oversized_body(api_for, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024
    huge = '{"email": "kai@example.com", "password": "x", "display_name": "' + "a" * 100_000 + '"}'
    response = api_for().client.post(
        "/api/v1/auth/signup", huge.encode(), content_type="application/json"
    )
    assert response.status_code in (400, 413)
    assert not User.objects.exists()


def test_it_gives_a_token_for_the_right_password(api_for, owner):
    response = api_for().post("/auth/token", {"email": owner.email, "password": PASSWORD})
    assert response.status_code == 200
    secret = response.json()["token"]
    assert secret.startswith("hth_")
    # Only a fingerprint is stored.
    assert ApiToken.objects.filter(token_hash=hash_token(secret)).exists()
    assert not ApiToken.objects.filter(token_hash=secret).exists()
    me = api_for().get("/me", headers={"Authorization": f"Bearer {secret}"})
    assert me.json()["email"] == owner.email


def test_it_answers_401_to_a_wrong_password(api_for, owner):
    response = api_for().post("/auth/token", {"email": owner.email, "password": "nope-nope-nope"})
    assert response.status_code == 401
    assert response.json()["code"] == "bad_credentials"


def test_it_throttles_token_guessing(api_for, owner):
    from hearth.accounts import throttle

    for _ in range(throttle.PER_ACCOUNT_AND_SOURCE.attempts):
        api_for().post("/auth/token", {"email": owner.email, "password": "wrong-one-here"})
    response = api_for().post("/auth/token", {"email": owner.email, "password": PASSWORD})
    assert response.status_code == 429


def current_code(authenticator: Authenticator) -> str:
    from allauth.mfa.utils import decrypt

    secret = decrypt(authenticator.data["secret"])
    counter = next(iter(yield_hotp_counters_from_time()))
    return format_hotp_value(hotp_value(secret, counter))


def test_it_asks_for_the_totp_code_when_two_factor_is_on(api_for, owner):
    authenticator = TOTP.activate(owner, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP").instance
    credentials = {"email": owner.email, "password": PASSWORD}
    missing = api_for().post("/auth/token", credentials)
    assert missing.status_code == 401 and missing.json()["code"] == "mfa_required"
    wrong = api_for().post("/auth/token", {**credentials, "totp": "000000"})
    assert wrong.status_code == 401 and wrong.json()["code"] == "bad_mfa_code"
    code = current_code(authenticator)
    assert api_for().post("/auth/token", {**credentials, "totp": code}).status_code == 200
    # A TOTP code works once.
    assert api_for().post("/auth/token", {**credentials, "totp": code}).status_code == 401


def test_me_without_a_token_is_401(api_for):
    response = api_for().get("/me")
    assert response.status_code == 401
    assert "Bearer" in response.json()["detail"]


def test_a_revoked_token_stops_working_at_once(api_for, owner):
    api = api_for(owner)
    token_id = api.get("/tokens").json()[0]["id"]
    assert api.delete(f"/tokens/{token_id}").status_code == 204
    assert api.get("/me").status_code == 401


def test_me_shows_the_partner(api_for, owner, partner):
    body = api_for(owner).get("/me").json()
    assert body["couple"]["partner"] == {
        "id": partner.pk,
        "display_name": partner.display_name,
        "pronouns": "",
    }
    assert set(body) >= {"id", "email", "display_name", "time_zone", "couple"}
    assert "since" in body["couple"]
