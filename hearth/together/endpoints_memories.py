"""API for phones-away time, the bucket list, memories and photos, under /api/v1/together."""

from datetime import date, datetime

from django.db.models import F
from django.http import FileResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from ninja import File, Router, Schema, Status, UploadedFile
from pydantic import Field

from hearth.api.auth import ApiRequest
from hearth.api.schemas import ErrorOut
from hearth.couples.selectors import couple_required_for
from hearth.together.memories import (
    REFLECTION_MAX,
    bucket_add,
    bucket_done,
    bucket_for,
    bucket_remove,
    get_bucket_item_for_user,
    get_memory_for_user,
    get_photo_for_user,
    memories_for,
    memory_create,
    memory_delete,
    photo_add,
    photo_delete,
    reflection_write,
)
from hearth.together.models import (
    BucketItem,
    Memory,
    Photo,
    PresentSession,
    Reflection,
)
from hearth.together.services import (
    NOTES_MAX,
    TITLE_MAX,
    get_present_for_user,
    present_current,
    present_end,
    present_start,
)

router = Router(tags=["together"])

# Lists answer with at most this many, newest (or soonest) first.
LIST_LIMIT = 100


class ReflectionOut(Schema):
    id: int
    memory_id: int
    author_id: int
    text: str
    rating: int | None
    updated_at: datetime


# Present mode ---------------------------------------------------------------------------


class PresentOut(Schema):
    id: int
    started_by_id: int
    started_at: datetime
    joined_at: datetime | None
    ended_at: datetime | None
    minutes: int = Field(description="minutes both were in, counted when it ends")
    both_in: bool = Field(description="both have put their phones away and it is still on")


def _present_out(session: PresentSession) -> dict:
    return {
        "id": session.pk,
        "started_by_id": session.started_by_id,
        "started_at": session.started_at,
        "joined_at": session.joined_at,
        "ended_at": session.ended_at,
        "minutes": session.minutes,
        "both_in": session.joined_at is not None and session.ended_at is None,
    }


@router.get(
    "/present/current",
    response={200: PresentOut, 404: ErrorOut, 409: ErrorOut},
    summary="Are our phones away right now?",
)
def present_now(request: ApiRequest):
    session = present_current(couple_required_for(request.user))
    if session is None:
        return Status(404, {"detail": _("No phones-away time is on."), "code": "no_session"})
    return _present_out(session)


@router.post(
    "/present",
    response={200: PresentOut, 201: PresentOut, 409: ErrorOut},
    summary="Phone away: start, or join my partner",
)
def present_begin(request: ApiRequest):
    couple = couple_required_for(request.user)
    asked_at = timezone.now()
    session = present_start(user=request.user, couple=couple)
    started_now = session.started_by_id == request.user.pk and session.started_at >= asked_at
    return Status(201 if started_now else 200, _present_out(session))


@router.post(
    "/present/{int:session_id}/end",
    response=PresentOut,
    summary="Back to the world: end our phones-away time",
)
def present_finish(request: ApiRequest, session_id: int):
    session = get_present_for_user(request.user, session_id)
    return _present_out(present_end(user=request.user, session=session))


# Bucket list ----------------------------------------------------------------------------


class BucketItemOut(Schema):
    id: int
    title: str
    notes: str
    added_by_id: int
    created_at: datetime
    done_on: date | None
    memory_id: int | None


class BucketItemIn(Schema):
    title: str = Field(max_length=TITLE_MAX * 2)
    notes: str = Field(default="", max_length=NOTES_MAX * 2)


class BucketDoneIn(Schema):
    done_on: date | None = Field(default=None, description="defaults to today")
    reflection: str = Field(default="", max_length=REFLECTION_MAX * 2)


def _bucket_out(item: BucketItem) -> dict:
    memory = getattr(item, "memory", None) if item.done_on else None
    return {
        "id": item.pk,
        "title": item.title,
        "notes": item.notes,
        "added_by_id": item.added_by_id,
        "created_at": item.created_at,
        "done_on": item.done_on,
        "memory_id": memory.pk if memory else None,
    }


# Memories -------------------------------------------------------------------------------


class PhotoOut(Schema):
    id: int
    memory_id: int
    uploaded_by_id: int
    width: int
    height: int
    url: str = Field(description="the API address of the JPEG")
    created_at: datetime


class MemoryOut(Schema):
    id: int
    kind: str
    title: str
    happened_on: date
    created_by_id: int
    created_at: datetime
    date_id: int | None
    bucket_item_id: int | None
    reflections: list[ReflectionOut]
    photos: list[PhotoOut]


class MemoryIn(Schema):
    title: str = Field(max_length=TITLE_MAX * 2)
    happened_on: date
    reflection: str = Field(default="", max_length=REFLECTION_MAX * 2)


class ReflectionIn(Schema):
    text: str = Field(default="", max_length=REFLECTION_MAX * 2)
    rating: int | None = Field(default=None, ge=1, le=5, description="dates only: 1 to 5 stars")


def _photo_out(photo: Photo) -> dict:
    return {
        "id": photo.pk,
        "memory_id": photo.memory_id,
        "uploaded_by_id": photo.uploaded_by_id,
        "width": photo.width,
        "height": photo.height,
        "url": reverse("api-v1:together_photo", kwargs={"photo_id": photo.pk}),
        "created_at": photo.created_at,
    }


def _memory_out(memory: Memory) -> dict:
    return {
        "id": memory.pk,
        "kind": memory.kind,
        "title": memory.title,
        "happened_on": memory.happened_on,
        "created_by_id": memory.created_by_id,
        "created_at": memory.created_at,
        "date_id": memory.plan_id,
        "bucket_item_id": memory.bucket_item_id,
        "reflections": list(memory.reflections.all()),
        "photos": [_photo_out(photo) for photo in memory.photos.all()],
    }


def _fresh_memory(memory: Memory) -> dict:
    return _memory_out(memories_for(memory.couple).get(pk=memory.pk))


@router.get(
    "/bucket", response={200: list[BucketItemOut], 409: ErrorOut}, summary="Our bucket list"
)
def bucket_list(request: ApiRequest):
    items = (
        bucket_for(couple_required_for(request.user))
        .select_related("memory")
        .order_by(F("done_on").desc(nulls_first=True), "-created_at", "-pk")[:LIST_LIMIT]
    )
    return [_bucket_out(item) for item in items]


@router.post(
    "/bucket",
    response={201: BucketItemOut, 400: ErrorOut, 409: ErrorOut},
    summary="Something we want to try together",
)
def bucket_create(request: ApiRequest, payload: BucketItemIn):
    item = bucket_add(
        user=request.user,
        couple=couple_required_for(request.user),
        title=payload.title,
        notes=payload.notes,
    )
    return Status(201, _bucket_out(item))


@router.post(
    "/bucket/{int:item_id}/done",
    response={200: MemoryOut, 400: ErrorOut},
    summary="We did it! It becomes a memory",
)
def bucket_mark_done(request: ApiRequest, item_id: int, payload: BucketDoneIn):
    item = get_bucket_item_for_user(request.user, item_id)
    memory = bucket_done(
        user=request.user, item=item, done_on=payload.done_on, reflection=payload.reflection
    )
    return _fresh_memory(memory)


@router.delete(
    "/bucket/{int:item_id}",
    response={204: None, 409: ErrorOut},
    summary="Take something off the list",
)
def bucket_delete(request: ApiRequest, item_id: int):
    bucket_remove(user=request.user, item=get_bucket_item_for_user(request.user, item_id))
    return Status(204, None)


@router.get(
    "/memories",
    response={200: list[MemoryOut], 409: ErrorOut},
    summary="Our timeline of memories",
)
def memory_list(request: ApiRequest):
    memories = memories_for(couple_required_for(request.user))[:LIST_LIMIT]
    return [_memory_out(memory) for memory in memories]


@router.post(
    "/memories",
    response={201: MemoryOut, 400: ErrorOut, 409: ErrorOut},
    summary="Keep a moment",
)
def memory_keep(request: ApiRequest, payload: MemoryIn):
    memory = memory_create(
        user=request.user,
        couple=couple_required_for(request.user),
        title=payload.title,
        happened_on=payload.happened_on,
        reflection=payload.reflection,
    )
    return Status(201, _fresh_memory(memory))


@router.get("/memories/{int:memory_id}", response=MemoryOut, summary="One memory")
def memory_detail(request: ApiRequest, memory_id: int):
    return _fresh_memory(get_memory_for_user(request.user, memory_id))


@router.delete(
    "/memories/{int:memory_id}",
    response={204: None, 403: ErrorOut},
    summary="Remove a memory I added",
)
def memory_remove(request: ApiRequest, memory_id: int):
    memory_delete(user=request.user, memory=get_memory_for_user(request.user, memory_id))
    return Status(204, None)


@router.put(
    "/memories/{int:memory_id}/reflection",
    response={200: ReflectionOut, 400: ErrorOut},
    summary="What I loved about it",
)
def memory_reflection(request: ApiRequest, memory_id: int, payload: ReflectionIn):
    memory = get_memory_for_user(request.user, memory_id)
    reflection: Reflection = reflection_write(
        user=request.user, memory=memory, text=payload.text, rating=payload.rating
    )
    return reflection


@router.post(
    "/memories/{int:memory_id}/photos",
    response={201: PhotoOut, 400: ErrorOut, 409: ErrorOut},
    summary="Add a photo (its location and camera details are removed)",
)
def memory_photo_add(request: ApiRequest, memory_id: int, photo: File[UploadedFile]):
    memory = get_memory_for_user(request.user, memory_id)
    return Status(201, _photo_out(photo_add(user=request.user, memory=memory, upload=photo)))


@router.get(
    "/photos/{int:photo_id}",
    response={200: None, 404: ErrorOut},
    url_name="together_photo",
    summary="A photo of ours, as JPEG",
    openapi_extra={"responses": {200: {"content": {"image/jpeg": {}}}}},
)
def photo_view(request: ApiRequest, photo_id: int):
    photo = get_photo_for_user(request.user, photo_id)
    response = FileResponse(photo.image.open("rb"), content_type="image/jpeg")
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@router.delete("/photos/{int:photo_id}", response={204: None}, summary="Take a photo off")
def photo_remove(request: ApiRequest, photo_id: int):
    photo_delete(user=request.user, photo=get_photo_for_user(request.user, photo_id))
    return Status(204, None)
