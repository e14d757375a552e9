from django.core.exceptions import ValidationError

MAX_PASSWORD_LENGTH = 128


class MaximumLengthValidator:
    """Long passphrases are welcome (64+ characters); absurd ones are refused before hashing."""

    def validate(self, password: str, user=None) -> None:
        if len(password) > MAX_PASSWORD_LENGTH:
            raise ValidationError(
                f"Please use at most {MAX_PASSWORD_LENGTH} characters.", code="password_too_long"
            )

    def get_help_text(self) -> str:
        return f"At most {MAX_PASSWORD_LENGTH} characters; long passphrases are welcome."
