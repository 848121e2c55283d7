"""A therapist's dashboard: one click to write a new article, her drafts, her articles
awaiting review, the comments awaiting her (where authors moderate) and her reviews due."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Workflow

from blog.comments.models import DiscussionSettings, ReaderComment
from blog.models import ArticlePage, AuthorPage, BlogIndexPage

from ...admin_forms import add_url
from ...factories import make_article, make_author, publish

DASHBOARD = "/admin/"


@pytest.fixture
def profile(therapist):
    return AuthorPage.objects.get(user=therapist)


@pytest.fixture
def her_client(therapist):
    client = Client()
    client.force_login(therapist)
    return client


def panel(content):
    return content.split('id="your-writing', 1)[1].split("</section>", 1)[0]


def test_one_click_leads_to_the_new_article_form_under_her_blog(her_client, tree):
    shown = panel(her_client.get(DASHBOARD).content.decode())
    url = add_url(ArticlePage, tree.blog)
    assert f'href="{url}"' in shown and "Write a new article<" in shown
    assert her_client.get(url).status_code == 200


def test_with_two_blogs_each_has_its_link(her_client, tree):
    other = publish(Page.get_first_root_node(), BlogIndexPage(title="Recipes", slug="recipes"))
    shown = panel(her_client.get(DASHBOARD).content.decode())
    assert f'href="{add_url(ArticlePage, other)}"' in shown
    assert "Write a new article in Recipes" in shown and "Write a new article in Articles" in shown


def test_her_drafts_and_articles_awaiting_review(her_client, therapist, profile, tree):
    draft = make_article(tree.blog, "Half-written", authors=[profile], live=False)
    submitted = make_article(tree.blog, "Ready for review", authors=[profile], live=False)
    Workflow.objects.get(name="Moderators approval").start(submitted, therapist)
    sent_back = make_article(tree.blog, "Needs a source", authors=[profile], live=False)
    state = Workflow.objects.get(name="Moderators approval").start(sent_back, therapist)
    state.current_task_state.reject(user=therapist)  # "request changes"
    make_article(tree.blog, "Already out", authors=[profile])
    colleague = make_author(tree.authors, "Jonah Whitlowe")
    make_article(tree.blog, "Not hers", authors=[colleague], live=False)

    shown = panel(her_client.get(DASHBOARD).content.decode())
    drafts, in_review = shown.split("Awaiting review", 1)
    assert draft.title in drafts and sent_back.title in drafts and "Changes requested" in drafts
    assert submitted.title in in_review and "Moderators approval" in in_review
    assert submitted.title not in drafts
    assert "Already out" not in shown and "Not hers" not in shown


def test_comments_awaiting_her_where_authors_moderate(her_client, profile, tree):
    article = make_article(tree.blog, "Hers", authors=[profile])
    ReaderComment.objects.create(page=article, name="Ann", email="a@example.com", body="Hello?")
    assert "Comments awaiting moderation" not in her_client.get(DASHBOARD).content.decode()
    rules = DiscussionSettings.for_site(tree.blog.get_site())
    rules.authors_moderate_own = True
    rules.save()
    assert "Comments awaiting moderation" in her_client.get(DASHBOARD).content.decode()


def test_admins_without_a_profile_see_no_writing_panel(admin_client, tree):
    assert 'id="your-writing' not in admin_client.get(DASHBOARD).content.decode()


def test_the_panel_costs_the_same_for_2_and_20_drafts(her_client, profile, tree):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            her_client.get(DASHBOARD)
        return len(captured)

    for n in range(2):
        make_article(tree.blog, f"Draft {n}", authors=[profile], live=False)
    her_client.get(DASHBOARD)
    few = queries()
    for n in range(2, 20):
        make_article(tree.blog, f"Draft {n}", authors=[profile], live=False)
    assert queries() == few
