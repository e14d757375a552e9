"""Privacy (PRODUCT D5): the one row this app keeps, a kind notice to a person whose
partner deleted their account."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notice(models.Model):
    """Something Hearth tells one person once, in Hearth, until they close it.
    It says what happened, never why, and nothing about the other person's use of Hearth."""

    class Kind(models.TextChoices):
        PARTNER_LEFT = "partner_left", _("Your partner closed their Hearth account")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="privacy_notices"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    created_at = models.DateTimeField(default=timezone.now)
    dismissed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["user", "dismissed_at"])]

    def __str__(self) -> str:
        return f"{self.kind} for {self.user_id}"
