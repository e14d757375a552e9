"""seed_demo's Support activity: what Alex and Sam find when they look around, and rows that
keep the same rules as the ones the services write."""

import importlib.util
import random
import statistics
import tomllib
import zoneinfo
from collections import Counter
from datetime import datetime, timedelta
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import escape

from hearth.accounts.models import User
from hearth.conftest_helpers import login_client
from hearth.core.models import Event
from hearth.couples.models import Couple, Membership
from hearth.support import demo, services
from hearth.support.models import Bid, CheckIn, Cheer, GoodNews, Guess, Need, NeedsMap
from hearth.talk.models import Answer
from hearth.tests.factories import bulk_couples, couple_of


def at(moment: datetime | None) -> datetime:
    """A moment the test expects to be there."""
    assert moment is not None
    return moment


pytestmark = pytest.mark.django_db

WEEKS = 8
COUPLE_MODELS = (CheckIn, Bid, GoodNews, Cheer, Guess)
TEXT = tomllib.loads((Path(demo.__file__).parent / "demo_text.toml").read_text())
CONTENT = Path(demo.__file__).parent / "content"
QUESTIONS = Path(demo.__file__).parent.parent / "talk" / "content" / "questions"
PRESETS = {"talk", "hard_day", "hug", "miss_you", "help"}


def seed(*args) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def demo_couple():
    seed("--weeks", str(WEEKS))
    alex = User.objects.get(email="alex@demo.hearth")
    sam = User.objects.get(email="sam@demo.hearth")
    return alex, sam, couple_of(alex)


def local_day(moment, couple):
    return timezone.localdate(moment, zoneinfo.ZoneInfo(couple.time_zone))


def mean_length(lines) -> float:
    return statistics.mean(len(line) for line in lines)


def wanted_space(user, at, couple) -> bool:
    """As services.wants_space sees it, at that moment."""
    latest = (
        CheckIn.objects.filter(
            couple=couple,
            author=user,
            shared=True,
            created_at__gte=at - services.SPACE_LASTS,
            created_at__lte=at,
        )
        .order_by("-created_at")
        .first()
    )
    return latest is not None and latest.need == Need.SPACE


def test_the_demo_text_is_varied_in_two_voices_and_written_to_the_real_wheel():
    wheel = {
        item["key"]: item
        for item in tomllib.loads((CONTENT / "feelings.toml").read_text())["feeling"]
    }
    categories = {
        item["category"]
        for path in QUESTIONS.glob("*.toml")
        for item in tomllib.loads(path.read_text())["question"]
    }
    for voice in ("alex", "sam"):
        person = TEXT[voice]
        check_ins = person["check_in"] + person["space"]
        assert {entry["feeling"] for entry in check_ins} <= set(wheel), voice
        assert {wheel[entry["feeling"]]["level"] for entry in check_ins} == {1, 2, 3}
        needs = Counter(entry["need"] for entry in person["check_in"])
        assert set(needs) == set(Need.values), voice
        assert {"comfort", "listen"} <= {need for need, _ in needs.most_common(3)}, needs
        assert {entry["intensity"] for entry in person["check_in"]} >= {1, 2, 3, 4}
        assert sum("note" in entry for entry in person["check_in"]) < len(person["check_in"])
        assert len(person["check_in"]) >= 25 and len(person["news"]) >= 10
        assert {entry["kind"] for entry in person["bid"]} == PRESETS | {"custom"}
        assert set(person["guess"]) == categories
        assert len({entry["text"] for entry in person["news"]}) == len(person["news"])
    # Two voices: Alex writes long and open, Sam short and dry (also in what each answers).
    alex, sam = TEXT["alex"], TEXT["sam"]

    def notes(person):
        return [entry["note"] for entry in person["check_in"] if "note" in entry]

    assert mean_length(notes(alex)) > 2 * mean_length(notes(sam))
    assert mean_length(alex["needs_map"].values()) > 2 * mean_length(sam["needs_map"].values())
    assert mean_length(e["text"] for e in alex["news"]) > 2 * mean_length(
        e["text"] for e in sam["news"]
    )
    # Cheers are the other one's words: Alex answers Sam's news, at length.
    assert mean_length(e["cheer"] for e in sam["news"]) > 2 * mean_length(
        e["cheer"] for e in alex["news"]
    )
    alex_guesses = [line for lines in alex["guess"].values() for line in lines]
    sam_guesses = [line for lines in sam["guess"].values() for line in lines]
    assert mean_length(alex_guesses) > 2 * mean_length(sam_guesses)
    # Benchmark couples are not called Alex and Sam.
    for rows in (demo.BULK_CHECK_INS, demo.BULK_BIDS, demo.BULK_NEWS, demo.BULK_NEEDS_MAPS):
        assert rows
        for row in rows:
            assert not any("Alex" in str(v) or "Sam" in str(v) for v in row.values())


def test_both_check_in_alex_most_days_and_about_half_shared(demo_couple):
    alex, sam, couple = demo_couple
    today = couple.local_today()
    # Before today began (Sam's check-in this morning is today's, whatever the hour now).
    midnight = datetime.combine(today, datetime.min.time(), zoneinfo.ZoneInfo(couple.time_zone))
    past = CheckIn.objects.filter(couple=couple, created_at__lt=midnight)
    mine, hers = past.filter(author=alex), past.filter(author=sam)
    assert 4 * WEEKS <= mine.count() <= 7 * WEEKS
    assert 2 * WEEKS - 2 <= hers.count() <= 4 * WEEKS + 1
    for person in (alex, sam):
        days = [
            local_day(at, couple)
            for at in past.filter(author=person).values_list("created_at", flat=True)
        ]
        assert len(days) == len(set(days)), "one check-in a day at most"
        assert all(day < today for day in days)
        shared = past.filter(author=person, shared=True).count()
        assert 0.3 <= shared / past.filter(author=person).count() <= 0.7
    assert 0.35 <= past.filter(shared=True).count() / past.count() <= 0.65
    # From the whole wheel, at all three levels, all seven needs, comfort and listen often.
    assert set(past.values_list("feeling__level", flat=True)) == {1, 2, 3}
    assert len(set(past.values_list("feeling", flat=True))) >= 25
    needs = Counter(past.values_list("need", flat=True))
    assert set(needs) == set(Need.values)
    assert needs["comfort"] >= past.count() / 10 and needs["listen"] >= past.count() / 10
    assert len(set(past.values_list("intensity", flat=True))) >= 4
    assert all(1 <= value <= 5 for value in past.values_list("intensity", flat=True))
    # Notes sometimes, not always.
    assert past.exclude(note="").exists() and past.filter(note="").exists()
    for check_in in past:
        assert couple.created_at <= check_in.created_at


def test_sams_private_check_ins_stay_hers(demo_couple):
    alex, sam, couple = demo_couple
    private = CheckIn.objects.filter(couple=couple, author=sam, shared=False)
    assert private.exists()
    seen = services.check_ins_visible_to(alex, couple)
    assert not seen.filter(author=sam, shared=False).exists()
    assert set(seen.filter(author=sam)) == set(
        CheckIn.objects.filter(couple=couple, author=sam, shared=True)
    )
    assert seen.filter(author=alex, shared=False).exists()  # Alex's own, private or not
    assert not services.check_ins_visible_to(sam, couple).filter(author=alex, shared=False)


def test_shared_check_ins_are_mostly_answered_by_the_other_in_a_few_words(demo_couple):
    alex, sam, couple = demo_couple
    now = timezone.now()
    check_ins = CheckIn.objects.filter(couple=couple).select_related("feeling")
    assert not check_ins.filter(shared=False).exclude(reply="").exists()
    assert not check_ins.filter(shared=False, replied_at__isnull=False).exists()
    shared = check_ins.filter(shared=True, created_at__lt=now - timedelta(hours=6))
    replied = shared.filter(replied_at__isnull=False)
    assert replied.count() >= 0.6 * shared.count()
    assert shared.filter(replied_at__isnull=True).exists()
    voices = {alex.pk: "alex", sam.pk: "sam"}
    for check_in in replied:
        assert check_in.created_at < at(check_in.replied_at) <= now
        # Within minutes or hours (the next morning, for one shared late at night).
        assert at(check_in.replied_at) - check_in.created_at <= timedelta(hours=16)
        assert 0 < len(check_in.reply) <= services.REPLY_MAX
        # In the other one's words.
        other = "sam" if voices[check_in.author_id] == "alex" else "alex"
        assert check_in.reply in {line for lines in TEXT[other]["reply"].values() for line in lines}
        assert check_in.reply not in {
            line for lines in TEXT[voices[check_in.author_id]]["reply"].values() for line in lines
        }


def test_this_morning_sam_is_waiting_for_alex(demo_couple):
    alex, sam, couple = demo_couple
    today = couple.local_today()
    now = timezone.now()
    check_in = CheckIn.objects.filter(couple=couple).latest("created_at")
    assert check_in.author == sam and check_in.shared and check_in.need == Need.COMFORT
    assert check_in.replied_at is None and check_in.reply == ""
    assert local_day(check_in.created_at, couple) == today and check_in.created_at <= now
    bid = Bid.objects.filter(couple=couple).latest("created_at")
    assert bid.author == sam and bid.kind == "hard_day" and bid.answered_at is None
    assert not bid.quiet and local_day(bid.created_at, couple) == today
    assert check_in.created_at <= bid.created_at <= now
    # Alex was told about both, as the services tell people.
    for kind, subject in (
        (Event.Kind.CHECK_IN_SHARED, f"support.checkin:{check_in.pk}"),
        (Event.Kind.BID_RECEIVED, f"support.bid:{bid.pk}"),
    ):
        assert Event.objects.filter(kind=kind, recipient=alex, subject=subject).exists(), kind
    # Nothing else of Alex's to turn toward today: the rest were answered or are older.
    unanswered = CheckIn.objects.filter(couple=couple, shared=True, replied_at__isnull=True)
    assert unanswered.exclude(author=alex).latest("created_at") == check_in


def test_bids_both_ways_mostly_turned_toward_at_once(demo_couple):
    alex, sam, couple = demo_couple
    now = timezone.now()
    bids = Bid.objects.filter(couple=couple)
    assert 3 * WEEKS - 3 <= bids.count() <= 6 * WEEKS + 4
    for person in (alex, sam):
        assert bids.filter(author=person).count() >= 1.5 * WEEKS
    kinds = Counter(bids.values_list("kind", flat=True))
    assert set(kinds) >= PRESETS and kinds["custom"] >= 2
    assert not bids.filter(kind="custom", text="").exists()
    assert all(len(text) <= services.BID_MAX for text in bids.values_list("text", flat=True))
    answered_now = bids.filter(answer=Bid.Answer.NOW, quiet=False)
    later = bids.filter(answer=Bid.Answer.LATER)
    never = bids.filter(answered_at__isnull=True)
    assert answered_now.count() > bids.count() / 2
    assert later.count() >= 2 and never.count() >= 2
    assert not never.exclude(answer="").exists() and not never.exclude(reply="").exists()
    waits = [at(bid.answered_at) - bid.created_at for bid in answered_now]
    assert sorted(waits)[len(waits) // 2] <= timedelta(minutes=15)  # the median
    assert max(waits) <= timedelta(hours=1)
    for bid in bids.exclude(answered_at__isnull=True):
        assert bid.created_at < at(bid.answered_at) <= now and bid.reply
    for bid in later:
        assert at(bid.answered_at) - bid.created_at <= timedelta(minutes=30)
        assert timedelta(hours=1) < at(bid.later_at) - at(bid.answered_at) <= timedelta(hours=6)
    assert not bids.exclude(answer=Bid.Answer.LATER).filter(later_at__isnull=False).exists()
    for bid in bids:
        assert couple.created_at <= bid.created_at <= now


def test_bids_were_quiet_exactly_while_the_other_had_asked_for_space(demo_couple):
    alex, sam, couple = demo_couple
    people = {alex.pk: sam, sam.pk: alex}
    space = CheckIn.objects.filter(couple=couple, shared=True, need=Need.SPACE)
    assert {check_in.author_id for check_in in space} == {alex.pk, sam.pk}
    quiet = Bid.objects.filter(couple=couple, quiet=True)
    assert 2 <= quiet.count() <= 4
    for bid in Bid.objects.filter(couple=couple):
        assert bid.quiet == wanted_space(people[bid.author_id], bid.created_at, couple), bid.pk
    # Answered once they came back, a while later.
    for bid in quiet:
        assert bid.answer == Bid.Answer.NOW and at(bid.answered_at) - bid.created_at >= timedelta(
            hours=1
        )
    # Asking for space privately keeps nothing quiet; and no one's asking right now.
    assert CheckIn.objects.filter(couple=couple, shared=False, need=Need.SPACE).exists()
    assert not services.wants_space(alex, couple) and not services.wants_space(sam, couple)


def test_both_needs_maps_are_filled_in_in_their_own_words(demo_couple):
    alex, sam, couple = demo_couple
    maps = {person: services.needs_map_of(person) for person in (alex, sam)}
    for person, needs_map in maps.items():
        assert needs_map is not None, person
        for section in services.NEEDS_SECTIONS:
            assert 20 < len(getattr(needs_map, section)) <= services.NEEDS_MAP_MAX
        assert couple.created_at <= needs_map.updated_at <= timezone.now()
    assert "guitar" in maps[alex].signs and "singing" in maps[sam].signs
    assert len(maps[alex].comforts) > 2 * len(maps[sam].stressed)


def test_good_news_both_ways_met_actively(demo_couple):
    alex, sam, couple = demo_couple
    news = GoodNews.objects.filter(couple=couple).prefetch_related("cheers")
    assert WEEKS // 2 <= news.count() <= 2 * WEEKS
    assert {item.author_id for item in news} == {alex.pk, sam.pk}
    cheers = Cheer.objects.filter(couple=couple).select_related("news")
    assert cheers.count() >= news.count() - 1
    assert set(cheers.values_list("way", flat=True)) == set(Cheer.Way.values)
    for cheer in cheers:
        assert cheer.author_id != cheer.news.author_id
        assert cheer.author_id in (alex.pk, sam.pk)
        assert cheer.news.created_at < cheer.created_at <= timezone.now()
    # One or two flat answers, each followed by a better one from the same person.
    flat = [cheer for cheer in cheers if services.looks_passive(cheer.text)]
    assert 1 <= len(flat) <= 2
    for cheer in flat:
        after = cheer.news.cheers.filter(author=cheer.author, created_at__gt=cheer.created_at)
        assert after.exists() and not services.looks_passive(after.first().text)
    assert len(flat) < cheers.count() / 4


def test_love_map_guesses_both_ways_most_marked(demo_couple):
    alex, sam, couple = demo_couple
    now = timezone.now()
    guesses = Guess.objects.filter(couple=couple).select_related("daily_question")
    assert {guess.author_id for guess in guesses} == {alex.pk, sam.pk}
    for person, partner in ((alex, sam), (sam, alex)):
        mine = guesses.filter(author=person)
        assert mine.count() >= 2
        assert set(mine.values_list("about", flat=True)) == {partner.pk}
        questions = list(mine.values_list("daily_question", flat=True))
        assert len(questions) == len(set(questions))
        close, marked = services.love_map_sense(couple, person)
        assert marked >= mine.count() / 2 and close <= marked
    for guess in guesses:
        question = guess.daily_question
        assert question.couple_id == couple.pk and question.revealed_at is not None
        assert question.revealed_at + services.GUESS_AFTER <= guess.created_at <= now
        assert Answer.objects.filter(daily_question=question, author=guess.about).exists()
        if guess.closeness:
            assert guess.created_at < at(guess.marked_at) <= now
        else:
            assert guess.marked_at is None
    assert len(set(guesses.exclude(closeness="").values_list("closeness", flat=True))) == 3


def test_every_row_is_the_couples_own(demo_couple):
    alex, sam, couple = demo_couple
    seed("--couples", "30", "--weeks", "2")
    members: dict[int, set[int]] = {}
    for couple_id, user_id in Membership.objects.values_list("couple_id", "user_id"):
        members.setdefault(couple_id, set()).add(user_id)
    assert members[couple.pk] == {alex.pk, sam.pk}
    ours = {alex.pk, sam.pk}
    for model in COUPLE_MODELS:
        assert model.objects.filter(couple=couple).exists(), model.__name__
        rows = model.objects.filter(author__in=ours)
        assert set(rows.values_list("couple", flat=True)) == {couple.pk}, model.__name__
        for couple_id, author_id in model.objects.values_list("couple_id", "author_id"):
            assert author_id in members[couple_id], model.__name__
    for cheer in Cheer.objects.select_related("news"):
        assert cheer.couple_id == cheer.news.couple_id and cheer.author_id != cheer.news.author_id
    for guess in Guess.objects.select_related("daily_question"):
        assert guess.couple_id == guess.daily_question.couple_id
        assert {guess.author_id, guess.about_id} == members[guess.couple_id]
    for check_in in CheckIn.objects.exclude(reply=""):
        assert check_in.shared


def test_benchmark_couples_each_have_support_rows():
    seed("--couples", "30", "--weeks", "2")
    bench = Couple.objects.filter(memberships__user__email__endswith="@bench.hearth").distinct()
    assert bench.count() == 30
    now = timezone.now()
    with_maps = 0
    for couple in bench:
        people = set(couple.memberships.values_list("user_id", flat=True))
        check_ins = CheckIn.objects.filter(couple=couple)
        assert check_ins.count() == 3
        assert set(check_ins.values_list("author", flat=True)) <= people
        shared = check_ins.get(shared=True)
        assert shared.reply and shared.created_at < at(shared.replied_at) < now
        assert not check_ins.filter(shared=False).exclude(reply="").exists()
        bids = Bid.objects.filter(couple=couple)
        assert bids.count() == 2
        for bid in bids:
            assert bid.author_id in people and bid.answer == Bid.Answer.NOW and not bid.quiet
            assert couple.created_at <= bid.created_at < at(bid.answered_at) < now
        news = GoodNews.objects.get(couple=couple)
        cheer = Cheer.objects.get(couple=couple)
        assert cheer.news == news and {news.author_id, cheer.author_id} == people
        with_maps += NeedsMap.objects.filter(user__in=people).count()
    assert 10 <= with_maps <= 50  # about half of the 60 people


def test_bulk_seeding_takes_the_same_few_queries_for_any_number_of_couples(
    django_assert_max_num_queries,
):
    seed("--weeks", "0")  # the content libraries
    since = timezone.now() - timedelta(weeks=4)
    for size in (10, 400):
        couples = bulk_couples(size, since=since, prefix="q")
        with django_assert_max_num_queries(7):
            demo.seed_bulk(couples=couples, weeks=4, rng=random.Random(size))
        assert CheckIn.objects.filter(couple__in=couples).count() == 3 * size
        assert Cheer.objects.filter(couple__in=couples).count() == size


def test_seeding_the_demo_couple_again_changes_nothing(demo_couple):
    alex, sam, couple = demo_couple
    models = (*COUPLE_MODELS, NeedsMap, Event)
    counts = {model.__name__: model.objects.count() for model in models}
    demo.seed_demo_couple(couple=couple, first=alex, second=sam, weeks=WEEKS, rng=random.Random(1))
    assert {model.__name__: model.objects.count() for model in models} == counts


def test_alex_finds_the_support_page(demo_couple):
    alex, _sam, _couple = demo_couple
    try:
        home = reverse("support:home")
    except NoReverseMatch:
        pytest.skip("The Support pages are not there yet.")
    client = login_client(alex)
    assert client.get(home).status_code == 200
    if importlib.util.find_spec("hearth.support.today") is not None:
        # On Today, Sam's bid from this morning is waiting for Alex.
        page = client.get(reverse("today")).content.decode()
        assert escape(TEXT["sam"]["today"]["bid_text"]) in page
