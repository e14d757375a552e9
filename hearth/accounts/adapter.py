from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from django import forms
from django.http import HttpRequest
from django.utils import translation
from django.utils.translation import gettext as _

from hearth.accounts import encryption, notices, sessions, throttle


class AccountAdapter(DefaultAccountAdapter):
    """Hearth's hooks into django-allauth: lockout-proof throttling and warm wording."""

    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "too_many_login_attempts": throttle.TOO_MANY_MESSAGE,
    }

    def pre_authenticate(self, request: HttpRequest, **credentials: Any) -> None:
        if throttle.is_blocked(request, credentials.get("email", "")):
            raise self.validation_error("too_many_login_attempts")

    def authentication_failed(self, request: HttpRequest, **credentials: Any) -> None:
        throttle.record_failure(request, credentials.get("email", ""))

    def clean_email(self, email: str) -> str:
        email = super().clean_email(email)
        if len(email) > 254:
            raise forms.ValidationError(
                _("Please use an e-mail address of at most 254 characters.")
            )
        return email

    def post_login(self, request: HttpRequest, user, *, signup: bool, **kwargs: Any):
        response = super().post_login(request, user, signup=signup, **kwargs)
        # allauth.usersessions has just listed this session; no need to again at once.
        sessions.mark_seen(request.session, user_agent=request.META.get("HTTP_USER_AGENT", ""))
        if not signup:
            notices.sign_in_notice_send(request=request, user=user)
        return response

    def send_notification_mail(self, template_prefix, user, context=None, email=None) -> None:
        # Hearth's notices name the device in plain words and the time in the person's zone;
        # they leave out the IP address, which says roughly where someone is. They are
        # written in the person's own language, whoever's browser made the change.
        with translation.override(user.language):
            context = {**notices.notice_context(self.request, user), **(context or {})}
            super().send_notification_mail(template_prefix, user, context, email)

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.email = user.email.lower()
        if commit:
            user.save()
        return user


class MFAAdapter(DefaultMFAAdapter):
    """Two-factor secrets are stored encrypted (hearth.accounts.encryption)."""

    def encrypt(self, text: str) -> str:
        return encryption.seal(text)

    def decrypt(self, encrypted_text: str) -> str:
        return encryption.unseal(encrypted_text)
