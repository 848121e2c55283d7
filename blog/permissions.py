"""Who may do what with the wellness pages.

Therapists may create, edit and publish in the blog, technique and author sections; where
the site turns on a Wagtail workflow for a section, their publishing goes through it.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission
from wagtail.models.pages import PagePermissionTester

THERAPISTS = "Therapists"
MODERATORS = "Moderators"
SECTION_PERMISSIONS = ("add_page", "change_page", "publish_page")
# Lets moderators (and superusers) publish directly even where a workflow applies.
PUBLISH_WITHOUT_REVIEW = "blog.publish_without_review"


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
