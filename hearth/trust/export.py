"""What Trust exports: a person's promises, sharing rounds, shares and responses, apologies,
and how they answered their partner's apologies (not the apology: the partner's words)."""

from django.db.models import F
from django.utils.translation import gettext_lazy as _

from hearth.privacy.exporting import Section
from hearth.privacy.selectors import couples_of
from hearth.trust.models import (
    Apology,
    Promise,
    Round,
    Share,
    ShareResponse,
    ValidatingResponse,
    VulnerabilityPrompt,
)

NOT_EXPORTED = {
    VulnerabilityPrompt: "the sharing prompt library, the same for everyone",
    ValidatingResponse: "the response starter library, the same for everyone",
}

SECTIONS = [
    Section(
        key="trust.promises",
        title=_("Your promises"),
        covers=(Promise,),
        labels={
            "promise": _("Promise"),
            "text": _("What you promised"),
            "due_on": _("By"),
            "status": _("Status"),
            "kept_on": _("Kept on"),
            "confirmed_at": _("Your partner confirmed"),
            "replaces": _("Renegotiates promise"),
            "created_at": _("Made"),
            "ended_at": _("Ended"),
        },
        rows=lambda user: (
            Promise.objects.filter(author=user)
            .order_by("created_at")
            .values(
                "text",
                "due_on",
                "status",
                "kept_on",
                "confirmed_at",
                "created_at",
                "ended_at",
                "replaces",
                promise=F("pk"),
            )
        ),
    ),
    Section(
        key="trust.rounds",
        title=_("Sharing rounds you started"),
        covers=(Round,),
        labels={
            "round": _("Round"),
            "prompt_text": _("Prompt"),
            "created_at": _("Started"),
            "completed_at": _("Completed"),
            "closed_at": _("Closed"),
        },
        rows=lambda user: (
            Round.objects.filter(started_by=user)
            .order_by("created_at")
            .values(
                "created_at",
                "completed_at",
                "closed_at",
                round=F("pk"),
                prompt_text=F("prompt__text"),
            )
        ),
    ),
    Section(
        key="trust.shares",
        title=_("What you shared"),
        about=_("A share you withdrew has no words left."),
        covers=(Share,),
        labels={
            "round": _("Round"),
            "prompt": _("Prompt"),
            "text": _("What you shared"),
            "created_at": _("Shared"),
            "withdrawn_at": _("Withdrawn"),
        },
        rows=lambda user: (
            Share.objects.filter(author=user)
            .order_by("created_at")
            .values("text", "created_at", "withdrawn_at", "round", prompt=F("round__prompt__text"))
        ),
    ),
    Section(
        key="trust.responses",
        title=_("How you responded to your partner's shares"),
        covers=(ShareResponse,),
        labels={"round": _("Round"), "text": _("Your response"), "created_at": _("When")},
        rows=lambda user: (
            ShareResponse.objects.filter(author=user)
            .order_by("created_at")
            .values("text", "created_at", round=F("share__round_id"))
        ),
    ),
    Section(
        key="trust.apologies",
        title=_("Your apologies"),
        covers=(Apology,),
        labels={
            "what_happened": _("What happened"),
            "effect": _("How it affected you both"),
            "do_differently": _("What you'll do differently"),
            "promise": _("Promise"),
            "created_at": _("Written"),
        },
        rows=lambda user: (
            Apology.objects.filter(author=user)
            .order_by("created_at")
            .values("what_happened", "effect", "do_differently", "created_at", "promise")
        ),
    ),
    Section(
        key="trust.apology_answers",
        title=_("How you answered your partner's apologies"),
        covers=(Apology,),
        labels={
            "created_at": _("Apology received"),
            "answer": _("Your answer"),
            "answer_note": _("What you added"),
            "answered_at": _("Answered"),
        },
        rows=lambda user: (
            Apology.objects.filter(couple_id__in=couples_of(user))
            .exclude(author=user)
            .exclude(answer="")
            .order_by("created_at")
            .values("created_at", "answer", "answer_note", "answered_at")
        ),
    ),
]
