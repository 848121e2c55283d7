from django.urls import path

from blog.core import converters  # noqa: F401 (registers <wellness_id:...>)

from . import views

app_name = "wellness_comments"
urlpatterns = [
    path("<wellness_id:page_id>/", views.post_comment, name="post"),
    path("<wellness_id:page_id>/write/", views.write, name="write"),
    path("<wellness_id:page_id>/form-tokens/", views.form_tokens, name="tokens"),
]
