from django import forms
from django.utils.translation import gettext_lazy as _

from hearth.core.forms import CleanTextMixin
from hearth.talk.coaching import CoachedTextarea
from hearth.talk.services import ANSWER_MAX, REPLY_MAX


class AnswerForm(CleanTextMixin, forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        max_length=ANSWER_MAX,
        widget=CoachedTextarea(attrs={"rows": 4}),
        help_text=_("Only you can see it until you have both answered."),
    )


class ReplyForm(CleanTextMixin, forms.Form):
    text = forms.CharField(
        label=_("Your reply"), max_length=REPLY_MAX, widget=CoachedTextarea(attrs={"rows": 2})
    )


class ArchiveSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search your questions and answers"), max_length=100, required=False
    )
