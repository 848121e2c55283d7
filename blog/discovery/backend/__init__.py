"""Wagtail's database search backend, answering queries of any length and any characters:
``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "blog.discovery.backend"}}``.

modelsearch (Wagtail 8's search) joins the words of a query one at a time, each join a level
deeper than the last: ((((a AND b) AND c) AND d) ...). Django compiles and hashes that tree
recursively, so a few hundred words (about 460 on SQLite, 150 on PostgreSQL) exhaust Python's
recursion limit and the search fails with a RecursionError. Every search goes through the
backend: the site's, the API's ``?search=``, the admin's listings and choosers. So here, for
the two databases the plugin is tested on, the words are joined as a balanced tree, a level
for each doubling of their number (modelsearch's own ``balanced_reduce``), and on SQLite a
double quote inside a word is escaped as FTS5 wants. Other databases get Wagtail's backend
as it is.
"""

from importlib import import_module

from wagtail.search.backends import database

# Wagtail's backend class for a database → the module of ours that replaces it.
SHALLOW_BACKENDS = {
    "SQLiteSearchBackend": ".sqlite",
    "PostgresSearchBackend": ".postgres",
}


def SearchBackend(params):  # the name Wagtail looks for in a backend module
    backend = database.SearchBackend(params)  # the one Wagtail chooses for this database
    module = SHALLOW_BACKENDS.get(type(backend).__name__)
    if module is None:
        return backend
    return import_module(module, __package__).SearchBackend(params)
