"""What Talk exports: a person's answers, reactions, replies, breaks, debriefs, listening
sessions and the harsh moments the coach counted. The question is library text, so it
comes with each answer; the partner's answers and replies do not."""

from django.db.models import BooleanField, Case, F, Q, Value, When
from django.utils.translation import gettext_lazy as _

from hearth.privacy.exporting import Section
from hearth.talk.models import (
    Answer,
    DailyQuestion,
    Debrief,
    HarshMoment,
    ListeningSession,
    ListeningStep,
    Question,
    Reaction,
    RepairPhrase,
    Reply,
    Timeout,
)

NOT_EXPORTED = {
    Question: "the question library, the same for everyone",
    RepairPhrase: "the repair phrase library, the same for everyone",
    DailyQuestion: "the couple's question of the day holds no one's words; its day and text "
    "come with each of your answers",
}

SECTIONS = [
    Section(
        key="talk.answers",
        title=_("Your answers to the daily question"),
        covers=(Answer,),
        labels={
            "day": _("Day"),
            "question": _("Question"),
            "text": _("Your answer"),
            "created_at": _("Written"),
            "updated_at": _("Last changed"),
        },
        rows=lambda user: (
            Answer.objects.filter(author=user)
            .order_by("daily_question__day", "pk")
            .values(
                "text",
                "created_at",
                "updated_at",
                day=F("daily_question__day"),
                question=F("daily_question__question__text"),
            )
        ),
    ),
    Section(
        key="talk.reactions",
        title=_("Your reactions to your partner's answers"),
        about=_("Which reaction, and the day of the question; not their answer."),
        covers=(Reaction,),
        labels={"day": _("Day"), "kind": _("Reaction"), "created_at": _("When")},
        rows=lambda user: (
            Reaction.objects.filter(author=user)
            .order_by("created_at")
            .values("kind", "created_at", day=F("answer__daily_question__day"))
        ),
    ),
    Section(
        key="talk.replies",
        title=_("Your replies"),
        covers=(Reply,),
        labels={
            "day": _("Day"),
            "question": _("Question"),
            "kind": _("Kind"),
            "text": _("What you wrote"),
            "created_at": _("When"),
        },
        rows=lambda user: (
            Reply.objects.filter(author=user)
            .order_by("created_at")
            .values(
                "kind",
                "text",
                "created_at",
                day=F("answer__daily_question__day"),
                question=F("answer__daily_question__question__text"),
            )
        ),
    ),
    Section(
        key="talk.timeouts",
        title=_("Breaks you asked for"),
        covers=(Timeout,),
        labels={
            "started_at": _("Started"),
            "minutes": _("Minutes"),
            "ends_at": _("Until"),
            "ended_early_at": _("Ready sooner at"),
        },
        rows=lambda user: (
            Timeout.objects.filter(started_by=user)
            .order_by("started_at")
            .values("started_at", "minutes", "ends_at", "ended_early_at")
        ),
    ),
    Section(
        key="talk.debriefs",
        title=_("Your debriefs"),
        covers=(Debrief,),
        labels={
            "created_at": _("Written"),
            "felt": _("What I felt"),
            "needed": _("What I needed"),
            "my_part": _("My part"),
            "next_time": _("Next time"),
            "shared": _("Shared with your partner"),
        },
        rows=lambda user: (
            Debrief.objects.filter(author=user)
            .order_by("created_at")
            .values("created_at", "felt", "needed", "my_part", "next_time", "shared")
        ),
    ),
    Section(
        key="talk.listening_sessions",
        title=_("Listening sessions you took part in"),
        covers=(ListeningSession,),
        labels={
            "session": _("Session"),
            "created_at": _("Started"),
            "started_by_you": _("You started it"),
            "status": _("Status"),
            "turns_completed": _("Turns"),
            "ended_at": _("Ended"),
        },
        rows=lambda user: (
            ListeningSession.objects.filter(Q(started_by=user) | Q(speaker=user) | Q(listener=user))
            .order_by("created_at")
            .values(
                "created_at",
                "status",
                "turns_completed",
                "ended_at",
                session=F("pk"),
                started_by_you=Case(
                    When(started_by=user, then=Value(True)),
                    default=Value(False),
                    output_field=BooleanField(),
                ),
            )
        ),
    ),
    Section(
        key="talk.listening_steps",
        title=_("What you said in listening sessions"),
        covers=(ListeningStep,),
        labels={
            "session": _("Session"),
            "turn": _("Turn"),
            "kind": _("Step"),
            "text": _("What you said"),
            "created_at": _("When"),
        },
        rows=lambda user: (
            ListeningStep.objects.filter(author=user)
            .order_by("created_at", "pk")
            .values("turn", "kind", "text", "created_at", "session")
        ),
    ),
    Section(
        key="talk.harsh_moments",
        title=_("Messages the coach found harsh that you sent anyway"),
        about=_("Only when, never the words: the Connection Index weighs these."),
        covers=(HarshMoment,),
        labels={"created_at": _("When")},
        rows=lambda user: (
            HarshMoment.objects.filter(author=user).order_by("created_at").values("created_at")
        ),
    ),
]
