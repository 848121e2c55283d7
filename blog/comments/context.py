"""What an article page needs to show its comments and the form."""

from ..models.discussion import DiscussionSettings
from .forms import ReaderCommentForm
from .threads import PAGE_PARAM, comment_threads


def comment_context(request, article):
    rules = DiscussionSettings.for_request(request)
    is_open = article.comments_are_open(rules)
    if article.pk is None:  # previewing an article that was never saved: no comments yet
        return {"discussion": rules, "comments_open": is_open, "comment_count": 0}
    comments = comment_threads(request, article, rules)
    reply_target = _reply_target(request, comments, rules)
    form = None
    if is_open:
        initial = {"parent": reply_target.pk} if reply_target else {}
        form = ReaderCommentForm(article=article, rules=rules, user=request.user, initial=initial)
    return {
        "discussion": rules,
        "comments_open": is_open,
        "comment_threads": comments.threads,
        "comment_page": comments.page,
        "comment_page_param": PAGE_PARAM,
        "comment_count": comments.approved_count,
        "comment_form": form,
        "reply_target": reply_target,
    }


def _reply_target(request, comments, rules):
    """The comment named by ?replyto= (the no-JavaScript reply link), if it takes replies."""
    try:
        node = comments.by_id.get(int(request.GET.get("replyto", "")))
    except ValueError:
        return None
    if node and node.comment.is_public and node.comment.depth < rules.max_reply_depth:
        return node.comment
    return None
