"""E-mails are written in their recipient's language: the worker sends them outside any
request, so nothing else would choose it. (Only English has a catalogue so far: these
tests look at what the active language decides, the `lang` of the page and Django's own
month names, rather than at Hearth's words.)"""

import pytest
from django.utils import dateformat, timezone, translation

from hearth.core.models import Event
from hearth.nudges.delivery import notification_email_send
from hearth.nudges.models import Notification
from hearth.nudges.tests.helpers import (
    awake,
    deliver,
    notification_for,
    send_note,
    subject,
    texts,
)
from hearth.tests.factories import couple_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def two_languages(settings):
    settings.LANGUAGES = [("en", "English"), ("es", "Español")]


def speaks(person, language: str) -> None:
    person.language = language
    person.save(update_fields=["language"])


def a_note_emailed_to(partner, owner, smtp_server):
    awake(partner)
    send_note(owner)
    deliver()
    notification = notification_for(partner, Event.Kind.NOTE_RECEIVED)
    assert notification_email_send(notification_id=notification.pk) == "sent"
    [message] = smtp_server.messages
    return message


def test_a_nudge_email_is_rendered_in_the_recipients_language(owner, partner, smtp_server):
    speaks(partner, "es")
    with translation.override("en"):
        message = a_note_emailed_to(partner, owner, smtp_server)
        # The sender's own language is left as it was.
        assert translation.get_language() == "en"
    text, html = texts(message)
    assert '<html lang="es">' in html
    # What the nudge says comes from the content library, in English only: marked so.
    assert ' lang="en">Olive sent you some appreciation.</p>' in html
    assert "Parker" in text and "http://127.0.0.1:8000/nudges/settings/" in text


def test_a_nudge_email_to_someone_who_reads_english_is_in_english(owner, partner, smtp_server):
    speaks(partner, "en")
    with translation.override("es"):
        message = a_note_emailed_to(partner, owner, smtp_server)
    text, html = texts(message)
    assert '<html lang="en">' in html and ' lang="en"' not in html.split("<body", 1)[1]
    assert "Hi Parker," in text and subject(message) == "Hearth · Olive sent you some appreciation"


def weekly_email_to(person, smtp_server):
    awake(person)
    now = timezone.now()
    notification = Notification.objects.create(
        couple=couple_of(person),
        recipient=person,
        kind=Event.Kind.WEEKLY_REPORT,
        occasion="weekly:language-test",
        email=Notification.Email.WAITING,
        email_not_before=now,
    )
    assert notification_email_send(notification_id=notification.pk, now=now) == "sent"
    [message] = smtp_server.messages
    return message


def test_the_weekly_email_is_rendered_in_the_recipients_language(owner, partner, smtp_server):
    speaks(owner, "es")
    message = weekly_email_to(owner, smtp_server)
    text, html = texts(message)
    assert '<html lang="es">' in html
    # Dates are written by Django in the recipient's language: Spanish month names.
    today = couple_of(owner).local_today()
    with translation.override("es"):
        spanish_month = dateformat.format(today, "F")
    with translation.override("en"):
        english_month = dateformat.format(today, "F")
    assert spanish_month != english_month
    assert subject(message).endswith(spanish_month)
    assert spanish_month in text and spanish_month in html


def test_the_weekly_email_in_english_keeps_its_english_dates(owner, partner, smtp_server):
    message = weekly_email_to(owner, smtp_server)
    text, html = texts(message)
    assert '<html lang="en">' in html
    month = dateformat.format(couple_of(owner).local_today(), "F")
    assert subject(message).startswith("Hearth · State of us, the week to ")
    assert subject(message).endswith(month)
    assert "Hello Olive," in text
