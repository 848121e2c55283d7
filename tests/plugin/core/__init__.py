"""Tests of blog.core: kept values, the outbox, autosave races, kept fragments, simultaneous
writers, the editor's tools, view restrictions."""
