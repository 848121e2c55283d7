"""Which kind of folder an import is given, read whole before anything is written: our own
files (articles/, techniques/, authors/), a Jekyll site (_posts/) or a Hugo site
(content/posts/); and every file that cannot be read, with its reason."""

from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _

from . import hugo, jekyll
from .own_files import ContentError, holds_own_files, read_own
from .static_site import deduplicate_keys

OWN, JEKYLL, HUGO = "own", "jekyll", "hugo"


@dataclass
class Folder:
    kind: str
    directory: Path
    content: dict = field(default_factory=dict)  # our own files, by kind
    posts: list = field(default_factory=list)  # a Jekyll or Hugo site's StaticPosts
    problems: list = field(default_factory=list)  # (path, reason): cannot be read
    skipped: list = field(default_factory=list)  # (path, reason): not posts, said why
    default_author: str = ""
    # Where a Jekyll or Hugo site's pictures are looked for, from its root.
    roots: tuple = ("",)

    @property
    def total(self):
        return sum(len(items) for items in self.content.values()) + len(self.posts)


def read_site(directory):
    """The folder at ``directory``, read; ContentError if it is none of the kinds."""
    directory = Path(directory)
    if not directory.is_dir():
        raise ContentError(_("%(path)s is not a folder") % {"path": directory})
    if holds_own_files(directory):
        content, problems = read_own(directory)
        return Folder(OWN, directory, content=content, problems=problems)
    for kind, module, site_class, roots in (
        (JEKYLL, jekyll, jekyll.JekyllSite, ("",)),
        (HUGO, hugo, hugo.HugoSite, ("static", "assets", "")),
    ):
        if module.is_site(directory):
            site = site_class(directory).read()
            deduplicate_keys(site.posts)
            return Folder(
                kind,
                directory,
                posts=site.posts,
                problems=site.problems,
                skipped=site.skipped,
                default_author=site.default_author,
                roots=roots,
            )
    raise ContentError(
        _(
            "%(path)s holds neither our own files (articles/, techniques/ or authors/ of .md "
            "files), a Jekyll site (_posts/) nor a Hugo site (content/posts/)"
        )
        % {"path": directory}
    )


def read_folder(directory):
    """Our own files in ``directory``, every one read and checked: {"techniques": [...],
    "authors": [...], "articles": [...]}, or ContentError listing all that are wrong."""
    folder = read_site(directory)
    if folder.kind != OWN:
        raise ContentError(_("%(path)s is not a folder of our own files") % {"path": directory})
    if folder.problems:
        raise ContentError("\n".join(f"{path}: {reason}" for path, reason in folder.problems))
    return folder.content
