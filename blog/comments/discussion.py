"""What a page shows of its comments: a page of threads, the count, and the form."""

from dataclasses import dataclass, field

from blog.core.converters import parse_id

from .forms import ReaderCommentForm
from .in_context import comment_in_context, thread_ids
from .models import DiscussionSettings
from .moderation.replies import may_answer
from .own import editable_ids
from .session import has_own_comments_on
from .threads import PAGE_PARAM, comment_threads, public_comments

REPLY_PARAM = "replyto"  # the no-JavaScript reply link's comment


@dataclass
class Discussion:
    rules: DiscussionSettings
    is_open: bool
    threads: list = field(default_factory=list)  # CommentNodes, replies nested
    comment_page: object = None  # the Django Page of top-level comments
    approved_count: int = 0  # approved comments on the page, replies included
    form: ReaderCommentForm | None = None
    reply_target: object = None  # the comment a no-JavaScript reply link answers
    error: str = ""  # what went wrong with the reader's last post
    # The form carries this reader's CSRF token and form timestamp: a page for one reader,
    # never for the page cache (see blog.comments.views).
    personal: bool = False
    page_param: str = PAGE_PARAM
    # The requester's own comments they may still change or remove (blog.comments.own).
    editable_ids: set = field(default_factory=set)
    # The requester may answer as the page's author (blog.comments.replies): the form
    # posts their reply, signed with their byline.
    as_author: bool = False
    # The comment a moderator looks at in its place (blog.comments.in_context), marked.
    in_context_id: int | None = None

    @property
    def public_comments(self):
        """The approved comments shown, in reading order (for structured data)."""
        return list(public_comments(self.threads))


def is_shared(request, page):
    """Whether the comments ``page`` shows this request are what every reader sees: nobody
    signed in (who may answer as the author), none of the reader's own comments on the page,
    no reply or moderator's view asked for, the first page of comments."""
    return (
        request.method in ("GET", "HEAD")
        and not request.user.is_authenticated
        and not has_own_comments_on(request, page)
        and comment_in_context(request) is None
        and not {PAGE_PARAM, REPLY_PARAM} & request.GET.keys()
    )


def discussion_for(request, page):
    rules = DiscussionSettings.for_request(request)
    is_open = page.comments_are_open(rules)
    if page.pk is None:  # previewing a page that was never saved: no comments yet
        return Discussion(rules, is_open)
    in_context = comment_in_context(request)
    comments = comment_threads(request, page, rules, moderated_ids=thread_ids(request))
    reply_target = _reply_target(request, comments, rules)
    as_author = may_answer(request.user, page)
    form = None
    if is_open or as_author:
        initial = {"parent": reply_target.pk} if reply_target else {}
        form = ReaderCommentForm(page=page, rules=rules, user=request.user, initial=initial)
    shown = [node.comment for node in comments.by_id.values()]
    return Discussion(
        rules,
        is_open,
        threads=comments.threads,
        comment_page=comments.page,
        approved_count=comments.approved_count,
        form=form,
        reply_target=reply_target,
        editable_ids=editable_ids(request, shown, rules) if rules.edit_window_minutes else set(),
        as_author=as_author,
        in_context_id=in_context.pk if in_context else None,
    )


def _reply_target(request, comments, rules):
    """The comment named by ?replyto= (the no-JavaScript reply link), if it takes replies."""
    node = comments.by_id.get(parse_id(request.GET.get(REPLY_PARAM, "")))
    if node and node.comment.is_public and node.comment.depth < rules.max_reply_depth:
        return node.comment
    return None
