from django.contrib import admin

from hearth.core.admin import WithoutPrivateWordsOnDelete
from hearth.couples.models import Couple, Membership


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    readonly_fields = ["user", "seat", "joined_at", "left_at"]
    can_delete = False


@admin.register(Couple)
class CoupleAdmin(WithoutPrivateWordsOnDelete):
    list_display = ["id", "created_at", "ended_at"]
    readonly_fields = ["created_at", "ended_at"]
    inlines = [MembershipInline]
