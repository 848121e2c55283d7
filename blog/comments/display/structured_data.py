"""schema.org structured data for reader comments: approved ones only, never an address."""


def reader_comment(comment, page_url):
    """An approved reader comment. Never the e-mail address: it is not public."""
    return {
        "@type": "Comment",
        "@id": f"{page_url}#comment-{comment.pk}",
        "text": comment.body,
        "dateCreated": comment.created_at.isoformat(),
        "author": {"@type": "Person", "name": comment.name},
    }
