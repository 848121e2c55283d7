"""Old WordPress links of the ``/?p=123`` kind. Wagtail's redirects answer only for paths
that would be a 404, and ``/`` is a page here, so the redirects the importer made for such
links are followed before the page is served."""

from django.db.models import F
from django.http import HttpResponsePermanentRedirect
from wagtail import hooks
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

# WordPress's links to a post or a page when pretty permalinks are off.
OLD_QUERY_LINKS = ("p", "page_id")


@hooks.register("before_serve_page")
def follow_old_query_links(page, request, serve_args, serve_kwargs):
    if not any(name in request.GET for name in OLD_QUERY_LINKS):
        return None
    path = Redirect.normalise_path(request.get_full_path())
    site = Site.find_for_request(request)
    redirect = (
        Redirect.get_for_site(site)
        .filter(old_path=path)
        .select_related("redirect_page")
        .order_by(F("site").asc(nulls_last=True))  # the site's own before one for all sites
        .first()
    )
    if redirect is None or redirect.link is None:
        return None
    return HttpResponsePermanentRedirect(redirect.link)
