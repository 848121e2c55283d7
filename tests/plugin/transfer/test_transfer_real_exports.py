"""What every real platform's export must give (fixtures/, each shaped like what the
platform writes): its articles, comments and redirects, no shortcode, block comment, Liquid
or Hugo syntax anywhere readers look, nothing changed by a second run, nothing written by a
dry run."""

import pytest
from wagtail.contrib.redirects.models import Redirect

from blog.comments.models import ReaderComment
from blog.models import ArticlePage

from .transfer_helpers import (
    assert_dry_run_writes_nothing,
    assert_no_markup,
    assert_second_run_changes_nothing,
    hugo_site,
    jekyll_site,
    squarespace_export,
    wordpress_com_export,
)

EXPORTS = {
    "wordpress.com": wordpress_com_export,
    "squarespace": squarespace_export,
    "jekyll": jekyll_site,
    "hugo": hugo_site,
}
# How many articles (live ones), comments and old addresses each export holds.
COUNTS = {
    # A scheduled post, a pending one; a pingback, one in the trash (rejected); the
    # scheduled post's permalink is its /?p= link.
    "wordpress.com": {"articles": 7, "live": 5, "comments": 5, "redirects": 11},
    # A draft; comments without ids; links relative to the site, no /?p=.
    "squarespace": {"articles": 4, "live": 3, "comments": 3, "redirects": 3},
    # Two drafts, one scheduled; a post's permalink is its new address already.
    "jekyll": {"articles": 7, "live": 4, "comments": 0, "redirects": 6},
    # Two drafts (one expired), one scheduled.
    "hugo": {"articles": 6, "live": 3, "comments": 0, "redirects": 6},
}


@pytest.mark.django_db
@pytest.mark.parametrize("platform", EXPORTS)
def test_the_articles_comments_and_old_addresses_come_in(tree, tmp_path, platform):
    EXPORTS[platform](tmp_path)()
    assert {
        "articles": ArticlePage.objects.count(),
        "live": ArticlePage.objects.filter(live=True).count(),
        "comments": ReaderComment.objects.count(),
        "redirects": Redirect.objects.count(),
    } == COUNTS[platform]


@pytest.mark.django_db
@pytest.mark.parametrize("platform", EXPORTS)
def test_no_shortcode_or_template_syntax_reaches_readers(tree, tmp_path, platform):
    EXPORTS[platform](tmp_path)()
    assert_no_markup(list(ArticlePage.objects.order_by("pk")))


@pytest.mark.django_db
@pytest.mark.parametrize("platform", EXPORTS)
def test_importing_again_changes_nothing(tree, tmp_path, platform):
    articles = COUNTS[platform]["articles"]
    assert_second_run_changes_nothing(EXPORTS[platform](tmp_path), articles)


@pytest.mark.django_db
@pytest.mark.parametrize("platform", EXPORTS)
def test_a_dry_run_writes_nothing(tree, tmp_path, platform):
    assert_dry_run_writes_nothing(EXPORTS[platform](tmp_path))
