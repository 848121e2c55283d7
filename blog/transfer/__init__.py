"""Moving a blog in and out: WordPress, WordPress.com and Squarespace exports (wordpress/),
RSS and Atom feeds, and folders of Markdown files (markdown_import/: our own, Jekyll and
Hugo sites) in; our Markdown files out.

The modules at this level are what every importer shares: what an import read
(articles.py), writing it (writer.py, comment_writer.py, images.py, records.py), HTML and
media made Markdown and links (html.py, embeds.py), the report and the commands' common
options (report.py, commands.py). The sub-packages import them, never each other.

Depends on blog, therapies, blog.comments and blog.core; nothing imports it."""
