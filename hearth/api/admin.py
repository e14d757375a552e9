from django.contrib import admin

from hearth.api.models import ApiToken
from hearth.core.admin import WithoutPrivateWordsOnDelete


@admin.register(ApiToken)
class ApiTokenAdmin(WithoutPrivateWordsOnDelete):
    list_display = ["name", "user", "hint", "created_at"]
    readonly_fields = ["user", "name", "hint", "created_at"]
    exclude = ["token_hash"]
    search_fields = ["user__email", "name"]
