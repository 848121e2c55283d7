"""Page tree rules and required fields: editors cannot build a broken tree."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Page

from blog.models import ArticlePage, AuthorIndexPage, AuthorPage, BlogIndexPage
from therapies.models import TechniqueIndexPage, TechniquePage


@pytest.mark.parametrize(
    ("child", "parent", "allowed"),
    [
        (ArticlePage, BlogIndexPage, True),
        (ArticlePage, TechniqueIndexPage, False),
        (ArticlePage, AuthorIndexPage, False),
        (ArticlePage, Page, False),
        (TechniquePage, TechniqueIndexPage, True),
        (TechniquePage, BlogIndexPage, False),
        (AuthorPage, AuthorIndexPage, True),
        (AuthorPage, BlogIndexPage, False),
        (TechniqueIndexPage, BlogIndexPage, True),
        (AuthorIndexPage, BlogIndexPage, True),
        (BlogIndexPage, Page, True),
    ],
)
def test_page_types_can_only_be_created_where_they_belong(child, parent, allowed):
    fits = child in parent.allowed_subpage_models() and parent in child.allowed_parent_page_models()
    assert fits is allowed


@pytest.mark.parametrize("leaf", [ArticlePage, TechniquePage, AuthorPage])
def test_content_pages_have_no_children(leaf):
    assert leaf.allowed_subpage_models() == []


def test_article_requires_a_summary(tree):
    # Authors and the body's Markdown block are enforced by the editor form: see test_editing.
    article = ArticlePage(title="No summary", slug="no-summary", body=[])
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "summary" in error.value.message_dict


def test_technique_requires_what_how_and_safety(tree):
    technique = TechniquePage(title="Empty", slug="empty")
    with pytest.raises(ValidationError) as error:
        technique.full_clean()
    assert {"summary", "what_it_is", "how_it_works", "safety"} <= set(error.value.message_dict)


def test_author_requires_a_short_bio(tree):
    with pytest.raises(ValidationError) as error:
        AuthorPage(title="Nameless", slug="nameless").full_clean()
    assert "short_bio" in error.value.message_dict
