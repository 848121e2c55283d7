from django.urls import path

from blog.core import converters  # noqa: F401 (registers <wellness_id:...>)

from .views import links, posting

app_name = "wellness_comments"
urlpatterns = [
    path("<wellness_id:page_id>/", posting.post_comment, name="post"),
    path("<wellness_id:page_id>/write/", posting.write, name="write"),
    path("<wellness_id:page_id>/form-tokens/", posting.form_tokens, name="tokens"),
    # Readers' own links (blog.comments.views.links): each token is signed, and expires.
    path("unsubscribe/<str:token>/", links.unsubscribe, name="unsubscribe"),
    path("mute/<str:token>/", links.mute, name="mute"),
    path("my-data/", links.my_data, name="my_data"),
    path("my-data/download/<str:token>/", links.export, name="export"),
    path("my-data/erase/<str:token>/", links.erase, name="erase"),
]
