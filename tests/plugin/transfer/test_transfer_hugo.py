"""A Hugo site (fixtures/hugo: hugo.toml, content/posts/ with posts as files and as a page
bundle, front matter in YAML, TOML and JSON, Hugo's shortcodes in the bodies) comes in as
articles, with its old addresses as redirects."""

import datetime

import pytest
from django.test import Client

from .transfer_helpers import article, hugo_site, images_of, markdown_of


@pytest.fixture
def import_site(tree, tmp_path):
    return hugo_site(tmp_path)


@pytest.mark.django_db
def test_the_posts_come_in_with_their_old_addresses(import_site):
    output = import_site()
    # The section's permalink pattern (:year/:month/:slug, the slug from the title when the
    # front matter gives none), and the aliases, a relative one within the section.
    client = Client()
    for old, slug in [
        ("/2021/03/first-steps-stretching-at-the-desk/", "first-steps"),
        ("/2021/first-steps.html", "first-steps"),
        ("/posts/old-first-steps", "first-steps"),
        ("/2022/01/rolled-towel/", "rolled-towel"),
        ("/2023/05/humming-and-the-long-exhale/", "json-front-matter"),
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == article(slug).url
    assert "content/about.md: a page, not a post" in output
    assert "content/posts/old-offer.md: its expiryDate has passed" in output


@pytest.mark.django_db
def test_the_front_matter_is_read_as_hugo_reads_it(import_site):
    import_site()
    first = article("first-steps")
    assert first.first_published_at == datetime.datetime(2021, 3, 14, 8, 30, tzinfo=datetime.UTC)
    assert first.summary == "Three stretches you can do without leaving your chair."
    assert sorted(t.name for t in first.tags.all()) == ["Mobility", "desk", "stretching"]
    assert [a.title for a in first.authors] == ["Sunniva Holt"]  # params.author
    # The page bundle: TOML front matter, its slug, its authors, its featured picture.
    towel = article("rolled-towel")
    assert towel.title == "The rolled towel"
    assert towel.summary == "A towel under the shoulder blades, five minutes a day."
    assert [a.title for a in towel.authors] == ["Sunniva Holt", "Jonah Whitlowe"]
    assert towel.image is not None and towel.image.title == "cover"
    # JSON front matter.
    humming = article("json-front-matter")
    assert humming.title == "Humming and the long exhale"
    assert humming.summary == "Humming makes the out-breath longer without trying."
    assert [a.title for a in humming.authors] == ["Jonah Whitlowe"]
    # draft: true, and an expiryDate passed: drafts; a publishDate to come: scheduled.
    assert not article("draft-idea").live and not article("old-offer").live
    later = article("winter-plan")
    assert not later.live
    assert later.go_live_at == datetime.datetime(2099, 11, 1, 7, tzinfo=datetime.UTC)


@pytest.mark.django_db
def test_shortcodes_are_converted_or_removed(import_site):
    output = import_site()
    first = article("first-steps")
    assert images_of(first) == [("A chair pushed back from a desk", "Push the chair back first.")]
    text = markdown_of(first)
    assert "[Watch the video on YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)" in text
    assert "[the next post](/2022/01/rolled-towel/)" in text
    assert "[See it on X (Twitter)](https://x.com/quietbreath/status/1453110110599868418)" in text
    assert "more" not in text
    towel = article("rolled-towel")
    assert images_of(towel) == [("The towel, rolled tight", "Tight enough to hold its shape")]
    text = markdown_of(towel)
    assert "Breathe out as you lie back." in text
    assert "```bash\nfor i in 1 2 3 4 5" in text
    assert "[See it on GitHub Gist](https://gist.github.com/quietbreath/2f1a7c3e9b)" in text
    assert "workshop" not in text
    assert "Shortcodes and tags, skipped: {{< notice >}} (1)" in output
