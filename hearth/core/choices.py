"""Choices more than one pillar uses."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Cost(models.TextChoices):
    FREE = "free", _("Free")
    LOW = "low", _("Low cost")
    MEDIUM = "medium", _("Some spending")
    HIGH = "high", _("A splurge")
