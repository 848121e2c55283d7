"""What every wellness page type shares: page mixins (metadata, pictures, review before
publishing, privacy), rendition sets, Markdown, pagination, structured data helpers, the
plugin's settings, the editor groups, the health disclaimer, and the tag-versioned cache that
knows when something a page shows has changed. Depends on nothing else in the plugin."""
