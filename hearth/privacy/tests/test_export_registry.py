"""Every model is either exported (an app's export.py lists it in a Section) or listed in
NOT_EXPORTED with the reason: a model added later fails here until someone decides."""

from django.apps import apps

from hearth.privacy.exporting import NEVER_EXPORTED_KEYS, not_exported, sections


def test_it_covers_every_model_of_every_app():
    covered = {model for section in sections() for model in section.covers}
    excused = set(not_exported())
    missing = [
        model._meta.label
        for model in apps.get_models()
        if model not in covered and model not in excused
    ]
    assert not missing, f"Export these in an export.py, or list them in NOT_EXPORTED: {missing}"
    both = [model._meta.label for model in covered & excused]
    assert not both, f"Both exported and listed as not exported: {both}"


def test_it_gives_a_reason_for_each_model_it_leaves_out():
    for model, reason in not_exported().items():
        assert len(reason) > 15, model


def test_it_never_names_a_secret_or_a_record_of_use():
    keys = [section.key for section in sections()]
    assert len(keys) == len(set(keys))
    for section in sections():
        assert not set(section.labels) & NEVER_EXPORTED_KEYS, section.key
        assert section.title and all(section.labels.values()), section.key
