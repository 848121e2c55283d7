"""The demo content is Markdown files (config/demo/content) that round-trip exactly: the demo
site exports to the very files it was loaded from, and those files, imported into an empty
site and exported again, give the same bytes."""

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model

from blog.models import ArticlePage, AuthorIndexPage, BlogIndexPage
from blog.transfer.models import ImportRecord
from config.demo.files import CONTENT_DIR
from therapies.models import TechniqueIndexPage

from .test_demo_content import load


def files(directory, exclude=("site.yaml",)):
    return {
        str(path.relative_to(directory)): path.read_bytes()
        for path in sorted(directory.rglob("*"))
        if path.is_file() and path.name not in exclude
    }


@pytest.mark.django_db
def test_the_demo_content_round_trips_exactly(monkeypatch, tmp_path):
    load(monkeypatch, tmp_path)
    exported = tmp_path / "exported"
    call_command("export_markdown", str(exported), stdout=open(tmp_path / "1.txt", "w"))  # noqa: SIM115
    committed = files(CONTENT_DIR)
    assert len([name for name in committed if name.startswith("articles/")]) >= 12
    assert files(exported) == committed

    # An empty site: only the blog index is left, with nothing under it.
    for page in ArticlePage.objects.all():
        page.delete()
    for index in [*TechniqueIndexPage.objects.all(), *AuthorIndexPage.objects.all()]:
        index.delete()
    get_image_model().objects.all().delete()
    ImportRecord.objects.all().delete()
    blog = BlogIndexPage.objects.get()
    assert blog.get_children().count() == 0

    call_command("import_markdown", str(exported), stdout=open(tmp_path / "2.txt", "w"))  # noqa: SIM115
    again = tmp_path / "again"
    call_command("export_markdown", str(again), stdout=open(tmp_path / "3.txt", "w"))  # noqa: SIM115
    assert files(again) == files(exported)
    assert "Failed:" not in (tmp_path / "2.txt").read_text()
