"""PostgreSQL's full-text search, with a query's words joined as a balanced tree."""

import re

from django.contrib.postgres.search import SearchQuery
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText
from modelsearch.utils import AND, OR


class BalancedWordsMixin:
    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, PlainText):
            return super().build_tsquery_content(query, config=config, invert=invert)
        terms = [term for term in re.split(r"[\s\-]+", query.query_string) if term]
        if not terms:
            return None
        lexemes = [Lexeme(term, invert=invert) for term in terms[:-1]]
        lexemes.append(Lexeme(terms[-1], invert=invert, prefix=self.LAST_TERM_IS_PREFIX))
        join = AND if query.operator == "and" else OR
        return SearchQuery(join(lexemes), search_type="raw", config=config)


class BalancedSearchQueryCompiler(BalancedWordsMixin, PostgresSearchQueryCompiler):
    pass


class BalancedAutocompleteQueryCompiler(BalancedWordsMixin, PostgresAutocompleteQueryCompiler):
    pass


class SearchBackend(PostgresSearchBackend):
    query_compiler_class = BalancedSearchQueryCompiler
    autocomplete_query_compiler_class = BalancedAutocompleteQueryCompiler
