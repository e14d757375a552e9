"""What an account exports (hearth/privacy/exporting.py): the profile, e-mail addresses and
which second factors are on. Never the password, the last sign-in, or any secret."""

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator

from hearth.accounts.models import User
from hearth.privacy.exporting import Section

SECTIONS = [
    Section(
        key="account.profile",
        title="Your account",
        covers=(User,),
        labels={
            "email": "E-mail address",
            "display_name": "Name",
            "pronouns": "Pronouns",
            "time_zone": "Time zone",
            "language": "Language",
            "date_joined": "Joined",
        },
        rows=lambda user: User.objects.filter(pk=user.pk).values(
            "email", "display_name", "pronouns", "time_zone", "language", "date_joined"
        ),
    ),
    Section(
        key="account.email_addresses",
        title="Your e-mail addresses",
        covers=(EmailAddress,),
        labels={"email": "Address", "verified": "Confirmed", "primary": "Main address"},
        rows=lambda user: (
            EmailAddress.objects.filter(user=user)
            .order_by("pk")
            .values("email", "verified", "primary")
        ),
    ),
    Section(
        key="account.two_factor",
        title="Your second factors",
        about="Which kinds are on, never their secrets.",
        covers=(Authenticator,),
        labels={"type": "Kind", "created_at": "Added"},
        rows=lambda user: (
            Authenticator.objects.filter(user=user)
            .order_by("created_at")
            .values("type", "created_at")
        ),
    ),
]
