class Refusal(Exception):
    """A service could not do what was asked. `message` tells the person what to do next;
    `code` is stable for scripts; `status` is the HTTP answer (always 4xx)."""

    def __init__(self, message: str, *, code: str, status: int = 400):
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
    empty: str = "Write a few words first.",
) -> str:
    """Cleaned text for a service (hearth.core.text.clean_text), or the service's own
    refusal with the person's message: `invalid_text`, or `empty` when required."""
    from hearth.core.text import TextError, clean_text

    try:
        cleaned = clean_text(value, max_length=max_length, multiline=multiline)
    except TextError as error:
        raise refusal(str(error), code="invalid_text") from None
    if required and not cleaned:
        raise refusal(empty, code="empty")
    return cleaned
