"""The clinical review workflow task: whoever approves an article is recorded as its
reviewer, with the day, in what is published; an article's authors cannot approve it."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, PageLogEntry, Workflow, WorkflowPage, WorkflowTask

from blog.core.permissions import MODERATORS, THERAPISTS
from blog.models import ArticleAuthor, ArticlePage
from blog.review.models import ClinicalReviewTask
from blog.review.workflow import NOT_RECORDED, RECORDED

from ...factories import make_article, make_author

REVIEWERS = "Clinical reviewers"


@pytest.fixture
def reviewers(db):
    return Group.objects.create(name=REVIEWERS)


@pytest.fixture
def moderator(tree, django_user_model):
    user = django_user_model.objects.create_user("mo", "mo@example.com", "pw")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


def workflow_of(tree, *tasks):
    """A workflow named "Clinical review" on the blog, of ``tasks`` in order."""
    workflow = Workflow.objects.create(name="Clinical review")
    for order, task in enumerate(tasks):
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    WorkflowPage.objects.create(workflow=workflow, page=tree.blog)
    return workflow


def approval_by(model, name, group):
    task = model.objects.create(name=name)
    task.groups.add(group)
    return task


@pytest.fixture
def clinical_review(tree, reviewers):
    """As the demo has it: therapists review, then a moderator publishes (whoever approves
    a workflow's last task publishes the page, which therapists may not do while a workflow
    covers it)."""
    return workflow_of(
        tree,
        approval_by(ClinicalReviewTask, "Clinical review", reviewers),
        approval_by(GroupApprovalTask, "Sign-off", Group.objects.get(name=MODERATORS)),
    )


def therapist(tree, django_user_model, name, *groups):
    """A therapist with an author profile, in the Therapists group and ``groups``."""
    username = name.split()[0].lower()
    user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(Group.objects.get(name=THERAPISTS), *groups)
    make_author(tree.authors, name, user=user)
    return user


@pytest.fixture
def writer(tree, django_user_model, reviewers):
    return therapist(tree, django_user_model, "Maren Oakhurst", reviewers)


@pytest.fixture
def colleague(tree, django_user_model, reviewers):
    return therapist(tree, django_user_model, "Jonah Whitlowe", reviewers)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def submitted(tree, workflow, writer, **fields):
    """A new article by ``writer``, submitted to ``workflow`` as the editor does."""
    article = make_article(tree.blog, authors=[writer.author_profile], live=False, **fields)
    workflow.start(article, writer)
    return ArticlePage.objects.get(pk=article.pk)


def act(user, page, action="approve"):
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, task_state.pk))
    return client_for(user).post(url, {"comment": ""})


def refused(response):
    """Wagtail's admin answers a forbidden action with a message on the dashboard."""
    messages = [str(message) for message in response.wsgi_request._messages]
    return response.url == "/admin/" and any("permission" in m for m in messages)


def action_labels(user, page):
    page = type(page).objects.get(pk=page.pk)
    task = page.current_workflow_task
    return [(name, str(label)) for name, label, _modal in task.get_actions(page, user)]


def test_approving_records_the_approver_as_reviewer_in_what_is_published(
    tree, clinical_review, writer, colleague, moderator
):
    article = submitted(tree, clinical_review, writer)
    assert action_labels(colleague, article) == [
        ("reject", "Request changes"),
        ("approve", "Approve and record my review"),
        ("approve", "Approve with comment and record my review"),
    ]
    assert act(colleague, article).status_code == 302
    article = ArticlePage.objects.get(pk=article.pk)
    assert not article.live
    entry = PageLogEntry.objects.get(page=article, action=RECORDED)
    assert entry.user == colleague and entry.revision == article.latest_revision

    assert act(moderator, article).status_code == 302
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live and not article.has_unpublished_changes
    assert article.reviewer == colleague.author_profile
    assert article.last_reviewed == timezone.localdate()
    page = Client().get(article.url).content.decode()
    assert "Reviewed by" in page and "Jonah Whitlowe" in page


def test_as_a_workflows_last_task_it_publishes_the_review_at_once(
    tree, writer, moderator, django_user_model
):
    make_author(tree.authors, "Ada Moreau", user=moderator)
    task = approval_by(ClinicalReviewTask, "Clinical review", moderator.groups.get())
    article = submitted(tree, workflow_of(tree, task), writer)
    assert act(moderator, article).status_code == 302
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live and article.reviewer == moderator.author_profile
    assert "Reviewed by" in Client().get(article.url).content.decode()


def test_a_later_draft_keeps_the_recorded_review(tree, clinical_review, writer, colleague):
    article = submitted(tree, clinical_review, writer)
    act(colleague, article)
    assert not ArticlePage.objects.get(pk=article.pk).live  # awaiting sign-off
    editor = client_for(writer).get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
    assert f'name="reviewer" value="{colleague.author_profile.pk}"' in editor.content.decode()

    draft = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    draft.summary = "A better summary."
    draft.save_revision(user=writer)
    assert ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object().reviewer_id == (
        colleague.author_profile.pk
    )


def test_an_author_cannot_approve_their_own_article(tree, clinical_review, writer, colleague):
    article = submitted(tree, clinical_review, writer)
    assert action_labels(writer, article) == [("reject", "Request changes")]
    assert refused(act(writer, article))
    article = ArticlePage.objects.get(pk=article.pk)
    assert not article.live and article.reviewer is None
    assert article.current_workflow_task_state.status == "in_progress"

    # A co-author cannot either, where the workflow is shared with another reviewer.
    co_written = submitted(tree, clinical_review, colleague)
    ArticleAuthor.objects.create(page=co_written, author=writer.author_profile)
    assert refused(act(writer, co_written))


def test_an_approver_without_an_author_profile_approves_but_records_nothing(
    tree, clinical_review, writer, admin_user
):
    article = submitted(tree, clinical_review, writer)
    assert ("approve", "Approve (no review recorded: you have no author profile)") in (
        action_labels(admin_user, article)
    )
    for _task in range(2):
        assert act(admin_user, ArticlePage.objects.get(pk=article.pk)).status_code == 302
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live and article.reviewer is None and article.last_reviewed is None
    assert PageLogEntry.objects.filter(page=article, action=NOT_RECORDED, user=admin_user).exists()
    assert "review-note" not in Client().get(article.url).content.decode()


def test_a_review_replaces_the_previous_one(tree, clinical_review, writer, colleague):
    earlier = make_author(tree.authors, "Sunniva Achterberg")
    article = submitted(
        tree, clinical_review, writer, reviewer=earlier, last_reviewed=datetime.date(2024, 1, 5)
    )
    act(colleague, article)
    article = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert (article.reviewer, article.last_reviewed) == (
        colleague.author_profile,
        timezone.localdate(),
    )


def test_where_every_edit_needs_approving_again_recording_the_review_does_not(
    tree, writer, colleague, moderator, reviewers, settings
):
    settings.WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
    moderators = Group.objects.get(name=MODERATORS)
    workflow = workflow_of(
        tree,
        approval_by(GroupApprovalTask, "Editorial check", moderators),
        approval_by(ClinicalReviewTask, "Clinical review", reviewers),
        approval_by(GroupApprovalTask, "Sign-off", moderators),
    )
    article = submitted(tree, workflow, writer)
    for user in (moderator, colleague, moderator):
        assert act(user, ArticlePage.objects.get(pk=article.pk)).status_code == 302
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.live and article.reviewer == colleague.author_profile
    assert article.current_workflow_state is None


def test_other_page_types_pass_it_as_a_plain_group_approval(
    tree, clinical_review, writer, colleague
):
    profile = make_author(tree.authors, "Ida Lindqvist", live=False)
    clinical_review.start(profile, writer)
    assert ("approve", "Approve") in action_labels(colleague, profile)
    assert act(colleague, profile).status_code == 302
    assert not PageLogEntry.objects.filter(action__startswith="wellness_review.").exists()


def test_a_co_author_added_in_the_draft_under_review_cannot_approve_it(
    tree, clinical_review, writer, colleague
):
    article = make_article(tree.blog, authors=[writer.author_profile])  # published
    draft = article.get_latest_revision_as_object()
    draft.author_links.add(ArticleAuthor(author=colleague.author_profile))
    draft.save_revision(user=writer)
    clinical_review.start(article, writer)
    assert refused(act(colleague, ArticlePage.objects.get(pk=article.pk)))
    article = ArticlePage.objects.get(pk=article.pk)
    assert article.current_workflow_task_state.status == "in_progress"
    assert article.get_latest_revision_as_object().reviewer is None
