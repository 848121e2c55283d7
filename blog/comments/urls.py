from django.urls import path

from blog.core import converters  # noqa: F401 (registers <wellness_id:...>)

from .views import posting, readers

app_name = "wellness_comments"
urlpatterns = [
    # Posting, on any page that takes comments.
    path("<wellness_id:page_id>/", posting.post_comment, name="post"),
    path("<wellness_id:page_id>/write/", posting.write, name="write"),
    path("<wellness_id:page_id>/form-tokens/", posting.form_tokens, name="tokens"),
    # A reader's own comment, and someone else's they report.
    path("confirm/<str:token>/", readers.confirm, name="confirm"),
    path("comment/<wellness_id:comment_id>/edit/", readers.edit, name="edit"),
    path("edit/<str:token>/", readers.edit_by_link, name="edit_by_link"),
    path("comment/<wellness_id:comment_id>/report/", readers.report, name="report"),
]
