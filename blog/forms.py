from django import forms
from django.apps import apps
from taggit.models import Tag

from therapies.models import TechniquePage


class ArticleFilterForm(forms.Form):
    """Narrows the blog index by ?technique=, ?tag= and ?author= (slugs).

    Unknown or malformed values never raise: the listing comes back empty and the page
    says which filter matched nothing, so an old or mistyped link still gets a normal page.
    """

    technique = forms.SlugField(required=False)
    author = forms.SlugField(required=False)
    tag = forms.SlugField(required=False)

    # The ArticlePageQuerySet method each filter narrows the listing with.
    narrowing = {"technique": "about_technique", "author": "by_author", "tag": "tagged"}

    def __init__(self, query):
        # Only our own keys count: ?page= and tracking parameters are not filters.
        super().__init__({name: query[name] for name in self.base_fields if query.get(name)})

    def clean_technique(self):
        return self._find(TechniquePage.objects.live(), "technique")

    def clean_author(self):
        # By its label, as page types name each other: the blog's models use this form.
        return self._find(apps.get_model("wellness_blog.AuthorPage").objects.live(), "author")

    def clean_tag(self):
        return self._find(Tag.objects.all(), "tag")

    def _find(self, queryset, name):
        slug = self.cleaned_data[name]
        return queryset.filter(slug=slug).first() if slug else None

    @property
    def applied(self):
        """(name, what was asked for, the matching object or None) for each filter in use."""
        self.is_valid()
        return [(name, self.data[name], self.cleaned_data.get(name)) for name in self.data]

    def filter(self, articles):
        for name, _slug, match in self.applied:
            articles = getattr(articles, self.narrowing[name])(match) if match else articles.none()
        return articles
