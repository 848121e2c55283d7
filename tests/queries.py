"""Counting the queries a page costs an anonymous reader."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def sql_of(path, **params):
    """The SQL of each query of a GET of ``path`` after a first one: the first also creates
    the site's settings rows and fills the caches every later reader finds filled."""
    Client().get(path, params)
    with CaptureQueriesContext(connection) as counted:
        response = Client().get(path, params)
    assert response.status_code == 200, response.content[:300]
    return [query["sql"] for query in counted.captured_queries]


def queries_of(path, **params):
    """How many queries a GET of ``path`` costs, after a first one (``sql_of``)."""
    return len(sql_of(path, **params))
