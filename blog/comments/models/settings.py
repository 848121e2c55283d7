"""The site owner's rules for reader comments: WordPress's "Discussion settings", per site."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import register_setting
from wagtailmarkdown.fields import MarkdownField

from blog.core.models import CachedSiteSetting

from ..wordlists import word_list

# Shipped in English; the site owner edits both (Settings → Discussion settings).
DEFAULT_SAFEGUARDING_PHRASES = "\n".join(
    [
        "suicide",
        "suicidal",
        "kill myself",
        "killing myself",
        "end my life",
        "ending my life",
        "take my own life",
        "want to die",
        "wish I was dead",
        "better off dead",
        "no reason to live",
        "end it all",
        "self harm",
        "self-harm",
        "self harming",
        "harm myself",
        "hurt myself",
        "cut myself",
        "cutting myself",
        "overdose",
    ]
)
DEFAULT_SUPPORT_MESSAGE = """**Thank you for telling us. You are not alone.**
A member of our team will read your comment soon.

If you are in danger now, or might act on thoughts of harming yourself, call your local
emergency number (112 in Europe, 911 in North America, 999 in the UK) or go to the nearest
emergency department.

To talk to someone today, free and in confidence, find a helpline in your country at
[findahelpline.com](https://findahelpline.com)."""


@register_setting(icon="comment")
class DiscussionSettings(CachedSiteSetting):
    class TooFast(models.TextChoices):
        HOLD = "hold", _("Hold for moderation")
        DROP = "drop", _("Discard")

    comments_enabled = models.BooleanField(
        _("comments enabled"),
        default=True,
        help_text=_("Turn off to close comments on every page of this site."),
    )
    close_after_days = models.PositiveIntegerField(
        _("close comments after (days)"),
        default=0,
        help_text=_("Close comments on pages older than this many days. 0 keeps them open."),
    )
    max_reply_depth = models.PositiveSmallIntegerField(
        _("deepest reply"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(6)],
        help_text=_("1 allows no replies; 2 allows replies to comments; and so on."),
    )
    comments_per_page = models.PositiveSmallIntegerField(
        _("comments per page"),
        default=50,
        validators=[MinValueValidator(5), MaxValueValidator(500)],
        help_text=_("Top-level comments shown at a time under a page."),
    )
    max_length = models.PositiveSmallIntegerField(
        _("maximum comment length"),
        default=3000,
        validators=[MinValueValidator(100), MaxValueValidator(5000)],
        help_text=_("In characters."),
    )

    auto_approve_returning = models.BooleanField(
        _("auto-approve returning commenters"),
        default=False,
        help_text=_(
            "Publish a comment at once when the same browser posted an approved comment "
            "with the same e-mail address before, unless another rule holds it. An "
            "address alone is never trusted."
        ),
    )
    hold_links_over = models.PositiveSmallIntegerField(
        _("hold comments with more links than"),
        default=2,
        help_text=_("Spam often carries many links. 0 holds any comment with a link."),
    )
    hold_words = models.TextField(
        _("words to hold"),
        blank=True,
        help_text=_(
            "One word or phrase per line, matched as whole words in any case or accent; "
            "an address or domain matches e-mails. A comment containing one is held for "
            "moderation even if it would be approved."
        ),
    )
    spam_words = models.TextField(
        _("spam words"),
        blank=True,
        help_text=_(
            "One word or phrase per line, matched like the hold list. A comment "
            "containing one goes straight to spam."
        ),
    )

    min_seconds_to_fill = models.PositiveSmallIntegerField(
        _("minimum seconds to write a comment"),
        default=3,
        help_text=_("Forms sent back faster than this were filled in by a program."),
    )
    too_fast_action = models.CharField(
        _("forms sent too fast"),
        max_length=4,
        choices=TooFast.choices,
        default=TooFast.HOLD,
    )
    form_max_age_hours = models.PositiveSmallIntegerField(
        _("form expires after (hours)"),
        default=6,
        validators=[MinValueValidator(1)],
        help_text=_("Readers who take longer are asked to send their comment again."),
    )
    rate_limit_per_ip = models.PositiveSmallIntegerField(
        _("comments per address"),
        default=5,
        help_text=_("How many comments one network address may post per window. 0 turns it off."),
    )
    rate_limit_per_email = models.PositiveSmallIntegerField(
        _("comments per e-mail"),
        default=5,
        help_text=_("How many comments one e-mail address may post per window. 0 turns it off."),
    )
    rate_limit_window_minutes = models.PositiveSmallIntegerField(
        _("rate limit window (minutes)"), default=10, validators=[MinValueValidator(1)]
    )

    authors_moderate_own = models.BooleanField(
        _("authors moderate their pages"),
        default=False,
        help_text=_(
            "Let a page's authors (an article's, say) approve and reject comments on it, "
            "without the general moderation permission."
        ),
    )
    notify_moderators = models.BooleanField(
        _("notify moderators"),
        default=True,
        help_text=_("E-mail moderators when a comment is held for moderation."),
    )
    notify_on_reply = models.BooleanField(
        _("notify readers of replies"),
        default=False,
        help_text=_(
            "Offer readers an e-mail when a reply to their comment is approved. Each e-mail "
            "carries a one-click link to stop them."
        ),
    )

    require_confirmation = models.BooleanField(
        _("confirm new commenters by e-mail"),
        default=False,
        help_text=_(
            "A new commenter's first comment waits until they click the link we e-mail "
            "them. Auto-approval then trusts only confirmed addresses."
        ),
    )
    edit_window_minutes = models.PositiveSmallIntegerField(
        _("readers may edit or delete their comment for (minutes)"),
        default=15,
        validators=[MaxValueValidator(24 * 60)],
        help_text=_("An edit to an approved comment waits for a moderator. 0 lets no one edit."),
    )
    hide_after_reports = models.PositiveSmallIntegerField(
        _("hide a comment reported by this many readers"),
        default=3,
        help_text=_("It stays hidden until a moderator decides. 0 never hides a comment."),
    )

    safeguarding_phrases = models.TextField(
        _("safeguarding phrases"),
        blank=True,
        default=DEFAULT_SAFEGUARDING_PHRASES,
        help_text=_(
            "One word or phrase per line, matched like the other lists. A comment "
            "containing one is never published at once: it is marked urgent, listed first, "
            "and moderators are e-mailed at once."
        ),
    )
    support_message = MarkdownField(
        _("support message"),
        blank=True,
        default=DEFAULT_SUPPORT_MESSAGE,
        help_text=_(
            "Shown, in Markdown, to a reader whose comment is marked urgent, instead of "
            '"awaiting moderation": helplines and what to do in an emergency.'
        ),
    )

    class Erasure(models.TextChoices):
        DELETE = "delete", _("Delete their comments")
        ANONYMISE = "anonymise", _("Keep their comments' text, without name or address")

    erasure = models.CharField(
        _("when a reader's data is erased"),
        max_length=10,
        choices=Erasure.choices,
        default=Erasure.DELETE,
        help_text=_("Either way, replies to their comments stay, and so does the thread."),
    )
    address_retention_days = models.PositiveSmallIntegerField(
        _("keep network address hashes for (days)"),
        default=90,
        validators=[MinValueValidator(1)],
    )
    discarded_retention_days = models.PositiveSmallIntegerField(
        _("keep rejected, spam and unconfirmed comments for (days)"),
        default=30,
        validators=[MinValueValidator(1)],
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from under the comment form."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("comments_enabled"),
                FieldPanel("close_after_days"),
                FieldPanel("max_reply_depth"),
                FieldPanel("comments_per_page"),
                FieldPanel("max_length"),
            ],
            heading=_("Comments"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("auto_approve_returning"),
                FieldPanel("hold_links_over"),
                FieldPanel("hold_words"),
                FieldPanel("spam_words"),
            ],
            heading=_("Moderation rules"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("min_seconds_to_fill"),
                FieldPanel("too_fast_action"),
                FieldPanel("form_max_age_hours"),
                FieldPanel("rate_limit_per_ip"),
                FieldPanel("rate_limit_per_email"),
                FieldPanel("rate_limit_window_minutes"),
            ],
            heading=_("Abuse protection"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("authors_moderate_own"),
                FieldPanel("notify_moderators"),
                FieldPanel("notify_on_reply"),
            ],
            heading=_("Moderators and notifications"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("require_confirmation"),
                FieldPanel("edit_window_minutes"),
                FieldPanel("hide_after_reports"),
            ],
            heading=_("Readers"),
        ),
        MultiFieldPanel(
            [FieldPanel("safeguarding_phrases"), FieldPanel("support_message")],
            heading=_("Safeguarding"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("privacy_page"),
                FieldPanel("erasure"),
                FieldPanel("address_retention_days"),
                FieldPanel("discarded_retention_days"),
            ],
            heading=_("Personal data"),
        ),
    ]

    class Meta:
        verbose_name = _("discussion settings")
        verbose_name_plural = _("discussion settings")

    @classmethod
    def for_page(cls, page):
        """The settings of the site ``page`` is on (the defaults for a page on no site)."""
        site = page.get_site()
        return cls.for_site(site) if site is not None else cls()

    @classmethod
    def root_paths_where(cls, **switches):
        """The tree paths of the sites whose settings have ``switches`` on (e.g.
        ``notify_on_reply=True``), in one query: a page is on such a site when its path
        starts with one of them."""
        settings = cls.objects.filter(**switches).select_related("site__root_page")
        return [setting.site.root_page.path for setting in settings]

    @property
    def hold_word_list(self):
        return word_list(self.hold_words)

    @property
    def spam_word_list(self):
        return word_list(self.spam_words)

    @property
    def safeguarding_list(self):
        return word_list(self.safeguarding_phrases)
