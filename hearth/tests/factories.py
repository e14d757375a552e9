import factory
from django.utils import timezone

from hearth.accounts.models import User
from hearth.couples.models import Couple, Membership

PASSWORD = "a-long-Password-42"


class UserFactory(factory.django.DjangoModelFactory[User]):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password(PASSWORD)


def make_couple(first: User, second: User) -> Couple:
    couple = Couple.objects.create()
    now = timezone.now()
    Membership.objects.create(couple=couple, user=first, seat=1, joined_at=now)
    Membership.objects.create(couple=couple, user=second, seat=2, joined_at=now)
    return couple
