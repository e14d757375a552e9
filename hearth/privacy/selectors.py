from django.db.models import QuerySet


def couples_of(user) -> QuerySet:
    """Ids of every couple the person has been in, now or before (a subquery)."""
    from hearth.couples.models import Membership

    return Membership.objects.filter(user=user).values("couple_id")
