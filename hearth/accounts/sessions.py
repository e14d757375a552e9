"""A person's own web sessions and API tokens: listed, signed out, ended (PRODUCT D4).

Web sessions are allauth's `UserSession` rows (allauth.usersessions), kept current by
SessionActivityMiddleware. Only the person ever sees their own; nothing here is about,
or shown to, a partner.
"""

import hashlib
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from allauth.core.internal.httpkit import HTTP_USER_AGENT_MAX_LENGTH
from allauth.usersessions.models import UserSession
from django.contrib.auth import update_session_auth_hash
from django.contrib.sessions.backends.base import SessionBase
from django.db import transaction
from django.db.models import F
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from hearth.accounts.devices import describe_user_agent
from hearth.accounts.models import User
from hearth.api.models import ApiToken
from hearth.core.errors import Refusal

# "Last active" is kept to within this; a session is written at most this often.
ACTIVITY_PRECISION = timedelta(minutes=5)


class SessionRefusal(Refusal):
    pass


@dataclass(frozen=True)
class SessionRow:
    pk: int
    device: str
    signed_in_at: datetime
    last_active_at: datetime
    is_current: bool

    @property
    def active_now(self) -> bool:
        return timezone.now() - self.last_active_at < ACTIVITY_PRECISION


def _user_agent(request: HttpRequest) -> str:
    return request.META.get("HTTP_USER_AGENT", "")[:HTTP_USER_AGENT_MAX_LENGTH]


# Kept in the session itself: when it was last written down, and for which browser, so that
# most requests cost no query at all.
SEEN_KEY = "hearth_session_seen"


def _user_agent_digest(user_agent: str) -> str:
    return hashlib.sha256(user_agent.encode()).hexdigest()[:16]


def mark_seen(session: SessionBase, *, user_agent: str) -> None:
    session[SEEN_KEY] = [time.time(), _user_agent_digest(user_agent)]


def user_session_touch(*, request: HttpRequest) -> None:
    """Write this request's session down, unless it was a few minutes ago, as it is now."""
    user_agent = _user_agent(request)
    seen = request.session.get(SEEN_KEY)
    if (
        isinstance(seen, list)
        and len(seen) == 2
        and time.time() - seen[0] < ACTIVITY_PRECISION.total_seconds()
        and seen[1] == _user_agent_digest(user_agent)
    ):
        return
    UserSession.objects.create_from_request(request)
    mark_seen(request.session, user_agent=user_agent)


def sessions_for(request: HttpRequest) -> list[SessionRow]:
    """The signed-in person's own live web sessions: this one first, then the most recent."""
    current = request.session.session_key
    rows = [
        SessionRow(
            pk=session.pk,
            device=describe_user_agent(session.user_agent),
            signed_in_at=session.created_at,
            last_active_at=session.last_seen_at,
            is_current=session.session_key == current,
        )
        for session in UserSession.objects.purge_and_list(request.user)  # type: ignore[arg-type]
    ]
    return sorted(rows, key=lambda row: (not row.is_current, -row.last_active_at.timestamp()))


def get_user_session_for_user(user, pk: int) -> UserSession:
    session = UserSession.objects.filter(user_id=user.pk, pk=pk).first()
    if session is None:
        raise Http404("No such session.")
    return session


def user_session_end(*, request: HttpRequest, pk: int) -> str:
    """Sign out one of the person's other sessions; returns its device in plain words."""
    session = get_user_session_for_user(request.user, pk)
    if session.session_key == request.session.session_key:
        raise SessionRefusal(
            _("That is the device you are using now. To leave it, use “Log out”."),
            code="current_session",
        )
    session.end()
    return describe_user_agent(session.user_agent)


def _end_tracked_sessions(*, user: User, keep: str | None) -> None:
    for session in UserSession.objects.filter(user_id=user.pk).exclude(session_key=keep or ""):
        session.end()


def user_sessions_end_others(*, request: HttpRequest) -> None:
    """Sign out every web session of this person but the one making the request.

    Raising the user's session generation changes the hash every session carries, so
    sessions that no list knows about end too; this one is re-signed and carries on.
    """
    user = request.user
    assert isinstance(user, User)
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
        user.refresh_from_db(fields=["session_generation"])
        old_key = request.session.session_key
        update_session_auth_hash(request, user)  # a new key for this session
        UserSession.objects.filter(session_key=old_key).update(
            session_key=request.session.session_key
        )
        _end_tracked_sessions(user=user, keep=request.session.session_key)


def account_end_other_access(*, user: User, keep_session_key: str | None) -> int:
    """After a password change or reset: every other web session and every API token ends.

    Django already refuses sessions signed with the old password; this also removes them
    from the store and the list. Returns how many API tokens were revoked.
    """
    with transaction.atomic():
        _end_tracked_sessions(user=user, keep=keep_session_key)
        revoked, _by_model = ApiToken.objects.filter(user=user).delete()
    return revoked
