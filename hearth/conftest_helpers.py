"""Helpers importable from tests (fixtures live in the root conftest.py)."""

import threading
import time
from collections.abc import Callable

from django.db import OperationalError, close_old_connections, connection
from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH, CSRF_SESSION_KEY
from django.test import Client
from django.utils.crypto import get_random_string


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
    # And keeps a new CSRF secret in it (CSRF_USE_SESSIONS; Django's login() rotates it).
    session[CSRF_SESSION_KEY] = get_random_string(CSRF_SECRET_LENGTH, CSRF_ALLOWED_CHARS)
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


def at_the_same_moment(*actions: Callable[[], object]) -> list[object]:
    """Run each action in a thread of its own, all released at once; return what each
    returned or raised, in order. None may fail with a database error."""
    barrier = threading.Barrier(len(actions))
    outcomes: list[object] = [None] * len(actions)

    def run(index: int, action: Callable[[], object]) -> None:
        close_old_connections()
        try:
            barrier.wait()
            outcomes[index] = action()
        except Exception as error:
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    database_errors = [o for o in outcomes if isinstance(o, OperationalError)]
    assert not database_errors, database_errors  # "database is locked", say
    return outcomes


def roll_ups_match_a_recount(couple) -> bool:
    """Are the couple's daily roll-ups, as kept up to date, what a recount gives?"""
    from hearth.couples.models import Couple
    from hearth.insights.models import COLUMNS, DayTally
    from hearth.insights.tallies import tallies_rebuild

    def roll_ups() -> dict:
        rows = DayTally.objects.filter(couple=couple).values("day", *COLUMNS)
        return {row.pop("day"): row for row in rows if any(row[column] for column in COLUMNS)}

    kept_up = roll_ups()
    tallies_rebuild(Couple.objects.filter(pk=couple.pk))
    return kept_up == roll_ups()


def seeded_couple(weeks: int):
    """The first partner of a couple with `weeks` of every pillar's demo activity, counted
    into roll-ups; content libraries must be loaded first."""
    import random
    from datetime import timedelta

    from django.utils import timezone

    from hearth.core.demo_helpers import seed_every_pillar
    from hearth.couples.models import Couple
    from hearth.tests.factories import UserFactory, make_couple

    first, second = UserFactory.create(), UserFactory.create()
    couple = make_couple(first, second)
    Couple.objects.filter(pk=couple.pk).update(created_at=timezone.now() - timedelta(weeks=weeks))
    couple.refresh_from_db()
    seed_every_pillar(
        couple=couple,
        first=first,
        second=second,
        weeks=weeks,
        rng=random.Random(weeks),  # noqa: S311 (demo data)
    )
    return first
