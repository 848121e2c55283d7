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
- every request to the edit view of what autosave created moments before (the editor loading
  the edit form's parts, autosaving, a second click on Submit) runs under the same parent's
  lock, from before Wagtail reads the page: a submit may be replacing the page, and a request
  that read it half before and half after the replacement failed with a 500. Under the lock
  it finds the page whole or not at all, and is then refused the same way (or a 404).

The create and edit views of wellness pages are these (WellnessPageViewSet, registered for
each wellness page type), so the lock is taken before Wagtail's own views read anything.
"""

import datetime
from contextlib import contextmanager

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.http import Http404, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.actions.delete_page import DeletePageAction
from wagtail.admin.views.pages.create import CreateView
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from .models import PageCreation
from .pages import WellnessPageMixin

# How long after a create an autosave's create is taken for the same page: an autosave
# request in flight while the editor submits is seconds old at most.
RACE_WINDOW = datetime.timedelta(seconds=15)
# How long edits of what autosave created take the parent's lock: a create that decided to
# replace the page at the end of the race window may still be at it for as long as a
# request lives (gunicorn.conf.py stops one after 30 s).
EDITS_HELD_FOR = RACE_WINDOW + datetime.timedelta(seconds=30)
# Records older than this are of no use and go.
KEPT_FOR = datetime.timedelta(hours=1)


def is_autosave(request):
    return not request.accepts("text/html")


@contextmanager
def holding_parent(parent_id):
    """A transaction that holds the page ``parent_id`` (PostgreSQL locks its row; SQLite's
    IMMEDIATE transactions take the database's write lock)."""
    with transaction.atomic():
        list(Page.objects.select_for_update().filter(pk=parent_id).values_list("pk"))
        yield


class OneAtATimeCreateView(CreateView):
    """Wagtail's create view, run holding the parent for a POST, after refusing an autosave
    of a page created moments ago or replacing what autosave created of this one."""

    def dispatch(self, request, content_type_app_name, content_type_model_name, parent_page_id):
        if request.method != "POST":
            return super().dispatch(
                request, content_type_app_name, content_type_model_name, parent_page_id
            )
        page_type = ContentType.objects.get_by_natural_key(
            content_type_app_name, content_type_model_name
        )
        with holding_parent(parent_page_id):
            recent = created_lately(
                user=request.user, parent_id=parent_page_id, page__content_type=page_type
            )
            if is_autosave(request):
                if recent.exists():
                    return outdated(_("This page was created already: reload to edit it."))
            else:
                for creation in recent.filter(by_autosave=True).select_related("page"):
                    replace_autosaved(creation.page, request.user)
            return super().dispatch(
                request, content_type_app_name, content_type_model_name, parent_page_id
            )


class OneAtATimeEditView(EditView):
    """Wagtail's edit view, run holding the parent for a page that autosave created moments
    ago, and only if the page is still there."""

    def dispatch(self, request, page_id, **kwargs):
        lately = created_lately(page_id=page_id, by_autosave=True, within=EDITS_HELD_FOR)
        parent_id = lately.values_list("parent_id", flat=True).first()
        if parent_id is None:
            return super().dispatch(request, page_id, **kwargs)
        with holding_parent(parent_id):
            if not Page.objects.filter(pk=page_id).exists():
                if is_autosave(request):
                    return outdated(_("This page was replaced: reload to edit it."))
                raise Http404
            return super().dispatch(request, page_id, **kwargs)


class WellnessPageViewSet(PageViewSet):
    add_view_class = OneAtATimeCreateView
    edit_view_class = OneAtATimeEditView


def wellness_page_viewsets():
    """``register_admin_viewset``: Wagtail's page views for each wellness page type, but for
    creating and editing."""
    return [
        WellnessPageViewSet(f"{model._meta.app_label}_{model._meta.model_name}", model=model)
        for model in apps.get_models()
        if issubclass(model, WellnessPageMixin) and issubclass(model, Page)
    ]


def created_lately(within=RACE_WINDOW, **lookups):
    """The creations matching ``lookups`` recent enough to be racing the request."""
    return PageCreation.objects.filter(created_at__gte=timezone.now() - within, **lookups)


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
