"""What the API exports: the names of a person's tokens, never the tokens or their hashes."""

from hearth.api.models import ApiToken
from hearth.privacy.exporting import Section

SECTIONS = [
    Section(
        key="api.tokens",
        title="Your API tokens",
        about="Names only: the tokens themselves are never stored in a form that can be shown.",
        covers=(ApiToken,),
        labels={"name": "Name", "created_at": "Made"},
        rows=lambda user: (
            ApiToken.objects.filter(user=user).order_by("created_at").values("name", "created_at")
        ),
    ),
]
