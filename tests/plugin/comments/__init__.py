"""Tests of blog.comments: posting and its rules, moderation, readers' data, e-mail, and the app's
rooms."""
