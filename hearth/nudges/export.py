"""What Nudges exports: a person's choices and the notifications Hearth made for them."""

from hearth.nudges.models import Notification, NudgePreferences
from hearth.privacy.exporting import Section

SECTIONS = [
    Section(
        key="nudges.preferences",
        title="What reaches you, and your quiet hours",
        about="Kinds you changed from their default, by e-mail and in Hearth.",
        covers=(NudgePreferences,),
        labels={
            "email": "By e-mail",
            "in_app": "In Hearth",
            "quiet_start": "Quiet from",
            "quiet_end": "Quiet until",
            "updated_at": "Last changed",
        },
        rows=lambda user: NudgePreferences.objects.filter(user=user).values(
            "email", "in_app", "quiet_start", "quiet_end", "updated_at"
        ),
    ),
    Section(
        key="nudges.notifications",
        title="Notifications Hearth made for you",
        covers=(Notification,),
        labels={"created_at": "When", "kind": "About", "seen_at": "You saw it"},
        rows=lambda user: (
            Notification.objects.filter(recipient=user)
            .order_by("created_at", "pk")
            .values("created_at", "kind", "seen_at")
        ),
    ),
]
