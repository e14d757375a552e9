"""What my partner can see (PRODUCT D1): every kind of thing in Hearth, in one list.

The page /settings/privacy/ is drawn from KINDS, and so is the small "Shared with …" or
"Only you" line beside each form where something is written (`{% seen_by "notes" %}`).
A test fails when a couple-owned model is missing here, so the list cannot fall behind.
Texts are for people (marked with gettext_lazy, translated when shown) and may name the
partner with "%(partner)s".
"""

from dataclasses import dataclass
from enum import StrEnum

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Seen(StrEnum):
    ALWAYS = "always"
    WHEN_SHARED = "when_shared"
    NEVER = "never"


SEEN_LABELS = {
    Seen.ALWAYS: _("Always"),
    Seen.WHEN_SHARED: _("Only when you share it"),
    Seen.NEVER: _("Never"),
}
BADGES = {
    Seen.ALWAYS: _("Shared with %(partner)s"),
    Seen.WHEN_SHARED: _("Only you, unless you share it"),
    Seen.NEVER: _("Only you"),
}


@dataclass(frozen=True)
class Kind:
    key: str
    label: str | Promise
    area: str | Promise
    seen: Seen
    # What the partner sees and when, in plain words.
    detail: str | Promise
    # The page where it is written, shared, taken back or deleted.
    change_url: str
    change_label: str | Promise
    # The models holding it ("app_label.ModelName"); empty for account details.
    models: tuple[str, ...] = ()
    # The line beside the form, and the answer to "does my partner see it?", when the
    # defaults for `seen` are not precise enough.
    badge: str | Promise = ""
    when: str | Promise = ""

    @property
    def seen_label(self) -> str:
        return str(self.when or SEEN_LABELS[self.seen])

    def badge_for(self, partner_name: str) -> str:
        return str(self.badge or BADGES[self.seen]) % {"partner": partner_name}

    def detail_for(self, partner_name: str) -> str:
        return str(self.detail) % {"partner": partner_name}


KINDS: tuple[Kind, ...] = (
    # Talk
    Kind(
        "answers",
        _("Answers to the daily question"),
        _("Talk"),
        Seen.WHEN_SHARED,
        _(
            "Private until you have both answered that day's question; from then on each of "
            "you sees the other's answer. %(partner)s can tell you have answered, never what you "
            "wrote, until they answer too."
        ),
        "talk:home",
        _("Today's question"),
        ("talk.DailyQuestion", "talk.Answer"),
        badge=_("Only you until %(partner)s answers too"),
        when=_("Once you have both answered"),
    ),
    Kind(
        "replies",
        _("Reactions and replies to answers"),
        _("Talk"),
        Seen.ALWAYS,
        _("A reaction or reply goes to %(partner)s at once."),
        "talk:archive",
        _("Past answers"),
        ("talk.Reaction", "talk.Reply"),
    ),
    Kind(
        "listening",
        _("Listening sessions"),
        _("Talk"),
        Seen.ALWAYS,
        _("You do these together: both of you see every step."),
        "talk:listening",
        _("Listening"),
        ("talk.ListeningSession", "talk.ListeningStep"),
    ),
    Kind(
        "breaks",
        _("Breaks (“I'm flooded”)"),
        _("Talk"),
        Seen.ALWAYS,
        _("%(partner)s is told that you asked for a break, and when it ends. No reason is shared."),
        "talk:timeout",
        _("Take a break"),
        ("talk.Timeout",),
    ),
    Kind(
        "debriefs",
        _("After-conflict debriefs"),
        _("Talk"),
        Seen.WHEN_SHARED,
        _("Private unless you share one; you can share it later."),
        "talk:debriefs",
        _("Debriefs"),
        ("talk.Debrief",),
    ),
    Kind(
        "coach",
        _("The message coach"),
        _("Talk"),
        Seen.NEVER,
        _(
            "Drafts the coach reads are never kept. When a message it found harsh is sent anyway, "
            "only that it happened is counted in your shared Connection Index, never the words."
        ),
        "talk:home",
        _("Talk"),
        ("talk.HarshMoment",),
    ),
    # Together
    Kind(
        "dates",
        _("Dates"),
        _("Together"),
        Seen.ALWAYS,
        _("A date you suggest goes to %(partner)s to accept, decline or move."),
        "together:dates",
        _("Dates"),
        ("together.DatePlan",),
    ),
    Kind(
        "rituals",
        _("Rituals"),
        _("Together"),
        Seen.ALWAYS,
        _("Rituals belong to both of you, and so do skipped days."),
        "together:rituals",
        _("Rituals"),
        ("together.Ritual", "together.RitualSkip"),
    ),
    Kind(
        "present",
        _("Phones away"),
        _("Together"),
        Seen.ALWAYS,
        _("%(partner)s sees that you started or joined, and the minutes you spent together."),
        "together:present",
        _("Phones away"),
        ("together.PresentSession",),
    ),
    Kind(
        "bucket",
        _("The bucket list"),
        _("Together"),
        Seen.ALWAYS,
        _("The list is shared: both of you add to it and take things off."),
        "together:bucket",
        _("Bucket list"),
        ("together.BucketItem",),
    ),
    Kind(
        "memories",
        _("Memories, reflections and photos"),
        _("Together"),
        Seen.ALWAYS,
        _(
            "Memories are shared, with what each of you loved and every photo. Photos are kept "
            "on your Hearth server, without location data."
        ),
        "together:memories",
        _("Memories"),
        ("together.Memory", "together.Reflection", "together.Photo"),
    ),
    Kind(
        "calendar",
        _("Your calendar address"),
        _("Together"),
        Seen.NEVER,
        _("Your secret calendar address is yours alone; %(partner)s has their own."),
        "together:calendar",
        _("Calendar"),
        ("together.CalendarFeed",),
    ),
    # Appreciate
    Kind(
        "notes",
        _("Appreciation notes"),
        _("Appreciate"),
        Seen.ALWAYS,
        _(
            "A note goes to %(partner)s at once. You see how they reacted; whether they keep it "
            "for hard days stays theirs."
        ),
        "appreciate:sent",
        _("Notes you've sent"),
        ("appreciate.Note",),
    ),
    Kind(
        "gestures",
        _("Gestures"),
        _("Appreciate"),
        Seen.ALWAYS,
        _("Gestures you log are shown to %(partner)s, who can say they noticed."),
        "appreciate:gestures",
        _("Gestures"),
        ("appreciate.Gesture",),
    ),
    Kind(
        "styles",
        _("Appreciation styles and favourites"),
        _("Appreciate"),
        Seen.ALWAYS,
        _("%(partner)s reads your ratings and favourites as a guide to you."),
        "appreciate:styles",
        _("Appreciation styles"),
        ("appreciate.StyleRatings", "appreciate.Favourite"),
    ),
    Kind(
        "suggestions",
        _("Gesture ideas Hearth suggests to you"),
        _("Appreciate"),
        Seen.NEVER,
        _("Ideas are for you alone. Only a gesture you log is shown."),
        "appreciate:home",
        _("Appreciate"),
        ("appreciate.Suggestion",),
    ),
    Kind(
        "journal",
        _("Gratitude journal"),
        _("Appreciate"),
        Seen.WHEN_SHARED,
        _("Private unless you share an entry; you can make it private again."),
        "appreciate:journal",
        _("Journal"),
        ("appreciate.JournalEntry",),
    ),
    # Trust
    Kind(
        "promises",
        _("Promises"),
        _("Trust"),
        Seen.ALWAYS,
        _(
            "Promises are between you: %(partner)s sees them and can confirm one was kept. "
            "How reliable you have been is shown only to you."
        ),
        "trust:promises",
        _("Promises"),
        ("trust.Promise",),
    ),
    Kind(
        "rounds",
        _("Sharing rounds"),
        _("Trust"),
        Seen.ALWAYS,
        _(
            "Each share is your choice: you may pass. What you share, %(partner)s reads; taking it "
            "back erases the words."
        ),
        "trust:sharing",
        _("Sharing rounds"),
        ("trust.Round", "trust.Share", "trust.ShareResponse"),
    ),
    Kind(
        "apologies",
        _("Apologies"),
        _("Trust"),
        Seen.ALWAYS,
        _("An apology goes to %(partner)s, who can accept it, ask for time or ask to talk."),
        "trust:repair",
        _("Repair"),
        ("trust.Apology",),
    ),
    # Support
    Kind(
        "check_ins",
        _("Check-ins"),
        _("Support"),
        Seen.WHEN_SHARED,
        _("Each check-in is private unless you choose “Share with %(partner)s”."),
        "support:history",
        _("Check-ins so far"),
        ("support.CheckIn",),
    ),
    Kind(
        "bids",
        _("Bids (“can we talk?”)"),
        _("Support"),
        Seen.ALWAYS,
        _("A bid goes to %(partner)s. While they have asked for space it waits quietly."),
        "support:home",
        _("Support"),
        ("support.Bid",),
    ),
    Kind(
        "needs_map",
        _("Your needs map"),
        _("Support"),
        Seen.ALWAYS,
        _("%(partner)s reads your needs map as a guide to what helps you."),
        "support:needs_map",
        _("Needs maps"),
        ("support.NeedsMap",),
    ),
    Kind(
        "good_news",
        _("Good news"),
        _("Support"),
        Seen.ALWAYS,
        _("Good news goes to %(partner)s, and so does your answer to theirs."),
        "support:good_news",
        _("Good news"),
        ("support.GoodNews", "support.Cheer"),
    ),
    Kind(
        "guesses",
        _("Love-map guesses"),
        _("Support"),
        Seen.ALWAYS,
        _("%(partner)s sees each guess about them and marks how close it came."),
        "support:love_map",
        _("Love map"),
        ("support.Guess",),
    ),
    # Insights and nudges
    Kind(
        "insights",
        _("Connection Index and weekly report"),
        _("Insights"),
        Seen.ALWAYS,
        _(
            "Both of you see the same figures, made from counts of what you did together. They "
            "hold no words, nothing private, and never compare you with each other."
        ),
        "insights:home",
        _("Insights"),
        ("insights.DayTally",),
    ),
    Kind(
        "pulse",
        _("Monthly pulse"),
        _("Insights"),
        Seen.NEVER,
        _(
            "Your pulse answers are yours alone; %(partner)s never sees them or whether you "
            "answered."
        ),
        "insights:pulse",
        _("Monthly pulse"),
        ("insights.Pulse",),
    ),
    Kind(
        "notifications",
        _("Your nudges and notification settings"),
        _("Nudges"),
        Seen.NEVER,
        _(
            "Only you see your nudges, your choices and your quiet hours. Hearth never tells "
            "%(partner)s whether or when you looked at anything."
        ),
        "nudges:settings",
        _("Nudge settings"),
        ("nudges.Notification", "nudges.NudgePreferences", "core.Event"),
    ),
    Kind(
        "waves",
        _("“Thinking of you”"),
        _("Nudges"),
        Seen.ALWAYS,
        _("A wave goes to %(partner)s: a few a day at most."),
        "nudges:home",
        _("Nudges"),
        ("core.Event",),
    ),
    # The account
    Kind(
        "profile",
        _("Your name and pronouns"),
        _("Account"),
        Seen.ALWAYS,
        _("%(partner)s sees the name and pronouns you set."),
        "accounts:settings",
        _("Settings"),
    ),
    Kind(
        "account",
        _("E-mail, password, sign-ins, devices and API tokens"),
        _("Account"),
        Seen.NEVER,
        _("Never shown to %(partner)s, and Hearth never shows %(partner)s when you last used it."),
        "accounts:settings",
        _("Settings"),
    ),
)


def kind(key: str) -> Kind:
    for item in KINDS:
        if item.key == key:
            return item
    raise KeyError(f"No kind {key!r} in hearth.accounts.visibility.KINDS")


def model_labels() -> set[str]:
    """Every model named in KINDS, as "app_label.ModelName"."""
    return {label for item in KINDS for label in item.models}
