"""The base every pillar's couple-owned model builds on, tried on a throwaway model."""

import pytest
from django.db import connection, models
from django.http import Http404
from django.test.utils import isolate_apps

from hearth.couples.models import CoupleOwned
from hearth.couples.selectors import couple_for_user, get_for_user
from hearth.couples.services import couple_unlink

# Creating a table needs to happen outside a transaction on SQLite.
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def note_model():
    with isolate_apps("hearth.couples"):

        class Note(CoupleOwned):
            text = models.CharField(max_length=100)

            class Meta:
                app_label = "couples"

        with connection.schema_editor() as editor:
            editor.create_model(Note)
        yield Note
        with connection.schema_editor() as editor:
            editor.delete_model(Note)


@pytest.fixture
def notes(note_model, owner, partner, outsider):
    ours = note_model.objects.create(couple=couple_for_user(owner), text="our note")
    theirs = note_model.objects.create(couple=couple_for_user(outsider), text="their note")
    return ours, theirs


def test_for_user_starts_from_the_users_couple(note_model, notes, owner, partner, outsider, loner):
    ours, theirs = notes
    assert list(note_model.objects.for_user(owner)) == [ours]
    assert list(note_model.objects.for_user(partner)) == [ours]
    assert list(note_model.objects.for_user(outsider)) == [theirs]
    assert list(note_model.objects.for_user(loner)) == []


def test_get_for_user_is_404_for_anyone_outside_the_couple(note_model, notes, partner, outsider):
    ours, _ = notes
    assert get_for_user(note_model, partner, ours.pk) == ours
    with pytest.raises(Http404):
        get_for_user(note_model, outsider, ours.pk)
    with pytest.raises(Http404):
        get_for_user(note_model, partner, "not-a-number")


def test_after_unlinking_neither_sees_the_shared_rows(note_model, notes, owner, partner):
    ours, _ = notes
    couple_unlink(user=owner)
    assert list(note_model.objects.for_user(partner)) == []
    with pytest.raises(Http404):
        get_for_user(note_model, owner, ours.pk)
