from .articles import ArticleAuthor, ArticlePage, ArticleReference, ArticleTag, ArticleTechnique
from .authors import AuthorIndexPage, AuthorPage, AuthorSpecialty
from .index import BlogIndexPage
from .review import ClinicalReviewSettings

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
    "ClinicalReviewSettings",
]
