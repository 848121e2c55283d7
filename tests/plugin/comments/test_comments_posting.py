"""Readers post comments; nothing they write is public until a moderator or a rule says so."""

import logging

import pytest
from django.core import mail
from django.db import connection
from django.db.models import Q
from django.test import Client

from blog.comments.models import ReaderComment
from blog.core.models import MailDelivery

from ...comments import known_commenter, make_comment, post, rules

Status = ReaderComment.Status


def page(client, article, **query):
    response = client.get(article.url, query)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def reader():
    return Client()


def test_posted_comment_awaits_moderation_and_only_its_author_sees_it(article, reader):
    response = post(reader, article)
    comment = ReaderComment.objects.get()
    assert response.status_code == 303
    assert response["Location"] == f"{article.url}#comment-{comment.pk}"
    assert comment.status == Status.PENDING
    assert "Thank you, this helped my shoulder." in page(reader, article)
    assert "Awaiting moderation" in page(reader, article)
    assert "this helped my shoulder" not in page(Client(), article)


def test_stores_a_keyed_hash_of_the_address_never_the_address(article, reader):
    post(reader, article, ip="198.51.100.23")
    comment = ReaderComment.objects.get()
    assert comment.ip_hash and "198.51.100.23" not in comment.ip_hash
    assert len(comment.ip_hash) == 64


def test_approved_comments_show_threaded_oldest_first(article):
    first = make_comment(article, name="First", body="Older comment.")
    make_comment(article, name="Second", body="Newer comment.")
    make_comment(article, parent=first, name="Replier", body="A reply.")
    html = page(Client(), article)
    assert html.index("Older comment.") < html.index("A reply.") < html.index("Newer comment.")
    assert html.count('class="comment-replies"') == 1
    assert "Comments <span" in html and "(3)" in html


@pytest.mark.parametrize("status", [Status.PENDING, Status.REJECTED, Status.SPAM])
def test_unapproved_comments_never_reach_other_readers(article, status, tree):
    make_comment(article, status=status, body="Not for the public.")
    assert "Not for the public." not in page(Client(), article)
    assert "comment" not in page(Client(), tree.blog).split("min read", 1)[1].split("</p>")[0]


def test_counts_show_on_cards_and_in_the_article_header(article, tree):
    make_comment(article)
    make_comment(article)
    make_comment(article, status=Status.PENDING)
    assert "2 comments" in page(Client(), tree.blog)
    assert ">2 comments</a>" in page(Client(), article)


def test_enhanced_form_gets_json_with_the_rendered_comment(article, reader):
    response = post(reader, article, json=True, body="Posted with <b>JavaScript</b>.")
    assert response.status_code == 200
    data = response.json()
    assert data["status"] == "pending"
    assert "Posted with &lt;b&gt;JavaScript&lt;/b&gt;." in data["html"]
    assert "Awaiting moderation" in data["html"]


def test_errors_keep_what_the_reader_typed(article, reader):
    response = post(reader, article, email="not-an-address", body="My long careful comment.")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Enter a valid email address" in html
    assert "My long careful comment.</textarea>" in html
    assert not ReaderComment.objects.exists()


def test_errors_come_back_as_json_to_the_enhanced_form(article, reader):
    response = post(reader, article, json=True, name="")
    assert response.status_code == 400
    assert "name" in response.json()["errors"]


def test_an_expired_form_is_refused_but_keeps_the_comment(article, reader):
    response = post(reader, article, age=7 * 3600, body="Written slowly.")
    assert response.status_code == 400
    html = response.content.decode()
    assert "the form expired" in html
    assert "Written slowly.</textarea>" in html


@pytest.mark.parametrize("token", ["", "forged", "e30:1abc:xyz"])
def test_a_forged_token_is_refused(article, reader, token):
    response = post(reader, article, token=token)
    assert response.status_code == 400
    assert not ReaderComment.objects.exists()


def test_a_token_for_another_article_is_refused(article, reader, tree, author):
    from ...comments import token
    from ...factories import make_article

    other = make_article(tree.blog, authors=[author])
    response = post(reader, article, token=token(other))
    assert response.status_code == 400


def test_the_honeypot_drops_the_comment_silently(article, reader):
    response = post(reader, article, website="http://spam.example")
    assert response.status_code == 303
    assert not ReaderComment.objects.exists()


def test_forms_sent_faster_than_a_person_types_are_held_even_for_returning_readers(article):
    rules(auto_approve_returning=True)
    post(known_commenter(article), article, age=1)
    assert ReaderComment.objects.get(body__startswith="Thank you").status == Status.PENDING


def test_forms_sent_too_fast_can_be_dropped(article):
    rules(too_fast_action="drop")
    assert post(Client(), article, age=1).status_code == 303
    assert not ReaderComment.objects.exists()


def test_rate_limit_per_address_answers_429_with_a_readable_page(article):
    rules(rate_limit_per_ip=2)
    for n in range(2):
        assert (
            post(Client(), article, email=f"r{n}@example.com", body=f"Comment {n}").status_code
            == 303
        )
    response = post(Client(), article, email="r3@example.com", body="One too many.")
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    html = response.content.decode()
    assert "Please wait a few minutes" in html
    assert "One too many.</textarea>" in html
    assert post(Client(), article, ip="192.0.2.1", email="x@example.com").status_code == 303


def test_rate_limit_per_email(article):
    rules(rate_limit_per_email=1)
    assert post(Client(), article, ip="192.0.2.1", body="One").status_code == 303
    assert post(Client(), article, ip="192.0.2.2", body="Two").status_code == 429


def test_returning_readers_wait_for_moderation_unless_the_owner_opts_in(article):
    reader = known_commenter(article)
    post(reader, article, body="Second time")
    assert ReaderComment.objects.get(body="Second time").status == Status.PENDING
    rules(auto_approve_returning=True)
    post(reader, article, body="Third time")
    assert ReaderComment.objects.get(body="Third time").status == Status.APPROVED


@pytest.mark.parametrize(
    "fields",
    [
        {"name": "n" * 81},
        {"email": "e" * 250 + "@example.com"},
        {"body": "b" * 3001},
        {"body": " "},
    ],
)
def test_every_field_has_a_length_limit(article, fields):
    assert post(Client(), article, **fields).status_code == 400
    assert not ReaderComment.objects.exists()


def test_site_can_shorten_the_comment_limit(article):
    rules(max_length=100)
    assert post(Client(), article, body="x" * 101).status_code == 400


def test_duplicates_are_refused(article):
    post(Client(), article)
    response = post(Client(), article)
    assert response.status_code == 400
    assert "You have already posted this comment" in response.content.decode()
    assert ReaderComment.objects.count() == 1


def test_a_comment_is_a_duplicate_only_if_all_of_it_is_the_same(article):
    opening = "My physiotherapist tried trigger point therapy on my upper back and "
    assert post(Client(), article, body=opening + "it helped.").status_code == 303
    assert post(Client(), article, body=opening + "it did not help.").status_code == 303
    assert post(Client(), article, body=opening + "it helped.").status_code == 400
    assert ReaderComment.objects.count() == 2


def test_the_duplicate_check_looks_a_body_up_however_many_comments_the_page_has(article):
    """Readers behind one address (a clinic, a mobile network) on a busy article: the
    check finds the body by its index rather than reading the page's comments one by one."""
    comments = [
        ReaderComment(page=article, name="R", email=f"r{n}@example.org", body=f"Comment {n}.")
        for n in range(3000)
    ]
    ReaderComment.objects.bulk_create(comments)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    duplicates = ReaderComment.objects.for_page(article).opening_as("Comment 7.")
    same_person = Q(email__iexact="r7@example.org") | Q(ip_hash=comments[0].ip_hash)
    plan = duplicates.filter(same_person).order_by().values_list("body").explain()
    assert "wellness_comment_page_body" in plan
    assert list(duplicates.filter(same_person).values_list("body", flat=True)) == ["Comment 7."]


def test_closed_article_hides_the_form_and_refuses_posts(article):
    article.comments_open = False
    article.save_revision().publish()
    html = page(Client(), article)
    assert "Comments are closed" in html and 'id="comment-form"' not in html
    assert post(Client(), article).status_code == 403
    assert not ReaderComment.objects.exists()


def test_comments_close_automatically_after_n_days(article):
    rules(close_after_days=30)  # the article is dated in 2024
    assert "Comments are closed" in page(Client(), article)
    assert post(Client(), article).status_code == 403


def test_replies_nest_to_the_configured_depth(article):
    top = make_comment(article)
    reply = post(Client(), article, parent=str(top.pk))
    assert reply.status_code == 303
    stored = ReaderComment.objects.get(parent=top)
    assert (stored.depth, stored.thread_id) == (2, top.pk)
    second = make_comment(article, parent=top)
    response = post(Client(), article, parent=str(second.pk), body="Too deep")
    assert response.status_code == 400
    assert "cannot be nested this deep" in response.content.decode()


@pytest.mark.parametrize("status", [Status.PENDING, Status.SPAM])
def test_replies_only_to_approved_comments_of_the_same_article(article, status):
    hidden = make_comment(article, status=status)
    assert post(Client(), article, parent=str(hidden.pk)).status_code == 400


def test_reply_link_without_javascript_prefills_the_form(article):
    top = make_comment(article, name="Ada")
    html = page(Client(), article, replyto=top.pk)
    assert f'name="parent" value="{top.pk}"' in html
    assert "Replying to <strong data-reply-banner-name>Ada</strong>" in html


def test_comment_text_is_escaped_with_paragraphs_and_safe_links(article):
    make_comment(
        article,
        body='<script>alert("x")</script>\n\nSee https://example.org/page for more.',
    )
    html = page(Client(), article)
    assert '<script>alert("x")</script>' not in html
    assert "&lt;script&gt;" in html
    assert '<a href="https://example.org/page" rel="nofollow ugc">' in html


def test_signed_in_reader_is_recorded_and_prefilled(article, django_user_model):
    user = django_user_model.objects.create_user(
        "sam", "sam@example.com", "pw", first_name="Sam", last_name="Lee"
    )
    client = Client()
    client.force_login(user)
    html = page(client, article)
    assert 'value="Sam Lee"' in html and 'value="sam@example.com"' in html
    post(client, article)
    assert ReaderComment.objects.get().user == user


def test_csrf_is_enforced(article):
    client = Client(enforce_csrf_checks=True)
    assert post(client, article).status_code == 403


def test_only_live_public_articles_take_comments(tree, author, reader):
    from ...factories import make_article

    draft = make_article(tree.blog, authors=[author], live=False)
    assert post(reader, draft).status_code == 404
    assert reader.get(f"/comments/{draft.pk}/").status_code == 405


def test_long_threads_are_paginated(article):
    rules(comments_per_page=5)
    for n in range(7):
        make_comment(article, body=f"Comment number {n}.")
    first, second = page(Client(), article), page(Client(), article, comments=2)
    assert "Comment number 4." in first and "Comment number 5." not in first
    assert "Comment number 5." in second and "Page 2 of 2" in second


def test_moderators_get_an_email_when_a_comment_is_held(
    article, django_user_model, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Group

    moderator = django_user_model.objects.create_user("mo", "mo@example.com", "pw")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    with django_capture_on_commit_callbacks(execute=True):
        post(Client(), article, name="Eve\r\nBcc: victim@example.com")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["mo@example.com"]
    assert "\n" not in message.subject and "victim" not in " ".join(message.bcc)
    assert "Thank you, this helped my shoulder." in message.body


def test_mail_failures_are_logged_and_the_comment_kept(
    article, django_user_model, django_capture_on_commit_callbacks, caplog, mail_server
):
    django_user_model.objects.create_superuser("root", "root@example.com", "pw")
    mail_server.down()
    with caplog.at_level(logging.WARNING), django_capture_on_commit_callbacks(execute=True):
        assert post(Client(), article).status_code == 303
    assert ReaderComment.objects.count() == 1
    (delivery,) = MailDelivery.objects.all()
    assert delivery.address == "root@example.com" and delivery.tries == 1
    assert "Connection refused" in delivery.last_error
    assert "will try again" in caplog.text


def test_unapproved_comments_are_in_no_public_page_feed_or_api(article, tree, technique, author):
    from django.urls import reverse

    for status in (Status.PENDING, Status.REJECTED, Status.SPAM):
        make_comment(article, status=status, name=f"Hidden {status}", body=f"Secret {status} text")
    post(Client(), article, body="Secret posted text")
    make_comment(article, body="Approved and public")
    urls = [
        article.url,
        tree.blog.url,
        technique.url,
        author.url,
        tree.blog.specific.feed_url("rss"),
        tree.blog.specific.feed_url("atom"),
        reverse("wellness_discovery:search") + "?q=text",
        "/api/v2/articles/?fields=*",
        f"/api/v2/articles/{article.pk}/",
        "/sitemap.xml",
    ]
    reader = Client()
    for url in urls:
        response = reader.get(url)
        assert response.status_code == 200, url
        assert b"Secret" not in response.content, url
    assert b"Approved and public" in reader.get(article.url).content


def test_the_form_says_what_is_kept_and_links_the_privacy_page(article, tree):
    """Under the form, one line: what is kept and for how long, by the site's own retention
    period, and a link to the site's privacy page once one is chosen."""
    from ...factories import make_article

    rules(address_retention_days=30)
    content = Client().get(article.url).content.decode()
    assert "a scrambled form of your network address for 30 days." in content
    assert "How we use your data" not in content

    privacy = make_article(tree.blog, "Privacy at Still Point")
    rules(privacy_page=privacy)
    content = Client().get(article.url).content.decode()
    assert f'<a href="{privacy.url}">How we use your data</a>' in content
