"""A reader's own pending comments, remembered in their session so only they see them."""

SESSION_KEY = "blog_own_comments"
REMEMBERED = 20


def own_comment_ids(request):
    session = getattr(request, "session", None)
    if session is None or SESSION_KEY not in session:  # no session cookie: nothing to read
        return []
    return session[SESSION_KEY]


def remember(request, comment):
    ids = [*own_comment_ids(request), comment.pk][-REMEMBERED:]
    request.session[SESSION_KEY] = ids
