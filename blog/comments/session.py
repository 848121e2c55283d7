"""A reader's own comments, remembered in their session: only they see the ones awaiting
moderation, and they may change or remove them for a while (blog.comments.own)."""

SESSION_KEY = "wellness_own_comments"
REMEMBERED = 20


def own_comment_ids(request):
    session = getattr(request, "session", None)
    if session is None or SESSION_KEY not in session:  # no session cookie: nothing to read
        return []
    return session[SESSION_KEY]


def remember(request, comment):
    ids = [*own_comment_ids(request), comment.pk][-REMEMBERED:]
    request.session[SESSION_KEY] = ids
