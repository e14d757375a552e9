from django import forms
from django.utils.translation import gettext_lazy as _

from hearth.core.forms import CleanTextMixin


class TokenForm(CleanTextMixin, forms.Form):
    name = forms.CharField(
        label=_("Token name"),
        max_length=60,
        help_text=_("Where you will use it, e.g. “Home Assistant” or “my script”."),
    )
