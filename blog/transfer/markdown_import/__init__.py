"""Folders of Markdown files in: our own (what export_markdown writes), a Jekyll site or a
Hugo site, each read whole and checked before anything is written.

folders.py tells which kind a folder is; own_files.py reads our own files and own.py
writes them; jekyll.py and hugo.py read those sites' posts, front_matter.py the front
matter they share, and static_site.py writes their posts as articles.

May import blog.transfer's shared modules (articles, html, embeds, markdown_files, report,
records, writer, images), blog.core, blog.models and therapies.models.
"""

from .folders import read_folder, read_site
from .own_files import ContentError

__all__ = ["ContentError", "read_folder", "read_site"]
