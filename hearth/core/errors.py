from django.utils.functional import Promise
from django.utils.translation import gettext as _


class Refusal(Exception):
    """A service could not do what was asked. `message` tells the person what to do next
    (marked for translation where it is raised; a lazy text is translated here, in the
    language of the request); `code` is stable for scripts; `status` is the HTTP answer
    (always 4xx)."""

    def __init__(self, message: str | Promise, *, code: str, status: int = 400):
        message = str(message)
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status


def text_or_refusal(
    value: object,
    max_length: int,
    *,
    refusal: type[Refusal] = Refusal,
    required: bool = True,
    multiline: bool = True,
    empty: str | Promise | None = None,
) -> str:
    """Cleaned text for a service (hearth.core.text.clean_text), or the service's own
    refusal with the person's message: `invalid_text`, or `empty` when required (by default
    "Write a few words first.")."""
    from hearth.core.text import TextError, clean_text

    try:
        cleaned = clean_text(value, max_length=max_length, multiline=multiline)
    except TextError as error:
        raise refusal(str(error), code="invalid_text") from None
    if required and not cleaned:
        raise refusal(empty or _("Write a few words first."), code="empty")
    return cleaned
