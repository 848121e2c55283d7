"""A Jekyll site (fixtures/jekyll: _config.yml, _data/authors.yml, _posts/ and _drafts/
with the front matter Jekyll and its themes write, Liquid in the bodies) comes in as
articles, with its old addresses as redirects."""

import datetime

import pytest
from django.test import Client

from blog.models import ArticlePage, AuthorPage

from .transfer_helpers import article, jekyll_site, markdown_of


@pytest.fixture
def import_site(tree, tmp_path):
    return jekyll_site(tmp_path)


@pytest.mark.django_db
def test_the_posts_come_in_with_their_old_addresses(import_site):
    output = import_site()
    # Each live or scheduled post's address under the site's permalink style (or its own
    # permalink), and its redirect_from; none for drafts.
    client = Client()
    for old, slug in [
        ("/practice/news/2013/05/06/welcome-to-the-practice.html", "welcome-to-the-practice"),
        ("/old/breathing.html", "breathing-basics"),
        ("/2014/breathing/", "breathing-basics"),
        ("/2016/01/10/warmth-and-tea.html", "warmth-and-tea"),
        ("/2017/03/03/index-card-routine.html", "index-card-routine"),
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == article(slug).url
    # A file of _posts without a date in its name is no post, as for Jekyll.
    assert "_posts/about-this-folder.md: no date in its name" in output
    assert not ArticlePage.objects.filter(title="Not a post").exists()


@pytest.mark.django_db
def test_the_front_matter_is_read_as_jekyll_reads_it(import_site):
    import_site()
    welcome = article("welcome-to-the-practice")
    # Jekyll's own date form, with its offset; space-separated categories become tags.
    assert welcome.first_published_at == datetime.datetime(
        2013, 5, 6, 0, 12, 52, tzinfo=datetime.UTC
    )
    assert welcome.date == datetime.date(2013, 5, 6)
    assert sorted(t.name for t in welcome.tags.all()) == ["news", "practice"]
    # No author: the site's.
    assert [a.title for a in welcome.authors] == ["Maren Oakhurst"]
    assert welcome.summary.startswith("This blog is where I write about what I see on the table")
    breathing = article("breathing-basics")
    # A quoted date; the author a key of _data/authors.yml; the excerpt the summary.
    assert breathing.date == datetime.date(2014, 2, 11)
    assert [a.title for a in breathing.authors] == ["Jonah Whitlowe"]
    assert breathing.summary == "Four counts in, six counts out, and why the long exhale matters."
    assert sorted(t.name for t in breathing.tags.all()) == ["breathing", "sleep"]
    assert breathing.image is not None and breathing.image.title == "hands-at-rest"
    warmth = article("warmth-and-tea")
    # An unquoted timestamp with an offset; tags as words; the description the summary.
    assert warmth.first_published_at == datetime.datetime(2016, 1, 10, 15, 30, tzinfo=datetime.UTC)
    assert sorted(t.name for t in warmth.tags.all()) == ["tea", "warmth"]
    assert warmth.summary == "A warm drink and warm shoulders before bed."
    assert [a.title for a in warmth.authors] == ["Jonah Whitlowe"]
    assert AuthorPage.objects.filter(title="Jonah Whitlowe").count() == 1
    # published: false and _drafts/: drafts; no title: Jekyll's, from the file name.
    unpublished = article("notes-from-the-workshop")
    assert not unpublished.live and unpublished.title == "Notes From The Workshop"
    assert not article("a-post-in-progress").live
    # A date to come: Jekyll does not publish it yet; Wagtail will, on that day.
    letter = article("a-letter-for-next-year")
    assert not letter.live
    assert letter.go_live_at == datetime.datetime(2099, 1, 14, 23, tzinfo=datetime.UTC)


@pytest.mark.django_db
def test_liquid_is_converted_or_removed(import_site):
    output = import_site()
    welcome = markdown_of(article("welcome-to-the-practice"))
    assert "```ruby\ndef breathe(count)" in welcome
    assert "Read more on the [site](/about/)." in welcome
    breathing = article("breathing-basics")
    images = [b["value"] for b in breathing.body.raw_data if b["type"] == "image"]
    assert [(i["image"]["alt_text"], i["caption"]) for i in images] == [
        ("Hands resting on the belly", "Feel the belly rise")
    ]
    text = markdown_of(breathing)
    assert "Use 4-7-8 breathing only if it feels comfortable." in text
    assert "[Watch the video on YouTube](https://www.youtube.com/watch?v=Zr7zF1S3vTg)" in text
    assert "TODO" not in text and "callout" not in text
    warmth = markdown_of(article("warmth-and-tea"))
    assert "[breathing basics](/breathing-basics/)" in warmth
    assert "lost.jpg" not in warmth
    assert "the picture /assets/images/lost.jpg is not in the site, so it is left out" in output
    assert "Shortcodes and tags, skipped: {% include %} (1)" in output
    assert "Shortcodes and tags, skipped: {% comment %} (1)" in output
    assert "Shortcodes and tags, skipped: {{ site.author.twitter }} (1)" in output


@pytest.mark.django_db
def test_every_file_that_cannot_be_read_is_listed_and_skip_invalid_imports_the_rest(
    import_site, tmp_path
):
    from django.core.management.base import CommandError

    site = tmp_path / "jekyll"
    (site / "_posts/2018-01-01-broken.md").write_text("---\ntitle: [unclosed\n---\nText.\n")
    (site / "_posts/2018-02-01-bad-date.md").write_text("---\ntitle: T\ndate: soon\n---\nText.\n")
    with pytest.raises(CommandError) as raised:
        import_site()
    message = str(raised.value)
    assert "2 items cannot be read, so nothing was imported" in message
    assert "_posts/2018-01-01-broken.md:" in message
    assert "_posts/2018-02-01-bad-date.md: date soon is not a date" in message
    assert not ArticlePage.objects.exists()
    output = import_site(skip_invalid=True)
    assert ArticlePage.objects.count() == 7
    assert "2 items failed; everything else was imported." in output
