import zoneinfo

from django.utils import timezone, translation

from hearth.accounts import throttle


class UserPreferencesMiddleware:
    """Show dates in the person's own time zone and language; remember their device."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            try:
                timezone.activate(zoneinfo.ZoneInfo(user.time_zone))
            except (zoneinfo.ZoneInfoNotFoundError, ValueError):
                timezone.deactivate()
            translation.activate(user.language)
            request.LANGUAGE_CODE = user.language
        else:
            timezone.deactivate()
        response = self.get_response(request)
        email = getattr(request, "hearth_signed_in_email", None)
        if email:
            throttle.remember_device(request, response, email)
        return response
