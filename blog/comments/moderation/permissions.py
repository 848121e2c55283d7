"""Who may moderate which comments, and where they do it.

Moderators hold ``wellness_comments.moderate_readercomment``. Where a site's discussion
settings allow it, a page's own authors (``pages_authored_by()`` in blog.comments.pages) may
also moderate the comments on that page. The admin's moderation screens are under
``URL_NAMESPACE`` (blog.comments.admin); e-mail links to them and checks before acting use
the names and checks here, which need nothing of the admin.
"""

from django.db.models import Q
from wagtail.permission_policies import ModelPermissionPolicy

from ..models import DiscussionSettings, ReaderComment
from ..pages import commentable_models

MODERATE = "moderate"
MODERATE_PERMISSION = "wellness_comments.moderate_readercomment"
URL_NAMESPACE = "wellness_moderation"


def url_name(view_name):
    """The name of one of the admin's moderation URLs, for ``reverse()``."""
    return f"{URL_NAMESPACE}:{view_name}"


def _authored_by(user):
    """Comments on pages the user wrote, on sites that let authors moderate.

    Worked out once per user object (so once per request): permission checks ask often.
    """
    if not hasattr(user, "_wellness_authored_comments"):
        user._wellness_authored_comments = _authored_by_query(user)
    return user._wellness_authored_comments


def _authored_by_query(user):
    in_sites = Q()
    for root in DiscussionSettings.root_paths_where(authors_moderate_own=True):
        in_sites |= Q(page__path__startswith=root)
    if not in_sites or not user.is_authenticated:
        return Q(pk__in=[])
    authored = Q()
    for model in commentable_models():
        authored |= Q(page__in=model.pages_authored_by(user).values("pk"))
    return authored & in_sites


class ReaderCommentPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, plus "moderate" for moderators and (optionally) authors."""

    def __init__(self):
        super().__init__(ReaderComment)

    def user_has_permission(self, user, action):
        if action == MODERATE:
            return self.is_moderator(user) or self._may_moderate_some(user)
        if action == "add":  # comments come from readers, never from the admin
            return False
        if super().user_has_permission(user, action):
            return True
        return action == "view" and self._may_moderate_some(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if action in (MODERATE, "view") and not self.is_moderator(user):
            return (
                user.is_active
                and ReaderComment.objects.filter(_authored_by(user), pk=instance.pk).exists()
            )
        return self.user_has_permission(user, action)

    def instances_user_has_permission_for(self, user, action):
        if action in (MODERATE, "view") and not self.is_moderator(user):
            if not user.is_active:
                return ReaderComment.objects.none()
            return ReaderComment.objects.filter(_authored_by(user)).distinct()
        return super().instances_user_has_permission_for(user, action)

    def is_moderator(self, user):
        """A moderator of every comment (not only of their own pages'), by permission."""
        return user.is_active and user.has_perm(MODERATE_PERMISSION)

    def _may_moderate_some(self, user):
        return user.is_active and ReaderComment.objects.filter(_authored_by(user)).exists()


policy = ReaderCommentPermissionPolicy()


def moderatable(user):
    """The comments ``user`` may moderate: all of them for moderators, their pages'
    for authors where the site allows it, none otherwise."""
    return policy.instances_user_has_permission_for(user, MODERATE)


def may_moderate(user):
    return policy.user_has_permission(user, MODERATE)


def may_moderate_comment(user, comment):
    return policy.user_has_permission_for_instance(user, MODERATE, comment)
