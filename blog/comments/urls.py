from django.urls import path

from blog.core import converters  # noqa: F401 (registers <wellness_id:...>)

from .moderation import views as moderation
from .posting import views as posting
from .readers import views as readers

app_name = "wellness_comments"
urlpatterns = [
    # Posting, on any page that takes comments.
    path("<wellness_id:page_id>/", posting.post_comment, name="post"),
    path("<wellness_id:page_id>/write/", posting.write, name="write"),
    path("<wellness_id:page_id>/form-tokens/", posting.form_tokens, name="tokens"),
    # A reader's own comment, and someone else's they report.
    path("confirm/<str:token>/", posting.confirm, name="confirm"),
    path("comment/<wellness_id:comment_id>/edit/", readers.edit, name="edit"),
    path("edit/<str:token>/", readers.edit_by_link, name="edit_by_link"),
    path("comment/<wellness_id:comment_id>/report/", moderation.report, name="report"),
    # Readers' own links: each token is signed, and expires.
    path("unsubscribe/<str:token>/", readers.unsubscribe, name="unsubscribe"),
    path("mute/<str:token>/", readers.mute, name="mute"),
    path("my-data/", readers.my_data, name="my_data"),
    path("my-data/download/<str:token>/", readers.export, name="export"),
    path("my-data/erase/<str:token>/", readers.erase, name="erase"),
]
