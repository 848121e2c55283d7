from django.urls import path

from blog.core import converters  # noqa: F401 (registers <wellness_id:...>)

from .views import links, posting, readers

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
    # Readers' own links (blog.comments.views.links): each token is signed, and expires.
    path("unsubscribe/<str:token>/", links.unsubscribe, name="unsubscribe"),
    path("mute/<str:token>/", links.mute, name="mute"),
    path("my-data/", links.my_data, name="my_data"),
    path("my-data/download/<str:token>/", links.export, name="export"),
    path("my-data/erase/<str:token>/", links.erase, name="erase"),
]
