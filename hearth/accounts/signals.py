from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver


@receiver(user_logged_in)
def remember_device_on_login(sender, request, user, **kwargs) -> None:
    # The cookie is set on the response by UserPreferencesMiddleware.
    if request is not None:
        request.hearth_signed_in_email = user.email
