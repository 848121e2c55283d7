from django.urls import path

from .. import converters  # noqa: F401 (registers <wellness_id:...>)
from . import views

app_name = "blog_comments"
urlpatterns = [
    path("<wellness_id:article_id>/", views.post_comment, name="post"),
    path("<wellness_id:article_id>/write/", views.write, name="write"),
    path("<wellness_id:article_id>/form-tokens/", views.form_tokens, name="tokens"),
]
