"""PostgreSQL's full-text search, with a query's words joined as a balanced tree, and found
through the index entries' own indexes."""

import re

from django.contrib.postgres.search import SearchQuery
from django.db import connections
from django.db.models import Q
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText
from modelsearch.utils import AND, OR

# How many of a query's words may narrow the search through the index: one that few pages
# hold is enough, and a scanner's thousand words would make a query PostgreSQL plans slowly.
INDEXED_WORDS = 8
# A word in more than this share of titles or of bodies narrows nothing: the entries are
# read whole faster than found through the index (see below).
COMMON_SHARE = 0.2


def split_words(query_string):
    return [term for term in re.split(r"[\s\-]+", query_string) if term]


class BalancedWordsMixin:
    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, PlainText):
            return super().build_tsquery_content(query, config=config, invert=invert)
        terms = split_words(query.query_string)
        if not terms:
            return None
        lexemes = [Lexeme(term, invert=invert) for term in terms[:-1]]
        lexemes.append(Lexeme(terms[-1], invert=invert, prefix=self.LAST_TERM_IS_PREFIX))
        join = AND if query.operator == "and" else OR
        return SearchQuery(join(lexemes), search_type="raw", config=config)


class BalancedSearchQueryCompiler(BalancedWordsMixin, PostgresSearchQueryCompiler):
    """Wagtail's backend matches a page when its title and body together (``title ||
    body``) hold the query: an expression no index holds, so every search reads every index
    entry, a second at 100,000 articles however few pages match. Here a query's words that
    few pages hold (``narrowing_words``) must also be in the title or in the body, which the
    entries' own GIN indexes answer; the match itself and the ranking stay Wagtail's. A
    query of common words only is left as it is: there, reading every entry is the fastest
    way, and each extra test on it a cost."""

    def search(self, config, start, stop, score_field=None, backend=None):
        words = self.narrowing_words(config)
        if not words:
            return super().search(config, start, stop, score_field, backend)
        whole = self.queryset
        # In one filter() with Wagtail's: one join to the index entries serves both.
        self.queryset = whole.filter(*(self.in_title_or_body(word, config) for word in words))
        try:
            return super().search(config, start, stop, score_field, backend)
        finally:
            self.queryset = whole

    @staticmethod
    def in_title_or_body(word, config):
        query = SearchQuery(Lexeme(word), search_type="raw", config=config)
        return Q(index_entries__title=query) | Q(index_entries__body=query)

    def narrowing_words(self, config):
        """The first ``INDEXED_WORDS`` words of an "all words" query that are rare, by
        PostgreSQL's statistics of the index entries: none of their lexemes is among the
        most common of titles or bodies above ``COMMON_SHARE``. A word the text search
        configuration drops ("the", "and" in English) has no lexeme: no page need hold it."""
        if self.fields is not None or not isinstance(self.query, PlainText):
            return []
        if self.query.operator != "and":
            return []
        if not hasattr(self, "_narrowing_words"):  # asked once for the results and the count
            words = split_words(self.query.query_string)[:INDEXED_WORDS]
            self._narrowing_words = self.rare_words(words, config)
        return self._narrowing_words

    def rare_words(self, words, config):
        if not words:
            return []
        entries = IndexEntry._meta
        regconfig = "%(config)s::regconfig, " if config else ""
        # The entries' table and columns are the model's own: no input reaches the SQL.
        sql = f"""
            WITH common AS (
                SELECT unnest(s.most_common_elems::text::text[]) AS lexeme,
                       unnest(s.most_common_elem_freqs) AS share
                FROM pg_stats s
                WHERE s.tablename = %(table)s AND s.attname IN (%(title)s, %(body)s)
                  AND s.schemaname = ANY (current_schemas(false))
            )
            SELECT EXISTS (
                SELECT 1 FROM unnest(tsvector_to_array(to_tsvector({regconfig}u.word))) l
                WHERE NOT EXISTS (
                    SELECT 1 FROM common c WHERE c.lexeme = l AND c.share > %(common)s
                )
            )
            FROM unnest(%(words)s::text[]) WITH ORDINALITY AS u(word, n) ORDER BY u.n
        """  # noqa: S608
        params = {
            "table": entries.db_table,
            "title": entries.get_field("title").column,
            "body": entries.get_field("body").column,
            "common": COMMON_SHARE,
            "words": words,
            "config": config,
        }
        with connections[self.queryset.db].cursor() as cursor:
            cursor.execute(sql, params)
            rare = [row[0] for row in cursor.fetchall()]
        return [word for word, is_rare in zip(words, rare, strict=True) if is_rare]


class BalancedAutocompleteQueryCompiler(BalancedWordsMixin, PostgresAutocompleteQueryCompiler):
    pass


class SearchBackend(PostgresSearchBackend):
    query_compiler_class = BalancedSearchQueryCompiler
    autocomplete_query_compiler_class = BalancedAutocompleteQueryCompiler
