"""What Insights exports: a person's monthly pulses. The daily roll-ups are counts recounted
from the entries the other apps export."""

from django.utils.translation import gettext_lazy as _

from hearth.insights.models import PULSE_ITEMS, DayTally, Pulse
from hearth.privacy.exporting import Section

NOT_EXPORTED = {
    DayTally: "daily counts for the couple, recounted from the entries exported elsewhere; "
    "they hold no words and mix both partners",
}

SECTIONS = [
    Section(
        key="insights.pulses",
        title=_("Your monthly pulses"),
        about=_(
            "Each statement from 1 (not at all) to 7 (completely); closeness from 1 "
            "(apart) to 7 (almost one). Only you ever saw these."
        ),
        covers=(Pulse,),
        labels={
            "month": _("Month"),
            **{key: key.replace("_", " ").capitalize() for key in PULSE_ITEMS},
            "closeness": _("Closeness"),
            "created_at": _("Answered"),
            "updated_at": _("Last changed"),
        },
        rows=lambda user: (
            Pulse.objects.filter(author=user)
            .order_by("month")
            .values("month", *PULSE_ITEMS, "closeness", "created_at", "updated_at")
        ),
    ),
]
