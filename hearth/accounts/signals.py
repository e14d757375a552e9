from allauth.account.signals import password_changed, password_reset, password_set
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from hearth.accounts.sessions import account_end_other_access


@receiver(user_logged_in)
def remember_device_on_login(sender, request, user, **kwargs) -> None:
    # The cookie is set on the response by UserPreferencesMiddleware.
    if request is not None:
        request.hearth_signed_in_email = user.email


# allauth offers these signals (not adapter hooks) for password changes.
@receiver(password_changed)
@receiver(password_set)
def end_other_access_on_password_change(sender, request, user, **kwargs) -> None:
    """A new password keeps this session and ends every other one, and every API token."""
    account_end_other_access(user=user, keep_session_key=request.session.session_key)


@receiver(password_reset)
def end_all_access_on_password_reset(sender, request, user, **kwargs) -> None:
    account_end_other_access(user=user, keep_session_key=None)
