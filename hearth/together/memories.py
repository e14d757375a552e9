"""The couple's timeline (PRODUCT Q6, Q7): bucket-list items, memories, reflections, photos."""

from datetime import date

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from hearth.couples.models import Couple
from hearth.couples.selectors import get_for_user
from hearth.together.models import BucketItem, DatePlan, Memory, Photo, Reflection
from hearth.together.photos import PhotoRejected, photo_clean
from hearth.together.services import NOTES_MAX, TITLE_MAX, TogetherError, clean, zone_named

REFLECTION_MAX = 2000
PHOTOS_PER_MEMORY = 12


def get_memory_for_user(user, pk) -> Memory:
    return get_for_user(Memory, user, pk)


def get_bucket_item_for_user(user, pk) -> BucketItem:
    return get_for_user(BucketItem, user, pk)


def get_photo_for_user(user, pk) -> Photo:
    return get_for_user(Photo, user, pk)


def memories_for(couple: Couple) -> QuerySet[Memory]:
    """The timeline, newest first, with reflections and photos in two more queries."""
    return (
        Memory.objects.filter(couple=couple)
        .order_by("-happened_on", "-pk")
        .prefetch_related(
            Prefetch(
                "reflections",
                # A fixed order: PostgreSQL's own would vary from one query plan to the next.
                queryset=Reflection.objects.select_related("author").order_by("created_at", "pk"),
            ),
            Prefetch("photos", queryset=Photo.objects.order_by("pk")),
        )
    )


def _check_day(day: date, couple: Couple) -> date:
    if day > couple.local_today():
        raise TogetherError(_("A memory is something that has happened."), code="in_the_future")
    if day.year < 1900:
        raise TogetherError(_("That date is too long ago."), code="invalid_date")
    return day


def memory_create(
    *, user, couple: Couple, title: object, happened_on: date, reflection: object = ""
) -> Memory:
    """A moment worth keeping, with what I loved about it."""
    with transaction.atomic():
        memory = Memory.objects.create(
            couple=couple,
            kind=Memory.Kind.MOMENT,
            title=clean(title, TITLE_MAX),
            happened_on=_check_day(happened_on, couple),
            created_by=user,
        )
        if reflection:
            reflection_write(user=user, memory=memory, text=reflection)
    return memory


def memory_delete(*, user, memory: Memory) -> None:
    if memory.created_by_id != user.pk:
        raise TogetherError(
            _("Only the one who added this memory can remove it."), code="not_yours", status=403
        )
    for photo in memory.photos.all():
        photo_delete(user=user, photo=photo)
    memory.delete()


def reflection_write(
    *, user, memory: Memory, text: object, rating: int | None = None
) -> Reflection:
    """My reflection on a memory (one each; writing again changes it)."""
    cleaned = clean(text, REFLECTION_MAX, required=False, multiline=True)
    if rating is not None and (
        memory.kind != Memory.Kind.DATE or not isinstance(rating, int) or not 1 <= rating <= 5
    ):
        raise TogetherError(_("Rate a date from 1 to 5 stars."), code="invalid_rating")
    if not cleaned and rating is None:
        raise TogetherError(_("Write what you loved, or give it some stars."), code="empty")
    now = timezone.now()
    values = {"text": cleaned, "rating": rating, "updated_at": now}
    with transaction.atomic():
        reflection, created = Reflection.objects.select_for_update().get_or_create(
            memory=memory, author=user, defaults={"couple_id": memory.couple_id, **values}
        )
        if not created:
            for field, value in values.items():
                setattr(reflection, field, value)
            reflection.save(update_fields=list(values))
    return reflection


def date_reflect(*, user, plan: DatePlan, rating: int | None, text: object) -> Reflection:
    """After a date: how it was and what I loved. The first one makes it a memory."""
    if not plan.is_over:
        raise TogetherError(
            _("You can look back on a date once it has happened."), code="not_over", status=409
        )
    with transaction.atomic():
        # Locks the date, so both partners rating at once make one memory, not two.
        DatePlan.objects.select_for_update().filter(pk=plan.pk).first()
        memory = Memory.objects.filter(plan=plan).first()
        if memory is None:
            memory = Memory.objects.create(
                couple_id=plan.couple_id,
                kind=Memory.Kind.DATE,
                title=plan.title,
                happened_on=timezone.localdate(plan.starts_at, timezone=zone_named(plan.time_zone)),
                created_by=user,
                plan=plan,
            )
        return reflection_write(user=user, memory=memory, text=text, rating=rating)


# Bucket list ----------------------------------------------------------------------------


def bucket_for(couple: Couple) -> QuerySet[BucketItem]:
    return BucketItem.objects.filter(couple=couple).select_related("added_by")


def bucket_add(*, user, couple: Couple, title: object, notes: object = "") -> BucketItem:
    return BucketItem.objects.create(
        couple=couple,
        title=clean(title, TITLE_MAX),
        notes=clean(notes, NOTES_MAX, required=False, multiline=True),
        added_by=user,
    )


def bucket_done(
    *, user, item: BucketItem, done_on: date | None = None, reflection: object = ""
) -> Memory:
    """We did it! The item becomes a memory on the timeline."""
    done_on = _check_day(done_on or item.couple.local_today(), item.couple)
    try:
        with transaction.atomic():
            item = BucketItem.objects.select_for_update().get(pk=item.pk)
            if item.done_on is not None:
                return Memory.objects.get(bucket_item=item)
            item.done_on = done_on
            item.save(update_fields=["done_on"])
            memory = Memory.objects.create(
                couple_id=item.couple_id,
                kind=Memory.Kind.BUCKET,
                title=item.title,
                happened_on=done_on,
                created_by=user,
                bucket_item=item,
            )
            if reflection:
                reflection_write(user=user, memory=memory, text=reflection)
            return memory
    except IntegrityError:
        return Memory.objects.get(bucket_item_id=item.pk)


def bucket_remove(*, user, item: BucketItem) -> None:
    if item.done_on is not None:
        raise TogetherError(
            _("This one is done and lives on as a memory now."), code="done", status=409
        )
    item.delete()


# Photos ---------------------------------------------------------------------------------


def photo_add(*, user, memory: Memory, upload) -> Photo:
    if upload is None:
        raise TogetherError(_("Choose a photo first."), code="no_photo")
    if memory.photos.count() >= PHOTOS_PER_MEMORY:
        raise TogetherError(
            _("A memory holds up to %(count)d photos.") % {"count": PHOTOS_PER_MEMORY},
            code="too_many",
            status=409,
        )
    try:
        clean_photo = photo_clean(upload)
    except PhotoRejected as rejected:
        raise TogetherError(str(rejected), code="invalid_photo") from None
    photo = Photo(
        couple_id=memory.couple_id,
        memory=memory,
        uploaded_by=user,
        width=clean_photo.width,
        height=clean_photo.height,
    )
    photo.image.save("photo.jpg", ContentFile(clean_photo.data), save=False)
    try:
        photo.save()
    except Exception:
        photo.image.delete(save=False)  # no file without its row
        raise
    return photo


def photo_delete(*, user, photo: Photo) -> None:
    """Either partner may take a photo off: it may be of them."""
    photo.image.delete(save=False)
    photo.delete()
