"""What search engines and link previews read: titles, descriptions, canonical URLs, Open
Graph tags and schema.org JSON-LD, valid whatever an editor types."""

import datetime
import json
import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse

from blog.models import ArticlePage, ArticleReference, AuthorSpecialty

from ...admin_forms import article_form
from ...factories import make_article, make_author, make_image

AWKWARD_TITLE = 'Sleep "deeply" </script><script>alert(1)</script> & rest: 睡眠 · Ύπνος'
LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def get(page):
    response = Client().get(page.url)
    assert response.status_code == 200
    return response.content.decode()


def json_ld(content):
    """Every JSON-LD object on the page, by @type."""
    return {item["@type"]: item for item in map(json.loads, LD_JSON.findall(content))}


def meta(content, name):
    match = re.search(rf'<meta (?:name|property)="{name}" content="([^"]*)">', content)
    return unescape(match[1]) if match else None


@pytest.fixture
def full_article(tree, technique):
    author = make_author(
        tree.authors,
        "Maren Oakhurst",
        credentials="LMT",
        image=make_image("maren", (480, 480)),
    )
    reviewer = make_author(tree.authors, "Jonah Whitlowe", credentials="LMT, CLT")
    article = make_article(
        tree.blog,
        AWKWARD_TITLE,
        authors=[author],
        techniques=[technique],
        tags=["sleep"],
        summary='A "quoted" summary with </script> in it.',
        image=make_image("hero", (640, 360)),
        date=datetime.date(2024, 4, 30),
        reviewer=reviewer,
        last_reviewed=datetime.date(2024, 5, 2),
    )
    article.references = [ArticleReference(citation="Smith 2020.", doi="10.1000/xyz")]
    article.save_revision().publish()
    return article


def test_awkward_titles_cannot_break_out_of_the_json_ld_script(full_article):
    content = get(full_article)
    assert "</script><script>alert(1)" not in content
    posting = json_ld(content)["BlogPosting"]
    assert posting["headline"] == AWKWARD_TITLE
    assert posting["description"] == 'A "quoted" summary with </script> in it.'


def test_article_json_ld_is_a_blog_posting_with_authors_dates_and_review(full_article):
    posting = json_ld(get(full_article))["BlogPosting"]
    author = full_article.authors[0]
    assert posting["@context"] == "https://schema.org"
    assert posting["url"] == full_article.full_url
    assert posting["datePublished"] == "2024-04-30"
    assert posting["dateModified"] == "2024-04-30"
    assert posting["author"] == [
        {
            "@type": "Person",
            "name": "Maren Oakhurst",
            "url": author.full_url,
            "honorificSuffix": "LMT",
            "hasCredential": [{"@type": "EducationalOccupationalCredential", "name": "LMT"}],
        }
    ]
    assert posting["image"][0].startswith("http://testserver/media/images/")
    assert posting["publisher"]["@type"] == "Organization"
    assert posting["keywords"] == ["sleep"]
    assert posting["about"][0]["@type"] == "MedicalTherapy"
    assert posting["citation"] == [
        {"@type": "CreativeWork", "name": "Smith 2020.", "url": "https://doi.org/10.1000/xyz"}
    ]
    page = posting["mainEntityOfPage"]
    assert page["@type"] == "MedicalWebPage"
    assert page["@id"] == full_article.full_url
    reviewer = full_article.reviewer
    assert page["reviewedBy"] == {
        "@type": "Person",
        "name": "Jonah Whitlowe",
        "url": reviewer.full_url,
        "honorificSuffix": "LMT, CLT",
        "hasCredential": [
            {"@type": "EducationalOccupationalCredential", "name": "LMT"},
            {"@type": "EducationalOccupationalCredential", "name": "CLT"},
        ],
    }
    # What happened: it stays once the review has fallen due (the page says a new one is due).
    assert page["lastReviewed"] == "2024-05-02"
    assert "A new review is due." in get(full_article)


def test_unreviewed_article_claims_no_review(article):
    page = json_ld(get(article))["BlogPosting"]["mainEntityOfPage"]
    assert page["@type"] == "MedicalWebPage"
    assert "reviewedBy" not in page and "lastReviewed" not in page


def test_author_page_describes_a_person(tree, author, technique):
    author.specialties = [AuthorSpecialty(technique=technique)]
    author.image = make_image("portrait", (480, 480))
    author.save_revision().publish()
    person = json_ld(get(author))["Person"]
    assert person["name"] == "Maren Oakhurst"
    assert person["url"] == author.full_url
    assert person["honorificSuffix"] == "LMT, NCTMB"
    assert person["knowsAbout"] == [technique.title]
    assert person["image"].startswith("http://testserver/media/")


def test_technique_page_describes_a_medical_therapy(tree, technique):
    therapy = json_ld(get(technique))["MedicalTherapy"]
    assert therapy["name"] == technique.title
    assert therapy["url"] == technique.full_url
    assert therapy["contraindication"] == "Not over broken skin or a fresh injury."


def test_every_page_has_a_breadcrumb_trail_from_the_home_page(tree, article, author, technique):
    for page, names in [
        (tree.blog, ["Articles"]),
        (article, ["Articles", article.title]),
        (tree.techniques, ["Articles", "Techniques"]),
        (technique, ["Articles", "Techniques", technique.title]),
        (author, ["Articles", "Authors", author.title]),
    ]:
        crumbs = json_ld(get(page))["BreadcrumbList"]["itemListElement"]
        assert [crumb["name"] for crumb in crumbs] == names
        assert [crumb["position"] for crumb in crumbs] == list(range(1, len(names) + 1))
        assert crumbs[0]["item"] == tree.blog.full_url
        assert crumbs[-1]["item"] == page.full_url


def test_description_and_title_prefer_the_promote_tab_overrides(tree, author):
    article = make_article(tree.blog, "Plain title", authors=[author], summary="The summary.")
    content = get(article)
    assert meta(content, "description") == "The summary."
    assert "<title>Plain title · " in content

    article.seo_title = "Search engine title"
    article.search_description = "Written for search engines."
    article.save_revision().publish()
    content = get(article)
    assert meta(content, "description") == "Written for search engines."
    assert meta(content, "og:description") == "Written for search engines."
    assert meta(content, "og:title") == "Search engine title"
    assert "<title>Search engine title · " in content


def test_author_and_index_descriptions_fall_back_to_their_own_words(tree, author):
    tree.blog.intro = "Calm writing about massage."
    tree.blog.save_revision().publish()
    assert meta(get(tree.blog), "description") == "Calm writing about massage."
    assert meta(get(author), "description") == "A massage therapist."
    assert meta(get(author), "og:type") == "profile"


def test_link_previews_carry_canonical_url_and_hero_picture(full_article):
    content = get(full_article)
    assert f'<link rel="canonical" href="{full_article.full_url}">' in content
    assert meta(content, "og:url") == full_article.full_url
    assert meta(content, "og:type") == "article"
    assert meta(content, "og:title") == AWKWARD_TITLE
    assert meta(content, "og:image").startswith("http://testserver/media/images/")
    width, height = int(meta(content, "og:image:width")), int(meta(content, "og:image:height"))
    assert round(width / height, 1) == round(1200 / 630, 1)  # cropped as social sites ask
    assert meta(content, "twitter:card") == "summary_large_image"
    assert meta(content, "article:published_time") == "2024-04-30"


def test_page_without_a_picture_gets_a_small_card(article):
    content = get(article)
    assert meta(content, "og:image") is None
    assert meta(content, "twitter:card") == "summary"


def test_previewing_a_new_article_shows_its_structured_data(admin_client, tree, author):
    url = reverse(
        "wagtailadmin_pages:preview_on_add", args=["wellness_blog", "articlepage", tree.blog.pk]
    )
    form = article_form(title=AWKWARD_TITLE, authors=[author])
    assert admin_client.post(url, form).json()["is_valid"]
    content = admin_client.get(url).content.decode()
    assert json_ld(content)["BlogPosting"]["headline"] == AWKWARD_TITLE
    assert not ArticlePage.objects.exists()


def test_approved_comments_are_comment_items_and_nothing_else_is(article):
    from blog.comments.models import ReaderComment

    from ...comments import make_comment, post

    top = make_comment(article, name='Ada </script> "A"', body="Helpful <b>&</b> kind.")
    make_comment(article, parent=top, name="Bo", body="A reply.")
    make_comment(article, status=ReaderComment.Status.PENDING, body="Pending text.")
    make_comment(article, status=ReaderComment.Status.SPAM, body="Spam text.")
    reader = Client()
    post(reader, article, body="My own pending comment.")
    for client in (Client(), reader):  # the author of a pending comment sees it, not in JSON-LD
        posting = json_ld(client.get(article.url).content.decode())["BlogPosting"]
        assert posting["commentCount"] == 2
        assert [(c["author"]["name"], c["text"]) for c in posting["comment"]] == [
            ('Ada </script> "A"', "Helpful <b>&</b> kind."),
            ("Bo", "A reply."),
        ]
        assert posting["comment"][0]["@id"].endswith(f"#comment-{top.pk}")
        assert "ada@example.com" not in json.dumps(posting)
