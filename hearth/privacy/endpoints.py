"""API for a person's own data (PRODUCT D5): GET /api/v1/me/export. Deleting the account is
DELETE /api/v1/me (hearth/accounts/endpoints.py), with the password in the body."""

from typing import Literal

from django.http import HttpRequest
from ninja import Router

from hearth.privacy.views import export_response

router = Router(tags=["account"])
PREFIX = ""


@router.get(
    "/me/export",
    summary="Download all my data",
    description="`json` (the default), `html` (one page to read or print) or `zip` (both, "
    "and the photos I added). Never my partner's words.",
)
def export(request: HttpRequest, format: Literal["json", "html", "zip"] = "json"):
    return export_response(request.auth, format)  # type: ignore[attr-defined]
