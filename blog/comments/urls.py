from django.urls import path

from blog.core import converters  # noqa: F401 (registers <wellness_id:...>)

from .views import posting

app_name = "wellness_comments"
urlpatterns = [
    path("<wellness_id:page_id>/", posting.post_comment, name="post"),
    path("<wellness_id:page_id>/write/", posting.write, name="write"),
    path("<wellness_id:page_id>/form-tokens/", posting.form_tokens, name="tokens"),
]
