"""What a page shows of its comments: a page of threads, the count, and the form; and what a
commentable page puts in its template's context for them (``page_context``, which the
contract's ``get_context()`` uses: blog.comments.pages)."""

from django.utils.functional import SimpleLazyObject

from blog.core.converters import parse_id

from ..models import DiscussionSettings
from ..moderation.replies import may_answer
from ..posting.form import ReaderCommentForm
from ..readers.own_comments import editable_ids, has_own_comments_on
from ..rendering import PAGE_PARAM, Discussion
from .in_context import comment_in_context, thread_ids
from .threads import comment_threads

REPLY_PARAM = "replyto"  # the no-JavaScript reply link's comment


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


def page_context(request, page):
    """What ``page``'s template gets to show its comments: ``discussion``, worked out on first
    use (the comments every reader sees are kept rendered by ``{% comments %}``, and then
    nothing else asks for them), and whether it is ``discussion_shared``."""
    return {
        "discussion": SimpleLazyObject(lambda: discussion_for(request, page)),
        "discussion_shared": is_shared(request, page),
    }


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
