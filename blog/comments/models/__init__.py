from .comments import ReaderComment
from .discussion import DiscussionSettings

__all__ = ["DiscussionSettings", "ReaderComment"]
