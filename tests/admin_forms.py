"""Form data for Wagtail's page editor, as the browser would post it."""

from django.urls import reverse
from django.utils.text import slugify
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def add_url(model, parent):
    meta = model._meta
    return reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, parent.pk])


def article_form(
    title="A new article",
    summary="Short.",
    authors=(),
    techniques=(),
    body=None,
    reviewer=None,
    last_reviewed="",
    references=(),
    show_contents=True,
):
    if body is None:
        body = [("markdown", "## Why\n\n- **Rest:** it helps.")]
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "summary": summary,
            "date": "",
            "tags": "",
            "image": "",
            "image_alt": "",
            "body": streamfield(body),
            "author_links": inline_formset([{"author": a.pk} for a in authors]),
            "technique_links": inline_formset([{"technique": t.pk} for t in techniques]),
            "references": inline_formset(list(references)),
            "reviewer": reviewer.pk if reviewer else "",
            "last_reviewed": last_reviewed,
            # A checkbox: the browser sends it only when ticked.
            **({"show_contents": "on"} if show_contents else {}),
        }
    )


def author_form(author, user=None, **changes):
    """The edit form of an author profile as the editor posts it; ``user`` is the admin
    account field, sent only when given (a forged field, for users the editor hides it from)."""
    data = {
        "title": author.title,
        "slug": author.slug,
        "credentials": author.credentials,
        "image": author.image_id or "",
        "short_bio": author.short_bio,
        "long_bio": author.long_bio,
        "specialties": inline_formset([]),
        **changes,
    }
    if user is not None:
        data["user"] = user.pk
    return nested_form_data(data)
