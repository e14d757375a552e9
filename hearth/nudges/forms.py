from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hearth.nudges.kinds import kinds
from hearth.nudges.models import NudgePreferences


class NudgeSettingsForm(forms.Form):
    """A switch per kind for e-mail and for Hearth itself, and the quiet hours. The form is
    the whole state: a switch not sent is off."""

    quiet_start = forms.TimeField(
        label=gettext_lazy("Quiet from"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )
    quiet_end = forms.TimeField(
        label=gettext_lazy("until"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    def __init__(self, data=None, *, preferences: NudgePreferences):
        initial: dict[str, object] = {
            "quiet_start": preferences.quiet_start,
            "quiet_end": preferences.quiet_end,
        }
        for kind in kinds():
            initial[f"email_{kind}"] = preferences.wants_email(kind)
            initial[f"app_{kind}"] = preferences.wants_in_app(kind)
        super().__init__(data, initial=initial)
        for kind, info in kinds().items():
            labels = {
                "email": _("By e-mail: %(kind)s") % {"kind": info.label},
                "app": _("In Hearth: %(kind)s") % {"kind": info.label},
            }
            for prefix, label in labels.items():
                self.fields[f"{prefix}_{kind}"] = forms.BooleanField(
                    label=label,
                    required=False,
                    widget=forms.CheckboxInput(attrs={"aria-label": label}),
                )

    def switches(self, prefix: str) -> dict[str, bool]:
        return {kind: bool(self.cleaned_data[f"{prefix}_{kind}"]) for kind in kinds()}
