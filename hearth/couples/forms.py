from django import forms
from django.utils.translation import gettext_lazy as _

from hearth.accounts.models import time_zone_choices


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Invite code"),
        min_length=6,
        max_length=6,
        help_text=_("The six digits your partner sees on their screen."),
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "pattern": "[0-9]{6}",
                "placeholder": "123456",
            }
        ),
        error_messages={
            "min_length": _("An invite code is six digits, like 042917."),
            "max_length": _("An invite code is six digits, like 042917."),
            "required": _("Type the six digits your partner sees on their screen."),
        },
    )

    def clean_code(self) -> str:
        code = self.cleaned_data["code"].strip().replace(" ", "")
        if not (code.isascii() and code.isdigit()):
            raise forms.ValidationError(_("An invite code is six digits, like 042917."))
        return code


class CoupleTimeZoneForm(forms.Form):
    time_zone = forms.ChoiceField(
        label=_("Your days start at midnight in"),
        choices=time_zone_choices,
        help_text=_(
            "For both of you: when the daily question changes, and how Insights counts days."
        ),
    )
