"""A couple with history in every pillar, for the export and deletion tests."""

from io import StringIO

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models

from hearth.accounts.models import User


def seed_demo_couple(weeks: int = 3) -> tuple[User, User]:
    """Alex and Sam from seed_demo: months of everything, for both of them."""
    call_command("seed_demo", "--weeks", str(weeks), stdout=StringIO())
    return User.objects.get(email="alex@demo.hearth"), User.objects.get(email="sam@demo.hearth")


def user_foreign_keys() -> list[tuple[type[models.Model], str]]:
    """(model, field name) of every foreign key to the user model, in every installed app."""
    found = []
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if (
                isinstance(field, models.ForeignKey | models.OneToOneField)
                and field.related_model is not None
                and field.related_model._meta.label == settings.AUTH_USER_MODEL
            ):
                found.append((model, field.name))
    return found


def rows_referencing(user_pk: int) -> dict[str, int]:
    """How many rows of each model point at this person, by `app.Model.field`."""
    counts = {}
    for model, name in user_foreign_keys():
        counts[f"{model._meta.label}.{name}"] = model._base_manager.filter(
            **{f"{name}_id": user_pk}
        ).count()
    counts["accounts.User.pk"] = User.objects.filter(pk=user_pk).count()
    return counts


# Words Alex writes into rows that are Sam's (answers to Sam's check-in, bid, apology and
# good news), and Alex's own news.
ALEX_CHECK_IN_REPLY = "Alex replies: on my way with soup"
ALEX_BID_REPLY = "Alex answers: give me ten minutes"
ALEX_APOLOGY_NOTE = "Alex adds: thank you for saying it"
ALEX_CHEER = "Alex cheers: tell me what they said first"
ALEX_NEWS = "Alex news: the bread finally rose"
ALEX_WORDS = (ALEX_CHECK_IN_REPLY, ALEX_BID_REPLY, ALEX_APOLOGY_NOTE, ALEX_CHEER, ALEX_NEWS)
# Sam's words, which no export of Alex's may hold.
SAM_SECRET_ANSWER = "Sam unrevealed: the cabin by the lake"
SAM_PRIVATE_JOURNAL = "Sam private journal: the long walk alone"
SAM_SHARED_JOURNAL = "Sam shared journal: the warm bread"
SAM_PRIVATE_CHECK_IN = "Sam private check-in: the letter"
SAM_SHARED_CHECK_IN = "Sam shared check-in: tired today"
SAM_NOTE = "Sam note: you fixed the bike"
SAM_BID = "Sam bid: sit with me a while"
SAM_APOLOGY = "Sam apology: I was short with you"
SAM_NEWS = "Sam news: the grant came through"
SAM_GUESS = "Sam guess: a quiet beach at dawn"
ALEX_GUESS = "Alex guess: the blue kitchen in Porto"


def png_upload(name: str = "photo.png"):
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    image = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(image, "PNG")
    return SimpleUploadedFile(name, image.getvalue())


def everything_for(alex: User, sam: User) -> dict:
    """On top of seed_demo: a row pointing at Alex in every model that can have one, Sam's
    private and shared words, and Alex's words on Sam's rows."""
    from allauth.mfa.models import Authenticator
    from django.contrib.admin.models import ADDITION, LogEntry
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone

    from hearth.api.models import ApiToken
    from hearth.appreciate import services as appreciate
    from hearth.conftest_helpers import login_client
    from hearth.couples.models import Invite
    from hearth.nudges.delivery import nudges_enqueue_due
    from hearth.nudges.models import NudgePreferences
    from hearth.privacy.models import Notice
    from hearth.support import services as support
    from hearth.support.models import Feeling
    from hearth.talk.listening import session_end, session_join, session_start
    from hearth.talk.models import HarshMoment
    from hearth.talk.services import answer_save, daily_question_for
    from hearth.tests.factories import couple_of
    from hearth.together import feed, memories
    from hearth.together import services as together
    from hearth.together.selectors import rituals_with_next
    from hearth.trust import repair

    couple = couple_of(alex)
    made: dict = {}
    ApiToken.issue(user=alex, name="alex-script")
    Invite.objects.create(inviter=alex, used_at=timezone.now())
    Authenticator.objects.create(user=alex, type=Authenticator.Type.RECOVERY_CODES, data={})
    NudgePreferences.objects.get_or_create(user=alex)
    Notice.objects.create(user=alex, kind=Notice.Kind.PARTNER_LEFT)
    HarshMoment.objects.create(couple=couple, author=alex)
    session = session_start(user=sam, couple=couple)
    session_join(user=alex, session=session)
    session_end(user=sam, session=session)
    feed.feed_issue(user=alex)
    # A ritual day Alex skips, whatever the demo dealt (its skips depend on the day it runs).
    ritual, next_time = rituals_with_next(couple)[0]
    assert next_time is not None
    day = timezone.localdate(next_time, together.ritual_rule(ritual).tz)
    together.ritual_skip(user=alex, ritual=ritual, day=day)
    memory = memories.memory_create(
        user=sam, couple=couple, title="Sam's memory", happened_on=couple.local_today()
    )
    made["alex_photo"] = memories.photo_add(user=alex, memory=memory, upload=png_upload())
    made["sam_photo"] = memories.photo_add(user=sam, memory=memory, upload=png_upload())
    LogEntry.objects.create(
        user=alex,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(alex.pk),
        object_repr="account",
        action_flag=ADDITION,
    )
    # Sam's words: private, unrevealed, shared, and to Alex.
    answer_save(user=sam, daily_question=daily_question_for(couple=couple), text=SAM_SECRET_ANSWER)
    appreciate.journal_write(user=sam, couple=couple, text=SAM_PRIVATE_JOURNAL)
    appreciate.journal_write(user=sam, couple=couple, text=SAM_SHARED_JOURNAL, shared=True)
    made["sam_note"] = appreciate.note_send(
        user=sam, couple=couple, did=SAM_NOTE, felt="It made my day."
    )
    feeling = Feeling.objects.filter(active=True).first()
    assert feeling is not None
    support.check_in_make(
        user=sam, couple=couple, feeling=feeling, need="space", note=SAM_PRIVATE_CHECK_IN
    )
    check_in = support.check_in_make(
        user=sam,
        couple=couple,
        feeling=feeling,
        need="comfort",
        note=SAM_SHARED_CHECK_IN,
        shared=True,
    )
    bid = support.bid_send(user=sam, couple=couple, kind="custom", text=SAM_BID)
    apology = repair.apology_make(
        user=sam, couple=couple, what_happened=SAM_APOLOGY, do_differently="Pause first."
    )
    # A guess each way where the history allows and the demo dealt none (its guesses
    # depend on the hour it runs).
    from hearth.support.models import Guess

    for author, text in ((sam, SAM_GUESS), (alex, ALEX_GUESS)):
        past = support.guessable_questions(author, couple)
        if past and not Guess.objects.filter(author=author).exists():
            support.guess_make(user=author, couple=couple, daily_question=past[0], text=text)
    # Good news each way, whatever the demo dealt (its news depends on the hour it runs).
    support.good_news_share(user=alex, couple=couple, text=ALEX_NEWS)
    news = support.good_news_share(user=sam, couple=couple, text=SAM_NEWS)
    # Alex's words on Sam's rows.
    support.cheer_add(user=alex, news=news, way="ask", text=ALEX_CHEER)
    support.check_in_reply(user=alex, check_in=check_in, reply=ALEX_CHECK_IN_REPLY)
    support.bid_answer(user=alex, bid=bid, answer="now", reply=ALEX_BID_REPLY)
    repair.apology_answer(user=alex, apology=apology, answer="accept", note=ALEX_APOLOGY_NOTE)
    nudges_enqueue_due(now=timezone.now())
    # A signed-in browser session (and allauth's record of it) for each of them.
    made["alex_client"] = login_client(alex)
    made["alex_client"].get("/")
    made["sam_client"] = login_client(sam)
    made["sam_client"].get("/")
    return made
