"""Background work on Django's tasks framework (run by `manage.py db_worker`)."""

from contextlib import suppress

from django.core.mail import mailers
from django.tasks import task


@task()
def nudge_emails_send(notification_ids: list[int]) -> int:
    """Send the e-mails of these notifications, over one connection to the mail server;
    return how many went out.

    Each notification is claimed with a conditional update before it is sent, so a
    notification handed to two workers at once is still e-mailed once. A failure is the
    notification's own: it is tried again later, and the rest of the batch goes on."""
    from hearth.nudges.delivery import notification_email_send

    mailer = mailers.default
    # If the server cannot be reached now, each message tries and fails into its own retry.
    with suppress(Exception):
        mailer.open()
    try:
        return sum(
            notification_email_send(notification_id=pk, mailer=mailer) == "sent"
            for pk in notification_ids
        )
    finally:
        close_quietly(mailer)


def close_quietly(mailer) -> None:
    """Close a mail connection that may already be broken."""
    with suppress(Exception):
        mailer.close()
