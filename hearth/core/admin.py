"""The operators' admin (PRODUCT D6): accounts and the content libraries, never private words.

No model that holds what a couple wrote has a ModelAdmin (hearth/core/tests/test_admin.py
walks the registry). The content libraries come from each app's `content.py`, so a new
library appears here without being named.
"""

from django.contrib import admin
from django.db import models

from hearth.core.registry import content_libraries


class WithoutPrivateWordsOnDelete(admin.ModelAdmin):
    """Deleting a person or a couple removes their entries too. Django's confirmation page
    would list each of them by its text (a gesture, a favourite); show how many instead."""

    def get_deleted_objects(self, objs, request):
        _, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        summary = [str(obj) for obj in objs]
        summary += [f"{str(name).capitalize()}: {count}" for name, count in model_count.items()]
        kept = [f"{len(protected)} entries that other rows still need"] if protected else []
        return summary, model_count, perms_needed, kept


class ContentLibraryAdmin(WithoutPrivateWordsOnDelete):
    """One library of questions, ideas or prompts. The TOML files in the app's content/
    folder are the source: `manage.py load_content` brings their wording back."""

    list_filter = ["active"]
    search_fields = ["key"]

    def get_readonly_fields(self, request, obj=None):
        return ["key"] if obj is not None else []


def library_admin(model: type[models.Model]) -> type[ContentLibraryAdmin]:
    """An admin for one library model: its words searchable, its choices as filters."""
    words = [
        field.name
        for field in model._meta.fields
        if isinstance(field, models.CharField | models.TextField)
        and not field.choices
        and field.name != "key"
    ]
    choices = [field.name for field in model._meta.fields if field.choices]
    return type(
        f"{model.__name__}Admin",
        (ContentLibraryAdmin,),
        {
            "list_display": ["key", *words[:2], *choices[:2], "active"],
            "list_filter": ["active", *choices],
            "search_fields": ["key", *words],
        },
    )


for library in content_libraries().values():
    library_model = getattr(library, "model", None)
    if library_model is not None and not admin.site.is_registered(library_model):
        admin.site.register(library_model, library_admin(library_model))
