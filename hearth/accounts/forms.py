from django import forms
from django.utils.translation import gettext_lazy as _

from hearth.accounts.models import User
from hearth.core.forms import CleanTextMixin


class SignupDetailsForm(CleanTextMixin, forms.Form):
    """Extra fields on allauth's sign-up form."""

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=60,
        help_text=_("What your partner will see. A first name is perfect."),
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data["display_name"]
        user.save(update_fields=["display_name"])


class ProfileForm(CleanTextMixin, forms.ModelForm):
    class Meta:
        model = User
        fields = ["display_name", "pronouns", "time_zone", "language"]
        labels = {
            "display_name": _("Your name"),
            "pronouns": _("Pronouns"),
            "time_zone": _("Time zone"),
            "language": _("Language"),
        }
