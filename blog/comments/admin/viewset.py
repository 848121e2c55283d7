"""The comment listing and the pages around it, as a snippet viewset.

Comments are read, moderated and deleted here, never edited: a status changes only through
a moderation action, which is what the audit log records. So there is no edit form (its URL
leads to the inspect page), and no "Add" (the permission policy refuses it to everyone).
"""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import get_object_or_404
from django.template.defaultfilters import linebreaksbr
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from blog.core import converters  # noqa: F401 (registers <wellness_id:...>)

from ..models import ReaderComment
from ..moderation.moderate import moderate
from ..moderation.permissions import URL_NAMESPACE, moderatable
from .access import ModeratorRequiredMixin
from .chooser import ReaderCommentChooserViewSet
from .email_moderation import ModerateFromEmailView
from .filters import SEARCH_FIELDS, ReaderCommentFilterSet
from .menu import CommentsMenuItem
from .personal_data import EraseCommenterView, ExportCommenterView, commenter_buttons
from .queue import ReaderCommentIndexView
from .replies import ReplyView
from .undo import UndoView
from .views import InContextView, ModerateView, moderation_buttons


class ReaderCommentInspectView(ModeratorRequiredMixin, snippet_views.InspectView):
    any_permission_required = None
    history_url_name = None

    def get_object(self, queryset=None):
        related = ReaderComment.objects.select_related("page", "moderated_by", "user", "parent")
        return get_object_or_404(related, pk=self.pk)

    def get_edit_url(self):
        return None

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value is None else value  # an empty parent or account, not "None"

    def get_body_display_value(self):
        return linebreaksbr(self.object.body, autoescape=True)

    @cached_property
    def header_more_buttons(self):
        history_url = reverse(self.history_url_name, args=(self.object.pk,))
        buttons = [Button(_("History"), url=history_url, icon_name="history", priority=10)]
        if delete_url := self.get_delete_url():
            buttons.append(Button(_("Delete"), url=delete_url, icon_name="bin", priority=20))
        buttons += commenter_buttons(self.request.user, self.object, "header")
        return buttons

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "moderation_buttons": moderation_buttons(self.object),
        }


class ReaderCommentHistoryView(ModeratorRequiredMixin, snippet_views.HistoryView):
    any_permission_required = None
    inspect_url_name = None

    def get_edit_url(self, instance):
        # Breadcrumbs and the header link to "edit"; for a comment that is its inspect page.
        return reverse(self.inspect_url_name, args=(instance.pk,))

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(_("Inspect"), url=self.get_edit_url(self.object), icon_name="info-circle")
        ]


class ReaderCommentDeleteView(ModeratorRequiredMixin, snippet_views.DeleteView):
    def delete_action(self):
        # Through moderation, so that deleting is logged like every other action.
        moderate(ReaderComment.objects.filter(pk=self.object.pk), "delete", self.request.user)


class ReaderCommentViewSet(SnippetViewSet):
    model = ReaderComment
    icon = "comment"
    menu_label = _("Comments")
    menu_name = "comments"
    menu_order = 250  # after Pages, before Images
    add_to_admin_menu = True
    menu_item_class = CommentsMenuItem
    url_prefix = "comments"
    url_namespace = URL_NAMESPACE

    index_view_class = ReaderCommentIndexView
    index_template_name = "wellness_comments/admin/queue.html"
    index_results_template_name = "wellness_comments/admin/queue_results.html"
    inspect_view_class = ReaderCommentInspectView
    history_view_class = ReaderCommentHistoryView
    delete_view_class = ReaderCommentDeleteView
    chooser_viewset_class = ReaderCommentChooserViewSet
    inspect_template_name = "wellness_comments/admin/inspect.html"
    inspect_view_enabled = True
    inspect_view_fields = [
        "name",
        "email",
        "body",
        "page",
        "parent",
        "status",
        "created_at",
        "moderated_by",
        "moderated_at",
        "user",
        "user_agent",
    ]
    copy_view_enabled = False
    # Nothing links to a comment, and indexing would cost queries on every post and delete.
    add_to_reference_index = False

    list_per_page = 20  # as WordPress's comment screen: a laptop screen of rows
    filterset_class = ReaderCommentFilterSet
    search_fields = SEARCH_FIELDS
    search_backend_name = None  # comments are not in the search index: search with the ORM

    def get_queryset(self, request):
        return moderatable(request.user).select_related("page")

    @property
    def edit_view(self):
        return RedirectView.as_view(pattern_name=self.get_url_name("inspect"), query_string=True)

    @property
    def moderate_view(self):
        return ModerateView.as_view()

    @property
    def reply_view(self):
        return ReplyView.as_view()

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("undo/", UndoView.as_view(), name="undo"),
            path("<wellness_id:pk>/reply/", self.reply_view, name="reply"),
            path("<wellness_id:pk>/context/", InContextView.as_view(), name="in_context"),
            path("<wellness_id:pk>/<slug:action>/", self.moderate_view, name="moderate"),
            # Readers' rights: their data, and moderating from the held-comment e-mail.
            path(
                "<wellness_id:pk>/commenter/export/",
                ExportCommenterView.as_view(),
                name="export_commenter",
            ),
            path(
                "<wellness_id:pk>/commenter/erase/",
                EraseCommenterView.as_view(),
                name="erase_commenter",
            ),
            path("from-email/<str:token>/", ModerateFromEmailView.as_view(), name="from_email"),
        ]

    def get_permissions_to_register(self):
        """For the group editor: moderating, and deleting. Adding is impossible, and with no
        edit form the view and change permissions would grant nothing."""
        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(ReaderComment),
            codename__in=["moderate_readercomment", "delete_readercomment"],
        )
