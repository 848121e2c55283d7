"""Kept values (blog.core.versioned) go stale the moment a tag they depend on changes, in
every process, however a process learnt to read them quickly."""

from unittest import mock

import pytest
from django.core.cache import caches
from django.test import override_settings

from blog.core import versioned
from blog.core.conf import wellness_settings

TAGS = {"page:1", "site", "kind:wellness_blog.articlepage"}


@pytest.fixture(autouse=True)
def forgetful_process():
    """A process that has read nothing yet."""
    versioned._checked.clear()


def read_often(key):
    return [versioned.fetch(key) for _ in range(3)]


def test_a_value_read_many_times_goes_stale_when_one_of_its_tags_changes():
    versioned.put("k", "kept", versioned.versions(TAGS))
    assert read_often("k") == ["kept"] * 3
    versioned.invalidate("site")
    assert versioned.fetch("k") is None


def test_a_copy_computed_before_a_change_and_stored_after_it_is_never_served():
    before = versioned.versions(TAGS)
    versioned.put("k", "fresh", before)
    assert read_often("k") == ["fresh"] * 3
    versioned.invalidate("page:1")
    versioned.put("k", "late and stale", before)  # a slow request finishing late
    assert versioned.fetch("k") is None


def test_a_stale_copy_stored_after_a_fresh_one_was_read_is_never_served():
    before = versioned.versions(TAGS)  # a slow request starts
    versioned.invalidate("page:1")  # an editor publishes
    versioned.put("k", "fresh", versioned.versions(TAGS))  # a quick request after the change
    assert read_often("k") == ["fresh"] * 3
    versioned.put("k", "late and stale", before)  # the slow request finishes
    assert versioned.fetch("k") is None


def test_a_change_whose_stamp_the_cache_lost_is_still_seen():
    versioned.put("k", "kept", versioned.versions(TAGS))
    assert read_often("k") == ["kept"] * 3
    backend = versioned.backend()
    backend.delete(versioned.STAMP_KEY)  # evicted, as a full cache may
    backend.set(versioned.TAG_PREFIX + "site", "a version from another process", None)
    assert versioned.fetch("k") is None


def test_a_value_stored_since_the_last_change_is_read_with_one_stamp_not_every_tag():
    versioned.put("k", "kept", versioned.versions(TAGS))
    cache = versioned.backend()
    with mock.patch.object(cache, "get_many", wraps=cache.get_many) as get_many:
        assert read_often("k") == ["kept"] * 3  # in a process that never read it before
    assert [call.args[0] for call in get_many.call_args_list] == [["k", versioned.STAMP_KEY]] * 3


def test_a_value_stored_before_a_change_elsewhere_has_its_tags_read_once_per_process():
    versioned.put("k", "kept", versioned.versions(TAGS))
    versioned.invalidate("page:2")  # another page's
    cache = versioned.backend()
    with mock.patch.object(cache, "get_many", wraps=cache.get_many) as get_many:
        assert read_often("k") == ["kept"] * 3
    assert get_many.call_count == 3 + 1


def test_a_tag_created_by_a_change_while_it_was_read_leaves_the_value_unkept():
    """The tag and the stamp are new (an empty cache); an editor's change lands between
    reading them and creating them: what was computed must not be kept as current."""
    cache = versioned.backend()
    add = cache.add

    def change_lands_first(*args, **kwargs):
        if not change_lands_first.landed:
            change_lands_first.landed = True
            versioned.invalidate("page:9")
        return add(*args, **kwargs)

    change_lands_first.landed = False
    with mock.patch.object(cache, "add", side_effect=change_lands_first):
        tag_versions = versioned.versions({"page:9"})
    versioned.put("k", "computed before the change", tag_versions)
    assert versioned.fetch("k") is None


@pytest.mark.django_db
def test_a_value_computed_while_a_change_was_uncommitted_is_stale_once_it_commits(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        versioned.invalidate("page:1")  # an editor's publish, inside its transaction
        # A reader's request meanwhile still reads the rows as they were before it.
        versioned.put("k", "computed from the old rows", versioned.versions(TAGS))
    assert versioned.fetch("k") is None


def test_values_go_to_the_cache_the_settings_name_as_soon_as_they_change(settings):
    """The backend and the alias are looked up once (the hit path asks on every request),
    and looked up again when the settings change, as ``override_settings`` does."""
    versioned.put("k", "in the default cache", versioned.versions(TAGS))
    settings.CACHES = {
        **settings.CACHES,
        "wellness": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "wellness-own",  # local memory caches of one location share entries
        },
    }
    settings.WELLNESS_CACHE_ALIAS = "wellness"
    assert versioned.fetch("k") is None
    versioned.put("k", "in its own cache", versioned.versions(TAGS))
    assert caches["wellness"].get("k")["payload"] == "in its own cache"
    assert versioned.fetch("k") == "in its own cache"


def test_a_setting_read_once_is_read_again_when_it_changes():
    assert wellness_settings.CACHE_TIMEOUT == 600
    with override_settings(WELLNESS_CACHE_TIMEOUT=60):
        assert wellness_settings.CACHE_TIMEOUT == 60
    assert wellness_settings.CACHE_TIMEOUT == 600
