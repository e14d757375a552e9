from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

MAX_PASSWORD_LENGTH = 128


class MaximumLengthValidator:
    """Long passphrases are welcome (64+ characters); absurd ones are refused before hashing."""

    def validate(self, password: str, user=None) -> None:
        if len(password) > MAX_PASSWORD_LENGTH:
            raise ValidationError(
                _("Please use at most %(max_length)d characters."),
                code="password_too_long",
                params={"max_length": MAX_PASSWORD_LENGTH},
            )

    def get_help_text(self) -> str:
        return _("At most %(max_length)d characters; long passphrases are welcome.") % {
            "max_length": MAX_PASSWORD_LENGTH
        }
