"""Tests of blog.transfer: importing WordPress, Squarespace, feeds, Markdown, Jekyll and Hugo, and
exporting; fixtures/ holds the exports."""
