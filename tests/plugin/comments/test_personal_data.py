"""A reader's personal data: they ask on /comments/my-data/, get signed links by e-mail,
download their comments as JSON and erase them; moderators do the same from the admin. Tested
on a commenter with approved, pending and replied-to comments; after erasure nothing of their
name, address or network address hash is left in any table, the audit log included."""

import json

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core import mail
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry, Site

from blog.comments.models import Commenter, CommentReport, MutedThread, ReaderComment
from blog.comments.moderation.moderate import moderate
from blog.comments.readers.personal_data import ERASE_LOG_ACTION, EXPORT_LOG_ACTION, erase
from blog.core.models import MailDelivery
from blog.core.permissions import MODERATORS, THERAPISTS

from ...comments import make_comment, post, rules
from ...factories import make_article, make_author
from ...links import forged, issued_long_ago, link_to, links_in, path_of, sent_mail

Status = ReaderComment.Status
NAME = "Quillon Vantreese"
EMAIL = "quillon.vantreese@private.example"
MY_DATA = "/comments/my-data/"


@pytest.fixture
def writer(article, admin_user):
    """A reader who wrote, through the form: an approved comment someone replied to, an
    approved one without replies, one still pending, and a reply to someone else. The
    moderator's actions on them are in the audit log; they muted a conversation, and
    reported a comment from the address they posted from."""
    rules(notify_on_reply=True, max_reply_depth=3)
    other = make_comment(article, name="Olive Other", email="olive@example.com", body="Olive.")
    texts = {
        "replied": "My shoulder eased after the second session.",
        "quiet": "Thank you for the clear steps.",
        "pending": "Does this help with tension headaches?",
        "reply": "Same here, the stretches helped.",
    }
    client = Client(HTTP_USER_AGENT="QuillonBrowser/1.0")
    for key, body in texts.items():
        parent = other.pk if key == "reply" else ""
        email = EMAIL.upper() if key == "quiet" else EMAIL  # any case is the same reader
        response = post(client, article, name=NAME, email=email, body=body, parent=parent)
        assert response.status_code == 303
    comments = {key: ReaderComment.objects.get(body=body) for key, body in texts.items()}
    approved = [comments[key].pk for key in ("replied", "quiet", "reply")]
    moderate(ReaderComment.objects.filter(pk__in=approved), "approve", admin_user)
    answer = make_comment(
        article, parent=comments["replied"], name="Rene Replier", email="rene@example.com"
    )
    # An entry that kept more than the page and status: all but those go with the writer.
    ModelLogEntry.objects.log_action(
        comments["pending"],
        "wellness_comments.approve",
        data={"page": article.title, "status": "pending", "note": f"{NAME} <{EMAIL}>"},
    )
    commenter = Commenter.for_email(EMAIL)
    MutedThread.objects.create(commenter=commenter, thread=other)
    ip_hash = comments["replied"].ip_hash
    assert ip_hash
    CommentReport.objects.create(comment=other, reason="spam", reporter=ip_hash)
    return {**comments, "other": other, "answer": answer, "ip_hash": ip_hash}


@pytest.fixture
def moderator(db, django_user_model):
    user = django_user_model.objects.create_user("mo", "mo@example.com", "pw")
    user.groups.add(Group.objects.get(name=MODERATORS))
    client = Client()
    client.force_login(user)
    client.user = user
    return client


def ask_for_links(callbacks, email=EMAIL, client=None, ip="203.0.113.50"):
    client = client or Client()
    messages, response = sent_mail(
        callbacks, lambda: client.post(MY_DATA, {"email": email}, REMOTE_ADDR=ip)
    )
    return response, messages


def traces(*needles):
    """Every (table, column, value) in the database holding one of ``needles``, in any case:
    every model's character, text and JSON columns, read row by row."""
    found = []
    lowered = [needle.lower() for needle in needles]
    for model in apps.get_models():
        meta = model._meta
        if meta.proxy or not meta.managed or meta.swapped:
            continue
        columns = [
            f.attname
            for f in meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField | models.JSONField)
        ]
        if not columns:
            continue
        for row in model._base_manager.values_list(*columns):
            for column, value in zip(columns, row, strict=True):
                if value is None:
                    continue
                text = value if isinstance(value, str) else json.dumps(value, cls=DjangoJSONEncoder)
                if any(needle in text.lower() for needle in lowered):
                    found.append((meta.db_table, column, text))
    return found


# Asking for the links ----------------------------------------------------------------


def test_the_page_never_tells_whether_an_address_commented(
    writer, django_capture_on_commit_callbacks
):
    page = Client().get(MY_DATA)
    assert page.status_code == 200 and 'autocomplete="email"' in page.content.decode()
    assert page["Cache-Control"].startswith("max-age=0")
    answers = []
    for email in (EMAIL, "nobody@example.com"):
        response, messages = ask_for_links(django_capture_on_commit_callbacks, email)
        assert response.status_code == 303
        answers.append(Client().get(response["Location"]).content.decode())
        assert len(messages) == (1 if email == EMAIL else 0)
    assert answers[0] == answers[1]
    assert "If we have comments from this address, we have sent it an e-mail" in answers[0]
    (message,) = mail.outbox
    assert message.to == [EMAIL]
    assert link_to(message, "/my-data/download/") and link_to(message, "/my-data/erase/")
    assert not [link for link in links_in(message) if "quillon" in link.lower()]


def test_asking_is_csrf_protected_and_validated(writer):
    refused = Client(enforce_csrf_checks=True).post(MY_DATA, {"email": EMAIL})
    assert refused.status_code == 403
    invalid = Client().post(MY_DATA, {"email": "not an address"})
    assert invalid.status_code == 400 and "Enter a valid email address." in invalid.content.decode()
    assert mail.outbox == []


def test_asking_is_rate_limited_alike_for_every_address(writer, django_capture_on_commit_callbacks):
    for email in (EMAIL, "nobody@example.com"):
        for _n in range(3):
            response, _messages = ask_for_links(django_capture_on_commit_callbacks, email)
            assert response.status_code == 303
        response, messages = ask_for_links(django_capture_on_commit_callbacks, email)
        assert response.status_code == 429 and messages == []
        assert int(response["Retry-After"]) > 0
    # Per network address too, whatever address is typed.
    for n in range(10):
        ask_for_links(django_capture_on_commit_callbacks, f"r{n}@example.com", ip="198.51.100.9")
    response, _ = ask_for_links(
        django_capture_on_commit_callbacks, "r99@example.com", ip="198.51.100.9"
    )
    assert response.status_code == 429


# Downloading -------------------------------------------------------------------------


def test_the_download_holds_all_their_comments_and_nothing_of_others(
    writer, article, django_capture_on_commit_callbacks
):
    _response, (message,) = ask_for_links(django_capture_on_commit_callbacks)
    response = Client().get(path_of(link_to(message, "/my-data/download/")))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="my-comments.json"'
    assert response["Cache-Control"].startswith("max-age=0")
    data = json.loads(response.content)
    assert data["email"] == EMAIL
    by_text = {item["text"]: item for item in data["comments"]}
    assert set(by_text) == {writer[key].body for key in ("replied", "quiet", "pending", "reply")}
    replied = by_text[writer["replied"].body]
    assert replied["status"] == "approved" and replied["is_reply"] is False
    assert replied["page"] == {"title": article.title, "url": article.full_url}
    assert replied["name"] == NAME and replied["browser"] == "QuillonBrowser/1.0"
    assert by_text[writer["pending"].body]["status"] == "pending"
    assert by_text[writer["reply"].body]["is_reply"] is True
    assert data["email_preferences"]["muted_conversations"] == [
        {"title": article.title, "url": article.full_url}
    ]
    text = response.content.decode()
    for others in ("Olive", "olive@", "Rene", "rene@", writer["answer"].body, writer["ip_hash"]):
        assert others not in text
    # Downloading changes nothing, and may be done again while the link lasts.
    assert Client().get(path_of(link_to(message, "/my-data/download/"))).status_code == 200


# Erasing -----------------------------------------------------------------------------


def test_erasing_by_link_deletes_keeps_threads_and_leaves_no_trace(
    writer, article, django_capture_on_commit_callbacks
):
    _response, (message,) = ask_for_links(django_capture_on_commit_callbacks)
    url = path_of(link_to(message, "/my-data/erase/"))
    needles = (NAME, EMAIL, writer["ip_hash"])
    assert traces(*needles) and MailDelivery.objects.for_address(EMAIL).exists()

    reader = Client(enforce_csrf_checks=True)
    page = reader.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert "3 comments will be deleted." in text
    assert "1 comment will be emptied but keep its place, because others replied to it." in text
    assert ReaderComment.objects.filter(email__iexact=EMAIL).count() == 4  # a GET changes nothing
    csrf = reader.cookies["csrftoken"].value
    assert reader.post(url).status_code == 403  # the erase form is CSRF-protected
    done = reader.post(url, {"csrfmiddlewaretoken": csrf})
    assert done.status_code == 200
    assert "3 comments were deleted." in done.content.decode()

    # The thread stands: the reply to their comment hangs from its emptied place.
    kept = ReaderComment.objects.get(pk=writer["replied"].pk)
    assert kept.removed and kept.body == "" and kept.name == "Anonymous"
    assert (kept.email, kept.ip_hash, kept.user_agent) == ("", "", "")
    assert ReaderComment.objects.get(pk=writer["answer"].pk).parent_id == kept.pk
    assert set(ReaderComment.objects.values_list("pk", flat=True)) == {
        writer["other"].pk,
        writer["answer"].pk,
        kept.pk,
    }
    assert not Commenter.objects.exists() and not MutedThread.objects.exists()
    assert not MailDelivery.objects.for_address(EMAIL).exists()  # the links' e-mail, too
    assert CommentReport.objects.count() == 1  # the report still counts, under a random mark
    assert traces(*needles) == []
    erased = ModelLogEntry.objects.filter(action=ERASE_LOG_ACTION)
    assert erased.count() == 4 and {entry.user for entry in erased} == {None}

    # The links are spent now: a clear page, and nothing more happens.
    for response in (reader.get(url), reader.post(url, {"csrfmiddlewaretoken": csrf})):
        assert response.status_code == 410
        assert "This link was already used" in response.content.decode()
    gone = Client().get(path_of(link_to(message, "/my-data/download/")))
    assert gone.status_code == 410
    assert "there is nothing to download" in gone.content.decode()


def test_where_the_site_anonymises_the_words_stay(writer, article):
    rules(erasure="anonymise")
    erase(EMAIL)
    mine = ReaderComment.objects.filter(
        pk__in=[writer[key].pk for key in ("replied", "quiet", "pending", "reply")]
    )
    assert mine.count() == 4
    assert set(mine.values_list("name", "email", "ip_hash", "user_agent", "removed")) == {
        ("Anonymous", "", "", "", False)
    }
    assert {c.body for c in mine} == {
        writer[key].body for key in ("replied", "quiet", "pending", "reply")
    }
    assert mine.get(pk=writer["pending"].pk).status == Status.PENDING
    assert traces(NAME, EMAIL, writer["ip_hash"]) == []


def test_erasure_follows_each_sites_choice(writer, article, tree):
    """The same address on two sites: each erases its own way."""
    from wagtail.models import Page

    from blog.comments.models import DiscussionSettings

    root = Page.get_first_root_node()
    other_root = root.add_child(instance=Page(title="Second site", slug="second"))
    second = Site.objects.create(hostname="second.example", root_page=other_root)
    DiscussionSettings.objects.create(site=second, erasure="anonymise")
    elsewhere = make_comment(other_root, name=NAME, email=EMAIL, body="On the second site.")
    erase(EMAIL)
    elsewhere.refresh_from_db()
    assert (elsewhere.name, elsewhere.body, elsewhere.email) == (
        "Anonymous",
        "On the second site.",
        "",
    )
    assert not ReaderComment.objects.filter(pk=writer["quiet"].pk).exists()


def test_bad_links_are_a_clear_4xx_and_nothing_is_lost(writer, django_capture_on_commit_callbacks):
    with issued_long_ago("erase"):
        _response, (old,) = ask_for_links(django_capture_on_commit_callbacks)
    _response, (fresh,) = ask_for_links(django_capture_on_commit_callbacks)
    client = Client()
    for fragment in ("/my-data/erase/", "/my-data/download/"):
        for method in (client.get, client.post):
            expired = method(path_of(link_to(old, fragment)))
            if method == client.post and fragment.endswith("download/"):
                assert expired.status_code == 405  # a download is a GET
                continue
            assert expired.status_code == 410
            assert "This link has expired" in expired.content.decode()
            assert "Ask for a new link" in expired.content.decode()
            bad = method(path_of(forged(link_to(fresh, fragment))))
            assert bad.status_code == 400 and "This link is not valid" in bad.content.decode()
    assert client.get("/comments/my-data/erase/not-a-token/").status_code == 400
    assert ReaderComment.objects.filter(email__iexact=EMAIL).count() == 4
    assert Commenter.objects.filter(email=EMAIL).exists()


# In the admin ------------------------------------------------------------------------


def test_a_moderator_exports_from_the_comment_and_it_is_logged(writer, moderator):
    comment = writer["pending"]
    inspect = moderator.get(reverse("wellness_moderation:inspect", args=(comment.pk,)))
    export_url = reverse("wellness_moderation:export_commenter", args=(comment.pk,))
    erase_url = reverse("wellness_moderation:erase_commenter", args=(comment.pk,))
    assert export_url in inspect.content.decode() and erase_url in inspect.content.decode()
    listing = moderator.get("/admin/comments/").content.decode()
    assert export_url in listing and erase_url in listing

    response = moderator.get(export_url)
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    assert len(json.loads(response.content)["comments"]) == 4
    (entry,) = ModelLogEntry.objects.filter(action=EXPORT_LOG_ACTION)
    assert entry.object_id == str(comment.pk) and entry.user == moderator.user


def test_a_moderator_erases_from_the_comment_and_it_is_logged_without_the_address(
    writer, moderator
):
    url = reverse("wellness_moderation:erase_commenter", args=(writer["quiet"].pk,))
    page = moderator.get(url)
    assert page.status_code == 200
    assert "3 comments will be deleted." in page.content.decode()
    assert ReaderComment.objects.filter(email__iexact=EMAIL).count() == 4

    done = moderator.post(url, follow=True)
    assert done.status_code == 200
    assert "The commenter’s data is erased. 3 comments were deleted." in done.content.decode()
    entries = ModelLogEntry.objects.filter(action=ERASE_LOG_ACTION)
    assert entries.count() == 4 and {e.user for e in entries} == {moderator.user}
    assert traces(NAME, EMAIL, writer["ip_hash"]) == []
    history = moderator.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Erased commenter data" in history and NAME not in history
    # The comment kept for its replies offers no more actions on a writer who is gone.
    inspect = moderator.get(reverse("wellness_moderation:inspect", args=(writer["replied"].pk,)))
    assert "commenter/erase/" not in inspect.content.decode()


def test_only_moderators_of_every_comment_may_erase(writer, article, tree, django_user_model):
    """An author who moderates their own article's comments may export what they moderate,
    but not erase: erasure reaches the address's comments everywhere, and deletes."""
    rules(authors_moderate_own=True)
    user = django_user_model.objects.create_user("author", "author@example.com", "pw")
    user.groups.add(Group.objects.get(name=THERAPISTS))
    own = make_article(tree.blog, "Their own", authors=[make_author(tree.authors, user=user)])
    on_own = make_comment(own, name=NAME, email=EMAIL, body="On the author's own article.")
    client = Client()
    client.force_login(user)
    erase_url = reverse("wellness_moderation:erase_commenter", args=(on_own.pk,))
    assert client.get(erase_url).status_code == 403
    assert client.post(erase_url).status_code == 403
    inspect = client.get(reverse("wellness_moderation:inspect", args=(on_own.pk,)))
    assert inspect.status_code == 200 and erase_url not in inspect.content.decode()
    export = client.get(reverse("wellness_moderation:export_commenter", args=(on_own.pk,)))
    assert [c["text"] for c in json.loads(export.content)["comments"]] == [on_own.body]
    export_other = reverse("wellness_moderation:export_commenter", args=(writer["quiet"].pk,))
    assert client.get(export_other).status_code == 403
    assert ReaderComment.objects.filter(email__iexact=EMAIL).count() == 5


def test_the_readers_pages_speak_spanish(writer, django_capture_on_commit_callbacks, settings):
    from django.utils import translation

    settings.LANGUAGE_CODE = "es"  # the e-mail goes out in the site's language
    _response, (message,) = ask_for_links(django_capture_on_commit_callbacks)
    assert message.subject.startswith("Tus comentarios en ")
    assert "Descárgalos en un archivo: http://testserver/comments/my-data/download/" in message.body
    with translation.override("es"):
        asking = Client().get(MY_DATA).content.decode()
        erasing = Client().get(path_of(link_to(message, "/my-data/erase/"))).content.decode()
        bad = Client().get("/comments/my-data/erase/not-a-token/").content.decode()
    assert "Tus comentarios y tus datos" in asking and "Envíame los enlaces" in asking
    assert "Se eliminarán 3 comentarios." in erasing and "Borrar mis datos" in erasing
    assert "Este enlace no es válido" in bad


def test_cached_pages_forget_the_erased_name(writer, article, settings):
    settings.WELLNESS_PAGE_CACHE = settings.WELLNESS_ROUTE_CACHE = True
    for _ in range(3):  # until it is served from the page cache
        if Client().get(article.url)["X-Wellness-Cache"] == "hit":
            break
    else:
        raise AssertionError("the article is never cached")
    assert NAME in Client().get(article.url).content.decode()
    erase(EMAIL)
    page = Client().get(article.url).content.decode()
    assert NAME not in page and writer["answer"].body in page


def test_erasing_costs_a_few_queries_however_many_comments(article, admin_user):
    """A writer of 10 comments or of 200 is erased in about the same number of queries:
    their comments, the replies to them and their log entries go in bulk, never one by one
    (Django's deletion collector adds a query or two for bigger sets)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def erase_writer(email, n):
        for k in range(n):
            comment = make_comment(article, name="Many", email=email, body=f"Comment {k}")
            if k % 5 == 0:
                make_comment(article, parent=comment, name="Other", email="o@example.com")
        moderate(ReaderComment.objects.filter(email=email), "approve", admin_user)
        with CaptureQueriesContext(connection) as captured:
            erase(email, admin_user)
        assert not ReaderComment.objects.filter(email=email).exists()
        return len(captured)

    few = erase_writer("few@example.com", 10)
    many = erase_writer("many@example.com", 200)
    assert few <= many <= few + 5 <= 25
