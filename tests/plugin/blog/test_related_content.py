"""What a reader is offered next: related articles at the end of an article and related
techniques on a technique page."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from wagtail.models import PageViewRestriction

from therapies.models import RelatedTechnique

from ...factories import make_article, make_technique


def section(page, heading_id):
    """The titles of the cards in the section labelled by ``heading_id``."""
    response = Client().get(page.url)
    assert response.status_code == 200
    content = response.content.decode()
    match = re.search(rf'aria-labelledby="{heading_id}">(.*?)</section>', content, re.DOTALL)
    if match is None:
        return None
    return re.findall(r'class="card__link" href="[^"]*">([^<]*)</a>', match[1])


def test_related_articles_share_techniques_first_then_tags(tree, author, technique):
    other = make_technique(tree.techniques)
    article = make_article(
        tree.blog, authors=[author], techniques=[technique, other], tags=["sleep", "stress"]
    )
    make_article(tree.blog, "One tag", authors=[author], tags=["sleep"])
    make_article(tree.blog, "Two tags", authors=[author], tags=["sleep", "stress"])
    make_article(tree.blog, "Both techniques", authors=[author], techniques=[technique, other])
    make_article(tree.blog, "One technique", authors=[author], techniques=[other])
    make_article(tree.blog, "Unrelated", authors=[author], tags=["running"])
    assert section(article, "related-articles-heading") == [
        "Both techniques",
        "One technique",
        "Two tags",
        "One tag",
    ]


def test_at_most_four_related_articles_newest_first(tree, author, technique):
    article = make_article(tree.blog, authors=[author], techniques=[technique])
    for day in range(1, 7):
        make_article(
            tree.blog,
            f"Day {day}",
            authors=[author],
            techniques=[technique],
            date=datetime.date(2024, 1, day),
        )
    assert section(article, "related-articles-heading") == ["Day 6", "Day 5", "Day 4", "Day 3"]


def test_related_articles_leave_out_drafts_and_private_articles(tree, author, technique):
    article = make_article(tree.blog, authors=[author], techniques=[technique])
    make_article(tree.blog, "Draft", authors=[author], techniques=[technique], live=False)
    private = make_article(tree.blog, "Private", authors=[author], techniques=[technique])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_article(tree.blog, "Public", authors=[author], techniques=[technique])
    assert section(article, "related-articles-heading") == ["Public"]


def test_article_with_nothing_in_common_has_no_related_section(tree, author):
    article = make_article(tree.blog, authors=[author], tags=["unique"])
    make_article(tree.blog, authors=[author], tags=["other"])
    assert section(article, "related-articles-heading") is None


def test_technique_page_offers_its_related_techniques_in_order(tree, technique):
    first = make_technique(tree.techniques, "Myofascial Release")
    second = make_technique(tree.techniques, "Deep Tissue Massage")
    hidden = make_technique(tree.techniques, "Unpublished Technique", live=False)
    technique.related_technique_links = [
        RelatedTechnique(technique=second),
        RelatedTechnique(technique=hidden),
        RelatedTechnique(technique=first),
    ]
    technique.save_revision().publish()
    assert section(technique, "related-techniques-heading") == [
        "Deep Tissue Massage",
        "Myofascial Release",
    ]


def test_technique_without_related_techniques_has_no_section(technique):
    assert section(technique, "related-techniques-heading") is None


def test_a_technique_cannot_be_related_to_itself(technique):
    with pytest.raises(ValidationError) as error:
        RelatedTechnique(page=technique, technique=technique).clean()
    assert "technique" in error.value.message_dict


def test_related_articles_follow_publishing_at_once(tree, author, technique):
    from django.test import Client

    from ...factories import make_article

    article = make_article(tree.blog, "Main", authors=[author], techniques=[technique])
    assert "Newly related" not in Client().get(article.url).content.decode()
    newcomer = make_article(tree.blog, "Newly related", authors=[author], techniques=[technique])
    assert "Newly related" in Client().get(article.url).content.decode()
    newcomer.unpublish()
    assert "Newly related" not in Client().get(article.url).content.decode()
