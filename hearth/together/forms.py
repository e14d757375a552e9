from django import forms
from django.utils import timezone

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
from hearth.together.recurrence import MAX_INTERVAL, WEEKDAY_NAMES
from hearth.together.services import DETAILS_MAX, NOTES_MAX, TITLE_MAX

ANY = [("", "Any")]
DURATIONS = [(30, "30 minutes"), (60, "1 hour"), (90, "1½ hours"), (120, "2 hours")] + [
    (hours * 60, f"{hours} hours") for hours in (3, 4, 6, 8, 12)
]


class IdeaFilterForm(forms.Form):
    cost = forms.ChoiceField(
        label="Spend at most", choices=ANY + list(Cost.choices), required=False
    )
    setting = forms.ChoiceField(label="Where", choices=ANY + list(Setting.choices), required=False)
    energy = forms.ChoiceField(label="Energy", choices=ANY + list(Energy.choices), required=False)
    novelty = forms.ChoiceField(label="Mood", choices=ANY + list(Novelty.choices), required=False)
    place = forms.ChoiceField(
        label="Indoors or out",
        choices=[*ANY, (Place.INDOOR, "Indoors"), (Place.OUTDOOR, "Outdoors")],
        required=False,
    )
    season = forms.ChoiceField(
        label="Season", choices=ANY + [(s, s.title()) for s in SEASONS], required=False
    )
    max_minutes = forms.TypedChoiceField(
        label="Time you have",
        choices=[*ANY, (60, "Up to an hour"), (120, "Up to two hours"), (240, "Half a day")],
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
    title = forms.CharField(label="What shall we do?", max_length=TITLE_MAX, required=False)
    details = forms.CharField(
        label="Details (optional)",
        max_length=DETAILS_MAX,
        required=False,
        widget=CoachedTextarea(attrs={"rows": 3}),
        help_text="Where to meet, what to bring, why you thought of it.",
    )
    when = WhenField(label="When")
    duration_minutes = forms.TypedChoiceField(
        label="For how long", choices=DURATIONS, coerce=int, initial=120
    )
    idea = forms.IntegerField(widget=forms.HiddenInput, required=False)


class SuggestTimeForm(forms.Form):
    when = WhenField(label="How about")


class DateReflectForm(CleanTextMixin, forms.Form):
    rating = forms.TypedChoiceField(
        label="How was it?",
        choices=[(n, "★" * n) for n in range(1, 6)],
        coerce=int,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label="What I loved",
        max_length=REFLECTION_MAX,
        required=False,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )


class RitualForm(CleanTextMixin, forms.Form):
    kind = forms.ChoiceField(label="Kind", choices=RitualKind.choices)
    title = forms.CharField(label="Name it", max_length=80)
    frequency = forms.ChoiceField(label="Repeats", choices=Frequency.choices, initial="weekly")
    interval = forms.TypedChoiceField(
        label="How often",
        choices=[(1, "Every time"), (2, "Every other"), (3, "Every third"), (4, "Every fourth")]
        + [(n, f"Every {n}th") for n in range(5, MAX_INTERVAL + 1)],
        coerce=int,
        initial=1,
    )
    weekdays = forms.TypedMultipleChoiceField(
        label="On (weekly)",
        choices=list(enumerate(WEEKDAY_NAMES)),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave empty to repeat on the first day's weekday.",
    )
    starts_on = forms.DateField(label="First day", widget=forms.DateInput(attrs={"type": "date"}))
    at = forms.TimeField(label="At", widget=forms.TimeInput(attrs={"type": "time"}))
    duration_minutes = forms.TypedChoiceField(
        label="For how long",
        choices=[(5, "5 minutes"), (10, "10 minutes"), (20, "20 minutes"), *DURATIONS],
        coerce=int,
        initial=60,
    )
    until = forms.DateField(
        label="Until (optional)",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="The last day it may happen. Leave empty to keep it going.",
    )
    notes = forms.CharField(
        label="Notes (optional)",
        max_length=NOTES_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    idea = forms.IntegerField(widget=forms.HiddenInput, required=False)


class DayForm(forms.Form):
    day = forms.DateField()


class BucketForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label="Something new to try together", max_length=TITLE_MAX)
    notes = forms.CharField(
        label="Notes (optional)",
        max_length=NOTES_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MomentForm(CleanTextMixin, forms.Form):
    title = forms.CharField(label="What happened", max_length=TITLE_MAX)
    happened_on = forms.DateField(
        label="When", widget=forms.DateInput(attrs={"type": "date"}), initial=timezone.localdate
    )
    reflection = forms.CharField(
        label="What I loved (optional)",
        max_length=REFLECTION_MAX,
        required=False,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )


class ReflectionForm(CleanTextMixin, forms.Form):
    text = forms.CharField(
        label="What I loved",
        max_length=REFLECTION_MAX,
        widget=CoachedTextarea(attrs={"rows": 3}),
    )


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label="Add a photo",
        help_text="JPEG, PNG or WebP, up to 10 MB. Location and camera details are removed.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
