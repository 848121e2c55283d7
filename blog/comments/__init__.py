"""Reader comments under any page type that takes them: posting, the site owner's rules,
moderation in the Wagtail admin, notifications and a reader's own data.

A page type takes comments by implementing the contract in ``blog.comments.pages``."""
