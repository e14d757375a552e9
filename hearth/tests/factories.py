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


def make_questions(count: int = 24):
    """A small question library spanning every category and depth."""
    from hearth.talk.models import Category, Depth, Question

    categories, depths = list(Category.values), list(Depth.values)
    return Question.objects.bulk_create(
        Question(
            key=f"test-{n:03d}",
            category=categories[n % len(categories)],
            depth=depths[n % len(depths)],
            text=f"Test question number {n}: what would you choose, and why?",
        )
        for n in range(count)
    )


def couple_of(user: User) -> Couple:
    """The user's current couple; the test expects one."""
    from hearth.couples.selectors import couple_for_user

    couple = couple_for_user(user)
    assert couple is not None, f"{user} is not paired"
    return couple


def bulk_couples(size: int, *, since, prefix: str = "bulk") -> list[Couple]:
    """`size` couples made in three bulk inserts, as seed_demo makes benchmark couples."""
    from django.contrib.auth.hashers import make_password

    password = make_password(None)
    users = User.objects.bulk_create(
        User(email=f"{prefix}{size}-{n}@example.com", password=password) for n in range(2 * size)
    )
    couples = Couple.objects.bulk_create(Couple(created_at=since) for _ in range(size))
    Membership.objects.bulk_create(
        Membership(couple=couple, user=users[2 * index + seat - 1], seat=seat, joined_at=since)
        for index, couple in enumerate(couples)
        for seat in (1, 2)
    )
    return couples
