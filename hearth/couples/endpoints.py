from datetime import datetime

from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status
from pydantic import Field

from hearth.api.schemas import ErrorOut
from hearth.couples.models import Membership
from hearth.couples.selectors import active_membership, partner_of
from hearth.couples.services import (
    couple_join,
    couple_set_time_zone,
    couple_unlink,
    invite_create,
)

router = Router(tags=["couple"])
PREFIX = "/couple"


class PartnerOut(Schema):
    id: int
    display_name: str
    pronouns: str


class CoupleOut(Schema):
    id: int
    partner: PartnerOut | None
    since: datetime
    time_zone: str = Field(description="the couple's days start at midnight here")


class TimeZoneIn(Schema):
    time_zone: str = Field(max_length=64, description="an IANA name, like Europe/London")


class InviteOut(Schema):
    code: str
    url: str
    expires_at: datetime


class JoinIn(Schema):
    code: str = Field(max_length=12, description="The six digits from your partner's screen.")


def couple_out(user, membership: Membership | None) -> dict | None:
    if membership is None:
        return None
    couple = membership.couple
    partner = partner_of(user, couple)
    return {
        "id": couple.pk,
        "since": couple.created_at,
        "time_zone": couple.time_zone,
        "partner": (
            {"id": partner.pk, "display_name": partner.display_name, "pronouns": partner.pronouns}
            if partner
            else None
        ),
    }


@router.get("", response={200: CoupleOut, 404: ErrorOut}, summary="My couple")
def couple_detail(request: HttpRequest):
    couple = couple_out(request.user, active_membership(request.user))
    if couple is None:
        return Status(404, {"detail": _("You are not paired yet."), "code": "not_paired"})
    return Status(200, couple)


@router.post("/invite", response={201: InviteOut}, summary="Create an invite for my partner")
def invite(request: HttpRequest):
    created = invite_create(inviter=request.user)
    url = request.build_absolute_uri(created.get_absolute_url())
    return Status(201, {"code": created.code, "url": url, "expires_at": created.expires_at})


@router.post("/join", response={201: CoupleOut}, summary="Join my partner with their code")
def join(request: HttpRequest, payload: JoinIn):
    couple_join(user=request.user, code=payload.code.strip())
    return Status(201, couple_out(request.user, active_membership(request.user)))


@router.delete("", response={204: None}, summary="Unlink from my partner, at once")
def unlink(request: HttpRequest):
    couple_unlink(user=request.user)
    return Status(204, None)


@router.put(
    "/time-zone",
    response={200: CoupleOut, 400: ErrorOut, 409: ErrorOut},
    summary="Where our days start at midnight (either partner)",
)
def time_zone(request: HttpRequest, payload: TimeZoneIn):
    couple_set_time_zone(user=request.user, time_zone=payload.time_zone)
    return Status(200, couple_out(request.user, active_membership(request.user)))
