from .articles import ArticleAuthor, ArticlePage, ArticleReference, ArticleTag, ArticleTechnique
from .authors import AuthorIndexPage, AuthorPage, AuthorSpecialty
from .disclaimer import HealthDisclaimer
from .index import BlogIndexPage

__all__ = [
    "ArticleAuthor",
    "ArticlePage",
    "ArticleReference",
    "ArticleTag",
    "ArticleTechnique",
    "AuthorIndexPage",
    "AuthorPage",
    "AuthorSpecialty",
    "BlogIndexPage",
    "HealthDisclaimer",
]
