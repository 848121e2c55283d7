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
            "hero_image": "",
            "hero_image_alt": "",
            "body": streamfield(body),
            "author_links": inline_formset([{"author": a.pk} for a in authors]),
            "technique_links": inline_formset([{"technique": t.pk} for t in techniques]),
            "references": inline_formset(list(references)),
            "reviewer": reviewer.pk if reviewer else "",
            "last_reviewed": last_reviewed,
        }
    )
