import functools

from django.db import DEFAULT_DB_ALIAS
from django.db.models import BigIntegerField
from django.http import Http404

from hearth.core.queries import Param, PreparedQuery
from hearth.couples.models import Couple, CoupleOwned, Membership


def active_membership(user) -> Membership | None:
    """The user's seat in their current couple, or None. One query, with couple and partner."""
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.select_related("couple")
        .filter(user=user, left_at__isnull=True, couple__ended_at__isnull=True)
        .first()
    )


@functools.cache
def _seats(alias: str) -> PreparedQuery:
    """Both seats of a person's current couple, with the couple and both people: asked on
    every couple page, so compiled once (core.queries.PreparedQuery)."""
    person = Param("user", BigIntegerField())
    mine = Membership.objects.filter(
        user=person, left_at__isnull=True, couple__ended_at__isnull=True
    ).values("couple_id")[:1]
    return PreparedQuery(
        Membership.objects.using(alias)
        .select_related("couple", "user")
        .filter(couple_id__in=mine, left_at__isnull=True)
    )


def membership_and_partner(user) -> tuple[Membership | None, object | None]:
    """The user's seat in their current couple and their partner, in one query."""
    if not user.is_authenticated:
        return None, None
    seats = _seats(DEFAULT_DB_ALIAS).objects(user=user.pk)
    membership = next((seat for seat in seats if seat.user_id == user.pk), None)
    partner = next((seat.user for seat in seats if seat.user_id != user.pk), None)
    return membership, partner


def active_couple_id(user) -> int | None:
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.filter(user=user, left_at__isnull=True, couple__ended_at__isnull=True)
        .values_list("couple_id", flat=True)
        .first()
    )


def couple_for_user(user) -> Couple | None:
    membership = active_membership(user)
    return membership.couple if membership else None


def couple_required_for(user) -> Couple:
    """The user's couple, or a refusal that says to pair first (for the API)."""
    from hearth.core.errors import Refusal

    couple = couple_for_user(user)
    if couple is None:
        raise Refusal("Pair with your partner first.", code="not_paired", status=409)
    return couple


def partner_of(user, couple: Couple):
    membership = (
        Membership.objects.select_related("user")
        .filter(couple=couple, left_at__isnull=True)
        .exclude(user=user)
        .first()
    )
    return membership.user if membership else None


def get_for_user[T: CoupleOwned](model: type[T], user, pk) -> T:
    """The couple-owned object `pk` if it belongs to the user's couple; 404 for anyone else."""
    try:
        return model.objects.for_user(user).get(pk=pk)  # type: ignore[attr-defined]
    except (model.DoesNotExist, ValueError, TypeError):
        raise Http404(f"No {model._meta.verbose_name} here.") from None
