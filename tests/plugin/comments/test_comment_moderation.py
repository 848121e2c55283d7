"""Moderating reader comments in the Wagtail admin: who may, what it does, and what it costs."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import Max
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import ModelLogEntry, Site

from blog.comments.models import DiscussionSettings, ReaderComment
from blog.core.permissions import THERAPISTS
from blog.models import AuthorPage

from ...factories import make_article, make_author

Status = ReaderComment.Status
LISTING = "/admin/comments/"
DASHBOARD = "/admin/"
ACTIONS = ["approve", "reject", "spam"]
STATUS_AFTER = {"approve": Status.APPROVED, "reject": Status.REJECTED, "spam": Status.SPAM}
HISTORY_LABEL = {"approve": "Approved", "reject": "Rejected", "spam": "Marked as spam"}
# Budgets, pinned from measurements (see the tests that use them): a request may not grow
# with the number of comments it shows or changes. (The listing's status counts take three
# short queries, not one that reads most of the table: 17, not 16; on PostgreSQL a fourth
# first reads the table's statistics, whose estimate a site of millions shows: 18.)
LISTING_BUDGET = 18 if connection.vendor == "postgresql" else 17
BULK_BUDGET = 28
BATCHED_STATEMENTS = (
    'INSERT INTO "wagtailcore_modellogentry"',
    'DELETE FROM "wellness_comments_readercomment"',
)
XSS = '<script>window.__xss=1</script><img src=x onerror="alert(1)">'


def add_comments(article, count, status=Status.PENDING, **fields):
    """``count`` new comments on ``article``, oldest first."""
    newest_before = ReaderComment.objects.aggregate(pk=Max("pk"))["pk"] or 0
    ReaderComment.objects.bulk_create(
        ReaderComment(
            page=article,
            name=fields.get("name", f"Reader {n}"),
            email=fields.get("email", f"reader{n}@example.com"),
            body=fields.get("body", f"Comment number {n} on the article."),
            status=status,
        )
        for n in range(count)
    )
    return list(ReaderComment.objects.filter(pk__gt=newest_before).order_by("pk"))


def moderate_url(comment, action):
    return reverse("wellness_moderation:moderate", args=(comment.pk, action))


def bulk_url(action, comments=(), **params):
    query = [("id", c.pk) for c in comments] + list(params.items())
    url = reverse("wagtail_bulk_action", args=("wellness_comments", "readercomment", action))
    return f"{url}?{urlencode(query)}"


def view_url(name, comment):
    return reverse(f"wellness_moderation:{name}", args=(comment.pk,))


def status_of(comment):
    return ReaderComment.objects.get(pk=comment.pk).status


def user_in(django_user_model, username, group_name):
    user = django_user_model.objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def logged_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def therapist(tree, django_user_model):
    """A therapist with an author profile, but no moderation permission."""
    user = user_in(django_user_model, "maren", THERAPISTS)
    make_author(tree.authors, "Maren Oakhurst", user=user)
    return user


@pytest.fixture
def comment(article):
    return ReaderComment.objects.create(
        page=article, name="Ann", email="ann@example.com", body="Thank you, this helped."
    )


# The listing, the menu and the dashboard


def test_moderator_sees_the_pending_count_in_the_menu_and_the_listing(moderator_client, article):
    add_comments(article, 2, name="Waiting reader")
    add_comments(article, 1, status=Status.APPROVED, name="Published reader")
    dashboard = moderator_client.get(DASHBOARD).content.decode()
    assert "Comments (2)" in dashboard

    response = moderator_client.get(LISTING)
    assert response.status_code == 200
    content = response.content.decode()
    assert content.count("Waiting reader") >= 2
    assert "Published reader" not in content  # the queue opens on the pending ones
    assert "Published reader" in moderator_client.get(f"{LISTING}?status=").content.decode()
    assert "Add reader comment" not in content  # comments come from readers only
    first = ReaderComment.objects.pending().first()
    assert f'formaction="{moderate_url(first, "reject")}"' in content


def test_menu_counts_only_pending_comments_and_hides_the_count_at_zero(moderator_client, article):
    add_comments(article, 3, status=Status.SPAM)
    dashboard = moderator_client.get(DASHBOARD).content.decode()
    assert "Comments (" not in dashboard
    assert LISTING in dashboard  # the menu item is there, without a count


def test_listing_escapes_markup_in_body_and_name(moderator_client, article):
    ReaderComment.objects.create(page=article, name=XSS, email="x@example.com", body=XSS)
    content = moderator_client.get(LISTING).content.decode()
    assert "<script>window.__xss" not in content
    assert '<img src=x onerror="alert(1)">' not in content
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in content


def test_listing_links_to_the_article_and_filters_and_searches(moderator_client, tree, article):
    other = make_article(tree.blog, "Stretching after a long drive")
    add_comments(article, 2, email="first@example.com")
    add_comments(other, 1, email="second@example.com")
    add_comments(article, 1, status=Status.SPAM, email="spammer@example.com")

    content = moderator_client.get(LISTING).content.decode()
    assert f'href="{article.url}#comments"' in content

    def emails(**params):
        page = moderator_client.get(f"{LISTING}?{urlencode(params)}").content.decode()
        candidates = ["first@example.com", "second@example.com", "spammer@example.com"]
        return {email for email in candidates if email in page}

    assert emails(status="spam") == {"spammer@example.com"}
    assert emails(page=other.pk) == {"second@example.com"}
    assert emails(q="SECOND@") == {"second@example.com"}
    assert emails(**{"created_at_from": "2000-01-01", "created_at_to": "2000-01-02"}) == set()


def test_comments_cannot_be_added_or_edited_in_the_admin(moderator_client, comment):
    assert moderator_client.get(f"{LISTING}add/").status_code != 200
    response = moderator_client.post(
        f"{LISTING}edit/{comment.pk}/", {"status": "approved", "body": "Changed"}
    )
    assert response.status_code == 302
    assert response["Location"] == view_url("inspect", comment)
    comment.refresh_from_db()
    assert (comment.status, comment.body) == (Status.PENDING, "Thank you, this helped.")


def test_listing_costs_the_same_for_5_and_100_comments(
    moderator_client, tree, article, django_assert_max_num_queries
):
    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert moderator_client.get(LISTING).status_code == 200
        return len(queries)

    add_comments(article, 5)
    moderator_client.get(LISTING)  # warm Wagtail's per-process caches
    few = count_queries()
    for n in range(3):  # rows on several articles: each needs its page and URL
        add_comments(make_article(tree.blog, f"Article for comments {n}"), 32)
    with django_assert_max_num_queries(LISTING_BUDGET):
        many = count_queries()
    assert few == many <= LISTING_BUDGET


def test_dashboard_panel_lists_pending_comments_with_working_buttons(moderator_client, article):
    comments = add_comments(article, 2, name="Waiting reader")
    add_comments(article, 1, status=Status.APPROVED, name="Published reader")
    content = moderator_client.get(DASHBOARD).content.decode()
    assert "Comments awaiting moderation" in content
    assert "Published reader" not in content
    for comment in comments:
        assert f'formaction="{moderate_url(comment, "approve")}"' in content
        assert f'formaction="{moderate_url(comment, "spam")}"' in content
        assert f'formaction="{moderate_url(comment, "reject")}"' not in content
    assert f'href="{LISTING}?status=pending"' in content

    response = moderator_client.post(moderate_url(comments[0], "approve"), {"next": DASHBOARD})
    assert response["Location"] == DASHBOARD
    assert status_of(comments[0]) == Status.APPROVED
    moderator_client.post(moderate_url(comments[1], "spam"), {"next": DASHBOARD})
    assert status_of(comments[1]) == Status.SPAM
    # Nothing left to moderate: the panel stays only to offer undoing the last action.
    dashboard = moderator_client.get(DASHBOARD).content.decode()
    assert "data-moderate=" not in dashboard
    assert "You marked 1 comment as spam." in dashboard


def test_group_editor_offers_the_moderation_and_publishing_permissions(admin_client):
    content = admin_client.get(reverse("wagtailusers_groups:add")).content.decode()
    assert "Can moderate reader comments" in content
    assert "Can publish wellness pages without workflow review" in content


# Moderating one comment


@pytest.mark.parametrize("action", ACTIONS)
def test_moderation_button_changes_status_and_is_logged(
    moderator_client, moderator, comment, action
):
    next_url = f"{LISTING}?status=pending"
    response = moderator_client.post(moderate_url(comment, action), {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == next_url

    comment.refresh_from_db()
    assert comment.status == STATUS_AFTER[action]
    assert comment.moderated_by == moderator
    assert comment.moderated_at is not None
    entry = ModelLogEntry.objects.get(object_id=str(comment.pk))
    assert (entry.action, entry.user) == (f"wellness_comments.{action}", moderator)

    history = moderator_client.get(view_url("history", comment)).content.decode()
    assert HISTORY_LABEL[action] in history
    assert moderator.get_username() in history or "mo@example.com" in history


def test_deleting_a_comment_is_logged(moderator_client, moderator, comment):
    response = moderator_client.post(moderate_url(comment, "delete"))
    assert response["Location"] == LISTING
    assert not ReaderComment.objects.filter(pk=comment.pk).exists()
    entry = ModelLogEntry.objects.get(object_id=str(comment.pk))
    assert (entry.action, entry.user, entry.deleted) == (
        "wellness_comments.delete",
        moderator,
        True,
    )


def test_delete_view_deletes_through_moderation(moderator_client, comment):
    assert moderator_client.get(view_url("delete", comment)).status_code == 200
    moderator_client.post(view_url("delete", comment))
    assert not ReaderComment.objects.filter(pk=comment.pk).exists()
    assert ModelLogEntry.objects.filter(action="wellness_comments.delete").count() == 1


def test_moderation_redirects_only_within_the_site(moderator_client, comment):
    response = moderator_client.post(
        moderate_url(comment, "approve"), {"next": "https://evil.example/"}
    )
    assert response["Location"] == LISTING


def test_moderation_needs_a_post_with_a_csrf_token(moderator, comment):
    client = Client(enforce_csrf_checks=True)
    client.force_login(moderator)
    assert client.get(moderate_url(comment, "approve")).status_code == 405
    assert client.post(moderate_url(comment, "approve")).status_code == 403
    assert status_of(comment) == Status.PENDING


def test_inspect_page_shows_the_comment_escaped_with_its_buttons(moderator_client, article):
    comment = ReaderComment.objects.create(
        page=article, name=XSS, email="x@example.com", body=f"First line\n{XSS}"
    )
    content = moderator_client.get(view_url("inspect", comment)).content.decode()
    assert "<script>window.__xss" not in content
    assert "First line<br>&lt;script&gt;" in content
    assert f'formaction="{moderate_url(comment, "approve")}"' in content


# Who may not


def test_therapist_without_the_permission_gets_403_everywhere(therapist, comment):
    client = logged_in(therapist)
    requests = [
        ("get", LISTING),
        ("get", f"{LISTING}results/"),
        ("get", view_url("inspect", comment)),
        ("get", view_url("history", comment)),
        ("get", view_url("delete", comment)),
        ("post", view_url("delete", comment)),
        ("get", reverse("wagtailsnippetchoosers_wellness_comments_readercomment:choose")),
        *[("post", moderate_url(comment, action)) for action in [*ACTIONS, "delete"]],
        *[
            (method, bulk_url(action, [comment]))
            for action in [*ACTIONS, "delete"]
            for method in ("get", "post")
        ],
    ]
    answers = {(m, url): getattr(client, m)(url).status_code for m, url in requests}
    assert answers == {request: 403 for request in requests}
    assert status_of(comment) == Status.PENDING
    assert not ModelLogEntry.objects.filter(object_id=str(comment.pk)).exists()
    assert LISTING not in client.get(DASHBOARD).content.decode()  # no menu item, no panel


def test_anonymous_reader_is_sent_to_log_in_and_nothing_changes(client, comment):
    for url in [moderate_url(comment, "approve"), bulk_url("approve", [comment])]:
        response = client.post(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
    assert status_of(comment) == Status.PENDING


def test_reader_cannot_approve_their_own_comment_by_forging_a_post(comment, django_user_model):
    reader = django_user_model.objects.create_user("reader", "ann@example.com", "pw")
    ReaderComment.objects.filter(pk=comment.pk).update(user=reader)
    client = logged_in(reader)
    for url in [moderate_url(comment, "approve"), bulk_url("approve", [comment])]:
        response = client.post(url)
        assert response.status_code in (302, 403)
        assert not response.get("Location", "").startswith(LISTING)
    assert status_of(comment) == Status.PENDING


# Authors moderating comments on their own articles


@pytest.fixture
def author_user(therapist, author):
    """The article's author, as a therapist without the moderation permission."""
    AuthorPage.objects.filter(user=therapist).update(user=None)
    AuthorPage.objects.filter(pk=author.pk).update(user=therapist)
    therapist.refresh_from_db()
    return therapist


@pytest.fixture
def others_comment(tree):
    other = make_article(tree.blog, "Someone else's article", authors=[make_author(tree.authors)])
    return add_comments(other, 1, name="Other article reader")[0]


def authors_moderate_own(on):
    settings = DiscussionSettings.for_site(Site.objects.get(is_default_site=True))
    settings.authors_moderate_own = on
    settings.save()


def test_with_the_switch_on_authors_moderate_comments_on_their_articles_only(
    author_user, comment, others_comment
):
    authors_moderate_own(True)
    client = logged_in(author_user)
    assert "Comments (1)" in client.get(DASHBOARD).content.decode()
    listing = client.get(LISTING).content.decode()
    assert "Ann" in listing and "Other article reader" not in listing

    assert client.post(moderate_url(comment, "approve")).status_code == 302
    assert status_of(comment) == Status.APPROVED
    assert client.post(moderate_url(others_comment, "approve")).status_code == 403
    assert client.get(view_url("inspect", others_comment)).status_code == 403
    assert client.post(moderate_url(comment, "delete")).status_code == 403  # no delete right

    client.post(bulk_url("spam", [comment, others_comment]))
    assert (status_of(comment), status_of(others_comment)) == (Status.SPAM, Status.PENDING)


def test_with_the_switch_off_authors_may_not_moderate(author_user, comment):
    authors_moderate_own(False)
    client = logged_in(author_user)
    assert client.get(LISTING).status_code == 403
    assert client.post(moderate_url(comment, "approve")).status_code == 403
    assert client.post(bulk_url("approve", [comment])).status_code == 403
    assert status_of(comment) == Status.PENDING


# Bulk actions


@pytest.mark.parametrize("action", ACTIONS)
def test_bulk_action_changes_every_selected_comment_and_logs_each(
    moderator_client, moderator, article, action
):
    comments = add_comments(article, 3)
    untouched = add_comments(article, 1, name="Not selected")[0]
    url = bulk_url(action, comments, next=LISTING)
    confirmation = moderator_client.get(url).content.decode()
    assert all(c.excerpt in confirmation for c in comments)

    response = moderator_client.post(url)
    assert response["Location"] == LISTING
    assert {status_of(c) for c in comments} == {STATUS_AFTER[action]}
    assert status_of(untouched) == Status.PENDING
    entries = ModelLogEntry.objects.filter(action=f"wellness_comments.{action}", user=moderator)
    assert sorted(int(e.object_id) for e in entries) == [c.pk for c in comments]


def test_bulk_delete_replaces_wagtails_and_is_logged(moderator_client, article):
    comments = add_comments(article, 3)
    moderator_client.post(bulk_url("delete", comments))
    assert not ReaderComment.objects.exists()
    assert (
        ModelLogEntry.objects.filter(action="wellness_comments.delete", deleted=True).count() == 3
    )


def test_bulk_select_all_keeps_to_the_listing_filters(moderator_client, article):
    pending = add_comments(article, 2)
    spam = add_comments(article, 1, status=Status.SPAM)
    moderator_client.post(bulk_url("approve", id="all", status="pending"))
    assert {status_of(c) for c in pending} == {Status.APPROVED}
    assert status_of(spam[0]) == Status.SPAM


def test_bulk_select_all_in_the_queue_as_it_opens_means_the_pending_ones(moderator_client, article):
    """The queue opens on pending comments with no status in its address: "select all in
    listing" there must not reach the approved, spam and rejected ones."""
    pending = add_comments(article, 2)
    others = [*add_comments(article, 1, status=Status.SPAM)]
    others += add_comments(article, 1, status=Status.REJECTED)
    moderator_client.post(bulk_url("spam", id="all"))
    assert {status_of(c) for c in pending} == {Status.SPAM}
    assert [status_of(c) for c in others] == [Status.SPAM, Status.REJECTED]
    approved = add_comments(article, 1, status=Status.APPROVED)
    moderator_client.post(bulk_url("reject", id="all"))
    assert status_of(approved[0]) == Status.APPROVED


@pytest.mark.parametrize("action", [*ACTIONS, "delete"])
def test_bulk_actions_cost_the_same_for_5_and_500_comments(
    moderator_client, tree, article, action, django_assert_max_num_queries
):
    def queries_for(comments):
        with (
            CaptureQueriesContext(connection) as captured,
            django_assert_max_num_queries(BULK_BUDGET),
        ):
            moderator_client.post(bulk_url(action, comments))
        if action != "delete":
            assert {status_of(c) for c in comments} == {STATUS_AFTER[action]}
        return [q["sql"] for q in captured.captured_queries]

    queries_for(add_comments(article, 1))  # warm Wagtail's per-process caches
    few = queries_for(add_comments(make_article(tree.blog, "Five"), 5))
    many = queries_for(add_comments(make_article(tree.blog, "Five hundred"), 500))
    if action == "delete":
        assert not ReaderComment.objects.exclude(page=article).exists()

    # Django splits two statements into batches, whatever the caller does: on SQLite (999
    # parameters a query) the audit log's bulk INSERT goes 83 rows at a time, and a queryset
    # delete removes 100 rows a statement. Every other query is the same for 5 and 500.
    def unbatched(queries):
        return [q for q in queries if not q.startswith(BATCHED_STATEMENTS)]

    assert len(unbatched(few)) == len(unbatched(many))
    assert len(many) - len(few) <= 500 // 83 + (500 // 100 if action == "delete" else 0)
