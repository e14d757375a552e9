"""What Nudges exports: a person's choices and the notifications Hearth made for them."""

from django.utils.translation import gettext_lazy as _

from hearth.nudges.models import Notification, NudgePreferences
from hearth.privacy.exporting import Section

SECTIONS = [
    Section(
        key="nudges.preferences",
        title=_("What reaches you, and your quiet hours"),
        about=_("Kinds you changed from their default, by e-mail and in Hearth."),
        covers=(NudgePreferences,),
        labels={
            "email": _("By e-mail"),
            "in_app": _("In Hearth"),
            "quiet_start": _("Quiet from"),
            "quiet_end": _("Quiet until"),
            "updated_at": _("Last changed"),
        },
        rows=lambda user: NudgePreferences.objects.filter(user=user).values(
            "email", "in_app", "quiet_start", "quiet_end", "updated_at"
        ),
    ),
    Section(
        key="nudges.notifications",
        title=_("Notifications Hearth made for you"),
        covers=(Notification,),
        labels={"created_at": _("When"), "kind": _("About"), "seen_at": _("You saw it")},
        rows=lambda user: (
            Notification.objects.filter(recipient=user)
            .order_by("created_at", "pk")
            .values("created_at", "kind", "seen_at")
        ),
    ),
]
