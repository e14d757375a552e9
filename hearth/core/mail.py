"""E-mail when no SMTP server is configured in production.

Printing whole messages to the console (as `make run` does) would put
private words and sign-in links into server logs, so a production Hearth
without EMAIL_HOST logs only that a message was not sent, and why.
"""

import logging

from django.core.checks import Info, register
from django.core.mail.backends.base import BaseEmailBackend

logger = logging.getLogger(__name__)


class NotConfiguredEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages) -> int:
        for _ in email_messages:
            logger.warning("E-mail not sent: set EMAIL_HOST (see docs/self-hosting.md).")
        return 0


@register("hearth", deploy=True)
def check_email_configured(app_configs, **kwargs):
    from django.conf import settings

    if settings.MAILERS["default"]["BACKEND"] == f"{__name__}.NotConfiguredEmailBackend":
        return [
            Info(
                "E-mail is not configured: sign-in notices, password resets and "
                "reminders will not be sent.",
                hint="Set EMAIL_HOST (and EMAIL_HOST_USER, EMAIL_HOST_PASSWORD).",
                id="hearth.I001",
            )
        ]
    return []
