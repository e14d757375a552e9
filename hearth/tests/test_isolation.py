"""SAFETY.md: every route, asked by owner, partner, outsider and anonymous.

The test walks the URL resolver, so a route added later without an entry in
ROUTES fails `test_every_route_has_an_isolation_case` until someone decides
who may see it. Each case is then requested by the four roles with real data
of another couple in the database, and no response to the outsider or to an
anonymous visitor may contain the owner's or partner's names or e-mails.
"""

import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import time, timedelta
from typing import Any

import pytest
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.mfa.webauthn.internal.auth import WebAuthn
from allauth.usersessions.models import UserSession
from django.contrib.auth.tokens import default_token_generator
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from hearth.api.models import ApiToken
from hearth.conftest_helpers import login_client
from hearth.couples.selectors import couple_for_user
from hearth.couples.services import invite_create
from hearth.privacy.models import Notice
from hearth.talk.listening import session_join, session_start, session_step
from hearth.talk.services import answer_save, daily_question_for
from hearth.talk.timeouts import debrief_write, timeout_start
from hearth.tests.factories import UserFactory, make_couple, make_questions
from hearth.tests.passkeys import SoftPasskey

OK = "ok"  # any status below 400 that is not a redirect to the login page
LOGIN = "login"  # a redirect to the login page (pages) or 401 (API)
HIDDEN = 404  # the object does not exist for this person


@dataclass
class World:
    owner: object
    partner: object
    outsider: object
    loner: object
    objects: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Case:
    methods: tuple[str, ...] = ("GET",)
    kwargs: Callable[[World], dict] = lambda world: {}
    anonymous: object = LOGIN
    owner: object = OK
    partner: object = OK
    outsider: object = OK
    # A JSON body for API writes, so that the permission check (not validation) answers.
    body: dict | None = None
    # A link that is itself the credential (invite, e-mail confirmation, password reset):
    # whoever holds it may see who it is for.
    bearer_link: bool = False


def user_object(name: str):
    return lambda world: {"pk": world.objects[name].pk}


def together(name: str):
    return lambda world: {"pk": world.objects[name].pk}


def api_id(name: str):
    return lambda world: {f"{name}_id": world.objects[name].pk}


PUBLIC = Case(anonymous=OK)
ACCOUNT_PAGE = Case()
# Pages about a second factor the person has not set up: 404 until they do.
NOTHING_YET = Case(owner=(OK, 404), partner=(OK, 404), outsider=(OK, 404))
# An empty form is refused with 400.
FORM = ("GET", "POST")
# A list to read, and an empty title refused (400 by the service, or 422 by the schema).
LIST_OR_400 = (OK, 400, 422)
ALL_LIST_OR_400: dict[str, Any] = {
    "owner": LIST_OR_400,
    "partner": LIST_OR_400,
    "outsider": LIST_OR_400,
}
EMPTY_FORM = (OK, 400)

ROUTES: dict[str, Case] = {
    "": PUBLIC,
    "healthz": PUBLIC,
    # Staying safe: open to anyone, so it can be read before signing up (PRODUCT D3).
    "help/safety/": PUBLIC,
    "manifest.webmanifest": PUBLIC,
    "sw.js": PUBLIC,
    "offline/": PUBLIC,
    # The welcome tour: the same five steps for everyone signed in; done is one's own flag.
    "welcome/tour/<slug:step>/": Case(kwargs=lambda world: {"step": "talk"}),
    "welcome/tour/done/": Case(methods=("POST",)),
    # The couple's time zone: each changes their own couple's; an empty form is refused.
    "couple/time-zone/": Case(
        methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM
    ),
    "api/v1/couple/time-zone": Case(methods=("PUT",), body={}, **ALL_LIST_OR_400),
    # allauth: entrance pages are public; management pages need a login.
    # An empty form is refused with 400; signed-in people are sent home.
    "accounts/signup/": Case(methods=("GET", "POST"), anonymous=(OK, 400)),
    "accounts/login/": Case(methods=("GET", "POST"), anonymous=(OK, 400)),
    "accounts/logout/": Case(methods=("GET", "POST"), anonymous=OK),
    "accounts/inactive/": PUBLIC,
    "accounts/reauthenticate/": ACCOUNT_PAGE,
    "accounts/email/": ACCOUNT_PAGE,
    "accounts/confirm-email/": PUBLIC,
    "accounts/password/change/": ACCOUNT_PAGE,
    "accounts/password/set/": ACCOUNT_PAGE,
    "accounts/password/reset/": PUBLIC,
    # Steps of a sign-in in progress: without one, back to the login page.
    "accounts/login/code/confirm/": Case(),
    "accounts/^confirm-email/(?P<key>[-:\\w]+)/$": Case(
        kwargs=lambda world: {"key": world.objects["confirmation_key"]},
        anonymous=OK,
        bearer_link=True,
    ),
    "accounts/password/reset/key/done/": PUBLIC,
    "accounts/^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$": Case(
        kwargs=lambda world: world.objects["reset_kwargs"], anonymous=OK, bearer_link=True
    ),
    "accounts/password/reset/done/": PUBLIC,
    "accounts/2fa/": ACCOUNT_PAGE,
    "accounts/2fa/authenticate/": Case(),
    "accounts/2fa/reauthenticate/": ACCOUNT_PAGE,
    "accounts/2fa/totp/activate/": ACCOUNT_PAGE,
    "accounts/2fa/totp/deactivate/": NOTHING_YET,
    "accounts/2fa/recovery-codes/": NOTHING_YET,
    "accounts/2fa/recovery-codes/generate/": ACCOUNT_PAGE,
    "accounts/2fa/recovery-codes/download/": NOTHING_YET,
    "accounts/2fa/webauthn/": ACCOUNT_PAGE,
    "accounts/2fa/webauthn/add/": ACCOUNT_PAGE,
    "accounts/2fa/webauthn/reauthenticate/": ACCOUNT_PAGE,
    "accounts/2fa/webauthn/keys/<int:pk>/remove/": Case(
        methods=("GET", "POST"), kwargs=user_object("passkey"), partner=HIDDEN, outsider=HIDDEN
    ),
    "accounts/2fa/webauthn/keys/<int:pk>/edit/": Case(
        methods=("GET", "POST"), kwargs=user_object("passkey"), partner=HIDDEN, outsider=HIDDEN
    ),
    "accounts/2fa/webauthn/login/": Case(),
    # Hearth's pages.
    "settings/": Case(methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM),
    # What my partner can see (PRODUCT D1): the same list for everyone signed in.
    "settings/privacy/": ACCOUNT_PAGE,
    # Where I'm signed in: only my own sessions; another person's session is not there.
    "settings/sessions/": ACCOUNT_PAGE,
    "settings/sessions/<int:pk>/sign-out/": Case(
        methods=("POST",), kwargs=user_object("user_session"), partner=HIDDEN, outsider=HIDDEN
    ),
    "settings/sessions/sign-out-everywhere-else/": Case(methods=("POST",)),
    "accounts/sessions/": ACCOUNT_PAGE,
    "settings/tokens/": Case(
        methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM
    ),
    "settings/tokens/<int:pk>/revoke/": Case(
        methods=("POST",), kwargs=user_object("token"), partner=HIDDEN, outsider=HIDDEN
    ),
    "couple/invite/": Case(methods=("POST",)),
    "couple/join/": Case(methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM),
    "couple/join/<str:token>/": Case(
        kwargs=lambda world: {"token": world.objects["invite"].token},
        anonymous=OK,
        bearer_link=True,
    ),
    "couple/unlink/": Case(methods=("GET", "POST")),
    # The API: a token, or the session; 401 for anyone else.
    "api/v1/openapi.json": PUBLIC,
    "api/v1/docs": PUBLIC,
    "api/v1/": Case(anonymous=404, owner=404, partner=404, outsider=404),
    "api/v1/auth/signup": Case(
        methods=("POST",), anonymous=400, owner=400, partner=400, outsider=400
    ),
    "api/v1/auth/token": Case(
        methods=("POST",), anonymous=400, owner=400, partner=400, outsider=400
    ),
    # Deleting one's account needs the password: a wrong one deletes nothing (403).
    "api/v1/me": Case(
        methods=("GET", "DELETE"),
        body={"password": "not-the-password"},
        owner=(OK, 403),
        partner=(OK, 403),
        outsider=(OK, 403),
    ),
    "api/v1/me/export": Case(),
    # Your data (PRODUCT D5): each person's own export; deletion refuses an empty password.
    "settings/data/export/": Case(),
    "settings/data/export/download/": Case(),
    "settings/data/delete/": Case(
        methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM
    ),
    "settings/data/notices/<int:pk>/dismiss/": Case(
        methods=("POST",), kwargs=user_object("notice"), partner=HIDDEN, outsider=HIDDEN
    ),
    "api/v1/couple": Case(methods=("GET", "DELETE"), outsider=OK),
    "api/v1/couple/invite": Case(methods=("POST",), owner=409, partner=409, outsider=409),
    "api/v1/couple/join": Case(methods=("POST",), owner=400, partner=400, outsider=400),
    "api/v1/tokens": Case(methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM),
    # Talk: the couple's questions and answers; a partner's unrevealed answer stays hidden.
    "talk/": Case(),
    "talk/today/swap/": Case(methods=("POST",)),
    "talk/questions/<int:pk>/answer/": Case(
        methods=("POST",),
        kwargs=lambda world: {"pk": world.objects["question"].pk},
        owner=400,
        partner=400,
        outsider=HIDDEN,
    ),
    "talk/answers/<int:pk>/react/": Case(
        methods=("POST",),
        kwargs=lambda world: {"pk": world.objects["partner_answer"].pk},
        partner=400,  # one's own answer
        outsider=HIDDEN,
    ),
    "talk/answers/<int:pk>/reply/": Case(
        methods=("POST",),
        kwargs=lambda world: {"pk": world.objects["partner_answer"].pk},
        owner=400,
        partner=400,
        outsider=HIDDEN,
    ),
    "talk/archive/": Case(),
    "talk/repair/": Case(),
    "api/v1/talk/today": Case(),
    "api/v1/talk/today/swap": Case(
        methods=("POST",), owner=(OK, 409), partner=(OK, 409), outsider=(OK, 409)
    ),
    "api/v1/talk/questions/<int:question_id>/answer": Case(
        methods=("PUT",),
        kwargs=lambda world: {"question_id": world.objects["question"].pk},
        body={"text": "A new answer"},
        owner=409,  # both have answered: answers no longer change
        partner=409,
        outsider=HIDDEN,
    ),
    "api/v1/talk/questions/<int:question_id>": Case(
        kwargs=lambda world: {"question_id": world.objects["question"].pk}, outsider=HIDDEN
    ),
    "api/v1/talk/questions": Case(),
    "api/v1/talk/answers/<int:answer_id>/reaction": Case(
        methods=("PUT",),
        kwargs=lambda world: {"answer_id": world.objects["partner_answer"].pk},
        body={"kind": "heart"},
        partner=400,  # one's own answer
        outsider=HIDDEN,
    ),
    "api/v1/talk/answers/<int:answer_id>/replies": Case(
        methods=("POST",),
        kwargs=lambda world: {"answer_id": world.objects["partner_answer"].pk},
        body={"text": "Tell me more?"},
        outsider=HIDDEN,
    ),
    "talk/coach/": Case(methods=("POST",)),
    "api/v1/coach/analyze": Case(methods=("POST",), body={"text": "You never listen."}),
    "talk/timeout/": Case(),
    "talk/timeout/start/": Case(methods=("POST",)),
    "talk/timeout/<int:pk>/end/": Case(
        methods=("POST",), kwargs=lambda world: {"pk": world.objects["timeout"].pk}, outsider=HIDDEN
    ),
    "talk/debriefs/": Case(methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM),
    "talk/debriefs/<int:pk>/share/": Case(
        methods=("POST",),
        kwargs=lambda world: {"pk": world.objects["private_debrief"].pk},
        owner=HIDDEN,  # the partner's private debrief does not exist for the owner
        outsider=HIDDEN,
    ),
    "api/v1/talk/timeouts/current": Case(outsider=(OK, 404)),
    "api/v1/talk/timeouts": Case(methods=("POST",), body={"minutes": 20}),
    "api/v1/talk/timeouts/<int:timeout_id>/end": Case(
        methods=("POST",),
        kwargs=lambda world: {"timeout_id": world.objects["timeout"].pk},
        partner=403,  # only the person who asked for the break ends it sooner
        outsider=HIDDEN,
    ),
    "api/v1/talk/debriefs": Case(methods=("GET", "POST"), body={"felt": "Tired."}),
    "api/v1/talk/debriefs/<int:debrief_id>/shared": Case(
        methods=("PUT",),
        kwargs=lambda world: {"debrief_id": world.objects["private_debrief"].pk},
        body={"shared": True},
        owner=HIDDEN,
        outsider=HIDDEN,
    ),
    "talk/listen/": Case(),
    "talk/listen/start/": Case(methods=("POST",)),
    "talk/listen/<int:pk>/": Case(
        kwargs=lambda world: {"pk": world.objects["session"].pk}, outsider=HIDDEN
    ),
    "talk/listen/<int:pk>/state/": Case(
        kwargs=lambda world: {"pk": world.objects["session"].pk}, outsider=HIDDEN
    ),
    "talk/listen/<int:pk>/<slug:action>/": Case(
        methods=("POST",),
        kwargs=lambda world: {"pk": world.objects["session"].pk, "action": "pause"},
        outsider=HIDDEN,
    ),
    "api/v1/talk/listening": Case(methods=("POST",), body={}),
    "api/v1/talk/listening/<int:session_id>": Case(
        kwargs=lambda world: {"session_id": world.objects["session"].pk}, outsider=HIDDEN
    ),
    "api/v1/talk/listening/<int:session_id>/steps": Case(
        methods=("POST",),
        kwargs=lambda world: {"session_id": world.objects["session"].pk},
        body={"kind": "paraphrase", "text": "What I hear is…"},
        owner=409,  # the owner speaks: saying back is the partner's step
        outsider=HIDDEN,
    ),
    "api/v1/talk/listening/<int:session_id>/<action>": Case(
        methods=("POST",),
        kwargs=lambda world: {"session_id": world.objects["session"].pk, "action": "pause"},
        outsider=HIDDEN,
    ),
    # Together: the couple's dates, rituals, memories and photos; a calendar feed whose
    # address is itself the credential.
    "together/": Case(),
    "together/ideas/": Case(),
    "together/dates/": Case(),
    "together/dates/new/": Case(
        methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM
    ),
    "together/dates/<int:pk>/": Case(kwargs=together("date"), outsider=HIDDEN),
    "together/dates/<int:pk>/suggest/": Case(
        methods=("POST",), kwargs=together("date"), owner=400, partner=400, outsider=HIDDEN
    ),
    "together/dates/<int:pk>/rate/": Case(
        methods=("POST",), kwargs=together("date"), owner=400, partner=400, outsider=HIDDEN
    ),
    "together/dates/<int:pk>/<slug:action>/": Case(
        methods=("POST",),
        kwargs=lambda world: {"pk": world.objects["date"].pk, "action": "accept"},
        outsider=HIDDEN,
    ),
    "together/rituals/": Case(
        methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM
    ),
    "together/rituals/<int:pk>/": Case(kwargs=together("ritual"), outsider=HIDDEN),
    "together/rituals/<int:pk>/<slug:action>/": Case(
        methods=("POST",),
        kwargs=lambda world: {"pk": world.objects["ritual"].pk, "action": "skip"},
        outsider=HIDDEN,
    ),
    "together/calendar/": Case(methods=("GET", "POST")),
    "together/calendar/<str:token>.ics": Case(
        kwargs=lambda world: {"token": world.objects["feed_token"]}, anonymous=OK, bearer_link=True
    ),
    "together/present/": Case(),
    "together/present/start/": Case(methods=("POST",)),
    "together/present/<int:pk>/end/": Case(
        methods=("POST",), kwargs=together("present"), outsider=HIDDEN
    ),
    "together/bucket/": Case(
        methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM
    ),
    "together/bucket/<int:pk>/<slug:action>/": Case(
        methods=("POST",),
        kwargs=lambda world: {"pk": world.objects["bucket_item"].pk, "action": "done"},
        outsider=HIDDEN,
    ),
    "together/memories/": Case(
        methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM
    ),
    "together/memories/<int:pk>/": Case(kwargs=together("memory"), outsider=HIDDEN),
    "together/memories/<int:pk>/reflect/": Case(
        methods=("POST",), kwargs=together("memory"), owner=400, partner=400, outsider=HIDDEN
    ),
    "together/memories/<int:pk>/photos/": Case(
        methods=("POST",), kwargs=together("memory"), owner=400, partner=400, outsider=HIDDEN
    ),
    "together/memories/<int:pk>/remove/": Case(
        methods=("POST",), kwargs=together("memory"), outsider=HIDDEN
    ),
    "together/photos/<int:pk>/": Case(kwargs=together("photo"), outsider=HIDDEN),
    "together/photos/<int:pk>/remove/": Case(
        methods=("POST",), kwargs=together("photo"), outsider=HIDDEN
    ),
    "api/v1/together/ideas": Case(outsider=OK),
    # No idea library loaded in this world: "nothing fits" is the kind 404.
    "api/v1/together/ideas/surprise": Case(owner=404, partner=404, outsider=404),
    "api/v1/together/dates": Case(
        methods=("GET", "POST"),
        body={"title": ""},
        **ALL_LIST_OR_400,
    ),
    "api/v1/together/dates/<int:date_id>": Case(kwargs=api_id("date"), outsider=HIDDEN),
    "api/v1/together/dates/<int:date_id>/accept": Case(
        methods=("POST",), kwargs=api_id("date"), owner=409, outsider=HIDDEN
    ),
    "api/v1/together/dates/<int:date_id>/decline": Case(
        methods=("POST",), kwargs=api_id("date"), owner=409, outsider=HIDDEN
    ),
    "api/v1/together/dates/<int:date_id>/cancel": Case(
        methods=("POST",), kwargs=api_id("date"), outsider=HIDDEN
    ),
    "api/v1/together/dates/<int:date_id>/suggest-time": Case(
        methods=("POST",),
        kwargs=api_id("date"),
        body={"starts_at": "2001-01-01T10:00:00Z"},
        owner=400,  # that time has passed
        partner=400,
        outsider=HIDDEN,
    ),
    "api/v1/together/dates/<int:date_id>/reflection": Case(
        methods=("PUT",),
        kwargs=api_id("date"),
        body={"rating": 5, "text": "Lovely"},
        owner=409,  # not happened yet
        partner=409,
        outsider=HIDDEN,
    ),
    "api/v1/together/rituals": Case(
        methods=("GET", "POST"),
        body={"title": ""},
        **ALL_LIST_OR_400,
    ),
    "api/v1/together/rituals/<int:ritual_id>": Case(kwargs=api_id("ritual"), outsider=HIDDEN),
    "api/v1/together/rituals/<int:ritual_id>/skips": Case(
        methods=("POST",),
        kwargs=api_id("ritual"),
        body={"day": "2001-01-01"},
        owner=400,
        partner=400,
        outsider=HIDDEN,
    ),
    "api/v1/together/rituals/<int:ritual_id>/skips/<day>": Case(
        methods=("DELETE",),
        kwargs=lambda world: {"ritual_id": world.objects["ritual"].pk, "day": "2030-01-06"},
        outsider=HIDDEN,
    ),
    "api/v1/together/rituals/<int:ritual_id>/end": Case(
        methods=("POST",), kwargs=api_id("ritual"), outsider=HIDDEN
    ),
    "api/v1/together/calendar": Case(methods=("GET", "POST", "DELETE"), body={}),
    "api/v1/together/present/current": Case(outsider=(OK, 404)),
    "api/v1/together/present": Case(methods=("POST",), body={}),
    "api/v1/together/present/<int:session_id>/end": Case(
        methods=("POST",),
        kwargs=lambda world: {"session_id": world.objects["present"].pk},
        outsider=HIDDEN,
    ),
    "api/v1/together/bucket": Case(
        methods=("GET", "POST"),
        body={"title": ""},
        **ALL_LIST_OR_400,
    ),
    "api/v1/together/bucket/<int:item_id>/done": Case(
        methods=("POST",),
        kwargs=lambda world: {"item_id": world.objects["bucket_item"].pk},
        body={},
        outsider=HIDDEN,
    ),
    "api/v1/together/bucket/<int:item_id>": Case(
        methods=("DELETE",),
        kwargs=lambda world: {"item_id": world.objects["bucket_item"].pk},
        outsider=HIDDEN,
    ),
    "api/v1/together/memories": Case(
        methods=("GET", "POST"),
        body={"title": ""},
        **ALL_LIST_OR_400,
    ),
    "api/v1/together/memories/<int:memory_id>": Case(
        methods=("GET", "DELETE"),
        kwargs=api_id("memory"),
        partner=(OK, 403),  # only who added it removes it
        outsider=HIDDEN,
    ),
    "api/v1/together/memories/<int:memory_id>/reflection": Case(
        methods=("PUT",),
        kwargs=api_id("memory"),
        body={"text": ""},
        owner=400,
        partner=400,
        outsider=HIDDEN,
    ),
    # Without a file the request is refused (422) before any memory is looked up, for all.
    "api/v1/together/memories/<int:memory_id>/photos": Case(
        methods=("POST",), kwargs=api_id("memory"), owner=422, partner=422, outsider=422
    ),
    "api/v1/together/photos/<int:photo_id>": Case(
        methods=("GET", "DELETE"),
        kwargs=lambda world: {"photo_id": world.objects["photo"].pk},
        outsider=HIDDEN,
    ),
    # Appreciate: notes and gestures between the two; each one's journal, private unless
    # shared; each one's favourites.
    "appreciate/": Case(methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM),
    "appreciate/wall/": Case(),
    "appreciate/sent/": Case(),
    "appreciate/notes/<int:pk>/<slug:action>/": Case(
        methods=("POST",),
        kwargs=lambda world: {"pk": world.objects["note"].pk, "action": "keep"},
        outsider=HIDDEN,
    ),
    "appreciate/gestures/": Case(
        methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM
    ),
    "appreciate/gestures/<int:pk>/noticed/": Case(
        methods=("POST",), kwargs=together("gesture"), outsider=HIDDEN
    ),
    "appreciate/styles/": Case(
        methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM
    ),
    "appreciate/styles/favourites/": Case(methods=("POST",)),
    "appreciate/styles/favourites/<int:pk>/remove/": Case(
        methods=("POST",), kwargs=together("favourite"), partner=HIDDEN, outsider=HIDDEN
    ),
    "appreciate/suggestions/<int:pk>/<slug:action>/": Case(
        methods=("POST",),
        kwargs=lambda world: {"pk": world.objects["suggestion"].pk, "action": "skip"},
        partner=HIDDEN,  # suggestions are for the one they were drawn for
        outsider=HIDDEN,
    ),
    "appreciate/journal/": Case(
        methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM
    ),
    "appreciate/journal/<int:pk>/<slug:action>/": Case(
        methods=("POST",),
        kwargs=lambda world: {"pk": world.objects["private_entry"].pk, "action": "share"},
        owner=HIDDEN,  # the partner's private entry does not exist for the owner
        outsider=HIDDEN,
    ),
    "api/v1/appreciate/prompts": Case(outsider=OK),
    "api/v1/appreciate/notes": Case(methods=("GET", "POST"), body={"did": ""}, **ALL_LIST_OR_400),
    "api/v1/appreciate/notes/<int:note_id>/reaction": Case(
        methods=("PUT",),
        kwargs=api_id("note"),
        body={"reaction": "heart"},
        owner=403,  # only the one who received it reacts
        outsider=HIDDEN,
    ),
    "api/v1/appreciate/notes/<int:note_id>/kept": Case(
        methods=("PUT",), kwargs=api_id("note"), body={"kept": True}, owner=403, outsider=HIDDEN
    ),
    "api/v1/appreciate/gestures": Case(
        methods=("GET", "POST"), body={"text": ""}, **ALL_LIST_OR_400
    ),
    "api/v1/appreciate/gestures/landing": Case(),
    "api/v1/appreciate/gestures/<int:gesture_id>/noticed": Case(
        methods=("POST",), kwargs=api_id("gesture"), partner=409, outsider=HIDDEN
    ),
    "api/v1/appreciate/styles/me": Case(
        methods=("GET", "PUT"), body={"touch": 9}, **ALL_LIST_OR_400
    ),
    "api/v1/appreciate/styles/partner": Case(),
    "api/v1/appreciate/favourites": Case(
        methods=("POST",),
        body={"text": ""},
        owner=(400, 422),
        partner=(400, 422),
        outsider=(400, 422),
    ),
    "api/v1/appreciate/favourites/<int:favourite_id>": Case(
        methods=("DELETE",), kwargs=api_id("favourite"), partner=HIDDEN, outsider=HIDDEN
    ),
    "api/v1/appreciate/suggestions": Case(),
    "api/v1/appreciate/suggestions/<int:suggestion_id>/done": Case(
        methods=("POST",), kwargs=api_id("suggestion"), partner=HIDDEN, outsider=HIDDEN
    ),
    "api/v1/appreciate/suggestions/<int:suggestion_id>/skip": Case(
        methods=("POST",), kwargs=api_id("suggestion"), partner=HIDDEN, outsider=HIDDEN
    ),
    "api/v1/appreciate/journal": Case(
        methods=("GET", "POST"), body={"text": ""}, **ALL_LIST_OR_400
    ),
    "api/v1/appreciate/journal/<int:entry_id>": Case(
        methods=("PATCH", "DELETE"),
        kwargs=lambda world: {"entry_id": world.objects["private_entry"].pk},
        body={"shared": True},
        owner=HIDDEN,  # the partner's private entry
        outsider=HIDDEN,
    ),
    # Trust: the couple's promises, sharing rounds and apologies; each share is its author's.
    "trust/": Case(),
    "trust/promises/": Case(
        methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM
    ),
    "trust/promises/<int:pk>/": Case(kwargs=together("promise"), outsider=HIDDEN),
    "trust/promises/<int:pk>/renegotiate/": Case(
        methods=("POST",), kwargs=together("promise"), owner=400, partner=400, outsider=HIDDEN
    ),
    "trust/promises/<int:pk>/<slug:action>/": Case(
        methods=("POST",),
        kwargs=lambda world: {"pk": world.objects["promise"].pk, "action": "kept"},
        outsider=HIDDEN,
    ),
    "trust/share/": Case(),
    "trust/share/start/": Case(methods=("POST",)),
    "trust/rounds/<int:pk>/": Case(kwargs=together("round"), outsider=HIDDEN),
    "trust/rounds/<int:pk>/share/": Case(
        methods=("POST",), kwargs=together("round"), owner=400, partner=400, outsider=HIDDEN
    ),
    "trust/rounds/<int:pk>/respond/": Case(
        methods=("POST",), kwargs=together("round"), owner=400, partner=400, outsider=HIDDEN
    ),
    "trust/rounds/<int:pk>/pass/": Case(
        methods=("POST",), kwargs=together("round"), outsider=HIDDEN
    ),
    "trust/shares/<int:pk>/withdraw/": Case(
        methods=("POST",), kwargs=together("share"), partner=HIDDEN, outsider=HIDDEN
    ),
    "trust/repair/": Case(methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM),
    "trust/apologies/<int:pk>/answer/": Case(
        methods=("POST",), kwargs=together("apology"), owner=400, partner=400, outsider=HIDDEN
    ),
    "api/v1/trust/promises": Case(methods=("GET", "POST"), body={"text": ""}, **ALL_LIST_OR_400),
    "api/v1/trust/promises/<int:promise_id>": Case(kwargs=api_id("promise"), outsider=HIDDEN),
    "api/v1/trust/promises/<int:promise_id>/kept": Case(
        methods=("POST",), kwargs=api_id("promise"), outsider=HIDDEN
    ),
    "api/v1/trust/promises/<int:promise_id>/confirm": Case(
        methods=("POST",),
        kwargs=api_id("promise"),
        owner=409,  # one's own promise
        partner=409,  # not marked kept yet
        outsider=HIDDEN,
    ),
    "api/v1/trust/promises/<int:promise_id>/renegotiate": Case(
        methods=("POST",),
        kwargs=api_id("promise"),
        body={"text": "Mend the gate by spring"},
        partner=403,  # only who made it changes it
        outsider=HIDDEN,
    ),
    "api/v1/trust/reliability": Case(),
    "api/v1/trust/apologies": Case(
        methods=("GET", "POST"), body={"what_happened": ""}, **ALL_LIST_OR_400
    ),
    "api/v1/trust/apologies/<int:apology_id>": Case(kwargs=api_id("apology"), outsider=HIDDEN),
    "api/v1/trust/apologies/<int:apology_id>/answer": Case(
        methods=("POST",),
        kwargs=api_id("apology"),
        body={"answer": "accept"},
        partner=409,  # one's own apology
        outsider=HIDDEN,
    ),
    "api/v1/trust/prompts": Case(),
    "api/v1/trust/sets": Case(),
    "api/v1/trust/starters": Case(outsider=OK),
    "api/v1/trust/rounds": Case(methods=("GET", "POST"), body={"prompt_id": 0}, **ALL_LIST_OR_400),
    "api/v1/trust/rounds/<int:round_id>": Case(kwargs=api_id("round"), outsider=HIDDEN),
    "api/v1/trust/rounds/<int:round_id>/shares": Case(
        methods=("POST",),
        kwargs=api_id("round"),
        body={"text": "Mine"},
        owner=409,  # not the owner's turn
        partner=409,  # the partner responds first
        outsider=HIDDEN,
    ),
    "api/v1/trust/rounds/<int:round_id>/responses": Case(
        methods=("POST",),
        kwargs=api_id("round"),
        body={"text": "I hear you."},
        owner=409,
        outsider=HIDDEN,
    ),
    "api/v1/trust/rounds/<int:round_id>/pass": Case(
        methods=("POST",), kwargs=api_id("round"), outsider=HIDDEN
    ),
    "api/v1/trust/shares/<int:share_id>": Case(
        methods=("DELETE",), kwargs=api_id("share"), partner=HIDDEN, outsider=HIDDEN
    ),
    # Support: check-ins (private unless shared), bids, needs maps, good news, guesses.
    "support/": Case(methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM),
    "support/check-ins/": Case(),
    "support/check-ins/<int:pk>/reply/": Case(
        methods=("POST",),
        kwargs=together("shared_check_in"),
        owner=400,  # an empty reply
        partner=400,
        outsider=HIDDEN,
    ),
    "support/bids/": Case(methods=("POST",), owner=400, partner=400, outsider=400),
    "support/bids/<int:pk>/answer/": Case(
        methods=("POST",), kwargs=together("bid"), owner=400, partner=400, outsider=HIDDEN
    ),
    "support/needs-map/": Case(
        methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM
    ),
    "support/good-news/": Case(
        methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM
    ),
    "support/good-news/<int:pk>/cheer/": Case(
        methods=("POST",), kwargs=together("news"), owner=400, partner=400, outsider=HIDDEN
    ),
    "support/love-map/": Case(),
    "support/love-map/guess/": Case(methods=("POST",), owner=400, partner=400, outsider=400),
    "support/love-map/guesses/<int:pk>/mark/": Case(
        methods=("POST",), kwargs=together("guess"), owner=400, partner=409, outsider=HIDDEN
    ),
    "api/v1/support/feelings": Case(outsider=OK),
    "api/v1/support/needs": Case(outsider=OK),
    "api/v1/support/check-ins": Case(
        methods=("GET", "POST"), body={"feeling": "none", "need": "comfort"}, **ALL_LIST_OR_400
    ),
    "api/v1/support/check-ins/<int:check_in_id>/reply": Case(
        methods=("POST",),
        kwargs=lambda world: {"check_in_id": world.objects["shared_check_in"].pk},
        body={"reply": "On my way"},
        partner=409,  # one's own check-in
        outsider=HIDDEN,
    ),
    "api/v1/support/bids": Case(methods=("GET", "POST"), body={"kind": "shout"}, **ALL_LIST_OR_400),
    "api/v1/support/bids/<int:bid_id>/answer": Case(
        methods=("POST",),
        kwargs=api_id("bid"),
        body={"answer": "now", "reply": "Coming"},
        owner=409,  # one's own bid
        outsider=HIDDEN,
    ),
    "api/v1/support/needs-map/me": Case(methods=("GET", "PUT"), body={}, **ALL_LIST_OR_400),
    "api/v1/support/needs-map/partner": Case(),
    "api/v1/support/needs-map/prompts": Case(outsider=OK),
    "api/v1/support/good-news": Case(methods=("GET", "POST"), body={"text": ""}, **ALL_LIST_OR_400),
    "api/v1/support/good-news/<int:news_id>/cheers": Case(
        methods=("POST",),
        kwargs=api_id("news"),
        body={"way": "ask", "text": "How did it feel?"},
        owner=409,  # one's own news
        outsider=HIDDEN,
    ),
    "api/v1/support/love-map/questions": Case(),
    "api/v1/support/love-map/guesses": Case(
        methods=("GET", "POST"), body={"daily_question_id": 0, "text": "x"}, **ALL_LIST_OR_400
    ),
    "api/v1/support/love-map/guesses/<int:guess_id>/mark": Case(
        methods=("POST",),
        kwargs=api_id("guess"),
        body={"closeness": "close"},
        partner=409,  # one's own guess
        outsider=HIDDEN,
    ),
    "api/v1/support/love-map/sense": Case(),
    "insights/": Case(),
    # The weekly "State of us": each person's own couple, counts and shared plans only.
    "insights/week/": Case(),
    "api/v1/insights/week": Case(),
    # The monthly pulse: each person's own answers only; an empty form or body is refused.
    "insights/pulse/": Case(
        methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM
    ),
    "api/v1/insights/pulse": Case(methods=("GET", "PUT"), body={}, **ALL_LIST_OR_400),
    "api/v1/insights/pulse/trend": Case(),
    # Nudges: each person's own notifications and choices; a thinking-of-you to their own
    # partner. Everyone here is paired, so each answers for their own couple.
    "nudges/": Case(),
    "nudges/seen/": Case(methods=("POST",)),
    "nudges/settings/": Case(
        methods=FORM, owner=EMPTY_FORM, partner=EMPTY_FORM, outsider=EMPTY_FORM
    ),
    "nudges/thinking-of-you/": Case(methods=("POST",)),
    "api/v1/nudges/notifications": Case(),
    "api/v1/nudges/notifications/seen": Case(methods=("POST",)),
    "api/v1/nudges/preferences": Case(methods=("GET", "PUT"), body={}),
    "api/v1/nudges/thinking-of-you": Case(methods=("POST",), body={}),
    "api/v1/tokens/<int:token_id>": Case(
        methods=("DELETE",),
        kwargs=lambda world: {"token_id": world.objects["token"].pk},
        partner=HIDDEN,
        outsider=HIDDEN,
    ),
}

# The operators' admin: for every non-staff role, every admin URL sends to the admin login.
ADMIN_PREFIX = "admin/"


def walk(patterns, prefix="", namespace="") -> list[tuple[str, str, URLPattern]]:
    """(route, namespaced name, pattern) for every URL pattern."""
    found = []
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            found += walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        else:
            found.append((prefix + str(pattern.pattern), f"{namespace}{pattern.name}", pattern))
    return found


def all_routes() -> dict[str, tuple[str, URLPattern]]:
    return {route: (name, pattern) for route, name, pattern in walk(get_resolver().url_patterns)}


def test_every_route_has_an_isolation_case():
    missing = [
        route
        for route in all_routes()
        if route not in ROUTES and not route.startswith(ADMIN_PREFIX)
    ]
    assert not missing, f"Add these routes to ROUTES in {__name__}: {missing}"
    stale = [route for route in ROUTES if route not in all_routes()]
    assert not stale, f"These ROUTES entries match no URL any more: {stale}"


@pytest.fixture
def world(db, settings, tmp_path) -> World:
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    owner = UserFactory.create(display_name="Olivander Quill", email="olivander.quill@example.com")
    partner = UserFactory.create(display_name="Persimmon Vale", email="persimmon.vale@example.com")
    make_couple(owner, partner)
    outsider = UserFactory.create(display_name="Oscar", email="oscar@example.com")
    make_couple(outsider, UserFactory.create(display_name="Opal", email="opal@example.com"))
    loner = UserFactory.create(display_name="Lumen Ashgrove", email="lumen.ashgrove@example.com")
    world = World(owner=owner, partner=partner, outsider=outsider, loner=loner)
    world.objects["token"], _ = ApiToken.issue(user=owner, name="owner-script")
    world.objects["user_session"] = UserSession.objects.create(
        user=owner, session_key="owner-phone-session", ip="192.0.2.1", user_agent="Firefox"
    )
    world.objects["notice"] = Notice.objects.create(user=owner, kind=Notice.Kind.PARTNER_LEFT)
    make_questions()
    couple = couple_for_user(owner)
    assert couple is not None
    revealed = daily_question_for(couple=couple, day=couple.local_today() - timedelta(days=1))
    answer_save(user=owner, daily_question=revealed, text=OWNER_WORDS)
    world.objects["partner_answer"] = answer_save(
        user=partner, daily_question=revealed, text=PARTNER_WORDS
    )
    world.objects["question"] = revealed
    # Today's question: only the partner has answered, so the owner must not see it.
    today = daily_question_for(couple=couple)
    world.objects["unrevealed"] = answer_save(
        user=partner, daily_question=today, text=PARTNER_SECRET
    )
    session = session_start(user=owner, couple=couple)
    session_join(user=partner, session=session)
    world.objects["session"] = session_step(
        user=owner, session=session, kind="statement", text=OWNER_FEELING
    )
    world.objects["timeout"] = timeout_start(user=owner, couple=couple)
    world.objects["private_debrief"] = debrief_write(
        user=partner, couple=couple, felt=PARTNER_PRIVATE, shared=False
    )
    debrief_write(user=owner, couple=couple, felt=OWNER_SHARED, shared=True)
    together_world(world, couple)
    appreciate_world(world, couple)
    trust_world(world, couple)
    support_world(world, couple)
    their_couple = couple_for_user(outsider)
    assert their_couple is not None
    answer_save(
        user=outsider, daily_question=daily_question_for(couple=their_couple), text=OUTSIDER_WORDS
    )
    ApiToken.issue(user=outsider, name="outsider-script")
    world.objects["passkey"] = WebAuthn.add(
        owner, "Olivander's phone", SoftPasskey().registration_response(os.urandom(16))
    ).instance
    world.objects["invite"] = invite_create(inviter=loner)
    address = EmailAddress.objects.create(user=owner, email=owner.email, primary=True)
    world.objects["confirmation_key"] = EmailConfirmationHMAC(address).key
    from allauth.account.utils import user_pk_to_url_str

    world.objects["reset_kwargs"] = {
        "uidb36": user_pk_to_url_str(owner),
        "key": default_token_generator.make_token(owner),
    }
    nudges_world()
    return world


def together_world(world: World, couple) -> None:
    """A date the partner must answer, a ritual, a memory with a photo and reflections, a
    bucket-list item, phones away, and the owner's calendar address."""
    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    from hearth.together import feed, memories, services

    owner, partner = world.owner, world.partner
    world.objects["date"] = services.date_propose(
        user=owner,
        couple=couple,
        starts_at=timezone.now() + timedelta(days=3),
        time_zone="UTC",
        title="Harbour walk",
        details=OWNER_DATE_DETAILS,
    )
    world.objects["ritual"] = services.ritual_create(
        user=partner,
        couple=couple,
        kind="check_in",
        title="Sunday check-in",
        frequency="weekly",
        starts_on=couple.local_today(),
        at=time(18, 30),
        time_zone="UTC",
        notes=PARTNER_RITUAL_NOTES,
    )
    memory = memories.memory_create(
        user=owner,
        couple=couple,
        title="The ferry",
        happened_on=couple.local_today(),
        reflection=OWNER_REFLECTION,
    )
    memories.reflection_write(user=partner, memory=memory, text=PARTNER_REFLECTION)
    image = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(image, "PNG")
    world.objects["photo"] = memories.photo_add(
        user=partner, memory=memory, upload=SimpleUploadedFile("p.png", image.getvalue())
    )
    world.objects["memory"] = memory
    world.objects["bucket_item"] = memories.bucket_add(
        user=owner, couple=couple, title="Night kayaking", notes=OWNER_BUCKET_NOTES
    )
    world.objects["present"] = services.present_start(user=owner, couple=couple)
    world.objects["feed_token"] = feed.feed_issue(user=owner)


def appreciate_world(world: World, couple) -> None:
    """A note from the owner, a gesture by the partner, the owner's favourite and today's
    suggestions, the partner's private journal entry and the owner's shared one."""
    from hearth.appreciate import services
    from hearth.appreciate.models import GestureIdea

    owner, partner = world.owner, world.partner
    world.objects["note"] = services.note_send(
        user=owner, couple=couple, did=OWNER_NOTE, felt="It made my week."
    )
    world.objects["gesture"] = services.gesture_log(
        user=partner, couple=couple, style="service", text=PARTNER_GESTURE
    )
    world.objects["favourite"] = services.favourite_add(
        user=owner, style="time", text=OWNER_FAVOURITE
    )
    GestureIdea.objects.bulk_create(
        GestureIdea(key=f"iso-{n}", style=style, cost="free", effort="small", text=f"Idea {n}")
        for n, style in enumerate(["touch", "service", "gifts", "time", "words"] * 2)
    )
    world.objects["suggestion"] = services.suggestions_today(user=owner, couple=couple)[0]
    world.objects["private_entry"] = services.journal_write(
        user=partner, couple=couple, text=PARTNER_JOURNAL_PRIVATE
    )
    services.journal_write(user=owner, couple=couple, text=OWNER_JOURNAL_SHARED, shared=True)


def trust_world(world: World, couple) -> None:
    """The owner's promise, a round where the owner has shared, the partner's apology."""
    from hearth.trust import promises, repair, sharing
    from hearth.trust.models import VulnerabilityPrompt

    owner, partner = world.owner, world.partner
    world.objects["promise"] = promises.promise_make(
        user=owner, couple=couple, text=OWNER_PROMISE, due_on=couple.local_today()
    )
    prompt = VulnerabilityPrompt.objects.create(
        key="iso-1", set="first", topic="hopes", text="What do you hope for?"
    )
    world.objects["round"] = sharing.round_start(user=owner, couple=couple, prompt=prompt)
    world.objects["share"] = sharing.share_add(
        user=owner, round_=world.objects["round"], text=OWNER_SHARE
    )
    world.objects["apology"] = repair.apology_make(
        user=partner, couple=couple, what_happened=PARTNER_APOLOGY, do_differently="Listen."
    )


def nudges_world() -> None:
    """Everything above, delivered: each person has notifications (which carry no words)."""
    from hearth.nudges.delivery import nudges_enqueue_due

    nudges_enqueue_due(now=timezone.now())


def support_world(world: World, couple) -> None:
    """The partner's private and shared check-ins, the owner's bid and good news, and the
    partner's guess at an old answer of the owner's."""
    from hearth.support import services
    from hearth.support.models import Feeling

    owner, partner = world.owner, world.partner
    feeling = Feeling.objects.create(
        key="iso-calm", word="Calm", level=1, parent="", tone="pleasant"
    )
    services.check_in_make(
        user=partner, couple=couple, feeling=feeling, need="space", note=PARTNER_CHECK_IN_PRIVATE
    )
    world.objects["shared_check_in"] = services.check_in_make(
        user=partner, couple=couple, feeling=feeling, need="comfort", note="Long day.", shared=True
    )
    world.objects["bid"] = services.bid_send(
        user=owner, couple=couple, kind="custom", text=OWNER_BID
    )
    world.objects["news"] = services.good_news_share(user=owner, couple=couple, text=OWNER_NEWS)
    question = world.objects["question"]
    question.revealed_at = timezone.now() - timedelta(days=20)
    question.save(update_fields=["revealed_at"])
    world.objects["guess"] = services.guess_make(
        user=partner, couple=couple, daily_question=question, text=PARTNER_GUESS
    )


# Words each role may see: a partner's unrevealed answer is not for the owner, and no couple's
# words are for anyone outside it.
OWNER_WORDS = "Owner words: the lighthouse at dusk"
PARTNER_WORDS = "Partner words: the orchard in spring"
PARTNER_SECRET = "Partner secret: the blue notebook"
OUTSIDER_WORDS = "Outsider words: a red kite"
PARTNER_PRIVATE = "Partner private debrief: the quiet drive home"
OWNER_SHARED = "Owner shared debrief: the burnt toast"
OWNER_FEELING = "Owner feeling: lonely on weeknights"
OWNER_DATE_DETAILS = "Owner date details: bring the green thermos"
PARTNER_RITUAL_NOTES = "Partner ritual notes: tea before talking"
OWNER_REFLECTION = "Owner reflection: the gulls stealing chips"
PARTNER_REFLECTION = "Partner reflection: your hand on the rail"
OWNER_BUCKET_NOTES = "Owner bucket notes: the bioluminescent bay"
OWNER_NOTE = "Owner note: you carried the heavy box upstairs"
PARTNER_GESTURE = "Partner gesture: defrosted the windscreen"
OWNER_FAVOURITE = "Owner favourite: tea in the blue mug"
PARTNER_JOURNAL_PRIVATE = "Partner journal private: the fox at dawn"
OWNER_JOURNAL_SHARED = "Owner journal shared: warm socks"
OWNER_PROMISE = "Owner promise: mend the garden gate"
OWNER_SHARE = "Owner share: afraid of the dark stairwell"
PARTNER_APOLOGY = "Partner apology: I forgot your recital"
PARTNER_CHECK_IN_PRIVATE = "Partner check-in private: the letter from the bank"
OWNER_BID = "Owner bid: come sit with me"
OWNER_NEWS = "Owner news: the kiln firing worked"
PARTNER_GUESS = "Partner guess: something about a lighthouse"
SEEN_BY = {
    PARTNER_CHECK_IN_PRIVATE: {"partner"},
    OWNER_BID: {"owner", "partner"},
    OWNER_NEWS: {"owner", "partner"},
    PARTNER_GUESS: {"owner", "partner"},
    OWNER_PROMISE: {"owner", "partner"},
    OWNER_SHARE: {"owner", "partner"},
    PARTNER_APOLOGY: {"owner", "partner"},
    OWNER_NOTE: {"owner", "partner"},
    PARTNER_GESTURE: {"owner", "partner"},
    OWNER_FAVOURITE: {"owner", "partner"},
    PARTNER_JOURNAL_PRIVATE: {"partner"},
    OWNER_JOURNAL_SHARED: {"owner", "partner"},
    OWNER_DATE_DETAILS: {"owner", "partner"},
    PARTNER_RITUAL_NOTES: {"owner", "partner"},
    OWNER_REFLECTION: {"owner", "partner"},
    PARTNER_REFLECTION: {"owner", "partner"},
    OWNER_BUCKET_NOTES: {"owner", "partner"},
    OWNER_FEELING: {"owner", "partner"},
    PARTNER_PRIVATE: {"partner"},
    OWNER_SHARED: {"owner", "partner"},
    OWNER_WORDS: {"owner", "partner"},
    PARTNER_WORDS: {"owner", "partner"},
    PARTNER_SECRET: {"partner"},
    OUTSIDER_WORDS: {"outsider"},
}


def fill(route: str, kwargs: dict) -> str:
    """The concrete path for a route and its arguments."""
    name, _ = all_routes()[route]
    return reverse(name, kwargs=kwargs)


def request_as(world: World, role: str, method: str, path: str, body: dict | None = None):
    client = Client() if role == "anonymous" else login_client(getattr(world, role))
    if body is not None:
        return getattr(client, method.lower())(path, body, content_type="application/json")
    return getattr(client, method.lower())(path)


def check(expected, response, path: str) -> None:
    if isinstance(expected, tuple):  # any one of these answers is right
        failures = []
        for alternative in expected:
            try:
                check(alternative, response, path)
            except AssertionError as error:
                failures.append(str(error))
            else:
                return
        raise AssertionError(failures[0])
    status = response.status_code
    location = response.headers.get("Location", "")
    where = f"{path} answered {status} {location}"
    if expected == OK:
        assert status < 400, where
        assert not location.startswith("/accounts/login/"), where
    elif expected == LOGIN:
        if path.startswith("/api/"):
            assert status == 401, where
        else:
            assert status == 302 and location.startswith("/accounts/login/"), where
    else:
        assert status == expected, where


def cases():
    for route, case in ROUTES.items():
        for method in case.methods:
            for role in ("owner", "partner", "outsider", "anonymous"):
                yield pytest.param(route, method, role, id=f"{method} /{route} as {role}")


@pytest.mark.parametrize(("route", "method", "role"), list(cases()))
def test_route_isolation(world, route, method, role):
    case = ROUTES[route]
    path = fill(route, case.kwargs(world))
    response = request_as(world, role, method, path, case.body)
    check(getattr(case, role), response, path)
    raw = b"".join(response.streaming_content) if response.streaming else response.content
    body = raw.decode(errors="replace")
    for words, roles in SEEN_BY.items():
        if role not in roles:
            assert words not in body, f"{path} shows “{words}” to the {role}"
    if role in ("outsider", "anonymous") and not case.bearer_link:
        for person in (world.owner, world.partner):
            assert person.email not in body, f"{path} shows {person.email} to the {role}"
            assert person.display_name not in body, f"{path} shows a name to the {role}"


def admin_cases():
    for route in all_routes():
        if route.startswith(ADMIN_PREFIX):
            for role in ("owner", "partner", "outsider", "anonymous"):
                yield pytest.param(route, role, id=f"/{route} as {role}")


@pytest.mark.parametrize(("route", "role"), list(admin_cases()))
def test_the_admin_is_for_operators_only(world, route, role):
    _, pattern = all_routes()[route]
    values = {
        "object_id": str(world.owner.pk),
        "app_label": "accounts",
        "content_type_id": ContentType.objects.get_for_model(type(world.owner)).pk,
        "url": "x",
    }
    path = "/" + route
    for name in pattern.pattern.regex.groupindex:  # type: ignore[attr-defined]
        path = path.replace(f"<path:{name}>", str(values.get(name, 1)))
        path = path.replace(f"<int:{name}>", str(values.get(name, 1)))
    if "(?P<" in path or "^" in path:
        path = f"/{ADMIN_PREFIX}{values['app_label']}/"
    response = request_as(world, role, "GET", path)
    where = f"{path} answered {response.status_code}"
    if route in ("admin/login/", "admin/logout/"):
        assert response.status_code in (200, 302), where
    else:
        assert response.status_code in (302, 404), where
        if response.status_code == 302:
            assert "/admin/login/" in response.headers["Location"], where
    if role != "owner":
        assert world.owner.email not in response.content.decode(errors="replace")
