"""Wagtail 8's editor autosaves a new page in the background (a JSON "save" to the create
view), then turns its form into the edit view's. A therapist who submits in between sends a
second create: it must neither fail ("The slug is already in use", a 500) nor make two pages,
in whichever order, or at once, the two requests arrive."""

import datetime
import threading
import time

import pytest
from django.db import connection, connections
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from blog.core.models import PageCreation
from blog.models import ArticlePage, AuthorPage

from ...admin_forms import add_url, article_form
from ...concurrency import at_once

concurrent = pytest.mark.django_db(transaction=True, serialized_rollback=True)
TITLE = "Easing tension headaches with massage"


def therapist_client(therapist):
    client = Client()
    client.force_login(therapist)
    return client


def autosave(client, blog, profile, title):
    """The editor's background save of the form as typed so far."""
    form = article_form(title=title, authors=[profile])
    form["action-save"] = "Save"  # autosave posts the "save" action, as JSON
    return client.post(add_url(ArticlePage, blog), form, headers={"Accept": "application/json"})


def submit(client, blog, profile, title=TITLE):
    form = article_form(title=title, authors=[profile])
    form["action-submit"] = "Submit"
    return client.post(add_url(ArticlePage, blog), form)


def the_one_article(title=TITLE):
    (article,) = ArticlePage.objects.all()
    assert article.title == title
    assert WorkflowState.objects.filter(object_id=str(article.pk)).count() == 1
    return article


def test_submit_after_an_autosave_of_the_same_new_page_makes_one_page(therapist, tree):
    profile = AuthorPage.objects.get(user=therapist)
    client = therapist_client(therapist)
    assert autosave(client, tree.blog, profile, "Easing tension").status_code == 200
    response = submit(client, tree.blog, profile)
    assert response.status_code == 302, "the submit failed"
    the_one_article()


def test_submit_after_an_autosave_with_the_same_slug_is_no_error(therapist, tree):
    profile = AuthorPage.objects.get(user=therapist)
    client = therapist_client(therapist)
    autosave(client, tree.blog, profile, TITLE)
    response = submit(client, tree.blog, profile)
    assert response.status_code == 302
    assert b"already in use" not in response.content
    the_one_article()


def test_an_autosave_arriving_after_the_submit_creates_nothing(therapist, tree):
    profile = AuthorPage.objects.get(user=therapist)
    client = therapist_client(therapist)
    submit(client, tree.blog, profile)
    late = autosave(client, tree.blog, profile, "Easing tension")
    assert late.status_code == 400
    assert late.json()["error_code"] == "invalid_revision"  # stops that editor's autosave
    the_one_article()


def test_a_second_article_a_while_later_is_its_own_page(therapist, tree):
    profile = AuthorPage.objects.get(user=therapist)
    client = therapist_client(therapist)
    autosave(client, tree.blog, profile, "A first article")
    a_minute_ago = timezone.now() - datetime.timedelta(minutes=1)
    PageCreation.objects.update(created_at=a_minute_ago)
    submit(client, tree.blog, profile, "A second article")
    assert sorted(ArticlePage.objects.values_list("title", flat=True)) == [
        "A first article",
        "A second article",
    ]


def test_a_page_saved_on_purpose_is_never_replaced(therapist, tree):
    """Only what autosave made is replaced: a draft saved with the button stays."""
    profile = AuthorPage.objects.get(user=therapist)
    client = therapist_client(therapist)
    form = article_form(title="Saved on purpose", authors=[profile])
    form["action-save"] = "Save"
    assert client.post(add_url(ArticlePage, tree.blog), form).status_code == 302
    submit(client, tree.blog, profile)
    assert ArticlePage.objects.count() == 2


@concurrent
@pytest.mark.parametrize("round_", range(5))
def test_submit_and_autosave_at_once_make_one_page_and_no_error(therapist, tree, round_):
    profile = AuthorPage.objects.get(user=therapist)

    def send(i):
        client = therapist_client(therapist)
        if i == 0:
            return autosave(client, tree.blog, profile, "Easing tension").status_code
        return submit(client, tree.blog, profile).status_code

    autosaved, submitted = at_once(send, count=2)
    assert submitted == 302
    assert autosaved in (200, 400)  # created first (then replaced), or refused after
    the_one_article()


@concurrent
@pytest.mark.parametrize("round_", range(3))
def test_an_autosave_of_the_page_a_submit_is_replacing_is_refused_not_a_500(
    therapist, tree, round_, monkeypatch
):
    """The editor turned its form into the edit view of what autosave created, and autosaves
    it again while the submit (sent a moment earlier, to the create view) replaces that page
    with the one submitted: the late autosave must be refused, never fail on the slug the
    new page now holds."""
    from wagtail.admin.views.pages.create import CreateView

    profile = AuthorPage.objects.get(user=therapist)
    assert autosave(therapist_client(therapist), tree.blog, profile, TITLE).status_code == 200
    (autosaved,) = ArticlePage.objects.all()
    create = CreateView.post

    def busy_create(view, request, *args, **kwargs):  # a server under load
        time.sleep(0.5)
        return create(view, request, *args, **kwargs)

    monkeypatch.setattr(CreateView, "post", busy_create)

    def send(i):
        client = therapist_client(therapist)
        if i == 0:
            return submit(client, tree.blog, profile).status_code
        time.sleep(0.2)  # while the submit holds the page it replaces
        form = article_form(title=TITLE, authors=[profile])
        form["action-save"] = "Save"
        edit = reverse("wagtailadmin_pages:edit", args=[autosaved.pk])
        return client.post(edit, form, headers={"Accept": "application/json"}).status_code

    submitted, late_autosave = at_once(send, count=2)
    assert submitted == 302
    assert late_autosave in (200, 400, 404)
    the_one_article()


class PausedReader:
    """Holds the first request of another thread that reads a page's latest revision (as
    Wagtail's edit view does right after it found the page) until told to go on, and notes
    whether it then holds a transaction (and so the page's parent: blog.core.creation)."""

    def __init__(self, monkeypatch):
        self.reached, self.resume = threading.Event(), threading.Event()
        self.holds_parent = None
        read = Page.get_latest_revision

        def paused(page):
            if (
                threading.current_thread() is not threading.main_thread()
                and not self.reached.is_set()
            ):
                self.holds_parent = connection.in_atomic_block
                self.reached.set()
                assert self.resume.wait(30)
            return read(page)

        monkeypatch.setattr(Page, "get_latest_revision", paused)


def in_thread(action):
    """Run ``action`` in a thread of its own (with its own connection): its thread, and a
    dict that receives its ``result`` or the ``error`` it raised."""
    outcome = {}

    def run():
        try:
            outcome["result"] = action()
        except BaseException as error:  # re-raised by the test
            outcome["error"] = error
        finally:
            connections.close_all()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def result_of(thread, outcome):
    thread.join(60)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def editor_request(client, kind, created, profile):
    """What the editor sends to the edit view of the page autosave created (``created``, the
    create's JSON answer): loading the edit form's parts (hydration), autosaving, or a second
    click on Submit, with the ids the answer gave the form, as the browser fills them in."""
    edit = created["url"]
    if kind == "hydration":
        return client.get(created["hydrate_url"]).status_code
    form = {**article_form(title=TITLE, authors=[profile]), **created["field_updates"]}
    if kind == "autosave":
        form["action-save"] = "Save"
        form["overwrite_revision_id"] = created["revision_id"]
        return client.post(edit, form, headers={"Accept": "application/json"}).status_code
    form["action-submit"] = "Submit"
    return client.post(edit, form).status_code


@concurrent
@pytest.mark.parametrize(
    ("kind", "answers"),
    [("hydration", {200, 404}), ("autosave", {200, 400}), ("second submit", {302, 404})],
)
def test_the_editor_reading_the_page_a_submit_replaces_gets_no_500(
    therapist, tree, monkeypatch, kind, answers
):
    """Autosave created the page and the form became its edit form, while the submit the
    therapist sent a moment before, to the create view, waits to replace that page. The
    editor then reads the page again: it loads the edit form's parts, autosaves, or she
    clicks Submit again. Each such request is held right after it found the page. If it
    holds the page's parent then, the submit waits for it, as it would on the server;
    otherwise the submit overtakes it and replaces the page between two of its reads, as a
    busy server lets it now and then. Either way: a clean answer, never a 500, one page."""
    profile = AuthorPage.objects.get(user=therapist)
    created = autosave(therapist_client(therapist), tree.blog, profile, TITLE).json()
    reader = PausedReader(monkeypatch)
    editor = in_thread(lambda: editor_request(therapist_client(therapist), kind, created, profile))
    assert reader.reached.wait(30), editor[1]
    if reader.holds_parent:
        reader.resume.set()
        answer = result_of(*editor)
        # After a second click has submitted the page, the first click's create finds it in
        # review and says its slug is taken (a form, 200), which the browser, already on the
        # second click's answer, does not show.
        late = {302, 200} if kind == "second submit" else {302}
        assert submit(therapist_client(therapist), tree.blog, profile).status_code in late
    else:
        submitted = in_thread(lambda: submit(therapist_client(therapist), tree.blog, profile))
        assert result_of(*submitted).status_code == 302
        reader.resume.set()
        answer = result_of(*editor)
    assert answer in answers
    the_one_article()
