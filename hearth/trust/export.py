"""What Trust exports: a person's promises, sharing rounds, shares and responses, apologies,
and how they answered their partner's apologies (not the apology: the partner's words)."""

from django.db.models import F

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
        title="Your promises",
        covers=(Promise,),
        labels={
            "promise": "Promise",
            "text": "What you promised",
            "due_on": "By",
            "status": "Status",
            "kept_on": "Kept on",
            "confirmed_at": "Your partner confirmed",
            "replaces": "Renegotiates promise",
            "created_at": "Made",
            "ended_at": "Ended",
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
        title="Sharing rounds you started",
        covers=(Round,),
        labels={
            "round": "Round",
            "prompt_text": "Prompt",
            "created_at": "Started",
            "completed_at": "Completed",
            "closed_at": "Closed",
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
        title="What you shared",
        about="A share you withdrew has no words left.",
        covers=(Share,),
        labels={
            "round": "Round",
            "prompt": "Prompt",
            "text": "What you shared",
            "created_at": "Shared",
            "withdrawn_at": "Withdrawn",
        },
        rows=lambda user: (
            Share.objects.filter(author=user)
            .order_by("created_at")
            .values("text", "created_at", "withdrawn_at", "round", prompt=F("round__prompt__text"))
        ),
    ),
    Section(
        key="trust.responses",
        title="How you responded to your partner's shares",
        covers=(ShareResponse,),
        labels={"round": "Round", "text": "Your response", "created_at": "When"},
        rows=lambda user: (
            ShareResponse.objects.filter(author=user)
            .order_by("created_at")
            .values("text", "created_at", round=F("share__round_id"))
        ),
    ),
    Section(
        key="trust.apologies",
        title="Your apologies",
        covers=(Apology,),
        labels={
            "what_happened": "What happened",
            "effect": "How it affected you both",
            "do_differently": "What you'll do differently",
            "promise": "Promise",
            "created_at": "Written",
        },
        rows=lambda user: (
            Apology.objects.filter(author=user)
            .order_by("created_at")
            .values("what_happened", "effect", "do_differently", "created_at", "promise")
        ),
    ),
    Section(
        key="trust.apology_answers",
        title="How you answered your partner's apologies",
        covers=(Apology,),
        labels={
            "created_at": "Apology received",
            "answer": "Your answer",
            "answer_note": "What you added",
            "answered_at": "Answered",
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
