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
