"""The demo site: loads idempotently and is fully reachable by following links from /."""

import re
from collections import deque

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.models import GroupApprovalTask, Page, Revision, Site, Workflow

from blog.models import ArticlePage, AuthorPage, BlogIndexPage
from blog.review.models import ClinicalReviewTask
from therapies.models import TechniquePage

HREF = re.compile(r'href="(/[^"#]*)"')


def load(monkeypatch, tmp_path):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-password-for-tests")
    call_command("load_demo_content", stdout=open(tmp_path / "out.txt", "w"))  # noqa: SIM115
    return (tmp_path / "out.txt").read_text()


def snapshot():
    return {
        "pages": list(Page.objects.order_by("path").values_list("path", "title", "live")),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "users": list(get_user_model().objects.values_list("username", "password")),
        "sites": list(Site.objects.values_list("root_page_id", "site_name")),
    }


@pytest.mark.django_db
def test_loading_twice_changes_nothing(monkeypatch, tmp_path):
    output = load(monkeypatch, tmp_path)
    assert "admin / demo-password-for-tests" in output
    first = snapshot()
    assert "nothing changed" in load(monkeypatch, tmp_path)
    assert snapshot() == first


@pytest.mark.django_db
def test_demo_has_the_promised_content(monkeypatch, tmp_path):
    load(monkeypatch, tmp_path)
    assert isinstance(Site.objects.get(is_default_site=True).root_page.specific, BlogIndexPage)
    assert TechniquePage.objects.live().count() >= 6
    assert TechniquePage.objects.filter(slug="trigger-point-therapy").exists()
    authors = AuthorPage.objects.live()
    assert authors.count() == 3 and all(a.image_id for a in authors)
    articles = ArticlePage.objects.live()
    assert articles.count() >= 12
    assert all(a.author_links.exists() and a.technique_links.exists() for a in articles)
    trigger_point = articles.get(slug="trigger-point-therapy-for-chronic-pain")
    page = Client().get(trigger_point.url).content.decode()
    assert page.count("<li><strong>") >= 4
    assert ">Conclusion</h2>" in page
    assert get_user_model().objects.get(username="admin").is_superuser


@pytest.mark.django_db
def test_every_page_is_reachable_from_the_home_page_and_links_back(monkeypatch, tmp_path):
    load(monkeypatch, tmp_path)
    client = Client()
    seen, queue, pages = set(), deque(["/"]), {}
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
        for link in HREF.findall(pages[url]):
            link = link.replace("&amp;", "&")
            if not link.startswith(("/admin/", "/static/", "/media/", "/documents/")):
                queue.append(link)

    for model in (ArticlePage, TechniquePage, AuthorPage):
        for page in model.objects.live():
            assert page.url in pages, f"{page.title} is not linked from anywhere"

    for article in ArticlePage.objects.live():
        html = pages[article.url]
        for linked in [*article.authors, *article.techniques]:
            assert f'href="{linked.url}"' in html
            assert f'href="{article.url}"' in pages[linked.url], f"{linked} does not link back"


@pytest.mark.django_db
def test_demo_shows_reviews_references_related_content_and_the_disclaimer(monkeypatch, tmp_path):
    from blog.core.models import HealthDisclaimer
    from config.demo.files import content, site

    ARTICLES, TECHNIQUES, SITE = content()["articles"], content()["techniques"], site()
    load(monkeypatch, tmp_path)
    reviewed = {a["slug"]: a["reviewer"] for a in ARTICLES if a["reviewer"]}
    assert reviewed
    for article in ArticlePage.objects.live().select_related("reviewer"):
        assert (article.reviewer.slug if article.reviewer else None) == reviewed.get(article.slug)
        assert (article.last_reviewed is not None) == (article.slug in reviewed)
    cited = {a["slug"]: len(a["references"]) for a in ARTICLES}
    assert {a.slug: a.references.count() for a in ArticlePage.objects.live()} == cited
    for data in TECHNIQUES:
        technique = TechniquePage.objects.get(slug=data["slug"])
        assert [t.slug for t in technique.related_techniques] == data["related"]

    site = Site.objects.get(is_default_site=True)
    assert HealthDisclaimer.for_site(site).text == SITE["disclaimer"]
    article = ArticlePage.objects.get(slug="trigger-point-therapy-for-chronic-pain")
    page = Client().get(article.url).content.decode()
    # Reviewed by a colleague, current or due again (the demo's reviews are from 2024).
    assert "Reviewed by" in page or "Last reviewed by" in page
    assert "Health disclaimer" in page and "Related articles" in page
    assert "Last updated" not in page  # the demo's articles have not changed since they appeared


@pytest.mark.django_db
def test_therapists_submit_to_clinical_review_and_review_each_other(monkeypatch, tmp_path):
    load(monkeypatch, tmp_path)
    load(monkeypatch, tmp_path)  # once only
    workflow = Workflow.objects.get(name="Clinical review")
    assert [task.specific_class for task in workflow.tasks] == [
        ClinicalReviewTask,
        GroupApprovalTask,
    ]
    reviewers = Group.objects.get(name="Clinical reviewers").user_set.all()
    assert sorted(user.username for user in reviewers) == ["jonah", "maren", "sunniva"]

    client = Client()
    client.force_login(get_user_model().objects.get(username="maren"))
    article = ArticlePage.objects.filter(author_links__author__user__username="maren").first()
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[article.pk])).content.decode()
    assert "Submit to Clinical review" in editor
