"""schema.org structured data for articles and their authors (blog.core.structured_data
has the shared parts and says how it is serialised)."""

from blog.comments.display.structured_data import reader_comment
from blog.core.structured_data import SCHEMA_ORG, absolute_image_url, citation, publisher


def person(author, request):
    """An author as a schema.org Person, with their profile URL when it is published."""
    data = {"@type": "Person", "name": author.title}
    if author.live:
        data["url"] = author.get_full_url(request)
    if author.credentials:
        data["honorificSuffix"] = author.credentials
        data["hasCredential"] = [
            {"@type": "EducationalOccupationalCredential", "name": name.strip()}
            for name in author.credentials.split(",")
            if name.strip()
        ]
    return data


def author_profile(author, request, specialties):
    """The Person an author page is about."""
    data = {"@context": SCHEMA_ORG, **person(author, request), "description": author.short_bio}
    if author.image:
        data["image"] = absolute_image_url(author.image, "portrait", request)
    if specialties:
        data["knowsAbout"] = [technique.title for technique in specialties]
    return data


def blog_posting(article, request, authors, techniques, tags, references, comments=(), count=0):
    """An article as a BlogPosting, on a MedicalWebPage: health information. Who reviewed it
    and when go on that page, as schema.org defines reviewedBy and lastReviewed for web pages;
    they stay once the review has fallen due, being what happened, not a claim that it is
    current (the page's own note says a new review is due)."""
    url = article.get_full_url(request)
    page = {"@type": "MedicalWebPage", "@id": url}
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
    if article.image:
        data["image"] = [absolute_image_url(article.image, "social", request)]
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
