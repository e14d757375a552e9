"""What an account exports (hearth/privacy/exporting.py): the profile, e-mail addresses and
which second factors are on. Never the password, the last sign-in, or any secret."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.utils.translation import gettext_lazy as _

from hearth.accounts.models import User
from hearth.privacy.exporting import Section

SECTIONS = [
    Section(
        key="account.profile",
        title=_("Your account"),
        covers=(User,),
        labels={
            "email": _("E-mail address"),
            "display_name": _("Name"),
            "pronouns": _("Pronouns"),
            "time_zone": _("Time zone"),
            "language": _("Language"),
            "date_joined": _("Joined"),
        },
        rows=lambda user: User.objects.filter(pk=user.pk).values(
            "email", "display_name", "pronouns", "time_zone", "language", "date_joined"
        ),
    ),
    Section(
        key="account.email_addresses",
        title=_("Your e-mail addresses"),
        covers=(EmailAddress,),
        labels={"email": _("Address"), "verified": _("Confirmed"), "primary": _("Main address")},
        rows=lambda user: (
            EmailAddress.objects.filter(user=user)
            .order_by("pk")
            .values("email", "verified", "primary")
        ),
    ),
    Section(
        key="account.two_factor",
        title=_("Your second factors"),
        about=_("Which kinds are on, never their secrets."),
        covers=(Authenticator,),
        labels={"type": _("Kind"), "created_at": _("Added")},
        rows=lambda user: (
            Authenticator.objects.filter(user=user)
            .order_by("created_at")
            .values("type", "created_at")
        ),
    ),
]
