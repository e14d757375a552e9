"""Helpers importable from tests (fixtures live in the root conftest.py)."""

import time

from django.test import Client


def login_client(user, *, recently_authenticated: bool = True) -> Client:
    """A client signed in as `user`, as if they had just typed their password.

    allauth asks for the password again before sensitive changes unless the
    sign-in was recent; the record it keeps for that is set here too.
    """
    from allauth.usersessions.models import UserSession

    from hearth.accounts.sessions import mark_seen

    client = Client()
    client.force_login(user)
    # A real sign-in lists the session at once (allauth.usersessions), so the first page
    # asked for costs the same queries as every later one.
    UserSession.objects.create(
        user=user, session_key=client.session.session_key, ip="127.0.0.1", user_agent=""
    )
    session = client.session
    mark_seen(session, user_agent="")
    session.save()
    if recently_authenticated:
        session["account_authentication_methods"] = [
            {"method": "password", "at": time.time(), "reauthenticated": True}
        ]
        session["account_authentication_methods_user"] = str(user.pk)
        session.save()
    return client


def browser_log_in(page, email: str, password: str) -> None:
    """Sign in through the real login form, in a Playwright page."""
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign In", exact=True).click()
