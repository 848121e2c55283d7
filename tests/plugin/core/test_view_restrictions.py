"""Private sections stay private: a view restriction on a page covers everything below it."""

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction


@pytest.mark.parametrize("restricted", ["blog", "article"])
def test_login_restriction_covers_the_page_and_its_descendants(tree, article, restricted):
    page = {"blog": tree.blog, "article": article}[restricted]
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    response = Client().get(article.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_password_restriction_asks_for_the_password(tree, technique):
    PageViewRestriction.objects.create(
        page=tree.techniques, restriction_type="password", password="calm"
    )
    response = Client().get(technique.url)
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()
    assert technique.what_it_is not in response.content.decode()


def test_a_restriction_elsewhere_does_not_apply(tree, article, technique):
    PageViewRestriction.objects.create(page=tree.techniques, restriction_type="login")
    assert Client().get(article.url).status_code == 200
