"""A reader's own comments, remembered in their session: only they see the ones awaiting
moderation, and they may change or remove them for a while (blog.comments.own)."""

SESSION_KEY = "wellness_own_comments"
# The pages those comments are on: where a page must be built for this reader alone.
PAGES_SESSION_KEY = "wellness_own_comment_pages"
REMEMBERED = 20


def own_comment_ids(request):
    session = getattr(request, "session", None)
    if session is None or SESSION_KEY not in session:  # no session cookie: nothing to read
        return []
    return session[SESSION_KEY]


def own_page_ids(session):
    """The ids of the pages holding this session's own comments; None when the session has
    comments of its own but predates the pages being remembered (any page may hold one)."""
    if SESSION_KEY not in session:
        return set()
    pages = session.get(PAGES_SESSION_KEY)
    return None if pages is None else set(pages)


def has_own_comments_on(request, page):
    session = getattr(request, "session", None)
    if session is None:
        return False
    pages = own_page_ids(session)
    return pages is None or page.pk in pages


def remember(request, comment):
    ids = [*own_comment_ids(request), comment.pk][-REMEMBERED:]
    pages = own_page_ids(request.session) or set()
    request.session[SESSION_KEY] = ids
    request.session[PAGES_SESSION_KEY] = sorted({*pages, comment.page_id})[-REMEMBERED:]
