"""Counting the queries a page costs an anonymous reader."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def queries_of(path, **params):
    """The queries of a GET of ``path`` after a first one: the first also creates the site's
    settings rows and fills the caches every later reader finds filled."""
    Client().get(path, params)
    with CaptureQueriesContext(connection) as counted:
        response = Client().get(path, params)
    assert response.status_code == 200, response.content[:300]
    return len(counted)
