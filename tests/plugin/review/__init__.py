"""Tests of blog.review: the clinical review task, reminders and the Reviews due report."""
