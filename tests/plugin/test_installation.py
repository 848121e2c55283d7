"""The plugin installs into someone else's Wagtail site: beside the host's own app labelled
``blog`` (with page types named as ours), with its apps in any order, and a host page type
takes reader comments by the contract in blog.comments.pages.

These tests run against tests/host, whose settings list the plugin's apps in the reverse of
the README's order, after the host's ``blog`` app."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import wagtail
from django.contrib.auth.models import Group
from django.core import checks
from django.test import Client
from django.urls import reverse
from wagtail import hooks

from blog.comments.models import ReaderComment
from blog.core.permissions import THERAPISTS
from tests.host.blog.models import BlogIndexPage as HostBlogIndex
from tests.host.blog.models import BlogPage as HostStory
from tests.host.settings import PLUGIN_APPS
from therapies.models import SECTIONS_HOOK

from ..comments import comment_data, rules
from ..factories import publish

ROOT = Path(__file__).resolve().parents[2]
# Each app with the module a site imports first when it lists that app first.
FIRST_IMPORTS = {
    "blog.core": "blog.core.models",
    "blog.pagecache": "blog.pagecache.middleware",
    "blog.comments": "blog.comments.models",
    "therapies": "therapies.models",
    "blog": "blog.models",
    "blog.discovery": "blog.discovery.api",
    "blog.transfer": "blog.transfer.models",
    "blog.review": "blog.review.models",
}


@pytest.mark.parametrize("app", sorted(FIRST_IMPORTS))
def test_each_app_can_come_first_in_a_fresh_interpreter(app):
    """Listed first, each app is set up (its models imported) before any other of the
    plugin's, then its first module is imported: what failed on a cycle between apps."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.host.settings",
        "HOST_FIRST_APP": app,
        "PYTHONPATH": str(ROOT),
    }
    for command in (
        ["-c", f"import django; django.setup(); import {FIRST_IMPORTS[app]}"],
        ["-m", "django", "check", "--fail-level", "WARNING"],
    ):
        result = subprocess.run(
            [sys.executable, *command], env=env, capture_output=True, text=True, cwd=ROOT
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_the_host_lists_the_plugin_apart_from_its_own_blog():
    from django.apps import apps

    assert apps.get_app_config("blog").name == "tests.host.blog"
    assert {apps.get_app_config(label).name for label in ("wellness_blog", "wellness_core")} == {
        "blog",
        "blog.core",
    }
    assert PLUGIN_APPS[0] == "blog.review"  # the plugin's apps come in reverse order


@pytest.fixture
def host_story(tree, django_user_model):
    """A page of the host's own blog, written by a therapist of the site."""
    writer = django_user_model.objects.create_user("hostwriter", "w@example.com", "pw")
    writer.groups.add(Group.objects.get(name=THERAPISTS))
    index = publish(tree.blog, HostBlogIndex(title="Host news", slug="host-news"))
    return publish(index, HostStory(title="A host story", slug="a-host-story", byline=writer))


def test_both_blogs_render_their_own_templates(tree, article, host_story):
    ours = Client().get(tree.blog.url).content.decode()
    theirs = Client().get(host_story.get_parent().url).content.decode()
    assert article.title in ours
    assert "The host's own blog: Host news" in theirs


def test_a_host_page_type_takes_comments_through_the_contract(host_story, admin_client):
    page = Client().get(host_story.url).content.decode()
    assert 'id="comments"' in page
    assert reverse("wellness_comments:tokens", args=[host_story.pk]) in page

    reader = Client()
    data = comment_data(host_story, body="This story helped my back.")
    response = reader.post(reverse("wellness_comments:post", args=[host_story.pk]), data)
    assert response.status_code == 303
    assert response["Location"].startswith(host_story.url)
    comment = ReaderComment.objects.get()
    assert (comment.page_id, comment.status) == (host_story.pk, ReaderComment.Status.PENDING)
    assert comment.body not in Client().get(host_story.url).content.decode()

    listing = admin_client.get("/admin/comments/?status=pending").content.decode()
    assert "A host story" in listing
    admin_client.post(reverse("wellness_moderation:moderate", args=[comment.pk, "approve"]))
    assert comment.body in Client().get(host_story.url).content.decode()


def test_the_switch_on_a_host_page_closes_its_comments(host_story):
    host_story.comments_open = False
    host_story.save_revision().publish()
    data = comment_data(host_story)
    response = Client().post(reverse("wellness_comments:post", args=[host_story.pk]), data)
    assert response.status_code == 403
    assert not ReaderComment.objects.exists()


def test_the_host_says_who_moderates_its_pages_comments(host_story):
    rules(authors_moderate_own=True)
    ReaderComment.objects.create(page=host_story, name="Ann", email="a@example.com", body="Hi")
    writer = Client()
    writer.force_login(host_story.byline)
    assert "Hi" in writer.get("/admin/comments/").content.decode()


def test_every_wagtail_hook_the_plugin_uses_is_one_wagtail_still_calls():
    """A hook Wagtail stopped calling (as Wagtail 8 did "insert_editor_css") fails silently:
    each name the plugin registers must be called in Wagtail's source, or be the plugin's own."""
    plugin = ("blog.", "therapies.")
    used = {
        name
        for name, registered in hooks._hooks.items()
        for function, _order in registered
        if function.__module__.startswith(plugin)
    }
    assert "insert_global_admin_css" in used  # the Markdown toolbar's glyphs
    assert "register_reports_menu_item" in used  # the "Reviews due" report
    source = Path(wagtail.__file__).parent
    wagtail_code = "\n".join(
        path.read_text(encoding="utf-8", errors="ignore")
        for path in source.rglob("*")
        if path.suffix in (".py", ".html") and "tests" not in path.parts
    )
    # Menus call theirs by name: Menu(register_hook_name="register_reports_menu_item").
    called = re.compile(
        r"""(?:get_hooks\(\s*|run_hook\(\s*|hook_output\s+|_hook_name=)["']([a-z_]+)["']"""
    )
    assert used - set(called.findall(wagtail_code)) == {SECTIONS_HOOK}


def test_a_site_whose_markdown_editor_would_reach_a_cdn_is_warned(settings):
    def warned():
        return [e.id for e in checks.run_checks() if e.id == "wellness.W001"]

    assert warned() == []
    settings.WAGTAILMARKDOWN = {}
    assert warned() == ["wellness.W001"]


def deploy_warnings(wanted):
    return [e.id for e in checks.run_checks(include_deployment_checks=True) if e.id == wanted]


def test_a_site_that_would_send_mail_inside_its_requests_is_warned(settings):
    # The host's test settings run tasks as they are queued, as a site that set no TASKS does.
    assert deploy_warnings("wellness.W002") == ["wellness.W002"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert deploy_warnings("wellness.W002") == []


def test_a_site_whose_mail_server_could_hold_the_worker_for_ever_is_warned(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_TIMEOUT = None
    assert deploy_warnings("wellness.W003") == ["wellness.W003"]
    settings.EMAIL_TIMEOUT = 30
    assert deploy_warnings("wellness.W003") == []


def test_a_site_searching_with_wagtails_own_database_backend_is_warned(settings):
    def warned():
        return [e.id for e in checks.run_checks() if e.id == "wellness_discovery.W001"]

    assert warned() == []
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
    assert warned() == ["wellness_discovery.W001"]
    settings.WAGTAILSEARCH_BACKENDS = {}  # Wagtail's default: the same backend
    assert warned() == ["wellness_discovery.W001"]
