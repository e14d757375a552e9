"""Checks for text people type into Hearth. Plain Python, but for Django's gettext: the
messages are for people, in their language.

Emoji and right-to-left scripts are welcome. Control characters and the
invisible bidirectional overrides (which can disguise a name) are refused.
"""

import unicodedata

from django.utils.translation import gettext as _

# Bidirectional embedding/override/isolate controls: they reorder text invisibly.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
ALLOWED_IN_MULTILINE = frozenset("\n\t")


class TextError(ValueError):
    """The text cannot be stored; the message says why in plain words."""


def clean_text(value: object, *, max_length: int, multiline: bool = False) -> str:
    """Return the trimmed text, or raise TextError with a message for the person."""
    if not isinstance(value, str):
        raise TextError(_("This should be text."))
    # Trim only spaces, tabs and newlines here: str.strip() would also quietly drop some
    # control characters, which are refused below instead.
    value = unicodedata.normalize("NFC", value.replace("\r\n", "\n")).strip(" \t\n")
    for char in value:
        if multiline and char in ALLOWED_IN_MULTILINE:
            continue
        if char in BIDI_CONTROLS or unicodedata.category(char) in {"Cc", "Cs", "Co"}:
            raise TextError(
                _(
                    "This contains an invisible control character. Please retype it "
                    "rather than pasting."
                )
            )
    value = value.strip()
    if len(value) > max_length:
        raise TextError(
            _("Please keep this to %(max_length)s characters (it has %(length)s).")
            % {"max_length": max_length, "length": len(value)}
        )
    return value
