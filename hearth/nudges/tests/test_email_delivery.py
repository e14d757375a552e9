"""N1: e-mail goes out through a real SMTP server on loopback, sent by the real task
worker, once and only once, and it never carries the words people wrote."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from conftest import free_port
from hearth.appreciate.models import Note
from hearth.core.models import Event
from hearth.nudges.delivery import (
    FIRST_RETRY_AFTER,
    MAX_EMAIL_ATTEMPTS,
    emails_queue_due,
    notification_email_send,
    notifications_make_due,
)
from hearth.nudges.models import Notification
from hearth.nudges.services import preferences_save
from hearth.nudges.tests.helpers import (
    NOTE_DID,
    NOTE_FELT,
    awake,
    daytime,
    deliver,
    notification_for,
    run_worker,
    send_note,
    subject,
    texts,
)
from hearth.support.services import bid_send, good_news_share
from hearth.tests.factories import couple_of
from hearth.trust.repair import apology_make

worker_db = pytest.mark.django_db(transaction=True)


def dead_mailer(settings) -> dict:
    """Point Django's mailer at a loopback port where no server listens; return the real one."""
    real = settings.MAILERS
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "timeout": 5},
        }
    }
    return real


@worker_db
def test_it_emails_a_note_through_the_worker_and_a_real_smtp_server(owner, partner, smtp_server):
    awake(partner)
    send_note(owner)
    assert deliver() == 1
    run_worker()
    [message] = smtp_server.messages
    assert message["To"] == partner.email
    assert subject(message) == "Hearth · Olive sent you some appreciation"
    text, html = texts(message)
    assert "Hi Parker," in text and "http://127.0.0.1:8000/appreciate/wall/" in text
    assert 'href="http://127.0.0.1:8000/appreciate/wall/"' in html
    assert "http://127.0.0.1:8000/nudges/settings/" in text
    notification = notification_for(partner, Event.Kind.NOTE_RECEIVED)
    assert notification.email == Notification.Email.SENT and notification.emailed_at
    assert list(DBTaskResult.objects.values_list("status", flat=True)) == [
        TaskResultStatus.SUCCESSFUL
    ]
    assert Event.objects.get().delivered_at is not None


@worker_db
def test_it_sends_once_when_the_sender_runs_twice(owner, partner, smtp_server):
    awake(partner)
    send_note(owner)
    assert deliver() == 1
    assert deliver() == 0
    run_worker()
    assert deliver() == 0
    run_worker()
    assert len(smtp_server.messages) == 1
    assert Notification.objects.count() == 1


@worker_db
def test_it_sends_once_when_two_senders_run_at_the_same_moment(owner, partner, smtp_server):
    awake(owner, partner)
    for _ in range(3):
        send_note(owner)
    send_note(partner)
    barrier = threading.Barrier(2)
    errors: list[Exception] = []

    def send_due():
        try:
            barrier.wait()
            deliver()
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=send_due) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    assert Notification.objects.filter(recipient=partner).count() == 3
    assert Notification.objects.filter(recipient=owner).count() == 1
    run_worker()
    assert sorted(message["To"] for message in smtp_server.messages) == [
        owner.email,
        *[partner.email] * 3,
    ]


@worker_db
def test_it_sends_once_when_two_workers_take_the_same_notification(owner, partner, smtp_server):
    awake(partner)
    send_note(owner)
    notifications_make_due(now=timezone.now())
    notification = notification_for(partner, Event.Kind.NOTE_RECEIVED)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def work():
        try:
            barrier.wait()
            outcomes.append(notification_email_send(notification_id=notification.pk))
        finally:
            connection.close()

    threads = [threading.Thread(target=work) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["sent", "taken"]
    assert len(smtp_server.messages) == 1
    # The worker finds it done too, even when the sender hands it over once more.
    assert emails_queue_due(now=timezone.now()) == 0
    run_worker()
    assert len(smtp_server.messages) == 1


def test_it_tries_again_after_an_smtp_failure(owner, partner, smtp_server, settings):
    real = dead_mailer(settings)
    send_note(owner)
    now = daytime()
    deliver(now)
    notification = notification_for(partner, Event.Kind.NOTE_RECEIVED)
    assert notification_email_send(notification_id=notification.pk, now=now) == "retry"
    notification.refresh_from_db()
    assert notification.email == Notification.Email.WAITING
    assert notification.email_attempts == 1
    assert notification.email_not_before == now + FIRST_RETRY_AFTER
    # The mail server is back; the e-mail waits for its backoff, then goes out once.
    settings.MAILERS = real
    soon = now + timedelta(minutes=1)
    assert notification_email_send(notification_id=notification.pk, now=soon) == "taken"
    later = now + FIRST_RETRY_AFTER + timedelta(seconds=1)
    assert emails_queue_due(now=later) == 1
    assert notification_email_send(notification_id=notification.pk, now=later) == "sent"
    assert len(smtp_server.messages) == 1
    notification.refresh_from_db()
    assert notification.email == Notification.Email.SENT and notification.email_attempts == 2


def test_it_gives_up_after_a_bounded_number_of_tries(owner, partner, smtp_server, settings):
    dead_mailer(settings)
    send_note(owner)
    now = daytime()
    deliver(now)
    notification = notification_for(partner, Event.Kind.NOTE_RECEIVED)
    outcomes = []
    for _ in range(MAX_EMAIL_ATTEMPTS + 2):
        outcomes.append(notification_email_send(notification_id=notification.pk, now=now))
        now += timedelta(days=1)
    assert outcomes == ["retry"] * (MAX_EMAIL_ATTEMPTS - 1) + ["gave_up", "taken", "taken"]
    notification.refresh_from_db()
    assert notification.email == Notification.Email.GAVE_UP
    # It is still there for the person in Hearth.
    assert notification.seen_at is None


@worker_db
def test_the_email_never_contains_the_words_people_wrote(owner, partner, smtp_server):
    couple = couple_of(owner)
    awake(partner)
    preferences_save(user=partner, email={"good_news": True})
    private = {
        "note": NOTE_DID,
        "felt": NOTE_FELT,
        "bid": "Private words: the tap in the bathroom again",
        "news": "Private words: the promotion nobody knows about",
        "apology": "Private words: I snapped about your sister",
    }
    send_note(owner)
    bid_send(user=owner, couple=couple, kind="custom", text=private["bid"])
    good_news_share(user=owner, couple=couple, text=private["news"])
    apology_make(
        user=owner, couple=couple, what_happened=private["apology"], do_differently="Pause."
    )
    assert Note.objects.count() == 1
    deliver()
    run_worker()
    assert len(smtp_server.messages) == 4
    for message in smtp_server.messages:
        text, html = texts(message)
        for words in private.values():
            assert words not in subject(message)
            assert words not in text and words not in html
    for notification in Notification.objects.values():
        assert not any(words in str(notification) for words in private.values())
