from .comments import ReaderComment
from .discussion import DiscussionSettings
from .readers import Commenter, CommentReport, MutedThread

__all__ = ["CommentReport", "Commenter", "DiscussionSettings", "MutedThread", "ReaderComment"]
