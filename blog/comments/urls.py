from django.urls import path

from . import views

app_name = "blog_comments"
urlpatterns = [
    path("<int:article_id>/", views.post_comment, name="post"),
    path("<int:article_id>/write/", views.write, name="write"),
    path("<int:article_id>/form-tokens/", views.form_tokens, name="tokens"),
]
