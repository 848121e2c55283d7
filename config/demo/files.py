"""The demo content: Markdown files with YAML front matter under content/ (articles,
techniques, authors and their pictures), as export_markdown writes them and import_markdown
reads them, and the site's own settings in content/site.yaml."""

from pathlib import Path

import yaml

from blog.transfer.markdown_import import read_folder

CONTENT_DIR = Path(__file__).resolve().parent / "content"


def site():
    """The site's name, tagline, index intros, health disclaimer and the authors who get an
    admin account."""
    return yaml.safe_load((CONTENT_DIR / "site.yaml").read_text(encoding="utf-8"))


def content():
    """{"articles": [...], "techniques": [...], "authors": [...]}: each file's front matter
    (and body), read as the importer reads it."""
    return read_folder(CONTENT_DIR)
