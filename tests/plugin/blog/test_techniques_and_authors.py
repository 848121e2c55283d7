"""Technique pages and author profiles, and the links between them and articles."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from therapies.models import TechniqueReference

from ...factories import make_article, make_author, make_technique


def content(page):
    response = Client().get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def test_technique_lists_only_live_public_articles_about_it(tree, author, technique):
    make_article(tree.blog, "Published about it", authors=[author], techniques=[technique])
    make_article(tree.blog, "Draft about it", authors=[author], techniques=[technique], live=False)
    private = make_article(tree.blog, "Private about it", authors=[author], techniques=[technique])
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    make_article(tree.blog, "About something else", authors=[author])
    page = content(technique)
    assert "Published about it" in page
    assert "Draft about it" not in page
    assert "Private about it" not in page
    assert "About something else" not in page


def test_technique_page_shows_safety_first_then_benefits_and_references(tree):
    technique = make_technique(
        tree.techniques,
        "Myofascial Release",
        safety="Avoid with **blood clots**.",
        benefits=[("Pain relief", "Less ache."), ("Mobility", "Easier turning.")],
        evidence="Small trials.",
    )
    technique.references = [
        TechniqueReference(citation="Smith 2020. A trial.", doi="10.1000/xyz"),
        TechniqueReference(citation="Jones 2019. A review.", url="https://example.org/review"),
    ]
    technique.save()
    page = content(technique)
    assert page.index("Safety and contraindications") < page.index("What it is")
    assert "<strong>blood clots</strong>" in page
    assert "<li><strong>Pain relief:</strong> Less ache.</li>" in page
    assert '<a href="https://doi.org/10.1000/xyz"' in page
    assert '<a href="https://example.org/review"' in page


@pytest.mark.parametrize("doi", ["doi:10.1000/abc", "https://doi.org/10.1000/abc", " 10.1000/abc "])
def test_doi_is_normalised(doi):
    reference = TechniqueReference(citation="A study.", doi=doi)
    reference.clean()
    assert reference.link == "https://doi.org/10.1000/abc"


def test_author_page_shows_profile_specialties_and_articles(tree, author, technique):
    from blog.models import AuthorSpecialty

    author.specialties = [AuthorSpecialty(technique=technique)]
    author.long_bio = "# Training\n\nTrained in 2010."
    author.save()
    make_article(tree.blog, "Mine", authors=[author])
    make_article(tree.blog, "Someone else's", authors=[make_author(tree.authors)])
    page = content(author)
    assert "LMT, NCTMB" in page
    assert f'href="{technique.url}"' in page
    assert "Mine" in page and "Someone else" not in page
    # A "#" heading in the bio sits below the page's own headings.
    assert '<h3 id="training">Training</h3>' in page


def test_links_run_both_ways_between_articles_techniques_and_authors(article, author, technique):
    assert f'href="{technique.url}"' in content(article)
    assert f'href="{author.url}"' in content(article)
    assert f'href="{article.url}"' in content(technique)
    assert f'href="{article.url}"' in content(author)


def test_indexes_list_their_live_children(tree, author, technique):
    make_technique(tree.techniques, "Not yet", live=False)
    techniques = content(tree.techniques)
    assert technique.title in techniques and "Not yet" not in techniques
    assert author.title in content(tree.authors)
