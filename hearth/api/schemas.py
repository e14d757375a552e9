"""Shared pieces for endpoint schemas: text that passes Hearth's checks."""

from typing import Annotated

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from ninja import Schema
from pydantic import AfterValidator, Field

from hearth.core.text import TextError, clean_text


def single_line(max_length: int):
    def check(value: str) -> str:
        try:
            return clean_text(value, max_length=max_length)
        except TextError as error:
            raise ValueError(str(error)) from None

    return Annotated[str, Field(max_length=max_length * 4), AfterValidator(check)]


def _email(value: str) -> str:
    value = value.strip().lower()
    try:
        validate_email(value)
    except DjangoValidationError:
        raise ValueError(_("Enter a valid e-mail address, like sam@example.com.")) from None
    return value


Email = Annotated[str, Field(max_length=254), AfterValidator(_email)]
Password = Annotated[str, Field(max_length=128)]


class ErrorOut(Schema):
    """Every refusal: a sentence for the person, and a stable code for scripts."""

    detail: str
    code: str = "error"
