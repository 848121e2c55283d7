"""schema.org structured data (JSON-LD) for search engines, built as plain dicts.

The template tag ``json_ld`` serialises them with json.dumps and escapes <, > and &, so
nothing an editor types can end the <script> element or break the JSON. Pages hand over
what they already loaded for display, so structured data costs no extra queries.
"""

from django.conf import settings
from wagtail.models import Site

from .images import largest_rendition
from .markdown import markdown_to_text

SCHEMA_ORG = "https://schema.org"


def absolute_image_url(image, set_name, request):
    return request.build_absolute_uri(largest_rendition(image, set_name).url)


def person(author, request):
    """An author as a schema.org Person, with their profile URL when it is published."""
    data = {"@type": "Person", "name": author.title}
    if author.live:
        data["url"] = author.get_full_url(request)
    if author.credentials:
        data["honorificSuffix"] = author.credentials
    return data


def author_profile(author, request, specialties):
    """The Person an author page is about."""
    data = {"@context": SCHEMA_ORG, **person(author, request), "description": author.short_bio}
    if author.photo:
        data["image"] = absolute_image_url(author.photo, "portrait", request)
    if specialties:
        data["knowsAbout"] = [technique.title for technique in specialties]
    return data


def site_name(site):
    """The site's name, or the admin's when the site has none (as Wagtail's default site)."""
    return (site and site.site_name) or settings.WAGTAIL_SITE_NAME


def publisher(request):
    site = Site.find_for_request(request)
    return {"@type": "Organization", "name": site_name(site), "url": f"{site.root_url}/"}


def blog_posting(article, request, authors, techniques, tags, references, comments=(), count=0):
    """An article as a BlogPosting. Who reviewed it and when go on the web page it is the
    main entity of, as schema.org defines reviewedBy and lastReviewed for WebPage."""
    url = article.get_full_url(request)
    page = {"@type": "WebPage", "@id": url}
    if article.reviewer is not None and article.last_reviewed:
        page["reviewedBy"] = person(article.reviewer, request)
        page["lastReviewed"] = article.last_reviewed.isoformat()
    data = {
        "@context": SCHEMA_ORG,
        "@type": "BlogPosting",
        "headline": article.title,
        "description": article.summary,
        "url": url,
        "mainEntityOfPage": page,
        "datePublished": article.display_date.isoformat(),
        "dateModified": (article.updated_date or article.display_date).isoformat(),
        "author": [person(author, request) for author in authors],
        "publisher": publisher(request),
        "timeRequired": f"PT{article.reading_time}M",
    }
    if article.hero_image:
        data["image"] = [absolute_image_url(article.hero_image, "social", request)]
    if tags:
        data["keywords"] = [tag.name for tag in tags]
    if techniques:
        data["about"] = [
            {"@type": "MedicalTherapy", "name": t.title, "url": t.get_full_url(request)}
            for t in techniques
        ]
    if references:
        data["citation"] = [citation(reference) for reference in references]
    data["commentCount"] = count
    if comments:
        data["comment"] = [reader_comment(comment, url) for comment in comments]
    return data


def reader_comment(comment, article_url):
    """An approved reader comment. Never the e-mail address: it is not public."""
    return {
        "@type": "Comment",
        "@id": f"{article_url}#comment-{comment.pk}",
        "text": comment.body,
        "dateCreated": comment.created_at.isoformat(),
        "author": {"@type": "Person", "name": comment.name},
    }


def citation(reference):
    data = {"@type": "CreativeWork", "name": reference.citation}
    if reference.link:
        data["url"] = reference.link
    return data


def medical_therapy(technique, request):
    """A technique page as a MedicalTherapy, the closest schema.org type for a manual
    therapy; its safety section becomes the contraindications."""
    data = {
        "@context": SCHEMA_ORG,
        "@type": "MedicalTherapy",
        "name": technique.title,
        "description": technique.summary,
        "url": technique.get_full_url(request),
        "contraindication": markdown_to_text(technique.safety),
    }
    if technique.image:
        data["image"] = absolute_image_url(technique.image, "social", request)
    return data


def breadcrumb_list(page, request):
    """The trail from the site's home page down to ``page``, from one query for the
    ancestors; None for a page without a URL (as when a new page is first previewed)."""
    url = page.get_full_url(request)
    if url is None:
        return None
    ancestors = page.live_ancestors(request)
    # Pages above the site's root page have no URL on the site, so no place in the trail.
    crumbs = [(crumb.title, crumb.get_full_url(request)) for crumb in ancestors]
    crumbs = [(name, link) for name, link in crumbs if link] + [(page.title, url)]
    return {
        "@context": SCHEMA_ORG,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": link}
            for position, (name, link) in enumerate(crumbs, start=1)
        ],
    }
