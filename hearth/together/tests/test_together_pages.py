"""Together's pages, as the two partners use them on the web."""

import io
import os
from datetime import timedelta

import pytest
from django.utils import timezone
from PIL import Image

from hearth.conftest_helpers import login_client
from hearth.core.registry import content_libraries
from hearth.tests.factories import couple_of
from hearth.together.memories import bucket_add, memory_create
from hearth.together.models import (
    BucketItem,
    DateIdea,
    DatePlan,
    Memory,
    Photo,
    Ritual,
    RitualIdea,
)
from hearth.together.services import date_accept, date_propose

pytestmark = pytest.mark.django_db


@pytest.fixture
def ideas():
    content_libraries()["date_ideas"].load()
    content_libraries()["ritual_ideas"].load()


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"


def when(days=5) -> str:
    return (timezone.localtime() + timedelta(days=days)).strftime("%Y-%m-%dT19:00")


def test_the_idea_library_filters_and_surprises(owner, partner, ideas):
    client = login_client(owner)
    everything = client.get("/together/ideas/")
    assert everything.context["count"] == DateIdea.objects.count() >= 150
    free_at_home = client.get("/together/ideas/?cost=free&setting=home")
    found = free_at_home.context["page"].paginator.object_list
    assert found and all(i.cost == "free" and i.setting == "home" for i in found)
    surprise = client.get("/together/ideas/?cost=free&setting=home&surprise=1").context["surprise"]
    assert surprise.cost == "free" and surprise.setting == "home"


def test_surprise_us_leaves_out_what_the_couple_planned_lately(owner, partner, ideas):
    winter_only = list(DateIdea.objects.filter(seasons=["winter"], setting="home", cost="free"))
    for idea in winter_only[1:]:
        date_propose(
            user=owner,
            couple=couple_of(owner),
            starts_at=timezone.now() + timedelta(days=2),
            time_zone="UTC",
            idea=idea,
        )
    client = login_client(partner)
    query = "/together/ideas/?season=winter&setting=home&cost=free&surprise=1"
    picks = {client.get(query).context["surprise"] for _ in range(8)}
    remaining = {
        i for i in DateIdea.objects.filter(setting="home", cost="free") if i.fits_season("winter")
    }
    assert picks and picks <= remaining - set(winter_only[1:])


def test_a_date_is_proposed_accepted_and_shown_on_both_pages(owner, partner, ideas):
    idea = DateIdea.objects.order_by("key").first()
    me, them = login_client(owner), login_client(partner)
    response = me.post(
        "/together/dates/new/", {"idea": idea.pk, "when": when(), "duration_minutes": 120}
    )
    plan = DatePlan.objects.get()
    assert response.status_code == 302 and plan.title == idea.title
    page = them.get(f"/together/dates/{plan.pk}/").content.decode()
    assert "Yes, it&#x27;s a date" in page or "Yes, it's a date" in page
    assert "Yes, it" not in me.get(f"/together/dates/{plan.pk}/").content.decode()
    them.post(f"/together/dates/{plan.pk}/accept/")
    plan.refresh_from_db()
    assert plan.status == "scheduled"
    assert idea.title in me.get("/together/").content.decode()
    assert idea.title in me.get("/").content.decode()  # on Today, within the week


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"title": "", "when": when()}, "short title"),
        ({"title": "Picnic", "when": "yesterday"}, "Enter a valid date/time"),
        ({"title": "Picnic", "when": "2001-01-01T10:00"}, "has passed"),
        ({"title": "Bad\x07bell", "when": when()}, "control character"),
        ({"title": "x" * 121, "when": when()}, "at most 120"),
    ],
)
def test_bad_date_forms_say_what_to_fix_and_store_nothing(owner, partner, form, message):
    response = login_client(owner).post("/together/dates/new/", {"duration_minutes": 120, **form})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not DatePlan.objects.exists()


def test_emoji_and_right_to_left_titles_are_kept_as_written(owner, partner):
    title = "عشاء تحت النجوم 🌙"
    login_client(owner).post(
        "/together/dates/new/", {"title": title, "when": when(), "duration_minutes": 120}
    )
    assert DatePlan.objects.get().title == title


def test_after_a_date_each_rates_it_and_it_joins_the_memories(owner, partner):
    plan = date_propose(
        user=owner,
        couple=couple_of(owner),
        starts_at=timezone.now() + timedelta(days=1),
        time_zone="UTC",
        title="Night swim",
    )
    date_accept(user=partner, plan=plan)
    DatePlan.objects.filter(pk=plan.pk).update(starts_at=timezone.now() - timedelta(hours=5))
    assert "Night swim" in login_client(owner).get("/together/").content.decode()  # how was it?
    login_client(owner).post(
        f"/together/dates/{plan.pk}/rate/", {"rating": 5, "text": "The cold, then the stars"}
    )
    login_client(partner).post(f"/together/dates/{plan.pk}/rate/", {"rating": 4, "text": ""})
    memory = Memory.objects.get(plan=plan)
    timeline = login_client(partner).get("/together/memories/").content.decode()
    assert "Night swim" in timeline and "The cold, then the stars" in timeline
    assert memory.reflections.count() == 2


def test_a_ritual_every_other_friday_lists_its_days_and_skips_one(owner, partner, ideas):
    client = login_client(owner)
    starts = timezone.localdate() + timedelta(days=1)
    response = client.post(
        "/together/rituals/",
        {
            "kind": "date_night",
            "title": "Friday night in",
            "frequency": "weekly",
            "interval": 2,
            "weekdays": [4],
            "starts_on": starts.isoformat(),
            "at": "19:00",
            "duration_minutes": 120,
        },
    )
    ritual = Ritual.objects.get()
    assert response.status_code == 302
    page = client.get(f"/together/rituals/{ritual.pk}/")
    upcoming = page.context["upcoming"]
    assert [day.weekday() for _, day, _ in upcoming] == [4] * len(upcoming)
    assert "Every other week on Friday at 19:00" in page.content.decode()
    first_day = upcoming[0][1]
    client.post(f"/together/rituals/{ritual.pk}/skip/", {"day": first_day.isoformat()})
    assert login_client(partner).get(f"/together/rituals/{ritual.pk}/").context["upcoming"][0][2]
    client.post(f"/together/rituals/{ritual.pk}/end/")
    ritual.refresh_from_db()
    assert ritual.ended_at is not None


def test_starting_from_a_ritual_idea_fills_the_form(owner, partner, ideas):
    idea = RitualIdea.objects.filter(kind="check_in").order_by("key").first()
    page = login_client(owner).get(f"/together/rituals/?idea={idea.pk}")
    assert page.context["form"].initial["title"] == idea.title
    assert page.context["form"].initial["frequency"] == idea.frequency
    assert idea.description in page.content.decode()


def test_phones_away_turns_calm_for_both(owner, partner):
    me, them = login_client(owner), login_client(partner)
    me.post("/together/present/start/")
    assert "Join them?" in them.get("/together/present/").content.decode()
    them.post("/together/present/start/")
    calm = me.get("/together/present/").content.decode()
    assert "minutes together" in calm and "present-mode" in calm


def test_bucket_list_items_become_memories_when_done(owner, partner):
    client = login_client(partner)
    client.post("/together/bucket/", {"title": "Learn to tango"})
    item = BucketItem.objects.get()
    response = client.post(f"/together/bucket/{item.pk}/done/")
    memory = Memory.objects.get(bucket_item=item)
    assert response.headers["Location"] == f"/together/memories/{memory.pk}/"
    assert memory.kind == "bucket"
    assert login_client(owner).post(f"/together/bucket/{item.pk}/remove/").status_code == 302
    assert BucketItem.objects.filter(pk=item.pk).exists()  # done items stay


def jpeg_with_location() -> bytes:
    image = Image.new("RGB", (640, 480), "orange")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 36.0)}  # GPS
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def upload(client, memory, data: bytes, name="photo.jpg"):
    file = io.BytesIO(data)
    file.name = name
    return client.post(f"/together/memories/{memory.pk}/photos/", {"photo": file})


def test_photos_are_stripped_of_location_and_shown_only_to_the_couple(owner, partner, outsider):
    memory = memory_create(
        user=owner, couple=couple_of(owner), title="Lake day", happened_on=timezone.localdate()
    )
    original = jpeg_with_location()
    assert b"PhoneMaker" in original
    assert upload(login_client(owner), memory, original).status_code == 302
    photo = Photo.objects.get()
    served = login_client(partner).get(f"/together/photos/{photo.pk}/")
    assert served.status_code == 200 and served["Content-Type"] == "image/jpeg"
    body = b"".join(served.streaming_content)  # type: ignore[attr-defined]
    stored = Image.open(io.BytesIO(body))
    assert stored.format == "JPEG" and stored.size == (640, 480)
    assert not stored.getexif() and b"PhoneMaker" not in body
    assert login_client(outsider).get(f"/together/photos/{photo.pk}/").status_code == 404
    # Not under anything served as static files.
    assert "private-media" in photo.image.path and "/static/" not in photo.image.path


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4 not a photo", "isn&#x27;t a photo"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 200, "isn&#x27;t a photo"),  # a broken JPEG
    ],
)
def test_files_that_are_not_photos_are_refused(owner, partner, data, message):
    memory = memory_create(
        user=owner, couple=couple_of(owner), title="Lake day", happened_on=timezone.localdate()
    )
    response = upload(login_client(owner), memory, data)
    assert response.status_code == 400 and message in response.content.decode()
    assert not Photo.objects.exists()


def test_photos_over_the_limits_are_refused(owner, partner, settings):
    memory = memory_create(
        user=owner, couple=couple_of(owner), title="Lake day", happened_on=timezone.localdate()
    )
    settings.PHOTO_MAX_PIXELS = 640 * 480 - 1
    too_many = upload(login_client(owner), memory, jpeg_with_location())
    assert too_many.status_code == 400 and "megapixels" in too_many.content.decode()
    settings.PHOTO_MAX_PIXELS = 40_000_000
    settings.PHOTO_MAX_BYTES = 1000
    too_big = upload(login_client(owner), memory, jpeg_with_location())
    assert too_big.status_code == 400 and "the limit is" in too_big.content.decode()
    assert not Photo.objects.exists()


def test_a_memory_is_removed_only_by_who_added_it_and_takes_its_photos(owner, partner):
    memory = memory_create(
        user=owner, couple=couple_of(owner), title="Lake day", happened_on=timezone.localdate()
    )
    upload(login_client(owner), memory, jpeg_with_location())
    path = Photo.objects.get().image.path
    login_client(partner).post(f"/together/memories/{memory.pk}/remove/")
    assert Memory.objects.filter(pk=memory.pk).exists()
    login_client(owner).post(f"/together/memories/{memory.pk}/remove/")
    assert not Memory.objects.exists() and not Photo.objects.exists()
    assert not os.path.exists(path)


def test_a_moment_in_the_future_is_refused(owner, partner):
    response = login_client(owner).post(
        "/together/memories/",
        {
            "title": "Tomorrow",
            "happened_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
        },
    )
    assert response.status_code == 400 and "has happened" in response.content.decode()


def test_bucket_add_refuses_control_characters(owner, partner):
    response = login_client(owner).post("/together/bucket/", {"title": "Ski\x00ing"})
    assert response.status_code == 400
    assert not BucketItem.objects.exists()
    assert bucket_add(user=owner, couple=couple_of(owner), title="Skiing ⛷️").title == "Skiing ⛷️"
