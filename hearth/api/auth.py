from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from hearth.accounts.models import User
from hearth.api.models import ApiToken


class ApiRequest(HttpRequest):
    """A request the API has authenticated: the user is a real Hearth user."""

    user: User  # type: ignore[assignment]


class BearerToken(HttpBearer):
    """`Authorization: Bearer hth_…` with a personal access token from settings."""

    def authenticate(self, request: HttpRequest, token: str):
        if not token or len(token) > 200:
            return None
        user = ApiToken.user_for_secret(token)
        if user is not None:
            request.user = user
        return user


# Scripts use a token; Hearth's own pages may call the API with their session (CSRF-checked).
API_AUTH = [BearerToken(), django_auth]
