"""What my partner can see (PRODUCT D1): every kind of thing in Hearth, in one list.

The page /settings/privacy/ is drawn from KINDS, and so is the small "Shared with …" or
"Only you" line beside each form where something is written (`{% seen_by "notes" %}`).
A test fails when a couple-owned model is missing here, so the list cannot fall behind.
Texts may name the partner with "{partner}".
"""

from dataclasses import dataclass
from enum import StrEnum


class Seen(StrEnum):
    ALWAYS = "always"
    WHEN_SHARED = "when_shared"
    NEVER = "never"


SEEN_LABELS = {
    Seen.ALWAYS: "Always",
    Seen.WHEN_SHARED: "Only when you share it",
    Seen.NEVER: "Never",
}
BADGES = {
    Seen.ALWAYS: "Shared with {partner}",
    Seen.WHEN_SHARED: "Only you, unless you share it",
    Seen.NEVER: "Only you",
}


@dataclass(frozen=True)
class Kind:
    key: str
    label: str
    area: str
    seen: Seen
    # What the partner sees and when, in plain words.
    detail: str
    # The page where it is written, shared, taken back or deleted.
    change_url: str
    change_label: str
    # The models holding it ("app_label.ModelName"); empty for account details.
    models: tuple[str, ...] = ()
    # The line beside the form, and the answer to "does my partner see it?", when the
    # defaults for `seen` are not precise enough.
    badge: str = ""
    when: str = ""

    @property
    def seen_label(self) -> str:
        return self.when or SEEN_LABELS[self.seen]

    def badge_for(self, partner_name: str) -> str:
        return (self.badge or BADGES[self.seen]).format(partner=partner_name)

    def detail_for(self, partner_name: str) -> str:
        return self.detail.format(partner=partner_name)


KINDS: tuple[Kind, ...] = (
    # Talk
    Kind(
        "answers",
        "Answers to the daily question",
        "Talk",
        Seen.WHEN_SHARED,
        "Private until you have both answered that day's question; from then on each of you "
        "sees the other's answer. {partner} can tell you have answered, never what you wrote, "
        "until they answer too.",
        "talk:home",
        "Today's question",
        ("talk.DailyQuestion", "talk.Answer"),
        badge="Only you until {partner} answers too",
        when="Once you have both answered",
    ),
    Kind(
        "replies",
        "Reactions and replies to answers",
        "Talk",
        Seen.ALWAYS,
        "A reaction or reply goes to {partner} at once.",
        "talk:archive",
        "Past answers",
        ("talk.Reaction", "talk.Reply"),
    ),
    Kind(
        "listening",
        "Listening sessions",
        "Talk",
        Seen.ALWAYS,
        "You do these together: both of you see every step.",
        "talk:listening",
        "Listening",
        ("talk.ListeningSession", "talk.ListeningStep"),
    ),
    Kind(
        "breaks",
        "Breaks (“I'm flooded”)",
        "Talk",
        Seen.ALWAYS,
        "{partner} is told that you asked for a break, and when it ends. No reason is shared.",
        "talk:timeout",
        "Take a break",
        ("talk.Timeout",),
    ),
    Kind(
        "debriefs",
        "After-conflict debriefs",
        "Talk",
        Seen.WHEN_SHARED,
        "Private unless you share one; you can share it later.",
        "talk:debriefs",
        "Debriefs",
        ("talk.Debrief",),
    ),
    Kind(
        "coach",
        "The message coach",
        "Talk",
        Seen.NEVER,
        "Drafts the coach reads are never kept. When a message it found harsh is sent anyway, "
        "only that it happened is counted in your shared Connection Index, never the words.",
        "talk:home",
        "Talk",
        ("talk.HarshMoment",),
    ),
    # Together
    Kind(
        "dates",
        "Dates",
        "Together",
        Seen.ALWAYS,
        "A date you suggest goes to {partner} to accept, decline or move.",
        "together:dates",
        "Dates",
        ("together.DatePlan",),
    ),
    Kind(
        "rituals",
        "Rituals",
        "Together",
        Seen.ALWAYS,
        "Rituals belong to both of you, and so do skipped days.",
        "together:rituals",
        "Rituals",
        ("together.Ritual", "together.RitualSkip"),
    ),
    Kind(
        "present",
        "Phones away",
        "Together",
        Seen.ALWAYS,
        "{partner} sees that you started or joined, and the minutes you spent together.",
        "together:present",
        "Phones away",
        ("together.PresentSession",),
    ),
    Kind(
        "bucket",
        "The bucket list",
        "Together",
        Seen.ALWAYS,
        "The list is shared: both of you add to it and take things off.",
        "together:bucket",
        "Bucket list",
        ("together.BucketItem",),
    ),
    Kind(
        "memories",
        "Memories, reflections and photos",
        "Together",
        Seen.ALWAYS,
        "Memories are shared, with what each of you loved and every photo. Photos are kept "
        "on your Hearth server, without location data.",
        "together:memories",
        "Memories",
        ("together.Memory", "together.Reflection", "together.Photo"),
    ),
    Kind(
        "calendar",
        "Your calendar address",
        "Together",
        Seen.NEVER,
        "Your secret calendar address is yours alone; {partner} has their own.",
        "together:calendar",
        "Calendar",
        ("together.CalendarFeed",),
    ),
    # Appreciate
    Kind(
        "notes",
        "Appreciation notes",
        "Appreciate",
        Seen.ALWAYS,
        "A note goes to {partner} at once. You see how they reacted; whether they keep it for "
        "hard days stays theirs.",
        "appreciate:sent",
        "Notes you've sent",
        ("appreciate.Note",),
    ),
    Kind(
        "gestures",
        "Gestures",
        "Appreciate",
        Seen.ALWAYS,
        "Gestures you log are shown to {partner}, who can say they noticed.",
        "appreciate:gestures",
        "Gestures",
        ("appreciate.Gesture",),
    ),
    Kind(
        "styles",
        "Appreciation styles and favourites",
        "Appreciate",
        Seen.ALWAYS,
        "{partner} reads your ratings and favourites as a guide to you.",
        "appreciate:styles",
        "Appreciation styles",
        ("appreciate.StyleRatings", "appreciate.Favourite"),
    ),
    Kind(
        "suggestions",
        "Gesture ideas Hearth suggests to you",
        "Appreciate",
        Seen.NEVER,
        "Ideas are for you alone. Only a gesture you log is shown.",
        "appreciate:home",
        "Appreciate",
        ("appreciate.Suggestion",),
    ),
    Kind(
        "journal",
        "Gratitude journal",
        "Appreciate",
        Seen.WHEN_SHARED,
        "Private unless you share an entry; you can make it private again.",
        "appreciate:journal",
        "Journal",
        ("appreciate.JournalEntry",),
    ),
    # Trust
    Kind(
        "promises",
        "Promises",
        "Trust",
        Seen.ALWAYS,
        "Promises are between you: {partner} sees them and can confirm one was kept. "
        "How reliable you have been is shown only to you.",
        "trust:promises",
        "Promises",
        ("trust.Promise",),
    ),
    Kind(
        "rounds",
        "Sharing rounds",
        "Trust",
        Seen.ALWAYS,
        "Each share is your choice: you may pass. What you share, {partner} reads; taking it "
        "back erases the words.",
        "trust:sharing",
        "Sharing rounds",
        ("trust.Round", "trust.Share", "trust.ShareResponse"),
    ),
    Kind(
        "apologies",
        "Apologies",
        "Trust",
        Seen.ALWAYS,
        "An apology goes to {partner}, who can accept it, ask for time or ask to talk.",
        "trust:repair",
        "Repair",
        ("trust.Apology",),
    ),
    # Support
    Kind(
        "check_ins",
        "Check-ins",
        "Support",
        Seen.WHEN_SHARED,
        "Each check-in is private unless you choose “Share with {partner}”.",
        "support:history",
        "Check-ins so far",
        ("support.CheckIn",),
    ),
    Kind(
        "bids",
        "Bids (“can we talk?”)",
        "Support",
        Seen.ALWAYS,
        "A bid goes to {partner}. While they have asked for space it waits quietly.",
        "support:home",
        "Support",
        ("support.Bid",),
    ),
    Kind(
        "needs_map",
        "Your needs map",
        "Support",
        Seen.ALWAYS,
        "{partner} reads your needs map as a guide to what helps you.",
        "support:needs_map",
        "Needs maps",
        ("support.NeedsMap",),
    ),
    Kind(
        "good_news",
        "Good news",
        "Support",
        Seen.ALWAYS,
        "Good news goes to {partner}, and so does your answer to theirs.",
        "support:good_news",
        "Good news",
        ("support.GoodNews", "support.Cheer"),
    ),
    Kind(
        "guesses",
        "Love-map guesses",
        "Support",
        Seen.ALWAYS,
        "{partner} sees each guess about them and marks how close it came.",
        "support:love_map",
        "Love map",
        ("support.Guess",),
    ),
    # Insights and nudges
    Kind(
        "insights",
        "Connection Index and weekly report",
        "Insights",
        Seen.ALWAYS,
        "Both of you see the same figures, made from counts of what you did together. They "
        "hold no words, nothing private, and never compare you with each other.",
        "insights:home",
        "Insights",
        ("insights.DayTally",),
    ),
    Kind(
        "pulse",
        "Monthly pulse",
        "Insights",
        Seen.NEVER,
        "Your pulse answers are yours alone; {partner} never sees them or whether you answered.",
        "insights:pulse",
        "Monthly pulse",
        ("insights.Pulse",),
    ),
    Kind(
        "notifications",
        "Your nudges and notification settings",
        "Nudges",
        Seen.NEVER,
        "Only you see your nudges, your choices and your quiet hours. Hearth never tells "
        "{partner} whether or when you looked at anything.",
        "nudges:settings",
        "Nudge settings",
        ("nudges.Notification", "nudges.NudgePreferences", "core.Event"),
    ),
    Kind(
        "waves",
        "“Thinking of you”",
        "Nudges",
        Seen.ALWAYS,
        "A wave goes to {partner}: a few a day at most.",
        "nudges:home",
        "Nudges",
        ("core.Event",),
    ),
    # The account
    Kind(
        "profile",
        "Your name and pronouns",
        "Account",
        Seen.ALWAYS,
        "{partner} sees the name and pronouns you set.",
        "accounts:settings",
        "Settings",
    ),
    Kind(
        "account",
        "E-mail, password, sign-ins, devices and API tokens",
        "Account",
        Seen.NEVER,
        "Never shown to {partner}, and Hearth never shows {partner} when you last used it.",
        "accounts:settings",
        "Settings",
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
