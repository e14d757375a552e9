"""Appreciate's pages (PRODUCT P1–P4)."""

import random

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hearth.appreciate.forms import (
    RATING_WORDS,
    FavouriteForm,
    GestureForm,
    JournalForm,
    NoteForm,
    StyleRatingsForm,
)
from hearth.appreciate.models import Favourite, Gesture, Prompt, Style
from hearth.appreciate.services import (
    AppreciateError,
    favourite_add,
    favourite_remove,
    gesture_log,
    gesture_notice,
    get_gesture_for_user,
    get_note_for_user,
    get_own_entry,
    get_own_favourite,
    get_suggestion_for_user,
    journal_delete,
    journal_set_shared,
    journal_visible_to,
    journal_write,
    landing,
    note_keep,
    note_react,
    note_send,
    notes_received,
    notes_sent,
    style_ratings_of,
    style_ratings_save,
    suggestion_done,
    suggestion_skip,
    suggestions_today,
)
from hearth.core.http import next_url
from hearth.couples.decorators import CoupleRequest, couple_required
from hearth.talk.models import REACTION_LABELS, REACTIONS

NOTES_PER_PAGE = 20
REACTION_CHOICES = [(kind, emoji, REACTION_LABELS[kind]) for kind, emoji in REACTIONS.items()]


def prompts_of_the_day(request: CoupleRequest) -> dict[str, Prompt]:
    """One prompt per part of a note, the same all day for this person."""
    day = request.couple.local_today()
    rng = random.Random(f"{request.user.pk}:{day.isoformat()}")  # noqa: S311 (not secret)
    chosen: dict[str, Prompt] = {}
    prompts = list(Prompt.objects.filter(active=True).order_by("key"))
    for step in ("did", "felt", "mattered"):
        options = [p for p in prompts if p.step == step]
        if options:
            chosen[step] = rng.choice(options)
    return chosen


@require_http_methods(["GET", "POST"])
@login_required
@couple_required
def home(request: CoupleRequest) -> HttpResponse:
    form = NoteForm(request.POST or None, prompts=prompts_of_the_day(request))
    if request.method == "POST" and form.is_valid():
        try:
            note_send(user=request.user, couple=request.couple, **form.cleaned_data)
        except AppreciateError as refused:
            form.add_error("felt" if refused.code == "not_specific" else None, refused.message)
        else:
            messages.success(request, _("Sent. Words like these are worth keeping."))
            return redirect("appreciate:home")
    context = {
        "form": form,
        "suggestions": suggestions_today(user=request.user, couple=request.couple),
        "received": notes_received(request.user, request.couple).order_by("-created_at")[:3],
        "reactions": REACTION_CHOICES,
    }
    return render(request, "appreciate/home.html", context, status=400 if form.errors else 200)


@require_GET
@login_required
@couple_required
def wall(request: CoupleRequest) -> HttpResponse:
    """Everything my partner has thanked me for: the kept ones first, for hard days."""
    notes = notes_received(request.user, request.couple).order_by("-kept", "-created_at")
    page = Paginator(notes, NOTES_PER_PAGE).get_page(request.GET.get("page"))
    context = {"page": page, "reactions": REACTION_CHOICES}
    return render(request, "appreciate/wall.html", context)


@require_GET
@login_required
@couple_required
def sent(request: CoupleRequest) -> HttpResponse:
    notes = notes_sent(request.user, request.couple).order_by("-created_at")
    page = Paginator(notes, NOTES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "appreciate/sent.html", {"page": page})


@require_POST
@login_required
@couple_required
def note_change(request: CoupleRequest, pk: int, action: str) -> HttpResponse:
    note = get_note_for_user(request.user, pk)
    try:
        if action == "react":
            note_react(user=request.user, note=note, reaction=request.POST.get("reaction", ""))
        elif action == "keep":
            note_keep(user=request.user, note=note, kept=request.POST.get("kept") == "1")
        else:
            raise Http404("No such action.")
    except AppreciateError as refused:
        messages.info(request, refused.message)
    return redirect(next_url(request, "appreciate:wall"))


@require_http_methods(["GET", "POST"])
@login_required
@couple_required
def gestures(request: CoupleRequest) -> HttpResponse:
    form = GestureForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            gesture_log(user=request.user, couple=request.couple, **form.cleaned_data)
        except AppreciateError as refused:
            form.add_error(None, refused.message)
        else:
            messages.success(request, _("Logged. Small things, often, are what people remember."))
            return redirect("appreciate:gestures")
    summary = landing(request.couple)
    styles = dict(Style.choices)
    context = {
        "form": form,
        "recent": Gesture.objects.filter(couple=request.couple)
        .select_related("author")
        .order_by("-happened_on", "-pk")[:30],
        "mine_landing": _landing_rows(summary.get(request.user.pk, {}), styles),
        "theirs_landing": _landing_rows(
            summary.get(request.partner.pk if request.partner else 0, {}), styles
        ),
    }
    return render(request, "appreciate/gestures.html", context, status=400 if form.errors else 200)


def _landing_rows(per_style: dict[str, tuple[int, int]], styles: dict) -> list[dict]:
    rows = [
        {"label": styles[style], "logged": logged, "noticed": noticed}
        for style, (logged, noticed) in per_style.items()
    ]
    return sorted(rows, key=lambda row: (-row["noticed"], -row["logged"]))


@require_POST
@login_required
@couple_required
def gesture_noticed(request: CoupleRequest, pk: int) -> HttpResponse:
    gesture = get_gesture_for_user(request.user, pk)
    try:
        gesture_notice(user=request.user, gesture=gesture)
    except AppreciateError as refused:
        messages.info(request, refused.message)
    return redirect("appreciate:gestures")


def _style_guide(user) -> list[dict]:
    """A person's styles in words, most meaningful first (their own scale, never compared)."""
    ratings = style_ratings_of(user)
    if ratings is None:
        return []
    favourites: dict[str, list[Favourite]] = {}
    for favourite in Favourite.objects.filter(user=user).order_by("pk"):
        favourites.setdefault(favourite.style, []).append(favourite)
    rows = [
        {
            "style": style,
            "label": label,
            "rating": getattr(ratings, style),
            "words": RATING_WORDS[getattr(ratings, style)],
            "favourites": favourites.get(style, []),
        }
        for style, label in Style.choices
    ]
    return sorted(rows, key=lambda row: -row["rating"])


@require_http_methods(["GET", "POST"])
@login_required
@couple_required
def styles(request: CoupleRequest) -> HttpResponse:
    mine = style_ratings_of(request.user)
    form = StyleRatingsForm(request.POST or None, initial=mine.as_dict() if mine else None)
    if request.method == "POST" and form.is_valid():
        style_ratings_save(user=request.user, ratings=form.cleaned_data)
        messages.success(request, _("Saved. Your partner can read this as a guide."))
        return redirect("appreciate:styles")
    context = {
        "form": form,
        "favourite_form": FavouriteForm(),
        "favourites": Favourite.objects.filter(user=request.user).order_by("pk"),
        "partner_guide": _style_guide(request.partner) if request.partner else [],
    }
    return render(request, "appreciate/styles.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
@couple_required
def favourite_new(request: CoupleRequest) -> HttpResponse:
    form = FavouriteForm(request.POST)
    if form.is_valid():
        try:
            favourite_add(user=request.user, **form.cleaned_data)
        except AppreciateError as refused:
            messages.info(request, refused.message)
        return redirect("appreciate:styles")
    for errors in form.errors.values():
        messages.error(request, " ".join(str(error) for error in errors))
    return redirect("appreciate:styles")


@require_POST
@login_required
@couple_required
def favourite_delete(request: CoupleRequest, pk: int) -> HttpResponse:
    favourite_remove(user=request.user, favourite=get_own_favourite(request.user, pk))
    return redirect("appreciate:styles")


@require_POST
@login_required
@couple_required
def suggestion_act(request: CoupleRequest, pk: int, action: str) -> HttpResponse:
    suggestion = get_suggestion_for_user(request.user, pk)
    if action not in ("done", "skip"):
        raise Http404("No such action.")
    try:
        if action == "done":
            suggestion_done(user=request.user, suggestion=suggestion)
            messages.success(request, _("Lovely. It's in your gesture log now."))
        else:
            suggestion_skip(user=request.user, suggestion=suggestion)
    except AppreciateError as refused:
        messages.info(request, refused.message)
    return redirect("appreciate:home")


@require_http_methods(["GET", "POST"])
@login_required
@couple_required
def journal(request: CoupleRequest) -> HttpResponse:
    form = JournalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            journal_write(user=request.user, couple=request.couple, **form.cleaned_data)
        except AppreciateError as refused:
            form.add_error("text", refused.message)
        else:
            messages.success(request, _("Written down. Good things count twice that way."))
            return redirect("appreciate:journal")
    entries = journal_visible_to(request.user, request.couple).order_by("-day", "-pk")
    page = Paginator(entries, NOTES_PER_PAGE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page}
    return render(request, "appreciate/journal.html", context, status=400 if form.errors else 200)


@require_POST
@login_required
@couple_required
def journal_change(request: CoupleRequest, pk: int, action: str) -> HttpResponse:
    entry = get_own_entry(request.user, pk)
    if action == "share":
        journal_set_shared(user=request.user, entry=entry, shared=request.POST.get("shared") == "1")
    elif action == "delete":
        journal_delete(user=request.user, entry=entry)
        messages.success(request, pgettext("journal entry", "Deleted."))
    else:
        raise Http404("No such action.")
    return redirect("appreciate:journal")
