"""The moderation queue as a moderator used to WordPress expects it: status tabs with counts,
pending first, newest or oldest first, each commenter's history, the full comment on demand,
the comment in its place on its page, and undo after every action."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from blog.comments.admin.undo import SESSION_KEY
from blog.comments.models import DiscussionSettings, ReaderComment
from blog.comments.models import comments as comments_models
from blog.core.permissions import MODERATORS, THERAPISTS

from ...comments import make_comment
from ...factories import make_article, make_author
from .test_comment_moderation import (
    LISTING,
    add_comments,
    bulk_url,
    logged_in,
    moderate_url,
    status_of,
    user_in,
)

Status = ReaderComment.Status


def page(client, url=LISTING):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def tabs(content):
    """[(label, count, is current)] of the status tabs."""
    bar = content.split('aria-label="Comments by status"', 1)[1].split("</nav>", 1)[0]
    found = re.findall(r'<a href="[^"]*"( aria-current="page")?>(\w+) <span[^>]*>\((\d+)\)', bar)
    return [(label, int(count), bool(current)) for current, label, count in found]


def rows(content):
    """The ids of the comments listed, in order."""
    return [int(pk) for pk in re.findall(r'id="snippet_(\d+)_title"', content)]


def test_the_queue_opens_on_pending_with_a_tab_and_count_per_status(moderator_client, article):
    add_comments(article, 3)
    add_comments(article, 2, status=Status.APPROVED)
    add_comments(article, 1, status=Status.SPAM)
    add_comments(article, 1, status=Status.UNCONFIRMED)  # in "All" only: not yet anyone's call
    edited = add_comments(article, 1, status=Status.APPROVED)[0]
    ReaderComment.objects.filter(pk=edited.pk).update(edited_at=timezone.now(), edited_body="x")
    content = page(moderator_client)
    assert tabs(content) == [
        ("Pending", 4, True),  # with the approved comment its writer edited since
        ("Approved", 3, False),
        ("Spam", 1, False),
        ("Rejected", 0, False),
        ("All", 8, False),
    ]
    assert len(rows(content)) == 4
    spam_tab = page(moderator_client, f"{LISTING}?status=spam")
    assert [current for _label, _count, current in tabs(spam_tab)][2]
    assert len(rows(spam_tab)) == 1
    assert len(rows(page(moderator_client, f"{LISTING}?status="))) == 8


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite keeps no estimate")
def test_past_a_million_comments_every_tab_but_pending_is_the_databases_estimate(
    moderator_client, article, monkeypatch
):
    monkeypatch.setattr(comments_models, "ESTIMATE_BEYOND", 5)
    add_comments(article, 2)
    add_comments(article, 4, status=Status.APPROVED)
    add_comments(article, 2, status=Status.SPAM)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE wellness_comments_readercomment")
    # Not yet in the statistics: more approved, and a status they have never seen.
    add_comments(article, 3, status=Status.APPROVED)
    add_comments(article, 1, status=Status.REJECTED)
    add_comments(article, 1)
    content = page(moderator_client)
    assert tabs(content)[0] == ("Pending", 3, True)  # what awaits is always counted
    assert 'Approved <span class="wellness-tabs__count">(about 4)' in content
    assert 'Spam <span class="wellness-tabs__count">(about 2)' in content
    assert 'All <span class="wellness-tabs__count">(about 8)' in content
    # Too rare for the statistics: counted.
    assert 'Rejected <span class="wellness-tabs__count">(1)' in content
    # The tabs' pages are numbered from the estimate, and say so; none of them is lost.
    every = page(moderator_client, f"{LISTING}?status=")
    assert len(rows(every)) == 13
    assert "About 8 reader comments" in every
    assert len(rows(page(moderator_client, f"{LISTING}?status=approved"))) == 7


def test_newest_or_oldest_first_as_the_moderator_chooses_urgent_always_on_top(
    moderator_client, article
):
    first, second, third = add_comments(article, 3)
    urgent = add_comments(article, 1, name="Someone in crisis")[0]
    ReaderComment.objects.filter(pk=urgent.pk).update(urgent=True)
    # add_comments makes them oldest first; the urgent one is the newest, yet first either way.
    newest = page(moderator_client)
    oldest = page(moderator_client, f"{LISTING}?ordering=created_at")

    assert rows(newest) == [urgent.pk, third.pk, second.pk, first.pk]
    assert rows(oldest) == [urgent.pk, first.pk, second.pk, third.pk]
    assert 'aria-current="true">Oldest first<' in oldest


def test_each_row_shows_the_commenters_history(moderator_client, article):
    add_comments(article, 3, status=Status.APPROVED, email="Rowan@Example.com")
    add_comments(article, 1, status=Status.SPAM, email="rowan@example.com")
    add_comments(article, 1, email="ROWAN@example.com", name="Rowan")
    add_comments(article, 1, email="new@example.com", name="Newcomer")
    content = page(moderator_client)
    rowan = content.split(">Rowan<", 1)[1].split("</td>", 1)[0]
    assert "3 approved" in rowan and "1 spam" in rowan
    newcomer = content.split(">Newcomer<", 1)[1].split("</td>", 1)[0]
    assert "none approved yet" in newcomer


def test_searching_an_address_lists_what_its_commenter_wrote(moderator_client, article):
    theirs = add_comments(article, 2, email="Rowan@Example.com")
    theirs += add_comments(article, 1, status=Status.SPAM, email="rowan@example.com")
    add_comments(article, 1, body="Write to rowan@example.com, she knows.")
    add_comments(article, 1, email="rowan@example.com.evil")
    listed = rows(page(moderator_client, f"{LISTING}?status=&q=ROWAN@example.com"))
    assert sorted(listed) == sorted(comment.pk for comment in theirs)
    # Anything else is still found in the text, name or address.
    assert len(rows(page(moderator_client, f"{LISTING}?status=&q=rowan@"))) == 5


def test_a_commenters_comments_are_read_from_the_writers_index_in_the_queues_order(article):
    """At ten million comments, reading the whole table for one writer takes seconds, and
    sorting a regular's ten thousand comments for a page of them a tenth of one."""
    add_comments(article, 3, email="rowan@example.com")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # a table this small is read whole otherwise
            for method in ("seqscan", "sort", "incremental_sort"):
                cursor.execute(f"SET LOCAL enable_{method} = off")
        plan = ReaderComment.objects.written_by("Rowan@example.com").urgent_first()[:20].explain()
    assert "wellness_comment_writer" in plan


@pytest.mark.parametrize("ordering", ["-created_at", "created_at"])
def test_every_comment_urgent_first_is_read_from_an_index(article, ordering):
    """The "All" tab at ten million comments sorted them all first: eight seconds."""
    add_comments(article, 3)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A table this small is read whole, or read in another order and sorted: only
            # the index in this very order may serve it then.
            for method in ("seqscan", "sort", "incremental_sort"):
                cursor.execute(f"SET LOCAL enable_{method} = off")
        plan = ReaderComment.objects.urgent_first(ordering)[:20].explain()
    newest = ordering.startswith("-")
    assert f"wellness_comment_all_{'newest' if newest else 'oldest'}" in plan


def test_an_authors_history_counts_only_comments_she_may_moderate(tree, article, django_user_model):
    """Where authors moderate their own pages, a commenter's history there does not tell
    her about their comments on other people's articles."""
    rules = DiscussionSettings.for_site(tree.blog.get_site())
    rules.authors_moderate_own = True
    rules.save()
    user = user_in(django_user_model, "ines", THERAPISTS)
    own = make_article(tree.blog, "Hers", authors=[make_author(tree.authors, user=user)])
    add_comments(article, 4, status=Status.SPAM, email="rowan@example.com")
    add_comments(own, 1, status=Status.APPROVED, email="rowan@example.com")
    add_comments(own, 1, email="rowan@example.com", name="Rowan")
    content = page(logged_in(user))
    rowan = content.split(">Rowan<", 1)[1].split("</td>", 1)[0]
    assert "1 approved" in rowan and "spam" not in rowan


def test_the_full_comment_and_its_writers_address_open_on_demand(moderator_client, article):
    body = "A long story about my shoulder. " * 20
    comment = add_comments(article, 1, body=body, email="ann@example.com")[0]
    content = page(moderator_client)
    details = content.split('class="wellness-comment"', 1)[1].split("</details>", 1)[0]
    assert "A long story about my shoulder." in details.split("</summary>", 1)[0]  # the excerpt
    full = details.split("</summary>", 1)[1]
    assert body.strip() in " ".join(full.split())
    assert "ann@example.com" in full
    in_context = reverse("wellness_moderation:in_context", args=(comment.pk,))
    assert f'href="{in_context}#comment-{comment.pk}"' in full


def test_the_bulk_footer_and_keys_speak_of_comments(moderator_client, article):
    add_comments(article, 1)
    content = page(moderator_client)
    assert 'data-bulk-action-footer="COMMENT"' in content
    assert '"PLURAL": "%(objects)s comments selected"' in content
    shown = re.sub(r"<script.*?</script>|<template.*?</template>", "", content, flags=re.DOTALL)
    assert "snippet" not in re.sub(r"<[^>]+>", " ", shown).lower()
    assert "Keyboard shortcuts" in content and "<kbd>j</kbd>" in content


# View in context


def in_context(client, comment):
    return client.get(reverse("wellness_moderation:in_context", args=(comment.pk,)))


def test_view_in_context_shows_the_pending_comment_in_its_place_marked(moderator_client, article):
    question = make_comment(article, name="Ann", body="Does it help knots?")
    reply = make_comment(article, status=Status.PENDING, parent=question, body="Pending answer")
    other = make_comment(article, status=Status.PENDING, body="Someone else's wait")
    response = in_context(moderator_client, reply)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    content = response.content.decode()
    assert article.title in content
    marked = content.split('comment--in-context" id="comment-', 1)[1]
    assert marked.startswith(f'{reply.pk}"')
    assert "The comment you are moderating: Pending" in marked
    assert content.index("Does it help knots?") < content.index("Pending answer")
    assert other.body not in content  # only the thread of the comment in question
    # Readers still see only what is approved.
    public = Client().get(article.url).content.decode()
    assert "Does it help knots?" in public and "Pending answer" not in public


def test_view_in_context_opens_the_page_of_comments_holding_it(moderator_client, article, tree):
    rules = DiscussionSettings.for_site(tree.blog.get_site())
    rules.comments_per_page = 5
    rules.save()
    add_comments(article, 12, status=Status.APPROVED)
    late = add_comments(article, 1, body="The thirteenth comment")[0]
    content = in_context(moderator_client, late).content.decode()
    assert "The thirteenth comment" in content
    assert "Comment number 0 on the article." not in content  # page 1 is not shown


def test_view_in_context_is_for_those_who_may_moderate_the_comment(
    article, tree, django_user_model
):
    comment = make_comment(article, status=Status.PENDING, body="Not for strangers")
    therapist = django_user_model.objects.create_user("t", password="pw")
    for client in (Client(), logged_in(therapist)):
        response = in_context(client, comment)
        assert "Not for strangers" not in response.content.decode()
        assert response.status_code in (302, 403)


# Undo


def test_undo_puts_a_single_action_back(moderator_client, article):
    comment = add_comments(article, 1)[0]
    after = moderator_client.post(moderate_url(comment, "spam"), {"next": LISTING}, follow=True)
    content = after.content.decode()
    assert "You marked 1 comment as spam." in content and "data-wellness-undo" in content
    undone = moderator_client.post(
        reverse("wellness_moderation:undo"), {"next": LISTING}, follow=True
    )
    assert "Undone: 1 comment is back as it was." in undone.content.decode()
    assert status_of(comment) == Status.PENDING
    assert "data-wellness-undo" not in undone.content.decode()
    assert ModelLogEntry.objects.filter(action="wellness_comments.undo").count() == 1


def test_undo_puts_a_bulk_action_back_but_not_what_changed_since(
    moderator_client, moderator, article
):
    comments = add_comments(article, 3)
    spam = add_comments(article, 1, status=Status.SPAM)[0]
    response = moderator_client.post(bulk_url("approve", [*comments, spam]) + f"&next={LISTING}")
    assert response.status_code == 302
    assert "You approved 4 comments." in page(moderator_client)
    # Another moderator rejects one of them meanwhile: undo leaves that decision alone.
    ReaderComment.objects.filter(pk=comments[0].pk).update(status=Status.REJECTED)
    moderator_client.post(reverse("wellness_moderation:undo"))
    assert [status_of(c) for c in comments] == [Status.REJECTED, Status.PENDING, Status.PENDING]
    assert status_of(spam) == Status.SPAM


def test_undo_is_for_a_few_minutes_and_for_ones_own_action_only(
    moderator_client, moderator, article, django_user_model
):
    comment = add_comments(article, 1)[0]
    moderator_client.post(moderate_url(comment, "approve"))
    # Another moderator, handed the same batch in a forged session, undoes nothing.
    other = logged_in(user_in(django_user_model, "other", MODERATORS))
    session = other.session
    session[SESSION_KEY] = moderator_client.session[SESSION_KEY]
    session.save()
    other.post(reverse("wellness_moderation:undo"))
    assert status_of(comment) == Status.APPROVED
    # Eleven minutes on, the moderator's own undo has gone.
    session = moderator_client.session
    offered_at = datetime.datetime.fromisoformat(session[SESSION_KEY]["at"])
    session[SESSION_KEY]["at"] = (offered_at - datetime.timedelta(minutes=11)).isoformat()
    session.save()
    assert "data-wellness-undo" not in page(moderator_client, f"{LISTING}?status=")
    response = moderator_client.post(reverse("wellness_moderation:undo"), follow=True)
    assert "There is nothing to undo any more." in response.content.decode()
    assert status_of(comment) == Status.APPROVED


def test_undo_is_a_post(moderator_client, article):
    comment = add_comments(article, 1)[0]
    moderator_client.post(moderate_url(comment, "reject"))
    assert moderator_client.get(reverse("wellness_moderation:undo")).status_code == 405
    assert status_of(comment) == Status.REJECTED


def test_the_dashboard_panel_offers_undo_too(moderator_client, article):
    comment = add_comments(article, 1)[0]
    dashboard = moderator_client.post(
        moderate_url(comment, "approve"), {"next": "/admin/"}, follow=True
    )
    assert "You approved 1 comment." in dashboard.content.decode()
    moderator_client.post(reverse("wellness_moderation:undo"), {"next": "/admin/"})
    assert status_of(comment) == Status.PENDING
