"""What every real platform's export must give (fixtures/, each shaped like what the
platform writes): no shortcode, block comment, Liquid or Hugo syntax anywhere readers look,
nothing changed by a second run, nothing written by a dry run."""

import pytest

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

# Each export and how many articles it holds.
EXPORTS = {
    "wordpress.com": (wordpress_com_export, 7),
    "squarespace": (squarespace_export, 4),
    "jekyll": (jekyll_site, 7),
    "hugo": (hugo_site, 6),
}


@pytest.mark.django_db
@pytest.mark.parametrize("platform", EXPORTS)
def test_no_shortcode_or_template_syntax_reaches_readers(tree, tmp_path, platform):
    prepare, articles = EXPORTS[platform]
    prepare(tmp_path)()
    pages = list(ArticlePage.objects.order_by("pk"))
    assert len(pages) == articles
    assert_no_markup(pages)


@pytest.mark.django_db
@pytest.mark.parametrize("platform", EXPORTS)
def test_importing_again_changes_nothing(tree, tmp_path, platform):
    prepare, articles = EXPORTS[platform]
    assert_second_run_changes_nothing(prepare(tmp_path), articles)


@pytest.mark.django_db
@pytest.mark.parametrize("platform", EXPORTS)
def test_a_dry_run_writes_nothing(tree, tmp_path, platform):
    prepare, _articles = EXPORTS[platform]
    assert_dry_run_writes_nothing(prepare(tmp_path))
