"""Moving a blog in and out: WordPress (WXR), RSS and Atom feeds and Markdown files in,
Markdown files out. Depends on blog, therapies, blog.comments and blog.core; nothing imports
it."""
