"""A read-only headless API (Wagtail's API v2): /articles/, /techniques/ and /authors/.

Each endpoint serves one page type, only live pages the requester may see, with the
relations its fields show prefetched, so a listing costs the same however long it is.
"""

from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from wagtail.api.v2.filters import SearchFilter
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet

from blog.core.images import with_renditions
from blog.listings import KeptOrder
from blog.models import ArticlePage, ArticleTechnique, AuthorPage, AuthorSpecialty
from therapies.models import RelatedTechnique, TechniquePage

from .forms import SearchForm


class WordSearchFilter(SearchFilter):
    """Wagtail's ``?search=``, held to the site search's rules (``SearchForm``): a query the
    search box refuses (too long) is a 400 that says why, and only its words are searched
    for (SQLite's full-text index raises on a blank query, which would be a 500)."""

    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET:
            return queryset
        form = SearchForm({"q": request.GET["search"]})
        if not form.is_valid():
            raise BadRequestError(" ".join(form.errors["q"]))
        if not form.terms:
            raise BadRequestError("search for at least one word")
        query = request.GET.copy()
        query["search"] = " ".join(form.terms)
        # SearchFilter reads nothing from the request but its query string.
        return super().filter_queryset(SimpleNamespace(GET=query), queryset, view)


class PageTypeAPIViewSet(PagesAPIViewSet):
    """An endpoint for one page type. ``?type=`` is not offered: it would swap in another."""

    filter_backends = [
        *(backend for backend in PagesAPIViewSet.filter_backends if backend is not SearchFilter),
        WordSearchFilter,
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"type"}
    listing_fields = ()  # shown in listings besides Wagtail's id, title, URLs and slug
    prefetch = ()

    def get_queryset(self):
        visible = self.get_base_queryset().values("pk")  # live, not private, this site
        pages = self.model.objects.filter(pk__in=visible).select_related("locale")
        return pages.prefetch_related(*self.prefetch)

    @classmethod
    def get_listing_default_fields(cls, model):
        return [*super().get_listing_default_fields(model), *cls.listing_fields]

    def handle_exception(self, exc):
        # A malformed filter value (?date=soon) fails Django's field validation: a bad request.
        if isinstance(exc, ValidationError):
            exc = BadRequestError(" ".join(exc.messages))
        return super().handle_exception(exc)


# The parameters that say how much of the listing to show, and how: not which articles it
# holds, nor in what order.
PRESENTATION_PARAMETERS = frozenset(
    {"limit", "offset", "fields", "rich_text_format", "format", "_"}
)


class ArticlesAPIViewSet(PageTypeAPIViewSet):
    """Articles, newest first. The plain listing (no filter, order or search) is paged from
    the order the blog's own listings keep (blog.listings.KeptOrder), so a page and its
    total cost the same at any offset and on a site of any size; the rest is Wagtail's."""

    model = ArticlePage
    listing_fields = ("summary", "date", "reading_time", "authors", "techniques", "tags")
    # Rendering bodies is for one article at a time.
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "body", "body_html"]
    prefetch = (
        Prefetch("technique_links", ArticleTechnique.objects.select_related("technique")),
        "tags",
        "references",
        with_renditions("image", "social"),
    )

    def get_queryset(self):
        return super().get_queryset().with_authors().select_related("reviewer").newest_first()

    def paginate_queryset(self, queryset):
        if self.request.GET.keys() <= PRESENTATION_PARAMETERS:
            queryset = KeptOrder(queryset)
        return super().paginate_queryset(queryset)


class TechniquesAPIViewSet(PageTypeAPIViewSet):
    model = TechniquePage
    listing_fields = ("summary",)
    prefetch = (
        "benefits",
        "references",
        Prefetch("related_technique_links", RelatedTechnique.objects.select_related("technique")),
        with_renditions("image", "social"),
    )


class AuthorsAPIViewSet(PageTypeAPIViewSet):
    model = AuthorPage
    listing_fields = ("credentials", "short_bio")
    prefetch = (
        Prefetch("specialties", AuthorSpecialty.objects.select_related("technique")),
        with_renditions("image", "portrait"),
    )


api_router = WagtailAPIRouter("wellness_api")
api_router.register_endpoint("articles", ArticlesAPIViewSet)
api_router.register_endpoint("techniques", TechniquesAPIViewSet)
api_router.register_endpoint("authors", AuthorsAPIViewSet)
