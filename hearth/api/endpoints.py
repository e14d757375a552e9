from datetime import datetime

from django.http import HttpRequest
from ninja import Router, Schema, Status

from hearth.api.models import ApiToken
from hearth.api.schemas import single_line
from hearth.api.views import get_token_for_user

router = Router(tags=["tokens"])
PREFIX = "/tokens"


class TokenOut(Schema):
    id: int
    name: str
    hint: str
    created_at: datetime


class TokenIn(Schema):
    name: single_line(60)  # type: ignore[valid-type]


class NewTokenOut(TokenOut):
    token: str


@router.get("", response=list[TokenOut], summary="List my access tokens")
def token_list(request: HttpRequest):
    return list(ApiToken.objects.for_user(request.user))


@router.post("", response={201: NewTokenOut}, summary="Create an access token")
def token_create(request: HttpRequest, payload: TokenIn):
    token, secret = ApiToken.issue(user=request.user, name=payload.name)
    return Status(201, {**TokenOut.from_orm(token).model_dump(), "token": secret})


@router.delete("/{int:token_id}", response={204: None}, summary="Revoke an access token")
def token_delete(request: HttpRequest, token_id: int):
    get_token_for_user(request.user, token_id).delete()
    return Status(204, None)
