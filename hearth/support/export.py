"""What Support exports: a person's check-ins, bids, needs map, good news, cheers and
guesses, and how they answered their partner's check-ins and bids (only their own reply)."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from hearth.privacy.exporting import Section
from hearth.privacy.selectors import couples_of
from hearth.support.models import (
    Bid,
    CheckIn,
    Cheer,
    Feeling,
    GoodNews,
    Guess,
    NeedsMap,
    NeedsPrompt,
)

NOT_EXPORTED = {
    Feeling: "the feelings wheel, the same for everyone",
    NeedsPrompt: "the needs map prompts, the same for everyone",
}

SECTIONS = [
    Section(
        key="support.check_ins",
        title=_("Your check-ins"),
        covers=(CheckIn,),
        labels={
            "created_at": _("When"),
            "feeling_word": _("Feeling"),
            "intensity": _("How strongly (1–5)"),
            "need": _("What you needed"),
            "note": _("Note"),
            "shared": _("Shared with your partner"),
        },
        rows=lambda user: (
            CheckIn.objects.filter(author=user)
            .order_by("created_at")
            .values(
                "created_at", "intensity", "need", "note", "shared", feeling_word=F("feeling__word")
            )
        ),
    ),
    Section(
        key="support.check_in_replies",
        title=_("Your replies to your partner's check-ins"),
        covers=(CheckIn,),
        labels={"replied_at": _("When"), "reply": _("Your reply")},
        rows=lambda user: (
            CheckIn.objects.filter(couple_id__in=couples_of(user))
            .exclude(author=user)
            .exclude(reply="")
            .order_by("replied_at")
            .values("replied_at", "reply")
        ),
    ),
    Section(
        key="support.bids",
        title=_("Times you reached for your partner"),
        covers=(Bid,),
        labels={"created_at": _("When"), "kind": _("Kind"), "text": _("What you said")},
        rows=lambda user: (
            Bid.objects.filter(author=user)
            .order_by("created_at")
            .values("created_at", "kind", "text")
        ),
    ),
    Section(
        key="support.bid_answers",
        title=_("How you answered your partner reaching for you"),
        covers=(Bid,),
        labels={
            "answered_at": _("When"),
            "answer": _("Your answer"),
            "reply": _("What you said"),
            "later_at": _("Later at"),
        },
        rows=lambda user: (
            Bid.objects.filter(couple_id__in=couples_of(user))
            .exclude(author=user)
            .exclude(answer="")
            .order_by("answered_at")
            .values("answered_at", "answer", "reply", "later_at")
        ),
    ),
    Section(
        key="support.needs_map",
        title=_("Your needs map"),
        covers=(NeedsMap,),
        labels={
            "stressed": _("When I'm stressed"),
            "comforts": _("What comforts me"),
            "unhelpful": _("What doesn't help"),
            "signs": _("Signs I'm struggling"),
            "updated_at": _("Last changed"),
        },
        rows=lambda user: NeedsMap.objects.filter(user=user).values(
            "stressed", "comforts", "unhelpful", "signs", "updated_at"
        ),
    ),
    Section(
        key="support.good_news",
        title=_("Good news you shared"),
        covers=(GoodNews,),
        labels={"created_at": _("When"), "text": _("News")},
        rows=lambda user: (
            GoodNews.objects.filter(author=user).order_by("created_at").values("created_at", "text")
        ),
    ),
    Section(
        key="support.cheers",
        title=_("How you cheered your partner's good news"),
        covers=(Cheer,),
        labels={"created_at": _("When"), "way": _("Way"), "text": _("What you said")},
        rows=lambda user: (
            Cheer.objects.filter(author=user)
            .order_by("created_at")
            .values("created_at", "way", "text")
        ),
    ),
    Section(
        key="support.guesses",
        title=_("Your guesses at your partner's answers"),
        about=_("Your guess and the question; not their answer."),
        covers=(Guess,),
        labels={
            "day": _("Day"),
            "question": _("Question"),
            "text": _("Your guess"),
            "created_at": _("When"),
        },
        rows=lambda user: (
            Guess.objects.filter(author=user)
            .order_by("created_at")
            .values(
                "text",
                "created_at",
                day=F("daily_question__day"),
                question=F("daily_question__question__text"),
            )
        ),
    ),
]
