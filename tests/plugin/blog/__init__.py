"""Tests of the blog app (wellness_blog): articles, blog indexes, feeds, author profiles, technique
pages' articles, review dates, query counts."""
