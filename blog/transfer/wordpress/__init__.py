"""WordPress exports (WXR) in: the files WordPress, WordPress.com and Squarespace write.

wxr.py reads the file as a stream, export.py makes its two passes (what every post needs
and what cannot be read, then the posts one by one), shortcodes.py expands WordPress's
shortcodes, posts.py decides what each post becomes. The management command
import_wordpress drives them.

May import blog.transfer's shared modules (articles, html, embeds, report, records),
blog.comments.models, blog.models and therapies.models; nothing but the command imports it.
"""
