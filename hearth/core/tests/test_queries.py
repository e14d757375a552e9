"""A prepared query answers for the values it is given at each run, never for the ones it was
built or first run with: one query serves every couple of a process."""

from datetime import timedelta

import pytest
from django.db.models import FETCH_PEERS, BigIntegerField, DateTimeField, Exists, F
from django.db.models.functions import JSONObject
from django.utils import timezone

from hearth.appreciate.models import Note
from hearth.core.queries import Ids, Param, PreparedQuery, first_as_json, prefetched
from hearth.couples.models import Couple
from hearth.tests.factories import UserFactory, make_couple

pytestmark = pytest.mark.django_db

COUPLE = Param("couple", BigIntegerField())
NOW = Param("now", DateTimeField())


@pytest.fixture
def query():
    notes = Note.objects.filter(couple=COUPLE, created_at__gte=NOW - timedelta(days=3))
    return PreparedQuery(
        Couple.objects.filter(pk=COUPLE)
        .annotate(
            fresh=Exists(notes),
            latest=first_as_json(
                notes.order_by("-created_at"),
                did=F("did"),
                author=JSONObject(name=F("author__display_name")),
            ),
        )
        .values("fresh", "latest")
    )


def couple_with_note(did: str, *, days_ago: int = 0):
    first, second = UserFactory.create(display_name="Noor"), UserFactory.create()
    couple = make_couple(first, second)
    note = Note.objects.create(couple=couple, author=first, recipient=second, did=did)
    Note.objects.filter(pk=note.pk).update(created_at=timezone.now() - timedelta(days=days_ago))
    return couple


def test_each_run_reads_its_own_couple(query):
    ours = couple_with_note("Made soup when I was ill 🍲")
    theirs = couple_with_note("شكرا على القهوة")
    quiet = make_couple(UserFactory.create(), UserFactory.create())
    now = timezone.now()

    assert query.first(couple=ours.pk, now=now) == {
        "fresh": True,
        "latest": {"did": "Made soup when I was ill 🍲", "author": {"name": "Noor"}},
    }
    assert query.first(couple=theirs.pk, now=now)["latest"]["did"] == "شكرا على القهوة"
    assert query.first(couple=quiet.pk, now=now) == {"fresh": False, "latest": None}
    assert query.first(couple=10**12, now=now) is None


def test_a_moment_param_moves_with_the_time_given(query):
    couple = couple_with_note("Walked the dog at six", days_ago=2)
    now = timezone.now()

    assert query.first(couple=couple.pk, now=now)["fresh"] is True
    # Two days later the note is four days old: past the three-day window.
    assert query.first(couple=couple.pk, now=now + timedelta(days=2)) == {
        "fresh": False,
        "latest": None,
    }


def test_a_missing_value_is_an_error_not_a_guess(query):
    with pytest.raises(KeyError):
        query.first(couple=1)


def test_ids_finds_exactly_the_rows_listed():
    couples = [make_couple(UserFactory.create(), UserFactory.create()) for _ in range(5)]
    wanted = [couples[0].pk, couples[3].pk, couples[3].pk]

    assert set(Couple.objects.filter(pk__in=Ids(wanted)).values_list("pk", flat=True)) == {
        couples[0].pk,
        couples[3].pk,
    }
    assert not Couple.objects.filter(pk__in=Ids([])).exists()
    assert Couple.objects.exclude(pk__in=Ids(wanted)).count() == 3


def test_ids_takes_only_whole_numbers():
    with pytest.raises(ValueError):
        Ids(["1; DROP TABLE couples_couple"])  # type: ignore[list-item]


def test_a_prepared_model_query_gives_what_iterating_the_queryset_would(
    django_assert_num_queries,
):
    ours = couple_with_note("Made soup when I was ill 🍲")
    Note.objects.filter(couple=ours).update(kept=True)
    theirs = couple_with_note("شكرا على القهوة")
    notes = (
        Note.objects.filter(couple=COUPLE, created_at__lte=NOW)
        .select_related("author", "recipient")
        .annotate(recent=Exists(Note.objects.filter(couple=COUPLE, created_at__gte=NOW)))
        .order_by("pk")
    )
    prepared = PreparedQuery(notes)
    values = {"couple": ours.pk, "now": timezone.now()}

    with django_assert_num_queries(1):
        found = prepared.objects(**values)
        # Related objects come along, as with select_related; the annotation too.
        shown = [(n.did, n.kept, n.author.display_name, n.recipient.email, n.recent) for n in found]
    expected = list(Note.objects.filter(couple=ours).order_by("pk"))
    assert [n.pk for n in found] == [n.pk for n in expected]
    assert shown == [
        ("Made soup when I was ill 🍲", True, "Noor", expected[0].recipient.email, False)
    ]
    assert prepared.objects(couple=theirs.pk, now=values["now"])[0].did == "شكرا على القهوة"
    assert prepared.objects(couple=10**12, now=values["now"]) == []
    found[0].did = "Walked the dog"
    found[0].save(update_fields=["did"])  # instances are ordinary ones, saved as usual
    assert Note.objects.get(pk=found[0].pk).did == "Walked the dog"


def test_prefetched_related_objects_are_read_without_a_query(django_assert_num_queries):
    couple = couple_with_note("Made soup")
    first = couple.memberships.order_by("seat").first()
    assert first is not None
    with django_assert_num_queries(0):
        prefetched(couple, "memberships", [first])
        # What was given, not what the database holds (both seats).
        assert list(couple.memberships.all()) == [first]
        assert couple.memberships.count() == 1
    fresh = Couple.objects.get(pk=couple.pk)
    with django_assert_num_queries(1):  # another instance has nothing loaded
        assert fresh.memberships.count() == 2


def test_a_prepared_query_refuses_to_fetch_peers():
    # Its related-object populators are kept between runs: they would keep every run's objects.
    with pytest.raises(ValueError, match="FETCH_PEERS"):
        PreparedQuery(
            Note.objects.filter(couple=COUPLE).select_related("author").fetch_mode(FETCH_PEERS)
        )
