"""What therapists and editors see and can do in the Wagtail admin."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Workflow

from blog.models import ArticlePage, AuthorPage, BlogIndexPage

from ...admin_forms import add_url, article_form
from ...factories import make_author


@pytest.fixture
def no_workflow(db):
    Workflow.objects.update(active=False)


def test_incomplete_article_cannot_be_published_and_nothing_is_saved(admin_client, tree):
    form = article_form(summary="", authors=[], body=[("pull_quote", {"quote": "Hi"})])
    form["action-publish"] = "Publish"
    response = admin_client.post(add_url(ArticlePage, tree.blog), form)
    assert response.status_code == 200
    content = response.content.decode()
    assert "The page could not be created due to validation errors" in content
    assert "This field is required" in content  # the summary
    assert "at least 1" in content.lower()  # one author, one Markdown block
    assert not ArticlePage.objects.exists()


def test_publishing_defaults_the_date_and_computes_reading_time(admin_client, tree, author):
    form = article_form(authors=[author], body=[("markdown", "word " * 500)])
    form["action-publish"] = "Publish"
    response = admin_client.post(add_url(ArticlePage, tree.blog), form)
    assert response.status_code == 302
    article = ArticlePage.objects.get()
    assert article.live
    assert article.date == timezone.localdate()
    assert article.reading_time == 3


def test_therapist_is_prefilled_as_author_of_a_new_article(client, therapist, tree):
    client.force_login(therapist)
    response = client.get(add_url(ArticlePage, tree.blog))
    assert response.status_code == 200
    profile = AuthorPage.objects.get(user=therapist)
    assert f'name="author_links-0-author" value="{profile.pk}"' in response.content.decode()


def test_with_a_workflow_therapists_submit_for_review_instead_of_publishing(
    client, therapist, tree
):
    client.force_login(therapist)
    response = client.get(add_url(ArticlePage, tree.blog))
    assert 'name="action-publish"' not in response.content.decode()
    assert 'name="action-submit"' in response.content.decode()

    profile = AuthorPage.objects.get(user=therapist)
    form = article_form(authors=[profile])
    form["action-publish"] = "Publish"  # forged: the button was not offered
    client.post(add_url(ArticlePage, tree.blog), form)
    assert not ArticlePage.objects.filter(live=True).exists()


def test_without_a_workflow_therapists_publish(client, therapist, tree, no_workflow):
    client.force_login(therapist)
    profile = AuthorPage.objects.get(user=therapist)
    form = article_form(authors=[profile])
    form["action-publish"] = "Publish"
    response = client.post(add_url(ArticlePage, tree.blog), form)
    assert response.status_code == 302
    assert ArticlePage.objects.get().live


def test_moderators_publish_directly_even_with_a_workflow(client, tree, author, django_user_model):
    moderator = django_user_model.objects.create_user("mo", password="pw")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    form = article_form(authors=[author])
    form["action-publish"] = "Publish"
    assert client.post(add_url(ArticlePage, tree.blog), form).status_code == 302
    assert ArticlePage.objects.get().live


def test_therapists_cannot_add_pages_outside_their_sections(client, therapist, tree):
    client.force_login(therapist)
    root = Page.get_first_root_node()
    response = client.get(add_url(BlogIndexPage, root))
    assert response.status_code in (302, 403)
    assert not BlogIndexPage.objects.exclude(pk=tree.blog.pk).exists()


@pytest.mark.parametrize(
    "page_name", ["blog", "techniques", "authors", "article", "technique", "author"]
)
def test_every_page_type_previews(admin_client, tree, article, technique, author, page_name):
    page = {
        "blog": tree.blog,
        "techniques": tree.techniques,
        "authors": tree.authors,
        "article": article,
        "technique": technique,
        "author": author,
    }[page_name].specific
    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=[page.pk]))
    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_preview_of_an_unsaved_article_shows_unsaved_authors(admin_client, tree, author):
    other = make_author(tree.authors, "Jonah Whitlowe")
    url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["wellness_blog", "articlepage", tree.blog.pk]
    )
    form = article_form(title="Preview me", authors=[other, author])
    assert admin_client.post(url, form).json() == {"is_valid": True, "is_available": True}
    content = admin_client.get(url).content.decode()
    assert "Preview me" in content
    assert content.index("Jonah Whitlowe") < content.index("Maren Oakhurst")
