import zoneinfo

from django.utils import timezone, translation

from hearth.accounts import sessions, throttle


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


class SessionActivityMiddleware:
    """Keep each web session's device and "last active" time for the sessions page (D4).

    allauth's own tracking writes on every request; this writes at most once every few
    minutes per session, so "last active" is approximate and SQLite stays quiet.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and request.session.session_key:
            sessions.user_session_touch(request=request)
        return self.get_response(request)
