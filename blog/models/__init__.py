from .articles import ArticleAuthor, ArticlePage, ArticleTag, ArticleTechnique
from .authors import AuthorIndexPage, AuthorPage, AuthorSpecialty
from .comments import ReaderComment
from .discussion import DiscussionSettings
from .index import BlogIndexPage

__all__ = [
    "ArticleAuthor",
    "ArticlePage",
    "ArticleTag",
    "ArticleTechnique",
    "AuthorIndexPage",
    "AuthorPage",
    "AuthorSpecialty",
    "BlogIndexPage",
    "DiscussionSettings",
    "ReaderComment",
]
