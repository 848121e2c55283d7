"""The snippet chooser every snippet gets, limited to moderators and what they may moderate.

Nothing chooses comments, but Wagtail registers chooser URLs for every snippet model; left as
they are, any admin user could list every comment, pending and spam included, through them.
"""

from django.shortcuts import get_object_or_404
from wagtail.snippets.views import chooser

from blog.core.converters import parse_id

from ..moderation.permissions import may_moderate, moderatable
from .access import forbidden


class ModeratorsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not may_moderate(request.user):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)


class ChooseView(ModeratorsOnlyMixin, chooser.ChooseView):
    def get_object_list(self):
        return moderatable(self.request.user)


class ChooseResultsView(ModeratorsOnlyMixin, chooser.ChooseResultsView):
    def get_object_list(self):
        return moderatable(self.request.user)


class ChosenView(ModeratorsOnlyMixin, chooser.SnippetChosenView):
    def get_object(self, pk):
        return get_object_or_404(moderatable(self.request.user), pk=parse_id(pk))


class ChosenMultipleView(ModeratorsOnlyMixin, chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return moderatable(self.request.user).filter(pk__in=filter(None, map(parse_id, pks)))


class ReaderCommentChooserViewSet(chooser.SnippetChooserViewSet):
    choose_view_class = ChooseView
    choose_results_view_class = ChooseResultsView
    chosen_view_class = ChosenView
    chosen_multiple_view_class = ChosenMultipleView
