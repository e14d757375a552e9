"""What pairing exports: the couples a person was in and the invites they made (never the
codes or links, which were credentials)."""

from django.utils.translation import gettext_lazy as _

from hearth.couples.models import Couple, Invite, Membership
from hearth.privacy.exporting import Section

SECTIONS = [
    Section(
        key="couples.couples",
        title=_("Your couples"),
        about=_("When you paired and when it ended. Your partner's name and words are theirs."),
        covers=(Membership, Couple),
        labels={"couple": _("Couple"), "joined_at": _("Paired"), "left_at": _("Ended")},
        rows=lambda user: (
            Membership.objects.filter(user=user)
            .order_by("joined_at")
            .values("joined_at", "left_at", "couple")
        ),
    ),
    Section(
        key="couples.invites",
        title=_("Invites you made"),
        covers=(Invite,),
        labels={
            "created_at": _("Made"),
            "expires_at": _("Valid until"),
            "used_at": _("Used"),
            "revoked_at": _("Replaced"),
        },
        rows=lambda user: (
            Invite.objects.filter(inviter=user)
            .order_by("created_at")
            .values("created_at", "expires_at", "used_at", "revoked_at")
        ),
    ),
]
