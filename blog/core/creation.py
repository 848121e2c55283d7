"""New wellness pages and Wagtail 8's autosave.

The editor autosaves a new page with a JSON "save" to the create view, then turns its form
into the edit view's. A therapist who submits in between sends a second create: without
care it fails ("The slug is already in use") or makes a second page, and two creates at once
can fail in Wagtail's slug check with a 500. So creates of a wellness page under one parent
run one at a time, and each is recorded (PageCreation):

- a create by the editor's button replaces what autosave created of the same new page
  moments before (by the same user, under the same parent, still an unpublished draft);
- an autosave create moments after a create of the same kind is refused, as Wagtail refuses
  an autosave that would overwrite a newer version ("invalid_revision", which also stops
  that editor's autosave): it holds an older copy of a page the editor has created since;
- an edit of what autosave created moments before runs under the same parent's lock: by the
  time it holds it, a submit may have replaced the page, and the edit is then refused the
  same way, rather than failing on the slug the new page holds.
"""

import datetime
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import Http404, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page

from .models import PageCreation
from .pages import WellnessPageMixin

# How long after a create an autosave's create is taken for the same page: an autosave
# request in flight while the editor submits is seconds old at most.
RACE_WINDOW = datetime.timedelta(seconds=15)
# Records older than this are of no use and go.
KEPT_FOR = datetime.timedelta(hours=1)
_SERIALISED = "_wellness_create_serialised"


def is_autosave(request):
    return not request.accepts("text/html")


def is_serialised(request):
    """Whether this request is not a POST, or already runs holding its page's parent."""
    return request.method != "POST" or getattr(request, _SERIALISED, False)


@contextmanager
def holding_parent(request, parent_path):
    """A transaction that holds the page at ``parent_path`` (PostgreSQL locks its row;
    SQLite's IMMEDIATE transactions take the database's write lock), for the view to run
    again in. The request is marked, so that the hook does not run it a third time."""
    setattr(request, _SERIALISED, True)
    with transaction.atomic():
        list(Page.objects.select_for_update().filter(path=parent_path).values_list("pk"))
        yield


def create_one_at_a_time(request, parent_page, page_class):
    """``before_create_page``: run a POST to the create view of a wellness page again,
    holding the parent."""
    if is_serialised(request) or not issubclass(page_class, WellnessPageMixin):
        return None
    with holding_parent(request, parent_page.path):
        recent = created_lately(
            user=request.user,
            parent=parent_page,
            page__content_type=ContentType.objects.get_for_model(page_class),
        )
        if is_autosave(request):
            if recent.exists():
                return outdated(_("This page was created already: reload to edit it."))
        else:
            for creation in recent.filter(by_autosave=True).select_related("page"):
                replace_autosaved(creation.page, request.user)
        return CreateView.as_view()(request, **request.resolver_match.kwargs)


def edit_one_at_a_time(request, page):
    """``before_edit_page``: run a POST to the edit view of a page that autosave created
    moments ago again, holding its parent as creates do, and only if the page is still there:
    a submit sent to the create view just before may be replacing it (``replace_autosaved``)."""
    if is_serialised(request) or not isinstance(page, WellnessPageMixin):
        return None
    if not created_lately(page=page, by_autosave=True).exists():
        return None
    with holding_parent(request, page.path[: -Page.steplen]):
        if not Page.objects.filter(pk=page.pk).exists():
            if is_autosave(request):
                return outdated(_("This page was replaced: reload to edit it."))
            raise Http404
        return EditView.as_view()(request, **request.resolver_match.kwargs)


def created_lately(**lookups):
    """The creations matching ``lookups`` recent enough to be racing the request."""
    return PageCreation.objects.filter(created_at__gte=timezone.now() - RACE_WINDOW, **lookups)


def outdated(message):
    """What Wagtail answers an autosave that would overwrite a newer version: it also stops
    that editor's autosave."""
    return JsonResponse(
        {"success": False, "error_code": "invalid_revision", "error_message": message},
        status=400,
    )


def replace_autosaved(page, user):
    """Delete what autosave created, if it is still only that: a draft never published and
    in no workflow. The create being handled holds the same page, as the editor has it now."""
    page = page.specific_deferred
    if page.live or page.first_published_at or page.workflow_in_progress:
        return
    DeletePageAction(page, user=user).execute(skip_permission_checks=True)


def record_creation(request, page):
    """``after_create_page``: remember who created ``page``, and how, for a while."""
    if not isinstance(page, WellnessPageMixin):
        return
    now = timezone.now()
    PageCreation.objects.filter(created_at__lt=now - KEPT_FOR).delete()
    PageCreation.objects.create(
        page=page,
        parent_id=page.get_parent().pk,
        user=request.user,
        by_autosave=is_autosave(request),
        created_at=now,
    )
