"""Who moderates every comment, remembered: the held-comment e-mail goes to them on each post,
and the list changes only when an account, a group or a permission does."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save

from blog.core import versioned

MODERATORS = "moderators"  # the cache tag of the list (blog.core.versioned)


def moderators():
    """``(id, e-mail)`` of the active users with an address who may moderate every comment
    (moderators and superusers), in a stable order."""
    return versioned.remember(f"wellness:{MODERATORS}", {MODERATORS}, _find)


def _find():
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    permission = Q(groups__permissions__codename="moderate_readercomment") | Q(
        user_permissions__codename="moderate_readercomment"
    )
    users = users.filter(permission | Q(is_superuser=True)).distinct().order_by("email", "pk")
    return list(users.values_list("pk", "email"))


def changed(sender, **kwargs):
    versioned.invalidate(MODERATORS)


def connect():
    User = get_user_model()
    for model in (User, Group, Permission):  # deleting one leaves no m2m_changed behind
        for signal in (post_save, post_delete):
            signal.connect(changed, sender=model, dispatch_uid=f"wellness-moderators-{model}")
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(changed, sender=through, dispatch_uid=f"wellness-moderators-{through}")
