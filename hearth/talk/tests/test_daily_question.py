import threading
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection

from hearth.core.models import Event
from hearth.talk.models import Answer, DailyQuestion
from hearth.talk.selectors import archive, get_answer_for_user, question_view, with_answers
from hearth.talk.services import (
    SWAPS_PER_DAY,
    TalkError,
    answer_save,
    daily_question_for,
    daily_question_swap,
    reaction_set,
    reply_add,
)
from hearth.tests.factories import couple_of, make_questions

pytestmark = pytest.mark.django_db


@pytest.fixture
def couple(owner, partner):
    make_questions(40)
    return couple_of(owner)


def view_for(user, daily_question):
    loaded = with_answers(DailyQuestion.objects.filter(pk=daily_question.pk)).get()
    return question_view(loaded, user)


def test_it_gives_both_partners_the_same_question_once_a_day(couple):
    first = daily_question_for(couple=couple)
    assert daily_question_for(couple=couple) == first
    assert DailyQuestion.objects.count() == 1


def test_the_day_turns_at_midnight_where_the_couple_lives(couple, monkeypatch):
    couple.time_zone = "Pacific/Auckland"
    couple.save()
    # 11:30 UTC on 1 March is already 00:30 on 2 March in Auckland (UTC+13).
    monkeypatch.setattr(
        "django.utils.timezone.now", lambda: datetime(2026, 3, 1, 11, 30, tzinfo=UTC)
    )
    assert daily_question_for(couple=couple).day.isoformat() == "2026-03-02"


def test_no_question_repeats_within_a_year(owner, partner):
    make_questions(400)
    couple = couple_of(owner)
    start = couple.local_today()
    for offset in range(365):
        daily_question_for(couple=couple, day=start + timedelta(days=offset))
    asked = list(DailyQuestion.objects.values_list("question_id", flat=True))
    assert len(asked) == len(set(asked)) == 365


def test_swapping_gives_a_new_question_a_few_times_a_day(couple):
    seen = {daily_question_for(couple=couple).question_id}
    for _ in range(SWAPS_PER_DAY):
        seen.add(daily_question_swap(couple=couple).question_id)
    assert len(seen) == SWAPS_PER_DAY + 1
    with pytest.raises(TalkError) as refused:
        daily_question_swap(couple=couple)
    assert refused.value.code == "no_swaps_left"


def test_a_question_someone_answered_cannot_be_swapped(couple, owner):
    answer_save(user=owner, daily_question=daily_question_for(couple=couple), text="Mine.")
    with pytest.raises(TalkError) as refused:
        daily_question_swap(couple=couple)
    assert refused.value.code == "already_answered"


def test_answers_stay_private_until_both_have_answered(couple, owner, partner):
    question = daily_question_for(couple=couple)
    answer_save(user=owner, daily_question=question, text="The lighthouse at dusk.")
    seen_by_partner = view_for(partner, question)
    assert seen_by_partner.theirs is None
    assert seen_by_partner.partner_has_answered
    assert not seen_by_partner.revealed
    mine = Answer.objects.get(author=owner)
    with pytest.raises(Exception, match="No answer"):
        get_answer_for_user(partner, mine.pk)

    answer_save(user=partner, daily_question=question, text="The orchard in spring.")
    assert view_for(owner, question).theirs.text == "The orchard in spring."
    assert view_for(partner, question).theirs.text == "The lighthouse at dusk."


def test_an_answer_can_change_until_the_reveal_and_not_after(couple, owner, partner):
    question = daily_question_for(couple=couple)
    answer_save(user=owner, daily_question=question, text="First thought.")
    answer_save(user=owner, daily_question=question, text="Second thought.")
    assert Answer.objects.get(author=owner).text == "Second thought."
    answer_save(user=partner, daily_question=question, text="Mine.")
    with pytest.raises(TalkError) as refused:
        answer_save(user=owner, daily_question=question, text="Third thought.")
    assert refused.value.code == "revealed"
    assert Answer.objects.get(author=owner).text == "Second thought."


@pytest.mark.parametrize(
    ("text", "code"),
    [("", "empty"), ("   ", "empty"), ("x" * 4001, "invalid_text"), ("hi\x00", "invalid_text")],
)
def test_it_refuses_empty_oversized_or_control_character_answers(couple, owner, text, code):
    with pytest.raises(TalkError) as refused:
        answer_save(user=owner, daily_question=daily_question_for(couple=couple), text=text)
    assert refused.value.code == code
    assert not Answer.objects.exists()


def test_it_keeps_emoji_and_right_to_left_text(couple, owner):
    answer = answer_save(
        user=owner, daily_question=daily_question_for(couple=couple), text="البحر 🌊\nوالشمس"
    )
    assert answer.text == "البحر 🌊\nوالشمس"


def test_the_first_answer_tells_the_partner_without_the_words(couple, owner, partner):
    question = daily_question_for(couple=couple)
    answer_save(user=owner, daily_question=question, text="The lighthouse at dusk.")
    answer_save(user=owner, daily_question=question, text="An edit, no new event.")
    event = Event.objects.get()
    assert event.kind == Event.Kind.PARTNER_ANSWERED
    assert event.recipient == partner
    assert event.subject == f"talk.dailyquestion:{question.pk}"
    assert "lighthouse" not in str(event.__dict__)


def test_reactions_and_replies_come_after_the_reveal(couple, owner, partner):
    question = daily_question_for(couple=couple)
    theirs = answer_save(user=partner, daily_question=question, text="Theirs.")
    with pytest.raises(TalkError):
        reaction_set(user=owner, answer=theirs, kind="heart")
    mine = answer_save(user=owner, daily_question=question, text="Mine.")
    theirs = Answer.objects.get(pk=theirs.pk)  # as a page would load it, after the reveal
    assert reaction_set(user=owner, answer=theirs, kind="heart").emoji == "❤️"
    assert reaction_set(user=owner, answer=theirs, kind="hug").kind == "hug"  # changed, not added
    assert reaction_set(user=owner, answer=theirs, kind="") is None
    with pytest.raises(TalkError):
        reaction_set(user=owner, answer=mine, kind="heart")  # not one's own
    with pytest.raises(TalkError):
        reaction_set(user=owner, answer=theirs, kind="<script>")
    more = reply_add(user=owner, answer=theirs, text="", kind="more")
    reply = reply_add(user=partner, answer=theirs, text="Gladly: it was the smell of the sea.")
    assert list(theirs.replies.values_list("pk", flat=True)) == [more.pk, reply.pk]


def test_the_archive_search_never_matches_an_unrevealed_answer(couple, owner, partner):
    today = daily_question_for(couple=couple)
    answer_save(user=partner, daily_question=today, text="My secret about the blue notebook.")
    assert not archive(owner, search="blue notebook").exists()
    assert archive(partner, search="blue notebook").count() == 1
    answer_save(user=owner, daily_question=today, text="Mine.")
    assert archive(owner, search="blue notebook").count() == 1


@pytest.mark.django_db(transaction=True)
def test_partners_answering_at_the_same_moment_reveal_exactly_once(owner, partner):
    make_questions(10)
    question = daily_question_for(couple=couple_of(owner))
    barrier = threading.Barrier(2)
    errors: list[Exception] = []

    def answer(user, text):
        try:
            barrier.wait()
            answer_save(user=user, daily_question=question, text=text)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [
        threading.Thread(target=answer, args=(owner, "Mine.")),
        threading.Thread(target=answer, args=(partner, "Theirs.")),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    question.refresh_from_db()
    assert question.revealed_at is not None
    assert Answer.objects.count() == 2
    assert Event.objects.count() == 2


@pytest.mark.django_db(transaction=True)
def test_partners_opening_the_page_at_the_same_moment_get_one_question(owner, partner):
    make_questions(10)
    couple = couple_of(owner)
    barrier = threading.Barrier(2)
    chosen: list[int] = []

    def open_today():
        barrier.wait()
        chosen.append(daily_question_for(couple=couple).pk)
        connection.close()

    threads = [threading.Thread(target=open_today) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(chosen)) == 1
    assert DailyQuestion.objects.count() == 1
