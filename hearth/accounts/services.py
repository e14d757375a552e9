"""Account workflows shared by the web pages and the API."""

from allauth.account import app_settings as allauth_settings
from allauth.account.internal.flows.email_verification import send_verification_email_for_user
from allauth.account.utils import setup_user_email
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth import authenticate
from django.db import transaction
from django.http import HttpRequest
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from hearth.accounts import notices, throttle
from hearth.accounts.models import User
from hearth.api.models import ApiToken


def account_signup(request: HttpRequest, *, email: str, password: str, display_name: str) -> User:
    """Create an account as the sign-up page does, e-mail verification included."""
    with transaction.atomic():
        user = User.objects.create_user(email=email, password=password, display_name=display_name)
        setup_user_email(request, user, [])
    if allauth_settings.EMAIL_VERIFICATION != allauth_settings.EmailVerificationMethod.NONE:
        send_verification_email_for_user(request, user)
    return user


class TokenRefused(Exception):
    """`message` is for the person, translated when raised (a lazy text is made a str here,
    for the JSON answer)."""

    def __init__(self, message: str | Promise, *, code: str, status: int):
        message = str(message)
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status


def _second_factor_ok(user: User, code: str) -> bool:
    code = code.replace(" ", "")
    for authenticator in Authenticator.objects.filter(
        user=user, type__in=[Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES]
    ):
        if authenticator.wrap().validate_code(code):
            authenticator.record_usage()
            return True
    return False


def api_token_for_credentials(
    request: HttpRequest, *, email: str, password: str, code: str | None, name: str
) -> str:
    """A new personal access token for correct credentials, throttled like the login page."""
    if throttle.is_blocked(request, email):
        raise TokenRefused(throttle.TOO_MANY_MESSAGE, code="throttled", status=429)
    user = authenticate(request, email=email, password=password)
    if user is None:
        throttle.record_failure(request, email)
        raise TokenRefused(
            _("That e-mail and password don't match an account."),
            code="bad_credentials",
            status=401,
        )
    if is_mfa_enabled(user):
        if not code:
            raise TokenRefused(
                _("Two-factor is on for this account: add your authenticator code as `totp`."),
                code="mfa_required",
                status=401,
            )
        if not _second_factor_ok(user, code):
            throttle.record_failure(request, email)
            raise TokenRefused(
                _("That two-factor code didn't work. Use the newest code, or a recovery code."),
                code="bad_mfa_code",
                status=401,
            )
    _token, secret = ApiToken.issue(user=user, name=name)
    # A password alone gave lasting access: the person hears of it, as of a new browser.
    # The notice is in the person's language, so is how it names the token.
    with translation.override(user.language):
        via = _("a new API token, “%(name)s”") % {"name": name}
    notices.sign_in_notice_send(request=request, user=user, via=via)
    return secret
