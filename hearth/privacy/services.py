"""Deleting an account (PRODUCT D5, GDPR Art. 17).

Every row that is the person's goes: what they wrote (deleted, never orphaned, so it leaves
the partner's view at once), their words in the partner's rows (an answer to an apology, a
reply to a check-in or a bid), what was written to or about them (notes to them, guesses
about them, the listening sessions they were in), their sessions and tokens. The couple
ends as an unlink ends it, and the partner keeps their own words (SAFETY.md rule 6) and is
told kindly, once, by e-mail and in Hearth: what happened, never why or when they last
came by.
"""

import logging

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from hearth.core import ratelimit
from hearth.core.errors import Refusal
from hearth.couples.models import Couple, Membership
from hearth.couples.selectors import membership_and_partner
from hearth.couples.services import couple_unlink

logger = logging.getLogger(__name__)

# Wrong passwords on the deletion form, per person and hour: someone holding an open
# session must not get a way to guess the password.
WRONG_PASSWORDS_PER_HOUR = 10


class DeletionRefused(Refusal):
    """The account was not deleted."""


def _check_password(*, user, password: str | None) -> None:
    scope, subject = "delete-account", str(user.pk)
    if ratelimit.count(scope, subject, window_seconds=3600) >= WRONG_PASSWORDS_PER_HOUR:
        raise DeletionRefused(
            _("Too many passwords that didn't work. Please wait an hour and try again."),
            code="throttled",
            status=429,
        )
    if not password:
        raise DeletionRefused(_("Type your password to delete your account."), code="empty")
    if not user.check_password(password):
        ratelimit.hit(scope, subject, window_seconds=3600)
        raise DeletionRefused(
            _("That password didn't work, so nothing was deleted."),
            code="wrong_password",
            status=403,
        )


def sessions_end_all(*, user) -> int:
    """Delete every web session of the person; returns how many. Sessions are looked up by
    their content because Django keeps no index of them by person."""
    ended = []
    for key, data in Session.objects.values_list("session_key", "session_data").iterator():
        # get_decoded() gives {} for a damaged session: it belongs to no one.
        decoded = Session.objects.model(session_data=data).get_decoded()
        if decoded.get("_auth_user_id") == str(user.pk):
            ended.append(key)
    Session.objects.filter(session_key__in=ended).delete()
    return len(ended)


def _photo_files(*, user) -> list[str]:
    """Files of the photos that go with the account: the person's, and those on memories
    they created (which go with the memory)."""
    from hearth.together.models import Photo

    return list(
        Photo.objects.filter(Q(uploaded_by=user) | Q(memory__created_by=user)).values_list(
            "image", flat=True
        )
    )


def _remove_files(names: list[str]) -> None:
    from hearth.together.models import private_storage

    for name in names:
        try:
            private_storage.delete(name)
        except OSError:
            logger.warning("A deleted account's photo file could not be removed.")


def _scrub_words_in_partner_rows(*, user, couple_ids: list[int]) -> None:
    """The person's words and answers kept on rows the partner wrote."""
    from hearth.appreciate.models import Note
    from hearth.support.models import Bid, CheckIn
    from hearth.together.models import DatePlan
    from hearth.trust.models import Apology

    theirs = Q(couple_id__in=couple_ids) & ~Q(author=user)
    # Notes the partner wrote to me stay theirs; how I answered them goes with me.
    Note.objects.filter(theirs, recipient=user).update(reaction="", kept=False)
    Apology.objects.filter(theirs).update(answer="", answer_note="", answered_at=None)
    CheckIn.objects.filter(theirs).update(reply="", replied_at=None)
    Bid.objects.filter(theirs).update(answer="", reply="", later_at=None, answered_at=None)
    # The partner's own proposals stay theirs, waiting on no one.
    DatePlan.objects.filter(couple_id__in=couple_ids, asked_by=user).exclude(
        proposed_by=user
    ).update(asked_by=F("proposed_by"))


def _notify_partner(*, partner) -> None:
    from hearth.privacy.models import Notice

    Notice.objects.create(user=partner, kind=Notice.Kind.PARTNER_LEFT)
    context = {
        "name": partner.display_name,
        "link": f"{settings.SITE_URL}{reverse('privacy:export')}",
    }
    # In the partner's language, not that of the person deleting their account.
    with translation.override(partner.language):
        message = EmailMultiAlternatives(
            subject=settings.ACCOUNT_EMAIL_SUBJECT_PREFIX + _("Your partner closed their account"),
            body=render_to_string("privacy/email/partner_left.txt", context),
            to=[partner.email],
            headers={"Auto-Submitted": "auto-generated"},
        )
        message.attach_alternative(
            render_to_string("privacy/email/partner_left.html", context), "text/html"
        )

    def send() -> None:
        try:
            message.send()
        except Exception:
            logger.warning("The e-mail to a former partner about a deleted account failed.")

    transaction.on_commit(send)


def account_delete(*, user, password: str | None, reauthenticated: bool = False) -> None:
    """Delete the person's account and everything that is theirs, after their password
    (or, for an account without one, after allauth's re-authentication: `reauthenticated`)."""
    from hearth.insights.tallies import tallies_rebuild

    if not (reauthenticated and not user.has_usable_password()):
        _check_password(user=user, password=password)
    with transaction.atomic():
        membership, partner = membership_and_partner(user)
        if membership is not None:
            couple_unlink(user=user)
        couple_ids = list(Membership.objects.filter(user=user).values_list("couple_id", flat=True))
        _scrub_words_in_partner_rows(user=user, couple_ids=couple_ids)
        # What happened between the two (no words, only links to things now gone) ends with
        # the couple; nothing more reaches the partner about it.
        from hearth.core.models import Event
        from hearth.nudges.models import Notification

        Event.objects.filter(couple_id__in=couple_ids).delete()
        Notification.objects.filter(couple_id__in=couple_ids).delete()
        files = _photo_files(user=user)
        user_pk = user.pk
        sessions_end_all(user=user)
        # Rows the person wrote, was written to, or took part in cascade from here.
        user.delete()
        tallies_rebuild(Couple.objects.filter(pk__in=couple_ids))
        if partner is not None:
            _notify_partner(partner=partner)
        transaction.on_commit(lambda: _remove_files(files))
    logger.info("account %s deleted", user_pk)
