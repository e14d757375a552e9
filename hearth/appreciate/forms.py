from typing import TYPE_CHECKING

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hearth.appreciate.models import Note, Style
from hearth.appreciate.services import FAVOURITE_MAX, GESTURE_MAX, JOURNAL_MAX, NOTE_PART_MAX
from hearth.core.forms import CleanTextMixin
from hearth.talk.coaching import CoachedTextarea

if TYPE_CHECKING:
    from django_stubs_ext import StrOrPromise

RATING_WORDS = {
    1: _("means little to me"),
    2: _("means a little"),
    3: _("means something"),
    4: _("means a fair amount"),
    5: _("means a lot"),
    6: _("means a great deal"),
    7: _("means the world"),
}


def _part(label: "StrOrPromise", required: bool = False) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=NOTE_PART_MAX,
        required=required,
        widget=CoachedTextarea(attrs={"rows": 2}),
    )


class NoteForm(CleanTextMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("A note of"), choices=Note.Kind.choices, widget=forms.RadioSelect, initial="thanks"
    )
    did = _part(_("What they did"), required=True)
    felt = _part(_("How it made me feel"))
    mattered = _part(_("Why it mattered"))

    def __init__(self, *args, prompts: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        for step, prompt in (prompts or {}).items():
            if step in self.fields:
                self.fields[step].help_text = prompt.text


class GestureForm(CleanTextMixin, forms.Form):
    style = forms.ChoiceField(label=_("Kind"), choices=Style.choices)
    text = forms.CharField(label=_("What I did"), max_length=GESTURE_MAX)
    happened_on = forms.DateField(
        label=_("When"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )


class StyleRatingsForm(forms.Form):
    """Five separate 1–7 scales; every one can be a 7."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for style, label in Style.choices:
            self.fields[style] = forms.TypedChoiceField(
                label=label,
                choices=[(n, f"{n}: {words}") for n, words in RATING_WORDS.items()],
                coerce=int,
                initial=4,
            )


class FavouriteForm(CleanTextMixin, forms.Form):
    style = forms.ChoiceField(label=_("Kind"), choices=Style.choices)
    text = forms.CharField(
        label=_("Something that makes me feel loved"),
        max_length=FAVOURITE_MAX,
        help_text=_("As concrete as you can: “coffee brought to bed on Mondays”."),
    )


class JournalForm(CleanTextMixin, forms.Form):
    text = forms.CharField(
        label=_("Today I'm grateful for"),
        max_length=JOURNAL_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    shared = forms.BooleanField(
        label=_("Share this one with my partner"),
        required=False,
        help_text=_("Private unless you tick this. You can change it later."),
    )
