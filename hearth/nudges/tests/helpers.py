"""Shared steps for the nudges tests: real services make the events, the real worker sends."""

from datetime import time, timedelta
from email.header import decode_header, make_header

from django.core.management import call_command
from django.utils import timezone

from hearth.appreciate.services import note_send
from hearth.nudges.delivery import nudges_enqueue_due
from hearth.nudges.models import Notification
from hearth.nudges.services import preferences_save
from hearth.tests.factories import couple_of

# Words people wrote: they must never reach a notification or an e-mail.
NOTE_DID = "Private words: you warmed the car at six in the morning"
NOTE_FELT = "Private words: seen and cared for"


def send_note(author, *, did: str = NOTE_DID) -> None:
    """`author` thanks their partner: a note_received event for the partner."""
    note_send(user=author, couple=couple_of(author), did=did, felt=NOTE_FELT)


def deliver(now=None) -> int:
    """What `manage.py send_due_nudges` does on one run."""
    return nudges_enqueue_due(now=now or timezone.now())


def run_worker() -> None:
    """The real task worker (`manage.py db_worker`), until no task is left. It opens and
    closes database connections, so tests that call it use a transactional database."""
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


def notification_for(user, kind: str) -> Notification:
    return Notification.objects.get(recipient=user, kind=kind)


def subject(message) -> str:
    return str(make_header(decode_header(message["Subject"])))


def texts(message) -> tuple[str, str]:
    """(plain text, HTML) of an e-mail the SMTP server received."""
    found = {}
    for part in message.walk():
        if part.get_content_type() in ("text/plain", "text/html"):
            found[part.get_content_type()] = part.get_payload(decode=True).decode()
    return found.get("text/plain", ""), found.get("text/html", "")


def awake(*people) -> None:
    """No quiet hours for these people, so a test that uses the real clock can send at any
    hour of the day it happens to run."""
    for person in people:
        preferences_save(user=person, quiet_start=time(0), quiet_end=time(0))


def daytime():
    """Now (a minute ahead), or the next moment in the next few hours that is outside the
    default quiet hours (22:00-08:00) of a person in UTC, as the tests' people are."""
    # A minute ahead, so that what the test makes right after this call is already due.
    now = timezone.now() + timedelta(minutes=1)
    if now.hour < 8:
        return now.replace(hour=12, minute=0)
    if now.hour >= 22:
        return (now + timedelta(days=1)).replace(hour=9, minute=0)
    return now
