"""Reciprocal vulnerability (PRODUCT R2): one shares, the other responds, then they swap.

A round moves through five steps, computed from what is there rather than stored, so it
cannot disagree with itself:
  1. the starter shares;  2. the other responds;  3. the other shares;
  4. the starter responds;  5. done.
Either may pass (close the round) at any step; a share can be withdrawn, which erases it.
Sets open in turn: "deeper" after a few completed rounds of "first", "deepest" after a few
of "deeper"; the open pool is always there.
"""

from dataclasses import dataclass
from itertools import pairwise

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from hearth.core.models import Event, event_emit
from hearth.core.queries import Param, first_as_json
from hearth.couples.models import Couple
from hearth.couples.selectors import get_for_user, partner_of
from hearth.insights.tallies import tallies_refresh
from hearth.talk.services import harsh_moment_record
from hearth.trust.models import Round, Share, ShareResponse, ValidatingResponse, VulnerabilityPrompt
from hearth.trust.promises import TrustError, clean

SHARE_MAX = 4000
RESPONSE_MAX = 2000
# Completed rounds in a set before the next, deeper one opens.
ROUNDS_TO_UNLOCK = 3
SET_ORDER = ("first", "deeper", "deepest")


def get_round_for_user(user, pk) -> Round:
    return get_for_user(Round, user, pk)


def rounds_for(couple: Couple) -> QuerySet[Round]:
    return Round.objects.filter(couple=couple).select_related("prompt", "started_by")


def open_round(couple: Couple) -> Round | None:
    return (
        rounds_for(couple)
        .filter(completed_at__isnull=True, closed_at__isnull=True)
        .order_by("-created_at")
        .first()
    )


def unlocked_sets(couple: Couple) -> list[str]:
    """The sets this couple can draw from now: gentle first, deeper as trust is built."""
    done = dict(
        Round.objects.filter(couple=couple, completed_at__isnull=False)
        .values("prompt__set")
        .annotate(n=Count("pk"))
        .values_list("prompt__set", "n")
    )
    unlocked = ["first"]
    for earlier, later in pairwise(SET_ORDER):
        if done.get(earlier, 0) >= ROUNDS_TO_UNLOCK:
            unlocked.append(later)
        else:
            break
    return [*unlocked, "pool"]


def next_prompt(couple: Couple, prompt_set: str) -> VulnerabilityPrompt | None:
    """The first prompt of the set this couple has not had a round on yet."""
    used = Round.objects.filter(couple=couple).values("prompt_id")
    return (
        VulnerabilityPrompt.objects.filter(active=True, set=prompt_set)
        .exclude(pk__in=used)
        .order_by("key")
        .first()
    )


def round_start(*, user, couple: Couple, prompt: VulnerabilityPrompt) -> Round:
    """Invite the partner into a round on this prompt; I share first. One round at a time."""
    if prompt.set not in unlocked_sets(couple):
        raise TrustError(
            _("This set opens after a few rounds of the gentler one."), code="locked", status=409
        )
    with transaction.atomic():
        Couple.objects.select_for_update().filter(pk=couple.pk).first()
        if open_round(couple) is not None:
            raise TrustError(
                _("Finish or pass the round you're in first."), code="round_open", status=409
            )
        return Round.objects.create(couple=couple, prompt=prompt, started_by=user)


@dataclass(frozen=True)
class RoundView:
    """A round as one person sees it: whose turn, and the words they may see."""

    round: Round
    step: int  # 1–5, see the module docstring
    my_turn: bool
    action: str  # "share", "respond" or "" (waiting or done)
    shares: list  # (share, response or None), in order; withdrawn shares are left out


def round_view(round_: Round, user) -> RoundView:
    shares = {
        share.author_id: share
        for share in Share.objects.filter(round=round_).select_related("author")
    }
    responses = {
        response.share_id: response
        for response in ShareResponse.objects.filter(share__round=round_).select_related(
            "author", "starter"
        )
    }
    starter_id = round_.started_by_id
    other = next((a for a in shares if a != starter_id), None)
    first = shares.get(starter_id)
    second = shares.get(other) if other else None
    step, starter_acts, action = round_step(
        completed=round_.completed_at is not None,
        first_shared=first is not None,
        first_answered=first is not None and first.pk in responses,
        second_shared=second is not None,
        second_answered=second is not None and second.pk in responses,
    )
    my_turn = round_.is_open and step < 5 and (starter_acts == (user.pk == starter_id))
    visible = [
        (share, responses.get(share.pk))
        for share in (first, second)
        if share is not None and share.withdrawn_at is None
    ]
    return RoundView(round_, step, my_turn, action if my_turn else "", visible)


def round_step(
    *,
    completed: bool,
    first_shared: bool,
    first_answered: bool,
    second_shared: bool,
    second_answered: bool,
) -> tuple[int, bool, str]:
    """The step (1–5) a round is at, whether the starter is the one to act, and the action."""
    if completed:
        return 5, False, ""  # both shared and listened (a share may since be withdrawn)
    if not first_shared:
        return 1, True, "share"
    if not first_answered:
        return 2, False, "respond"  # the other one responds
    if not second_shared:
        return 3, False, "share"
    if not second_answered:
        return 4, True, "respond"
    return 5, False, ""


def open_round_state(couple: Couple | Param) -> Subquery:
    """The open round as one JSON value (None when there is none): its pk, its starter and
    what has been shared and answered, enough for `my_turn_in` without reading the words."""
    starter, this = OuterRef("started_by_id"), OuterRef("pk")
    shares = Share.objects.filter(round=this)
    answered = ShareResponse.objects.filter(share__round=this)
    rounds = Round.objects.filter(couple=couple, completed_at__isnull=True, closed_at__isnull=True)
    return first_as_json(
        rounds.order_by("-created_at"),
        pk=F("pk"),
        started_by_id=F("started_by_id"),
        first_shared=Exists(shares.filter(author=starter)),
        first_answered=Exists(answered.filter(share__author=starter)),
        second_shared=Exists(shares.exclude(author=starter)),
        second_answered=Exists(answered.exclude(share__author=starter)),
    )


def my_turn_in(state: dict | None, user) -> bool:
    """Whether `user` is the one to act in the open round `open_round_state` described."""
    if state is None:
        return False
    step, starter_acts, _action = round_step(
        completed=False,
        **{key: bool(state[key]) for key in _STATE_FLAGS},
    )
    return step < 5 and starter_acts == (user.pk == state["started_by_id"])


_STATE_FLAGS = ("first_shared", "first_answered", "second_shared", "second_answered")


def _bump(round_: Round, **changes) -> None:
    Round.objects.filter(pk=round_.pk).update(version=F("version") + 1, **changes)


def _tell_partner(round_: Round, user) -> None:
    partner = partner_of(user, round_.couple)
    if partner is not None:
        event_emit(
            couple=round_.couple, kind=Event.Kind.TRUST_TURN, recipient=partner, subject=round_
        )


def share_add(*, user, round_: Round, text: object) -> Share:
    """My share, when it is my turn to share. Nothing is shared unless I choose to."""
    cleaned = clean(text, SHARE_MAX, empty=_("Write what you'd like to share first."))
    with transaction.atomic():
        round_ = Round.objects.select_for_update().get(pk=round_.pk)
        view = round_view(round_, user)
        if not round_.is_open or view.action != "share":
            raise TrustError(_("It isn't your turn to share."), code="not_your_turn", status=409)
        try:
            with transaction.atomic():
                share = Share.objects.create(
                    couple=round_.couple, round=round_, author=user, text=cleaned
                )
        except IntegrityError:
            raise TrustError(_("You've shared in this round."), code="shared", status=409) from None
        _bump(round_)
        _tell_partner(round_, user)
    return share


def response_add(
    *, user, round_: Round, text: object, starter: ValidatingResponse | None = None
) -> ShareResponse:
    """My response to my partner's share, when it is my turn to listen."""
    cleaned = clean(text, RESPONSE_MAX, empty=_("Write a response first."))
    with transaction.atomic():
        round_ = Round.objects.select_for_update().get(pk=round_.pk)
        view = round_view(round_, user)
        if not round_.is_open or view.action != "respond":
            raise TrustError(_("It isn't your turn to respond."), code="not_your_turn", status=409)
        share = Share.objects.get(round=round_, author_id=_other_author(round_, user))
        if share.withdrawn_at is not None:
            raise TrustError(
                _("Your partner took that share back; the round is paused."),
                code="withdrawn",
                status=409,
            )
        response = ShareResponse.objects.create(
            couple=round_.couple, share=share, author=user, text=cleaned, starter=starter
        )
        harsh_moment_record(couple=round_.couple, author=user, text=cleaned)
        if view.step == 4:
            round_.completed_at = timezone.now()
            _bump(round_, completed_at=round_.completed_at)
            tallies_refresh(couple=round_.couple, of=round_)
        else:
            _bump(round_)
        _tell_partner(round_, user)
    return response


def _other_author(round_: Round, user) -> int:
    partner = partner_of(user, round_.couple)
    if partner is None:
        raise TrustError(_("Pair with your partner first."), code="not_paired", status=409)
    return partner.pk


def share_withdraw(*, user, share: Share) -> Share:
    """Take back what I shared: the words are erased, the response with them, and an open
    round is closed. Opt-in means it can be undone."""
    if share.author_id != user.pk:
        raise Http404("No share here.")
    with transaction.atomic():
        # Lock the round first, so a response being written at this moment waits and then
        # finds the share withdrawn, rather than surviving it.
        round_ = Round.objects.select_for_update().get(pk=share.round_id)
        now = timezone.now()
        if not Share.objects.filter(pk=share.pk, withdrawn_at__isnull=True).update(
            text="", withdrawn_at=now
        ):
            return share  # already taken back
        ShareResponse.objects.filter(share=share).delete()
        changes = {"closed_at": now} if round_.is_open else {}
        _bump(round_, **changes)
    share.refresh_from_db()
    return share


def round_pass(*, user, round_: Round) -> Round:
    """Either of us can pass: not this one, not now. No reason needed."""
    with transaction.atomic():
        Round.objects.filter(
            pk=round_.pk, completed_at__isnull=True, closed_at__isnull=True
        ).update(closed_at=timezone.now(), version=F("version") + 1)
    round_.refresh_from_db()
    return round_


def get_own_share(user, pk) -> Share:
    share = Share.objects.for_user(user).filter(author=user, pk=pk).first()
    if share is None:
        raise Http404("No share here.")
    return share


def completed_rounds(couple: Couple) -> QuerySet[Round]:
    return (
        rounds_for(couple)
        .filter(Q(completed_at__isnull=False) | Q(closed_at__isnull=False))
        .order_by("-created_at")
    )
