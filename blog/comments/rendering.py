"""What readers see of comments, as the comment templates take it: the text escaped, in
paragraphs, with safe links (``comment_html``); a comment with its replies (``CommentNode``);
and what a page shows of its discussion (``Discussion``). The display room works them out
for a page (blog.comments.display); posting answers the enhanced form with one comment in
the same shapes."""

from dataclasses import dataclass, field

from django import forms
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

from .models import DiscussionSettings, ReaderComment

# Links readers post are user-generated content: search engines should neither follow
# them nor credit them (https://developers.google.com/search/docs/crawling-indexing/qualify-outbound-links).
REL = ' rel="nofollow ugc"'
PAGE_PARAM = "comments"  # the query parameter of the page of comments


def comment_html(body):
    # urlize escapes every character of the text itself, so the only rel="nofollow" left
    # unescaped is the attribute it generated.
    linked = urlize(body, trim_url_limit=60, nofollow=True, autoescape=True)
    linked = linked.replace(' rel="nofollow"', REL)
    return mark_safe(linebreaks(linked))  # noqa: S308 (escaped by urlize above)


@dataclass
class CommentNode:
    comment: ReaderComment
    replies: list = field(default_factory=list)


def public_comments(threads):
    """The approved comments among ``threads``, in reading order (a reader's own pending
    comments are shown to them, but are never part of what the page says publicly)."""
    for node in threads:
        if node.comment.is_public:
            yield node.comment
            yield from public_comments(node.replies)


@dataclass
class Discussion:
    rules: DiscussionSettings
    is_open: bool
    threads: list = field(default_factory=list)  # CommentNodes, replies nested
    comment_page: object = None  # the Django Page of top-level comments
    approved_count: int = 0  # approved comments on the page, replies included
    form: forms.Form | None = None  # blog.comments.posting.form's
    reply_target: object = None  # the comment a no-JavaScript reply link answers
    error: str = ""  # what went wrong with the reader's last post
    # The form carries this reader's CSRF token and form timestamp: a page for one reader,
    # never for the page cache (see blog.comments.posting.views).
    personal: bool = False
    page_param: str = PAGE_PARAM
    # The requester's own comments they may still change or remove
    # (blog.comments.readers.own_comments).
    editable_ids: set = field(default_factory=set)
    # The requester may answer as the page's author (blog.comments.moderation.replies): the
    # form posts their reply, signed with their byline.
    as_author: bool = False
    # The comment a moderator looks at in its place (blog.comments.display.in_context),
    # marked.
    in_context_id: int | None = None

    @property
    def public_comments(self):
        """The approved comments shown, in reading order (for structured data)."""
        return list(public_comments(self.threads))
