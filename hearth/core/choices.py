"""Choices more than one pillar uses."""

from django.db import models


class Cost(models.TextChoices):
    FREE = "free", "Free"
    LOW = "low", "Low cost"
    MEDIUM = "medium", "Some spending"
    HIGH = "high", "A splurge"
