from allauth.mfa.models import Authenticator
from allauth.usersessions.models import UserSession
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin

from hearth.accounts.models import User
from hearth.core.admin import WithoutPrivateWordsOnDelete


@admin.register(User)
class UserAdmin(WithoutPrivateWordsOnDelete, BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "display_name", "is_active", "is_staff", "date_joined"]
    search_fields = ["email", "display_name"]
    # Not last_login: when someone last used Hearth is not for an operator who may be their
    # partner to read (PRODUCT D2).
    readonly_fields = ["date_joined"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        ("Profile", {"fields": ["display_name", "pronouns", "time_zone", "language"]}),
        ("Access", {"fields": ["is_active", "is_staff", "is_superuser", "groups"]}),
        ("Dates", {"fields": ["date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "display_name", "password1", "password2"]})
    ]
    filter_horizontal = ["groups"]


# allauth's own admin shows an authenticator's secret data; an operator only needs to see
# that a second factor exists, and to remove one for a person who has lost theirs.
admin.site.unregister(Authenticator)


@admin.register(Authenticator)
class AuthenticatorAdmin(admin.ModelAdmin):
    list_display = ["user", "type", "created_at"]
    list_filter = ["type"]
    search_fields = ["user__email"]
    fields = ["user", "type", "created_at"]
    readonly_fields = ["user", "type", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# allauth.usersessions' admin lists every person's sessions with IP address and last-seen
# time: where and when someone was active. An operator who is also someone's partner must
# not see that (SAFETY.md, design rule 3); each person sees their own at /settings/sessions/.
admin.site.unregister(UserSession)
