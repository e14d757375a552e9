"""The core's rows are delivery plumbing; what reached a person is exported by nudges."""

from hearth.core.models import Event

NOT_EXPORTED = {
    Event: "an outbox between features and nudges; each one a person received is exported "
    "as a notification (nudges.notifications), and events hold no words",
}
