"""Together through /api/v1/together, as a script (or a phone app) would use it."""

import io
import re
import zoneinfo
from datetime import date, datetime, time, timedelta
from itertools import pairwise
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import ExifTags, Image

from hearth.core.registry import content_libraries
from hearth.together.feed import feed_owner
from hearth.together.models import BucketItem, DatePlan, Memory, Photo, Reflection, Ritual

pytestmark = pytest.mark.django_db
BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


@pytest.fixture
def ideas(db):
    content_libraries()["date_ideas"].load()


@pytest.fixture
def photo_dir(settings, tmp_path):
    """Photos go to a temporary folder, never to var/."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    return tmp_path


def spring_forward() -> date:
    """The next late-March Sunday on which Europe's clocks skip an hour, weeks away."""
    today = timezone.localdate()
    year = today.year if today < date(today.year, 3, 1) else today.year + 1
    last_of_march = date(year, 3, 31)
    return last_of_march - timedelta(days=(last_of_march.weekday() + 1) % 7)


def in_days(days: int, at: str = "19:00") -> str:
    """A naive local date and time some days ahead, as a person would type it."""
    return f"{timezone.localdate() + timedelta(days=days)}T{at}"


def propose(client, **fields):
    payload = {
        "title": "Picnic by the river",
        "starts_at": in_days(5, "18:30"),
        "time_zone": "Europe/Berlin",
        **fields,
    }
    return client.post("/together/dates", payload)


def jpeg_with_location(size=(64, 48)) -> bytes:
    """A small JPEG carrying EXIF with GPS coordinates and a camera model."""
    image = Image.new("RGB", size, "tomato")
    exif = Image.Exif()
    exif[ExifTags.Base.Model] = "Holiday Camera 3000"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (52.0, 31.0, 12.0)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = (13.0, 24.0, 36.0)
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif)
    return out.getvalue()


def upload(client, memory_id: int, data: bytes, name="beach.jpg", content_type="image/jpeg"):
    """Multipart, the way a browser or a phone app sends a file."""
    file = SimpleUploadedFile(name, data, content_type=content_type)
    return client.request("POST", f"/together/memories/{memory_id}/photos", data={"photo": file})


def keep_moment(client, title="Sunrise on the roof", **fields):
    payload = {"title": title, "happened_on": str(timezone.localdate()), **fields}
    response = client.post("/together/memories", payload)
    assert response.status_code == 201, response.json()
    return response.json()


# Ideas ----------------------------------------------------------------------------------


def test_it_finds_ideas_that_fit_what_we_feel_like(api_for, owner, partner, ideas):
    me = api_for(owner)
    everything = me.get("/together/ideas").json()
    assert len(everything) > 10

    cheap_at_home = me.get("/together/ideas", data={"cost": "low", "setting": "home"})
    assert cheap_at_home.status_code == 200
    found = cheap_at_home.json()
    assert found
    assert {idea["cost"] for idea in found} <= {"free", "low"}
    assert {idea["setting"] for idea in found} == {"home"}

    short_in_winter = me.get("/together/ideas", data={"max_minutes": 60, "season": "winter"})
    for idea in short_in_winter.json():
        assert idea["duration_minutes"] <= 60
        assert "any" in idea["seasons"] or "winter" in idea["seasons"]

    outdoors = me.get("/together/ideas", data={"place": "outdoor"}).json()
    assert {idea["place"] for idea in outdoors} <= {"outdoor", "either"}


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"cost": "cheap"}, "cost"),
        ({"setting": "moon"}, "setting"),
        ({"season": "monsoon"}, "season"),
        ({"max_minutes": "ages"}, "max_minutes"),
        ({"max_minutes": 0}, "max_minutes"),
    ],
)
def test_it_refuses_filters_it_does_not_know_with_a_clear_422(
    api_for, owner, partner, ideas, query, field
):
    response = api_for(owner).get("/together/ideas", data=query)
    assert response.status_code == 422
    body = response.json()
    assert body["code"] == "invalid"
    assert field in body["detail"]


def test_it_surprises_us_with_one_idea_that_fits(api_for, owner, partner, ideas):
    me = api_for(owner)
    response = me.get("/together/ideas/surprise", data={"cost": "free", "setting": "home"})
    assert response.status_code == 200
    idea = response.json()
    assert idea["cost"] == "free" and idea["setting"] == "home"


def test_it_says_kindly_when_no_idea_fits(api_for, owner, partner, ideas):
    response = api_for(owner).get("/together/ideas/surprise", data={"max_minutes": 1})
    assert response.status_code == 404
    body = response.json()
    assert body["code"] == "no_idea"
    assert "filter" in body["detail"]

    bad = api_for(owner).get("/together/ideas/surprise", data={"energy": "frantic"})
    assert bad.status_code == 422


# Dates ----------------------------------------------------------------------------------


def test_it_takes_a_date_from_proposal_to_one_shared_memory(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)

    proposed = propose(me, details="Bring the blue blanket")
    assert proposed.status_code == 201
    plan = proposed.json()
    assert plan["status"] == "proposed"
    assert plan["proposed_by_id"] == owner.pk
    assert plan["waiting_for_id"] == partner.pk
    assert plan["starts_at"].endswith(("+01:00", "+02:00"))
    assert datetime.fromisoformat(plan["starts_at"]).time() == time(18, 30)
    assert them.get("/together/dates").json()[0]["id"] == plan["id"]

    suggested = them.post(
        f"/together/dates/{plan['id']}/suggest-time",
        {"starts_at": in_days(6, "19:15"), "time_zone": "Europe/Berlin"},
    )
    assert suggested.status_code == 200
    assert suggested.json()["waiting_for_id"] == owner.pk
    assert datetime.fromisoformat(suggested.json()["starts_at"]).time() == time(19, 15)

    accepted = me.post(f"/together/dates/{plan['id']}/accept")
    assert accepted.status_code == 200
    assert accepted.json()["status"] == "scheduled"
    assert accepted.json()["waiting_for_id"] is None

    too_soon = them.request(
        "PUT", f"/together/dates/{plan['id']}/reflection", json={"rating": 5, "text": "Hm"}
    )
    assert too_soon.status_code == 409
    assert too_soon.json()["code"] == "not_over"

    # The evening comes and goes.
    DatePlan.objects.filter(pk=plan["id"]).update(starts_at=timezone.now() - timedelta(hours=3))
    assert me.get(f"/together/dates/{plan['id']}").json()["is_over"] is True

    mine = me.request(
        "PUT",
        f"/together/dates/{plan['id']}/reflection",
        json={"rating": 5, "text": "The light on the water 🌅"},
    )
    assert mine.status_code == 200
    theirs = them.request(
        "PUT", f"/together/dates/{plan['id']}/reflection", json={"rating": 4, "text": "Your laugh"}
    )
    assert theirs.status_code == 200
    memory_id = mine.json()["memory_id"]
    assert theirs.json()["memory_id"] == memory_id
    assert mine.json()["rating"] == 5 and mine.json()["author_id"] == owner.pk

    assert Memory.objects.count() == 1
    memory = me.get(f"/together/memories/{memory_id}").json()
    assert memory["kind"] == "date"
    assert memory["date_id"] == plan["id"]
    assert sorted((r["author_id"], r["rating"]) for r in memory["reflections"]) == sorted(
        [(owner.pk, 5), (partner.pk, 4)]
    )
    assert me.get(f"/together/dates/{plan['id']}").json()["memory_id"] == memory_id


def test_it_lists_upcoming_dates_soonest_first_then_the_rest(api_for, owner, partner):
    me = api_for(owner)
    later = propose(me, title="Later", starts_at=in_days(20)).json()
    sooner = propose(me, title="Sooner", starts_at=in_days(2)).json()
    declined = propose(me, title="Declined", starts_at=in_days(1)).json()
    api_for(partner).post(f"/together/dates/{declined['id']}/decline")

    ids = [plan["id"] for plan in me.get("/together/dates").json()]
    assert ids == [sooner["id"], later["id"], declined["id"]]


def test_it_does_not_let_a_partner_accept_their_own_proposal(api_for, owner, partner):
    me = api_for(owner)
    plan = propose(me).json()

    response = me.post(f"/together/dates/{plan['id']}/accept")
    assert response.status_code == 409
    assert response.json()["code"] == "your_own"
    assert DatePlan.objects.get(pk=plan["id"]).status == "proposed"


def test_either_partner_can_call_off_a_date(api_for, owner, partner):
    plan = propose(api_for(owner)).json()
    cancelled = api_for(partner).post(f"/together/dates/{plan['id']}/cancel")
    assert cancelled.status_code == 200
    assert cancelled.json()["status"] == "cancelled"
    assert cancelled.json()["waiting_for_id"] is None


def test_it_refuses_a_local_time_the_clocks_skip(api_for, owner, partner):
    skipped = f"{spring_forward()}T02:30"
    response = propose(api_for(owner), starts_at=skipped, time_zone="Europe/Berlin")
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "nonexistent_time"
    assert "02:30" in body["detail"]
    assert not DatePlan.objects.exists()


def test_it_keeps_the_wall_clock_time_of_a_date_in_its_own_time_zone(api_for, owner, partner):
    january = date(timezone.localdate().year + 1, 1, 15)
    response = propose(api_for(owner), starts_at=f"{january}T19:00", time_zone="America/New_York")
    assert response.status_code == 201
    plan = response.json()
    assert plan["time_zone"] == "America/New_York"
    assert plan["starts_at"] == f"{january}T19:00:00-05:00"
    assert api_for(partner).get(f"/together/dates/{plan['id']}").json()["starts_at"] == (
        f"{january}T19:00:00-05:00"
    )


def test_it_reads_a_time_without_zone_in_my_own_time_zone(api_for, owner, partner):
    owner.time_zone = "Asia/Tokyo"
    owner.save(update_fields=["time_zone"])
    response = api_for(owner).post(
        "/together/dates", {"title": "Ramen", "starts_at": in_days(3, "20:00")}
    )
    assert response.status_code == 201
    assert response.json()["time_zone"] == "Asia/Tokyo"
    assert response.json()["starts_at"].endswith("T20:00:00+09:00")


def test_it_takes_the_title_and_length_from_a_library_idea(api_for, owner, partner, ideas):
    from hearth.together.models import DateIdea

    idea = DateIdea.objects.order_by("key").first()
    response = api_for(owner).post(
        "/together/dates",
        {"idea_id": idea.pk, "starts_at": in_days(4), "time_zone": "Europe/Berlin"},
    )
    assert response.status_code == 201
    assert response.json()["title"] == idea.title
    assert response.json()["duration_minutes"] == idea.duration_minutes
    assert response.json()["idea_id"] == idea.pk


# Rituals --------------------------------------------------------------------------------


def test_it_keeps_a_fortnightly_ritual_at_19_00_through_the_clock_change(api_for, owner, partner):
    me = api_for(owner)
    change = spring_forward()
    first_friday = change - timedelta(days=9)
    created = me.post(
        "/together/rituals",
        {
            "kind": "date_night",
            "title": "Friday date night 🕯️",
            "frequency": "weekly",
            "interval": 2,
            "weekdays": [4],
            "starts_on": str(first_friday),
            "at": "19:00",
            "time_zone": "Europe/Berlin",
            "duration_minutes": 120,
        },
    )
    assert created.status_code == 201, created.json()
    ritual = created.json()
    assert ritual["description"] == "Every other week on Friday at 19:00"
    assert ritual["ended_at"] is None

    starts = [datetime.fromisoformat(item["starts_at"]) for item in ritual["upcoming"]]
    assert len(starts) >= 3
    assert starts[0].date() == first_friday
    gaps = {later.date() - earlier.date() for earlier, later in pairwise(starts)}
    assert gaps == {timedelta(days=14)}
    assert {start.astimezone(BERLIN).time() for start in starts} == {time(19, 0)}
    # Before the change Berlin is an hour ahead of UTC, after it two.
    assert starts[0].utcoffset() == timedelta(hours=1)
    assert starts[1].utcoffset() == timedelta(hours=2)
    assert not any(item["skipped"] for item in ritual["upcoming"])

    second = starts[1].date()
    skip = me.post(f"/together/rituals/{ritual['id']}/skips", {"day": str(second)})
    assert skip.status_code == 201
    assert skip.json()["day"] == str(second)
    upcoming = api_for(partner).get(f"/together/rituals/{ritual['id']}").json()["upcoming"]
    assert [item["skipped"] for item in upcoming[:3]] == [False, True, False]

    not_a_friday = me.post(
        f"/together/rituals/{ritual['id']}/skips", {"day": str(second + timedelta(days=1))}
    )
    assert not_a_friday.status_code == 400
    assert not_a_friday.json()["code"] == "not_a_day"

    assert me.delete(f"/together/rituals/{ritual['id']}/skips/{second}").status_code == 204
    upcoming = me.get(f"/together/rituals/{ritual['id']}").json()["upcoming"]
    assert not any(item["skipped"] for item in upcoming)

    ended = me.post(f"/together/rituals/{ritual['id']}/end")
    assert ended.status_code == 200
    assert ended.json()["ended_at"] is not None
    assert ended.json()["upcoming"] == []
    assert ended.json()["description"] == "Every other week on Friday at 19:00"
    listed = me.get("/together/rituals").json()
    assert [item["id"] for item in listed] == [ritual["id"]]
    too_late = me.post(f"/together/rituals/{ritual['id']}/skips", {"day": str(first_friday)})
    assert too_late.status_code == 409
    assert too_late.json()["code"] == "ended"


def test_it_refuses_a_ritual_rule_it_cannot_keep(api_for, owner, partner):
    response = api_for(owner).post(
        "/together/rituals",
        {
            "kind": "check_in",
            "title": "Sunday check-in",
            "frequency": "weekly",
            "weekdays": [9],
            "starts_on": str(timezone.localdate() + timedelta(days=1)),
            "at": "10:00",
        },
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_rule"
    assert not Ritual.objects.exists()


# Calendar -------------------------------------------------------------------------------


def test_it_gives_a_secret_calendar_address_and_takes_it_back(api_for, owner, partner):
    me = api_for(owner)
    assert me.get("/together/calendar").json() == {"active": False, "created_at": None}

    issued = me.post("/together/calendar")
    assert issued.status_code == 201
    url = issued.json()["url"]
    assert re.fullmatch(r"/together/calendar/[A-Za-z0-9_-]{40,}\.ics", urlsplit(url).path)
    token = urlsplit(url).path.rsplit("/", 1)[1].removesuffix(".ics")
    assert feed_owner(token) == owner
    assert me.get("/together/calendar").json()["active"] is True

    renewed = me.post("/together/calendar").json()["url"]
    assert renewed != url
    assert feed_owner(token) is None  # the old address stops at once

    assert me.delete("/together/calendar").status_code == 204
    assert me.get("/together/calendar").json()["active"] is False


# Present mode ---------------------------------------------------------------------------


def test_it_counts_phones_away_time_once_both_are_in(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    nothing = me.get("/together/present/current")
    assert nothing.status_code == 404
    assert nothing.json()["code"] == "no_session"

    started = me.post("/together/present")
    assert started.status_code == 201
    session = started.json()
    assert session["started_by_id"] == owner.pk
    assert session["both_in"] is False

    again = me.post("/together/present")
    assert again.status_code == 200 and again.json()["id"] == session["id"]

    joined = them.post("/together/present")
    assert joined.status_code == 200
    assert joined.json()["id"] == session["id"]
    assert joined.json()["both_in"] is True
    assert joined.json()["joined_at"] is not None
    assert me.get("/together/present/current").json()["both_in"] is True

    ended = them.post(f"/together/present/{session['id']}/end")
    assert ended.status_code == 200
    assert ended.json()["ended_at"] is not None
    assert ended.json()["minutes"] >= 0
    assert ended.json()["both_in"] is False
    assert me.get("/together/present/current").status_code == 404


# Bucket list ----------------------------------------------------------------------------


def test_it_turns_a_bucket_list_item_into_a_memory_when_done(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    added = me.post("/together/bucket", {"title": "Sleep under the stars ✨", "notes": "August?"})
    assert added.status_code == 201
    item = added.json()
    assert item["done_on"] is None and item["memory_id"] is None
    assert [row["id"] for row in them.get("/together/bucket").json()] == [item["id"]]

    done = them.post(f"/together/bucket/{item['id']}/done", {"reflection": "So many stars"})
    assert done.status_code == 200
    memory = done.json()
    assert memory["kind"] == "bucket"
    assert memory["title"] == "Sleep under the stars ✨"
    assert memory["bucket_item_id"] == item["id"]
    assert memory["happened_on"] == str(timezone.localdate())
    assert [r["text"] for r in memory["reflections"]] == ["So many stars"]

    listed = me.get("/together/bucket").json()[0]
    assert listed["memory_id"] == memory["id"] and listed["done_on"] is not None

    refused = me.delete(f"/together/bucket/{item['id']}")
    assert refused.status_code == 409
    assert refused.json()["code"] == "done"

    other = me.post("/together/bucket", {"title": "Learn to tango"}).json()
    assert me.delete(f"/together/bucket/{other['id']}").status_code == 204
    assert BucketItem.objects.count() == 1


# Memories and photos --------------------------------------------------------------------


def test_it_keeps_a_moment_with_both_reflections(api_for, owner, partner):
    me, them = api_for(owner), api_for(partner)
    memory = keep_moment(me, reflection="Coffee still warm")
    assert memory["kind"] == "moment"
    assert [r["text"] for r in memory["reflections"]] == ["Coffee still warm"]

    written = them.request(
        "PUT", f"/together/memories/{memory['id']}/reflection", json={"text": "The pink sky"}
    )
    assert written.status_code == 200
    assert written.json()["author_id"] == partner.pk
    rated = them.request(
        "PUT", f"/together/memories/{memory['id']}/reflection", json={"text": "x", "rating": 3}
    )
    assert rated.status_code == 400  # stars are for dates
    timeline = me.get("/together/memories").json()
    assert [m["id"] for m in timeline] == [memory["id"]]
    assert len(timeline[0]["reflections"]) == 2

    future = me.post(
        "/together/memories",
        {"title": "Not yet", "happened_on": str(timezone.localdate() + timedelta(days=3))},
    )
    assert future.status_code == 400
    assert Memory.objects.count() == 1


def test_only_the_one_who_added_a_memory_can_remove_it(api_for, owner, partner):
    memory = keep_moment(api_for(owner))
    refused = api_for(partner).delete(f"/together/memories/{memory['id']}")
    assert refused.status_code == 403
    assert refused.json()["code"] == "not_yours"
    assert api_for(owner).delete(f"/together/memories/{memory['id']}").status_code == 204
    assert not Memory.objects.exists()


def test_it_keeps_photos_without_their_location(api_for, owner, partner, photo_dir):
    me, them = api_for(owner), api_for(partner)
    original = jpeg_with_location()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(ExifTags.IFD.GPSInfo)

    memory = keep_moment(me)
    uploaded = upload(me, memory["id"], original)
    assert uploaded.status_code == 201, uploaded.json()
    photo = uploaded.json()
    assert (photo["width"], photo["height"]) == (64, 48)
    assert photo["url"] == f"/api/v1/together/photos/{photo['id']}"
    detail = them.get(f"/together/memories/{memory['id']}").json()
    assert [p["id"] for p in detail["photos"]] == [photo["id"]]

    downloaded = them.get(f"/together/photos/{photo['id']}")
    assert downloaded.status_code == 200
    assert downloaded["Content-Type"] == "image/jpeg"
    assert downloaded["Content-Disposition"] == "inline"
    assert downloaded["X-Content-Type-Options"] == "nosniff"
    data = downloaded.getvalue()
    assert data.startswith(b"\xff\xd8\xff")
    kept = Image.open(io.BytesIO(data))
    assert kept.format == "JPEG"
    assert "exif" not in kept.info
    assert not kept.getexif()
    assert b"Exif\x00\x00" not in data
    assert b"Holiday Camera" not in data
    assert list(photo_dir.rglob("*.jpg"))

    assert them.delete(f"/together/photos/{photo['id']}").status_code == 204
    assert not Photo.objects.exists()
    assert not list(photo_dir.rglob("*.jpg"))


def test_it_refuses_a_file_that_is_not_a_photo(api_for, owner, partner, photo_dir):
    me = api_for(owner)
    memory = keep_moment(me)
    response = upload(me, memory["id"], b"%PDF-1.7 not a photo", name="notes.jpg")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_photo"
    assert "JPEG" in response.json()["detail"]
    missing = me.request("POST", f"/together/memories/{memory['id']}/photos", data={})
    assert missing.status_code == 422
    assert not Photo.objects.exists()
    assert not list(photo_dir.rglob("*"))


def test_it_refuses_a_photo_with_too_many_pixels(api_for, owner, partner, photo_dir, settings):
    settings.PHOTO_MAX_PIXELS = 100
    me = api_for(owner)
    memory = keep_moment(me)
    response = upload(me, memory["id"], jpeg_with_location(size=(20, 20)))
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_photo"
    assert "megapixels" in response.json()["detail"]
    assert not Photo.objects.exists()
    assert not list(photo_dir.rglob("*"))


# Who may see what -----------------------------------------------------------------------


def test_someone_from_another_couple_gets_404_for_our_things(
    api_for, owner, partner, outsider, photo_dir
):
    me, stranger = api_for(owner), api_for(outsider)
    plan = propose(me).json()
    memory = keep_moment(me)
    photo = upload(me, memory["id"], jpeg_with_location()).json()

    for method, path in [
        ("GET", f"/together/dates/{plan['id']}"),
        ("POST", f"/together/dates/{plan['id']}/accept"),
        ("POST", f"/together/dates/{plan['id']}/cancel"),
        ("GET", f"/together/memories/{memory['id']}"),
        ("DELETE", f"/together/memories/{memory['id']}"),
        ("GET", f"/together/photos/{photo['id']}"),
        ("DELETE", f"/together/photos/{photo['id']}"),
    ]:
        response = stranger.request(method, path, json={} if method == "POST" else None)
        assert response.status_code == 404, (method, path)

    assert stranger.get("/together/dates").json() == []
    assert stranger.get("/together/memories").json() == []
    assert DatePlan.objects.get(pk=plan["id"]).status == "proposed"
    assert Memory.objects.filter(pk=memory["id"]).exists()
    assert Photo.objects.filter(pk=photo["id"]).exists()


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/together/dates"),
        ("POST", "/together/dates"),
        ("GET", "/together/rituals"),
        ("GET", "/together/ideas/surprise"),
        ("GET", "/together/present/current"),
        ("POST", "/together/present"),
        ("GET", "/together/bucket"),
        ("GET", "/together/memories"),
    ],
)
def test_someone_without_a_partner_is_asked_to_pair_first(api_for, loner, method, path):
    payload = {"title": "Solo", "starts_at": in_days(3)} if path == "/together/dates" else {}
    response = api_for(loner).request(method, path, json=payload if method == "POST" else None)
    assert response.status_code == 409
    assert response.json()["code"] == "not_paired"
    assert not DatePlan.objects.exists()


# Bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "title", ["Picnic 🌸🧺 under the 🌳", "نزهة في الحديقة", "פיקניק בפארק 🧺", "Crêpes à deux"]
)
def test_it_stores_emoji_and_right_to_left_titles_exactly(api_for, owner, partner, title):
    me = api_for(owner)
    plan = propose(me, title=title)
    assert plan.status_code == 201
    assert plan.json()["title"] == title
    assert DatePlan.objects.get().title == title
    item = me.post("/together/bucket", {"title": title})
    assert BucketItem.objects.get(pk=item.json()["id"]).title == title


@pytest.mark.parametrize(
    ("fields", "status", "code"),
    [
        ({"title": "Picnic\x00"}, 400, "invalid_text"),
        ({"title": "Picnic \u202eevil"}, 400, "invalid_text"),
        ({"title": "   "}, 400, "empty"),
        ({"title": "x" * 121}, 400, "invalid_text"),
        ({"title": "x" * 5000}, 422, "invalid"),
        ({"details": "y" * 9000}, 422, "invalid"),
        ({"title": 42}, 422, "invalid"),
        ({"starts_at": "next Friday"}, 422, "invalid"),
        ({"starts_at": None}, 422, "invalid"),
        ({"duration_minutes": "long"}, 422, "invalid"),
        ({"duration_minutes": 5}, 400, "invalid_duration"),
        ({"time_zone": "Mars/Olympus"}, 400, "invalid_time_zone"),
        ({"starts_at": "2020-01-01T19:00"}, 400, "in_the_past"),
        ({"idea_id": 999_999}, 400, "unknown_idea"),
    ],
)
def test_it_refuses_bad_dates_and_stores_nothing(api_for, owner, partner, fields, status, code):
    response = propose(api_for(owner), **fields)
    assert response.status_code == status, response.json()
    body = response.json()
    assert body["code"] == code
    assert body["detail"]
    assert not DatePlan.objects.exists()


def test_it_says_how_long_a_title_may_be(api_for, owner, partner):
    response = api_for(owner).post("/together/bucket", {"title": "z" * 130})
    assert response.status_code == 400
    assert "120 characters" in response.json()["detail"]
    assert not BucketItem.objects.exists()


@pytest.mark.parametrize(
    ("path", "payload"),
    [
        ("/together/bucket", {"title": ["a list"]}),
        ("/together/bucket", {"title": "Ok\x07"}),
        ("/together/memories", {"title": "Ok", "happened_on": "yesterday"}),
        ("/together/memories", {"title": "Ok\x1b", "happened_on": "2024-05-01"}),
        ("/together/rituals", {"title": "Ok", "starts_on": "2030-01-01", "at": "half past"}),
        ("/together/rituals", {"kind": "daily", "title": 7, "starts_on": "2030-01-01"}),
    ],
)
def test_it_refuses_wrong_types_and_control_characters_elsewhere_too(
    api_for, owner, partner, path, payload
):
    response = api_for(owner).post(path, payload)
    assert response.status_code in (400, 422)
    assert response.json()["detail"]
    assert not BucketItem.objects.exists()
    assert not Memory.objects.exists()
    assert not Reflection.objects.exists()
    assert not Ritual.objects.exists()
