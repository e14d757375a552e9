from django import forms

from hearth.core.forms import CleanTextMixin


class TokenForm(CleanTextMixin, forms.Form):
    name = forms.CharField(
        label="Token name",
        max_length=60,
        help_text="Where you will use it, e.g. “Home Assistant” or “my script”.",
    )
