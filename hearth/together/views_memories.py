"""Pages for present mode, the bucket list and memories (PRODUCT Q5–Q7)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.together.forms import BucketForm, MomentForm, PhotoForm, ReflectionForm
from hearth.together.guides import guide
from hearth.together.memories import (
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
from hearth.together.services import (
    TogetherError,
    get_present_for_user,
    present_current,
    present_end,
    present_start,
)

# A phone screenful or two: each memory may hold a photo and both reflections.
MEMORIES_PER_PAGE = 10


@require_GET
@login_required
@couple_required
def present(request: CoupleRequest) -> HttpResponse:
    session = present_current(request.couple)
    context: dict = {"session": session, "guide": guide("present")}
    if session and session.joined_at:
        context["minutes"] = int((timezone.now() - session.joined_at).total_seconds() // 60)
    return render(request, "together/present.html", context)


@require_POST
@login_required
@couple_required
def present_begin(request: CoupleRequest) -> HttpResponse:
    present_start(user=request.user, couple=request.couple)
    return redirect("together:present")


@require_POST
@login_required
@couple_required
def present_stop(request: CoupleRequest, pk: int) -> HttpResponse:
    session = present_end(user=request.user, session=get_present_for_user(request.user, pk))
    if session.minutes:
        messages.success(
            request,
            ngettext("%(count)d minute together.", "%(count)d minutes together.", session.minutes)
            % {"count": session.minutes},
        )
    return redirect("together:present")


@require_http_methods(["GET", "POST"])
@login_required
@couple_required
def bucket(request: CoupleRequest) -> HttpResponse:
    form = BucketForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            bucket_add(user=request.user, couple=request.couple, **form.cleaned_data)
        except TogetherError as refused:
            form.add_error("title", refused.message)
        else:
            messages.success(request, _("Added to your list."))
            return redirect("together:bucket")
    items = bucket_for(request.couple)
    context = {
        "form": form,
        "open_items": items.filter(done_on__isnull=True).order_by("-created_at"),
        "done_items": items.filter(done_on__isnull=False)
        .select_related("memory")
        .order_by("-done_on")[:30],
        "guide": guide("bucket"),
    }
    return render(request, "together/bucket.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
@couple_required
def bucket_change(request: CoupleRequest, pk: int, action: str) -> HttpResponse:
    item = get_bucket_item_for_user(request.user, pk)
    try:
        if action == "done":
            memory = bucket_done(user=request.user, item=item)
            messages.success(request, _("You did it! It's on your timeline now."))
            return redirect("together:memory", memory.pk)
        if action == "remove":
            bucket_remove(user=request.user, item=item)
            messages.success(request, _("Taken off the list."))
    except TogetherError as refused:
        messages.info(request, refused.message)
    return redirect("together:bucket")


@require_http_methods(["GET", "POST"])
@login_required
@couple_required
def memories(request: CoupleRequest) -> HttpResponse:
    form = MomentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            memory = memory_create(user=request.user, couple=request.couple, **form.cleaned_data)
        except TogetherError as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Kept. Add a photo if you like."))
            return redirect("together:memory", memory.pk)
    page = Paginator(memories_for(request.couple), MEMORIES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {"form": form, "page": page, "guide": guide("memories")}
    return render(request, "together/memories.html", context, status=400 if form.errors else 200)


@require_GET
@login_required
@couple_required
def memory_detail(request: CoupleRequest, pk: int) -> HttpResponse:
    return _render_memory(request, get_memory_for_user(request.user, pk))


def _render_memory(request: CoupleRequest, memory, *, status=200, **forms) -> HttpResponse:
    reflections = list(memory.reflections.select_related("author"))
    mine = next((r for r in reflections if r.author_id == request.user.pk), None)
    context = {
        "memory": memory,
        "reflections": reflections,
        "photos": list(memory.photos.order_by("pk")),
        "reflection_form": forms.get("reflection_form")
        or ReflectionForm(initial={"text": mine.text} if mine else None),
        "photo_form": forms.get("photo_form") or PhotoForm(),
        "prompts": guide("memories")["prompts"],
    }
    return render(request, "together/memory.html", context, status=status)


@require_POST
@login_required
@couple_required
def memory_reflect(request: CoupleRequest, pk: int) -> HttpResponse:
    memory = get_memory_for_user(request.user, pk)
    form = ReflectionForm(request.POST)
    if form.is_valid():
        try:
            reflection_write(user=request.user, memory=memory, text=form.cleaned_data["text"])
        except TogetherError as refused:
            form.add_error("text", refused.message)
        else:
            return redirect("together:memory", memory.pk)
    return _render_memory(request, memory, status=400, reflection_form=form)


@require_POST
@login_required
@couple_required
def memory_photo_add(request: CoupleRequest, pk: int) -> HttpResponse:
    memory = get_memory_for_user(request.user, pk)
    form = PhotoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            photo_add(user=request.user, memory=memory, upload=form.cleaned_data["photo"])
        except TogetherError as refused:
            form.add_error("photo", refused.message)
        else:
            messages.success(request, _("Photo added, without its location or camera details."))
            return redirect("together:memory", memory.pk)
    return _render_memory(request, memory, status=400, photo_form=form)


@require_POST
@login_required
@couple_required
def memory_remove(request: CoupleRequest, pk: int) -> HttpResponse:
    memory = get_memory_for_user(request.user, pk)
    try:
        memory_delete(user=request.user, memory=memory)
    except TogetherError as refused:
        messages.info(request, refused.message)
        return redirect("together:memory", memory.pk)
    messages.success(request, _("Removed from your timeline."))
    return redirect("together:memories")


@require_GET
@login_required
@couple_required
def photo(request: CoupleRequest, pk: int) -> FileResponse:
    """A memory's photo, for the couple only (404 for anyone else)."""
    item = get_photo_for_user(request.user, pk)
    response = FileResponse(item.image.open("rb"), content_type="image/jpeg")
    response["Content-Disposition"] = "inline"
    return response


@require_POST
@login_required
@couple_required
def photo_remove(request: CoupleRequest, pk: int) -> HttpResponse:
    item = get_photo_for_user(request.user, pk)
    memory_id = item.memory_id
    photo_delete(user=request.user, photo=item)
    messages.success(request, _("Photo removed."))
    return redirect("together:memory", memory_id)
