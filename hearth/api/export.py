"""What the API exports: the names of a person's tokens, never the tokens or their hashes."""

from django.utils.translation import gettext_lazy as _

from hearth.api.models import ApiToken
from hearth.privacy.exporting import Section

SECTIONS = [
    Section(
        key="api.tokens",
        title=_("Your API tokens"),
        about=_("Names only: the tokens themselves are never stored in a form that can be shown."),
        covers=(ApiToken,),
        labels={"name": _("Name"), "created_at": _("Made")},
        rows=lambda user: (
            ApiToken.objects.filter(user=user).order_by("created_at").values("name", "created_at")
        ),
    ),
]
