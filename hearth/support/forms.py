from django import forms
from django.utils.translation import gettext_lazy as _

from hearth.core.forms import CleanTextMixin
from hearth.support.models import Cheer, Need
from hearth.support.services import (
    BID_MAX,
    CHEER_MAX,
    GUESS_MAX,
    NEEDS_MAP_MAX,
    NEWS_MAX,
    NOTE_MAX,
    REPLY_MAX,
)
from hearth.talk.coaching import CoachedTextarea

LATER_CHOICES = [
    (30, _("In 30 minutes")),
    (60, _("In an hour")),
    (120, _("In two hours")),
    (240, _("In four hours")),
    (480, _("This evening or tomorrow")),
]


class CheckInForm(CleanTextMixin, forms.Form):
    feeling = forms.CharField(max_length=40)
    need = forms.ChoiceField(choices=Need.choices, widget=forms.RadioSelect)
    intensity = forms.TypedChoiceField(
        label=_("How strong"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        initial=3,
        required=False,
        empty_value=None,
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("A few words (optional)"),
        max_length=NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    shared = forms.TypedChoiceField(
        choices=[("0", "private"), ("1", "shared")], coerce=lambda v: v == "1"
    )


class ReplyForm(CleanTextMixin, forms.Form):
    reply = forms.CharField(max_length=REPLY_MAX)


class BidForm(CleanTextMixin, forms.Form):
    kind = forms.CharField(max_length=12)
    text = forms.CharField(max_length=BID_MAX, required=False)


class BidAnswerForm(CleanTextMixin, forms.Form):
    answer = forms.ChoiceField(choices=[("now", "now"), ("later", "later")])
    reply = forms.CharField(max_length=REPLY_MAX, required=False)
    later = forms.TypedChoiceField(choices=LATER_CHOICES, coerce=int, required=False)


class NeedsMapForm(CleanTextMixin, forms.Form):
    def __init__(self, *args, labels: dict, prompts: dict, **kwargs):
        super().__init__(*args, **kwargs)
        for section in ("stressed", "comforts", "unhelpful", "signs"):
            self.fields[section] = forms.CharField(
                label=labels[section],
                max_length=NEEDS_MAP_MAX,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                help_text=prompts.get(section, ""),
            )


class GoodNewsForm(CleanTextMixin, forms.Form):
    text = forms.CharField(
        label=_("Something good happened"),
        max_length=NEWS_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class CheerForm(CleanTextMixin, forms.Form):
    way = forms.ChoiceField(choices=Cheer.Way.choices, widget=forms.RadioSelect, initial="ask")
    text = forms.CharField(
        label=_("Your answer"), max_length=CHEER_MAX, widget=CoachedTextarea(attrs={"rows": 2})
    )
    anyway = forms.BooleanField(required=False, widget=forms.HiddenInput)


class GuessForm(CleanTextMixin, forms.Form):
    daily_question = forms.IntegerField(widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("My guess"), max_length=GUESS_MAX, widget=forms.Textarea(attrs={"rows": 2})
    )
