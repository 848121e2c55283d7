"""Clinical review in a real browser: a colleague approves a therapist's article in the
"Clinical review" workflow and is recorded as its reviewer; a moderator publishes it; readers
see who reviewed it; the writer finds her reviews coming due in the admin."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import GroupApprovalTask, Workflow, WorkflowPage, WorkflowTask

from blog.core.permissions import MODERATORS, THERAPISTS
from blog.review.models import ClinicalReviewTask
from blog.review_dates import add_months

from ..factories import make_article, make_author
from .browsing import PASSWORD, sign_in


@pytest.fixture
def team(tree):
    """Maren writes, Jonah reviews (both therapists and clinical reviewers), Mo publishes."""
    users = get_user_model().objects
    reviewers = Group.objects.create(name="Clinical reviewers")
    people = {}
    for name in ("Maren Oakhurst", "Jonah Whitlowe"):
        username = name.split()[0].lower()
        user = users.create_user(username, f"{username}@example.com", PASSWORD)
        user.groups.add(Group.objects.get(name=THERAPISTS), reviewers)
        make_author(tree.authors, name, credentials="LMT", user=user)
        people[username] = user
    people["mo"] = users.create_user("mo", "mo@example.com", PASSWORD)
    people["mo"].groups.add(Group.objects.get(name=MODERATORS))

    review = ClinicalReviewTask.objects.create(name="Clinical review")
    review.groups.add(reviewers)
    sign_off = GroupApprovalTask.objects.create(name="Sign-off")
    sign_off.groups.add(Group.objects.get(name=MODERATORS))
    workflow = Workflow.objects.create(name="Clinical review")
    for order, task in enumerate([review, sign_off]):
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    WorkflowPage.objects.create(workflow=workflow, page=tree.blog)
    return people, workflow


def approve_in_editor(page, article, label):
    page.goto(f"/admin/pages/{article.pk}/edit/")
    actions = page.get_by_role("navigation", name=re.compile(r"^Actions")).last
    button = actions.get_by_role("button", name=label, exact=True)
    if not button.is_visible():
        actions.get_by_role("button", name="More actions").click()
    button.click()
    expect(page.get_by_text("has been updated", exact=False).first).to_be_visible()


def test_a_colleagues_approval_is_published_as_her_review(tree, team, new_page):
    people, workflow = team
    maren = people["maren"].author_profile
    article = make_article(tree.blog, "Massage after a marathon", authors=[maren], live=False)
    workflow.start(article, people["maren"])

    jonah = new_page()
    sign_in(jonah, "jonah", PASSWORD)
    approve_in_editor(jonah, article, "Approve and record my review")

    # The moderator signs off from her dashboard ("Awaiting your review").
    mo = new_page()
    sign_in(mo, "mo", PASSWORD)
    row = mo.get_by_role("row", name=re.compile("Massage after a marathon"))
    row.get_by_role("button").last.click()  # its actions
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(row).to_have_count(0)  # nothing left awaiting her review: published

    reader = new_page("phone")
    reader.goto(article.url)
    note = reader.locator(".review-note")
    expect(note).to_contain_text("Reviewed by Jonah Whitlowe, LMT, on")
    expect(note.get_by_role("link", name="Jonah Whitlowe")).to_be_visible()


def test_a_therapist_finds_her_reviews_coming_due(tree, team, new_page):
    people, _workflow = team
    maren, jonah = people["maren"].author_profile, people["jonah"].author_profile
    overdue = add_months(timezone.localdate(), -13)
    for title, author, reviewer in [
        ("Neck tension at the desk", maren, jonah),
        ("Sleep and massage", jonah, maren),
    ]:
        make_article(tree.blog, title, authors=[author], reviewer=reviewer, last_reviewed=overdue)

    page = new_page()
    sign_in(page, "maren", PASSWORD)
    panel = page.locator("#reviews-coming-due-section")
    expect(panel).to_contain_text("Your reviews coming due")
    expect(panel.get_by_role("link", name="Neck tension at the desk")).to_be_visible()
    expect(panel.get_by_role("link", name="Sleep and massage")).to_be_visible()

    panel.get_by_role("link", name="See them all in the Reviews due report").click()
    expect(page.get_by_role("heading", name=re.compile("Reviews due"))).to_be_visible()
    rows = page.locator("table.listing tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("Overdue")
