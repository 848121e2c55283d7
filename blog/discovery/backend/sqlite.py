"""SQLite's full-text (FTS5) search, with a query's words joined as a balanced tree."""

from modelsearch.backends.database.sqlite.query import Lexeme, SearchQueryExpression
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import PlainText
from modelsearch.utils import AND, OR


class BalancedWordsMixin:
    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        # FTS5 strings escape a double quote by doubling it; modelsearch leaves it as it is,
        # and FTS5 then fails on 'trigger"point' ("unterminated string").
        terms = [term.replace('"', '""') for term in query.query_string.split()]
        if not terms:
            return None
        lexemes = [Lexeme(term) for term in terms[:-1]]
        lexemes.append(Lexeme(terms[-1], prefix=self.LAST_TERM_IS_PREFIX))
        join = AND if query.operator.upper() == "AND" else OR
        return SearchQueryExpression(join(lexemes), config=config)


class BalancedSearchQueryCompiler(BalancedWordsMixin, SQLiteSearchQueryCompiler):
    pass


class BalancedAutocompleteQueryCompiler(BalancedWordsMixin, SQLiteAutocompleteQueryCompiler):
    pass


class SearchBackend(SQLiteSearchBackend):
    query_compiler_class = BalancedSearchQueryCompiler
    autocomplete_query_compiler_class = BalancedAutocompleteQueryCompiler
