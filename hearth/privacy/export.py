"""What this app exports (its notices), and the models of Django and its libraries that
hold nothing of a person's own to export, or only secrets and records of use that never
leave the server (SAFETY.md)."""

from allauth.account.models import EmailConfirmation
from allauth.usersessions.models import UserSession
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from hearth.privacy.exporting import Section
from hearth.privacy.models import Notice

NOT_EXPORTED = {
    Permission: "what operators may do in the admin",
    Group: "groups of operators",
    ContentType: "Django's list of models",
    LogEntry: "the operators' record of changes made in the admin",
    Session: "sign-in sessions: the key is a credential; ended when the account is deleted",
    UserSession: "where and when a person is signed in (IP, browser): never exported, so "
    "that no export says when or where anyone used Hearth; ended with the account",
    EmailConfirmation: "one-time confirmation keys (credentials)",
    DBTaskResult: "background jobs (sending e-mails); they hold ids, no words",
}

SECTIONS = [
    Section(
        key="privacy.notices",
        title=_("Notices Hearth showed you"),
        covers=(Notice,),
        labels={"created_at": _("When"), "kind": _("About"), "dismissed_at": _("Closed")},
        rows=lambda user: (
            Notice.objects.filter(user=user)
            .order_by("created_at")
            .values("created_at", "kind", "dismissed_at")
        ),
    ),
]
