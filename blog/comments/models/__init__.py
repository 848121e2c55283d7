from .comments import ReaderComment
from .readers import Commenter, CommentReport, MutedThread
from .settings import DiscussionSettings

__all__ = ["CommentReport", "Commenter", "DiscussionSettings", "MutedThread", "ReaderComment"]
