"""Every search box and ``?search=`` answers whatever a scanner or a person types with results
or a 400 that says what to do: the site's search, the API's three endpoints, and the admin's
page search, page listing, page choosers, image listing and chooser, and the comment queue."""

from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import reverse

from blog.comments.models import ReaderComment

from ...comments import make_comment
from ...factories import make_image

# What a web vulnerability scanner sent: a PHP filter chain of about 4 KB (as
# php_filter_chain_generator writes them), one "word" per conversion once split.
FILTER_CHAIN = (
    "php://filter/"
    + "|".join(
        [
            "convert.iconv.UTF8.CSISO2022KR",
            "convert.base64-encode",
            "convert.iconv.UTF8.UTF7",
            "convert.iconv.UTF8.UTF16",
            "convert.iconv.WINDOWS-1258.UTF32LE",
            "convert.iconv.ISIRI3342.ISO-IR-157",
            "convert.base64-decode",
        ]
        * 20
    )
    + "/resource=php://temp"
)
HOSTILE_QUERIES = {
    "a thousand words": " ".join(f"w{n}" for n in range(1000)),
    "a filter chain": FILTER_CHAIN,
    "one long word": "a" * 5000,
    "hyphenated words": "-".join(["pain"] * 1000),
    "many phrases": '"neck pain" ' * 300,
    "a stray quote": 'trigger"point',
    "only quotes": '"' * 301,
    "apostrophes": "' " * 300,
    "operators": "pain AND NOT (neck OR back) NEAR(a b) * ^ : + ! & | < > ~ title:foo live:true",
    "escapes": "\\ %s %% _ {a} [b] '; DROP TABLE wagtailcore_page; --",
    "unicode": "façade 東京 مرحبا 🧘‍♀️ \u202eevil\u200d e\u0301 \ufffd",
    "a NUL byte": "pain\x00killer",
    "invalid UTF-8": "%ff%fe",  # already percent-encoded: bytes no text decodes to
}


@pytest.fixture
def search_urls(tree, article, admin_user):
    """Each entry point, ending where the query goes."""
    make_image("Shoulder stretch")
    page_chooser = reverse("wagtailadmin_choose_page_search")
    comments = reverse("wellness_moderation:list")
    return [
        reverse("wellness_discovery:search") + "?q=",
        "/api/v2/articles/?search=",
        "/api/v2/techniques/?search=",
        "/api/v2/authors/?search=",
        reverse("wagtailadmin_pages:search") + "?q=",
        reverse("wagtailadmin_explore", args=[tree.blog.pk]) + "?q=",
        reverse("wagtailadmin_choose_page") + "?q=",
        *(
            f"{page_chooser}?page_type={page_type}&q="
            for page_type in (
                "wellness_blog.articlepage",
                "wellness_blog.authorpage",
                "wellness_therapies.techniquepage",
            )
        ),
        reverse("wagtailimages:index") + "?q=",
        reverse("wagtailimages_chooser:choose_results") + "?q=",
        comments + "?q=",
        reverse("wagtailsnippetchoosers_wellness_comments_readercomment:choose_results") + "?q=",
    ]


@pytest.mark.parametrize("query", HOSTILE_QUERIES.values(), ids=HOSTILE_QUERIES.keys())
def test_every_search_answers_hostile_queries_with_results_or_a_400(search_urls, admin_user, query):
    client = Client()  # an exception in a view fails the test with its traceback
    client.force_login(admin_user)
    for url in search_urls:
        response = client.get(url + encoded(query))
        assert response.status_code in (200, 400), url
        if response.status_code == 400:
            assert response.json()["message"], url


def encoded(query):
    return query if query.startswith("%") else quote(query)


@pytest.mark.parametrize("query", HOSTILE_QUERIES.values(), ids=HOSTILE_QUERIES.keys())
def test_selecting_all_the_queue_finds_for_a_hostile_search_is_selecting_none(
    article, moderator_client, query
):
    make_comment(article, status=ReaderComment.Status.PENDING, body="Neck pain again.")
    url = reverse("wagtail_bulk_action", args=("wellness_comments", "readercomment", "approve"))
    assert moderator_client.get(f"{url}?id=all&q={encoded(query)}").status_code == 404


@pytest.mark.parametrize("endpoint", ["articles", "techniques", "authors"])
def test_the_api_refuses_searches_the_site_would_refuse_and_says_why(article, endpoint):
    response = Client().get(f"/api/v2/{endpoint}/", {"search": FILTER_CHAIN})
    assert response.status_code == 400
    assert response.json() == {
        "message": "Searches can be up to 200 characters long. Try a few key words instead."
    }


def test_the_api_finds_what_the_site_finds_up_to_its_length_limit(article):
    words = " ".join(["trigger"] * 24 + ["point"])  # 200 characters
    response = Client().get("/api/v2/articles/", {"search": words})
    assert [item["title"] for item in response.json()["items"]] == [article.title]
