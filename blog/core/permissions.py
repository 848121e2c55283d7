"""Who may do what with the wellness pages.

Therapists may create, edit and publish in the blog, technique and author sections; where
the site turns on a Wagtail workflow for a section, their publishing goes through it.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from wagtail.models import GroupPagePermission, Page, PageViewRestriction
from wagtail.models.pages import PagePermissionTester

THERAPISTS = "Therapists"
MODERATORS = "Moderators"
SECTION_PERMISSIONS = ("add_page", "change_page", "publish_page")
# Lets moderators (and superusers) publish directly even where a workflow applies.
PUBLISH_WITHOUT_REVIEW = "wellness_core.publish_without_review"


def grant_section_permissions(section):
    """Let therapists work in a newly created section (blog, techniques or authors)."""
    group = Group.objects.filter(name=THERAPISTS).first()
    if group is None:  # a site that removed the group has made its own arrangements
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=SECTION_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=section, permission=permission)


class ReviewedPublishingTester(PagePermissionTester):
    def can_publish(self):
        return super().can_publish() and self._may_skip_review()

    def can_publish_subpage(self):
        return super().can_publish_subpage() and self._may_skip_review()

    def _may_skip_review(self):
        return self.user.has_perm(PUBLISH_WITHOUT_REVIEW) or not self.page.has_workflow


class ReviewedPublishingMixin:
    """For the wellness page types: publishing goes through the site's workflow, if it has one,
    unless the user may publish without review."""

    def permissions_for_user(self, user):
        return ReviewedPublishingTester(user, self)


class ViewRestrictionsMixin:
    """Finds the view restrictions covering a page in one query, where Wagtail's
    ``get_view_restrictions`` first loads the ancestors (to resolve aliases), then asks.
    The ancestors' paths are prefixes of the page's own; an alias among them is covered by
    its source's restrictions, as in Wagtail."""

    def get_view_restrictions(self):
        step = Page.steplen
        paths = [self.path[:end] for end in range(step, len(self.path) + 1, step)]
        return PageViewRestriction.objects.filter(
            Q(page__path__in=paths) | Q(page__aliases__path__in=paths)
        ).distinct()
