"""Tests of blog.discovery: site search and its backend, hostile queries, the API, the sitemap and
robots.txt."""
