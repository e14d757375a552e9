from django import forms

from hearth.core.text import TextError, clean_text


class CleanTextMixin:
    """Runs every text field through clean_text: no control characters, lengths enforced."""

    def clean(self):
        cleaned = super().clean()  # type: ignore[misc]
        for name, field in self.fields.items():  # type: ignore[attr-defined]
            value = cleaned.get(name)
            if isinstance(field, forms.CharField) and isinstance(value, str):
                multiline = isinstance(field.widget, forms.Textarea)
                try:
                    cleaned[name] = clean_text(
                        value, max_length=field.max_length or 10_000, multiline=multiline
                    )
                except TextError as error:
                    self.add_error(name, str(error))  # type: ignore[attr-defined]
        return cleaned
