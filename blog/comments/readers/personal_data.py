"""A reader's personal data, found by their e-mail address (in any case): all of it as a
download, and erasing it.

Readers reach both through signed links we e-mail them (blog.comments.readers.data_requests
and .views); moderators through a comment's actions in the admin
(blog.comments.admin.personal_data). Retention (blog.comments.readers.retention) reuses the
audit-log scrubbing below.
"""

import json
import secrets
import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import ModelLogEntry, Site

from blog.core.language import in_site_language
from blog.core.outbox.models import MailDelivery

from ..invalidation import comments_changed
from ..models import Commenter, CommentReport, DiscussionSettings, MutedThread, ReaderComment

EXPORT_LOG_ACTION = "wellness_comments.export"
ERASE_LOG_ACTION = "wellness_comments.erase"
# What the audit log keeps of an entry about a comment whose writer's data is erased: the
# page's title and the comment's status. Whatever else an entry holds goes.
KEPT_LOG_DATA = ("page", "status")
# Stored in the site's language: the name shown instead of theirs, and the label that
# replaces "name: first words" in the audit log.
ANONYMOUS = _("Anonymous")
ERASED_LABEL = _("A comment whose writer’s data was erased")


def register_log_actions(actions):
    actions.register_action(
        EXPORT_LOG_ACTION, _("Export commenter data"), _("Exported commenter data")
    )
    actions.register_action(ERASE_LOG_ACTION, _("Erase commenter data"), _("Erased commenter data"))


def normalised(email):
    return email.strip().lower()


def comments_of(email, comments=None):
    """The comments written with ``email``, in any case (among ``comments``, if given)."""
    comments = ReaderComment.objects.all() if comments is None else comments
    return comments.filter(email__iexact=email.strip())


def has_data(email):
    return (
        comments_of(email).exists()
        or Commenter.objects.filter(email__iexact=email.strip()).exists()
    )


# Which site's rules apply to a page ------------------------------------------------------


def site_rules():
    """[(root path, DiscussionSettings)] for every site, the deepest root first, so the first
    root a page's path starts with is its site's. Sites without saved settings get the
    defaults (unsaved: nothing is written). Two queries."""
    saved = {setting.site_id: setting for setting in DiscussionSettings.objects.all()}
    pairs, seen = [], set()
    for site in Site.objects.select_related("root_page").order_by("-is_default_site", "pk"):
        root = site.root_page.path
        if root not in seen:  # two sites on one root: the default site's rules, else the first
            seen.add(root)
            pairs.append((root, saved.get(site.pk) or DiscussionSettings(site=site)))
    pairs.sort(key=lambda pair: -len(pair[0]))
    return pairs


def rules_for_path(path, pairs):
    for root, rules in pairs:
        if path.startswith(root):
            return rules
    return DiscussionSettings()  # a page on no site: the defaults


# Export --------------------------------------------------------------------------------


def export(email, comments=None):
    """Everything we hold about ``email``, as JSON-ready data: each of their comments (any
    status) with its page, date, status, text and whether it was a reply, and what they
    asked of our e-mail. Nothing of anyone else: no replies, names or addresses of others.
    ``comments`` limits the comments (a moderator exports what they may moderate)."""
    scope = ReaderComment.objects.all() if comments is None else comments
    found = comments_of(email, scope).select_related("page").order_by("created_at", "pk")
    commenter = Commenter.objects.filter(email=normalised(email)).first()
    data = {
        "email": normalised(email),
        "exported_at": timezone.now(),
        "comments": [_comment_data(comment) for comment in found],
    }
    if commenter is not None:
        muted = MutedThread.objects.filter(commenter=commenter, thread__in=scope)
        data["email_preferences"] = {
            "confirmed_at": commenter.confirmed_at,
            "unsubscribed_at": commenter.unsubscribed_at,
            "muted_conversations": [
                _page_data(entry.thread.page)
                for entry in muted.select_related("thread__page").order_by("pk")
            ],
        }
    return data


def _page_data(page):
    return {"title": page.title, "url": page.get_full_url()}


def _comment_data(comment):
    return {
        "id": comment.pk,
        "page": _page_data(comment.page),
        "posted_at": comment.created_at,
        "status": comment.status,
        "is_reply": comment.parent_id is not None,
        "name": comment.name,
        "text": comment.body,
        "edit_awaiting_moderation": comment.edited_body or None,
        "email_me_replies": comment.notify_replies,
        "browser": comment.user_agent,
        "network_address_hash_kept": bool(comment.ip_hash),
    }


def as_download(data, filename="my-comments.json"):
    """``data`` as a JSON file to save, never cached."""
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def log_export(comment, user):
    """A moderator downloaded the data of the writer of ``comment``."""
    ModelLogEntry.objects.log_action(
        comment, EXPORT_LOG_ACTION, user=user, data={"page": comment.page.title}
    )


# Erasure -------------------------------------------------------------------------------


@dataclass
class ErasurePlan:
    """What erasing an address does to each of its comments. Where the page's site erases
    by deleting (the default), a comment goes, unless replies hang from it: then it stays,
    emptied and marked removed, so the thread stays whole. Where the site anonymises, the
    text stays without name or address."""

    email: str
    delete: list = field(default_factory=list)
    remove: list = field(default_factory=list)
    anonymise: list = field(default_factory=list)

    @property
    def comments(self):
        return [*self.delete, *self.remove, *self.anonymise]

    def __bool__(self):
        return bool(self.comments)


def erasure_plan(email):
    """What ``erase(email)`` would do, without doing it. Three queries."""
    comments = {c.pk: c for c in comments_of(email).select_related("page")}
    pairs = site_rules()
    children = defaultdict(list)
    for pk, parent_id in ReaderComment.objects.filter(parent__in=list(comments)).values_list(
        "pk", "parent"
    ):
        children[parent_id].append(pk)

    deletable = {}

    def can_delete(pk):
        # Their comment goes if its site deletes and every reply to it goes too (their own
        # replies to themselves, say); a reply by anyone else keeps it in place.
        if pk not in deletable:
            comment = comments.get(pk)
            deletable[pk] = (
                comment is not None
                and rules_for_path(comment.page.path, pairs).erasure
                == DiscussionSettings.Erasure.DELETE
                and all(can_delete(child) for child in children[pk])
            )
        return deletable[pk]

    plan = ErasurePlan(normalised(email))
    for pk, comment in sorted(comments.items()):
        mode = rules_for_path(comment.page.path, pairs).erasure
        if mode == DiscussionSettings.Erasure.ANONYMISE:
            plan.anonymise.append(comment)
        elif can_delete(pk):
            plan.delete.append(comment)
        else:
            plan.remove.append(comment)
    return plan


@transaction.atomic
def erase(email, user=None):
    """Erase everything we hold about ``email``: each comment's name, address, network
    address hash, browser and account, and the comment itself or its text as the site
    chose (``erasure_plan``); their Commenter row (and with it the conversations they
    muted); the record of e-mail sent to them (blog.core.outbox); their mark on reports
    made from the network addresses of their comments; and the names and first words the
    audit log kept. Logs the erasure without the address,
    by ``user`` (None: the reader themselves). Returns the plan it carried out."""
    plan = erasure_plan(email)
    affected = plan.comments
    ids = [comment.pk for comment in affected]
    ip_hashes = {comment.ip_hash for comment in affected if comment.ip_hash}
    commenters = list(Commenter.objects.filter(email__iexact=email.strip()))

    scrub_log(ReaderComment, ids)
    scrub_log(Commenter, [commenter.pk for commenter in commenters])
    _log_erasure(plan, user)

    blank = {
        "name": in_site_language(ANONYMOUS),
        "email": "",
        "ip_hash": "",
        "user_agent": "",
        "user": None,
        "notify_replies": False,
        "edited_body": "",
        "edited_at": None,
        "by_author": False,
        "credentials": "",
        "profile": None,
    }
    ReaderComment.objects.filter(pk__in=[c.pk for c in plan.anonymise]).update(**blank)
    ReaderComment.objects.filter(pk__in=[c.pk for c in plan.remove]).update(
        **blank, body="", removed=True
    )
    ReaderComment.objects.filter(pk__in=[c.pk for c in plan.delete]).delete()
    Commenter.objects.filter(pk__in=[commenter.pk for commenter in commenters]).delete()
    MailDelivery.objects.for_address(email).delete()
    _unlink_reports(ip_hashes)
    comments_changed({comment.page_id for comment in affected})
    return plan


def scrub_log(model, ids):
    """Audit-log entries about these objects keep who acted, what and when, the page's title
    and the comment's status, but not the writer's name and first words (the label) nor
    anything else they recorded."""
    if not ids:
        return
    entries = list(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=[str(pk) for pk in ids],
        )
    )
    label = in_site_language(ERASED_LABEL)
    for entry in entries:
        data = entry.data if isinstance(entry.data, dict) else {}
        entry.label = label
        entry.data = {key: data[key] for key in KEPT_LOG_DATA if key in data}
    ModelLogEntry.objects.bulk_update(entries, ["label", "data"], batch_size=500)


def _log_erasure(plan, user):
    content_type = ContentType.objects.get_for_model(ReaderComment)
    label = in_site_language(ERASED_LABEL)
    batch, now = uuid.uuid4(), timezone.now()
    results = [("deleted", plan.delete), ("removed", plan.remove), ("anonymised", plan.anonymise)]
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type=content_type,
            object_id=str(comment.pk),
            label=label,
            action=ERASE_LOG_ACTION,
            data={"page": comment.page.title, "status": comment.status, "result": result},
            timestamp=now,
            uuid=batch,
            user=user,
            deleted=result == "deleted",
        )
        for result, comments in results
        for comment in comments
    )


def _unlink_reports(ip_hashes):
    """Reports count each reader once by a keyed hash of their network address: those made
    from the addresses the erased comments came from keep counting, under a random mark."""
    if not ip_hashes:
        return
    reports = list(CommentReport.objects.filter(reporter__in=ip_hashes))
    for report in reports:
        report.reporter = secrets.token_hex(32)
    CommentReport.objects.bulk_update(reports, ["reporter"], batch_size=500)


def erasure_summary(plan):
    """What the erasure did, in sentences for the reader or the moderator."""
    sentences = []
    if plan.delete:
        count = len(plan.delete)
        sentences.append(
            ngettext("%(count)d comment was deleted.", "%(count)d comments were deleted.", count)
            % {"count": count}
        )
    if plan.remove:
        count = len(plan.remove)
        sentences.append(
            ngettext(
                "%(count)d comment was emptied and kept, because others replied to it.",
                "%(count)d comments were emptied and kept, because others replied to them.",
                count,
            )
            % {"count": count}
        )
    if plan.anonymise:
        count = len(plan.anonymise)
        sentences.append(
            ngettext(
                "%(count)d comment was kept without a name or an address.",
                "%(count)d comments were kept without a name or an address.",
                count,
            )
            % {"count": count}
        )
    return sentences or [gettext("There were no comments to erase.")]
