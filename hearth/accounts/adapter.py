from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from django import forms
from django.http import HttpRequest

from hearth.accounts import throttle


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
            raise forms.ValidationError("Please use an e-mail address of at most 254 characters.")
        return email

    def save_user(self, request, user, form, commit=True):
        user = super().save_user(request, user, form, commit=False)
        user.email = user.email.lower()
        if commit:
            user.save()
        return user
