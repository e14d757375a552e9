from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from hearth.accounts.models import User
from hearth.accounts.services import TokenRefused, account_signup, api_token_for_credentials
from hearth.accounts.throttle import client_ip
from hearth.api.schemas import Email, ErrorOut, Password, single_line
from hearth.core import ratelimit
from hearth.couples.endpoints import CoupleOut, couple_out
from hearth.couples.selectors import active_membership

router = Router(tags=["account"])
PREFIX = ""
SIGNUPS_PER_HOUR = 20


class SignupIn(Schema):
    email: Email
    password: Password
    display_name: single_line(60)  # type: ignore[valid-type]


class SignupOut(Schema):
    id: int
    email: str
    display_name: str


class TokenRequestIn(Schema):
    email: Email
    password: Password
    totp: single_line(20) | None = None  # type: ignore[valid-type]
    name: single_line(60) = "API"  # type: ignore[valid-type]


class TokenOut(Schema):
    token: str


class DeleteMeIn(Schema):
    password: Password


class MeOut(Schema):
    id: int
    email: str
    display_name: str
    pronouns: str
    time_zone: str
    language: str
    couple: CoupleOut | None


@router.post(
    "/auth/signup",
    auth=None,
    response={201: SignupOut, 400: ErrorOut, 409: ErrorOut, 429: ErrorOut},
    summary="Create an account",
)
def signup(request: HttpRequest, payload: SignupIn):
    if ratelimit.hit("api-signup", client_ip(request), window_seconds=3600) > SIGNUPS_PER_HOUR:
        return Status(
            429,
            {
                "detail": _("Too many sign-ups from here. Try again in an hour."),
                "code": "throttled",
            },
        )
    try:
        password_validation.validate_password(payload.password)
    except ValidationError as error:
        return Status(400, {"detail": " ".join(error.messages), "code": "weak_password"})
    try:
        with transaction.atomic():
            user = account_signup(
                request,
                email=payload.email,
                password=payload.password,
                display_name=payload.display_name,
            )
    except IntegrityError:
        return Status(
            409,
            {
                "detail": _(
                    "An account with this e-mail already exists. Log in, or reset your password."
                ),
                "code": "email_taken",
            },
        )
    return Status(201, user)


@router.post(
    "/auth/token",
    auth=None,
    response={200: TokenOut, 401: ErrorOut, 429: ErrorOut},
    summary="Exchange e-mail and password (and a two-factor code) for a token",
)
def token(request: HttpRequest, payload: TokenRequestIn):
    try:
        secret = api_token_for_credentials(
            request,
            email=payload.email,
            password=payload.password,
            code=payload.totp,
            name=payload.name,
        )
    except TokenRefused as refused:
        return Status(refused.status, {"detail": refused.message, "code": refused.code})
    return Status(200, {"token": secret})


@router.get("/me", response=MeOut, summary="Who am I, and who is my partner")
def me(request: HttpRequest):
    user: User = request.auth  # type: ignore[attr-defined]
    membership = active_membership(user)
    return {
        "id": user.pk,
        "email": user.email,
        "display_name": user.display_name,
        "pronouns": user.pronouns,
        "time_zone": user.time_zone,
        "language": user.language,
        "couple": couple_out(user, membership),
    }


@router.delete(
    "/me",
    response={204: None, 400: ErrorOut, 403: ErrorOut, 429: ErrorOut},
    summary="Delete my account and everything I wrote",
    description="Needs my password. The couple ends; my partner keeps their own words and "
    "is told kindly. Every session and token of mine ends.",
)
def delete_me(request: HttpRequest, payload: DeleteMeIn):
    from hearth.privacy.services import account_delete

    account_delete(user=request.auth, password=payload.password)  # type: ignore[attr-defined]
    return Status(204, None)
