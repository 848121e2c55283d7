"""manage.py export_markdown and import_markdown: a blog written out as Markdown files with
YAML front matter and read back into an empty site gives the same files again, byte for
byte; importing again changes nothing; a broken file is a clear error."""

import datetime

import pytest
from django.core.management.base import CommandError
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from blog.models import ArticlePage, ArticleReference, AuthorPage, AuthorSpecialty
from blog.transfer.markdown_files import read_file
from blog.transfer.models import ImportRecord
from tests.factories import make_article, make_author, make_image, make_technique
from therapies.models import RelatedTechnique, TechniquePage, TechniqueReference

from .transfer_helpers import run


def files(directory):
    return {
        str(path.relative_to(directory)): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def build_blog(tree):
    """A small blog using everything the files must carry."""
    hero = make_image("Hands at rest", colour="#446688")
    figure = make_image("Hands at rest", size=(300, 200), colour="#884466")  # same title
    trigger = make_technique(
        tree.techniques,
        "Trigger Point Therapy",
        slug="trigger-point-therapy",
        benefits=[("Targeted relief", "A familiar ache may ease.")],
        image=hero,
        image_alt="Two hands, still",
        evidence="Small trials.\n\nMixed results.\n",
    )
    release = make_technique(tree.techniques, "Myofascial Release", slug="myofascial-release")
    trigger.related_technique_links = [RelatedTechnique(technique=release)]
    trigger.references = [TechniqueReference(citation="Someone A. A study. 2020.", doi="10.1/x")]
    trigger.save_revision().publish()
    writer = make_author(
        tree.authors,
        "Ana Reyes",
        slug="ana-reyes",
        credentials="LMT",
        image=hero,
        long_bio="Ana works **gently**.\n\nShe swims.\n",
    )
    writer.specialties = [AuthorSpecialty(technique=trigger)]
    writer.save_revision().publish()
    reviewer = make_author(tree.authors, "Bo Lindqvist", slug="bo-lindqvist")
    body = [
        {"type": t, "value": v}
        for t, v in [
            ("markdown", "## Начало\n\nSome *emphasis* and a [link](https://example.org).\n"),
            ("markdown", "A second Markdown block, kept apart.\n"),
            (
                "image",
                {
                    "image": {
                        "image": figure.pk,
                        "alt_text": 'A towel "rolled" [tight]',
                        "decorative": False,
                    },
                    "caption": 'Rolled "just so"',
                },
            ),
            (
                "image",
                {"image": {"image": hero.pk, "alt_text": "", "decorative": True}, "caption": ""},
            ),
            ("pull_quote", {"quote": "Strong, never sharp.\nBreathe out.", "attribution": "Ana"}),
            ("technique_callout", {"technique": trigger.pk, "note": 'Why "this" matters'}),
            ("technique_callout", {"technique": release.pk, "note": ""}),
            ("markdown", "- **Pain relief:** less of it\n- **Mobility:** more of it\n"),
        ]
    ]
    article = make_article(
        tree.blog,
        "Knots, Explained",
        slug="knots-explained",
        authors=[writer],
        techniques=[trigger, release],
        tags=["knots", "шея"],
        body=body,
        date=datetime.date(2024, 4, 30),
        image=hero,
        image_alt="Two hands, still",
        reviewer=reviewer,
        last_reviewed=datetime.date(2024, 5, 1),
        review_interval_months=6,
        show_contents=False,
        comments_open=False,
    )
    article.references = [
        ArticleReference(citation="Someone B. Another study. 2021.", url="https://example.org/b")
    ]
    article.save_revision().publish()
    make_article(tree.blog, "Half Written", slug="half-written", authors=[writer], live=False)
    return article


def empty_the_site(tree):
    for page in ArticlePage.objects.all():
        page.delete()
    for index in (tree.techniques, tree.authors):
        index.refresh_from_db()
        index.delete()
    get_image_model().objects.all().delete()
    ImportRecord.objects.all().delete()


@pytest.mark.django_db
def test_export_then_import_into_an_empty_site_then_export_gives_the_same_bytes(tree, tmp_path):
    build_blog(tree)
    first, second = tmp_path / "first", tmp_path / "second"
    output = run("export_markdown", str(first))
    assert "Wrote 2 articles, 2 techniques, 2 authors and 2 images" in output
    exported = files(first)
    assert set(exported) >= {
        "articles/knots-explained.md",
        "articles/half-written.md",
        "techniques/trigger-point-therapy.md",
        "authors/ana-reyes.md",
    }
    # Two different pictures with one title get names of their own.
    assert len([name for name in exported if name.startswith("images/hands-at-rest")]) == 2

    empty_the_site(tree)
    assert not TechniquePage.objects.exists() and not AuthorPage.objects.exists()
    run("import_markdown", str(first))
    run("export_markdown", str(second))
    assert files(second) == exported

    article = ArticlePage.objects.get(slug="knots-explained")
    assert [b.block_type for b in article.body] == [
        "markdown",
        "markdown",
        "image",
        "image",
        "pull_quote",
        "technique_callout",
        "technique_callout",
        "markdown",
    ]
    assert article.reviewer.slug == "bo-lindqvist" and not article.comments_open
    assert (article.review_interval_months, article.show_contents) == (6, False)
    assert not ArticlePage.objects.get(slug="half-written").live


@pytest.mark.django_db
def test_the_files_read_as_jekyll_and_hugo_users_expect(tree, tmp_path):
    build_blog(tree)
    run("export_markdown", str(tmp_path))
    front, body = read_file(tmp_path / "articles/knots-explained.md")
    assert front["title"] == "Knots, Explained" and front["date"] == datetime.date(2024, 4, 30)
    assert front["authors"] == ["ana-reyes"] and front["reviewer"] == "bo-lindqvist"
    assert front["techniques"] == ["trigger-point-therapy", "myofascial-release"]
    assert front["tags"] == ["knots", "шея"]
    assert front["image"].startswith("images/hands-at-rest") and front["image_alt"]
    assert front["references"] == [
        {"citation": "Someone B. Another study. 2021.", "url": "https://example.org/b"}
    ]
    assert body.startswith("## Начало\n\nSome *emphasis* and a [link](https://example.org).")
    assert '{{< pull-quote attribution="Ana" >}}\nStrong, never sharp.\nBreathe out.\n' in body
    assert '{{< technique slug="trigger-point-therapy" note="Why \\"this\\" matters" >}}' in body
    assert '![A towel "rolled" \\[tight\\]](images/' in body
    assert read_file(tmp_path / "articles/half-written.md")[0]["draft"] is True
    author, bio = read_file(tmp_path / "authors/ana-reyes.md")
    assert author["specialties"] == ["trigger-point-therapy"]
    assert bio == "Ana works **gently**.\n\nShe swims.\n"


@pytest.mark.django_db
def test_importing_the_same_files_again_changes_nothing(tree, tmp_path):
    build_blog(tree)
    run("export_markdown", str(tmp_path))
    run("import_markdown", str(tmp_path))  # takes over the pages of the same slugs
    counts = (Page.objects.count(), Revision.objects.count(), get_image_model().objects.count())
    output = run("import_markdown", str(tmp_path))
    assert "unchanged since the last import" in output
    assert (Page.objects.count(), Revision.objects.count(), get_image_model().objects.count()) == (
        counts
    )
    path = tmp_path / "articles/knots-explained.md"
    path.write_text(path.read_text().replace("title: Knots, Explained", "title: Knots, Revisited"))
    run("import_markdown", str(tmp_path))
    assert ArticlePage.objects.get(slug="knots-explained").title == "Knots, Revisited"
    assert ArticlePage.objects.count() == 2


@pytest.mark.django_db
def test_a_file_naming_an_unknown_author_fails_alone(tree, tmp_path):
    build_blog(tree)
    run("export_markdown", str(tmp_path))
    empty_the_site(tree)
    path = tmp_path / "articles/half-written.md"
    path.write_text(path.read_text().replace("- ana-reyes", "- nobody-here"))
    output = run("import_markdown", str(tmp_path))
    assert "no author nobody-here" in output
    assert ArticlePage.objects.filter(slug="knots-explained").exists()
    assert not ArticlePage.objects.filter(slug="half-written").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text, message",
    [
        ("title: no front matter\n", "no front matter"),
        ("---\ntitle: [unclosed\n---\n", "articles/broken.md"),
        ("---\ntitle: Never closed\n", "no closing ---"),
        ("---\nslug: untitled\n---\nBody.\n", "title is missing"),
        ("---\ntitle: T\nreview_interval_months: forever\n---\n", "number of months"),
    ],
)
def test_a_broken_file_is_a_clear_error_before_anything_is_written(tree, tmp_path, text, message):
    build_blog(tree)
    run("export_markdown", str(tmp_path))
    empty_the_site(tree)
    (tmp_path / "articles/broken.md").write_text(text)
    before = Page.objects.count()
    with pytest.raises(CommandError, match=message):
        run("import_markdown", str(tmp_path))
    assert Page.objects.count() == before and not ImportRecord.objects.exists()


@pytest.mark.django_db
def test_a_date_written_as_jekyll_writes_it_is_read(tree, tmp_path):
    """Regression: "date must be a date (YYYY-MM-DD)" stopped the import at the first
    file with Jekyll's date form, quoted or not, and nothing came in."""
    (tmp_path / "articles").mkdir()
    for slug, date in (("quoted", '"2013-05-06 02:12:52 +0200"'), ("bare", "2013-05-07 08:00:00")):
        (tmp_path / f"articles/{slug}.md").write_text(
            f"---\ntitle: {slug.title()}\ndate: {date}\n---\nBody.\n"
        )
    run("import_markdown", str(tmp_path))
    assert ArticlePage.objects.get(slug="quoted").date == datetime.date(2013, 5, 6)
    assert ArticlePage.objects.get(slug="bare").date == datetime.date(2013, 5, 7)


@pytest.mark.django_db
def test_every_broken_file_is_listed_and_skip_invalid_imports_the_rest(tree, tmp_path):
    build_blog(tree)
    run("export_markdown", str(tmp_path))
    empty_the_site(tree)
    (tmp_path / "articles/broken.md").write_text("---\ntitle: [unclosed\n---\n")
    (tmp_path / "authors/nameless.md").write_text("---\nslug: nameless\n---\n")
    with pytest.raises(CommandError) as raised:
        run("import_markdown", str(tmp_path))
    assert "2 items cannot be read" in str(raised.value)
    assert "articles/broken.md" in str(raised.value)
    assert "authors/nameless.md: name is missing" in str(raised.value)
    assert not ArticlePage.objects.exists()
    output = run("import_markdown", str(tmp_path), skip_invalid=True)
    assert ArticlePage.objects.count() == 2
    assert "2 items failed; everything else was imported." in output


@pytest.mark.django_db
def test_export_will_not_overwrite_without_being_asked(tree, tmp_path):
    build_blog(tree)
    run("export_markdown", str(tmp_path))
    with pytest.raises(CommandError, match="--overwrite"):
        run("export_markdown", str(tmp_path))
    (tmp_path / "articles/stale.md").write_text("---\ntitle: Old\n---\n")
    run("export_markdown", str(tmp_path), overwrite=True)
    assert not (tmp_path / "articles/stale.md").exists()


@pytest.mark.django_db
def test_import_markdown_dry_run_writes_nothing(tree, tmp_path):
    build_blog(tree)
    run("export_markdown", str(tmp_path))
    empty_the_site(tree)
    output = run("import_markdown", str(tmp_path), dry_run=True)
    assert "Would create" in output
    assert not ArticlePage.objects.exists() and not get_image_model().objects.exists()


@pytest.mark.django_db
def test_the_same_files_imported_into_a_second_blog_make_articles_of_its_own(tree, tmp_path):
    from blog.models import BlogIndexPage
    from tests.factories import publish

    build_blog(tree)
    run("export_markdown", str(tmp_path))
    run("import_markdown", str(tmp_path), blog=tree.blog.pk)
    second = publish(Page.get_first_root_node(), BlogIndexPage(title="Second", slug="second"))
    run("import_markdown", str(tmp_path), blog="second")
    assert ArticlePage.objects.child_of(tree.blog).count() == 2
    assert ArticlePage.objects.child_of(second).count() == 2
    assert TechniquePage.objects.count() == 2  # techniques and authors are the site's own
