from django import forms
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from hearth.core.forms import CleanTextMixin
from hearth.talk.coaching import CoachedTextarea
from hearth.together.memories import REFLECTION_MAX
from hearth.together.models import (
    SEASONS,
    Cost,
    Energy,
    Frequency,
    Novelty,
    Place,
    RitualKind,
    Setting,
)
from hearth.together.recurrence import MAX_INTERVAL
from hearth.together.services import DETAILS_MAX, NOTES_MAX, TITLE_MAX

ANY = [("", _("Any"))]
SEASON_LABELS = {
    "spring": _("Spring"),
    "summer": _("Summer"),
    "autumn": _("Autumn"),
    "winter": _("Winter"),
}
DURATION_HOURS = (3, 4, 6, 8, 12)


def _minutes(count: int) -> str:
    return ngettext("%(count)d minute", "%(count)d minutes", count) % {"count": count}


def _hours(count: int) -> str:
    return ngettext("%(count)d hour", "%(count)d hours", count) % {"count": count}


# Choices with numbers are built when a form is shown (a callable), in the person's language.
def durations() -> list[tuple[int, str]]:
    return [
        (30, _minutes(30)),
        (60, _hours(1)),
        (90, gettext("1½ hours")),
        (120, _hours(2)),
        *((hours * 60, _hours(hours)) for hours in DURATION_HOURS),
    ]


def ritual_durations() -> list[tuple[int, str]]:
    return [(minutes, _minutes(minutes)) for minutes in (5, 10, 20)] + durations()


def intervals() -> list[tuple[int, str]]:
    named = [
        (1, gettext("Every time")),
        (2, gettext("Every other")),
        (3, gettext("Every third")),
        (4, gettext("Every fourth")),
    ]
    return named + [
        (n, gettext("Every %(number)dth") % {"number": n}) for n in range(5, MAX_INTERVAL + 1)
    ]


class IdeaFilterForm(forms.Form):
    cost = forms.ChoiceField(
        label=_("Spend at most"), choices=ANY + list(Cost.choices), required=False
    )
    setting = forms.ChoiceField(
        label=_("Where"), choices=ANY + list(Setting.choices), required=False
    )
    energy = forms.ChoiceField(
        label=_("Energy"), choices=ANY + list(Energy.choices), required=False
    )
    novelty = forms.ChoiceField(
        label=_("Mood"), choices=ANY + list(Novelty.choices), required=False
    )
    place = forms.ChoiceField(
        label=_("Indoors or out"),
        choices=[*ANY, (Place.INDOOR, _("Indoors")), (Place.OUTDOOR, _("Outdoors"))],
        required=False,
    )
    season = forms.ChoiceField(
        label=_("Season"), choices=ANY + [(s, SEASON_LABELS[s]) for s in SEASONS], required=False
    )
    max_minutes = forms.TypedChoiceField(
        label=_("Time you have"),
        choices=[
            *ANY,
            (60, _("Up to an hour")),
            (120, _("Up to two hours")),
            (240, _("Half a day")),
        ],
        coerce=int,
        empty_value=None,
        required=False,
    )


class WhenField(forms.DateTimeField):
    """A date and time on the person's own clock (their time zone in settings)."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def to_python(self, value):
        # Keep it naive: the service places it in the zone and refuses a skipped hour.
        result = super().to_python(value)
        return timezone.make_naive(result) if result and timezone.is_aware(result) else result


class DateProposeForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=_("What shall we do?"), max_length=TITLE_MAX, required=False)
    details = forms.CharField(
        label=_("Details (optional)"),
        max_length=DETAILS_MAX,
        required=False,
        widget=CoachedTextarea(attrs={"rows": 3}),
        help_text=_("Where to meet, what to bring, why you thought of it."),
    )
    when = WhenField(label=_("When"))
    duration_minutes = forms.TypedChoiceField(
        label=_("For how long"), choices=durations, coerce=int, initial=120
    )
    idea = forms.IntegerField(widget=forms.HiddenInput, required=False)


class SuggestTimeForm(forms.Form):
    when = WhenField(label=_("How about"))


class DateReflectForm(CleanTextMixin, forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How was it?"),
        choices=[(n, "★" * n) for n in range(1, 6)],
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("What I loved"),
        max_length=REFLECTION_MAX,
        required=False,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )


class RitualForm(CleanTextMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=RitualKind.choices)
    title = forms.CharField(label=_("Name it"), max_length=80)
    frequency = forms.ChoiceField(label=_("Repeats"), choices=Frequency.choices, initial="weekly")
    interval = forms.TypedChoiceField(
        label=_("How often"),
        choices=intervals,
        coerce=int,
        initial=1,
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("On (weekly)"),
        # Monday is 0, as in hearth.together.recurrence; Django's names are translated.
        choices=sorted(WEEKDAYS.items()),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty to repeat on the first day's weekday."),
    )
    starts_on = forms.DateField(
        label=_("First day"), widget=forms.DateInput(attrs={"type": "date"})
    )
    at = forms.TimeField(label=_("At"), widget=forms.TimeInput(attrs={"type": "time"}))
    duration_minutes = forms.TypedChoiceField(
        label=_("For how long"),
        choices=ritual_durations,
        coerce=int,
        initial=60,
    )
    until = forms.DateField(
        label=_("Until (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("The last day it may happen. Leave empty to keep it going."),
    )
    notes = forms.CharField(
        label=_("Notes (optional)"),
        max_length=NOTES_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    idea = forms.IntegerField(widget=forms.HiddenInput, required=False)


class DayForm(forms.Form):
    day = forms.DateField()


class BucketForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=_("Something new to try together"), max_length=TITLE_MAX)
    notes = forms.CharField(
        label=_("Notes (optional)"),
        max_length=NOTES_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MomentForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label=_("What happened"), max_length=TITLE_MAX)
    happened_on = forms.DateField(
        label=_("When"), widget=forms.DateInput(attrs={"type": "date"}), initial=timezone.localdate
    )
    reflection = forms.CharField(
        label=_("What I loved (optional)"),
        max_length=REFLECTION_MAX,
        required=False,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )


class ReflectionForm(CleanTextMixin, forms.Form):
    text = forms.CharField(
        label=_("What I loved"),
        max_length=REFLECTION_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label=_("Add a photo"),
        help_text=_("JPEG, PNG or WebP, up to 10 MB. Location and camera details are removed."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
