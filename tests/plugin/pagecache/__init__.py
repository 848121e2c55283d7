"""Tests of blog.pagecache: the page cache's policy, keys and flows."""
